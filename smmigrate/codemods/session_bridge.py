"""session-bridge: exports native-save refuses because the graph comes from elsewhere call the bridge.

native-save can only migrate an export block that builds its whole graph from placeholders. When
the session is passed in, lives on ``self.sess``, was restored from a checkpoint or trained before
the export (its refusals SM301, SM302, SM303), no static rewrite can rebuild the graph — but the
session itself can be exported: `smmigrate.export_session(sess, export_dir, ...)` takes the same
arguments as the TF1 call and writes a TF2 SavedModel from the live session. This codemod, run
before native-save, asks native-save's own planning which exports it refuses and why, and rewrites
those call sites:

- ``simple_save(sess, dir, inputs=..., outputs=...)`` ->
  ``smmigrate.export_session(sess, dir, inputs=..., outputs=...)``
- ``b = Builder(dir)`` / ``b.add_meta_graph_and_variables(sess, [SERVING], signature_def_map=..., ...)`` /
  ``b.save()`` -> one ``smmigrate.export_session(sess, dir, tags=[SERVING], signature_def_map=..., ...)``
  (``path = b.save()`` keeps its value: ``path = tf.io.gfile.join(tf.compat.as_bytes(dir), b"saved_model.pb")``,
  what TF1's ``save()`` returns)

adding ``import smmigrate``. The TF1 code around it keeps running as it did. Builders with a second
MetaGraph, tags other than exactly [SERVING], or uses the codemod cannot follow are left alone with
a diagnostic (native-save then reports its own). `collect_facts` tells native-load that a bridged
export is a TF2 SavedModel (signature keys and method names, when written literally).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import libcst as cst

from ..codes import codes_of
from . import _imports
from ._base import SavedModelCodemod, dotted_name, literal_str
from ._facts import ExportFact, SignatureFact
from ._walk import walk
from .exports import tables as T
from .exports.signatures import constant_value, tags_not_serving
from .exports.syntax import Refused, bind_args
from .symbols import V2

if TYPE_CHECKING:
    from .native_save import ExportPlan

BRIDGED = frozenset({"SM301", "SM302", "SM303"})
_EXPORT_SESSION = "export_session"
_LAST = frozenset({_EXPORT_SESSION})


@dataclass
class Site:
    """One export call the bridge rewrites (or refuses, with `refusal` set)."""

    call: cst.Call  # the export call native-save's fact names: simple_save(...) or Builder(...)
    kind: str  # "simple_save" / "builder"
    export_dir: cst.BaseExpression | None = None
    add_call: cst.Call | None = None  # builder: add_meta_graph_and_variables(...)
    args: dict = field(default_factory=dict)  # builder: bound add_meta_graph_and_variables arguments
    remove: list = field(default_factory=list)  # statements to delete (Builder(...) and .save())
    save_call: cst.Call | None = None  # builder: `save()` when its result is assigned (`path = builder.save()`)
    refusal: Refused | None = None


class SessionBridge(SavedModelCodemod):
    NAME = "session-bridge"
    DESCRIPTION = (
        "Rewrite exports of sessions built elsewhere (passed in, self.sess, restored, trained) into "
        "smmigrate.export_session calls."
    )
    CODES = codes_of("session-bridge")  # titles, severities and what to do: smmigrate/codes.py
    ORDER = 15
    # export_session: an earlier run's bridged calls still give native-load its facts
    TRIGGERS = ("simple_save", "Builder", _EXPORT_SESSION)
    PLANS_AHEAD = True

    def __init__(self, filename: str = "<string>", project_facts=()) -> None:
        super().__init__(filename, project_facts)
        self._calls: dict[int, Site] = {}  # id(call to replace) -> site
        self._remove: set[int] = set()
        self._saves: dict[int, Site] = {}  # id(`builder.save()` whose result is assigned) -> site
        self._import_as: str | None = None

    # -- planning -------------------------------------------------------------------------------
    @classmethod
    def collect_facts(cls, module: cst.Module, path: str, shared=None, project_facts=()) -> list[object]:
        # (the engine only calls this when TRIGGERS words occur in the file)
        from .native_save import plan_exports

        plan = plan_exports(module, path, shared, project_facts=project_facts)
        ns = plan.context
        facts: list[object] = []
        for site in plan_sites(plan):
            if site.refusal is not None:
                continue
            fact = plan.fact_of(site.call)
            facts.append(
                ExportFact(
                    fact.path, fact.export_dir, fact.export_dir_value, True, _signature_facts(ns, site), fact.function
                )
            )
        # Calls bridged by an earlier run write TF2 SavedModels too (a second run must agree).
        for call in _export_session_calls(ns):
            try:
                args = bind_args(call, ("sess", "export_dir", "inputs", "outputs"))
            except Refused:
                continue
            export_dir = args.get("export_dir")
            if export_dir is None:
                continue
            value = ns.dir_value(export_dir)
            site = Site(
                call, "simple_save" if "inputs" in args or "outputs" in args else "builder", export_dir, args=args
            )
            facts.append(
                ExportFact(
                    path, ns.code(export_dir), value, True, _signature_facts(ns, site), plan.enclosing_function(call)
                )
            )
        return facts

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        if not {"simple_save", "Builder", "SavedModelBuilder"} & self.names.seen:
            return  # only calls an earlier run bridged: nothing to plan
        from .native_save import plan_exports

        # same tree, same metadata (node ids agree), and native-save's plan of it when already made
        plan = plan_exports(node, self.filename, like=self)
        for site in plan_sites(plan):
            refused = plan.refusal_of(site.call)
            if site.refusal is None and refused is not None:
                # native-save analysed this export and refused it: say why it is bridged, not native
                code, message = refused
                self.report(
                    site.call,
                    "SM406",
                    f"bridged with smmigrate.export_session, not migrated to native TF2: {code} {message}",
                )
            if site.refusal is not None:
                why = site.refusal
                self.report(why.node if why.node is not None else site.call, why.code, "not bridged: " + why.message)
                continue
            target = site.call if site.kind == "simple_save" else site.add_call
            self._calls[id(target)] = site
            self._remove.update(id(s) for s in site.remove)
            if site.save_call is not None:
                self._saves[id(site.save_call)] = site
        if self._calls:
            self._import_as = self._smmigrate_name()

    def plans_change(self) -> bool:
        return bool(self._calls or self._remove or self._maybe_unused or self._added_tf_import is not None)

    def planned_nodes(self) -> list[cst.CSTNode]:
        # the calls replaced and the statements removed (leave_IndentedBlock/leave_Module rebuild the
        # suites holding them, their ancestors; leave_Module adds the import)
        nodes: list[cst.CSTNode] = []
        for site in self._calls.values():
            nodes.append(site.call if site.kind == "simple_save" else site.add_call)  # type: ignore[arg-type]
            nodes.extend(site.remove)
        # `save_path = builder.save()`: the call becomes the value TF1 returned (leave_Call)
        nodes.extend(site.save_call for site in self._saves.values() if site.save_call is not None)
        return nodes

    def _smmigrate_name(self) -> str:
        """`smmigrate` when it is imported as such or free; otherwise an unused alias."""
        if self.names.imported_path("smmigrate") == "smmigrate":
            return "smmigrate"
        # one of three spellings, not `FreshNames`' numbering: `smmigrate_2` would read like a different package
        taken = self.bindings.bound_names | self.names.seen
        return next(n for n in ("smmigrate", "smmigrate_", "_smmigrate") if n not in taken)

    # -- rewriting ------------------------------------------------------------------------------
    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        saved = self._saves.get(id(original_node))
        if saved is not None and saved.export_dir is not None:
            # what TF1's `builder.save()` returned: the path of saved_model.pb, as bytes
            join, as_bytes = self.spell((V2, "io.gfile.join")), self.spell((V2, "compat.as_bytes"))
            directory = cst.Module([]).code_for_node(saved.export_dir)
            return cst.parse_expression(f'{join}({as_bytes}({directory}), b"saved_model.pb")')
        site = self._calls.get(id(original_node))
        if site is None:
            return updated_node
        func = cst.parse_expression(f"{self._import_as}.{_EXPORT_SESSION}")
        if site.kind == "simple_save":
            # Same parameters in the same order; only simple_save's `session=` keyword differs.
            args = [
                a.with_changes(keyword=cst.Name("sess"))
                if a.keyword is not None and a.keyword.value == "session"
                else a
                for a in updated_node.args
            ]
            return updated_node.with_changes(func=func, args=args)
        return updated_node.with_changes(func=func, args=_builder_args(site, updated_node))

    def _rebuild(self, original_body, updated_body):
        if not any(id(s) in self._remove for s in original_body):
            return None
        return [new for orig, new in zip(original_body, updated_body, strict=True) if id(orig) not in self._remove]

    def leave_IndentedBlock(
        self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        body = self._rebuild(original_node.body, updated_node.body)
        return updated_node if body is None else updated_node.with_changes(body=body)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        body = self._rebuild(original_node.body, updated_node.body)
        if body is not None:
            updated_node = updated_node.with_changes(body=body)
        if self._calls and self.names.imported_path("smmigrate") != "smmigrate":
            updated_node = _imports.add_import(updated_node, "smmigrate", self._import_as or "smmigrate")
        return updated_node


# ------------------------------------------------------------------------------------ planning
def plan_sites(plan: ExportPlan) -> list[Site]:
    """The exports native-save's `plan` refuses with SM301/302/303, planned for the bridge (each
    with `refusal` set when the bridge cannot take it either)."""
    sites = []
    ns = plan.context
    for export in plan.exports:
        fact, call = export.fact, export.call
        # native-save's rewrite withheld (the module stays in TF1 mode): what it would have replayed
        # (training) is bridged as when it refused it
        withheld = fact.migrated and fact.bridgeable and "native-save" in plan.context.withheld
        if (fact.migrated and not withheld) or not (fact.reason in BRIDGED or fact.bridgeable):
            continue
        resolved = ns.tf_symbol(call.func)
        if resolved is None:
            continue
        try:
            if resolved.rel == T.SIMPLE_SAVE:
                site = _plan_simple_save(ns, call)
            elif resolved.rel in T.BUILDERS:
                site = _plan_builder(ns, call)
            else:
                continue
        except Refused as why:
            site = Site(call, "simple_save" if resolved.rel == T.SIMPLE_SAVE else "builder", refusal=why)
        sites.append(site)
    return sites


def _plan_simple_save(ns, call: cst.Call) -> Site:
    try:
        args = bind_args(call, T.SIMPLE_SAVE_PARAMS)
    except Refused as why:
        raise Refused(why.node, "SM405" if why.code == "SM306" else "SM403", why.message) from None
    return Site(call, "simple_save", export_dir=args.get("export_dir"))


def _statement_of(ns, node: cst.CSTNode):
    """(statement, its suite body, index) for the simple statement holding `node`, or None."""
    stmt = node
    while stmt is not None and not isinstance(stmt, cst.SimpleStatementLine):
        stmt = ns.parent(stmt)
    if stmt is None:
        return None
    suite = ns.parent(stmt)
    body = getattr(suite, "body", None)
    if not isinstance(body, (list, tuple)):
        return None
    return stmt, body, list(body).index(stmt)


def _method_call(stmt, name: str, method: str) -> cst.Call | None:
    """`name.method(...)` when `stmt` is exactly that expression statement."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1 or not isinstance(stmt.body[0], cst.Expr):
        return None
    call = stmt.body[0].value
    if (
        isinstance(call, cst.Call)
        and isinstance(call.func, cst.Attribute)
        and isinstance(call.func.value, cst.Name)
        and call.func.value.value == name
        and call.func.attr.value == method
    ):
        return call
    return None


