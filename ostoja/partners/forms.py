"""Forms of the partner portal and the office's review."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ostoja.accounts.models import PartnerInstitution
from ostoja.programme.models import IndicatorKind


class ContributionForm(forms.Form):
    """Indicator values of the task, a list of activities and a narrative."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    activities = forms.CharField(
        label=_("Zrealizowane działania"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Każde działanie w osobnym wierszu, np. nazwa koła lub programu."),
    )
    narrative = forms.CharField(
        label=_("Krótki opis"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bez danych osobowych: nie podawaj nazwisk ani numerów PESEL."),
    )

    def __init__(self, *args, indicators, contribution=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        current = {}
        if contribution is not None:
            current = {v.indicator_id: v.value for v in contribution.values.all()}
            if not self.is_bound:
                self.initial["version"] = contribution.version
                self.initial["narrative"] = contribution.narrative
                self.initial["activities"] = "\n".join(
                    a.text for a in contribution.activities.all()
                )
        fields = {}
        for indicator in self.indicators:
            value = current.get(indicator.pk)
            if value is not None and indicator.kind != IndicatorKind.AMOUNT:
                value = int(value)
            fields[f"indicator_{indicator.pk}"] = forms.DecimalField(
                label=indicator.label,
                required=False,
                min_value=0,
                max_digits=14,
                decimal_places=2,
                localize=True,
                initial=value,
                help_text=(
                    _("1 – tak, 0 – nie")
                    if indicator.kind == IndicatorKind.YES_NO
                    else _("Jednostka: %(unit)s") % {"unit": indicator.unit}
                ),
            )
        # Indicator values come first, then the lists.
        self.fields = {
            **{"version": self.fields["version"]},
            **fields,
            **{k: v for k, v in self.fields.items() if k != "version"},
        }

    def values(self) -> dict:
        return {i.pk: self.cleaned_data.get(f"indicator_{i.pk}") for i in self.indicators}

    def activity_lines(self) -> list[str]:
        return self.cleaned_data["activities"].splitlines()


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("Co partner ma poprawić"), widget=forms.Textarea(attrs={"rows": 3})
    )


class DeadlineForm(forms.Form):
    year = forms.IntegerField(label=_("Rok sprawozdawczy"), min_value=2000, max_value=2100)
    deadline = forms.DateField(
        label=_("Termin przesłania wkładów"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class PartnerInstitutionForm(forms.ModelForm):
    class Meta:
        model = PartnerInstitution
        fields = ["name", "short_name", "kind", "email"]
