"""native-save, step 1: read one TF1 export block and decide whether it can become TF2 code.

A block is a ``with tf.Graph().as_default()`` / ``with tf.Session() as sess`` statement (nested
ones flattened) that contains a Builder or simple_save export. `analyze_block` walks its
statements in order and sorts each into what the TF2 program needs: placeholders (become the
`input_signature`), variable statements (run eagerly, tracked by the module), graph computations
(moved into one `tf.function` per signature, only those a signature needs), ``sess.run`` of
initializers (dropped: eager variables start initialized) and of assign ops (run eagerly, in
order), plain Python statements (kept), and the export itself. Anything it cannot prove raises
`Refused` with the diagnostic to report; the block is then left for compat-names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import libcst as cst

from .._base import literal_str
from .._walk import walk
from ..exports import tables as T
from ..exports.signatures import ExportSpec, SignatureSpec, parse_export_parts
from ..exports.syntax import (
    Refused,
    assigned_names,
    bind_args,
    feed_map,
    graph_refs,
    identifiers,
    is_method_call,
    name_nodes,
    names_used,
    session_runs,
    tf_refs,
)
from .block import (
    Block,
    Optimizer,
    Placeholder,
    Step,
    _call_rel,
    _graph_ctx,
    _session_ctx,
    block_root,
)
from .dicts import scalarize
from .inline import callee, inliner_for, removable
from .layers import Layers
from .nodes import _calls
from .replay import Replay, dataset_source, is_minimize, names_used_outside
from .sigmap import SignatureMap
from .tables import Resources
from .variables import ScopeExit, VariableScopes

__all__ = ["Block", "Refused", "analyze_block", "block_root", "SignatureSpec", "ExportSpec"]


class _MadeVariables(cst.CSTVisitor):
    """`tf.Variable(...)` calls, outermost only (see `_Analysis.hoist_variables`)."""

    def __init__(self, cm, found: list[cst.Call]) -> None:
        self.cm, self.found = cm, found

    def visit_Call(self, node: cst.Call) -> bool:
        if _call_rel(self.cm, node) == T.VARIABLE:
            self.found.append(node)
            return False
        return True


class _Analysis(Replay, SignatureMap):
    def __init__(self, cm, block: Block, suite: Sequence[cst.BaseStatement], names=None) -> None:
        self.cm = cm
        self.names = names  # fresh-name allocator (emit.Names) for statements the analysis adds
        self.b = block
        self.suite = suite
        self.graph_name = block.graph_name
        self.init_ops: dict[str, str] = {}  # name -> initializer path
        self.assign_ops: dict[str, tuple] = {}
        self.builders: dict[str, cst.BaseExpression] = {}
        self.sigs: dict[str, cst.Call] = {}
        self.infos: dict[str, cst.BaseExpression] = {}
        self.add_meta: cst.Call | None = None
        self.assigned_since_meta = False
        self.ran_assign = False
        self.op_names: set = set()
        self.graph_handles: set[str] = set()  # `with tf.Graph().as_default() as g`
        self.optimizers: dict[str, Optimizer] = {}
        self.unknown_trainable: list = []  # variables whose `trainable=` is not a literal
        # names that may appear only where replayed: feed dicts, optimizers, train ops -> (uses seen, node)
        self.replayed: dict[str, list] = {}
        self.closed = False  # `sess.close()` seen
        self.savers: dict[str, list[str]] = {}  # `saver = tf.train.Saver()` -> the variables it restores
        self.sess_position = 0  # index in b.statements from which the session exists
        self.position = 0
        self.session_names: set[str] = set()  # names a region binds to `tf.Session(...)`
        self.graph_depth = 0  # while flattening: inside a graph (or session) context
        self.in_graph_context: set[int] = set()  # small statements run with the block's graph as default
        self.graph_seen = False  # a region's `graph = tf.Graph()` read
        self.var_scopes = VariableScopes(cm)  # tf.variable_scope / get_variable state
        self.layers = Layers(self.var_scopes)  # tf.layers.dense / dropout / flatten
        self.resources = Resources(self)  # lookup tables and assets
        self.inliner = inliner_for(cm, block, suite, names)  # graph-building helpers of the module
        self.outside: set[str] = set()  # names the region's scope uses outside it

    # -- structure ------------------------------------------------------------------------------
    def flatten(self, with_node: cst.With) -> None:
        # a graph context, or a session's (`with tf.Session(graph=g) as sess` makes g the default
        # graph too); `with sess.as_default():` does not
        enters_graph = any(not self.session_default(i) for i in with_node.items)
        self.graph_depth += enters_graph
        for item in with_node.items:
            if self.session_default(item):
                continue
            if (
                self.graph_name is None
                and item.asname is not None
                and isinstance(item.asname.name, cst.Name)
                and _graph_ctx(self.cm, item.item, None)
            ):
                # `with tf.Graph().as_default() as g, tf.Session(graph=g) as sess:` names the graph here
                self.graph_name = item.asname.name.value
            if _session_ctx(self.cm, item.item, self.graph_name):
                if item.asname is None or not isinstance(item.asname.name, cst.Name) or self.b.sess:
                    raise Refused(
                        item,
                        "SM301",
                        "the session is not bound by exactly one `with tf.Session() as sess` in this block; use one "
                        "session bound with `as`, or export with `smmigrate.export_session(sess, export_dir, ...)` "
                        "(session bridge)",
                    )
                self.b.sess = item.asname.name.value
                self.sess_position = len(self.b.statements)  # the session exists from here on
            elif item.asname is not None:
                if not isinstance(item.asname.name, cst.Name):
                    raise Refused(item, "SM307", "the graph is bound to something other than a name")
                self.graph_handles.add(item.asname.name.value)
        self.flatten_body(with_node.body.body)
        self.graph_depth -= enters_graph

    def flatten_body(self, body) -> None:
        for stmt in body:
            if isinstance(stmt, cst.With) and all(
                _graph_ctx(self.cm, i.item, self.graph_name)
                or _session_ctx(self.cm, i.item, self.graph_name)
                or self.session_graph(i.item)
                or self.session_default(i)
                for i in stmt.items
            ):
                self.flatten(stmt)
            elif self.inliner.expandable(stmt):
                self.flatten_body(self.inliner.expand([stmt]))  # helper calls: their statements instead
            elif isinstance(stmt, cst.SimpleStatementLine):
                self.b.statements.extend((small, stmt) for small in stmt.body)
                for small in stmt.body:
                    if self.graph_depth:
                        self.in_graph_context.add(id(small))
                    if (
                        isinstance(small, cst.Assign)
                        and len(small.targets) == 1
                        and isinstance(small.targets[0].target, cst.Name)
                        and _call_rel(self.cm, small.value) in T.SESSIONS
                    ):
                        self.session_names.add(small.targets[0].target.value)
            else:
                self.b.statements.append((stmt, stmt))

    def session_default(self, item: cst.WithItem) -> bool:
        """`with sess.as_default():` on the block's own session (a context with no effect eagerly)."""
        expr = item.item
        return (
            item.asname is None
            and isinstance(expr, cst.Call)
            and not expr.args
            and any(is_method_call(expr, name, "as_default") for name in {self.b.sess, *self.session_names} if name)
        )

    def session_graph(self, expr) -> bool:
        """`with sess.graph.as_default():` inside `with tf.Session(graph=tf.Graph()) as sess:`."""
        return (
            bool(self.b.sess)
            and isinstance(expr, cst.Call)
            and not expr.args
            and isinstance(expr.func, cst.Attribute)
            and expr.func.attr.value == "as_default"
            and isinstance(expr.func.value, cst.Attribute)
            and expr.func.value.attr.value == "graph"
            and isinstance(expr.func.value.value, cst.Name)
            and expr.func.value.value.value == self.b.sess
        )

    def graph_names(self) -> set[str]:
        b = self.b
        return (
            set(b.placeholders)
            | set(b.variables)
            | {n for _, s in b.computations for n in assigned_names(s)}
            | set(self.init_ops)
            | set(self.assign_ops)
            | self.graph_handles
            | set(self.builders)
            | set(self.sigs)
            | set(self.infos)
            | set(self.b.feed_dicts)
            | set(self.optimizers)
            | set(self.b.trainings)
            | set(b.pipeline)
            | b.datasets
            | b.iterators
            | self.resources.names()
        )

    def has_graph_content(self) -> bool:
        return bool(self.b.placeholders or self.b.variables or self.b.computations)

    def session_binding(self, name: str, call: cst.Call) -> None:
        """`sess = tf.Session(...)` / `tf.InteractiveSession()` where the graph is built: the export's session."""
        if self.b.sess or not _session_ctx(self.cm, call, self.graph_name):
            raise Refused(
                call,
                "SM301",
                "the session is not made exactly once, by `sess = tf.Session()` (optionally `graph=`/`config=`) in "
                "the function that builds the graph; use one session, or export with "
                "`smmigrate.export_session(sess, export_dir, ...)` (session bridge)",
            )
        self.b.sess = name
        self.sess_position = self.position

    def initializer_run(self, call: cst.Call) -> bool:
        """`tf.global_variables_initializer().run()` / `init.run()` with the default session."""
        if not (isinstance(call.func, cst.Attribute) and call.func.attr.value == "run" and not call.args):
            return False
        target = call.func.value
        return _call_rel(self.cm, target) in T.INITIALIZERS or (
            isinstance(target, cst.Name) and target.value in self.init_ops
        )

    # -- statements -----------------------------------------------------------------------------
    def run(self) -> Block:
        if self.b.is_region:
            self.flatten_body(self.b.region)
        else:
            self.flatten(cast(cst.With, self.b.root))
        if self.graph_name is not None:
            self.graph_handles.add(self.graph_name)  # `graph.get_tensor_by_name(...)` is graph code
            inside = {id(s) for s in self.b.region}
            others = [s for s in self.suite if id(s) not in inside and s is not self.b.graph_stmt]
            if any(self.graph_name in identifiers(s) for s in others):
                self.b.graph_stmt = None  # still used after the block: keep `graph = tf.Graph()`
        self.find_sig_map()
        self.check_made_before()
        inside = {id(s) for s in self.b.region}
        later = set().union(*(identifiers(s) for s in self.suite if id(s) not in inside))
        scalarize(
            self.b.statements,
            self.inliner.fresh,
            self.inliner._note,
            self.outside | later,
            lambda value: bool(graph_refs(self.cm, value)),
            self.cm.module_list,
            self.pure,
        )
        for position, (small, line) in enumerate(self.b.statements):
            self.position = position
            before = len(self.b.steps)
            self.statement(position, small, line)
            for step in self.b.steps[before:]:
                step.at = position
        self.check_replayed()
        if not self.b.sess:
            raise Refused(
                self.b.root,
                "SM301",
                "no session is made where the graph is built (`sess = tf.Session()` or `with tf.Session() as sess`), "
                "so the export's session comes from elsewhere; use `smmigrate.export_session(sess, export_dir, ...)` "
                "(session bridge) or write the tf.Module by hand",
            )
        if self.b.export is None:
            raise Refused(
                self.b.root,
                "SM318",
                "the export is not a complete `builder.add_meta_graph_and_variables(...)` + `builder.save()` pair in "
                "this block ("
                + (
                    "no `add_meta_graph_and_variables(...)` statement on the Builder"
                    if self.add_meta is None
                    else "no `builder.save()` or `name = builder.save()` statement after it"
                )
                + "); keep both calls (and the Builder) in the block that builds the graph",
            )
        self.var_scopes.check_random(self.b.steps)
        self.b.inlined = removable(self.cm, self.b, self.inliner, getattr(self.cm, "module_counts", {}))
        for key, n in self.inliner.used.items():
            if self.inliner.helpers[key].foreign is not None:
                self.b.foreign[key] = self.b.foreign.get(key, 0) + n
        return self.b

    def statement(self, position: int, small, line) -> None:
        cm, b, sess = self.cm, self.b, self.b.sess
        if not isinstance(small, ScopeExit) and self.sig_map_statement(small):
            return
        if isinstance(line, cst.SimpleStatementLine) and self.pipeline_statement(small, line):
            return
        if not isinstance(line, cst.SimpleStatementLine):
            self.compound(small)
            return
        self.check_builder_use(small)
        checkpoint = next((c for c in _calls(small) if _checkpoint_save(c, sess)), None)
        if checkpoint is not None:
            raise Refused(
                checkpoint,
                "SM302",
                f"`{cm.code(checkpoint)}` writes a TF1 checkpoint of `{sess}` (tf.train.Saver), which native-save "
                "does not migrate: TF2 writes checkpoints with `tf.train.Checkpoint`, under other variable names. "
                "Drop it if only the SavedModel is used, or export with "
                "`smmigrate.export_session(sess, export_dir, ...)` (session bridge)",
            )
        self.check_helper_calls(small)  # `t = build()`: a graph built by a helper native-save does not inline
        if self.resources.statement(small, line):
            return
        small = self.hoist_evaluated(small)
        if isinstance(small, cst.Assign) and _call_rel(cm, small.value) not in (T.VARIABLE, T.GET_VARIABLE):
            small = self.hoist_variables(small)
        if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name):
            name, value = small.targets[0].target.value, small.value
            saved = next((bld for bld in self.builders if is_method_call(value, bld, "save")), None)
            if saved is not None:  # `save_path = builder.save()`: TF1 returned the saved_model.pb path
                self.builder_save(saved, cast(cst.Call, value))
                b.save_result = name
                return
            rel = _call_rel(cm, value)
            call = cast(cst.Call, value)  # used only where `rel` is a TF name, which only calls have
            if rel in T.SESSIONS:
                self.session_binding(name, call)
            elif rel == T.GRAPH and not call.args and self.b.is_region:
                if self.graph_seen or name != self.graph_name or self.has_graph_content():
                    raise Refused(
                        value,
                        "SM307",
                        "a second graph is created in the same function after the first one; native-save migrates "
                        "one graph per export — split the function, or export with `smmigrate.export_session(sess, "
                        "export_dir, ...)`",
                    )
                self.graph_seen = True
                self.graph_handles.add(name)
            elif rel == T.PLACEHOLDER:
                self.placeholder(name, call)
            elif rel in (T.VARIABLE, T.GET_VARIABLE):
                self.variable(name, value, small, line)
                return
            elif rel in T.DENSE or rel in T.SHAPE_LAYERS:
                self.layer(position, name, call, small, rel)
                return
            elif rel in T.INITIALIZERS:
                self.init_ops[name] = rel
            elif (form := self.assign_form(value)) is not None:
                self.assign_ops[name] = form
            elif rel == "train.Saver" and not call.args:
                # what TF1's `Saver()` saves and restores: the variables made so far (its var_list is
                # fixed when it is made), by their TF1 names
                self.savers[name] = list(self.b.variables)
            elif rel in T.BUILDERS:
                args = bind_args(call, ("export_dir",))
                if "export_dir" not in args:
                    raise Refused(value, "SM318", "the Builder has no export_dir; pass it as the first argument")
                self.builders[name] = args["export_dir"]
            elif rel in T.SIGNATURE_FUNCS:
                self.sigs[name] = call
            elif rel in T.BUILD_TENSOR_INFO and (tensor := bind_args(call, ("tensor",)).get("tensor")) is not None:
                self.infos[name] = tensor
            elif self.is_feed_dict(value):
                self.feed_dict(name, cast(cst.Dict, value), small, line)
                return
            elif rel is not None and T.OPTIMIZER_PATH.match(rel):
                self.optimizer(name, call, rel)
            elif is_minimize(value):
                self.minimize(name, call)
            elif sess in names_used(small) or self.run_calls(small) or self.constants_only(small):
                self.keep(small, line)
                return
            elif names_used(small) & self.graph_names() or graph_refs(cm, small):
                self.computation(position, small)
                return
            else:
                self.keep(small, line)
                return
            b.dropped.append(small)
            return
        if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
            call = small.value
            if _call_rel(cm, call) == T.RESET_GRAPH and not call.args:
                if self.has_graph_content() or (sess and self.position >= self.sess_position):
                    raise Refused(
                        call,
                        "SM307",
                        "`reset_default_graph()` after the graph or its session were made discards what the export "
                        "uses; move it to the start of the function",
                    )
                b.dropped.append(small)
                return
            if sess and is_method_call(call, sess, "close") and not call.args:
                self.closed = True
                b.dropped.append(small)
                return
            if self.initializer_run(call):
                self.run_one(cast(cst.Attribute, call.func).value, {}, call)
                b.dropped.append(small)
                return
            if is_method_call(call, sess, "run") and self.trains(call):
                self.keep(small, line)
                return
            if is_method_call(call, sess, "run"):
                self.session_run(call, standalone=True)
                b.dropped.append(small)
                return
            for builder in self.builders:
                if is_method_call(call, builder, "add_meta_graph"):
                    raise Refused(
                        call,
                        "SM304",
                        "`add_meta_graph` adds a second MetaGraph; TF2's tf.saved_model.save writes exactly one "
                        "MetaGraph tagged `serve`: export the other tag set as its own SavedModel, or keep this "
                        "export on TF1 (compat renames applied)",
                    )
                if is_method_call(call, builder, "add_meta_graph_and_variables"):
                    if self.add_meta is not None:
                        raise Refused(
                            call,
                            "SM304",
                            "`add_meta_graph_and_variables` is called twice; TF2 writes one MetaGraph per SavedModel",
                        )
                    self.add_meta = call
                    self.assigned_since_meta = False
                    b.dropped.append(small)
                    return
                if is_method_call(call, builder, "save"):
                    self.builder_save(builder, call)
                    b.dropped.append(small)
                    return
            if _call_rel(cm, call) == T.SIMPLE_SAVE:
                self.set_export(parse_export_parts(cm, self, "simple_save", call, None))
                b.dropped.append(small)
                return
            if (
                isinstance(call.func, cst.Attribute)
                and call.func.attr.value == "load"
                and isinstance(call.func.value, cst.Name)
                and call.func.value.value in b.variables
            ):
                args = bind_args(call, ("value", "session"))
                self.emit_assign(call.func.value.value, "assign", args["value"], call, {})
                b.dropped.append(small)
                return
        used = names_used(small)
        if self.restore(small):
            b.dropped.append(small)
            return
        if (
            isinstance(small, cst.Expr)
            and isinstance(small.value, cst.Call)
            and isinstance(small.value.func, cst.Attribute)
            and small.value.func.attr.value == "restore"
            and sess in used
        ):
            imported = any(
                _call_rel(cm, c) == "train.import_meta_graph"
                for s, _ in b.statements
                if isinstance(s, cst.CSTNode)
                for c in _calls(s)
            )
            raise Refused(
                small,
                "SM302",
                f"the block restores a checkpoint into `{sess}` with a saver native-save does not read (it migrates "
                "`saver = tf.train.Saver()` made in the block, without arguments, restored by `saver.restore(sess, "
                "path)`); the values live only in that session, so export it with `smmigrate.export_session(sess, "
                "export_dir, ...)` (session bridge) or write the tf.Module by hand"
                + (
                    "; the graph is imported from a MetaGraph (`import_meta_graph`): `smmigrate wrap-metagraph "
                    "<checkpoint>.meta <checkpoint>` makes the TF2 SavedModel from the two files without this code"
                    if imported
                    else ""
                ),
            )
        if sess in used or self.run_calls(small):
            self.keep(small, line)
        elif isinstance(small, cst.Assign) and (used & self.graph_names() or graph_refs(cm, small)):
            self.computation(position, small)
        elif used & set(self.b.feed_dicts):
            raise Refused(
                small,
                "SM321",
                f"feed dict `{sorted(used & set(self.b.feed_dicts))[0]}` is changed or used other than as a "
                "`sess.run` feed_dict, so it cannot be rewritten for eager calls; build a new dict instead",
            )
        elif summary := next((r for r, res in graph_refs(cm, small) if res.rel.startswith("summary.")), None):
            raise Refused(
                summary,
                "SM303",
                f"`{cm.code(summary)}` is a TF1 summary op (written through a FileWriter while training in the "
                "session), which native-save does not replay; drop it from the export block, or export the trained "
                "session with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)",
            )
        elif graph_refs(cm, small) and (evaluated := _evaluated_expression(small, sess)):
            raise Refused(
                evaluated,
                "SM311",
                f"`{cm.code(evaluated)}` evaluates a graph expression built in place that native-save does not "
                "replay (only a call of a TF op it moves into tf.functions, or arithmetic on the block's tensors, "
                "is replayed); compute it with TF2 ops after the migration, or export with "
                "`smmigrate.export_session(sess, export_dir, ...)` (session bridge)",
            )
        elif used & self.graph_names() and isinstance(small, cst.Expr) and (named := self.named_op(small)):
            # `tf.nn.relu(h, name="y")` fetched later by its name (`get_tensor_by_name("y:0")`): bound
            # to a fresh name, it is one more computation of the tf.function
            self.computation(position, named)
        elif used & self.graph_names() and isinstance(small, cst.Expr) and graph_refs(cm, small):
            raise Refused(
                small,
                "SM311",
                "this statement builds a graph op without binding it to a name (is it fetched later by its op "
                "name?); bind it (`y = ...`) so it can move into the tf.function, then rerun",
            )
        elif used & self.graph_names():
            raise Refused(
                small,
                "SM311",
                "this statement uses graph values outside `sess.run`, which has no eager equivalent; move it after "
                "the migration or write the tf.Module by hand",
            )
        else:
            self.keep(small, line)

    def check_builder_use(self, small) -> None:
        """A Builder may only appear in `b.add_meta_graph_and_variables(...)` / `b.add_meta_graph(...)` /
        `b.save()` statements, or `path = b.save()`; anything else is not an export step."""
        used = sorted(names_used(small) & set(self.builders))
        if not used:
            return
        methods = ("add_meta_graph_and_variables", "add_meta_graph", "save")
        if isinstance(small, cst.Expr) and any(is_method_call(small.value, used[0], m) for m in methods):
            return
        if (
            isinstance(small, cst.Assign)
            and len(small.targets) == 1
            and isinstance(small.targets[0].target, cst.Name)
            and is_method_call(small.value, used[0], "save")
        ):
            return
        name = used[0]
        raise Refused(
            small,
            "SM318",
            f"the Builder `{name}` is used here for something other than `{name}.add_meta_graph_and_variables(...)` "
            f"and `{name}.save()` statements of their own (or `path = {name}.save()`); write it that way, then rerun",
        )

    def constants_only(self, small) -> bool:
        """`tag = tf.saved_model.tag_constants.SERVING`: TF names that are only SavedModel string constants
        (no graph code), so the statement stays as plain Python."""
        refs = graph_refs(self.cm, small)
        return (
            bool(refs)
            and all(resolved.rel in T.CONSTANTS for _, resolved in refs)
            and not names_used(small) & self.graph_names()
        )

    def compound(self, stmt) -> None:
        if isinstance(stmt, ScopeExit):
            self.var_scopes.exit(stmt.count)
            return
        if self.var_scopes.is_scope(stmt):
            self.variable_scope(stmt)
            return
        if isinstance(stmt, cst.FunctionDef):
            self.function_def(stmt)
            return
        if self.inliner.has_calls(stmt):
            self.check_helper_calls(stmt, "it is called inside a loop, condition or other compound statement")
        used = names_used(stmt)
        if isinstance(stmt, cst.With) and (
            self.b.sess in used or used & self.graph_names() or graph_refs(self.cm, stmt)
        ):
            raise Refused(
                stmt,
                "SM307",
                "a `with` statement inside the export block (device, control_dependencies, ...) changes how the "
                "graph is built; native-save only migrates plain blocks, `tf.variable_scope` and `tf.name_scope` — "
                "remove it if it does not matter for serving, or export with `smmigrate.export_session(sess, "
                "export_dir, ...)`",
            )
        evals = []
        if self.b.sess in used or self.run_calls(stmt):
            feeds = self.inner_feed_dicts(stmt)
            runs = self.run_calls(stmt)
            evals = [self.evaluation(call) for call in runs]
            used = names_used_outside(stmt, [*runs, *feeds])
            if used & self.graph_names():
                raise Refused(
                    stmt,
                    "SM307",
                    f"this loop or condition uses graph object `{sorted(used & self.graph_names())[0]}` outside "
                    "`sess.run` (a tensor is not a value in TF1 either; feed dicts must be bound before it); use only "
                    "`sess.run` results in it, or export with `smmigrate.export_session(sess, export_dir, ...)`",
                )
        if used & self.graph_names() or graph_refs(self.cm, stmt):
            raise Refused(
                stmt,
                "SM307",
                "control flow inside the export block decides what the graph or its signatures are; native-save only "
                "migrates straight-line blocks — unroll it, or export with `smmigrate.export_session(sess, "
                "export_dir, ...)`",
            )
        self.b.steps.append(Step("keep", (stmt, stmt), evals))

    def check_made_before(self) -> None:
        """A region must not read graph objects made before it (a tf.data iterator's `get_next()`): in
        TF2 they would be eager values computed once, where TF1 reran them at every `sess.run`."""
        if not self.b.is_region or not any(s is self.b.root for s in self.suite):
            return
        made: dict[str, cst.CSTNode] = {}  # name -> the statement binding it to a graph object
        module = self.cm.source_module.body
        before = list(self.suite[: next(i for i, s in enumerate(self.suite) if s is self.b.root)])
        if self.suite is not module:  # a function's region also reads the module's globals
            before = [s for s in module if isinstance(s, cst.SimpleStatementLine)] + before
        for stmt in before:
            if not isinstance(stmt, cst.SimpleStatementLine):
                continue
            for small in stmt.body:
                refs = [r for _, r in graph_refs(self.cm, small) if not _value_before_region(r.rel)]
                if refs or names_used(small) & made.keys():
                    made.update((n, small) for n in assigned_names(small))
                else:
                    for n in assigned_names(small):
                        made.pop(n, None)
        local = {n for small, _ in self.b.statements if isinstance(small, cst.CSTNode) for n in assigned_names(small)}
        for small, _ in self.b.statements:
            if isinstance(small, ScopeExit) or (
                isinstance(small, cst.Assign) and _call_rel(self.cm, small.value) in T.SESSIONS
            ):
                continue  # `sess = tf.Session(config=config)`: the session goes, its config with it
            found = sorted(names_used(small) & (made.keys() - local))
            if found:
                raise Refused(
                    small,
                    "SM309",
                    f"`{found[0]}` is a graph object made before the code native-save migrates (by "
                    f"`{self.cm.code(made[found[0]]).strip()}`: an input pipeline native-save does not replay — "
                    "it replays `tf.data.Dataset.from_tensor_slices`/`from_tensors`/`range` with `batch`, `repeat`, "
                    "`take`, `skip`, `prefetch` — or other graph code), which TF1 reran at every `sess.run` and TF2 "
                    "would compute once; feed the data through placeholders, or export with "
                    "`smmigrate.export_session(sess, export_dir, ...)` (session bridge)",
                )

    def function_def(self, stmt: cst.FunctionDef) -> None:
        """`def predict(inputs): return tf.matmul(inputs, w) + b` between the graph's statements: kept
        where it is when it only reads the block's variables (eager objects in TF2); the tf.functions
        may then call it."""
        name, used = stmt.name.value, names_used(stmt)
        tensors = sorted((self.graph_names() - set(self.b.variables)) & used)
        if name in getattr(self.cm, "graph_functions", {}) or self.b.sess in used or tensors:
            reason = (
                "creates variables, placeholders or sessions"
                if not tensors and self.b.sess not in used
                else f"reads `{tensors[0] if tensors else self.b.sess}` (a graph tensor or the session)"
            )
            raise Refused(
                stmt,
                "SM309",
                f"`def {name}` among the statements that build the exported graph {reason}, which has no eager "
                "counterpart at that point; define it before the graph with tensors passed as parameters, or export "
                "with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)",
            )
        self.b.steps.append(Step("keep", (stmt, stmt)))

    def variable_scope(self, stmt: cst.With) -> None:
        """The scope's statements run next, in it (TF1 names their variables by its path); the
        `with` itself has no TF2 counterpart and goes."""
        count = self.var_scopes.enter(stmt)
        body = stmt.body
        inner: list = []
        if isinstance(body, cst.SimpleStatementSuite):
            inner = [(small, cst.SimpleStatementLine(body=[small])) for small in body.body]
        else:
            for i, line in enumerate(body.body):
                if isinstance(line, cst.SimpleStatementLine):
                    if i == 0 and stmt.leading_lines:  # comments above the `with` stay with its first line
                        line = line.with_changes(leading_lines=[*stmt.leading_lines, *line.leading_lines])
                    inner.extend((small, line) for small in line.body)
                else:
                    inner.append((line, line))
        at = self.position + 1
        self.b.statements[at:at] = [*inner, (ScopeExit(count), None)]
        self.b.dropped.extend(item.item for item in stmt.items)  # their imports may become unused

    def keep(self, small, line) -> None:
        evals = [self.evaluation(call) for call in self.run_calls(small)]
        self.b.steps.append(Step("keep", (small, line), evals))

    # -- graph pieces ---------------------------------------------------------------------------
    def placeholder(self, name: str, call: cst.Call) -> None:
        args = bind_args(call, T.PLACEHOLDER_PARAMS)
        if "dtype" not in args:
            raise Refused(
                call, "SM317", "the placeholder has no dtype, so no TensorSpec can be written; pass the dtype and rerun"
            )
        tensor = literal_str(args.get("name"))
        self.b.placeholders[name] = Placeholder(name, args["dtype"], args.get("shape"), tensor and tensor + ":0", call)
        self.tensor_name(name, args.get("name"))

    def variable(self, name, call, small, line) -> None:
        if names_used(call) & (
            set(self.b.placeholders) | {n for _, s in self.b.computations for n in assigned_names(s)}
        ):
            raise Refused(
                call,
                "SM319",
                "the variable's initial value depends on graph tensors; compute it in Python (or with eager ops) "
                "first, or use the session bridge",
            )
        if _call_rel(self.cm, call) == T.GET_VARIABLE:
            value = self.var_scopes.get_variable(name, call, self.position, self.b.statements)
            self.b.variables.append(name)
            self.tensor_name(name, bind_args(call, T.GET_VARIABLE_PARAMS).get("name"))
            self.b.dropped.append(small)
            self.b.steps.append(Step("var", (small.with_changes(value=value), line)))
            return
        for arg in call.args:
            if arg.star:
                raise Refused(arg, "SM306", "`*args`/`**kwargs` in a variable definition cannot be checked")
            if arg.keyword and arg.keyword.value in T.TF1_ONLY_VARIABLE_KWARGS:
                raise Refused(
                    arg,
                    "SM319",
                    f"`{arg.keyword.value}=` has no TF2 equivalent on tf.Variable; drop it and rerun, or use the "
                    "session bridge",
                )
        self.var_scopes.note_random(name, call)
        scoped = self.var_scopes.scoped_variable(call)  # TF1's name: `hidden/w`, `w_1`
        if scoped is not call:
            small = small.with_changes(value=scoped)
        self.b.variables.append(name)
        params = ("initial_value", "trainable", "collections", "validate_shape", "caching_device", "name")
        args = bind_args(call, params if _call_rel(self.cm, call) == T.VARIABLE else ("name",))
        self.tensor_name(name, args.get("name"))
        trainable = args.get("trainable")
        if isinstance(trainable, cst.Name) and trainable.value == "False":
            self.b.frozen.add(name)
        elif trainable is not None and not (isinstance(trainable, cst.Name) and trainable.value == "True"):
            self.unknown_trainable.append(trainable)
        self.b.steps.append(Step("var", (small, line)))

    def hoist_variables(self, small: cst.Assign) -> cst.Assign:
        """`y = tf.multiply(x, tf.Variable(4.0, name="k"))`: the variable made inline becomes its own
        statement before (`k = tf.Variable(4.0, name="k")`), as eager code must create it once."""
        found: list[cst.Call] = []
        walk(small.value, _MadeVariables(self.cm, found))
        if not found or self.names is None:
            return small
        mapping: dict[int, cst.BaseExpression] = {}
        for call in found:
            args = bind_args(call, ("initial_value", "trainable", "collections", "validate_shape", "caching", "name"))
            fresh = self.names.fresh(literal_str(args.get("name")) or "variable")
            line = cst.SimpleStatementLine(body=[cst.Assign(targets=[cst.AssignTarget(cst.Name(fresh))], value=call)])
            self.variable(fresh, call, line.body[0], line)
            mapping[id(call)] = cst.Name(fresh)

        class R(cst.CSTTransformer):
            def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
                return mapping.get(id(original), updated)

        return cast(cst.Assign, small.visit(R()))

    def layer(self, position, name, call, small, rel) -> None:
        """`y = tf.layers.dense(x, units, ...)`: its kernel and bias become eager variables, the layer
        `activation(tf.nn.bias_add(tf.matmul(x, kernel), bias))` graph code; dropout (inference) and
        flatten become the ops TF1 runs for them."""
        layers = self.layers
        b = self.b
        if rel in T.DENSE:
            created, value, output = layers.dense(
                name, call, position, b.statements, b.placeholders, b.computations, self.graph_names()
            )
            for new in created:
                b.steps.append(Step("newvar", new))
        else:
            value, output = layers.shape_layer(rel, call, b.placeholders, b.computations, b.statements)
        new_small = small.with_changes(value=value)
        if output is not None:
            output.statement = new_small
            layers.outputs[name] = output
        self.b.computations.append((position, new_small))
        self.tensor_name(name, None)  # `dense/BiasAdd:0`, `dense/Relu:0`...: not guessed
        self.b.dropped.append(small)

    def named_op(self, small: cst.Expr) -> cst.Assign | None:
        """`fresh = <op>(..., name="y")` for an unbound TF op call that names its tensor."""
        call = small.value
        if self.names is None or not isinstance(call, cst.Call) or _call_rel(self.cm, call) is None:
            return None
        if self.assign_form(call) is not None:
            return None  # an assign op the session never ran: in a tf.function it would run at every call
        name = literal_str(next((a.value for a in call.args if a.keyword and a.keyword.value == "name"), None))
        if not name:
            return None
        return cst.Assign(targets=[cst.AssignTarget(cst.Name(self.names.fresh(name)))], value=call)

    def computation(self, position, small) -> None:
        self.check_helper_calls(small)
        stored = next(
            (t.target for t in getattr(small, "targets", ()) if isinstance(t.target, cst.Subscript)),
            None,
        )
        if stored is not None:
            held = stored.value if isinstance(stored.value, cst.Name) else None
            raise Refused(
                small,
                "SM311",
                f"`{self.cm.code(stored)} = ...` stores a graph value in "
                + (f"`{held.value}`" if held is not None else "a container")
                + "; native-save splits a dict of endpoints into names only when it is built in the block and every "
                'use reads a string key (`d["k"]`, or a comprehension over a literal list of keys) — here it is '
                "used another way (passed whole, iterated, read after the block). Read its entries by key, or "
                "export with `smmigrate.export_session(sess, export_dir, ...)`",
            )
        if not isinstance(small, cst.Assign) or not all(
            isinstance(t.target, (cst.Name, cst.Tuple)) for t in small.targets
        ):
            raise Refused(
                small, "SM311", "only plain `name = <graph expression>` statements can move into a tf.function"
            )
        if any(
            isinstance(t.target, cst.Tuple) and not all(isinstance(e.value, cst.Name) for e in t.target.elements)
            for t in small.targets
        ):
            raise Refused(
                small, "SM311", "only plain `name = <graph expression>` statements can move into a tf.function"
            )
        self.resources.check_computation(small)
        for ref, resolved in tf_refs(self.cm, small):
            if resolved.rel in T.GRAPH_TRAINING:
                raise Refused(
                    ref,
                    "SM303",
                    f"`{self.cm.code(ref)}` builds training in the graph by hand; native-save replays only "
                    "`optimizer.minimize(loss)` run by `sess.run` — use that, or export the trained session with "
                    "`smmigrate.export_session(sess, export_dir, ...)` (session bridge)",
                )
        self.b.computations.append((position, small))
        if (
            isinstance(small.value, cst.Call)
            and len(small.targets) == 1
            and isinstance(small.targets[0].target, cst.Name)
        ) and _call_rel(self.cm, small.value) is not None:  # `name=` of a TF op names its tensor
            self.tensor_name(
                small.targets[0].target.value,
                next((a.value for a in small.value.args if a.keyword and a.keyword.value == "name"), None),
            )

    def check_helper_calls(self, node, where: str = "") -> None:
        """A call of a module function that creates variables or placeholders and was not inlined:
        moved into the tf.function, it would make its variables at every trace (SM309)."""
        makers = getattr(self.cm, "graph_functions", {})
        unread: dict[str, tuple[bool, str]] = getattr(self.cm, "unread", {})
        for call in _calls(node):
            name = callee(call.func)
            head = name.split(".")[0] if name is not None else None
            if head in unread and unread[head][0] == ("." in (name or "")):
                raise Refused(
                    call,
                    "SM309",
                    f"`{name}(...)` is a function of {unread[head][1]}, which this run does not read: it may create "
                    "variables or placeholders, and moved into a tf.function it would make them at every trace; "
                    "rewrite that module in the same run (pass the project's folder to `smmigrate rewrite`), or "
                    "export with `smmigrate.export_session(sess, export_dir, ...)`",
                )
            foreign: set[str] = getattr(self.cm, "foreign_makers", set())
            if name is None or (name not in makers and name not in foreign):
                continue
            whose = "another module of this run" if name in foreign else "this module"
            why = (
                where
                or getattr(self.cm, "helper_problems", {}).get(name)
                or "it is called inside a lambda, comprehension, conditional expression or `and`/`or`, where its "
                "statements cannot go before the call"
            )
            raise Refused(
                call,
                "SM309",
                f"`{name}(...)` is a function of {whose} that creates variables or placeholders and cannot be "
                f"inlined here: {why}; native-save inlines straight-line helpers (statements, "
                "`tf.variable_scope`/`tf.name_scope` blocks, one final `return`) called from straight-line code — "
                "as a call, its variables would be made at every trace of the tf.function. Rewrite it that way, or "
                "export with `smmigrate.export_session(sess, export_dir, ...)`",
            )

    def tensor_name(self, name: str, node) -> None:
        """Record the TF1 tensor name `<name=>:0`; a name TF1 would uniquify (`y_1`) is not guessed."""
        op = literal_str(node)
        self.op_names |= self.var_scopes.top_names  # scopes and layers take their names first
        prefix = self.var_scopes.name_prefix()  # in variable scopes: `scope/x:0`
        if op is not None and prefix is not None:
            op = prefix + op
        if op is None or op in self.op_names or prefix is None:
            self.op_names.add(op)
            self.b.tensor_names.pop(name, None)
            return
        self.op_names.add(op)
        self.b.tensor_names[name] = op + ":0"

    def assign_form(self, expr) -> tuple | None:
        """(variable, method, value) for `v.assign(x)` / `tf.assign(v, x)` on a block variable."""
        if not isinstance(expr, cst.Call):
            return None
        func = expr.func
        if (
            isinstance(func, cst.Attribute)
            and func.attr.value in T.ASSIGN_METHODS
            and isinstance(func.value, cst.Name)
            and func.value.value in self.b.variables
        ):
            return (func.value.value, func.attr.value, bind_args(expr, ("value",)).get("value"))
        rel = _call_rel(self.cm, expr)
        if rel in T.ASSIGN_FUNCS:
            args = bind_args(expr, ("ref", "value"))
            ref = args.get("ref")
            if isinstance(ref, cst.Name) and ref.value in self.b.variables:
                return (ref.value, T.ASSIGN_FUNCS[rel], args.get("value"))
        return None

    # -- sess.run ---------------------------------------------------------------------------------
    def session_run(self, call: cst.Call, standalone: bool):
        if not standalone:
            return self.evaluation(call)
        args = bind_args(call, ("fetches", "feed_dict"))
        if set(args) - {"fetches", "feed_dict"}:
            raise Refused(call, "SM303", "`sess.run` with options/run_metadata is not an export step")
        feeds = feed_map(args.get("feed_dict"), call)
        fetches = args.get("fetches")
        items = [e.value for e in fetches.elements] if isinstance(fetches, (cst.List, cst.Tuple)) else [fetches]
        for item in items:
            self.run_one(item, feeds, call)
        if len(items) > 1 and self.mixed_run(items):
            raise Refused(
                call,
                "SM319",
                "one `sess.run([...])` runs initializers and assign ops together, which TF1 executes in no fixed "
                "order; run the initializer first, then the assigns",
            )
        return None

    def mixed_run(self, items) -> bool:
        inits = [
            i
            for i in items
            if _call_rel(self.cm, i) in T.INITIALIZERS or (isinstance(i, cst.Name) and i.value in self.init_ops)
        ]
        return bool(inits) and len(inits) < len(items)

    def run_one(self, item, feeds, call) -> None:
        if (
            isinstance(item, cst.Attribute)
            and item.attr.value == "op"
            and isinstance(item.value, cst.Name)
            and (item.value.value in self.assign_ops or item.value.value in self.init_ops)
        ):
            item = item.value  # `sess.run(x.op)` (`x.op.run()`): the op of an assign or initializer runs it
        rel = _call_rel(self.cm, item)
        is_init = (
            rel in T.INITIALIZERS
            or (isinstance(item, cst.Name) and item.value in self.init_ops)
            or (
                isinstance(item, cst.Attribute)
                and item.attr.value == "initializer"
                and isinstance(item.value, cst.Name)
                and item.value.value in self.b.variables
            )
            or self.resources.is_initializer(item)
        )
        if is_init:
            kind = self.init_ops.get(item.value) if isinstance(item, cst.Name) else rel
            tables_only = kind in T.LOAD_TIME_SAFE or self.resources.is_initializer(item)  # variables kept
            if self.ran_assign and not tables_only:
                raise Refused(
                    call,
                    "SM303",
                    "variables are re-initialized after an assign or training; the values to export are ambiguous",
                )
            return
        form = self.assign_form(item) or (self.assign_ops.get(item.value) if isinstance(item, cst.Name) else None)
        if form is not None:
            self.emit_assign(form[0], form[1], form[2], call, feeds)
            return
        if isinstance(item, cst.Name) and item.value in self.graph_names() and item.value not in self.b.feed_dicts:
            return  # evaluating a tensor for nothing: no effect on the export
        raise Refused(
            call,
            "SM303",
            "`sess.run` runs something other than initializers or assign ops (training before the export?); export "
            "the trained session with `smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write "
            "the tf.Module by hand",
        )

    def pure(self, value) -> bool:
        """`value` is computed by TF ops native-save keeps as they are (no method call on an object,
        such as `opt.minimize(...)` or `w.assign(...)`, no op outside the tables)."""
        for call in _calls(value):
            if isinstance(call.func, cst.Attribute) and self.cm.tf_symbol(call.func) is None:
                return False
        return all(r.rel in T.GRAPH_KEEP or r.rel in T.GRAPH_RENAME for _, r in graph_refs(self.cm, value))

    def restore(self, small) -> bool:
        """`saver.restore(sess, path)` of a `saver = tf.train.Saver()` of this block: each variable the
        saver holds gets the checkpoint's value under its TF1 name (`tf.train.load_checkpoint(path)`
        + `v.assign(reader.get_tensor(name))`, TF2's own reader of TF1 checkpoints; a name the
        checkpoint lacks raises there as the TF1 restore did)."""
        if not (
            isinstance(small, cst.Expr)
            and isinstance(small.value, cst.Call)
            and isinstance(small.value.func, cst.Attribute)
            and small.value.func.attr.value == "restore"
            and isinstance(small.value.func.value, cst.Name)
            and small.value.func.value.value in self.savers
        ):
            return False
        call = small.value
        args = bind_args(call, ("sess", "save_path"))
        session, path = args.get("sess"), args.get("save_path")
        if (
            not (isinstance(session, cst.Name) and session.value == self.b.sess)
            or path is None
            or set(args)
            != {
                "sess",
                "save_path",
            }
        ):
            return False
        if names_used(path) & self.graph_names() or self.b.sess in names_used(path):
            raise Refused(path, "SM302", "the checkpoint path is computed in the graph; compute it in Python")
        held = self.savers[call.func.value.value]  # type: ignore[attr-defined]
        names = [(v, self.b.tensor_names.get(v, "")) for v in held]
        unnamed = [v for v, tensor in names if not tensor.endswith(":0")]
        if unnamed:
            raise Refused(
                call,
                "SM302",
                f"the TF1 name of `{unnamed[0]}`, under which the checkpoint holds its value, is not known; give "
                "it a literal `name=`, or export with `smmigrate.export_session(sess, export_dir, ...)` (session "
                "bridge)",
            )
        self.ran_assign = True
        self.assigned_since_meta = True
        self.b.steps.append(Step("restore", (path, [(v, t[: -len(":0")]) for v, t in names])))
        return True

    def emit_assign(self, var, method, value, call, feeds) -> None:
        if value is None:
            raise Refused(call, "SM319", "the assign has no value argument; pass the value explicitly")
        evals = []
        if isinstance(value, cst.Name) and value.value in feeds:
            value = feeds[value.value]
        elif self.b.sess in names_used(value):
            evals = [self.session_run(run, standalone=False) for run in session_runs(value, self.b.sess)]
        elif names_used(value) & (self.graph_names() - set(self.b.variables)):
            raise Refused(
                call,
                "SM319",
                "the assigned value is computed in the graph; compute it in Python first, or use the session bridge",
            )
        self.ran_assign = True
        self.assigned_since_meta = True
        self.b.steps.append(Step("assign", (var, method, value), evals))

    # -- export ---------------------------------------------------------------------------------
    def builder_save(self, builder, call) -> None:
        if self.add_meta is None:
            raise Refused(call, "SM318", "`builder.save()` comes before `add_meta_graph_and_variables`")
        if self.assigned_since_meta:
            raise Refused(
                call,
                "SM318",
                "variables are assigned between `add_meta_graph_and_variables` (which writes them) and `save()`",
            )
        args = bind_args(call, ("as_text",))
        as_text = args.get("as_text")
        if as_text is not None and not (isinstance(as_text, cst.Name) and as_text.value == "False"):
            raise Refused(
                call,
                "SM313",
                "`save(as_text=True)` asks for saved_model.pbtxt; tf.saved_model.save writes only the binary "
                "saved_model.pb — drop as_text and rerun",
            )
        self.set_export(parse_export_parts(self.cm, self, "builder", self.add_meta, self.builders[builder]))

    def set_export(self, spec: ExportSpec) -> None:
        small = self.b.statements[self.position][0]
        if self.b.is_region and self.graph_name and id(small) not in self.in_graph_context:
            raise Refused(
                spec.node,
                "SM301",
                f"the export runs outside `with {self.graph_name}.as_default():`, so TF1 writes the default graph "
                f"(not `{self.graph_name}`, the graph the session runs); move the export into that block, then rerun",
            )
        if self.b.export is not None:
            raise Refused(
                spec.node, "SM318", "a second export in the same block; split it into one block per SavedModel"
            )
        self.b.export = spec
        self.b.export_position = self.position
        self.b.steps.append(Step("export", spec))