# Not `_names.reads`: it tells `name.method(...)` calls apart from other uses, per name, for one scope.
class _Uses(cst.CSTVisitor):
    """For every name in a scope: its `name.method(...)` calls and how often it is used otherwise.

    Collected once per scope (not once per Builder), so a module with many module-level
    Builders stays linear."""

    def __init__(self) -> None:
        self.methods: dict[str, list[tuple[str, cst.Call]]] = {}  # name -> (method, call)
        self.other: dict[str, int] = {}

    def visit_Call(self, node: cst.Call) -> bool | None:
        f = node.func
        if isinstance(f, cst.Attribute) and isinstance(f.value, cst.Name):
            self.methods.setdefault(f.value.value, []).append((f.attr.value, node))
            for arg in node.args:
                walk(arg, self)
            return False
        return None

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        walk(node.value, self)
        return False

    def visit_Name(self, node: cst.Name) -> None:
        self.other[node.value] = self.other.get(node.value, 0) + 1


def _uses_in(ns, scope: cst.CSTNode) -> _Uses:
    cache = ns.__dict__.setdefault("_uses_cache", {})
    if id(scope) not in cache:
        uses = _Uses()
        walk(scope, uses)
        cache[id(scope)] = (scope, uses)  # the scope is kept alive so its id stays unique
    return cache[id(scope)][1]


