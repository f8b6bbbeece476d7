"""Forms of the family registry; validation messages are Polish."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ostoja.accounts.selectors import office_users
from ostoja.common.forms import ModelMultipleChoiceField
from ostoja.families.models import Family, Person
from ostoja.families.selectors import problem_areas_valid_on


class VersionedForm(forms.ModelForm):
    """A form that carries the record version it was opened with (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version


class FamilyForm(VersionedForm):
    class Meta:
        model = Family
        fields = [
            "name",
            "street",
            "postal_code",
            "city",
            "social_worker",
            "problem_areas",
            "notes",
        ]
        field_classes = {"problem_areas": ModelMultipleChoiceField}
        widgets = {
            "problem_areas": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        social_worker = self.fields["social_worker"]
        problem_areas = self.fields["problem_areas"]
        assert isinstance(social_worker, forms.ModelChoiceField)
        assert isinstance(problem_areas, forms.ModelMultipleChoiceField)
        social_worker.queryset = office_users(office).filter(role_assignments__role="social_worker")
        problem_areas.queryset = problem_areas_valid_on(timezone.localdate())
        self.fields["postal_code"].widget.attrs.update(
            {"inputmode": "numeric", "placeholder": "00-000"}
        )


class PersonForm(VersionedForm):
    class Meta:
        model = Person
        fields = [
            "first_name",
            "last_name",
            "family_role",
            "pesel",
            "birth_date",
            "sex",
            "disability",
            "address",
        ]
        widgets = {"birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pesel"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "off", "maxlength": "11"}
        )
        self.fields["sex"].required = False
        self.fields["sex"].help_text = _("Przy podanym numerze PESEL uzupełni się sama.")


class FamilySearchForm(forms.Form):
    q = forms.CharField(
        label=_("Szukaj rodziny"),
        required=False,
        max_length=100,
        help_text=_("Nazwa, miejscowość, ulica, nazwisko członka lub PESEL."),
    )
