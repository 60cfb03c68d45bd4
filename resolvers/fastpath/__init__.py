"""The read fast path: a whole query compiled into one SQL statement that builds the JSON.

The general (strawberry) path resolves ~1,000 objects one field at a time; here the database
builds the response document in one round trip. Both are planners over the same read
registry (resolvers/read/specs.py), and a differential test holds them to the same answers.
A document asking for what only the general path does (mutations, introspection) is
NotCovered: declared, counted, and answered by the general path.
"""

from resolvers.fastpath.compile import (
    Compiled,
    coerced_variables,
    compile_query,
    operation_of,
    shape_key,
)
from resolvers.fastpath.run import FirstRuns, run_compiled
from resolvers.fastpath.selection import ArgumentError, NotCovered

__all__ = [
    "ArgumentError",
    "Compiled",
    "FirstRuns",
    "NotCovered",
    "coerced_variables",
    "compile_query",
    "operation_of",
    "run_compiled",
    "shape_key",
]
