"""native-save: graph-building helpers of the module inlined into the export block, call by call.

Research code builds its graph with small functions of the same module (`dense(x, n_in, n_out,
"hidden")`, `tower(x, reuse=True)`, `build_model()`) and often exports from one
(`export(sess, x, y, path)`). Moved into a `tf.function` as calls, such a helper would make its
variables at every trace; inlined, its statements run once, in the block's order, so its
variables become eager variables like the block's own. Each call is expanded on its own: the
arguments take the parameters' places (a name, a literal or a dotted constant is substituted, any
other argument is bound to a fresh name first, as Python evaluates it once), the helper's locals
get fresh names (or, for ``a, b = helper()`` returning ``x, y``, the names the call binds), its
``tf.variable_scope`` / ``tf.name_scope`` blocks stay (`variables.py` names the variables the way
TF1 does, `w`, `hidden/w`, `w_1`), and its final ``return <expr>`` becomes an assignment to the
call's target (a call inside an expression is hoisted before its statement, in evaluation order).

A helper that is not plain enough to expand (loops, conditions, other `with` blocks, ``*args``,
computed defaults, several returns) keeps its calls, and the block refuses them (SM309) with the
reason `why_not` recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

import libcst as cst

from .._imports import is_docstring
from .._names import binds, target_names
from .._walk import walk
from ..exports import tables as T
from ..exports.syntax import Refused, identifiers
from .block import _call_rel
from .nodes import _calls

SCOPES = frozenset({T.VARIABLE_SCOPE, "name_scope"})  # `with` blocks a helper (or the block) may hold
BRIDGE = "or export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)"
_VARIABLE_MAKERS = frozenset({T.VARIABLE, T.GET_VARIABLE})
_MAX_DEPTH = 8  # helpers calling helpers: deeper nests are refused rather than followed


@dataclass
class Helper:
    fn: cst.FunctionDef
    params: list[str]  # positional-or-keyword, then keyword-only
    kwonly: set[str]
    defaults: dict[str, cst.BaseExpression]
    body: list  # statements without the docstring
    exports: bool = False  # holds a SavedModel export (an export helper: `export(sess, x, y, path)`)
    locals: set[str] = field(default_factory=set)
    # a function of another module of the run (package.py): that module's path; its calls are spelled
    # `module.name(...)` (the key in `helpers`) or `name(...)` after `from module import name`
    foreign: str | None = None
    nodes: list[cst.CSTNode] = field(default_factory=list)  # a foreign helper's nodes (all of them)


def callee(func: cst.BaseExpression) -> str | None:
    """The key of a called helper in `helpers`: `name` or `module.name` (None for other callees)."""
    if isinstance(func, cst.Name):
        return func.value
    if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name):
        return f"{func.value.value}.{func.attr.value}"
    return None


def simple_value(node) -> bool:
    """A value substituted for a parameter as it is: evaluating it twice or later changes nothing."""
    if isinstance(node, (cst.Name, cst.SimpleString, cst.Integer, cst.Float)):
        return True
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        return isinstance(node.expression, (cst.Integer, cst.Float))
    if isinstance(node, cst.Attribute):
        return simple_value(node.value) and isinstance(node.value, (cst.Name, cst.Attribute))
    return False


def _scope_with(cm, stmt) -> bool:
    return isinstance(stmt, cst.With) and all(
        isinstance(i.item, cst.Call) and _call_rel(cm, i.item) in SCOPES and i.asname is None for i in stmt.items
    )


def _body_problem(cm, body, last: bool) -> str | None:
    """Why `body` (a helper's statements, or a scope's) is not plain: None when it is."""
    for i, stmt in enumerate(body):
        final = last and i == len(body) - 1
        if isinstance(stmt, cst.SimpleStatementLine):
            for j, small in enumerate(stmt.body):
                if isinstance(small, (cst.Global, cst.Nonlocal)):
                    return "it declares `global`/`nonlocal` names"
                if isinstance(small, (cst.Import, cst.ImportFrom)):
                    return "it imports inside its body (move the import to the top of the module)"
                if isinstance(small, cst.Return) and not (final and j == len(stmt.body) - 1):
                    return "it returns before its last statement"
            continue
        if _scope_with(cm, stmt) and isinstance(stmt, cst.With):
            if not isinstance(stmt.body, cst.IndentedBlock):
                return "it has a one-line `with ...: statement` (write the statement on its own line)"
            why = _body_problem(cm, stmt.body.body, final)
            if why is not None:
                return why
            continue
        if isinstance(stmt, cst.With):
            return "it has a `with` block other than `tf.variable_scope(...)` / `tf.name_scope(...)`"
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            return "it defines a function or class"
        return "it has a loop, condition or `try` (only straight-line helpers are inlined)"
    return None


def helper_of(cm, fn: cst.FunctionDef) -> tuple[Helper | None, str]:
    """The Helper for a module function, or None with the reason it cannot be inlined."""
    if fn.decorators or fn.asynchronous:
        return None, "it is decorated or async"
    params = fn.params
    if params.star_arg is not cst.MaybeSentinel.DEFAULT and not isinstance(params.star_arg, cst.ParamStar):
        return None, "it takes `*args`"
    if params.star_kwarg is not None:
        return None, "it takes `**kwargs`"
    names, defaults = [], {}
    for p in [*params.posonly_params, *params.params, *params.kwonly_params]:
        names.append(p.name.value)
        if p.default is not None:
            if not simple_value(p.default):
                return None, f"the default of `{p.name.value}` is computed (`{cm.code(p.default)}`)"
            defaults[p.name.value] = p.default
    body = list(fn.body.body) if isinstance(fn.body, cst.IndentedBlock) else []
    if body and is_docstring(body[0]):
        body = body[1:]
    if not body:
        return None, "its body is empty"
    why = _body_problem(cm, body, True)
    if why is not None:
        return None, why
    local = _locals(body) | set(names)
    inner = _inner_bindings(body) & local
    if inner:
        return None, f"a lambda or comprehension in it rebinds its name `{sorted(inner)[0]}`"
    if fn.name.value in identifiers(fn.body):
        return None, "it calls itself"
    found = Helper(fn, names, {p.name.value for p in params.kwonly_params}, defaults, body)
    found.locals = _locals(body) | set(names)
    return found, ""


def _locals(body) -> set[str]:
    """The names `body`'s statements bind in their own scope (`_names.binds`)."""
    return set().union(*(binds(stmt) for stmt in body)) if body else set()


