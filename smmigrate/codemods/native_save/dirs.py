"""The export directory of an export inside a function that takes it as a parameter.

`def export(path): ... simple_save(sess, path, ...)` called as `export("model_dir")` writes
"model_dir". When every call of that module-level function in the module passes the same string
(a literal or a module string constant, or the parameter's default), that string is the export's
directory, and a load of "model_dir" elsewhere in the run can be matched with the export
(native-load calls a migrated export's signatures by key instead of pruning tensor names). Anything
less certain gives None: the function used other than by calls, the parameter rebound in it, calls
passing different or computed values, `*args`/`**kwargs`.
"""

from __future__ import annotations

import libcst as cst

from .._base import literal_str
from .._keras import scope_of
from .._names import binds
from .._walk import walk
from ..exports.syntax import Refused, bind_args


class _Uses(cst.CSTVisitor):
    """Every occurrence of `function`: its calls, and how many occurrences are not `function(...)`."""

    def __init__(self, function: str) -> None:
        self.function = function
        self.calls: list[cst.Call] = []
        self.other_uses = 0  # occurrences of the function's name that are not `function(...)`

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Name) and node.func.value == self.function:
            self.calls.append(node)

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == self.function:
            self.other_uses += 1


def parameter_dir(cm, name: cst.Name) -> str | None:
    """The one string every call of the module-level function whose parameter `name` is passes for it."""
    function = scope_of(cm, name)  # a method's, a lambda's or a nested function's parameter: None below
    if not isinstance(function, cst.FunctionDef) or cm.parent(function) is not cm.source_module:
        return None
    params = function.params
    if params.star_arg is not cst.MaybeSentinel.DEFAULT and not isinstance(params.star_arg, cst.ParamStar):
        return None  # `*args`: positions after it cannot be bound
    if params.star_kwarg is not None:
        return None
    positional = [p.name.value for p in [*params.posonly_params, *params.params]]
    declared = {p.name.value: p for p in [*params.posonly_params, *params.params, *params.kwonly_params]}
    if name.value not in declared:
        return None  # a local of the function, not its parameter
    if name.value in binds(function.body):
        return None  # the parameter is rebound in the function
    uses = _Uses(function.name.value)
    walk(cm.source_module, uses)
    # the def's own name is one occurrence, each call's callee one more: nothing else may use it
    if not uses.calls or uses.other_uses != 1 + len(uses.calls):
        return None
    values: set[str | None] = set()
    for call in uses.calls:
        try:
            bound = bind_args(call, tuple(positional))
        except Refused:
            return None
        if any(k not in declared for k in bound):
            return None
        arg = bound.get(name.value, declared[name.value].default)
        values.add(_string(cm, arg))
    if len(values) != 1:
        return None
    return values.pop()


def _string(cm, node: cst.BaseExpression | None) -> str | None:
    value = literal_str(node)
    if value is None and isinstance(node, cst.Name):
        value = cm.module_strings.get(node.value)
    return value
