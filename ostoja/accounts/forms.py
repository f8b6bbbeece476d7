"""Forms of the account pages."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SecondFactorForm(forms.Form):
    code = forms.CharField(
        label=_("Kod jednorazowy"),
        max_length=16,
        help_text=_("Sześć cyfr z aplikacji uwierzytelniającej albo jeden z kodów zapasowych."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


class SetupCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kod z aplikacji"),
        max_length=8,
        help_text=_("Sześć cyfr, które aplikacja pokazuje teraz dla konta Ostoja."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