def analyze_block(cm, block: Block, suite, outside: set[str] | None = None, names=None) -> Block:
    """Fill `block` or raise Refused (with whatever was learnt so far left in `block`).

    `outside`: for a region, the names used in its scope outside it; a graph value or the session
    used there would be left undefined, so the region is refused."""
    analysis = _Analysis(cm, block, suite, names)
    analysis.outside = outside or set()
    block = analysis.run()
    sig_map = analysis.sig_map_name
    if analysis.sig_map is not None:  # a map assembled in the block: its binding goes with the block
        inside = {id(s) for s in block.region}
        later = [n for s in suite if id(s) not in inside for n in name_nodes(s) if n.value == sig_map]
        if later and (outside is None or sig_map in outside):
            raise Refused(
                later[0],
                "SM308",
                f"`{sig_map}` (the signature_def_map assembled before the export) is used after the code that builds "
                "and exports the graph, where the TF2 code would leave it undefined; read its keys before the end of "
                "that code, or export with `smmigrate.export_session(sess, export_dir, ...)`",
            )
    if outside is not None:
        gone = (analysis.graph_names() | ({block.sess} if block.sess else set())) - set(block.variables)
        leaked = sorted(gone & outside)
        if leaked:
            raise Refused(
                block.root,
                "SM311",
                f"`{leaked[0]}` (a graph value or the session) is used after the code that builds and exports the "
                "graph, where the TF2 code would leave it undefined; move that use before the export, or export "
                "with `smmigrate.export_session(sess, export_dir, ...)`",
            )
    return block


