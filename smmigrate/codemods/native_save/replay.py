"""native-save, step 1 (continued): `sess.run` evaluations and training, replayed eagerly.

Mixed into the block analysis (`plan._Analysis`). An evaluation — `sess.run(fetches, feed_dict)`
whose result the program uses, `t.eval(...)`, `train_op.run(...)` — is recorded as an `Eval`:
the fetched names (a name, or a flat list / tuple / string-keyed dict of them), the fed
placeholders (a literal dict, or a dict bound by name in the block, kept for `f(**feed)`), and
the train op if one is run. Training is one `train_op = optimizer.minimize(loss)` of a TF1
optimizer from `tables.OPTIMIZERS`; emit.py writes the eager step. Anything else is refused with
the reason (SM303 for training, SM321 for evaluations).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import libcst as cst

from .._names import mentions_outside
from .._walk import walk
from ..exports import tables as T
from ..exports.syntax import (
    Refused,
    all_names,
    assigned_names,
    bind_args,
    feed_map,
    identifiers,
    is_method_call,
    name_nodes,
    names_used,
    session_runs,
)
from .block import Block, Eval, Optimizer, Step, Training, _call_rel
from .nodes import _calls, _Replace


def _evaluated(analysis, sess, graph: set[str], node) -> list:
    """Graph ops evaluated where they are built (see `Replay.hoist_evaluated`), from the node's calls."""
    found: list = []
    for call in _calls(node):
        func = call.func
        if not isinstance(func, cst.Attribute):
            continue
        if func.attr.value == "eval" and analysis.graph_expression(func.value, graph):
            found.append(func.value)
        elif sess and is_method_call(call, sess, "run") and call.args and not call.args[0].keyword:
            fetch = call.args[0].value
            if analysis.graph_expression(fetch, graph):
                found.append(fetch)
    return found


def _run_calls(sess, tensors: set[str], trainings, node, owned: set) -> list[cst.Call]:
    """`sess.run`, `t.eval` and `op.run` calls (see `Replay.run_calls`), from the node's calls; the
    session names they use go into `owned`."""
    found: list[cst.Call] = []
    for call in _calls(node):
        func = call.func
        if not (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name)):
            continue
        owner, method = func.value.value, func.attr.value
        if owner == sess and method == "run":
            found.append(call)
            owned.add(id(func.value))
        elif (method == "eval" and owner in tensors) or (method == "run" and owner in trainings):
            session = bind_args(call, ("feed_dict", "session")).get("session")
            if session is None or (isinstance(session, cst.Name) and session.value == sess):
                found.append(call)
                if session is not None:
                    owned.add(id(session))
    return found


