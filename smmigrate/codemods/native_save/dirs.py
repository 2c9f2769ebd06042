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
from .._walk import walk
from ..exports.syntax import Refused, bind_args, identifiers


class _Uses(cst.CSTVisitor):
    """Every occurrence of `function` (calls of it apart) and whether `param` is rebound in `scope`."""

    def __init__(self, function: str, param: str, scope: cst.FunctionDef) -> None:
        self.function, self.param, self.scope = function, param, scope
        self.calls: list[cst.Call] = []
        self.other_uses = 0  # occurrences of the function's name that are not `function(...)`
        self.rebound = False
        self._inside = 0

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if node is self.scope:
            self._inside += 1

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        if original_node is self.scope:
            self._inside -= 1

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Name) and node.func.value == self.function:
            self.calls.append(node)

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == self.function:
            self.other_uses += 1

    def _target(self, node: cst.CSTNode | None) -> None:
        if node is None or not self._inside:
            return
        self.rebound = self.rebound or self.param in identifiers(node)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._target(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._target(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._target(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._target(node.target)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._target(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._target(node.name)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._target(node.target)

    def visit_Del(self, node: cst.Del) -> None:
        self._target(node.target)

    def visit_Global(self, node: cst.Global) -> None:
        self._target(node)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self._target(node)


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
    uses = _Uses(function.name.value, name.value, function)
    walk(cm.source_module, uses)
    # the def's own name is one occurrence, each call's callee one more: nothing else may use it
    if uses.rebound or not uses.calls or uses.other_uses != 1 + len(uses.calls):
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