def _plan_builder(ns, call: cst.Call) -> Site:
    where = _statement_of(ns, call)
    assign = where[0].body[0] if where is not None and len(where[0].body) == 1 else None
    if (
        where is None
        or not isinstance(assign, cst.Assign)
        or assign.value is not call
        or len(assign.targets) != 1
        or not isinstance(assign.targets[0].target, cst.Name)
    ):
        raise Refused(
            call,
            "SM403",
            "the Builder is not assigned to a name in a statement of its own (`builder = Builder(export_dir)`); "
            "write it that way, then rerun",
        )
    stmt, body, index = where
    name = assign.targets[0].target.value
    try:
        ctor = bind_args(call, ("export_dir",))
    except Refused as why:
        raise Refused(why.node, "SM405" if why.code == "SM306" else "SM403", why.message) from None
    export_dir = ctor.get("export_dir")
    if export_dir is None:
        raise Refused(call, "SM403", "Builder(...) without an export directory")
    if literal_str(export_dir) is None and dotted_name(export_dir) is None:
        raise Refused(
            export_dir,
            "SM404",
            f"the export directory `{ns.code(export_dir)}` is computed inside Builder(...); bind it to a name first "
            "(`export_dir = ...`), then rerun",
        )
    # Every use of the builder in its function (or the module): this sequence and nothing else.
    scope = ns.parent(stmt)
    while scope is not None and not isinstance(scope, (cst.FunctionDef, cst.Module)):
        scope = ns.parent(scope)
    all_uses = _uses_in(ns, scope or ns.source_module)
    name_methods = all_uses.methods.get(name, [])
    methods = [m for m, _ in name_methods]
    if "add_meta_graph" in methods:
        node = next(c for m, c in name_methods if m == "add_meta_graph")
        raise Refused(
            node,
            "SM402",
            f"`{name}.add_meta_graph` adds a second MetaGraph; a TF2 SavedModel holds one, tagged serve — export it "
            "separately or keep this export on TF1",
        )
    if sorted(methods) != ["add_meta_graph_and_variables", "save"] or all_uses.other.get(name, 0) != 1:
        raise Refused(
            call,
            "SM403",
            f"`{name}` is used for more than Builder(...), one add_meta_graph_and_variables(...) and one save(); "
            "keep those three statements together, then rerun",
        )
    add_call = next(c for m, c in name_methods if m == "add_meta_graph_and_variables")
    save_call = next(c for m, c in name_methods if m == "save")
    add_where = _statement_of(ns, add_call)
    save_where = _statement_of(ns, save_call)
    assigned = save_where is not None and _assigned_call(save_where[0]) is save_call
    if (
        add_where is None
        or save_where is None
        or _method_call(add_where[0], name, "add_meta_graph_and_variables") is not add_call
        or (_method_call(save_where[0], name, "save") is not save_call and not assigned)
    ):
        raise Refused(
            add_call,
            "SM403",
            f"`{name}.add_meta_graph_and_variables(...)` and `{name}.save()` must be statements of their own; write "
            "them that way, then rerun",
        )
    if add_where[1] is not save_where[1] or save_where[2] <= add_where[2]:
        raise Refused(
            save_call,
            "SM403",
            f"`{name}.save()` does not follow `{name}.add_meta_graph_and_variables(...)` in the same block; move it "
            "right after, then rerun",
        )
    # The add statement is in the Builder's suite after it, or nested in a later statement of it.
    holder = add_where[0]
    while holder is not None and not (holder in body and list(body).index(holder) > index):
        holder = ns.parent(holder)
    if holder is None:
        raise Refused(
            add_call,
            "SM403",
            f"`{name}.add_meta_graph_and_variables(...)` is not in the block that creates the Builder; keep the "
            "Builder sequence in one block, then rerun",
        )
    try:
        args = bind_args(add_call, T.ADD_META_GRAPH_PARAMS)
    except Refused as why:
        raise Refused(why.node, "SM405" if why.code == "SM306" else "SM403", why.message) from None
    tags = args.get("tags")
    untagged = tags_not_serving(ns, tags)
    if untagged is not None:
        raise Refused(
            tags or add_call,
            "SM401",
            f"{untagged}; the bridge writes a TF2 SavedModel with one MetaGraph tagged serve — keep this export on TF1 "
            "or re-tag it for serving",
        )
    # The directory moves from Builder(...) to the export call: its name must not change between.
    dotted = dotted_name(export_dir)
    if dotted is not None:
        head = dotted.split(".")[0]
        span = list(body)[index + 1 : list(body).index(holder) + 1]
        if any(_binds(s, head, dotted) for s in span):
            raise Refused(
                export_dir,
                "SM404",
                f"`{dotted}` is assigned again between Builder(...) and add_meta_graph_and_variables(...); pass the "
                "directory the Builder got, then rerun",
            )
    if assigned and dotted is not None:
        span = list(save_where[1])[add_where[2] + 1 : save_where[2]]
        if any(_binds(s, dotted.split(".")[0], dotted) for s in span):
            raise Refused(
                export_dir,
                "SM404",
                f"`{dotted}` is assigned again between add_meta_graph_and_variables(...) and the `save()` whose "
                "result is used; keep the directory unchanged until then, then rerun",
            )
    return Site(
        call,
        "builder",
        export_dir=export_dir,
        add_call=add_call,
        args=args,
        remove=[stmt] if assigned else [stmt, save_where[0]],
        save_call=save_call if assigned else None,
    )


