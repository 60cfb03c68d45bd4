"""Lazy references between the object types, so that their modules never import in a cycle."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

if TYPE_CHECKING:
    from schema.account_types import Account
    from schema.plan_types import BusinessPlan
    from schema.work_types import Activity, Objective, Opportunity

AccountRef = Annotated["Account", strawberry.lazy("schema.account_types")]
BusinessPlanRef = Annotated["BusinessPlan", strawberry.lazy("schema.plan_types")]
ObjectiveRef = Annotated["Objective", strawberry.lazy("schema.work_types")]
OpportunityRef = Annotated["Opportunity", strawberry.lazy("schema.work_types")]
ActivityRef = Annotated["Activity", strawberry.lazy("schema.work_types")]
