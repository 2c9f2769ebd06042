"""Checkpoints for the graph adapter: finding them, matching them to a graph, restoring without a saver.

`resolve_checkpoint(path)` turns a prefix, an `.index`/`.data-*`/`.meta` path, a V1 file or shard,
or a folder with a `checkpoint` state file (whose recorded paths may be absolute paths from another
machine) into a prefix or file pattern that `RestoreV2` reads; V2 and V1 (single and sharded)
checkpoints both work because `RestoreV2` falls back to the V1 reader. `restore_plan(...)` lists
which checkpoint key (and slice) feeds which variable, read statically from the graph's own saver
restore subgraph, or from the variables' names and partition info when the graph has no saver;
`check_plan` compares it with the checkpoint's keys, shapes and dtypes so a mismatch is a one-line
error before anything runs.
"""

from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import _proto
from ..errors import SmmigrateError
from ._graphio import input_parts

if TYPE_CHECKING:
    from ._graphio import GraphSource

_SHARD = re.compile(r"^(?P<base>.*)-(?P<i>\d{5})-of-(?P<n>\d{5})$")
_DATA = re.compile(r"^(?P<base>.*)\.data-\d{5}-of-\d{5}$")


@dataclass
class RestoreItem:
    variable: str  # variable node name in the graph
    key: str  # checkpoint key
    slice_spec: str  # "" or "full_shape offset,len:offset,len"
    dtype: int  # DataType enum


def _read_state_file(folder: Path) -> Path | None:
    state = folder / "checkpoint"
    if not state.is_file():
        return None
    from google.protobuf import text_format
    from tensorflow.python.training import checkpoint_state_pb2

    msg = checkpoint_state_pb2.CheckpointState()
    try:
        text_format.Parse(state.read_text(), msg)
    except Exception:  # noqa: BLE001 - any parse failure is the same user error
        raise SmmigrateError(
            f"{state}: not a valid checkpoint state file; pass the checkpoint prefix instead"
        ) from None
    if not msg.model_checkpoint_path:
        raise SmmigrateError(f"{state}: names no checkpoint; pass the checkpoint prefix instead")
    recorded = Path(msg.model_checkpoint_path)
    if not recorded.is_absolute():
        return folder / recorded
    # Written on another machine (e.g. /tmp/model/export): trust only the file name, here.
    if _exists_as_checkpoint(recorded) and recorded.parent.resolve() == folder.resolve():
        return recorded
    return folder / recorded.name


def _exists_as_checkpoint(prefix: Path) -> bool:
    return (
        Path(f"{prefix}.index").is_file()
        or prefix.is_file()
        or bool(glob.glob(glob.escape(str(prefix)) + "-?????-of-?????"))
    )


def resolve_checkpoint(path) -> str:
    """Return a prefix (V2) or file pattern (V1) for `path`; raise SmmigrateError if none is there."""
    original = Path(path)
    p = original
    if p.is_dir():
        found = _read_state_file(p)
        if found is None:
            if (p / "variables" / "variables.index").is_file():
                found = p / "variables" / "variables"
            else:
                indexes = sorted(p.glob("*.index"))
                if len(indexes) == 1:
                    found = indexes[0].with_suffix("")
                else:
                    what = "several checkpoints" if indexes else "no checkpoint"
                    raise SmmigrateError(
                        f"{p}: folder holds {what} and no 'checkpoint' state file; pass the checkpoint prefix"
                    )
        p = found
    name = p.name
    for suffix in (".index", ".meta"):
        if name.endswith(suffix):
            p = p.with_name(name[: -len(suffix)])
    m = _DATA.match(p.name)
    if m:
        p = p.with_name(m.group("base"))
    if Path(f"{p}.index").is_file():
        return os.fspath(p)
    m = _SHARD.match(p.name)
    if m and p.is_file():  # one shard of a sharded V1 checkpoint
        return os.fspath(p.with_name(f"{m.group('base')}-?????-of-{m.group('n')}"))
    if p.is_file():  # single-file V1 checkpoint
        return os.fspath(p)
    shards = sorted(glob.glob(glob.escape(str(p)) + "-?????-of-?????"))
    if shards:
        match = _SHARD.match(Path(shards[0]).name)
        assert match is not None  # the glob above only finds names the pattern matches
        n = match.group("n")
        return os.fspath(p) + f"-?????-of-{n}"
    raise SmmigrateError(
        f"{original}: no checkpoint there (looked for {p}.index, a V1 file {p} and shards {p}-?????-of-?????); "
        "pass the checkpoint prefix, its .index file or its folder"
    )


