"""`smmigrate inspect`: what a SavedModel, MetaGraphDef or GraphDef is, read from its protobufs only.

`inspect(path)` returns a JSON-ready dict: the format (TF1 graph-only SavedModel, TF2 object-graph
SavedModel, MetaGraphDef, frozen GraphDef), the TensorFlow version that wrote it, and per MetaGraph
the tags, signatures (method name, inputs/outputs with dtype, shape and tensor name), variables
(count, bytes, reference vs resource and whether they are trainable after a TF2 load), assets, init
ops, device pins and what smmigrate can do with it. `format_report(info)` renders it for people.
Nothing here imports TensorFlow: `smmigrate._proto` reads the schemas from the installed package,
so `smmigrate inspect` starts in well under a second.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import _proto
from .errors import SmmigrateError

_REF_VARIABLE_OPS = {"VariableV2", "Variable", "TemporaryVariable"}
_RESOURCE_VARIABLE_OPS = {"VarHandleOp"}
# Collections through which TF1 exports name their initialization ops.
_INIT_COLLECTIONS = ("saved_model_main_op", "main_op", "legacy_init_op", "table_initializer", "serving_init_op")
_ASSET_COLLECTIONS = ("saved_model_assets", "serving_assets")


def inspect(path, *, tags=None) -> dict:
    """Describe the model at `path` (SavedModel folder, or a graph file detected by content)."""
    path = Path(path)
    s = _proto.schema()
    if path.is_dir():
        sm_file = _proto.read_saved_model(path)
        info: dict[str, Any] = {
            "path": str(path),
            "kind": "saved_model",
            "file": sm_file.path.name,
            "encoding": "text" if sm_file.text else "binary",
            "saved_model_schema_version": int(sm_file.proto.saved_model_schema_version),
            "notes": [],
        }
        if sm_file.also_text:
            info["notes"].append("both saved_model.pb and saved_model.pbtxt exist; TensorFlow loads saved_model.pb")
        info["fingerprint"] = (path / _proto.FINGERPRINT_PB).exists()
        info["variables_folder"] = (path / "variables").is_dir()
        graphs = list(sm_file.proto.meta_graphs)
        if tags:
            graphs = [_proto.select_meta_graph(sm_file.proto, _proto.parse_tags(tags), str(sm_file.path))]
        info["meta_graphs"] = [_describe_meta_graph(mg, s, export_dir=path) for mg in graphs]
    elif path.is_file():
        kind, msg, text = _proto.read_graph_file(path)
        info = {
            "path": str(path),
            "kind": kind,
            "file": path.name,
            "encoding": "text" if text else "binary",
            "notes": [],
        }
        if kind == "saved_model":
            info["saved_model_schema_version"] = int(msg.saved_model_schema_version)
            graphs = list(msg.meta_graphs)
            if tags:
                graphs = [_proto.select_meta_graph(msg, _proto.parse_tags(tags), str(path))]
            info["meta_graphs"] = [_describe_meta_graph(mg, s, export_dir=path.parent) for mg in graphs]
        elif kind == "meta_graph":
            info["meta_graphs"] = [_describe_meta_graph(msg, s, export_dir=None)]
        else:
            info["meta_graphs"] = [_describe_graph_def(msg, s)]
    elif path.is_symlink():
        raise SmmigrateError(
            f"{path}: a broken symlink (dangling or a loop); point it at the model or pass the model itself"
        )
    else:
        raise SmmigrateError(
            f"{path}: no such file or folder; give a SavedModel folder or a .pb/.pbtxt/.meta graph file"
        )
    info["format"] = _overall_format(info)
    info["advice"] = _advice(info)
    return info


# ---------------------------------------------------------------------------------------------
# Describing the pieces


_shape = _proto.shape_dims  # TensorShapeProto -> list of ints (-1 unknown) or None for unknown rank


def _tensor_info(ti, s) -> dict:
    out = {"dtype": s.dtype_name(ti.dtype) if ti.dtype else "unknown", "shape": _shape(ti.tensor_shape)}
    encoding = ti.WhichOneof("encoding")
    if encoding == "name":
        out["name"] = ti.name
    elif encoding == "coo_sparse":
        out["name"] = (
            f"sparse({ti.coo_sparse.values_tensor_name}, {ti.coo_sparse.indices_tensor_name}, "
            f"{ti.coo_sparse.dense_shape_tensor_name})"
        )
    elif encoding == "composite_tensor":
        out["name"] = "composite tensor"
    return out


def _signatures(mg, s) -> dict:
    sigs = {}
    for key in sorted(mg.signature_def):
        sig = mg.signature_def[key]
        entry = {
            "method_name": sig.method_name,
            "inputs": {k: _tensor_info(sig.inputs[k], s) for k in sorted(sig.inputs)},
            "outputs": {k: _tensor_info(sig.outputs[k], s) for k in sorted(sig.outputs)},
        }
        if not key.startswith("__"):
            inferred = _proto.infer_method_name(sig, s)
            if inferred and inferred[0] != sig.method_name:
                entry["looks_like"] = inferred[0]
        sigs[key] = entry
    return sigs


def _size(shape: list | None, itemsize: int | None) -> int | None:
    if shape is None or itemsize is None or any(d < 0 for d in shape):
        return None
    n = itemsize
    for d in shape:
        n *= d
    return n


def _collection_variable_names(mg, s, key: str) -> set:
    col = mg.collection_def.get(key)
    names: set[str] = set()
    if col is None or col.WhichOneof("kind") != "bytes_list":
        return names
    for raw in col.bytes_list.value:
        vd = s.VariableDef()
        try:
            vd.ParseFromString(raw)
        except Exception:  # noqa: BLE001 - a malformed entry only loses the trainable flag
            continue
        names.add(_proto.op_name(vd.variable_name))
    return names


def _variables_from_graph(mg_graph, s, trainable_names: set | None) -> list:
    items = []
    for node in mg_graph.node:
        if node.op in _REF_VARIABLE_OPS:
            kind = "reference"
        elif node.op in _RESOURCE_VARIABLE_OPS:
            kind = "resource"
        else:
            continue
        dtype_attr = node.attr.get("dtype")
        shape_attr = node.attr.get("shape")
        dtype = dtype_attr.type if dtype_attr is not None else 0
        shape = _shape(shape_attr.shape) if shape_attr is not None else None
        if kind == "reference":
            # load_v1_in_v2 cannot lift reference variables: no tf.Variable, nothing trainable.
            trainable: bool | None = False
        else:
            trainable = node.name in trainable_names if trainable_names is not None else None
        items.append(
            {
                "name": node.name,
                "kind": kind,
                "dtype": s.dtype_name(dtype) if dtype else "unknown",
                "shape": shape,
                "bytes": _size(shape, s.dtype_size(dtype)) if dtype else None,
                "trainable_after_tf2_load": trainable,
                "device": node.device or None,
            }
        )
    return items


def _variables_from_object_graph(mg, s) -> list:
    items = []
    for node in mg.object_graph_def.nodes:
        if node.WhichOneof("kind") != "variable":
            continue
        v = node.variable
        shape = _shape(v.shape)
        items.append(
            {
                "name": v.name,
                "kind": "resource",
                "dtype": s.dtype_name(v.dtype),
                "shape": shape,
                "bytes": _size(shape, s.dtype_size(v.dtype)),
                "trainable_after_tf2_load": bool(v.trainable),
                "device": v.device or None,
            }
        )
    return items


def _summarise_variables(items: list) -> dict:
    sizes = [v["bytes"] for v in items]
    return {
        "count": len(items),
        "total_bytes": sum(b for b in sizes if b is not None),
        "unknown_size": sum(1 for b in sizes if b is None),
        "reference": sum(1 for v in items if v["kind"] == "reference"),
        "resource": sum(1 for v in items if v["kind"] == "resource"),
        "trainable_after_tf2_load": sum(1 for v in items if v["trainable_after_tf2_load"]),
        "items": items,
    }


def _assets(mg, s, export_dir: Path | None) -> list:
    seen = {}
    for a in mg.asset_file_def:
        seen[a.filename] = a.tensor_info.name or None
    for key in _ASSET_COLLECTIONS:
        col = mg.collection_def.get(key)
        if col is None or col.WhichOneof("kind") != "any_list":
            continue
        for anyv in col.any_list.value:
            a = s.AssetFileDef()
            try:
                a.ParseFromString(anyv.value)
            except Exception:  # noqa: BLE001 - not an AssetFileDef: nothing to report
                continue
            seen.setdefault(a.filename, a.tensor_info.name or None)
    out = []
    for filename in sorted(seen):
        entry = {"filename": filename, "tensor": seen[filename]}
        if export_dir is not None and (export_dir / "assets").is_dir():
            entry["present"] = (export_dir / "assets" / filename).exists()
        out.append(entry)
    return out


def _init_ops(mg) -> list:
    ops = []
    if "__saved_model_init_op" in mg.signature_def:
        for t in mg.signature_def["__saved_model_init_op"].outputs.values():
            ops.append(f"signature __saved_model_init_op: {t.name}")
    for key in _INIT_COLLECTIONS:
        col = mg.collection_def.get(key)
        if col is None or col.WhichOneof("kind") != "node_list":
            continue
        for name in col.node_list.value:
            ops.append(f"collection {key}: {name}")
    return ops


def _devices(graph) -> list:
    devices = {n.device for n in graph.node if n.device}
    for f in graph.library.function:
        devices.update(n.device for n in f.node_def if n.device)
    return sorted(devices)


def _parse_examples(graph) -> int:
    ops = ("ParseExample", "ParseExampleV2", "ParseSingleExample")
    count = sum(1 for n in graph.node if n.op in ops)
    for f in graph.library.function:
        count += sum(1 for n in f.node_def if n.op in ops)
    return count


# ---------------------------------------------------------------------------------------------
# Will TF 2.21's tf.saved_model.load accept it?  (load_v1_in_v2, predicted from the protobufs)

# Ops whose output 0 is a reference tensor: a signature fetching one fails TF2's load ("has a
# reference type"), while a TF1 Session returned the variable's value.
_REF_OUTPUT_OPS = {
    "Variable",
    "VariableV2",
    "TemporaryVariable",
    "Assign",
    "AssignAdd",
    "AssignSub",
    "RefIdentity",
    "RefSwitch",
    "RefMerge",
    "RefEnter",
    "RefExit",
    "RefNextIteration",
}
_TENSOR_SCATTER_OPS = {"ScatterNd", "ScatterNdNonAliasingAdd"}  # these return a new tensor
# The init ops load_v1_in_v2 runs (loader_impl.get_init_op): a name the graph lacks fails the load.
_LOADER_INIT_COLLECTIONS = ("saved_model_main_op", "legacy_init_op")
# Ops whose declared output shape and dtype sit in their own attributes.
# Ops whose output 0 has the dtype of their `T` attribute.
_SAME_TYPE_OPS = {
    "Identity",
    "Add",
    "AddV2",
    "Sub",
    "Mul",
    "RealDiv",
    "MatMul",
    "BiasAdd",
    "Relu",
    "Sigmoid",
    "Tanh",
    "Softmax",
    "Reshape",
    "Squeeze",
    "ExpandDims",
}
_DECLARED_SHAPE_OPS = {"Placeholder": ("dtype", "shape"), "PlaceholderWithDefault": ("dtype", "shape")}


_op_name = _proto.op_name


def _output_index(name: str) -> int:
    try:
        return max(_proto.input_parts(name)[1], 0)
    except ValueError:  # a malformed index: not a tensor the loader could find either
        return -1


def _has_ref_output(node) -> bool:
    op = node.op
    if op in _REF_OUTPUT_OPS:
        return True
    if op.startswith("Scatter") and op not in _TENSOR_SCATTER_OPS:
        return True
    return op.startswith("Apply")  # ApplyGradientDescent, ApplyAdam, ...: out is Ref(T)


def _shapes_compatible(a: list | None, b: list | None) -> bool:
    if a is None or b is None:
        return True
    if len(a) != len(b):
        return False
    return all(x < 0 or y < 0 or x == y for x, y in zip(a, b, strict=True))


def _declared(node, s) -> tuple[str | None, list | None]:
    """(dtype name, shape) a node declares for its output 0, as far as its attributes say."""
    attrs = _DECLARED_SHAPE_OPS.get(node.op)
    dtype = shape = None
    if attrs is not None:
        if attrs[0] in node.attr:
            dtype = s.dtype_name(node.attr[attrs[0]].type)
        if attrs[1] in node.attr:
            shape = _shape(node.attr[attrs[1]].shape)
    elif node.op in _SAME_TYPE_OPS and "T" in node.attr:
        dtype = s.dtype_name(node.attr["T"].type)
    elif node.op == "Const" and "value" in node.attr:
        dtype = s.dtype_name(node.attr["value"].tensor.dtype)
        shape = _shape(node.attr["value"].tensor.tensor_shape)
    return dtype, shape


def _tf2_load(mg, s) -> dict:
    """Predict `tf.saved_model.load` (TF 2.21) on a TF1 MetaGraph: refusals, and metadata it ignores.

    `refusals` are what makes the load fail: a signature naming a tensor the graph lacks or a
    reference-typed output, an init op (main op / legacy init op) the graph lacks, a node whose
    recorded `_output_shapes` contradicts the shape it declares (checked for placeholders and
    constants), a recorded TensorFlow version the loader cannot parse. `mismatches` are
    SignatureDef TensorInfos that disagree with the graph: the loader builds the signatures from
    the graph, so it accepts them, but clients reading the metadata are misled; `upgrade` and
    `wrap-metagraph` correct them.
    """
    nodes = {n.name: n for n in mg.graph_def.node}
    refusals: list[str] = []
    mismatches: list[str] = []
    for key in sorted(mg.signature_def):
        sig = mg.signature_def[key]
        for kind, infos in (("input", sig.inputs), ("output", sig.outputs)):
            for name in sorted(infos):
                info = infos[name]
                if info.WhichOneof("encoding") != "name":
                    continue
                node = nodes.get(_op_name(info.name))
                where = f"signature {key} {kind} {name} ({info.name})"
                if _output_index(info.name) < 0:
                    refusals.append(f"{where} is not a tensor name (op:index)")
                    continue
                if node is None:
                    refusals.append(f"{where} names a tensor the graph lacks")
                    continue
                if kind == "output" and _output_index(info.name) == 0 and _has_ref_output(node):
                    refusals.append(f"{where} is a reference tensor ({node.op}), which TF2 functions cannot return")
                    continue
                if _output_index(info.name) != 0:
                    continue
                dtype, shape = _declared(node, s)
                if dtype is None and "_output_shapes" in node.attr and node.attr["_output_shapes"].list.shape:
                    shape = _shape(node.attr["_output_shapes"].list.shape[0])
                recorded_dtype = s.dtype_name(info.dtype) if info.dtype else None
                recorded_shape = _shape(info.tensor_shape)
                wrong = []
                if dtype and recorded_dtype and recorded_dtype.replace("_ref", "") != dtype:
                    wrong.append("dtype")
                if not _shapes_compatible(recorded_shape, shape):
                    wrong.append("rank" if len(recorded_shape or []) != len(shape or []) else "shape")
                if wrong:
                    mismatches.append(
                        f"{where}: recorded {_proto.format_spec(recorded_dtype or '?', recorded_shape)}, "
                        f"the graph has {_proto.format_spec(dtype or '?', shape)} ({' and '.join(wrong)} "
                        f"{'differ' if len(wrong) > 1 else 'differs'})"
                    )
    init_names = []
    if "__saved_model_init_op" in mg.signature_def:
        init_names = [t.name for t in mg.signature_def["__saved_model_init_op"].outputs.values()]
    else:
        for key in _LOADER_INIT_COLLECTIONS:
            col = mg.collection_def.get(key)
            if col is not None and col.WhichOneof("kind") == "node_list" and col.node_list.value:
                init_names = list(col.node_list.value)
                break
    for name in init_names:
        if _op_name(name) not in nodes:
            refusals.append(f"init op {_op_name(name)} is not in the graph")
    for node in mg.graph_def.node:
        if "_output_shapes" not in node.attr or not node.attr["_output_shapes"].list.shape:
            continue
        _, shape = _declared(node, s)
        recorded = _shape(node.attr["_output_shapes"].list.shape[0])
        if not _shapes_compatible(shape, recorded):
            refusals.append(
                f"node {node.name} ({node.op}) declares shape {_proto.format_shape(shape)} but its recorded "
                f"_output_shapes say {_proto.format_shape(recorded)}"
            )
    if not _version_parses(mg.meta_info_def.tensorflow_version or None):
        refusals.append(f"recorded TensorFlow version {mg.meta_info_def.tensorflow_version!r} does not parse")
    return {"accepts": not refusals, "refusals": refusals, "mismatches": mismatches}


def _describe_meta_graph(mg, s, export_dir: Path | None) -> dict:
    tf2 = len(mg.object_graph_def.nodes) > 0
    if tf2:
        variables = _variables_from_object_graph(mg, s)
    else:
        variables = _variables_from_graph(mg.graph_def, s, _collection_variable_names(mg, s, "trainable_variables"))
    info = mg.meta_info_def
    return {
        "tags": sorted(info.tags),
        "graph_format": "tf2_object_graph" if tf2 else "tf1_graph",
        "tensorflow_version": info.tensorflow_version or None,
        "tensorflow_git_version": info.tensorflow_git_version or None,
        "signatures": _signatures(mg, s),
        "variables": _summarise_variables(variables),
        "assets": _assets(mg, s, export_dir),
        "init_ops": _init_ops(mg),
        "devices": _devices(mg.graph_def),
        "has_saver": mg.HasField("saver_def"),
        "nodes": len(mg.graph_def.node),
        "functions": len(mg.graph_def.library.function),
        "parse_example_ops": _parse_examples(mg.graph_def),
        "tf2_load": {"accepts": True, "refusals": [], "mismatches": []} if tf2 else _tf2_load(mg, s),
    }


def _describe_graph_def(graph, s) -> dict:
    variables = _variables_from_graph(graph, s, None)
    return {
        "tags": [],
        "graph_format": "graph_def",
        "tensorflow_version": None,
        "tensorflow_git_version": None,
        "producer": int(graph.versions.producer) if graph.HasField("versions") else None,
        "signatures": {},
        "variables": _summarise_variables(variables),
        "assets": [],
        "init_ops": [],
        "devices": _devices(graph),
        "has_saver": False,
        "nodes": len(graph.node),
        "functions": len(graph.library.function),
        "parse_example_ops": _parse_examples(graph),
    }


def _overall_format(info: dict) -> str:
    kind = info["kind"]
    graphs = info.get("meta_graphs", [])
    if kind == "graph_def":
        return (
            "frozen GraphDef"
            if graphs and graphs[0]["variables"]["count"] == 0
            else "GraphDef with variables (not frozen)"
        )
    if kind == "meta_graph":
        return "TF1 MetaGraphDef (graph only, no SavedModel)"
    if any(g["graph_format"] == "tf2_object_graph" for g in graphs):
        return "TF2 SavedModel (object graph)"
    return "TF1 SavedModel (graph only)"


def _version_parses(version: str | None) -> bool:
    # TF 2.21's import_meta_graph parses meta_info_def.tensorflow_version with packaging.version;
    # PEP 440 rejects strings like "0.12.head". Checked here without importing packaging at all.
    import re

    if not version:
        return True
    return (
        re.fullmatch(
            r"v?\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?(\+[a-z0-9.]+)?", version.replace("-", ""), re.I
        )
        is not None
    )


def _advice(info: dict) -> list:
    out = []
    path = info["path"]
    for g in info.get("meta_graphs", []):
        v = g["variables"]
        load = g.get("tf2_load")
        if info["kind"] == "saved_model" and load is not None and not load["accepts"]:
            broken = [r for r in load["refusals"] if r.startswith("init op") or "names a tensor" in r]
            if broken:
                out.append(
                    f"TF 2.21's tf.saved_model.load refuses this TF1 SavedModel and no tool can run it "
                    f"({'; '.join(broken)}): re-export it from the training code"
                )
            else:
                out.append(
                    f"TF 2.21's tf.saved_model.load refuses this TF1 SavedModel ({'; '.join(load['refusals'])}); "
                    f"`smmigrate upgrade {path} OUT` writes a TF2 SavedModel that loads (it trusts the graph)"
                )
        elif info["kind"] == "saved_model" and g["graph_format"] == "tf1_graph":
            if v["reference"]:
                out.append(
                    f"TF1 SavedModel with {v['reference']} reference variable(s): tf.saved_model.load works but "
                    "they are not "
                    f"trainable and .variables is empty; `smmigrate upgrade {path} OUT` writes a TF2 SavedModel "
                    "with resource variables"
                )
            else:
                out.append(
                    f"TF1 SavedModel: tf.saved_model.load loads it (TF1-in-TF2); `smmigrate upgrade {path} OUT` "
                    "writes a native TF2 export"
                )
        looks = {k: sig["looks_like"] for k, sig in g["signatures"].items() if "looks_like" in sig}
        if looks:
            names = ", ".join(f"{k} -> {m.rsplit('/', 1)[-1]}" for k, m in sorted(looks.items()))
            out.append(
                f"signatures shaped like classify/regress but not named so ({names}): "
                f"`smmigrate method-names {path} --auto` or `--like ORIGINAL_EXPORT`"
            )
        pinned = [d for d in g["devices"] if "CPU" not in d.upper()]
        if pinned:
            out.append(
                f"ops pinned to {', '.join(pinned)}: importing on a machine without them fails unless devices are "
                "cleared (`smmigrate wrap-metagraph` clears them by default)"
            )
        if not _version_parses(g["tensorflow_version"]):
            out.append(
                f"recorded TensorFlow version {g['tensorflow_version']!r} makes TF 2.x import_meta_graph crash; "
                "`smmigrate wrap-metagraph` imports it"
            )
        if any(a.get("present") is False for a in g["assets"]):
            missing = ", ".join(a["filename"] for a in g["assets"] if a.get("present") is False)
            out.append(f"asset file(s) missing from assets/: {missing}; loading will fail")
    if (
        info["kind"] == "saved_model"
        and info.get("variables_folder") is False
        and any(g["variables"]["count"] for g in info.get("meta_graphs", []))
    ):
        out.append("the graph has variables but there is no variables/ folder: the export is incomplete")
    if info["kind"] == "meta_graph":
        out.append(
            f"`smmigrate wrap-metagraph {path} CHECKPOINT` turns graph + checkpoint into TF2 functions and a "
            "TF2 SavedModel"
        )
    if info["kind"] == "graph_def":
        if info["meta_graphs"][0]["variables"]["count"]:
            out.append(
                f"GraphDef with variables: it needs its checkpoint: `smmigrate wrap-metagraph {path} CHECKPOINT`"
            )
        else:
            out.append(
                f"`smmigrate wrap-metagraph {path}` wraps the frozen graph as TF2 functions (no checkpoint needed)"
            )
    return out


# ---------------------------------------------------------------------------------------------
# Human-readable output


_fmt_shape = _proto.format_shape


def _fmt_bytes(count: int) -> str:
    n = float(count)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{count} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)  # pragma: no cover


def format_report(info: dict, *, show_variables: bool = False) -> str:
    lines = [f"{info['path']}: {info['format']}"]
    lines.append(f"  file: {info['file']} ({info['encoding']})")
    if "saved_model_schema_version" in info:
        lines.append(f"  saved_model_schema_version: {info['saved_model_schema_version']}")
    if "fingerprint" in info:
        lines.append(f"  fingerprint.pb: {'present' if info['fingerprint'] else 'absent'}")
    for note in info["notes"]:
        lines.append(f"  note: {note}")
    for g in info["meta_graphs"]:
        tags = ",".join(g["tags"]) or "(no tags)"
        version = g["tensorflow_version"] or "not recorded"
        lines.append("")
        lines.append(
            f"MetaGraph tags: {tags}   written by TensorFlow {version}   nodes: {g['nodes']}, functions: "
            f"{g['functions']}"
        )
        sigs = g["signatures"]
        lines.append(f"  signatures ({len(sigs)}):" if sigs else "  signatures: none")
        for key, sig in sigs.items():
            extra = f"   (looks like {sig['looks_like'].rsplit('/', 1)[-1]})" if "looks_like" in sig else ""
            lines.append(f"    {key}: {sig['method_name'] or '(no method name)'}{extra}")
            for direction in ("inputs", "outputs"):
                for k, t in sig[direction].items():
                    arrow = "in " if direction == "inputs" else "out"
                    lines.append(
                        f"      {arrow} {k}: {t['dtype']} {_fmt_shape(t['shape'])}  {t.get('name', '')}".rstrip()
                    )
        v = g["variables"]
        size = _fmt_bytes(v["total_bytes"]) + (f" (+{v['unknown_size']} of unknown size)" if v["unknown_size"] else "")
        lines.append(
            f"  variables: {v['count']}, {size}; reference {v['reference']}, resource {v['resource']}; "
            f"trainable after a TF2 load: {v['trainable_after_tf2_load']}"
        )
        if show_variables:
            for item in v["items"]:
                b = "?" if item["bytes"] is None else str(item["bytes"])
                lines.append(f"    {item['name']}: {item['kind']} {item['dtype']} {_fmt_shape(item['shape'])} {b} B")
        if g["assets"]:
            names = ", ".join(a["filename"] + ("" if a.get("present", True) else " (missing)") for a in g["assets"])
            lines.append(f"  assets: {names}")
        if g["init_ops"]:
            lines.append("  init ops: " + "; ".join(g["init_ops"]))
        if g["devices"]:
            lines.append("  device pins: " + ", ".join(g["devices"]))
        load = g.get("tf2_load")
        if load is not None and info["kind"] == "saved_model":
            verdict = "accepts it" if load["accepts"] else "refuses it"
            lines.append(f"  tf.saved_model.load (TF 2.21): {verdict}")
            lines.extend(f"    ! {r}" for r in load["refusals"])
            lines.extend(f"    - metadata disagrees with the graph: {m}" for m in load["mismatches"])
    if info["advice"]:
        lines.append("")
        lines.append("What smmigrate can do:")
        lines.extend(f"  - {a}" for a in info["advice"])
    return "\n".join(lines)
