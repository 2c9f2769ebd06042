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
from ..exports import tables as T
from ..exports.signatures import ExportSpec, SignatureSpec, parse_export_parts
from ..exports.syntax import (
    Refused,
    assigned_names,
    bind_args,
    feed_map,
    identifiers,
    is_method_call,
    names_used,
    session_runs,
    tf_refs,
)
from .block import Block, Placeholder, Step, _call_rel, _graph_ctx, _session_ctx, block_root

__all__ = ["Block", "Refused", "analyze_block", "block_root", "SignatureSpec", "ExportSpec"]


class _Analysis:
    def __init__(self, cm, block: Block, suite: Sequence[cst.BaseStatement]) -> None:
        self.cm = cm
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

    # -- structure ------------------------------------------------------------------------------
    def flatten(self, with_node: cst.With) -> None:
        for item in with_node.items:
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
            elif item.asname is not None:
                if not isinstance(item.asname.name, cst.Name):
                    raise Refused(item, "SM307", "the graph is bound to something other than a name")
                self.graph_handles.add(item.asname.name.value)
        body = with_node.body.body
        for stmt in body:
            if isinstance(stmt, cst.With) and all(
                _graph_ctx(self.cm, i.item, self.graph_name)
                or _session_ctx(self.cm, i.item, self.graph_name)
                or self.session_graph(i.item)
                for i in stmt.items
            ):
                self.flatten(stmt)
            elif isinstance(stmt, cst.SimpleStatementLine):
                self.b.statements.extend((small, stmt) for small in stmt.body)
            else:
                self.b.statements.append((stmt, stmt))

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
        )

    # -- statements -----------------------------------------------------------------------------
    def run(self) -> Block:
        self.flatten(self.b.root)
        if self.graph_name is not None:
            self.graph_handles.add(self.graph_name)  # `graph.get_tensor_by_name(...)` is graph code
            others = [s for s in self.suite if s is not self.b.root and s is not self.b.graph_stmt]
            if any(self.graph_name in identifiers(s) for s in others):
                self.b.graph_stmt = None  # still used after the block: keep `graph = tf.Graph()`
        if not self.b.sess:
            raise Refused(
                self.b.root,
                "SM301",
                "the block has no `with tf.Session() as sess`, so the export's session comes from elsewhere; use "
                "`smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write the tf.Module by hand",
            )
        for position, (small, line) in enumerate(self.b.statements):
            self.position = position
            self.statement(position, small, line)
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
        return self.b

    def statement(self, position: int, small, line) -> None:
        cm, b, sess = self.cm, self.b, self.b.sess
        if not isinstance(line, cst.SimpleStatementLine):
            self.compound(small)
            return
        self.check_builder_use(small)
        if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name):
            name, value = small.targets[0].target.value, small.value
            saved = next((bld for bld in self.builders if is_method_call(value, bld, "save")), None)
            if saved is not None:  # `save_path = builder.save()`: TF1 returned the saved_model.pb path
                self.builder_save(saved, cast(cst.Call, value))
                b.save_result = name
                return
            rel = _call_rel(cm, value)
            call = cast(cst.Call, value)  # used only where `rel` is a TF name, which only calls have
            if rel == T.PLACEHOLDER:
                self.placeholder(name, call)
            elif rel in (T.VARIABLE, T.GET_VARIABLE):
                self.variable(name, value, small, line)
                return
            elif rel in T.INITIALIZERS:
                self.init_ops[name] = rel
            elif (form := self.assign_form(value)) is not None:
                self.assign_ops[name] = form
            elif rel in T.BUILDERS:
                args = bind_args(call, ("export_dir",))
                if "export_dir" not in args:
                    raise Refused(value, "SM318", "the Builder has no export_dir; pass it as the first argument")
                self.builders[name] = args["export_dir"]
            elif rel in T.SIGNATURE_FUNCS:
                self.sigs[name] = call
            elif rel in T.BUILD_TENSOR_INFO and (tensor := bind_args(call, ("tensor",)).get("tensor")) is not None:
                self.infos[name] = tensor
            elif sess in names_used(small) or self.constants_only(small):
                self.keep(small, line)
                return
            elif names_used(small) & self.graph_names() or tf_refs(cm, small):
                self.computation(position, small)
                return
            else:
                self.keep(small, line)
                return
            b.dropped.append(small)
            return
        if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
            call = small.value
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
        if (
            isinstance(small, cst.Expr)
            and isinstance(small.value, cst.Call)
            and isinstance(small.value.func, cst.Attribute)
            and small.value.func.attr.value == "restore"
            and sess in used
        ):
            raise Refused(
                small,
                "SM302",
                f"the block restores a checkpoint into `{sess}`; the values live only in that session, so export it "
                "with `smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write the tf.Module by "
                "hand",
            )
        if sess in used:
            self.keep(small, line)
        elif isinstance(small, cst.Assign) and (used & self.graph_names() or tf_refs(cm, small)):
            self.computation(position, small)
        elif used & self.graph_names() and isinstance(small, cst.Expr) and tf_refs(cm, small):
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
        refs = tf_refs(self.cm, small)
        return (
            bool(refs)
            and all(resolved.rel in T.CONSTANTS for _, resolved in refs)
            and not names_used(small) & self.graph_names()
        )

    def compound(self, stmt) -> None:
        used = names_used(stmt)
        if isinstance(stmt, cst.With) and (self.b.sess in used or used & self.graph_names() or tf_refs(self.cm, stmt)):
            raise Refused(
                stmt,
                "SM307",
                "a `with` statement inside the export block (name_scope, device, variable_scope, "
                "control_dependencies...) changes how the graph is built; native-save only migrates plain blocks — "
                "remove it if it does not matter for serving, or export with `smmigrate.export_session(sess, "
                "export_dir, ...)`",
            )
        if self.b.sess in used:
            raise Refused(
                stmt,
                "SM303",
                f"`{self.b.sess}` is used inside a loop or other control flow (training before the export?); export "
                "the trained session with `smmigrate.export_session(sess, export_dir, ...)` (session bridge) or "
                "write the tf.Module by hand",
            )
        if used & self.graph_names() or tf_refs(self.cm, stmt):
            raise Refused(
                stmt,
                "SM307",
                "control flow inside the export block decides what the graph or its signatures are; native-save only "
                "migrates straight-line blocks — unroll it, or export with `smmigrate.export_session(sess, "
                "export_dir, ...)`",
            )
        self.b.steps.append(Step("keep", (stmt, stmt)))

    def keep(self, small, line) -> None:
        evals = []
        for call in session_runs(small, self.b.sess):
            evals.append(self.session_run(call, standalone=False))
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
        self.b.variables.append(name)
        params = ("initial_value", "trainable", "collections", "validate_shape", "caching_device", "name")
        self.tensor_name(
            name, bind_args(call, params if _call_rel(self.cm, call) == T.VARIABLE else ("name",)).get("name")
        )
        self.b.steps.append(Step("var", (small, line)))

    def computation(self, position, small) -> None:
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

    def tensor_name(self, name: str, node) -> None:
        """Record the TF1 tensor name `<name=>:0`; a name TF1 would uniquify (`y_1`) is not guessed."""
        op = literal_str(node)
        if op is None or op in self.op_names:
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
        args = bind_args(call, ("fetches", "feed_dict"))
        if set(args) - {"fetches", "feed_dict"}:
            raise Refused(call, "SM303", "`sess.run` with options/run_metadata is not an export step")
        feeds = feed_map(args.get("feed_dict"), call)
        fetches = args.get("fetches")
        items = (
            [e.value for e in fetches.elements]
            if isinstance(fetches, (cst.List, cst.Tuple)) and standalone
            else [fetches]
        )
        if not standalone:
            fetch = items[0]
            if not isinstance(fetch, cst.Name) or fetch.value not in self.graph_names() - set(self.b.placeholders):
                elsewhere = (
                    f"`{fetch.value}` is not built in this block (graph code before the `with` block or in another "
                    "function?), and "
                    if isinstance(fetch, cst.Name) and fetch.value not in self.graph_names()
                    else ""
                )
                raise Refused(
                    call,
                    "SM321",
                    f"{elsewhere}only `sess.run(<one tensor>, feed_dict)` of a signature output or a variable built in "
                    "this block can be evaluated eagerly; compute it after the export instead",
                )
            return (call, fetch.value, feeds)
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
        )
        if is_init:
            if self.ran_assign:
                raise Refused(
                    call, "SM303", "variables are re-initialized after an assign; the values to export are ambiguous"
                )
            return
        form = self.assign_form(item) or (self.assign_ops.get(item.value) if isinstance(item, cst.Name) else None)
        if form is not None:
            self.emit_assign(form[0], form[1], form[2], call, feeds)
            return
        if isinstance(item, cst.Name) and item.value in self.graph_names():
            return  # evaluating a tensor for nothing: no effect on the export
        raise Refused(
            call,
            "SM303",
            "`sess.run` runs something other than initializers or assign ops (training before the export?); export "
            "the trained session with `smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write "
            "the tf.Module by hand",
        )

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
        if self.b.export is not None:
            raise Refused(
                spec.node, "SM318", "a second export in the same block; split it into one block per SavedModel"
            )
        self.b.export = spec
        self.b.export_position = self.position
        self.b.steps.append(Step("export", spec))


def analyze_block(cm, block: Block, suite) -> Block:
    """Fill `block` or raise Refused (with whatever was learnt so far left in `block`)."""
    return _Analysis(cm, block, suite).run()