def default_checkpoint(source: GraphSource) -> str | None:
    """The checkpoint that belongs to a graph on disk when none is named, or None."""
    if source.kind == "graph_def" or str(source.path) == "<memory>":
        return None
    if source.export_dir is not None:
        v = source.export_dir / "variables" / "variables"
        index = Path(f"{v}.index")
        if index.is_file():
            return resolve_checkpoint(v)
        if index.exists() or index.is_symlink():  # a folder, a broken symlink
            raise SmmigrateError(f"{index}: not a readable file; copy the export's variables/ folder again")
        return None
    p = source.path
    candidates = [p.with_suffix("")] if p.suffix == ".meta" else []
    candidates.append(p.parent)
    for c in candidates:
        try:
            return resolve_checkpoint(c)
        except SmmigrateError:
            continue
    return None


def open_reader(tf, prefix: str):
    try:
        return tf.train.load_checkpoint(prefix)
    except Exception as exc:  # noqa: BLE001 - TF raises several types for unreadable data
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SmmigrateError(
            f"{prefix}: checkpoint cannot be read ({first[:200]}); the files may be truncated — "
            "copy them again or re-save the checkpoint"
        ) from None


def _const_strings(node):
    from tensorflow.python.framework import tensor_util

    arr = tensor_util.MakeNdarray(node.attr["value"].tensor)
    return [s.decode() if isinstance(s, bytes) else str(s) for s in arr.reshape(-1).tolist()]


def plan_from_saver(graph_def, restore_op_name: str) -> list[RestoreItem]:
    """Read the saver's restore subgraph: which Restore output is assigned to which variable.

    Works on the original (reference-variable) GraphDef. Anything it cannot follow is simply not
    listed; the restore op itself still runs, this only feeds the up-front checks.
    """
    nodes = {n.name: n for n in graph_def.node}

    # Nodes reachable from the restore op (data and control), i.e. the restore closure.
    seen, stack = set(), [restore_op_name]
    while stack:
        name = stack.pop()
        if name in seen or name not in nodes:
            continue
        seen.add(name)
        stack.extend(input_parts(i)[0] for i in nodes[name].input)
    items = []
    for name in seen:
        node = nodes[name]
        if node.op not in ("Assign", "AssignVariableOp"):
            continue
        var, _ = input_parts(node.input[0])
        src, idx = input_parts(node.input[1])
        while src in nodes and nodes[src].op == "Identity":
            src, idx = input_parts(nodes[src].input[0])
        restore = nodes.get(src)
        if restore is None or var not in nodes:
            continue
        if restore.op in ("RestoreV2", "RestoreSlice"):
            names_node = nodes.get(input_parts(restore.input[1])[0])
            slices_node = nodes.get(input_parts(restore.input[2])[0])
            if not names_node or names_node.op != "Const" or not slices_node or slices_node.op != "Const":
                continue
            keys, slices = _const_strings(names_node), _const_strings(slices_node)
            i = idx if restore.op == "RestoreV2" else 0
            if i < len(keys):
                items.append(
                    RestoreItem(var, keys[i], slices[i] if i < len(slices) else "", nodes[var].attr["dtype"].type)
                )
    items.sort(key=lambda it: it.variable)
    return items


_RESTORE_SUBGRAPH_OPS = {
    "NoOp",
    "Const",
    "Identity",
    "RestoreV2",
    "RestoreSlice",
    "Assign",
    "AssignVariableOp",
    "Variable",
    "VariableV2",
    "VarHandleOp",
    "Placeholder",
    "PlaceholderWithDefault",
}


