"""Forms of casework; validation messages are Polish. Services do the real checks."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ostoja.casework.models import (
    Assessment,
    AssistantCase,
    Attainment,
    CaseloadLimit,
    CaseStatus,
    ClosureReason,
    Contact,
    Cooperation,
    DecisionKind,
    FundingSource,
    Goal,
    InstitutionKind,
    MonitoringResult,
    Outcome,
    OutcomeKind,
    TaskCode,
    WorkPlan,
)
from ostoja.common.forms import ModelMultipleChoiceField


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _today():
    return timezone.localdate()


class CaseVersionForm(forms.Form):
    """A form that changes an existing case: carries the case version it was opened with.

    The service refuses the save when the case changed meanwhile (optimistic locking);
    the view then shows the bound form again with the user's input.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        if case is not None and not self.is_bound:
            self.initial["version"] = case.version

    @property
    def expected_version(self) -> int | None:
        return self.cleaned_data.get("version")

    def service_data(self) -> dict:
        """The cleaned data for the service, without the version."""
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class RequestForm(forms.ModelForm):
    family: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Rodzina"), queryset=None)

    class Meta:
        model = AssistantCase
        fields = [
            "requested_on",
            "requested_by_kind",
            "legal_basis",
            "court_name",
            "court_case_number",
            "court_order_date",
            "request_reason",
        ]
        widgets = {
            "requested_on": DateInput(),
            "court_order_date": DateInput(),
            "request_reason": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"court_name": _("Wypełnij przy zobowiązaniu przez sąd (art. 109 KRO).")}

    def __init__(self, *args, families, **kwargs):
        super().__init__(*args, **kwargs)
        family = self.fields["family"]
        assert isinstance(family, forms.ModelChoiceField)
        family.queryset = families
        self.order_fields(["family"])
        self.fields["requested_on"].initial = _today


class DecisionForm(CaseVersionForm):
    kind = forms.ChoiceField(
        label=_("Decyzja"), choices=DecisionKind.choices, widget=forms.RadioSelect
    )
    decided_on = forms.DateField(label=_("Data decyzji"), widget=DateInput(), initial=_today)
    note = forms.CharField(
        label=_("Uzasadnienie"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wymagane przy odmowie."),
    )


class AssignForm(CaseVersionForm):
    assistant: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Asystent rodziny"), queryset=None
    )
    start_date = forms.DateField(label=_("Od dnia"), widget=DateInput(), initial=_today)
    funding_source = forms.ChoiceField(
        label=_("Źródło finansowania"),
        choices=[("", _("— nie wskazano —")), *FundingSource.choices],
        required=False,
    )
    override_reason = forms.CharField(
        label=_("Uzasadnienie przekroczenia limitu"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Tylko gdy asystent ma już komplet rodzin: pisemne uzasadnienie kierownika "
            "(zostanie zapisane w rejestrze)."
        ),
    )

    def __init__(self, *args, assistants, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["assistant"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = assistants


class ConsentForm(CaseVersionForm):
    consent_on = forms.DateField(label=_("Data zgody rodziny"), widget=DateInput(), initial=_today)


class PlanForm(forms.ModelForm):
    class Meta:
        model = WorkPlan
        fields = ["drawn_up_on", "co_signed_on", "consulted_on", "coordinated_with_child_plan"]
        widgets = {
            "drawn_up_on": DateInput(),
            "co_signed_on": DateInput(),
            "consulted_on": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["drawn_up_on"].initial = _today


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["description", "actions", "responsible", "deadline", "expected_effect"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "actions": forms.Textarea(attrs={"rows": 2}),
            "expected_effect": forms.Textarea(attrs={"rows": 2}),
            "deadline": DateInput(),
        }


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["date", "form", "duration_minutes", "tasks", "note"]
        field_classes = {"tasks": ModelMultipleChoiceField}
        widgets = {
            "date": DateInput(),
            "tasks": forms.CheckboxSelectMultiple,
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = _today
        self.fields["duration_minutes"].initial = 60
        self.fields["duration_minutes"].widget.attrs.update({"min": 1, "max": 1440})
        tasks = self.fields["tasks"]
        assert isinstance(tasks, forms.ModelMultipleChoiceField)
        tasks.queryset = TaskCode.objects.filter(is_active=True)


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ["assessed_on", "progress", "summary", "recommendations"]
        widgets = {
            "assessed_on": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 4}),
            "recommendations": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessed_on"].initial = _today


class _PersonChoiceMixin:
    def set_people(self, members):
        person = self.fields["person"]  # type: ignore[attr-defined]
        assert isinstance(person, forms.ModelChoiceField)
        person.queryset = members
        person.required = False


class CooperationForm(_PersonChoiceMixin, forms.ModelForm):
    class Meta:
        model = Cooperation
        fields = [
            "institution_kind",
            "institution_name",
            "person",
            "purpose",
            "started_on",
            "ended_on",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 2}),
            "started_on": DateInput(),
            "ended_on": DateInput(),
        }
        help_texts = {"person": _("Zostaw puste, gdy współpraca dotyczy całej rodziny.")}

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_people(members)
        kind = self.fields["institution_kind"]
        assert isinstance(kind, forms.ModelChoiceField)
        kind.queryset = InstitutionKind.objects.filter(is_active=True)
        self.fields["started_on"].initial = _today


class OutcomeForm(_PersonChoiceMixin, forms.ModelForm):
    class Meta:
        model = Outcome
        fields = ["kind", "person", "achieved_on", "ended_on", "institution", "note"]
        widgets = {
            "achieved_on": DateInput(),
            "ended_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"ended_on": _("Tylko dla stanów trwających, np. lista oczekujących.")}

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_people(members)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ModelChoiceField)
        kind.queryset = OutcomeKind.objects.filter(is_active=True)
        self.fields["achieved_on"].initial = _today


class CloseForm(CaseVersionForm):
    closed_on = forms.DateField(label=_("Data zakończenia"), widget=DateInput(), initial=_today)
    reason = forms.ModelChoiceField(
        label=_("Przyczyna zakończenia"), queryset=ClosureReason.objects.filter(is_active=True)
    )
    reason_text = forms.CharField(
        label=_("Opis przyczyny"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wymagany przy przyczynie „inna” i „brak podstaw”."),
    )
    final_assessment = forms.CharField(
        label=_("Ocena końcowa"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = list(goals)
        for goal in self.goals:
            self.fields[f"goal_{goal.pk}"] = forms.ChoiceField(
                label=_("Cel: %(goal)s") % {"goal": goal},
                choices=Attainment.choices,
                widget=forms.RadioSelect,
            )

    def attainments(self) -> dict[int, str]:
        return {g.pk: self.cleaned_data.get(f"goal_{g.pk}", "") for g in self.goals}


class MonitoringForm(CaseVersionForm):
    done_on = forms.DateField(label=_("Data monitoringu"), widget=DateInput(), initial=_today)
    result = forms.ChoiceField(
        label=_("Wynik"), choices=MonitoringResult.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Uwagi"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    reopen = forms.BooleanField(
        label=_("Złóż nowy wniosek o asystenta (wznowienie)"), required=False
    )


class CaseloadLimitForm(forms.ModelForm):
    class Meta:
        model = CaseloadLimit
        fields = ["valid_from", "limit", "note"]
        widgets = {"valid_from": DateInput()}


class CaseFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("wszystkie")), *CaseStatus.choices], required=False
    )
