"""native-load: TF1 `loader.load` + `sess.run` blocks become TF2 `tf.saved_model.load` + signature calls.

TensorFlow's migration guide (https://www.tensorflow.org/guide/migrate/saved_model) replaces
``tf.compat.v1.saved_model.loader.load(sess, tags, export_dir)`` followed by ``sess.run`` on the
signature's tensor names with ``loaded = tf.saved_model.load(export_dir, tags=...)`` and calls of
``loaded.signatures[key]``; `tf_upgrade_v2` only renames the loader and asks for a manual check.
This codemod does the whole block when it can prove what the session is used for: signature
lookups become signature functions, ``sess.run`` becomes a call with keyword inputs converted to the
signature's dtypes and outputs turned into NumPy (what ``sess.run`` returned), and the session and
graph scaffolding disappears. Hard-coded tensor names are mapped to signature keys when the code
writing that SavedModel is migrated to TF2 in the same run, else they go through ``loaded.prune``,
which only TF1-format SavedModels offer. Anything else stays as it is, with a diagnostic.
"""

from __future__ import annotations

from typing import Any

import libcst as cst
from libcst.metadata import ParentNodeProvider

from ...codes import CODES as ALL_CODES
from ...codes import codes_of
from .._base import SavedModelCodemod, literal_str, looks_like_tf1_load
from .._facts import ExportFact, SignatureFact
from .._keras import scope_of
from .._names import FreshNames
from .._walk import walk
from ..exports import tables as T
from ..symbols import ROOT_MODULE, V1_MODULE, V2
from .emit import Resolver, call_code, key_code, keymap_code, load_code, result_code
from .find import LOAD_RELS, Analyzer, code_of
from .model import Refusal, Site
from .passed import (
    Passed,
    PassedPlanner,
    Returned,
    ReturnedPlanner,
    returned_session,
    session_parameter,
    signature_run,
)
from .reexport import ReexportAnalyzer, export_code, head_code, head_runs, loaded_input_keys
from .variables import created_variables

# the last names of the calls the planner looks for: a load, or a switch to graph mode
_CALL_NAMES = frozenset(
    {rel.rsplit(".", 1)[-1] for rel in LOAD_RELS} | {"disable_v2_behavior", "disable_eager_execution"}
)


_EXPORT_NAMES = frozenset({"simple_save", "SavedModelBuilder", "Builder"})

# What to write by hand, per refusal code (every message ends with one of these).
HINTS = {code: entry.todo for code, entry in ALL_CODES.items() if entry.codemod == "native-load"}


