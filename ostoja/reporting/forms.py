from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReportCreateForm(forms.Form):
    year = forms.IntegerField(
        label=_("Rok sprawozdania"),
        min_value=2000,
        max_value=2100,
        initial=lambda: timezone.localdate().year - 1,
    )


class NarrativeForm(forms.Form):
    narrative = forms.CharField(
        label=_("Tekst sekcji"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "cols": 80}),
        help_text=_(
            "Pusta linia oddziela akapity; „- ” na początku linii to punkt listy. Liczby wstawiaj "
            "jako wskaźniki, np. {{ assistant.families_served }} (22 rodziny), "
            "{{ assistant.families_served|loc }} (w 22 rodzinach), "
            "{{ assistant.children_in_families|gen }} (dla 33 dzieci), "
            "{{ assistant.families_served|change }} (zmiana wobec poprzedniego roku)."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Rok"), min_value=2000, max_value=2100, required=False)
