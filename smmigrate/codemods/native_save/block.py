"""native-save: what an export block is — the with-statement forms recognised, and the record
of what analysis found in one (placeholders, variables, graph computations, ordered steps).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeGuard

import libcst as cst

from ..exports import tables as T
from ..exports.signatures import ExportSpec
from ..exports.syntax import call_rel as _call_rel


@dataclass
class Placeholder:
    name: str
    dtype: cst.BaseExpression
    shape: cst.BaseExpression | None
    tensor: str | None  # TF1 tensor name, "x:0", when name= is a literal
    node: cst.CSTNode


@dataclass
class Eval:
    """One `sess.run(fetches, feed_dict)` replayed eagerly."""

    call: cst.Call  # the `sess.run(...)` call the TF2 expression replaces
    fetch: cst.BaseExpression  # a name, or a list / tuple / dict of names
    leaves: list  # the fetched names, in order
    feeds: dict  # placeholder name -> fed value (the dict's values when `spread`)
    spread: str | None  # `feed` of `sess.run(y, feed)`, a dict bound earlier in the block
    position: int  # the statement's position: computations after it are not seen
    train: str | None = None  # the train op among `leaves`
    pulls: list = field(default_factory=list)  # iterators the replay pulls one element of (set by emit)


@dataclass
class Optimizer:
    """A TF1 optimizer the block creates; `name` is None for `tf.train.X(...).minimize(loss)`."""

    name: str | None
    kind: str  # a key of tables.OPTIMIZERS
    call: cst.Call


@dataclass
class Training:
    """`train_op = optimizer.minimize(loss)`: what one training step needs."""

    optimizer: Optimizer
    loss: str
    var_list: list  # `var_list=[...]`, else the trainable variables created before `minimize`
    node: cst.CSTNode
    global_step: str | None = None  # a variable incremented after each update


@dataclass
class Step:
    """One thing the TF2 program does, in the block's order."""

    kind: str  # "keep" (statement as is) | "var" (variable statement) | "assign" | "restore" | "export"
    node: object = None  # statement, assign expression, or ExportSpec
    evals: list = field(default_factory=list)  # Eval of each sess.run(...) inside a kept statement
    at: int = -1  # position in `Block.statements` of the statement it comes from


@dataclass
class Block:
    root: cst.BaseStatement  # the with-statement, or the first statement of a region
    graph_stmt: cst.BaseStatement | None  # `graph = tf.Graph()` before the block, removed too
    graph_name: str | None = None  # the variable `graph_stmt` binds
    sess: str = ""
    statements: list = field(default_factory=list)  # flattened small statements / compounds
    placeholders: dict = field(default_factory=dict)  # name -> Placeholder
    variables: list = field(default_factory=list)  # variable names, creation order
    computations: list = field(default_factory=list)  # (position, small statement)
    tensor_names: dict = field(default_factory=dict)  # python name -> TF1 tensor name
    steps: list = field(default_factory=list)
    export: ExportSpec | None = None
    export_position: int = -1
    save_result: str | None = None  # `save_path = builder.save()` binds this name
    signatures_seen: list = field(default_factory=list)  # parsed signatures, even when refused later
    dropped: list = field(default_factory=list)  # statements whose TF imports may become unused
    feed_dicts: dict = field(default_factory=dict)  # name -> {placeholder: value} bound in the block
    trainings: dict = field(default_factory=dict)  # train op name -> Training
    frozen: set = field(default_factory=set)  # variables created with trainable=False
    inner_feeds: list = field(default_factory=list)  # feed dict displays inside loops (keys renamed)
    # the statements of the enclosing suite the TF2 code replaces: [root] for a with-block; for a
    # region (a graph built on the default graph in a function or module body), root and the
    # statements after it, up to the export and the last later use of the session or graph values
    region: list = field(default_factory=list)
    inlined: list = field(default_factory=list)  # helper FunctionDefs whose statements the block took in
    # calls of other modules' helpers the block inlined (package.py): their key (`model.inference`) -> count
    foreign: dict = field(default_factory=dict)
    # tf.data pipelines: dataset and iterator names, and each name bound by `it.get_next()` ->
    # (iterator, the names of the whole element in order, whether the element is bound to one name)
    datasets: set = field(default_factory=set)
    iterators: set = field(default_factory=set)
    pipeline: dict = field(default_factory=dict)
    pulled: set = field(default_factory=set)  # iterators whose get_next() the block has read
    sig_map_kept: str | None = None  # a signature_def_map variable whose keys are read after the export

    def __post_init__(self) -> None:
        if not self.region:
            self.region = [self.root]

    @property
    def is_region(self) -> bool:
        return not isinstance(self.root, cst.With) or len(self.region) > 1


