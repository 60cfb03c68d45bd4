"""The demo's story as data: a multinational, a family business, their plans and the work below.

Keys ("maria", "globex", "plan_2027", ...) name rows across the tables; models/demo.py turns
them into ids. Every figure here is exact, so the roll-ups in the demo can be checked by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.activity import ActivityStatus, ActivityType
from models.objective import ObjectiveMeasure, ObjectiveStatus
from models.opportunity import OpportunityStage
from models.period import PeriodType
from models.plan import PlanStatus, PlanType
from models.user import Role

S = PlanStatus
O = ObjectiveStatus  # noqa: E741
G = OpportunityStage
A = ActivityStatus
T = ActivityType

# key: (e-mail, name, role)
USERS = {
    "admin": ("admin@example.com", "Ada Admin", Role.ADMIN),
    "rita": ("rita.richter@example.com", "Rita Richter", Role.REVIEWER),  # the sales manager
    "maria": ("maria.keller@example.com", "Maria Keller", Role.ACCOUNT_MANAGER),  # general
    "tom": ("tom.brandt@example.com", "Tom Brandt", Role.ACCOUNT_MANAGER),  # specialty products
}

# key: (name, type, start, end, parent key)
PERIODS = {
    "fy2026": ("FY2026", PeriodType.YEAR, dt.date(2026, 1, 1), dt.date(2026, 12, 31), None),
    "fy2027": ("FY2027", PeriodType.YEAR, dt.date(2027, 1, 1), dt.date(2027, 12, 31), None),
    "q1": ("FY2027 Q1", PeriodType.QUARTER, dt.date(2027, 1, 1), dt.date(2027, 3, 31), "fy2027"),
    "q2": ("FY2027 Q2", PeriodType.QUARTER, dt.date(2027, 4, 1), dt.date(2027, 6, 30), "fy2027"),
    "q3": ("FY2027 Q3", PeriodType.QUARTER, dt.date(2027, 7, 1), dt.date(2027, 9, 30), "fy2027"),
    "q4": ("FY2027 Q4", PeriodType.QUARTER, dt.date(2027, 10, 1), dt.date(2027, 12, 31), "fy2027"),
}

# (base, quote, rate): one unit of base is worth rate units of quote.
RATES = [("EUR", "USD", "1.08"), ("GBP", "EUR", "1.17"), ("CHF", "EUR", "1.05")]

# key: (name, parent key, owner key)
ACCOUNTS = {
    "globex": ("Globex Holding", None, "maria"),
    "globex_de": ("Globex Deutschland GmbH", "globex", "maria"),
    "globex_us": ("Globex Inc.", "globex", "maria"),
    "globex_uk": ("Globex UK Ltd", "globex", "maria"),
    "mueller": ("Müller Bäckerei GmbH", None, "maria"),
}

# (account, user, role on the account team)
TEAM = [("globex", "tom", "specialty products")]

# key: (first name, last name, e-mail, account keys)
CONTACTS = {
    "schmidt": ("Anna", "Schmidt", "anna.schmidt@example.com", ("globex",)),
    "weber": ("Klaus", "Weber", "klaus.weber@example.com", ("globex", "globex_de")),
    "miller": ("James", "Miller", "james.miller@example.com", ("globex_us",)),
    "clark": ("Emma", "Clark", "emma.clark@example.com", ("globex_uk",)),
    "mueller": ("Hans", "Müller", "hans.mueller@example.com", ("mueller",)),
}

# Status moves after the creation (which is always None -> DRAFT by the owner):
# (new status, who: "owner" or a user key, comment).
Step = tuple[PlanStatus, str, str | None]
SUBMITTED: tuple[Step, ...] = ((S.SUBMITTED, "owner", None),)
APPROVED: tuple[Step, ...] = (*SUBMITTED, (S.FINAL_APPROVED, "owner", None))
RETURNED: tuple[Step, ...] = (
    *SUBMITTED,
    (S.DRAFT, "rita", "Please add the targets of the Austrian branch before approval."),
)
EXPIRED: tuple[Step, ...] = (
    *APPROVED,
    (S.EXPIRED, "admin", "Expired in bulk at the end of the period."),
)


@dataclass(frozen=True)
class PlanSpec:
    key: str
    name: str
    type: PlanType
    period: str
    owner: str
    target: str | None
    accounts: tuple[str, ...] = ()  # the first is the primary account
    contacts: tuple[str, ...] = ()
    parent: str | None = None
    steps: tuple[Step, ...] = ()
    description: str | None = None
    copy_of: str | None = None  # made by copyBusinessPlan's function from this plan, then edited


_QUARTER_TARGETS = {"q1": "150000.00", "q2": "200000.00", "q3": "200000.00", "q4": "200000.00"}

PLANS = [
    PlanSpec("plan_2026", "Globex 2026", PlanType.ACCOUNT, "fy2026", "maria", "600000.00",
             ("globex",), steps=EXPIRED),
    # Maria started FY2027 from FY2026: a copy (with its objectives), then edited and approved.
    PlanSpec("plan_2027", "Globex 2027", PlanType.ACCOUNT, "fy2027", "maria", "750000.00",
             ("globex",), ("schmidt",), steps=APPROVED,
             description="Grow Globex group-wide: retrofit the turbines, sign the framework "
                         "agreement, launch Nova X in every subsidiary.", copy_of="plan_2026"),
    *(
        PlanSpec(f"plan_2027_{q}", f"Globex 2027 \N{EN DASH} {q.upper()}", PlanType.ACCOUNT,
                 q, "maria", target, ("globex",), parent="plan_2027", steps=APPROVED)
        for q, target in _QUARTER_TARGETS.items()
    ),
    PlanSpec("plan_industrial", "Globex 2027 \N{EN DASH} Industrial BU",
             PlanType.MARKET_SEGMENT, "fy2027", "maria", "300000.00", ("globex_us", "globex"),
             ("miller",), parent="plan_2027", steps=APPROVED),
    PlanSpec("plan_dach", "Globex 2027 \N{EN DASH} DACH", PlanType.REGIONAL, "fy2027",
             "maria", "250000.00", ("globex_de",), ("weber",), parent="plan_2027",
             steps=RETURNED),
    PlanSpec("plan_specialty", "Globex 2027 \N{EN DASH} Specialty products", PlanType.BRAND,
             "fy2027", "tom", "90000.00", ("globex",), steps=SUBMITTED,
             description="Specialty coatings and sealants across the Globex plants."),
    PlanSpec("plan_weber", "Klaus Weber \N{EN DASH} procurement partnership 2027",
             PlanType.ENGAGEMENT, "fy2027", "maria", "40000.00", (), ("weber",), steps=APPROVED,
             description="Become a preferred supplier in Klaus Weber's sourcing programme."),
    PlanSpec("plan_mueller", "Müller Bäckerei 2027", PlanType.LOCAL, "fy2027", "maria",
             "15000.00", ("mueller",), ("mueller",),
             description="Keep the oven line running; offer proofing cabinets."),
]  # fmt: skip


@dataclass(frozen=True)
class ObjectiveSpec:
    key: str
    name: str
    period: str
    status: ObjectiveStatus
    target: str | None
    unit: str | None
    plan: str | None = None
    parent: str | None = None
    account: str | None = None
    contact: str | None = None
    revenue: tuple[str, str] | None = None  # (amount, currency)
    measure: ObjectiveMeasure | None = None  # None: the default rule, as in createObjective
    actual: str | None = None  # typed in: MANUAL objectives only


OBJECTIVES = [
    ObjectiveSpec("calls", "12 sales calls", "fy2027", O.CURRENT, "12", "sales calls",
                  plan="plan_2027", account="globex"),
    ObjectiveSpec("calls_q1", "3 sales calls in Q1", "q1", O.CURRENT, "3", "sales calls",
                  plan="plan_2027_q1", parent="calls", account="globex"),
    ObjectiveSpec("won_service", "Win 200,000 EUR of service and retrofit business", "fy2027",
                  O.CURRENT, None, None, plan="plan_2027", account="globex",
                  revenue=("200000.00", "EUR")),
    ObjectiveSpec("wallet_share", "Reach a 40% share of Globex's spend", "fy2027", O.CURRENT,
                  "40", "percent", plan="plan_2027", account="globex",
                  measure=ObjectiveMeasure.MANUAL, actual="25"),
    ObjectiveSpec("cfo_reviews", "4 business reviews with the CFO", "fy2027", O.CURRENT, "4",
                  "meetings", plan="plan_2027", contact="schmidt"),
    ObjectiveSpec("demos_de", "3 product demos", "fy2027", O.FUTURE, "3", "product demos",
                  plan="plan_dach", account="globex_de"),
    ObjectiveSpec("trials", "2 specialty coating trials", "fy2027", O.DRAFT, "2", "trials",
                  plan="plan_specialty", account="globex"),
    ObjectiveSpec("qualification", "Supplier qualification passed", "fy2027", O.CURRENT, "1",
                  "qualification", plan="plan_weber", contact="weber"),
    ObjectiveSpec("visits", "4 oven line service visits", "fy2027", O.ON_HOLD, "4", "visits",
                  plan="plan_mueller", account="mueller", contact="mueller"),
    ObjectiveSpec("renewal_2026", "Renew the maintenance contract", "fy2026", O.EXPIRED, "1",
                  "contract", plan="plan_2026", account="globex"),
    ObjectiveSpec("nova_demos", "Launch Nova X: 5 demos per account", "fy2027", O.CURRENT, "5",
                  "product demos"),
    ObjectiveSpec("nova_refs", "Launch Nova X: 2 reference visits per account", "fy2027",
                  O.FUTURE, "2", "reference visits"),
    ObjectiveSpec("nova_training", "Launch Nova X: train every account team", "fy2027",
                  O.CURRENT, "1", "training", parent="nova_demos"),
]  # fmt: skip


@dataclass(frozen=True)
class OpportunitySpec:
    key: str
    name: str
    account: str
    stage: OpportunityStage
    amount: str
    currency: str
    close_on: dt.date
    owner: str
    plans: tuple[str, ...] = ()
    contacts: tuple[tuple[str, str], ...] = ()  # (contact, role)
    objective: str | None = None


OPPORTUNITIES = [
    OpportunitySpec("retrofit", "Globex turbine retrofit", "globex", G.CLOSED_WON, "120000.00",
                    "EUR", dt.date(2027, 3, 20), "maria", ("plan_2027_q1", "plan_2027"),
                    (("schmidt", "decision maker"),), objective="won_service"),
    OpportunitySpec("control_units", "Globex Inc. control units", "globex_us", G.CLOSED_WON,
                    "54000.00", "USD", dt.date(2027, 2, 15), "maria", ("plan_industrial",),
                    (("miller", "champion"),)),
    OpportunitySpec("uk_service", "Globex UK service contract", "globex_uk", G.CLOSED_WON,
                    "20000.00", "GBP", dt.date(2027, 5, 31), "maria",
                    ("plan_2027", "plan_2027_q2"), (("clark", "decision maker"),),
                    objective="won_service"),
    OpportunitySpec("uk_legacy", "Globex UK legacy upgrade", "globex_uk", G.CLOSED_LOST,
                    "35000.00", "EUR", dt.date(2027, 2, 28), "maria", ("plan_2027_q1",)),
    OpportunitySpec("nova_pilot", "Nova X pilot at Globex", "globex", G.PROSPECTING,
                    "30000.00", "EUR", dt.date(2027, 9, 30), "maria", ("plan_2027",),
                    objective="nova_demos"),
    OpportunitySpec("packaging", "Globex Inc. packaging line", "globex_us", G.QUALIFICATION,
                    "45000.00", "EUR", dt.date(2027, 8, 31), "maria",
                    ("plan_industrial", "plan_2027_q3"), (("miller", "technical evaluator"),)),
    OpportunitySpec("dach_line", "Globex DACH line extension", "globex_de", G.PROPOSAL,
                    "80000.00", "EUR", dt.date(2027, 6, 15), "maria",
                    ("plan_dach", "plan_2027_q2"), (("weber", "decision maker"),),
                    objective="demos_de"),
    OpportunitySpec("framework", "Globex framework agreement 2027", "globex", G.NEGOTIATION,
                    "150000.00", "EUR", dt.date(2027, 11, 30), "maria",
                    ("plan_2027", "plan_2027_q4"),
                    (("schmidt", "decision maker"), ("weber", "procurement"))),
    OpportunitySpec("coatings", "Specialty coatings trial", "globex", G.PROSPECTING,
                    "12000.00", "EUR", dt.date(2027, 7, 15), "tom", ("plan_specialty",),
                    objective="trials"),
    OpportunitySpec("sealants", "Specialty sealants order", "globex", G.CLOSED_WON,
                    "18000.00", "EUR", dt.date(2027, 4, 10), "tom", ("plan_specialty",)),
    OpportunitySpec("oven_service", "Müller oven service contract", "mueller", G.CLOSED_WON,
                    "6500.00", "EUR", dt.date(2027, 1, 31), "maria", ("plan_mueller",),
                    (("mueller", "owner"),)),
    OpportunitySpec("proofing", "Müller proofing cabinets", "mueller", G.QUALIFICATION,
                    "4200.00", "EUR", dt.date(2027, 10, 31), "maria", ("plan_mueller",)),
    OpportunitySpec("renewal_2026", "Globex 2026 maintenance renewal", "globex", G.CLOSED_WON,
                    "95000.00", "EUR", dt.date(2026, 11, 30), "maria", ("plan_2026",),
                    objective="renewal_2026"),
]  # fmt: skip


def _utc(month: int, day: int, hour: int) -> dt.datetime:
    return dt.datetime(2027, month, day, hour, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class ActivitySpec:
    key: str
    type: ActivityType
    subject: str
    status: ActivityStatus
    due_at: dt.datetime
    owner: str
    account: str | None = None
    contact: str | None = None
    plan: str | None = None
    objective: str | None = None
    opportunity: str | None = None
    follow_up_of: str | None = None  # a follow-up takes the links of the activity it follows


ACTIVITIES = [
    ActivitySpec("kickoff", T.CALL, "Kick-off call with Anna Schmidt", A.COMPLETED,
                 _utc(1, 12, 9), "maria", "globex", "schmidt", "plan_2027", "calls"),
    ActivitySpec("framework_draft", T.TASK, "Prepare the framework agreement draft",
                 A.IN_PROGRESS, _utc(10, 15, 12), "maria", "globex", None, "plan_2027",
                 opportunity="framework"),
    ActivitySpec("framework_terms", T.CALL, "Follow-up: agree the framework terms",
                 A.NOT_STARTED, _utc(11, 3, 14), "maria", follow_up_of="framework_draft"),
    ActivitySpec("nova_demo", T.APPOINTMENT, "Nova X demo at Globex Deutschland", A.COMPLETED,
                 _utc(5, 20, 10), "maria", "globex_de", "weber", "plan_dach", "demos_de",
                 "dach_line"),
    ActivitySpec("nova_summary", T.EMAIL, "Follow-up: send the Nova X demo summary",
                 A.NOT_STARTED, _utc(5, 22, 8), "maria", follow_up_of="nova_demo"),
    ActivitySpec("qualification_docs", T.EMAIL, "Send the supplier qualification documents",
                 A.IN_PROGRESS, _utc(2, 10, 9), "maria", None, "weber", "plan_weber",
                 "qualification"),
    ActivitySpec("coatings_intro", T.CALL, "Specialty coatings intro call", A.NOT_STARTED,
                 _utc(6, 1, 13), "tom", "globex", None, "plan_specialty", "trials", "coatings"),
    ActivitySpec("oven_visit", T.APPOINTMENT, "Oven line service visit", A.CANCELLED,
                 _utc(3, 4, 7), "maria", "mueller", "mueller", "plan_mueller", "visits"),
    ActivitySpec("q1_call", T.CALL, "Q1 call with Anna Schmidt", A.COMPLETED, _utc(3, 9, 10),
                 "maria", "globex", "schmidt", "plan_2027_q1", "calls_q1"),
    ActivitySpec("procurement_call", T.CALL, "Call Globex procurement about the framework",
                 A.NOT_STARTED, _utc(9, 14, 15), "maria", "globex", None, "plan_2027", "calls"),
    ActivitySpec("nova_demo_holding", T.APPOINTMENT, "Nova X demo at Globex Holding",
                 A.COMPLETED, _utc(4, 8, 10), "maria", "globex", None, None, "nova_demos"),
    ActivitySpec("nova_demo_cfo", T.APPOINTMENT, "Nova X demo for Anna Schmidt", A.COMPLETED,
                 _utc(4, 22, 14), "maria", None, "schmidt", None, "nova_demos"),
    ActivitySpec("nova_demo_mueller", T.APPOINTMENT, "Nova X demo at Müller Bäckerei",
                 A.COMPLETED, _utc(6, 3, 9), "maria", "mueller", None, None, "nova_demos"),
    ActivitySpec("uk_invoice", T.TASK, "Send the UK service contract for signature",
                 A.COMPLETED, _utc(5, 25, 16), "maria", "globex_uk", "clark", "plan_2027",
                 opportunity="uk_service"),
]  # fmt: skip
