"""Forms of the staff register; validation messages are Polish."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ostoja.accounts.models import User
from ostoja.accounts.selectors import office_assistants
from ostoja.families.forms import VersionedForm
from ostoja.staff.models import AssistantEmployment, FundingSource

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MONTH = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")


class AssistantChoiceMixin(forms.Form):
    assistant: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Asystent rodziny"), queryset=User.objects.none()
    )

    def set_office(self, office) -> None:
        field = self.fields["assistant"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = office_assistants(office)


class EmploymentForm(VersionedForm):
    class Meta:
        model = AssistantEmployment
        fields = ["form", "employer", "start_date", "end_date", "fte", "hours_per_month", "notes"]
        widgets = {"start_date": DATE, "end_date": DATE, "notes": forms.Textarea(attrs={"rows": 3})}


class NewEmploymentForm(EmploymentForm):
    assistant: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Asystent rodziny"), queryset=User.objects.none()
    )

    field_order = ["assistant"]

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["assistant"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = office_assistants(office)


class TrainingForm(AssistantChoiceMixin):
    date = forms.DateField(label=_("Data"), widget=DATE)
    title = forms.CharField(label=_("Tytuł"), max_length=250)
    hours = forms.DecimalField(
        label=_("Liczba godzin"), required=False, max_digits=5, decimal_places=1, min_value=0
    )
    organiser = forms.CharField(label=_("Organizator"), required=False, max_length=200)


class CostForm(AssistantChoiceMixin):
    month = forms.DateField(label=_("Miesiąc"), widget=MONTH, input_formats=["%Y-%m", "%Y-%m-%d"])
    amount = forms.DecimalField(
        label=_("Kwota (zł)"),
        max_digits=12,
        decimal_places=2,
        min_value=0,
        help_text=_("Wynagrodzenie ze składkami i inne koszty zatrudnienia w tym miesiącu."),
    )
    funding_source = forms.ChoiceField(
        label=_("Źródło finansowania"), choices=FundingSource.choices
    )
    programme_name = forms.CharField(
        label=_("Nazwa programu lub projektu"), required=False, max_length=250
    )
