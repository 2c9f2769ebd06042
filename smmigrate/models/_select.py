"""Choosing what a pruned function computes: closure checks, discovery of feeds and fetches, names.

`check_closure` walks back from the fetches to the feeds and names the first unfed placeholder or
every variable without a value that the function would need (TF's own pruning reports neither
clearly, and an unrestored resource variable would read as an empty tensor). `discover` picks
sink outputs and the placeholders they need when a graph has neither signatures nor names given,
skipping bookkeeping (saver, init, training updates, gradients). Functions take the WrappedGraph.
"""

from __future__ import annotations

import re

from .. import _proto
from .._tf import import_tensorflow
from ..errors import SmmigrateError

tf = import_tensorflow()


def kwarg_name(tensor_name: str, taken: set) -> str:
    """A keyword-argument / output key for a tensor: 'dense/x:1' -> 'dense_x_1', unique in `taken`."""
    op, _, index = _proto.tensor_name(tensor_name).rpartition(":")
    idx = int(index) if index.isdigit() else 0
    base = re.sub(r"[^A-Za-z0-9_]", "_", op)
    if idx > 0:
        base += f"_{idx}"
    if not base or base[0].isdigit():
        base = "_" + base
    name, n = base, 1
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


def check_closure(w, feeds, fetches, label: str) -> None:
    """Fail with a precise message if a fetch needs an unfed placeholder."""
    fed = {t.op.name for t in feeds}
    captures = {id(c) for c in w.graph.internal_captures}
    seen, stack, missing = set(), [t.op for t in fetches], []
    while stack:
        op = stack.pop()
        if op.name in seen or op.name in fed:
            continue
        seen.add(op.name)
        if op.name in w._missing:
            missing.append(op.name)
            continue
        if op.type == "Placeholder" and not any(id(o) in captures for o in op.outputs):
            raise SmmigrateError(
                f"{w.source.path}: {label} needs placeholder {op.name}:0, which is not fed; "
                f"add it to the feeds (--feeds {op.name}:0) or fetch something that does not need it"
            )
        stack.extend(t.op for t in op.inputs)
        stack.extend(op.control_inputs)
    if missing:
        hint = (
            "not in the checkpoint and not set by the graph's init op"
            if w._restored
            else "no checkpoint was given or found beside the graph"
        )
        raise SmmigrateError(
            f"{w.source.path}: {label} reads variable(s) {', '.join(sorted(missing))}, which have no value "
            f"({hint}); pass the checkpoint saved with this graph"
        )


def discover(w) -> tuple[list[str], list[str]]:
    """Without signatures or names: sink outputs as fetches, the placeholders they need as feeds."""
    book = set()
    roots = list(w._init_op_names())
    if w._meta.HasField("saver_def"):
        roots += [w._meta.saver_def.restore_op_name, w._meta.saver_def.save_tensor_name]
    for vdef in w._variable_defs() + w._variable_defs("local_variables"):
        roots += [vdef.initializer_name, vdef.snapshot_name]
    # Everything feeding a state update (training step, init, save/restore) is bookkeeping.
    updates = ("Apply", "ResourceApply", "Assign", "Scatter", "ResourceScatter", "Save", "Restore", "MergeV2")
    roots += [op.name for op in w.graph.get_operations() if op.type == "NoOp" or op.type.startswith(updates)]
    stack = [_proto.op_name(r) for r in roots if r]
    while stack:
        name = stack.pop()
        if name in book:
            continue
        book.add(name)
        try:
            op = w.graph.get_operation_by_name(name)
        except (KeyError, ValueError):
            continue
        stack.extend(t.op.name for t in op.inputs)
        stack.extend(o.name for o in op.control_inputs)
    consumed: set[str] = set()
    for op in w.graph.get_operations():
        consumed.update(t.op.name for t in op.inputs)
        consumed.update(o.name for o in op.control_inputs)
    skip_types = {
        "Const",
        "Placeholder",
        "PlaceholderWithDefault",
        "NoOp",
        "VarIsInitializedOp",
        "IsVariableInitialized",
        "ReadVariableOp",
        "Shape",
        "ShapeN",
        "Size",
        "Rank",
    }
    captures = {id(c) for c in w.graph.internal_captures}
    fetches = []
    for op in w.graph.get_operations():
        if (
            op.name in book
            or op.name in consumed
            or op.type in skip_types
            or not op.outputs
            or op.name.startswith(("smmigrate_", "gradients/"))
            or re.match(r"save(_\d+)?/", op.name)
            or any(id(o) in captures for o in op.outputs)
        ):
            continue
        if _has_side_effects(op, updates):
            continue  # e.g. an Identity after a SaveV2: running it would write a checkpoint
        fetches += [t.name for t in op.outputs if t.dtype != tf.resource]
    if not fetches:
        raise SmmigrateError(f"{w.source.path}: graph has no signatures and no output could be found; pass --fetches")
    needed = placeholders_needed(w, [w.graph.get_tensor_by_name(f) for f in fetches])
    feeds = sorted(needed)
    note = f"no signatures in the graph: chose feeds {', '.join(feeds) or '(none)'} and fetches {', '.join(fetches)}"
    if note not in w.notes:  # discover() runs again when the graph is re-imported
        w.notes.append(note)
    return feeds, fetches


def _has_side_effects(op, updates) -> bool:
    """Does computing `op` run an op that writes state (save, assign, training update)?"""
    seen, stack = set(), [op]
    while stack:
        cur = stack.pop()
        if cur.name in seen:
            continue
        seen.add(cur.name)
        if cur.type.startswith(updates):
            return True
        stack.extend(t.op for t in cur.inputs)
        stack.extend(cur.control_inputs)
    return False


def placeholders_needed(w, fetches) -> list[str]:
    """Names of the (non-variable) placeholders the fetch tensors depend on."""
    captures_ops = {c.op.name for c in w.graph.internal_captures}
    out, seen = [], set()
    stack = [t.op for t in fetches]
    while stack:
        op = stack.pop()
        if op.name in seen:
            continue
        seen.add(op.name)
        if op.type == "Placeholder" and op.name not in captures_ops and op.name not in w._vars:
            out.append(f"{op.name}:0")
        stack.extend(t.op for t in op.inputs)
        stack.extend(op.control_inputs)
    return sorted(out)