def plan_is_complete(graph_def, restore_op_name: str, filename_tensor: str, items) -> bool:
    """True when running `items` eagerly does exactly what the saver's restore op does.

    That is: the restore closure holds only restore ops reading the filename tensor, one
    assignment per planned item, and constants/no-ops; anything else (custom ops, renamed
    prefixes, several filename inputs) sends the caller to the graph's own restore op.
    """
    nodes = {n.name: n for n in graph_def.node}
    filename_op = _proto.op_name(filename_tensor)
    seen, stack, assigns = set(), [restore_op_name], 0
    while stack:
        name = _proto.op_name(stack.pop())
        if name in seen:
            continue
        seen.add(name)
        node = nodes.get(name)
        if node is None:
            return False
        if name == filename_op:
            continue
        if node.op not in _RESTORE_SUBGRAPH_OPS:
            return False
        if node.op in ("Assign", "AssignVariableOp"):
            assigns += 1
        if node.op in ("RestoreV2", "RestoreSlice"):
            src = _proto.op_name(node.input[0])
            while src in nodes and nodes[src].op == "Identity" and src != filename_op:
                src = _proto.op_name(nodes[src].input[0])
            if src != filename_op:
                return False
        if node.op in ("Placeholder", "PlaceholderWithDefault") and name != filename_op:
            return False
        stack.extend(node.input)
    return assigns == len(items) and len({it.variable for it in items}) == len(items)


def plan_from_names(variables, variable_defs) -> list[RestoreItem]:
    """Without a saver: a variable's key is its name, or its partitioned parent's with a slice."""
    slice_info = {}
    for vdef in variable_defs:
        op = _proto.op_name(vdef.variable_name)
        info = vdef.save_slice_info_def
        if info.full_name:
            full = " ".join(str(d) for d in info.full_shape)
            spec = ":".join(f"{o},{n}" for o, n in zip(info.var_offset, info.var_shape, strict=False))
            slice_info[op] = (info.full_name, f"{full} {spec}")
    items = []
    for name, var in variables.items():
        key, spec = slice_info.get(name, (name, ""))
        items.append(RestoreItem(name, key, spec, var.dtype))
    return items


def check_plan(items, variables, reader, ckpt: str, graph_path) -> None:
    """Raise SmmigrateError when the checkpoint cannot feed the planned variables."""
    shapes = reader.get_variable_to_shape_map()
    dtypes = reader.get_variable_to_dtype_map()
    if items and not any(it.key in shapes for it in items):
        sample = ", ".join(sorted(shapes)[:5]) or "nothing"
        raise SmmigrateError(
            f"{ckpt}: checkpoint does not match graph {graph_path} (it holds {sample}; the graph restores "
            f"{', '.join(sorted({it.key for it in items})[:5])}); pass the checkpoint saved with this graph"
        )
    for it in items:
        if it.key not in shapes:
            raise SmmigrateError(
                f"{ckpt}: variable {it.variable} (checkpoint key {it.key!r}) is missing from the checkpoint; "
                "pass the checkpoint saved with this graph"
            )
        var = variables.get(it.variable)
        if var is None:
            continue
        if dtypes[it.key].as_datatype_enum != it.dtype:
            raise SmmigrateError(
                f"{ckpt}: variable {it.variable} has dtype {dtypes[it.key].name} in the checkpoint but "
                f"{_dtype_name(it.dtype)} in the graph; pass the checkpoint saved with this graph"
            )
        if it.slice_spec:
            full = [int(d) for d in it.slice_spec.split(" ")[:-1]]
            if list(shapes[it.key]) != full:
                raise SmmigrateError(
                    f"{ckpt}: variable {it.key} has shape {list(shapes[it.key])} in the checkpoint but "
                    f"{full} in the graph; pass the checkpoint saved with this graph"
                )
            continue
        graph_shape = _shape_list(var.shape)
        if graph_shape is not None and list(shapes[it.key]) != graph_shape:
            raise SmmigrateError(
                f"{ckpt}: variable {it.variable} has shape {list(shapes[it.key])} in the checkpoint but "
                f"{graph_shape} in the graph; pass the checkpoint saved with this graph"
            )


def _shape_list(shape_proto):
    if shape_proto.unknown_rank:
        return None
    dims = [d.size for d in shape_proto.dim]
    return None if any(d < 0 for d in dims) else dims


def _dtype_name(enum):
    from tensorflow.python.framework import dtypes

    return dtypes.as_dtype(enum).name