def _is_tf_call(node, cm, rel: str) -> TypeGuard[cst.Call]:  # narrows `node` (the first argument)
    return _call_rel(cm, node) == rel


def _as_default_of(expr: cst.BaseExpression) -> cst.BaseExpression | None:
    """`X` of `X.as_default()`."""
    if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "as_default":
        return expr.func.value
    return None


def _graph_ctx(cm, expr, graph_name) -> bool:
    """`tf.Graph().as_default()` or `<graph>.as_default()` for the block's graph variable."""
    base = _as_default_of(expr)
    if base is None:
        return False
    if _is_tf_call(base, cm, T.GRAPH) and not base.args:
        return True
    return isinstance(base, cst.Name) and base.value == graph_name


def _session_ctx(cm, expr, graph_name) -> bool:
    """`tf.Session(graph=..., config=...)`, also as `tf.Session(...).as_default()`."""
    inner = _as_default_of(expr)
    if inner is not None and _call_rel(cm, inner) == T.SESSION:
        expr = inner
    if _call_rel(cm, expr) not in T.SESSIONS:
        return False
    for arg in expr.args:
        if arg.star or (arg.keyword and arg.keyword.value not in ("graph", "config")) or not arg.keyword:
            return False
        if arg.keyword.value == "graph":
            value = arg.value
            ok = (_call_rel(cm, value) == T.GRAPH and not value.args) or (
                isinstance(value, cst.Name) and value.value == graph_name
            )
            if not ok:
                return False
    return True


def _graph_binding(cm, suite: Sequence[cst.BaseStatement], index: int) -> tuple[str | None, cst.BaseStatement | None]:
    """The `graph = tf.Graph()` statement right before `suite[index]` (only blank/other lines between)."""
    for stmt in reversed(suite[:index]):
        if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 and isinstance(stmt.body[0], cst.Assign):
            assign = stmt.body[0]
            if (
                len(assign.targets) == 1
                and isinstance(assign.targets[0].target, cst.Name)
                and _is_tf_call(assign.value, cm, T.GRAPH)
                and not assign.value.args
            ):
                return assign.targets[0].target.value, stmt
        return None, None
    return None, None


def block_root(cm, suite: Sequence[cst.BaseStatement], index: int) -> Block | None:
    """A Block when `suite[index]` is a with-statement made only of graph/session contexts."""
    stmt = suite[index]
    if not isinstance(stmt, cst.With):
        return None
    graph_name, graph_stmt = _graph_binding(cm, suite, index)
    as_graph = None  # `with tf.Graph().as_default() as g, tf.Session(graph=g) as sess:`
    for item in stmt.items:
        if _graph_ctx(cm, item.item, graph_name):
            if item.asname is not None and isinstance(item.asname.name, cst.Name) and graph_name is None:
                as_graph = item.asname.name.value
            continue
        if not (_session_ctx(cm, item.item, graph_name) or (as_graph and _session_ctx(cm, item.item, as_graph))):
            return None
    uses_graph = graph_name is not None and any(
        _graph_ctx(cm, item.item, graph_name) and not _call_rel(cm, _as_default_of(item.item)) for item in stmt.items
    )
    if not uses_graph:
        return Block(stmt, None)
    return Block(stmt, graph_stmt, graph_name)