class Replay:
    """The evaluation and training half of `plan._Analysis` (which provides what is declared here)."""

    cm: Any  # the NativeSave codemod (name resolution, `code`)
    names: Any  # fresh-name allocator (emit.Names), None when the analysis adds no statements
    b: Block
    suite: Sequence[cst.BaseStatement]
    position: int
    init_ops: dict
    assign_ops: dict
    ran_assign: bool
    assigned_since_meta: bool
    optimizers: dict[str, Optimizer]
    unknown_trainable: list
    replayed: dict[str, list]

    def graph_names(self) -> set[str]:
        raise NotImplementedError

    def computation(self, position: int, small) -> None:
        raise NotImplementedError

    def tensors(self) -> set[str]:
        """Names of graph tensors `sess.run` may fetch: what computations assign, and the elements
        of input pipelines."""
        return {n for _, s in self.b.computations for n in assigned_names(s)} | set(self.b.pipeline)

    def inner_feed_dicts(self, stmt) -> list[cst.Assign]:
        """`feed = {x: batch}` statements inside a loop (one per batch), kept like those before it."""
        found: list[cst.Assign] = []
        analysis = self

        class V(cst.CSTVisitor):
            def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
                return False

            def visit_Assign(self, node: cst.Assign) -> None:
                if (
                    len(node.targets) == 1
                    and isinstance(node.targets[0].target, cst.Name)
                    and analysis.is_feed_dict(node.value)
                ):
                    name = node.targets[0].target.value
                    if name in analysis.graph_names():
                        raise Refused(node, "SM321", f"`{name}` is bound twice; give each feed dict its own name")
                    feeds = feed_map(node.value, node)
                    if any(names_used(v) & analysis.graph_names() for v in feeds.values()):
                        raise Refused(node, "SM321", "a fed value is a graph tensor; feed Python or NumPy values")
                    analysis.b.feed_dicts[name] = feeds
                    analysis.replayed[name] = [0, node]
                    found.append(node)

        walk(stmt, V())
        self.b.inner_feeds.extend(cast(cst.Dict, a.value) for a in found)
        return found

    def run_calls(self, stmt) -> list[cst.Call]:
        """`sess.run(...)`, `t.eval(...)` and `op.run(...)` calls in `stmt` (t a tensor or variable, op a
        train op of the block; `session=` absent or the block's session); refused when the session is
        used any other way."""
        sess, owned = self.b.sess, set[int]()
        tensors = self.tensors() | set(self.b.variables)
        calls = _run_calls(sess, tensors, self.b.trainings, stmt, owned)
        stray = next((n for n in all_names(stmt) if n.value == sess and id(n) not in owned), None)
        if stray is not None:
            session_runs(stmt, sess)  # raises SM301 with its wording
        return calls

    # -- tf.data input pipelines: batches pulled by the evaluations that need them ---------------
    def pipeline_statement(self, small, line) -> bool:
        """`ds = tf.data.Dataset.from_tensor_slices(...).batch(n).repeat()` (kept: TF2 code as it is),
        `it = ds.make_one_shot_iterator()` (becomes `it = iter(ds)`), `x, y = it.get_next()` (dropped:
        an evaluation needing `x` or `y` pulls the next element, as each TF1 `sess.run` did)."""
        b = self.b
        if not isinstance(small, cst.Assign) or len(small.targets) != 1:
            self.pipeline_misuse(small)
            return False
        target, value = small.targets[0].target, small.value
        if isinstance(target, cst.Name) and self.dataset_source(value):
            if names_used(value) & self.graph_names():
                raise Refused(small, "SM309", "the tf.data pipeline is built from graph tensors; build it from data")
            self.new_pipeline_name(target.value, small)
            b.datasets.add(target.value)
            self.b.steps.append(Step("keep", (small, line)))
            return True
        dataset = self.one_shot_dataset(value)
        if isinstance(target, cst.Name) and dataset is not None:
            self.new_pipeline_name(target.value, small)
            b.iterators.add(target.value)
            eager = small.with_changes(value=cst.parse_expression(f"iter({dataset})"))
            self.b.steps.append(Step("keep", (eager, line)))
            return True
        if not (
            isinstance(value, cst.Call)
            and isinstance(value.func, cst.Attribute)
            and value.func.attr.value == "get_next"
            and isinstance(value.func.value, cst.Name)
            and value.func.value.value in b.iterators
            and not value.args
        ):
            self.pipeline_misuse(small)
            return False
        iterator = value.func.value.value
        if iterator in b.pulled:
            raise Refused(
                small, "SM309", f"`{iterator}.get_next()` is called twice; call it once and share its tensors"
            )
        if isinstance(target, cst.Name):
            names = [target.value]
        elif isinstance(target, (cst.Tuple, cst.List)) and all(isinstance(e.value, cst.Name) for e in target.elements):
            names = [cast(cst.Name, e.value).value for e in target.elements]
        else:
            raise Refused(small, "SM309", "the iterator's element is unpacked into something other than names")
        for name in names:
            self.new_pipeline_name(name, small)
            b.pipeline[name] = (iterator, names, isinstance(target, cst.Name))
        b.pulled.add(iterator)
        b.dropped.append(small)
        return True

    def pipeline_misuse(self, small) -> None:
        used = sorted(names_used(small) & (self.b.datasets | self.b.iterators))
        if used:
            raise Refused(
                small,
                "SM309",
                f"`{used[0]}` (a tf.data dataset or iterator) is used here other than by statements of their own: "
                "`it = ds.make_one_shot_iterator()`, then `x, y = it.get_next()` once; write it that way, or export "
                "with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)",
            )

    def new_pipeline_name(self, name: str, small) -> None:
        if name in self.graph_names() or name in self.b.datasets | self.b.iterators:
            raise Refused(small, "SM309", f"`{name}` is bound twice in the block; give each object its own name")

    def dataset_source(self, value) -> bool:
        return dataset_source(self.cm, value)

    def one_shot_dataset(self, value) -> str | None:
        """`ds` of `ds.make_one_shot_iterator()` / `tf.data.make_one_shot_iterator(ds)` for a dataset of the block."""
        if not isinstance(value, cst.Call):
            return None
        if _call_rel(self.cm, value) in T.ONE_SHOT_ITERATORS and len(value.args) == 1:
            arg = value.args[0].value
        elif (
            isinstance(value.func, cst.Attribute)
            and value.func.attr.value == "make_one_shot_iterator"
            and not value.args
        ):
            arg = value.func.value
        else:
            return None
        return arg.value if isinstance(arg, cst.Name) and arg.value in self.b.datasets else None

    # -- sess.run evaluations, replayed eagerly --------------------------------------------------
    def hoist_evaluated(self, small):
        """`print(tf.reduce_sum(W).eval())` / `sess.run(tf.reduce_sum(W))`: a graph op evaluated where it
        is built becomes a computation of its own (`reduce_sum = tf.reduce_sum(W)`, moved into the
        evaluation's function like any other) and the statement evaluates that name."""
        if self.names is None or isinstance(small, cst.BaseCompoundStatement):
            return small
        found = _evaluated(self, self.b.sess, self.graph_names(), small)
        if not found:
            return small
        mapping: dict[int, cst.BaseExpression] = {}
        for expr in found:
            rel = _call_rel(self.cm, expr)
            fresh = self.names.fresh(rel.rsplit(".", 1)[-1] if rel else "value")
            value = expr.with_changes(lpar=[], rpar=[])  # `(w * 2.0).eval()`: no parentheses needed
            assign = cst.Assign(targets=[cst.AssignTarget(cst.Name(fresh))], value=value)
            self.computation(self.position, assign)
            mapping[id(expr)] = cst.Name(fresh)
        return small.visit(_Replace(mapping))

    def graph_expression(self, expr, graph: set[str]) -> bool:
        """A TF op (a call of `tables.GRAPH_KEEP` / `GRAPH_RENAME`) or arithmetic over graph tensors,
        built in place: not an initializer, assign op, variable, session or Builder use."""
        if isinstance(expr, cst.Call):
            rel = _call_rel(self.cm, expr)
            return rel in T.GRAPH_KEEP or rel in T.GRAPH_RENAME
        if isinstance(expr, (cst.BinaryOperation, cst.UnaryOperation)):
            used = names_used(expr)
            tensors = self.tensors() | set(self.b.variables) | set(self.b.placeholders)
            return bool(used & tensors) and not used & (graph - tensors) and self.b.sess not in used
        return False

    def evaluation(self, call: cst.Call) -> Eval:
        """`sess.run(fetches, feed_dict)` whose result the program uses (or that trains); also
        `t.eval(feed_dict, session)` / `train_op.run(feed_dict, session)` in the block's session."""
        if is_method_call(call, self.b.sess, "run"):
            args = bind_args(call, ("fetches", "feed_dict"))
            extra = set(args) - {"fetches", "feed_dict"}
        else:
            args = bind_args(call, ("feed_dict", "session"))
            extra = set(args) - {"feed_dict", "session"}
            args["fetches"] = cast(cst.Attribute, call.func).value
        if extra:
            raise Refused(call, "SM303", "`sess.run` with options/run_metadata cannot be replayed eagerly")
        feeds, spread = self.feeds_of(args.get("feed_dict"), call)
        fetch = args.get("fetches")
        leaves = fetch_leaves(fetch)
        if fetch is None or leaves is None:
            raise Refused(
                call,
                "SM321",
                "`sess.run` fetches something other than a graph tensor or variable name, or a list, tuple or "
                "dict (string keys) of such names, so it cannot be replayed eagerly; fetch names, or compute it "
                "after the migration by calling the signature function",
            )
        tensors, trains = self.tensors(), [leaf for leaf in leaves if leaf in self.b.trainings]
        for leaf in leaves:
            if leaf in self.init_ops or leaf in self.assign_ops:
                raise Refused(
                    call,
                    "SM303",
                    f"`sess.run` runs `{leaf}` (an initializer or assign op) where its result is used or inside "
                    "control flow; run it on its own line, outside loops",
                )
            if leaf not in tensors and leaf not in self.b.variables and leaf not in self.b.trainings:
                raise Refused(
                    call,
                    "SM321",
                    f"`sess.run` fetches `{leaf}`, which is not a graph tensor, variable or train op built in this "
                    "block; compute it after the migration by calling the signature function",
                )
        for name in feeds:
            if name not in self.b.placeholders:
                raise Refused(
                    call,
                    "SM321",
                    f"the feed_dict feeds `{name}`, which is not a tf.placeholder created in this block (an "
                    "intermediate tensor, or a graph built or imported elsewhere); feed placeholders of the block, or "
                    "export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)",
                )
        if len(trains) > 1:
            raise Refused(call, "SM303", "one `sess.run` runs the train op twice; run it once per step")
        if trains and set(leaves) & set(self.b.variables):
            raise Refused(
                call,
                "SM303",
                "`sess.run` fetches a variable together with the train op that updates it; TF1 reads it before or "
                "after the update in no fixed order — fetch it in its own `sess.run`",
            )
        if trains:
            self.ran_assign = True  # the weights changed: a later initializer would reset them
            self.assigned_since_meta = True
        for name in [*trains, *([spread] if spread else [])]:
            self.replayed[name][0] += 1
        return Eval(call, fetch, leaves, feeds, spread, self.position, trains[0] if trains else None)

    def trains(self, call: cst.Call) -> bool:
        fetch = bind_args(call, ("fetches", "feed_dict")).get("fetches")
        return any(leaf in self.b.trainings for leaf in fetch_leaves(fetch) or ())

    def feeds_of(self, node, call) -> tuple[dict, str | None]:
        if isinstance(node, cst.Name) and node.value in self.b.feed_dicts:
            return self.b.feed_dicts[node.value], node.value
        if node is None or isinstance(node, cst.Dict):
            feeds = feed_map(node, call)
            if any(names_used(v) & self.graph_names() for v in feeds.values()):
                raise Refused(call, "SM321", "a fed value is a graph tensor; feed Python or NumPy values")
            return feeds, None
        raise Refused(
            call,
            "SM321",
            "the feed_dict is neither a literal `{placeholder: value}` dict nor a name bound to one earlier in this "
            "block; write the feeds out",
        )

    def is_feed_dict(self, value) -> bool:
        return (
            isinstance(value, cst.Dict)
            and bool(value.elements)
            and all(
                isinstance(e, cst.DictElement) and isinstance(e.key, cst.Name) and e.key.value in self.b.placeholders
                for e in value.elements
            )
        )

    def feed_dict(self, name: str, value: cst.Dict, small, line) -> None:
        """`feed = {x: batch}` kept as `feed = {"x": batch}` (the functions' parameters) for `f(**feed)`."""
        if name in self.graph_names() or name in self.b.placeholders:
            raise Refused(small, "SM321", f"`{name}` is bound twice in the block; give each feed dict its own name")
        feeds = feed_map(value, small)
        if any(names_used(v) & self.graph_names() for v in feeds.values()):
            raise Refused(small, "SM321", "a fed value is a graph tensor; feed Python or NumPy values")
        self.b.feed_dicts[name] = feeds
        self.replayed[name] = [0, small]
        self.b.steps.append(Step("feed", (small, line)))

    # -- training ----------------------------------------------------------------------------------
    def optimizer(self, name: str | None, call: cst.Call, rel: str) -> Optimizer:
        if rel not in T.OPTIMIZERS:
            raise Refused(
                call,
                "SM303",
                f"`{self.cm.code(call.func)}` is not replayed eagerly: native-save migrates training only with "
                "GradientDescent, Adam, Momentum, Adagrad, RMSProp or Adadelta optimizers, whose TF2 updates are "
                "proven to reach the same weights; "
                "export the trained session with `smmigrate.export_session(sess, export_dir, ...)` (session bridge) "
                "or write the training loop in TF2 by hand",
            )
        args = bind_args(call, T.OPTIMIZERS[rel])
        if "learning_rate" not in args and rel == "train.GradientDescentOptimizer":
            raise Refused(call, "SM303", "the optimizer has no learning rate; pass it explicitly")
        if set(args) - {"learning_rate", "name"} and rel == "train.GradientDescentOptimizer":
            raise Refused(call, "SM303", "`use_locking=` has no TF2 equivalent on SGD; drop it and rerun")
        if any(names_used(v) & self.graph_names() for v in args.values()):
            raise Refused(
                call,
                "SM303",
                "the optimizer's arguments are graph tensors (a learning-rate schedule?); pass Python numbers, or "
                "use the session bridge",
            )
        spec = Optimizer(name, rel, call)
        if name is not None:
            if name in self.graph_names():
                raise Refused(call, "SM303", f"`{name}` is bound twice in the block; use one name per optimizer")
            self.optimizers[name] = spec
            self.replayed[name] = [0, call]
        self.b.steps.append(Step("optimizer", spec))
        return spec

    def minimize(self, name: str, call: cst.Call) -> None:
        func = cast(cst.Attribute, call.func)
        owner = func.value
        if self.b.trainings:
            raise Refused(
                call,
                "SM303",
                "a second train op in the block; native-save replays one `minimize` — export the trained session "
                "with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)",
            )
        if isinstance(owner, cst.Name) and owner.value in self.optimizers:
            spec = self.optimizers[owner.value]
            self.replayed[owner.value][0] += 1
        else:
            rel = _call_rel(self.cm, owner)
            if rel is None or not T.OPTIMIZER_PATH.match(rel):
                raise Refused(
                    call,
                    "SM303",
                    "`minimize` of something other than a TF1 optimizer created in this block; create the optimizer "
                    "in the block, or use the session bridge",
                )
            spec = self.optimizer(None, cast(cst.Call, owner), rel)
        args = bind_args(call, T.MINIMIZE_PARAMS)
        if set(args) - {"loss", "var_list", "name", "global_step"}:
            extra = sorted(set(args) - {"loss", "var_list", "name", "global_step"})[0]
            raise Refused(
                call,
                "SM303",
                f"`minimize({extra}=...)` has no eager replay in native-save (only `loss`, `var_list` and "
                "`global_step`); drop it if it does not matter for the exported weights, or use the session bridge",
            )
        step = args.get("global_step")
        if step is not None and not (isinstance(step, cst.Name) and step.value in self.b.frozen):
            raise Refused(
                step,
                "SM303",
                "`global_step=` is replayed only as a variable of this block created with trainable=False "
                "(`step = tf.Variable(0, trainable=False)`); create it that way, or use the session bridge",
            )
        loss = args.get("loss")
        if not isinstance(loss, cst.Name) or loss.value not in self.tensors():
            raise Refused(call, "SM303", "`minimize` of something other than a loss tensor computed in this block")
        var_list = None
        if "var_list" in args:
            given = args["var_list"]
            if not isinstance(given, (cst.List, cst.Tuple)) or not all(
                isinstance(e.value, cst.Name) and e.value.value in self.b.variables for e in given.elements
            ):
                raise Refused(
                    call, "SM303", "`var_list=` is not a literal list of variables created in this block; spell it out"
                )
            var_list = [cast(cst.Name, e.value).value for e in given.elements]
            if set(var_list) & self.b.frozen:
                raise Refused(
                    given,
                    "SM303",
                    f"`var_list=` trains `{sorted(set(var_list) & self.b.frozen)[0]}`, created with trainable=False; "
                    "make it trainable, or use the session bridge",
                )
        elif self.unknown_trainable:
            raise Refused(
                self.unknown_trainable[0],
                "SM303",
                "`trainable=` is not a literal True/False, so which variables `minimize` trains is unknown; write "
                "it out, or pass `var_list=`",
            )
        if var_list is None:  # TF1 trains the trainable variables that exist when `minimize` is called
            var_list = [v for v in self.b.variables if v not in self.b.frozen]
        if not var_list:
            raise Refused(
                call,
                "SM303",
                "`minimize` trains no variable made in this block with `tf.Variable`/`tf.get_variable` (variables "
                "made by a helper function or by layers are not followed); make them in the block, or export with "
                "`smmigrate.export_session(sess, export_dir, ...)` (session bridge)",
            )
        global_step = step.value if isinstance(step, cst.Name) else None
        self.b.trainings[name] = Training(spec, loss.value, var_list, call, global_step)
        self.replayed[name] = [0, call]

    def check_replayed(self) -> None:
        """Feed dicts, optimizers and train ops only appear where they are replayed (never mutated or
        passed elsewhere), and not after the block, where the TF1 objects no longer exist."""
        counts: dict[str, int] = {}
        for small, _ in self.b.statements:
            if not isinstance(small, cst.CSTNode):
                continue  # a marker (the end of a variable scope)
            for n in name_nodes(small):
                counts[n.value] = counts.get(n.value, 0) + 1
        inside = {id(s) for s in self.b.region}
        others = [s for s in self.suite if id(s) not in inside and s is not self.b.graph_stmt]
        for name, (uses, node) in self.replayed.items():
            if counts.get(name, 0) != uses + 1 or any(name in identifiers(s) for s in others):
                raise Refused(
                    node,
                    "SM321" if name in self.b.feed_dicts else "SM303",
                    f"`{name}` is used other than as the feed_dict / fetch of `sess.run` (or the optimizer of "
                    "`minimize`), so it cannot be replayed eagerly; use it only there",
                )