class NativeLoad(SavedModelCodemod):
    NAME = "native-load"
    DESCRIPTION = "Rewrite TF1 loader.load + sess.run blocks into tf.saved_model.load + signature calls (or prune)."
    CODES = codes_of("native-load")  # titles, severities and what to do: smmigrate/codes.py
    ORDER = 10  # before compat-names, which renames whatever this leaves in place
    TRIGGERS = ("load",)  # loader.load, saved_model.load, compat.v1 ... load
    USES_FACTS = True  # hard-coded tensor names depend on how the export elsewhere is migrated
    FACT_TRIGGERS = ("simple_save", "Builder")  # its facts: the exports its re-exports write
    PLANS_AHEAD = True
    EAGER_OUTPUT = True  # tf.saved_model.load + signature calls / tf.Module + tf.function
    facts_only = False  # `collect_facts`: only the loads with an export in their scope matter

    # -- planning (on the original tree, before any change) ----------------------------------
    @classmethod
    def collect_facts(cls, module: cst.Module, path: str, shared=None, project_facts=()) -> list[object]:
        """The exports this codemod writes itself: re-exports with a head (they read a base exported
        by the same file, so that file's own facts are enough to plan them)."""
        from ..native_save import NativeSave

        own = [f for f in NativeSave.collect_facts(module, path, shared, project_facts) if isinstance(f, ExportFact)]
        if not any(f.migrated for f in own) or all(f.migrated for f in own):
            return []  # a re-export needs a migrated export of this file (its base), and is one native-save refuses
        codemod = cls(path, own)
        codemod.facts_only = True  # plan only the loads a re-export may follow
        codemod.analyze(module, shared)
        return list(codemod.reexport_facts)

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        self.module_node = node
        self.reexport_facts: list[ExportFact] = []
        self._variables: set[str] | None = None
        self._expr: dict[cst.Call, str] = {}
        # statement -> its replacement lines, a new value for `sig = ...` (str), or None to drop it
        self._stmts: dict[cst.SimpleStatementLine, list[str] | str | None] = {}
        self._anchor: dict[cst.SimpleStatementLine, int] = {}  # which new statement keeps the line's comment
        self._hoist: dict[cst.SimpleStatementLine, str] = {}
        self._flatten: set[cst.With] = set()
        self._strip: dict[cst.With, list] = {}
        self._taken: dict[int, set[str]] = {}
        self._members: dict[int, set[str]] = {}
        self._drop_params: dict[cst.FunctionDef, str] = {}  # helper -> the session parameter it loses
        self._drop_args: dict[cst.Call, int] = {}  # call of a helper -> index of the session argument
        self._nodes: dict[cst.CSTNode, str] = {}  # an expression -> its new code
        self._blank_after: set[cst.SimpleStatementLine] = set()  # replaced by a def: a blank line follows
        calls: list[cst.Call] = []
        graph_mode: list[cst.Call] = []
        codemod = self

        class Finder(cst.CSTVisitor):
            def visit_Call(self, call: cst.Call) -> None:
                if not codemod.may_name(call.func, _CALL_NAMES):
                    return  # cheap: name resolution may need a scope analysis of the whole module
                resolved = codemod.tf_symbol(call.func)
                rel = resolved.rel if resolved else None
                if rel in LOAD_RELS and (rel == "saved_model.loader.load" or looks_like_tf1_load(call)):
                    calls.append(call)
                elif rel in ("disable_v2_behavior", "disable_eager_execution"):
                    graph_mode.append(call)

        walk(node, Finder())
        strings = _module_strings(node)
        for call in calls:
            if self.facts_only and not self._exports_in_scope(call):
                continue  # no export beside it: no re-export, no fact
            try:
                self._check_roots(call)
                helper = session_parameter(self, call)
                returned = returned_session(self, call) if helper is None else None
                if helper is not None:  # a session the callers make and pass in (passed.py)
                    self._plan_passed(PassedPlanner(self, call, *helper).plan(), strings)
                elif returned is not None:  # a session the loading function returns to its callers
                    self._plan_returned(ReturnedPlanner(self, call, *returned).plan(), strings)
                else:
                    self._plan(call, graph_mode, strings)
            except Refusal as refusal:
                self._refuse(call, refusal)

    def _check_roots(self, call: cst.Call) -> None:
        roots = {mod for mod in self.bindings.roots.values() if mod}
        if V1_MODULE in roots and ROOT_MODULE not in roots:
            raise Refusal(
                call,
                "SM215",
                "the module imports TensorFlow only as `tensorflow.compat.v1`, whose `saved_model.load` is the TF1 "
                "loader",
            )

    def _plan(self, call: cst.Call, graph_mode: list, strings: dict[str, str]) -> None:
        analyzer = Analyzer(self, call)
        try:
            site = analyzer.run()
        except Refusal:
            if not self._exports_in_scope(call):
                raise
            # new ops on the loaded tensors and an export of the session: a re-export (reexport.py)
            self._plan_reexport(ReexportAnalyzer(self, call, strings), strings)
            return
        region = analyzer.klass or analyzer.scope  # a session on `self` serves every method
        taken = self._taken.setdefault(id(region), set(analyzer.all_names))
        # members new to the class (`self.loaded`), shared by every load into a session on `self`
        members = self._members.setdefault(id(region), analyzer.member_names()) if analyzer.klass else set()
        resolver = Resolver(site, analyzer, self.project_facts, self.filename, taken, strings, members)
        resolver.resolve()
        taken |= resolver.names.taken  # the new names, once the load is planned
        members |= resolver.member_names.taken
        self._prune_notes(resolver.notes)
        self._record(site)

    def _exports_in_scope(self, call: cst.Call) -> bool:
        scope = scope_of(self, call)
        found = []
        codemod = self

        class Finder(cst.CSTVisitor):
            def visit_Call(self, node: cst.Call) -> None:
                if codemod.may_name(node.func, _EXPORT_NAMES):
                    resolved = codemod.tf_symbol(node.func)
                    if resolved is not None and (resolved.rel == T.SIMPLE_SAVE or resolved.rel in T.BUILDERS):
                        found.append(node)

        walk(scope, Finder())
        return bool(found)

    def _plan_reexport(self, analyzer: ReexportAnalyzer, strings: dict[str, str]) -> None:
        site = analyzer.run()
        if not analyzer.exports:
            raise Refusal(
                site.load_call, "SM209", "the block builds new ops on the loaded tensors without exporting them"
            )
        if not analyzer.heads:
            raise Refusal(
                analyzer.exports[0].call,
                "SM201",
                "the session is also exported again with no new ops (a re-export under new signature keys is not "
                "generated)",
            )
        sigs = {id(t.sig): t.sig for t in analyzer.tensors.values() if t.sig is not None}
        if len(sigs) != 1 or any(t.sig is None for t in analyzer.tensors.values()):
            raise Refusal(
                site.load_call, "SM209", "the re-export uses tensors of several signatures, or hard-coded tensor names"
            )
        sig = next(iter(sigs.values()))
        keys = loaded_input_keys(self, site, sig, strings)
        taken = self._taken.setdefault(id(analyzer.scope), set(analyzer.all_names))
        runs, site.runs = site.runs, []
        resolver = Resolver(site, analyzer, self.project_facts, self.filename, taken, strings)
        resolver.resolve()
        sig_fn = resolver.signature_fn(sig)
        head = resolver.fresh("head")
        head_runs(runs, analyzer, head, keys, resolver.fresh)
        site.runs = runs
        needed = [*dict.fromkeys(out.strip('"') for run in runs for out in run.output_keys)]
        for export in analyzer.exports:
            needed += [var for sig_spec in export.signatures for _, var in sig_spec.outputs if var not in needed]
        body = head_code(self, analyzer, sig_fn, head, keys, needed, resolver.fresh)
        exports = [
            (export.stmt, export_code(self, export, analyzer, site.loaded_var, sig_fn, head, keys, resolver.fresh))
            for export in analyzer.exports
        ]
        taken |= resolver.names.taken
        for export in analyzer.exports:
            value = literal_str(export.export_dir)
            if value is None and isinstance(export.export_dir, cst.Name):
                value = strings.get(export.export_dir.value)
            function = analyzer.scope.name.value if isinstance(analyzer.scope, cst.FunctionDef) else None
            # signature keys only: no TF1 tensor names map to them (a load by names is refused, SM214)
            signatures = tuple(SignatureFact(s.key) for s in export.signatures)
            self.reexport_facts.append(
                ExportFact(self.filename, code_of(export.export_dir), value, True, signatures, function, "reexport")
            )
        self._record(site)
        first, *rest = analyzer.heads
        self._stmts[first] = ["\n" + body]
        self._blank_after.add(first)
        for stmt in rest:
            self._stmts[stmt] = None
        for stmt, lines in exports:
            # a blank line above each generated def and above the module after them
            self._stmts[stmt] = [
                "\n" + line if line.startswith("@") or (i and lines[i - 1].startswith("@")) else line
                for i, line in enumerate(lines)
            ]

    def _prune_notes(self, notes: list) -> None:
        for node, names in notes:
            self.report(
                node,
                "SM220",
                f"hard-coded tensor names ({names}) are fetched with `.prune`, which exists only on SavedModels "
                "written by TF1 code; if that export is re-saved with tf.saved_model.save, call "
                "`loaded.signatures[key](**inputs)[output_key]` instead",
            )

    def _plan_passed(self, passed: Passed, strings: dict[str, str]) -> None:
        """A load helper, the helpers its session reaches and their callers: recorded together or not at all."""
        site, analyzer = passed.load, passed.analyzer
        taken = self._taken.setdefault(id(analyzer.scope), set(analyzer.all_names))
        resolver = Resolver(site, analyzer, self.project_facts, self.filename, taken, strings)
        resolver.resolve()
        helper_taken = [
            self._signature_runs(run_site, run_analyzer, run_analyzer.scope.name.value)  # type: ignore[attr-defined]
            for run_site, run_analyzer in passed.helpers
        ]
        taken |= resolver.names.taken
        for names, fresh in helper_taken:
            names |= fresh
        self._prune_notes(resolver.notes)
        self._record(site)
        for stmt, sig in passed.returns.items():
            if sig is not None:  # `return mg.signature_def[key]`
                self._stmts[stmt] = [f"return {site.loaded_var}.signatures[{key_code(sig.key_value, sig.key)}]"]
        for run_site, _ in passed.helpers:
            self._record_runs(run_site)
        for origin in passed.origins:
            self._record_runs(origin.site)
            if origin.session_stmt is not None and origin.site.config_code:
                self._stmts[origin.session_stmt] = list(origin.site.config_code)  # where the session was made
        self._drop_params.update(passed.params)
        self._drop_args.update(passed.args)
        self._script_note(passed.params, passed.script_names)

    def _script_note(self, functions, names: list[str]) -> None:
        """SM221 at the first public function of a script whose parameters or results changed; the engine
        withholds the rewrite when a file of the run imports the script (rewrite._settle_modes)."""
        if not names:
            return
        first = next(f for f in functions if isinstance(f, cst.FunctionDef) and f.name.value in names)
        which = ", ".join(f"`{n}()`" for n in names)
        self.report(
            first.name,
            "SM221",
            f"{which} of this script no longer take or return the session; no file of this run imports the script "
            "(a run in which one does keeps them as they were)",
        )

    def _signature_runs(self, site: Site, analyzer, helper: str, returned: bool = False) -> tuple[set, set]:
        """Resolve the runs of a function the session reaches (signature calls only); returns the
        function's taken names and the trial set with its new `outputs` name, merged once all is planned."""
        names = self._taken.setdefault(id(analyzer.scope), set(analyzer.all_names))
        fresh = FreshNames(names)
        outputs = None
        for run in site.runs:
            signature_run(run, helper, returned=returned)
            if run.shape != "single":
                outputs = outputs or fresh.fresh("outputs")
                run.outputs_var = outputs
        return names, fresh.taken

    def _plan_returned(self, returned: Returned, strings: dict[str, str]) -> None:
        """A function returning its loaded session (and SignatureDefs) and the callers running them."""
        site, analyzer = returned.load, returned.analyzer
        taken = self._taken.setdefault(id(analyzer.scope), set(analyzer.all_names))
        resolver = Resolver(site, analyzer, self.project_facts, self.filename, taken, strings)
        resolver.resolve()
        name = analyzer.scope.name.value  # type: ignore[attr-defined]
        caller_taken = [
            self._signature_runs(caller_site, caller_analyzer, name, returned=True)
            for caller_site, caller_analyzer, _ in returned.callers
        ]
        taken |= resolver.names.taken
        for names, fresh in caller_taken:
            names |= fresh
        self._prune_notes(resolver.notes)
        self._record(site)
        stmt, elements = returned.returns
        values = []
        for kind, sig, expr in elements:
            if kind == "loaded":
                values.append(site.loaded_var)
            elif kind == "signature" and sig is not None:  # `meta.signature_def[key]` written in the return
                values.append(f"{site.loaded_var}.signatures[{key_code(sig.key_value, sig.key)}]")
            else:
                values.append(code_of(expr))
        self._stmts[stmt] = [f"return {', '.join(values)}"]
        for caller_site, _, _ in returned.callers:
            self._record_runs(caller_site)
        self._script_note([analyzer.scope], returned.script_names)

    def tf1_variables(self) -> set[str]:
        """Full names of the TF1 variables this module creates (computed on first use)."""
        if self._variables is None:
            self._variables = created_variables(self, self.module_node)
        return self._variables

    def _refuse(self, call: cst.Call, refusal: Refusal) -> None:
        self.report(
            refusal.node,
            refusal.code,
            f"`{code_of(call.func)}(...)` left as TF1 code: {refusal.message}; {HINTS[refusal.code]}",
            related=refusal.related or (call if refusal.node is not call else None),
        )

    def _spell(self, path: str) -> str:
        return self.spell((V2, path))

    def _record(self, site: Site) -> None:
        self._stmts[site.load_stmt] = load_code(site, self._spell)
        self._anchor[site.load_stmt] = len(site.config_code)  # `loaded = ...` after the config calls
        self._record_runs(site)

    def _record_runs(self, site: Site) -> None:
        """What a site changes besides its load: dropped scaffolding, signature lookups, runs."""
        for stmt in site.remove:
            self._stmts[stmt] = None
        for stmt, sig in site.sig_stmts.items():
            value = f"{site.loaded_var}.signatures[{code_of(sig.key)}]"
            self._stmts[stmt] = [f"{sig.fn_var} = {value}"] if sig.stored else value
        for stmt, keymap in site.keymaps.items():
            self._stmts[stmt] = [keymap_code(keymap)]
        for node, sig, what in site.loop_edits:  # dicts filled in loops over the signature's keys
            if what.startswith("key:"):
                self._nodes[node] = what[len("key:") :]
            elif what == "inputs":
                self._nodes[node] = f"{sig.fn_var}.structured_input_signature[1]"
            else:
                self._nodes[node] = f"{sig.fn_var}.structured_outputs"
        for run in site.runs:
            self._expr[run.call] = result_code(run, self._spell)
            if run.stmt is not None and run.mode != "variable":
                self._hoist[run.stmt] = f"{run.outputs_var} = {call_code(run, self._spell)}"
        self._flatten |= site.flatten
        self._strip.update(site.strip_items)
        for func in site.dropped_funcs:
            self.drop_import_of(func)

    # -- applying the plan ---------------------------------------------------------------------
    def plans_change(self) -> bool:
        return bool(
            self._expr
            or self._stmts
            or self._hoist
            or self._flatten
            or self._strip
            or self._drop_params
            or self._drop_args
            or self._nodes
            or self._maybe_unused
            or self._added_tf_import is not None
        )

    def planned_nodes(self) -> list[cst.CSTNode]:
        # statements following a dropped one get its leading lines in on_leave: they are children of
        # the dropped statement's suite, an ancestor, so the pass still leaves them
        return [
            *self._expr,
            *self._stmts,
            *self._hoist,
            *self._flatten,
            *self._strip,
            *self._drop_params,
            *self._drop_args,
            *self._nodes,
        ]

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        drop = self._drop_args.get(original_node)
        if drop is not None:  # a helper that took the session: the caller stops passing it
            args = [arg for i, arg in enumerate(updated_node.args) if i != drop]
            if args and drop == len(updated_node.args) - 1:
                args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            return updated_node.with_changes(args=args)
        new = self._expr.get(original_node) or self._nodes.get(original_node)
        return updated_node if new is None else cst.parse_expression(new)

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        new = self._nodes.get(original_node)
        return updated_node if new is None else cst.parse_expression(new)

    def leave_FunctionDef(self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef) -> cst.FunctionDef:
        param = self._drop_params.get(original_node)
        if param is None:
            return updated_node
        params = list(updated_node.params.params)
        at = [p.name.value for p in params].index(param)
        del params[at]
        rest = updated_node.params.kwonly_params or not isinstance(updated_node.params.star_arg, cst.MaybeSentinel)
        if params and at == len(params) and not rest:  # the last one went: no comma before `)`
            params[-1] = params[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated_node.with_changes(params=updated_node.params.with_changes(params=params))

    def leave_SimpleStatementLine(self, original_node, updated_node):
        if self._blank_after:
            updated_node = self._blank_line_after_def(original_node, updated_node)
        if original_node in self._hoist:
            first = cst.parse_statement(self._hoist[original_node] + "\n").with_changes(
                leading_lines=updated_node.leading_lines
            )
            return cst.FlattenSentinel([first, updated_node.with_changes(leading_lines=())])
        if original_node not in self._stmts:
            return updated_node
        plan = self._stmts[original_node]
        if plan is None:
            # blank lines and comments above a dropped statement move to the next one (see on_leave)
            parent = self.get_metadata(ParentNodeProvider, original_node, None)
            if (
                isinstance(parent, cst.IndentedBlock)
                and parent.body[-1] is original_node
                and all(self._stmts.get(s, "") is None for s in parent.body)  # type: ignore[call-overload]
                and not isinstance(self.get_metadata(ParentNodeProvider, parent, None), cst.With)
            ):
                # a method that only closed the session (`def close(self): self.sess.close()`) stays
                return updated_node.with_changes(body=[cst.Pass()])
            return self.drop_statement(original_node, updated_node)
        if isinstance(plan, str):  # `sig = loaded.signatures[key]`
            assign = updated_node.body[0]
            return updated_node.with_changes(body=[assign.with_changes(value=cst.parse_expression(plan))])
        new = [cst.parse_statement(line.lstrip("\n") + "\n") for line in plan]
        for i, line in enumerate(plan):
            if line.startswith("\n") and i:  # a generated def: a blank line above it
                new[i] = new[i].with_changes(leading_lines=[cst.EmptyLine(indent=False)])
        lead = list(updated_node.leading_lines)
        if plan[0].startswith("\n") and (not lead or lead[-1].comment is not None):
            lead.append(cst.EmptyLine(indent=False))
        new[0] = new[0].with_changes(leading_lines=lead)
        at = self._anchor.get(original_node, 0)  # the statement standing for the original line
        if isinstance(new[at], cst.SimpleStatementLine):  # config calls alone may be all `try` blocks
            new[at] = new[at].with_changes(trailing_whitespace=updated_node.trailing_whitespace)
        return cst.FlattenSentinel(new)

    def _blank_line_after_def(self, original_node, updated_node):
        """The statement after one replaced by a generated def starts with a blank line."""
        parent = self.get_metadata(ParentNodeProvider, original_node, None)
        body = list(parent.body) if isinstance(parent, (cst.IndentedBlock, cst.Module)) else []
        at = body.index(original_node) if original_node in body else -1
        previous = body[at - 1] if at > 0 else None
        if previous in self._blank_after and not any(line.comment is None for line in updated_node.leading_lines):
            return updated_node.with_changes(leading_lines=[cst.EmptyLine(indent=False), *updated_node.leading_lines])
        return updated_node

    def leave_With(self, original_node: cst.With, updated_node: cst.With):
        if original_node in self._flatten:
            body: list[Any] = list(updated_node.body.body)  # statements
            if not body:
                return cst.RemoveFromParent()
            body[0] = body[0].with_changes(leading_lines=[*updated_node.leading_lines, *body[0].leading_lines])
            return cst.FlattenSentinel(body)
        drop = self._strip.get(original_node)
        if drop:
            keep = [new for old, new in zip(original_node.items, updated_node.items, strict=True) if old not in drop]
            keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            return updated_node.with_changes(items=keep)
        return updated_node


def _module_strings(module: cst.Module) -> dict[str, str]:
    """Module-level `NAME = "literal"` constants (an export directory is often one)."""
    found: dict[str, str | None] = {}
    for stmt in module.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if (
                    isinstance(small, cst.Assign)
                    and len(small.targets) == 1
                    and isinstance(small.targets[0].target, cst.Name)
                ):
                    name = small.targets[0].target.value
                    found[name] = literal_str(small.value) if name not in found else None
    return {k: v for k, v in found.items() if v is not None}


def __getattr__(name: str):
    # `python -m libcst.tool codemod native_load.NativeLoadCommand`
    if name == "NativeLoadCommand":
        from .._base import libcst_command

        return libcst_command(NativeLoad)
    raise AttributeError(name)
