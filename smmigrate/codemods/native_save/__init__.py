"""native-save: TF1 export blocks (SavedModelBuilder / simple_save) become TF2 saving code.

A ``with tf.Graph().as_default(): with tf.Session() as sess:`` block that builds its graph from
placeholders and exports it turns into what the TF migration guide writes by hand
(https://www.tensorflow.org/guide/migrate/saved_model): eager variables tracked by a
`tf.Module`, one `tf.function` with an `input_signature` per signature, `tf.saved_model.save`
with ``signatures={key: fn}``, and TF's own `MethodNameUpdater` to put back classify/regress
method names. The block is read by `plan` (with `..exports.signatures`; `replay` reads its
`sess.run` evaluations and training) and written by `emit` (`replay_emit` writes those); any
block it cannot prove is left as it is (compat-names then renames it) with a diagnostic naming the
reason and the way out (usually the session bridge, `smmigrate.export_session`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import ParentNodeProvider

from ...codes import codes_of
from .._base import SavedModelCodemod, is_main_guard, literal_str
from .._facts import ConstantsFact, ExportFact, SignatureFact
from .._keras import constant_in
from .._walk import walk
from ..exports import tables as T
from ..exports.syntax import Refused, bind_args, forget, identifiers, name_nodes, tf_refs
from ..symbols import PRIVATE_MODULES
from .block import _as_default_of, _call_rel, _graph_ctx, _session_ctx
from .config import dropped_imports, plan_configs
from .dicts import _only_iterated, _strings
from .dirs import parameter_dir
from .emit import Emitter, Names, _blank_before, module_attr
from .inline import called_helpers, callee, helpers_of
from .nodes import _calls
from .package import (
    imported_strings,
    offered,
    package_helpers,
    references,
    relevant,
    removed_helpers,
    shown_path,
    unread_imports,
)
from .plan import (
    _GRAPH_MAKERS,
    analyze_block,
    block_root,
    owns_graph,
    region_root,
    sessions_in,
)


@dataclass(frozen=True)
class PlannedExport:
    """One export call of a tree and what native-save decided for it."""

    call: cst.Call  # `simple_save(...)` or the `Builder(...)` construction
    fact: ExportFact  # migrated or not; `reason` is the refusal's code when not


class ExportPlan:
    """native-save's plan of one tree, read by the codemods that act on what it leaves (the session
    bridge): the exports in source order, and `context`, the analysed codemod whose name resolution
    (`tf_symbol`, `parent`, `code`, `dir_value`) applies to this tree."""

    def __init__(self, codemod: NativeSave) -> None:
        self.context = codemod
        self.exports = [PlannedExport(c, f) for c, f in zip(codemod.fact_nodes, codemod.facts, strict=True)]

    def refusal_of(self, call: cst.Call) -> tuple[str, str] | None:
        """(code, message) of native-save's refusal of this export's block, if it analysed one."""
        return self.context.refusals.get(id(call))

    def fact_of(self, call: cst.Call) -> ExportFact:
        return next(e.fact for e in self.exports if e.call is call)

    def enclosing_function(self, node: cst.CSTNode) -> str | None:
        return _enclosing_function(self.context, node)


def plan_exports(
    module: cst.Module, path: str, shared=None, *, like: SavedModelCodemod | None = None, project_facts=()
) -> ExportPlan:
    """Plan every export of `module` (a tree the engine wrapped, or a plain one).

    With `like`, a codemod already analysing the same tree, its metadata is reused so that node
    identities agree with the caller's; otherwise the tree is analysed on its own."""
    ns = NativeSave(path, like.project_facts if like is not None else project_facts)
    if like is None:
        ns.analyze(module, shared)
    else:
        ns._wrapper, ns._lazy = like._wrapper, like._lazy
        ns.shared = like.shared
        ns.withheld = like.withheld  # the engine's word on this module applies to the plan too
        ns.visit_Module(module)
    return ExportPlan(ns)


