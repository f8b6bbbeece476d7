"""Forms of group activities; validation messages are Polish."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ostoja.activities.models import GroupActivity, ParticipantRole
from ostoja.families.forms import VersionedForm
from ostoja.families.models import Person


def _person_label(person: Person) -> str:
    return f"{person.first_name} {person.last_name} ({person.family.name})"


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class GroupActivityForm(VersionedForm):
    class Meta:
        model = GroupActivity
        fields = [
            "name",
            "kind",
            "funding_source",
            "project_name",
            "start_date",
            "end_date",
            "report_key",
            "description",
        ]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "description": forms.Textarea(attrs={"rows": 4}),
        }


class ParticipationForm(forms.Form):
    person: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Osoba"), queryset=Person.objects.none()
    )
    role = forms.ChoiceField(
        label=_("Uczestnik jako"),
        required=False,
        choices=[("", _("według roli w rodzinie")), *ParticipantRole.choices],
    )
    start_date = forms.DateField(label=_("Od (zakwalifikowanie)"), widget=DATE)
    end_date = forms.DateField(label=_("Do"), required=False, widget=DATE)

    def __init__(self, *args, persons, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = persons
        field.label_from_instance = _person_label  # type: ignore[method-assign,assignment]