class _InnerBindings(cst.CSTVisitor):
    def __init__(self, out: set[str]) -> None:
        self.out = out

    def visit_Param(self, node: cst.Param) -> None:
        self.out.add(node.name.value)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self.out.update(target_names(node.target))


def _inner_bindings(body) -> set[str]:
    """Names bound by the lambdas and comprehensions of `body` (their own scopes)."""
    out: set[str] = set()
    for stmt in body:
        walk(stmt, _InnerBindings(out))
    return out


class _Substitute(cst.CSTTransformer):
    """Names replaced by expressions (fresh copies each time); every new node remembers the
    original node it stands for (`origins`), so positions and name resolution still work."""

    def __init__(self, mapping: dict[str, cst.BaseExpression], origins: dict, keep: list) -> None:
        self.mapping = mapping
        self.origins = origins
        self.keep = keep

    def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute) -> cst.BaseExpression:
        return self._note(original, updated.with_changes(attr=original.attr))  # `x.name` keeps its attribute

    def leave_Arg(self, original: cst.Arg, updated: cst.Arg) -> cst.Arg:
        return self._note(original, updated.with_changes(keyword=original.keyword))  # `name=` stays

    def leave_Param(self, original: cst.Param, updated: cst.Param) -> cst.Param:
        return self._note(original, updated.with_changes(name=original.name))

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
        new = self.mapping.get(original.value)
        if new is None:
            return self._note(original, updated)
        return copy(new, self.origins, self.keep)

    def on_leave(self, original_node, updated_node):
        result = super().on_leave(original_node, updated_node)
        if isinstance(result, cst.CSTNode) and id(result) not in self.origins:
            self._note(original_node, result)
        return result

    def _note(self, original, new):
        self.origins[id(new)] = self.origins.get(id(original), original)
        self.keep.append(new)
        return new


