"""Tables and the domain rules that act on them; nothing here knows about GraphQL."""

from models.account import Account, AccountContact, AccountTeamMember, Contact
from models.activity import Activity, ActivityStatus, ActivityType
from models.base import Base
from models.change_event import ChangeEvent, ChangeKind
from models.money import CurrencyRow, ExchangeRate
from models.objective import Objective, ObjectiveAccountTotals, ObjectiveMeasure, ObjectiveStatus
from models.opportunity import Opportunity, OpportunityContact, OpportunityStage
from models.period import Period, PeriodType
from models.persisted import PersistedDocument, ServedDocument
from models.plan import (
    BusinessPlan,
    PlanAccount,
    PlanContact,
    PlanOpportunity,
    PlanStatus,
    PlanStatusChange,
    PlanType,
)
from models.user import ApiToken, Role, User

__all__ = [
    "Account",
    "AccountContact",
    "AccountTeamMember",
    "Activity",
    "ActivityStatus",
    "ActivityType",
    "ApiToken",
    "Base",
    "BusinessPlan",
    "ChangeEvent",
    "ChangeKind",
    "Contact",
    "CurrencyRow",
    "ExchangeRate",
    "Objective",
    "ObjectiveAccountTotals",
    "ObjectiveMeasure",
    "ObjectiveStatus",
    "Opportunity",
    "OpportunityContact",
    "OpportunityStage",
    "Period",
    "PeriodType",
    "PersistedDocument",
    "PlanAccount",
    "PlanContact",
    "PlanOpportunity",
    "PlanStatus",
    "PlanStatusChange",
    "PlanType",
    "Role",
    "ServedDocument",
    "User",
]