def _assigned_call(stmt) -> cst.BaseExpression | None:
    """`value` when `stmt` is exactly `name = value`."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    small = stmt.body[0]
    if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name):
        return small.value
    return None


# Not `_names.binds`: attribute targets count (`self.builder = ...` rebinds the dotted `self.builder`).
def _binds(stmt: cst.CSTNode, head: str, dotted: str) -> bool:
    """Whether `stmt` assigns `head` (or the dotted target) anywhere inside it."""
    found = []

    class V(cst.CSTVisitor):
        def _target(self, t) -> None:
            text = dotted_name(t)
            if text is not None and (text in (head, dotted) or dotted.startswith(text + ".")):
                found.append(t)
            if isinstance(t, (cst.Tuple, cst.List)):
                for e in t.elements:
                    self._target(e.value)

        def visit_AssignTarget(self, n: cst.AssignTarget) -> None:
            self._target(n.target)

        def visit_AugAssign(self, n: cst.AugAssign) -> None:
            self._target(n.target)

        def visit_AnnAssign(self, n: cst.AnnAssign) -> None:
            self._target(n.target)

        def visit_For(self, n: cst.For) -> None:
            self._target(n.target)

        def visit_AsName(self, n: cst.AsName) -> None:
            self._target(n.name)

    walk(stmt, V())
    return bool(found)


def _builder_args(site: Site, updated: cst.Call) -> list[cst.Arg]:
    """`sess, export_dir, tags=..., signature_def_map=..., ...` from add_meta_graph_and_variables."""
    params = T.ADD_META_GRAPH_PARAMS
    export_dir = site.export_dir
    assert export_dir is not None  # a builder site is refused without it (_plan_builder)
    out: list[cst.Arg] = []
    position = 0
    comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    for arg in updated.args:
        if arg.keyword is None:
            param = params[position]
            position += 1
            if param == "sess":
                out.append(arg)
                out.append(
                    cst.Arg(
                        export_dir.deep_clone(),
                        comma=arg.comma if arg.comma is not cst.MaybeSentinel.DEFAULT else comma,
                    )
                )
                continue
            arg = arg.with_changes(
                keyword=cst.Name(param),
                equal=cst.AssignEqual(
                    whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
                ),
            )
        elif arg.keyword.value == "sess":
            out.insert(0, arg.with_changes(keyword=None, equal=cst.MaybeSentinel.DEFAULT, comma=comma))
            out.insert(1, cst.Arg(export_dir.deep_clone(), comma=comma))
            continue
        out.append(arg)
    # Keep the call's trailing-comma style: the last argument keeps whatever comma it had.
    return out


def _export_session_calls(ns) -> list[cst.Call]:
    """`smmigrate.export_session(...)` calls in the analyzed module (resolved by import)."""
    found: list[cst.Call] = []

    class V(cst.CSTVisitor):
        def visit_Call(self, n: cst.Call) -> None:
            # may_name first: cheap and exact (resolution keeps the last name)
            if ns.may_name(n.func, _LAST) and f"smmigrate.{_EXPORT_SESSION}" in ns.qualified(n.func):
                found.append(n)

    walk(ns.source_module, V())
    return found


def _signature_facts(ns, site: Site) -> tuple:
    if site.kind == "simple_save":
        return (SignatureFact("serving_default"),)
    sig_map = site.args.get("signature_def_map")
    if not isinstance(sig_map, cst.Dict):
        return ()
    out = []
    for el in sig_map.elements:
        if not isinstance(el, cst.DictElement):
            return ()
        key = constant_value(ns, el.key)
        if key is None:
            return ()
        method = T.PREDICT
        value = el.value
        if isinstance(value, cst.Call):
            resolved = ns.tf_symbol(value.func)
            if resolved is not None and resolved.rel in T.SIGNATURE_FUNCS:
                method = T.SIGNATURE_FUNCS[resolved.rel][0] or T.PREDICT
        out.append(SignatureFact(key, {}, {}, method))
    return tuple(out)


def __getattr__(name: str):
    # `python -m libcst.tool codemod session_bridge.SessionBridgeCommand`
    if name == "SessionBridgeCommand":
        from ._base import libcst_command

        return libcst_command(SessionBridge)
    raise AttributeError(name)