def copy(node: cst.BaseExpression, origins: dict, keep: list) -> cst.BaseExpression:
    """A fresh copy of `node` whose nodes map back to `node`'s (or to what `node`'s stood for)."""
    return cast(cst.BaseExpression, node.visit(_Substitute({}, origins, keep)))


class _HelperCalls(cst.CSTVisitor):
    """Calls of `helpers`, innermost first (see `Inliner._first_call`)."""

    def __init__(self, helpers, found: list[cst.Call]) -> None:
        self.helpers, self.found = helpers, found

    # a call that runs later, repeatedly or conditionally is not hoisted (nor expanded)
    def leave_Call(self, node: cst.Call) -> None:
        if callee(node.func) in self.helpers:
            self.found.append(node)

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_ListComp(self, node: cst.ListComp) -> bool:
        return False

    def visit_SetComp(self, node: cst.SetComp) -> bool:
        return False

    def visit_DictComp(self, node: cst.DictComp) -> bool:
        return False

    def visit_GeneratorExp(self, node: cst.GeneratorExp) -> bool:
        return False

    def visit_IfExp(self, node: cst.IfExp) -> bool:
        return False

    def visit_BooleanOperation(self, node: cst.BooleanOperation) -> bool:
        return False

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False


class Inliner:
    """Expands the calls of `helpers` in the statements of one export block."""

    def __init__(self, cm, helpers: dict[str, Helper], names, scope=None) -> None:
        self.cm = cm
        self.helpers = helpers
        # () -> (the caller's names and the names the inlined code reads, the calling function's
        # local names); computed when first needed: most blocks call no helper
        self._scope = scope
        self._avoid: set[str] | None = None
        self._caller: set[str] = set()
        self.names = names  # the module's fresh-name allocator (emit.Names), may be None
        self.origins: dict[int, cst.CSTNode] = getattr(cm, "origins", {})
        self.keep: list = getattr(cm, "origin_nodes", [])
        self.used: dict[str, int] = {}  # helper name -> calls expanded
        self.depth = 0

    # -- names --------------------------------------------------------------------------------------
    @property
    def avoid(self) -> set[str]:
        """Names a fresh one must not be: the caller's, and what the inlined code reads."""
        if self._avoid is None:
            avoid, caller = self._scope() if self._scope is not None else (set(), set())
            self._avoid, self._caller = set(avoid), set(caller)
        return self._avoid

    @property
    def caller(self) -> set[str]:
        """The calling function's local names (a helper's globals must not be among them)."""
        self.avoid  # noqa: B018 (computes both)
        return self._caller

    def fresh(self, base: str) -> str:
        name, n = base, 2
        while name in self.avoid or (
            self.names is not None and name in self.names.taken and name not in self.names.free
        ):
            name, n = f"{base}_{n}", n + 1
        self.avoid.add(name)
        if self.names is not None:
            self.names.taken.add(name)
            self.names.free.discard(name)
        return name

    # -- statements ---------------------------------------------------------------------------------
    def has_calls(self, node) -> bool:
        """`node` calls a helper somewhere."""
        if not self.helpers:
            return False
        return any(callee(c.func) in self.helpers for c in _calls(node))

    def expandable(self, stmt) -> bool:
        """`stmt`, a statement line or a scope block, calls a helper where the helper's statements can
        go before the call (see `_first_call`); calls in loops and conditions are left to the analysis."""
        if not self.helpers:
            return False
        if isinstance(stmt, cst.SimpleStatementLine):
            return self._first_call(stmt) is not None
        if isinstance(stmt, cst.With) and isinstance(stmt.body, cst.IndentedBlock) and _scope_with(self.cm, stmt):
            return any(self.expandable(s) for s in stmt.body.body)
        return False

    def expand(self, stmts: Sequence[cst.BaseStatement]) -> list[cst.BaseStatement]:
        """`stmts` with every helper call expanded (scope blocks looked into); unchanged statements
        are the same nodes."""
        out: list[cst.BaseStatement] = []
        for stmt in stmts:
            if isinstance(stmt, cst.SimpleStatementLine) and self.expandable(stmt):
                for small in stmt.body:
                    out.extend(self.expand_small(small, stmt))
            elif isinstance(stmt, cst.With) and isinstance(stmt.body, cst.IndentedBlock) and self.expandable(stmt):
                body = self.expand(stmt.body.body)
                out.append(self._note(stmt, stmt.with_changes(body=stmt.body.with_changes(body=body))))
            else:
                out.append(stmt)
        return out

    def expand_small(self, small, line) -> list[cst.BaseStatement]:
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise Refused(small, "SM309", f"helpers call helpers more than {_MAX_DEPTH} deep; flatten them, {BRIDGE}")
        try:
            out = self._expand_small(small, line)
            if out and line.leading_lines:  # comments above the call stay above its statements
                first = cast(cst.SimpleStatementLine, out[0])  # or a With: both have leading_lines
                out[0] = first.with_changes(leading_lines=[*line.leading_lines, *first.leading_lines])
            return self.expand(out)
        finally:
            self.depth -= 1

    def _expand_small(self, small, line) -> list[cst.BaseStatement]:
        out: list[cst.BaseStatement] = []
        while (call := self._first_call(small)) is not None:
            direct = isinstance(small, (cst.Assign, cst.Expr)) and small.value is call
            if direct and isinstance(small, cst.Assign) and len(small.targets) == 1:
                return [*out, *self.expand_call(call, small.targets[0].target, line)]
            if direct and isinstance(small, cst.Expr):
                return [*out, *self.expand_call(call, None, line)]
            # a call inside an expression: its result gets a name, computed before the statement
            self._check_order(small, call)
            result = cst.Name(self.fresh(self._result_base(call)))
            out.extend(self.expand_call(call, result, line))
            small = _replace_node(small, call, result, self.origins, self.keep)
        small = small.with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
        out.append(self._note(line, line.with_changes(body=[small], leading_lines=[])))
        return out

    def _check_order(self, small, call: cst.Call) -> None:
        """Hoisting `call` before its statement must not reorder variable creation: a variable made
        inline in the same statement would otherwise be made after the helper's (other TF1 names)."""
        for other in _calls(small):
            rel = _call_rel(self.cm, other)
            if other is not call and (rel in _VARIABLE_MAKERS or (rel or "").startswith("layers.")):
                raise Refused(
                    call,
                    "SM309",
                    f"`{callee(call.func)}(...)` is called inside an expression that also creates a "
                    f"variable (`{self.cm.code(other.func)}`): inlined, the helper's variables would be made first, "
                    f"and TF1 names variables in creation order; make that variable a statement of its own, {BRIDGE}",
                )

    def _first_call(self, small) -> cst.Call | None:
        """The helper call Python evaluates first (an argument's call before the call it is in)."""
        found: list[cst.Call] = []
        walk(small, _HelperCalls(self.helpers, found))
        return found[0] if found else None

    def _result_base(self, call: cst.Call) -> str:
        helper = self.helpers[cast(str, callee(call.func))]
        last = _final_return(helper.body)
        value = last.value if last is not None else None
        if isinstance(value, cst.Name) and value.value not in helper.params:
            return value.value
        if isinstance(value, cst.Call):
            for arg in value.args:
                text = arg.value.value[1:-1] if isinstance(arg.value, cst.SimpleString) else ""
                if (arg.keyword is None or arg.keyword.value == "name") and text.isidentifier():
                    return text  # `tf.get_variable("offset", ...)`, `tf.identity(x, name="y")`
        return f"{helper.fn.name.value}_out"

    def expand_call(self, call: cst.Call, target, line) -> list[cst.BaseStatement]:
        """The statements of one call of a helper; its result assigned to `target` (a name or a
        tuple of names; None: discarded)."""
        name = cast(str, callee(call.func))
        helper = self.helpers[name]
        if helper.foreign is not None:
            # another module's statements: they stand for the call (positions, diagnostics)
            for node in helper.nodes:
                self.origins[id(node)] = call
        shadowed = sorted((identifiers(helper.fn.body) - helper.locals) & self.caller)
        if shadowed:
            raise Refused(
                call,
                "SM309",
                f"`{name}(...)` reads the module's `{shadowed[0]}`, which the calling function binds too: inlined, "
                f"it would read the caller's; rename one of them, {BRIDGE}",
            )
        values = self.bind(call, helper)
        out: list[cst.BaseStatement] = []
        mapping: dict[str, cst.BaseExpression] = {}
        assigned = _locals(helper.body)
        for param in helper.params:
            value = values[param]
            if simple_value(value) and param not in assigned:
                mapping[param] = value
            else:  # evaluated once, before the body, as Python does
                fresh = self.fresh(param)
                mapping[param] = cst.Name(fresh)
                assign = cst.Assign(
                    targets=[cst.AssignTarget(cst.Name(fresh))], value=copy(value, self.origins, self.keep)
                )
                out.append(self._note(line, cst.SimpleStatementLine(body=[assign])))
        ret = _final_return(helper.body)
        pairs = self._pairs(target, ret.value if ret is not None else None, helper, values)
        for local in sorted(helper.locals - set(helper.params)):
            mapping[local] = (
                cst.Name(pairs[local]) if pairs is not None and local in pairs else cst.Name(self.fresh(local))
            )
        body = [cast(cst.BaseStatement, s.visit(_Substitute(mapping, self.origins, self.keep))) for s in helper.body]
        rest = _computed_elements(target, ret.value if ret is not None else None) if pairs is not None else []
        body = _final(body, None if pairs is not None else target, self.origins, self.keep, rest)
        if out:
            body[0] = body[0].with_changes(leading_lines=[])
        self.used[name] = self.used.get(name, 0) + 1
        return [*out, *body]

    def _pairs(self, target, value, helper: Helper, values) -> dict[str, str] | None:
        """`a, b = helper()` returning locals `x, y`: {"x": "a", "y": "b"} when the helper's own
        statements may bind the caller's names directly (nothing else reads those names)."""
        if target is None or value is None:
            return None
        if isinstance(target, cst.Name) and isinstance(value, cst.Name):
            pairs = [(value.value, target.value)]
        elif isinstance(target, (cst.Tuple, cst.List)) and isinstance(value, (cst.Tuple, cst.List)):
            if len(target.elements) != len(value.elements):
                return None
            pairs = []
            computed: set[str] = set()  # caller names bound by `name = <element>`, in order
            for t, v in zip(target.elements, value.elements, strict=True):
                if not isinstance(t.value, cst.Name) or isinstance(t, cst.StarredElement):
                    return None
                if isinstance(v.value, cst.Name):
                    pairs.append((v.value.value, t.value.value))
                    continue
                # `return x, x * w`: the element is bound after the helper's statements, by its own
                # assignment; one reading a name an earlier such assignment rebinds would see the new value
                if isinstance(v, cst.StarredElement) or identifiers(v.value) & computed:
                    return None
                computed.add(t.value.value)
            if not pairs:
                return None
        else:
            return None
        inner = [i for i, _ in pairs]
        outer = [o for _, o in pairs]
        if len(set(inner)) != len(inner) or len(set(outer)) != len(outer):
            return None
        if any(i not in helper.locals or i in helper.params for i in inner):
            return None
        read = set().union(*(identifiers(v) for v in values.values())) if values else set()
        others = set().union(*(identifiers(s) for s in helper.body)) - set(inner)
        if set(outer) & (read | others):
            return None
        for o in outer:
            self.avoid.add(o)
        return dict(pairs)

    def bind(self, call: cst.Call, helper: Helper) -> dict[str, cst.BaseExpression]:
        name = callee(call.func) or helper.fn.name.value
        values: dict[str, cst.BaseExpression] = {}
        positional = [p for p in helper.params if p not in helper.kwonly]
        for i, arg in enumerate(call.args):
            if arg.star:
                raise Refused(
                    arg,
                    "SM309",
                    f"`{name}(...)` is called with `*`/`**` arguments, which cannot be inlined; pass them one by "
                    f"one, {BRIDGE}",
                )
            if arg.keyword is None:
                if i >= len(positional):
                    raise Refused(call, "SM309", f"`{name}(...)` gets more arguments than it has parameters")
                values[positional[i]] = arg.value
            else:
                key = arg.keyword.value
                if key not in helper.params or key in values:
                    raise Refused(arg, "SM309", f"`{name}(...)` has no parameter `{key}` (or gets it twice)")
                values[key] = arg.value
        for param in helper.params:
            if param not in values:
                if param not in helper.defaults:
                    raise Refused(call, "SM309", f"`{name}(...)` is called without its parameter `{param}`")
                values[param] = helper.defaults[param]
        return values

    def _note(self, original, new):
        self.origins[id(new)] = self.origins.get(id(original), original)
        self.keep.append(new)
        return new


