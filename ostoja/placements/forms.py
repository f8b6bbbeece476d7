"""Forms of the placement register; validation messages are Polish."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ostoja.families.forms import VersionedForm
from ostoja.families.models import Person
from ostoja.placements.models import EndReason, Placement, PlacementForm

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlacementEntryForm(VersionedForm):
    class Meta:
        model = Placement
        fields = [
            "form",
            "is_foster_care",
            "place_name",
            "county",
            "start_date",
            "court",
            "ruling_reference",
            "ruling_date",
            "reason",
            "end_date",
            "ended_by",
            "notes",
        ]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "ruling_date": DATE,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["is_foster_care"].help_text = _(
            "Ma znaczenie tylko dla formy „inna forma”; dla pozostałych form ustala się samo "
            "(MOS i MOW nie są pieczą zastępczą)."
        )


class PlacementEndForm(forms.Form):
    end_date = forms.DateField(label=_("Data zakończenia"), widget=DATE)
    ended_by = forms.ChoiceField(
        label=_("Przyczyna zakończenia"),
        choices=EndReason.choices,
        initial=EndReason.RETURN_HOME,
    )
    notes = forms.CharField(
        label=_("Uwagi"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CoFinancingEntryForm(forms.Form):
    month = forms.DateField(
        label=_("Miesiąc"),
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        input_formats=["%Y-%m", "%Y-%m-%d"],
        help_text=_("Miesiąc, którego dotyczy nota obciążeniowa powiatu."),
    )
    cost = forms.DecimalField(
        label=_("Koszt pobytu (zł)"), max_digits=12, decimal_places=2, min_value=0
    )
    document = forms.CharField(
        label=_("Nota obciążeniowa / dokument"), required=False, max_length=120
    )


class ChildChoiceForm(forms.Form):
    child: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Dziecko"), queryset=Person.objects.none()
    )

    def __init__(self, *args, children, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = children  # type: ignore[attr-defined]
        self.fields["child"].label_from_instance = _child_label  # type: ignore[attr-defined]


def _child_label(child: Person) -> str:
    return f"{child.first_name} {child.last_name} ({child.family.name})"


class PlacementFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Stan"),
        required=False,
        choices=[
            ("", _("wszystkie")),
            ("current", _("obecnie poza rodziną")),
            ("ended", _("zakończone")),
        ],
    )
    form = forms.ChoiceField(
        label=_("Forma"),
        required=False,
        choices=[("", _("wszystkie formy")), *PlacementForm.choices],
    )