_GRAPH_MAKERS = frozenset(
    {
        T.PLACEHOLDER,
        T.VARIABLE,
        T.GET_VARIABLE,
        *T.DENSE,  # `tf.layers.dense` makes its kernel and bias
        T.GRAPH,
        T.RESET_GRAPH,
        *T.SESSIONS,
        *T.TABLE_CLASSES,
        *T.TABLE_PARTS,
        *T.TABLE_HELPERS,
        *(T.CONTRIB_LOOKUP + n for n in ("HashTable", "KeyValueTensorInitializer", "TextFileInitializer")),
    }
)


def owns_graph(cm, block: Block) -> bool:
    """The with-block makes its own graph (`tf.Graph().as_default()`, `graph.as_default()`,
    `tf.Session(graph=tf.Graph())`); a bare `with tf.Session() as sess:` runs the default graph,
    which may be built before the block."""
    root = cast(cst.With, block.root)
    for item in root.items:
        if _graph_ctx(cm, item.item, block.graph_name):
            return True
        call = item.item
        if isinstance(call, cst.Call) and any(a.keyword and a.keyword.value == "graph" for a in call.args):
            return True
    return False


def _makes_graph(cm, stmt) -> bool:
    found = False
    helpers = getattr(cm, "helpers", {})

    class V(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            nonlocal found
            if _call_rel(cm, node) in _GRAPH_MAKERS or callee(node.func) in helpers:
                found = True

    walk(stmt, V())
    return found


def region_root(cm, body: Sequence[cst.BaseStatement], index: int) -> Block | None:
    """A region Block for the export in `body[index]`: from the first statement that builds the
    default graph (a placeholder, a variable, the session, `tf.Graph()`, `reset_default_graph()`,
    a call of a function of the module that makes any of these) to the export, and on to the last
    later statement (before the next def/class) that uses a name bound in between."""
    start = None
    makers = getattr(cm, "graph_functions", {})
    foreign: set[str] = getattr(cm, "foreign_makers", set())  # another module's (`model.build_inputs()`)
    for i in range(index + 1):
        stmt = body[i]
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            continue
        if (
            _makes_graph(cm, stmt)
            or any(callee(c.func) in makers or callee(c.func) in foreign for c in _calls(stmt))
            or any(isinstance(x, cst.Assign) and dataset_source(cm, x.value) for x in _small_statements(stmt))
        ):
            start = i
            break
    if start is None:
        return None
    bound: set[str] = set()
    graph_name = None
    for stmt in body[start : index + 1]:
        for node in _small_statements(stmt):
            bound |= assigned_names(node)
            if (
                graph_name is None
                and isinstance(node, cst.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0].target, cst.Name)
                and _call_rel(cm, node.value) == T.GRAPH
            ):
                graph_name = node.targets[0].target.value
    end = index
    for j in range(index + 1, len(body)):
        if isinstance(body[j], (cst.FunctionDef, cst.ClassDef)):
            break
        if identifiers(body[j]) & bound:
            end = j
    block = Block(body[start], None, graph_name, region=list(body[start : end + 1]))
    return block


