"""Metric keys the report engine itself asks for (needs section, checks, generic template).

Apps register these keys in their ``metrics.py``; a line whose metric is not
registered, or has no value for the year, is left out of the report.
"""

# Statement of needs (przedstawienie potrzeb)
FAMILIES_SERVED = "assistant.families_served"
WAITING_LIST = "assistant.waiting_list"
ASSISTANTS_EMPLOYED_END = "assistant.assistants_employed_end"
CASELOAD_LIMIT = "casework.caseload_limit"
ASSESSMENTS_OVERDUE = "assistant.assessments_overdue"
CHILDREN_PLACED = "placements.children_placed"
CHILDREN_RETURNED = "returns.children"
SPENDING_PREFIX = "staff.spending."
FOSTER_CARE_COFINANCING = "foster_care.cofinancing_pln"

NEEDS_KEYS = (
    FAMILIES_SERVED,
    WAITING_LIST,
    ASSISTANTS_EMPLOYED_END,
    CASELOAD_LIMIT,
    ASSESSMENTS_OVERDUE,
    CHILDREN_PLACED,
    CHILDREN_RETURNED,
    FOSTER_CARE_COFINANCING,
)
#: Keys whose previous-year value the needs section shows as a trend.
NEEDS_TREND_KEYS = (FAMILIES_SERVED, WAITING_LIST, CHILDREN_PLACED, CHILDREN_RETURNED)

# Figures of the generic template's headline table
HEADLINE_KEYS = (
    FAMILIES_SERVED,
    "assistant.children_in_families",
    "assistant.requests_received",
    "assistant.closures.total",
    CHILDREN_PLACED,
    CHILDREN_RETURNED,
    "blue_card.families",
)

#: Parts → total relations for the readiness check "parts do not add up to the total".
#: (parts, total, "equals" when the parts are complete, "at_most" when they are a subset)
PART_TOTAL_RELATIONS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        (
            "assistant.closures.goals_achieved",
            "assistant.closures.family_withdrew",
            "assistant.closures.moved_away",
            "assistant.closures.no_effects",
            "assistant.closures.children_placed",
            "assistant.closures.court_order_changed",
            "assistant.closures.other",
        ),
        "assistant.closures.total",
        "equals",
    ),
    (
        ("returns.from_emergency_care_institution", "returns.from_mos", "returns.from_mow"),
        "returns.children",
        "at_most",
    ),
    (
        (
            "assistant.outcomes.addiction_therapy.inpatient",
            "assistant.outcomes.addiction_therapy.outpatient",
        ),
        "assistant.outcomes.addiction_therapy.persons",
        "equals",
    ),
    (
        ("child_benefit.decisions_granted", "child_benefit.decisions_refused"),
        "child_benefit.decisions_total",
        "equals",
    ),
    (
        ("school_scholarship.decisions_granted", "school_scholarship.decisions_refused"),
        "school_scholarship.decisions_total",
        "equals",
    ),
    (
        (
            "interdisciplinary_team.persons_discussed.women",
            "interdisciplinary_team.persons_discussed.men",
            "interdisciplinary_team.persons_discussed.children",
        ),
        "interdisciplinary_team.persons_discussed",
        "equals",
    ),
    (
        (
            "school_meals.children_lunch_without_interview",
            "school_meals.children_school",
            "school_meals.children_preschool",
        ),
        "school_meals.children_total",
        "equals",
    ),
    (
        ("assistant.children_with_disability_certificate",),
        "assistant.children_in_families",
        "at_most",
    ),
    (("assistant.government_programme.families",), FAMILIES_SERVED, "at_most"),
    (("assistant.closures.total",), FAMILIES_SERVED, "at_most"),
)
