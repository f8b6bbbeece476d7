"""Forms of the programme editor and of office statistics."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ostoja.accounts.models import PartnerInstitution
from ostoja.common.forms import ModelMultipleChoiceField
from ostoja.programme.models import Indicator, Programme, SpecificGoal, StatisticKind
from ostoja.reporting.units import UNITS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def unit_choices():
    return [(u, u) for u in sorted(UNITS)]


class ProgrammeForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    goals = forms.CharField(
        label=_("Cele szczegółowe"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Każdy cel w osobnym wierszu."),
    )

    class Meta:
        model = Programme
        fields = [
            "name",
            "resolution_number",
            "resolution_date",
            "year_from",
            "year_to",
            "main_goal",
        ]
        widgets = {"resolution_date": DATE, "main_goal": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
            self.initial["goals"] = "\n".join(g.text for g in self.instance.goals.all())

    def goal_lines(self) -> list[str]:
        return self.cleaned_data["goals"].splitlines()


class ProgrammeCopyForm(forms.Form):
    name = forms.CharField(label=_("Nazwa nowego programu"), max_length=250)
    resolution_number = forms.CharField(label=_("Numer uchwały"), max_length=60)
    resolution_date = forms.DateField(label=_("Data uchwały"), widget=DATE)
    year_from = forms.IntegerField(label=_("Od roku"), min_value=2000, max_value=2100)
    year_to = forms.IntegerField(label=_("Do roku"), min_value=2000, max_value=2100)


class TaskForm(forms.Form):
    number = forms.IntegerField(label=_("Numer zadania"), min_value=1, required=False)
    title = forms.CharField(label=_("Treść zadania"), widget=forms.Textarea(attrs={"rows": 2}))
    goal = forms.ModelChoiceField(
        label=_("Cel szczegółowy"), queryset=SpecificGoal.objects.none(), required=False
    )
    office_responsible = forms.BooleanField(label=_("Realizuje ośrodek"), required=False)
    responsible = ModelMultipleChoiceField(
        label=_("Instytucje odpowiedzialne"),
        queryset=PartnerInstitution.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partners = ModelMultipleChoiceField(
        label=_("Instytucje partnerskie"),
        queryset=PartnerInstitution.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Każda wskazana instytucja co roku przesyła wkład do tego zadania."),
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        institutions = PartnerInstitution.objects.filter(office_id=programme.office_id)
        self.fields["goal"].queryset = programme.goals.all()  # type: ignore[attr-defined]
        self.fields["responsible"].queryset = institutions  # type: ignore[attr-defined]
        self.fields["partners"].queryset = institutions  # type: ignore[attr-defined]


class IndicatorForm(forms.ModelForm):
    unit = forms.ChoiceField(label=_("Jednostka"), choices=unit_choices)

    class Meta:
        model = Indicator
        fields = ["code", "label", "unit", "kind", "metric_key", "order"]


class StatisticKindForm(forms.ModelForm):
    unit = forms.ChoiceField(label=_("Jednostka"), choices=unit_choices)

    class Meta:
        model = StatisticKind
        fields = ["code", "key", "label", "unit", "parent", "parts_complete", "order"]

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        parents = StatisticKind.objects.filter(office=office)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents  # type: ignore[attr-defined]


class YearForm(forms.Form):
    rok = forms.IntegerField(label=_("Rok"), min_value=2000, max_value=2100)


class StatisticValuesForm(forms.Form):
    """One value and one source field per statistic kind of the office."""

    def __init__(self, *args, kinds, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = list(kinds)
        for kind in self.kinds:
            value, source = current.get(kind.pk, (None, ""))
            self.fields[f"value_{kind.pk}"] = forms.DecimalField(
                label=kind.label,
                required=False,
                min_value=0,
                max_digits=14,
                decimal_places=2,
                initial=value,
                localize=True,
                help_text=_("Jednostka: %(unit)s") % {"unit": kind.unit},
            )
            self.fields[f"source_{kind.pk}"] = forms.CharField(
                label=_("Źródło: %(label)s") % {"label": kind.label},
                required=False,
                max_length=250,
                initial=source,
            )

    def rows(self):
        return [(k, self[f"value_{k.pk}"], self[f"source_{k.pk}"]) for k in self.kinds]

    def values(self) -> dict:
        return {
            k.pk: (self.cleaned_data[f"value_{k.pk}"], self.cleaned_data[f"source_{k.pk}"])
            for k in self.kinds
        }


class StatisticsImportForm(forms.Form):
    file = forms.FileField(
        label=_("Plik CSV lub XLSX"),
        help_text=_(
            "Kolumny: kod, rok, wartość, źródło (opcjonalnie). Pierwszy wiersz to nagłówek."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Wybierz plik CSV albo XLSX."))
        return upload