def dataset_source(cm, value) -> bool:
    """`tf.data.Dataset.from_tensor_slices(...)` (or from_tensors / range) with deterministic steps
    after it (`tables.DATASET_STEPS`: batch, repeat, take, skip, prefetch)."""
    while (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Attribute)
        and value.func.attr.value in T.DATASET_STEPS
        and isinstance(value.func.value, cst.Call)
    ):
        value = value.func.value
    return _call_rel(cm, value) in T.DATASET_SOURCES


def is_minimize(value) -> bool:
    return isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) and value.func.attr.value == "minimize"


def fetch_leaves(fetch) -> list[str] | None:
    """The names `fetch` (a name, or a flat list / tuple / string-keyed dict of names) fetches."""
    if isinstance(fetch, cst.Name):
        return [fetch.value]
    if isinstance(fetch, (cst.List, cst.Tuple)) and fetch.elements:
        values = [e.value for e in fetch.elements if isinstance(e, cst.Element)]
    elif isinstance(fetch, cst.Dict) and fetch.elements:
        if not all(isinstance(e, cst.DictElement) and isinstance(e.key, cst.SimpleString) for e in fetch.elements):
            return None
        values = [cast(cst.DictElement, e).value for e in fetch.elements]
    else:
        return None
    if len(values) != len(fetch.elements) or not all(isinstance(v, cst.Name) for v in values):
        return None
    return [cast(cst.Name, v).value for v in values]


def names_used_outside(stmt, calls) -> set[str]:
    """Identifiers `stmt` reads outside the given calls (or other nodes)."""
    return mentions_outside(stmt, calls)