def _final_return(body) -> cst.Return | None:
    last = body[-1] if body else None
    if isinstance(last, cst.With):
        if isinstance(last.body, cst.IndentedBlock):
            return _final_return(list(last.body.body))
        return _final_return([cst.SimpleStatementLine(body=cast(cst.SimpleStatementSuite, last.body).body)])
    if isinstance(last, cst.SimpleStatementLine) and isinstance(last.body[-1], cst.Return):
        return last.body[-1]
    return None


def _computed_elements(target, value) -> list[tuple[str, int]]:
    """(caller name, element index) of `a, b = helper()` whose returned element is an expression
    (`return x, x * w`): bound by an assignment of its own, the names being bound directly."""
    if not (isinstance(target, (cst.Tuple, cst.List)) and isinstance(value, (cst.Tuple, cst.List))):
        return []
    return [
        (t.value.value, i)
        for i, (t, v) in enumerate(zip(target.elements, value.elements, strict=True))
        if isinstance(t.value, cst.Name) and not isinstance(v.value, cst.Name)
    ]


def _final(body: list, target, origins: dict, keep: list, computed=()) -> list:
    """The helper's statements with their final `return <expr>` made `target = <expr>` (or dropped;
    `computed`: the elements of a returned tuple bound one by one, `name = <element>`)."""
    if not body:
        return body
    last = body[-1]
    if isinstance(last, cst.With) and isinstance(last.body, cst.IndentedBlock):
        inner = _final(list(last.body.body), target, origins, keep, computed)
        return [*body[:-1], last.with_changes(body=last.body.with_changes(body=inner))]
    if isinstance(last, cst.SimpleStatementLine) and isinstance(last.body[-1], cst.Return):
        ret = last.body[-1]
        rest = list(last.body[:-1])
        if computed and isinstance(ret.value, (cst.Tuple, cst.List)):
            for name, index in computed:
                element = ret.value.elements[index].value
                assign = cst.Assign(targets=[cst.AssignTarget(cst.Name(name))], value=element)
                origins[id(assign)] = origins.get(id(ret), ret)
                keep.append(assign)
                rest.append(assign)
        elif target is not None and ret.value is not None:
            assign = cst.Assign(targets=[cst.AssignTarget(target)], value=ret.value)
            origins[id(assign)] = origins.get(id(ret), ret)
            keep.append(assign)
            rest.append(assign)
        elif ret.value is not None and not isinstance(ret.value, (cst.Name, cst.Tuple)):
            rest.append(cst.Expr(ret.value))  # a discarded result: still built, as in TF1
        if not rest:
            return body[:-1]
        rest[-1] = rest[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
        return [*body[:-1], last.with_changes(body=rest)]
    return body


def _replace_node(small, old: cst.CSTNode, new: cst.BaseExpression, origins: dict, keep: list):
    class R(cst.CSTTransformer):
        def on_leave(self, original_node, updated_node):
            result = new if original_node is old else updated_node
            if isinstance(result, cst.CSTNode) and result is not new:
                origins[id(result)] = origins.get(id(original_node), original_node)
                keep.append(result)
            return result

    return small.visit(R())


def helpers_of(cm, module: cst.Module, makes_graph, holds_export) -> tuple[dict[str, Helper], dict[str, str]]:
    """The module's functions that build graph pieces or export ({name: Helper}), and for those
    that cannot be inlined, why ({name: reason})."""
    found: dict[str, Helper] = {}
    why: dict[str, str] = {}
    for stmt in module.body:
        if not isinstance(stmt, cst.FunctionDef):
            continue
        exports = holds_export(stmt)
        if not (makes_graph(stmt) or exports):
            continue
        helper, reason = helper_of(cm, stmt)
        if helper is None:
            why[stmt.name.value] = reason
            continue
        helper.exports = exports
        found[stmt.name.value] = helper
    return found, why


def called_helpers(helpers: dict[str, Helper], stmts) -> list[Helper]:
    """The helpers `stmts` call, and the helpers those call, each once."""
    seen: dict[str, Helper] = {}
    todo = [n for s in stmts for n in _helper_names(s, helpers)]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen[name] = helpers[name]
        todo.extend(_helper_names(helpers[name].fn, helpers))
    return list(seen.values())


def _helper_names(node, helpers: dict[str, Helper]) -> list[str]:
    found = [n for n in identifiers(node) if n in helpers]
    if any(h.foreign is not None for h in helpers.values()):  # `module.name(...)` keys
        found.extend(k for c in _calls(node) if "." in (k := callee(c.func) or "") and k in helpers)
    return found


class _All(cst.CSTVisitor):
    def __init__(self, out: list[cst.CSTNode]) -> None:
        self.out = out

    def on_visit(self, node: cst.CSTNode) -> bool:
        self.out.append(node)
        return True


def all_nodes(node: cst.CSTNode) -> list[cst.CSTNode]:
    out: list[cst.CSTNode] = []
    node.visit(_All(out))
    return out


def inliner_for(cm, block, suite, names) -> Inliner:
    """The inliner of one block: fresh names avoid the caller's names and what the helpers read."""
    helpers: dict[str, Helper] = getattr(cm, "helpers", {})

    def scope() -> tuple[set[str], set[str]]:
        stmts = [*suite, *block.region]
        called = called_helpers(helpers, stmts)
        # a called helper's own locals are renamed where it is inlined, so they are no names to avoid
        # (its name and the globals it reads are)
        inlined = {id(h.fn) for h in called}
        avoid = set().union(*(identifiers(s) for s in stmts if id(s) not in inlined)) if stmts else set()
        for helper in called:
            avoid |= (identifiers(helper.fn.body) - helper.locals) | {helper.fn.name.value}
        caller: set[str] = set()
        function = suite[0] if suite else None
        while function is not None and not isinstance(function, cst.FunctionDef):
            function = cm.parent(function)  # the function the block is in (None at module level)
        if isinstance(function, cst.FunctionDef):
            caller = _locals([function.body]) | {p.name.value for p in _all_params(function.params)}
        return avoid, caller

    return Inliner(cm, helpers, names, scope)


def _all_params(params: cst.Parameters) -> list[cst.Param]:
    out = [*params.posonly_params, *params.params, *params.kwonly_params]
    for extra in (params.star_arg, params.star_kwarg):
        if isinstance(extra, cst.Param):
            out.append(extra)
    return out


def removable(cm, block, inliner: Inliner, counts: dict[str, int]) -> list[cst.FunctionDef]:
    """The helper definitions the block inlined that nothing else calls (they go with the block)."""
    from . import _counts_in  # the module's identifier counter

    gone = {name for name in inliner.used if inliner.helpers[name].foreign is None}  # others: package.py
    region = _counts_in(block.region)
    while True:
        inside = dict(region)
        for name in gone:
            for key, n in _counts_in([inliner.helpers[name].fn]).items():
                inside[key] = inside.get(key, 0) + n
        keep = {name for name in gone if counts.get(name, 0) > inside.get(name, 0)}
        if not keep:
            return [inliner.helpers[name].fn for name in gone]
        gone -= keep