# words of the graph-building calls a module's helpers make (the module may have no export of its own)
_HELPER_WORDS = ("get_variable", "Variable(", "placeholder", ".layers.")


class NativeSave(SavedModelCodemod):
    NAME = "native-save"
    DESCRIPTION = (
        "Rewrite TF1 Builder/simple_save export blocks into tf.Module + tf.function + tf.saved_model.save "
        "(method names kept)."
    )
    CODES = codes_of("native-save")  # titles, severities and what to do: smmigrate/codes.py
    ORDER = 20
    TRIGGERS = ("simple_save", "Builder", "saved_model.save(", *_HELPER_WORDS)  # facts of TF2 exports, helpers
    # a module without exports may still offer graph-building helpers to the exports of the package
    FILE_MARKERS = ("saved_model", *_HELPER_WORDS)
    USES_FACTS = True  # other modules' helpers it inlines (package.py)
    FACT_USE_TRIGGERS = ("simple_save", "Builder")  # files that may inline them: the exporting ones
    FACTS_OF_IMPORTS = True  # (facts of the modules it imports only; RunFiles too, but see unread_imports)
    PLANS_AHEAD = True
    EAGER_OUTPUT = True  # tf.saved_model.load + signature calls / tf.Module + tf.function

    def __init__(self, filename: str = "<string>", project_facts=()) -> None:
        super().__init__(filename, project_facts)
        self.facts: list[ExportFact] = []
        self.fact_nodes: list[cst.Call] = []  # the export call of each fact (the session bridge reads both)
        self._replace: dict[int, list] = {}
        self._remove: set[int] = set()
        self.module_strings: dict[str, str] = {}
        self.helpers: dict = {}  # name -> inline.Helper: module functions an export block may inline
        self.helper_problems: dict[str, str] = {}  # graph-building functions that cannot be inlined: why
        self.module_counts: dict[str, int] = {}  # every occurrence of each identifier of the module
        # inlined statements are new nodes: each maps to the original node it stands for (positions
        # of diagnostics, name resolution); `origin_nodes` keeps them alive while ids are in use
        self.origins: dict[int, cst.CSTNode] = {}
        self.origin_nodes: list = []
        self.graph_functions: dict[str, cst.FunctionDef] = {}  # module functions that create graph pieces
        self.foreign_makers: set[str] = set()  # calls (`model.inference`) of other modules' graph-building functions
        # names bound to project modules (or their functions) this run does not read: {name: (module?, file)}
        self.unread: dict[str, tuple[bool, str]] = {}
        self.foreign_used: dict[str, int] = {}  # those calls inlined by migrated exports: key -> count
        # (helper's module, its name, the line of a call) of other modules' functions every call of which
        # here was inlined: the engine removes them from their module when no other file uses them
        self.inlined_elsewhere: list[tuple[str, str, int]] = []
        self.offers: list[object] = []  # its string constants and graph-building functions, for the other modules
        self.refusals: dict[int, tuple[str, str]] = {}  # id(export call) -> (code, message) of its refusal

    @classmethod
    def collect_facts(cls, module: cst.Module, path: str, shared=None, project_facts=()) -> list[object]:
        codemod = cls(path, project_facts)
        codemod.analyze(module, shared)  # the facts come from the planning step; nothing is rewritten
        return [*codemod.facts, *codemod.offers]

    def position(self, node: cst.CSTNode) -> tuple[int, int]:
        return super().position(self.origins.get(id(node), node))

    def _qualified_names(self, name: cst.Name):
        origin = self.origins.get(id(name))
        return super()._qualified_names(origin if isinstance(origin, cst.Name) else name)

    def code(self, node: cst.CSTNode | None) -> str:
        return self.source_module.code_for_node(node) if node is not None else "(missing)"

    # -- planning, before any node is left ----------------------------------------------------
    # what planning decides; the facts pre-pass, the session bridge and the rewrite itself all
    # need it for the same tree, so it is computed once per tree (SharedMetadata.plans)
    _PLAN_STATE = (
        "facts",
        "fact_nodes",
        "_replace",
        "_remove",
        "module_strings",
        "source_module",
        "diagnostics",
        "_reported",
        "bindings",
        "names",
        "_maybe_unused",
        "_added_tf_import",
        "helpers",
        "helper_problems",
        "graph_functions",
        "refusals",
        "foreign_makers",
        "unread",
        "foreign_used",
        "inlined_elsewhere",
        "offers",
    )

    def visit_Module(self, node: cst.Module) -> None:
        cached = self.shared.plans.get(self.NAME) if self.shared is not None else None
        package = relevant(self, node) if self.project_facts else ()
        if cached is not None and cached["tree"] is node and cached["package"] == package:
            for attr in self._PLAN_STATE:
                value = cached[attr]
                setattr(self, attr, value.copy() if isinstance(value, (list, dict, set)) else value)
            return
        self._plan(node)
        if self.shared is not None:
            state = {a: getattr(self, a) for a in self._PLAN_STATE}
            self.shared.plans[self.NAME] = {"tree": node, "package": package, **state}

    def _plan(self, node: cst.Module) -> None:
        forget()  # the memo of the module planned before
        super().visit_Module(node)
        self.source_module = node
        scan = _Scan(self)
        walk(node, scan)
        self.module_strings = scan.module_strings
        self.offers = []
        if self.module_strings:  # other modules may read them (`config.SIGNATURE_KEY`)
            self.offers = [ConstantsFact(self.filename, tuple(sorted(self.module_strings.items())))]
        for key, value in imported_strings(self, node).items():
            self.module_strings.setdefault(key, value)
        names = Names(scan.names)
        disabled = scan.disables_v2
        self.module_counts = scan.counts
        self.helpers, self.helper_problems = {}, {}
        foreign, foreign_problems, self.foreign_makers = package_helpers(self, node)
        self.unread = unread_imports(self, node)
        graph = self._graph_functions(node, scan)
        self.helpers, self.helper_problems = helpers_of(
            self, node, lambda fn: fn.name.value in graph, lambda fn: fn.name.value in graph.exporting
        )
        self.graph_functions = {name: fn for name, fn in graph.items() if graph.makes[name]}
        if self.graph_functions:
            self.offers.extend(offered(self, graph.exporting))
        for key, helper in foreign.items():
            self.helpers.setdefault(key, helper)
        for key, why in foreign_problems.items():
            self.helper_problems.setdefault(key, why)
        anchors = self._export_anchors(scan)
        covered: set[int] = set()
        for body in scan.suites:
            for index, stmt in enumerate(body):
                block = block_root(self, body, index) if isinstance(stmt, cst.With) else None
                if block is None or not owns_graph(self, block):
                    continue  # a session on the default graph: the graph may be built before it (a region)
                region_body = body is self.source_module.body or scan.function_bodies.get(id(body))
                if region_body and sessions_in(self, stmt) & set().union(*(identifiers(s) for s in body[index + 1 :])):
                    continue  # a session made in it is used after it (`sess.close()`): the region takes both
                exports = [c for c in self._exports_in(stmt, scan, anchors) if id(c) not in covered]
                if not exports:
                    continue
                covered.update(id(c) for c in exports)
                names.free = _free_names([stmt], scan.counts, _counts_in([stmt, *self._called([stmt])]))
                self._plan_block(block, body, exports, names, disabled)
        for body, index, exports in self._region_candidates(scan, covered, anchors):
            stmt = body[index]
            exports = [c for c in exports if id(c) not in covered]
            held = {id(anchors.get(id(c), c)) for c in exports}
            if not exports or not _export_holder(self, stmt, held):
                continue
            block = region_root(self, body, index)
            if block is None:
                continue
            covered.update(id(c) for c in exports)
            inner = _counts_in([*block.region, *self._called(block.region)])
            names.free = _free_names(block.region, scan.counts, inner)
            module_scope = body is self.source_module.body or any(
                isinstance(s, cst.If) and self._main_guard(s) and s.body.body is body for s in self.source_module.body
            )
            scope = scan.counts if module_scope else _counts_in(body)
            outside = {n for n, c in scope.items() if c > inner.get(n, 0)}
            self._plan_block(block, body, exports, names, disabled, outside)
        self._settle_package(node)
        for call in scan.tf2_saves:
            self._tf2_fact(call)
        for call in scan.export_calls:
            if id(call) not in covered:
                self._fact(call, None, False, "SM301")
                holder = _enclosing_function(self, call)
                calls = self.module_counts.get(holder or "", 0) - 1
                if holder in self.helpers and calls > 1:
                    # an export helper (`save(sess, x, y, path)`) is inlined only where it is called once
                    self.report(
                        call,
                        "SM301",
                        f"not migrated: this export is in `{holder}`, a helper used {calls} times in this module; "
                        "native-save inlines an "
                        "exporting helper only into the one block that calls it — call it once (one helper per "
                        "export), or export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)",
                    )
                    continue
                self.report(
                    call,
                    "SM301",
                    "not migrated: this export is not inside a `with tf.Graph().as_default()` / `with tf.Session() "
                    "as sess:` block that builds its graph (session passed in or created elsewhere, Builder created "
                    "outside the block, graph restored); export with `smmigrate.export_session(sess, export_dir, "
                    "...)` (session bridge) or write the tf.Module by hand",
                )

    def _settle_package(self, node: cst.Module) -> None:
        """Other modules' helpers every call of which the migrated exports inlined (the engine may
        remove them there), and this module's functions the engine says were inlined elsewhere."""
        if self.foreign_used:
            refs = references(node, set(self.foreign_used))
            for key, n in sorted(self.foreign_used.items()):
                helper = self.helpers[key]
                count, first = refs.get(key, (0, None))
                if count == n and first is not None and helper.foreign is not None:
                    self.inlined_elsewhere.append((helper.foreign, helper.fn.name.value, self.position(first)[0]))
                    if "." not in key:
                        self._maybe_unused.add(key)  # `from .model import inference`: its module may lose it
        for fn, fact in removed_helpers(self, node):
            self._remove.add(id(fn))
            for ref, _ in tf_refs(self, fn):
                self.drop_import_of(ref)  # its TensorFlow import goes if nothing else uses it
            callers = ", ".join(f"{shown_path(self.filename, path)}:{line}" for path, line in fact.callers)
            self.report(
                fn,
                "SM324",
                f"`{fn.name.value}` removed: it built TF1 graph pieces, and every call of it in this run ({callers}) "
                "now has its statements inlined into a native TF2 export; code outside this run that still calls it "
                "must build the model another way (the rewritten export's tf.Module holds its variables) or stay "
                "in TF1",
            )

    def _main_guard(self, node) -> bool:
        """`if __name__ == "__main__":` at module level (no else): its body is module code, a region."""
        return (
            isinstance(node, cst.If)
            and node.orelse is None
            and any(node is s for s in self.source_module.body)
            and is_main_guard(node)
        )

    def _graph_functions(self, module: cst.Module, scan) -> _Functions:
        """The module functions that build graph pieces — directly, or by calling one that does — and
        those that hold an export; one walk of each function."""
        out = _Functions()
        calls: dict[str, set[str]] = {}
        for stmt in module.body:
            if not isinstance(stmt, cst.FunctionDef):
                continue
            name = stmt.name.value
            found = _calls(stmt)
            calls[name] = {c.func.value for c in found if isinstance(c.func, cst.Name)}
            # a function calling `tf.layers.*` builds graph pieces too: inlined (dense, dropout,
            # flatten) or refused, never called from a tf.function, where its layers' variables
            # would be new and untracked at every trace; so does one calling another module's
            out.makes[name] = any(
                (rel := _call_rel(self, c)) in _GRAPH_MAKERS
                or (rel or "").startswith("layers.")
                or (self.foreign_makers and callee(c.func) in self.foreign_makers)
                for c in found
            )
            if any(id(c) in scan.exports for c in found):
                out.exporting.add(name)
            out[name] = stmt
        changed = True
        while changed:  # a function calling a graph-building function builds graph pieces too
            changed = False
            for name, called in calls.items():
                if not out.makes[name] and any(out.makes.get(c) for c in called):
                    out.makes[name] = changed = True
        for name in list(out):
            if not out.makes[name] and name not in out.exporting:
                del out[name]
        return out

    def _called(self, stmts) -> list[cst.FunctionDef]:
        return [h.fn for h in called_helpers(self.helpers, stmts)]

    def _export_anchors(self, scan) -> dict[int, cst.Call]:
        """id(export call) -> the call of the export helper holding it (`export(sess, x, y, path)`,
        called once, from outside helpers), followed up to the outermost such call."""
        owner: dict[int, str] = {}  # id(call) -> the helper whose body holds it
        for name, helper in self.helpers.items():
            for call in _calls(helper.fn):
                owner[id(call)] = name
        if not any(id(export) in owner for export in scan.export_calls):
            return {}  # no export inside a helper (the common case): no walk of the whole module
        sites: dict[str, list[cst.Call]] = {}
        for call in _calls(self.source_module):
            if isinstance(call.func, cst.Name) and call.func.value in self.helpers:
                sites.setdefault(call.func.value, []).append(call)
        anchors: dict[int, cst.Call] = {}
        for export in scan.export_calls:
            node, seen = export, set()
            while (name := owner.get(id(node))) is not None and name not in seen:
                seen.add(name)
                calls = sites.get(name, [])
                if len(calls) != 1 or self.module_counts.get(name) != 2:
                    break
                node = calls[0]
            if node is not export:
                anchors[id(export)] = node
        return anchors

    def _exports_in(self, stmt, scan, anchors) -> list[cst.Call]:
        """The export calls in `stmt`, also those in export helpers it calls."""
        calls = {id(c) for c in _calls(stmt)}
        return [c for c in scan.export_calls if id(c) in calls or id(anchors.get(id(c))) in calls]

    def _region_candidates(self, scan, covered: set[int], anchors) -> list:
        """(body, index, export calls) for each statement of a function or module body holding
        exports not planned yet, in source order (regions are function and module bodies only)."""
        parents = self._metadata(ParentNodeProvider)
        found: dict[tuple[int, int], tuple] = {}
        for call in scan.export_calls:
            if id(call) in covered:
                continue
            node: cst.CSTNode = anchors.get(id(call), call)
            body: Sequence[cst.BaseStatement] | None = None
            while (parent := parents.get(node)) is not None:
                if isinstance(parent, cst.Module):
                    body = parent.body
                    break
                if isinstance(parent, cst.IndentedBlock) and (
                    isinstance(parents.get(parent), cst.FunctionDef) or self._main_guard(parents.get(parent))
                ):
                    body = parent.body
                    break
                node = parent
            if body is None:
                continue
            index = next(i for i, s in enumerate(body) if s is node)
            found.setdefault((id(body), index), (body, index, []))[2].append(call)
        return list(found.values())

    def _plan_block(
        self, block, body, exports, names: Names, disabled: cst.CSTNode | None, outside: set[str] | None = None
    ) -> None:
        try:
            if len(exports) > 1:
                raise Refused(
                    exports[1], "SM318", "a second export in the same block; split it into one block per SavedModel"
                )
            analyze_block(self, block, body, outside, names)
            emitter = Emitter(self, block, names, top_level=body is self.source_module.body)
            new = emitter.emit()
        except Refused as why:
            # as before native-save replayed training: a block that trains is exported by the bridge
            trains = any(T.OPTIMIZER_PATH.match(r.rel) for s in block.region for _, r in tf_refs(self, s))
            self._fact(exports[0], block, False, why.code, bridgeable=block.is_region or trains)
            self.refusals[id(exports[0])] = (why.code, why.message)  # what the bridge says when it takes over
            self.report(why.node if why.node is not None else block.root, why.code, "not migrated: " + why.message)
            return
        local = _enclosing_function(self, block.root) is not None  # else module code (a main guard's too)
        scope = _counts_in(body) if local else self.module_counts
        configs = plan_configs(self, block, body, names, scope, emitter.parse)
        new = [*configs.before, *new]
        self._replace.update(configs.replace)
        self._remove.update(configs.remove)
        dropped_imports(self, configs)
        for config in configs.unmapped:
            self.report(
                config,
                "SM323",
                f"the removed session's `config={self.code(config)}` sets something smmigrate does not map to "
                '`tf.config` (it maps literal thread counts, `gpu_options.allow_growth`, `device_count={"GPU": 0}`, '
                "`log_device_placement` and `allow_soft_placement` of a config used only by this session); with "
                "the session gone it no longer applies: ask `tf.config` for it at the program's start (e.g. "
                "`tf.config.set_logical_device_configuration(gpu, [tf.config.LogicalDeviceConfiguration("
                "memory_limit=...)])` for a memory limit), or delete the config",
            )
        first = block.graph_stmt if block.graph_stmt is not None else block.root
        new[0] = new[0].with_changes(leading_lines=[*first.leading_lines, *new[0].leading_lines])
        if isinstance(new[0], cst.FunctionDef) and body[0] is not first:
            new[0] = _blank_before(new[0], 2 if body is self.source_module.body else 1)
        self._replace[id(block.root)] = new
        self._remove.update(id(s) for s in [*block.region[1:], *block.inlined])
        if block.graph_stmt is not None:
            self._remove.add(id(block.graph_stmt))
        items = block.root.items if isinstance(block.root, cst.With) else []
        for part in [items, block.graph_stmt, *block.dropped, *(s for _, s in block.computations)]:
            for item in part if isinstance(part, (list, tuple)) else [part]:
                if item is not None:
                    for ref, resolved in tf_refs(self, item):
                        if resolved.base is None:
                            self.drop_import_of(ref)
        tracked = tuple(
            (block.tensor_names[v][: -len(":0")], module_attr(v))
            for v in emitter.tracked
            if block.tensor_names.get(v, "").endswith(":0")
        )
        # values that live only in the session (trained, or restored from a checkpoint): bridged instead
        # when this rewrite is withheld (SM121)
        live = bool(block.trainings) or any(step.kind == "restore" for step in block.steps)
        self._fact(exports[0], block, True, bridgeable=live, variables=tracked)
        for key, n in block.foreign.items():
            self.foreign_used[key] = self.foreign_used.get(key, 0) + n

    def module_list(self, name: str) -> list[str] | None:
        """The strings of `NAME = ["a", "b"]` (or a tuple), the name's only binding in the module
        (`_keras.constant_in`) and otherwise only iterated over (so its keys never change); None otherwise."""
        value = constant_in(self.source_module, name)
        keys = _strings(value) if value is not None else None
        if keys is None or not _only_iterated([self.source_module], name):
            return None
        return keys

    def dir_value(self, export_dir: cst.BaseExpression | None) -> str | None:
        """An export directory's value: a string literal, a module-level string constant's name, or a
        parameter of a module function every call of which passes the same such string (dirs.py)."""
        value = literal_str(export_dir)
        if value is None and isinstance(export_dir, cst.Name):
            value = self.module_strings.get(export_dir.value)
            if value is None:
                value = parameter_dir(self, export_dir)
        return value

    def _tf2_fact(self, call: cst.Call) -> None:
        """`tf.saved_model.save(obj, export_dir, signatures={...})` already in the code (a second run
        over native-save's output): a migrated export, as the first run said."""
        try:
            args = bind_args(call, ("obj", "export_dir", "signatures", "options"))
        except Refused:
            return
        export_dir = args.get("export_dir")
        if export_dir is None:
            return
        value = self.dir_value(export_dir)
        sigs = args.get("signatures")
        keys: tuple[SignatureFact, ...] = ()
        if isinstance(sigs, cst.Dict):
            found = [literal_str(el.key) for el in sigs.elements if isinstance(el, cst.DictElement)]
            keys = tuple(SignatureFact(k) for k in found if k is not None)
        fact = ExportFact(self.filename, self.code(export_dir), value, True, keys, _enclosing_function(self, call))
        self.facts.append(fact)
        self.fact_nodes.append(call)

    def _fact(
        self,
        call: cst.Call,
        block,
        migrated: bool,
        reason: str | None = None,
        bridgeable: bool = False,
        variables: tuple[tuple[str, str], ...] = (),
    ) -> None:
        resolved = self.tf_symbol(call.func)
        params = T.SIMPLE_SAVE_PARAMS if resolved and resolved.rel == T.SIMPLE_SAVE else ("export_dir",)
        try:
            export_dir = bind_args(call, params).get("export_dir")
        except Refused:
            export_dir = None
        text = self.code(export_dir) if export_dir is not None else ""
        value = self.dir_value(export_dir)
        sigs: tuple[SignatureFact, ...] = ()
        if block is not None and block.signatures_seen:
            names = block.tensor_names
            sigs = tuple(
                SignatureFact(
                    s.key,
                    {k: names[n] for k, n in s.inputs if n in names},
                    {k: names[n] for k, n in s.outputs if n in names},
                    s.method,
                )
                for s in block.signatures_seen
            )
        self.facts.append(
            ExportFact(
                self.filename,
                text,
                value,
                migrated,
                sigs,
                _enclosing_function(self, call),
                reason,
                bridgeable,
                variables,
            )
        )
        self.fact_nodes.append(call)

    # -- applying the plan ---------------------------------------------------------------------
    def plans_change(self) -> bool:
        return bool(self._replace or self._remove or self._maybe_unused or self._added_tf_import is not None)

    def planned_nodes(self) -> list[cst.CSTNode]:
        # the statements replaced or removed; their suites (ancestors) are rebuilt by leave_*
        wanted = self._replace.keys() | self._remove
        return [node for node in self._metadata(ParentNodeProvider) if id(node) in wanted]

    def _rebuild(self, original_body, updated_body) -> list | None:
        if not any(id(s) in self._replace or id(s) in self._remove for s in original_body):
            return None
        out = []
        for orig, new in zip(original_body, updated_body, strict=True):
            if id(orig) in self._remove:
                continue
            out.extend(self._replace.get(id(orig), [new]))
        return out

    def leave_IndentedBlock(
        self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        body = self._rebuild(original_node.body, updated_node.body)
        return updated_node if body is None else updated_node.with_changes(body=body)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        body = self._rebuild(original_node.body, updated_node.body)
        return updated_node if body is None else updated_node.with_changes(body=body)


_SCAN_RELS = T.BUILDERS | {T.SIMPLE_SAVE, "disable_v2_behavior", "disable_eager_execution", "saved_model.save"}
# the last names a call to one of them can have (a private module's name resolves to its public one)
_SCAN_NAMES = frozenset(
    {rel.rsplit(".", 1)[-1] for rel in _SCAN_RELS} | {m for m, pub in PRIVATE_MODULES.items() if pub in _SCAN_RELS}
)


class _Scan(cst.CSTVisitor):
    """Suites (pre-order), export calls, names in use, module string constants, v2 switches."""

    def __init__(self, cm: NativeSave) -> None:
        self.cm = cm
        self.suites: list = []
        self.export_calls: list[cst.Call] = []
        self.exports: set[int] = set()
        self.names: set[str] = set()
        self.module_strings: dict[str, str] = {}
        self.disables_v2: cst.CSTNode | None = None
        self._counts: dict[str, int] = {}
        self.counts: dict[str, int] = {}  # every occurrence of each identifier
        self.function_bodies: dict[int, bool] = {}  # id(suite) of each function body
        self.tf2_saves: list[cst.Call] = []  # `tf.saved_model.save(...)` calls

    def visit_Module(self, node: cst.Module) -> None:
        self.suites.append(node.body)
        for stmt in node.body:
            if isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    if (
                        isinstance(small, cst.Assign)
                        and len(small.targets) == 1
                        and isinstance(small.targets[0].target, cst.Name)
                    ):
                        name = small.targets[0].target.value
                        self._counts[name] = self._counts.get(name, 0) + 1
                        value = literal_str(small.value)
                        if value is not None:
                            self.module_strings[name] = value
        for name, count in self._counts.items():
            if count > 1:
                self.module_strings.pop(name, None)

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        self.suites.append(node.body)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if isinstance(node.body, cst.IndentedBlock):
            self.function_bodies[id(node.body.body)] = True

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        walk(node.value, self)  # `tf.nn.relu` does not take the name `relu`
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        walk(node.value, self)  # `f(value=1)` uses no name `value`
        return False

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)
        self.counts[node.value] = self.counts.get(node.value, 0) + 1

    def visit_Call(self, node: cst.Call) -> None:
        if not self.cm.may_name(node.func, _SCAN_NAMES):
            return  # cheap, exact: resolving every call of the module costs more
        resolved = self.cm.tf_symbol(node.func)
        if resolved is None:
            return
        if resolved.rel in T.BUILDERS or resolved.rel == T.SIMPLE_SAVE:
            self.export_calls.append(node)
            self.exports.add(id(node))
        elif resolved.rel in ("disable_v2_behavior", "disable_eager_execution") and self.disables_v2 is None:
            self.disables_v2 = node
        elif resolved.rel == "saved_model.save":
            self.tf2_saves.append(node)  # TF2 saving (an earlier run's rewrite): a fact for native-load


