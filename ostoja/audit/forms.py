from auditlog.models import LogEntry
from django import forms
from django.utils.translation import gettext_lazy as _

ACTION_CHOICES = [
    ("", _("wszystkie")),
    (LogEntry.Action.ACCESS, _("odczyt")),
    (LogEntry.Action.CREATE, _("utworzenie")),
    (LogEntry.Action.UPDATE, _("zmiana")),
    (LogEntry.Action.DELETE, _("usunięcie")),
]


class LogSearchForm(forms.Form):
    actor = forms.CharField(label=_("Użytkownik"), required=False, max_length=100)
    action = forms.TypedChoiceField(
        label=_("Rodzaj zdarzenia"),
        choices=ACTION_CHOICES,
        required=False,
        coerce=int,
        empty_value=None,
    )
    object_repr = forms.CharField(label=_("Czego dotyczy"), required=False, max_length=100)
    date_from = forms.DateField(
        label=_("Od dnia"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Do dnia"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
