"""Forms of the Blue Card register."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ostoja.accounts.models import PartnerInstitution, User
from ostoja.common.forms import ModelMultipleChoiceField
from ostoja.families.models import Family
from ostoja.violence.models import AgeGroup, ClosureReason, Initiator, TeamMember
from ostoja.violence.selectors import families_for_procedure, team_members

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _members_field(office_id: int, label):
    return ModelMultipleChoiceField(
        label=label,
        queryset=team_members(office_id).filter(active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class ProcedureForm(forms.Form):
    family = forms.ModelChoiceField(label=_("Rodzina"), queryset=Family.objects.none())
    number = forms.CharField(label=_("Numer karty"), max_length=40, required=False)
    initiator = forms.ChoiceField(label=_("Procedurę wszczął(-ęła)"), choices=Initiator.choices)
    started_on = forms.DateField(label=_("Data wszczęcia"), widget=DATE)

    def __init__(self, *args, office_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["family"].queryset = families_for_procedure(office_id)  # type: ignore[attr-defined]
        self.fields["working_group"] = _members_field(office_id, _("Grupa robocza"))


class ProcedureEditForm(forms.Form):
    number = forms.CharField(label=_("Numer karty"), max_length=40, required=False)
    initiator = forms.ChoiceField(label=_("Procedurę wszczął(-ęła)"), choices=Initiator.choices)
    started_on = forms.DateField(label=_("Data wszczęcia"), widget=DATE)
    closed_on = forms.DateField(label=_("Data zakończenia"), widget=DATE, required=False)
    closure_reason = forms.ChoiceField(
        label=_("Przyczyna zakończenia"),
        choices=[("", "—"), *ClosureReason.choices],
        required=False,
    )

    def __init__(self, *args, office_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["working_group"] = _members_field(office_id, _("Grupa robocza"))


class ProcedurePersonForm(forms.Form):
    sex = forms.ChoiceField(label=_("Płeć"), choices=[("F", _("kobieta")), ("M", _("mężczyzna"))])
    age_group = forms.ChoiceField(label=_("Grupa wieku"), choices=AgeGroup.choices)
    suspected_perpetrator = forms.BooleanField(
        label=_("Osoba podejrzewana o stosowanie przemocy"), required=False
    )


class MeetingForm(forms.Form):
    date = forms.DateField(label=_("Data"), widget=DATE)
    notes = forms.CharField(
        label=_("Ustalenia"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, office_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"] = _members_field(office_id, _("Obecni"))


class TeamMemberForm(forms.ModelForm):
    class Meta:
        model = TeamMember
        fields = ["name", "institution", "partner", "user", "active"]

    def __init__(self, *args, office_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = PartnerInstitution.objects.filter(office_id=office_id)  # type: ignore[attr-defined]
        self.fields["user"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            office_id=office_id,
            is_active=True,
            role_assignments__role__in=["head", "social_worker"],
        ).distinct()
        self.fields["user"].help_text = _(
            "Kierownik lub pracownik socjalny w grupie roboczej widzi procedury swojej grupy."
        )