class _Functions(dict):
    """{name: FunctionDef} of graph-building or exporting module functions."""

    def __init__(self) -> None:
        super().__init__()
        self.makes: dict[str, bool] = {}  # builds graph pieces (placeholders, variables, sessions...)
        self.exporting: set[str] = set()  # holds a SavedModel export call


def _counts_in(stmts) -> dict[str, int]:
    """How often each identifier occurs in `stmts` (attribute and keyword names excluded)."""
    inner: dict[str, int] = {}
    for stmt in stmts:
        for n in name_nodes(stmt):
            inner[n.value] = inner.get(n.value, 0) + 1
    return inner


def _free_names(stmts, counts: dict[str, int], inner: dict[str, int] | None = None) -> set[str]:
    """Identifiers used nowhere but in `stmts` (free for the generated code replacing them)."""
    inner = _counts_in(stmts) if inner is None else inner
    return {name for name, count in inner.items() if counts.get(name) == count}


def _export_holder(cm, stmt, exports: set[int]) -> bool:
    """The export is in `stmt` itself or only inside graph/session with-blocks in it (not in a loop, if, try)."""
    if isinstance(stmt, cst.SimpleStatementLine):
        return True
    if isinstance(stmt, cst.With) and all(
        _graph_ctx(cm, i.item, None) or _session_ctx(cm, i.item, None) or _as_default_of(i.item) is not None
        for i in stmt.items
    ):
        return all(_export_holder(cm, s, exports) for s in stmt.body.body if any(id(c) in exports for c in _calls(s)))
    return False


def _enclosing_function(cm: NativeSave, node: cst.CSTNode) -> str | None:
    while node is not None:
        try:
            node = cm.get_metadata(ParentNodeProvider, node)
        except KeyError:
            return None
        if isinstance(node, cst.FunctionDef):
            return node.name.value
    return None


def __getattr__(name: str):
    # `python -m libcst.tool codemod native_save.NativeSaveCommand`
    if name == "NativeSaveCommand":
        from .._base import libcst_command

        return libcst_command(NativeSave)
    raise AttributeError(name)
