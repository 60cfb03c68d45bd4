"""The fast path's fixed SQL templates (resolvers/fastpath/template.py): operands grouped as
SQLAlchemy's own operators are, FROM objects found in their arguments, and cache keys that
tell different templates apart."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, column, select, table
from sqlalchemy.dialects import postgresql

from resolvers.fastpath.template import Template

T = table("t", column("a", Integer), column("b", Integer))


def _sql(element: Any) -> str:
    return str(select(element).compile(dialect=postgresql.dialect()))  # type: ignore[no-untyped-call]


def test_an_operator_template_is_grouped_as_an_operand_and_a_call_is_not() -> None:
    added = Template("{0} + {1}", T.c.a, T.c.b, type_=Integer())
    called = Template("greatest({0}, {1})", T.c.a, T.c.b, type_=Integer())
    assert "(t.a + t.b) * %(param_1)s" in _sql(added * 2)
    assert "greatest(t.a, t.b) * %(param_1)s" in _sql(called * 2)


def test_an_operator_argument_is_grouped() -> None:
    doubled = Template("abs({0}) * 2", T.c.a - T.c.b, type_=Integer())
    assert "abs((t.a - t.b)) * 2" in _sql(doubled)


def test_the_arguments_tables_are_the_statements_from() -> None:
    assert _sql(Template("abs({0})", T.c.a, type_=Integer())).endswith("FROM t")


def test_different_templates_and_arguments_have_different_cache_keys() -> None:
    keys = {
        Template(text, argument, type_=Integer())._generate_cache_key().key  # type: ignore[union-attr]
        for text in ("abs({0})", "sign({0})")
        for argument in (T.c.a, T.c.b)
    }
    assert len(keys) == 4