def _checkpoint_save(call: cst.Call, sess: str) -> bool:
    """`saver.save(sess, path, ...)` (the session first, or `sess=`)."""
    if not (isinstance(call.func, cst.Attribute) and call.func.attr.value == "save" and call.args):
        return False
    first = call.args[0]
    session = first.value if first.keyword is None else None
    session = next((a.value for a in call.args if a.keyword and a.keyword.value == "sess"), session)
    return isinstance(session, cst.Name) and session.value == sess


def _value_before_region(rel: str) -> bool:
    """A TF name whose value made before a region is the same for every `sess.run`: an op with a
    TF2 equivalent over constants, an initializer, a proto or session config, a SavedModel name."""
    return (
        rel in T.GRAPH_KEEP
        or rel in T.GRAPH_RENAME
        or rel.startswith(T.VALUES_BEFORE_REGION)
        or rel.endswith(T.EAGER_V1_SUFFIX)
        or rel.startswith(("initializers.", "keras.initializers."))
    )


def _evaluated_expression(small, sess: str) -> cst.Call | None:
    """`expr.eval(...)` / `sess.run(<call>)` in a statement, evaluating a graph expression built in place."""
    for call in _calls(small):
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value == "eval" and isinstance(func.value, cst.Call):
            return call
        if (
            is_method_call(call, sess, "run")
            and call.args
            and isinstance(call.args[0].value, cst.Call)
            and not call.args[0].keyword
        ):
            return call
    return None


def sessions_in(cm, stmt) -> set[str]:
    """Names a statement (looking into with-blocks) binds to `tf.Session(...)` by assignment."""
    return {
        small.targets[0].target.value
        for small in _small_statements(stmt)
        if isinstance(small, cst.Assign)
        and len(small.targets) == 1
        and isinstance(small.targets[0].target, cst.Name)
        and _call_rel(cm, small.value) in T.SESSIONS
    }


def _small_statements(stmt) -> list:
    """Small statements of `stmt`, looking into with-blocks (where `sess`/`as` names are bound too)."""
    if isinstance(stmt, cst.SimpleStatementLine):
        return list(stmt.body)
    if isinstance(stmt, cst.With):
        out: list = []
        for s in stmt.body.body:
            out.extend(_small_statements(s))
        return out
    return []
