"""Reading TF1 graphs for the graph adapter: detection by content, sanitising, init ops and assets.

`read_graph(path, tags)` accepts a SavedModel folder, a SavedModel / MetaGraphDef / GraphDef file in
binary or text form (decided by parsing, never by extension) and returns a `GraphSource`.
`sanitize(meta_graph, clear_devices)` makes old graphs importable on TF 2.21 (device pins,
`_output_shapes`, colocation hints). `init_op_names` / `asset_feeds` read which init op to run and
which asset paths to feed. Only protobuf is used here; TensorFlow's own proto classes come from
`tensorflow.core` (and `source_from` recognises an in-memory `tf.Graph`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .. import _proto
from ..errors import SmmigrateError


@dataclass
class GraphSource:
    """A graph as read from disk, before import."""

    path: Path
    kind: str  # "saved_model", "meta_graph", "graph_def"
    meta_graph: object  # MetaGraphDef (a frozen GraphDef is wrapped in an empty MetaGraphDef)
    export_dir: Path | None = None  # SavedModel folder (assets, variables) when known
    tags: tuple = ()


def _pb():
    from tensorflow.core.framework import graph_pb2
    from tensorflow.core.protobuf import meta_graph_pb2, saved_model_pb2

    return graph_pb2, meta_graph_pb2, saved_model_pb2


def _pick_meta_graph(saved_model, path: Path, tags):
    # converting a model: with several MetaGraphs the user says which (no silent `serve` default)
    return _proto.select_meta_graph(saved_model, tags, str(path), prefer_serve=False)


def read_graph(path, tags=None) -> GraphSource:
    """Read a SavedModel folder or a graph file; raise SmmigrateError naming the file otherwise.

    Detection by content and the file checks are `smmigrate._proto`'s, shared with `inspect` and
    `verify`; this adds what the adapter needs (the MetaGraph to import, the export folder)."""
    path = Path(path)
    export_dir = None
    if path.is_dir():
        sm = _proto.read_saved_model(path)
        export_dir, path = sm.export_dir, sm.path
        kind, msg = "saved_model", sm.proto
    else:
        kind, msg, _ = _proto.read_graph_file(path)
    graph_pb2, meta_graph_pb2, saved_model_pb2 = _pb()
    # `_proto` may have built its classes before TensorFlow was imported (a private descriptor
    # pool); TensorFlow's importers need its own classes, so cross over by bytes when they differ
    cls = {
        "saved_model": saved_model_pb2.SavedModel,
        "meta_graph": meta_graph_pb2.MetaGraphDef,
        "graph_def": graph_pb2.GraphDef,
    }[kind]
    if not isinstance(msg, cls):
        msg = cls.FromString(msg.SerializeToString())
    if kind == "saved_model":
        meta = meta_graph_pb2.MetaGraphDef()
        meta.CopyFrom(_pick_meta_graph(msg, path, tags))
        if export_dir is None and path.name.startswith("saved_model."):
            export_dir = path.parent
        return GraphSource(path, kind, meta, export_dir, tuple(meta.meta_info_def.tags))
    if kind == "meta_graph":
        if tags is not None and msg.meta_info_def.tags and set(msg.meta_info_def.tags) != set(tags):
            raise SmmigrateError(
                f"{path}: MetaGraph is tagged {','.join(msg.meta_info_def.tags)}, not {','.join(tags)}; "
                "drop --tags or pass the matching tags"
            )
        return GraphSource(path, kind, msg, None, tuple(msg.meta_info_def.tags))
    meta = meta_graph_pb2.MetaGraphDef()
    meta.graph_def.CopyFrom(msg)
    return GraphSource(path, kind, meta)


def source_from(graph, tags) -> GraphSource:
    """A GraphSource from a path, a MetaGraphDef / GraphDef / SavedModel proto, or a tf.Graph."""
    import tensorflow as tf

    graph_pb2, meta_graph_pb2, saved_model_pb2 = _pb()

    if isinstance(graph, (str, os.PathLike)):
        return read_graph(graph, tags)
    here = Path("<memory>")
    if isinstance(graph, tf.Graph):
        graph = tf.compat.v1.train.export_meta_graph(graph=graph)
    if isinstance(graph, meta_graph_pb2.MetaGraphDef):
        return GraphSource(here, "meta_graph", graph, None, tuple(graph.meta_info_def.tags))
    if isinstance(graph, graph_pb2.GraphDef):
        meta = meta_graph_pb2.MetaGraphDef()
        meta.graph_def.CopyFrom(graph)
        return GraphSource(here, "graph_def", meta)
    if isinstance(graph, saved_model_pb2.SavedModel):
        meta = meta_graph_pb2.MetaGraphDef()
        meta.CopyFrom(_pick_meta_graph(graph, here, tags))
        return GraphSource(here, "saved_model", meta, None, tuple(meta.meta_info_def.tags))
    raise SmmigrateError(f"cannot wrap a {type(graph).__name__}; pass a path, a MetaGraphDef, a GraphDef or a tf.Graph")


def sanitize(meta_graph, clear_devices: bool = True):
    """Return a copy of `meta_graph` that TF 2.21 imports (old versions, devices, shapes)."""
    _, meta_graph_pb2, _ = _pb()
    meta = meta_graph_pb2.MetaGraphDef()
    meta.CopyFrom(meta_graph)
    # `import_meta_graph` parses this as a version number and crashes on "0.12.head"; we never
    # use it, and clearing it keeps anything downstream from tripping over it too.
    meta.meta_info_def.tensorflow_version = ""
    meta.meta_info_def.tensorflow_git_version = ""
    nodes = list(meta.graph_def.node)
    for fn in meta.graph_def.library.function:
        nodes.extend(fn.node_def)
    for node in nodes:
        if clear_devices:
            node.device = ""
        # Recorded shapes of old builds can contradict today's shape functions and fail import;
        # colocation hints name nodes that the variable rewrite turns into placeholders.
        for attr in ("_output_shapes", "_class"):
            if attr in node.attr:
                del node.attr[attr]
    return meta


# Tensor-name parsing lives in `smmigrate._proto` (TensorFlow-free, shared with `inspect`).
input_parts = _proto.input_parts
tensor_name = _proto.tensor_name


def asset_dir_for(source: GraphSource) -> Path:
    """Folder holding the graph's assets: `<export dir>/assets` (or beside the graph file)."""
    base = source.export_dir or source.path.parent
    return Path(base) / "assets"


def resolve_asset(source: GraphSource, filename: str) -> str:
    base = asset_dir_for(source)
    candidate = base / filename
    if candidate.exists():
        return os.fspath(candidate)
    alt = Path(source.export_dir or source.path.parent) / filename
    if alt.exists():
        return os.fspath(alt)
    raise SmmigrateError(
        f"{source.path}: asset {filename!r} not found in {base}; copy the graph's assets folder beside it"
    )


INIT_COLLECTIONS = ("saved_model_main_op", "legacy_init_op", "serving_init_op")
ASSET_COLLECTIONS = ("saved_model_assets", "serving_assets")


def variable_defs(meta, collection: str = "variables") -> list:
    """The VariableDefs recorded in a MetaGraph collection (empty when it has none)."""
    from tensorflow.core.framework import variable_pb2

    out: list = []
    if collection not in meta.collection_def:
        return out
    for raw in meta.collection_def[collection].bytes_list.value:
        vdef = variable_pb2.VariableDef()
        vdef.ParseFromString(raw)
        out.append(vdef)
    return out


def collection_names(meta, key: str) -> list[str]:
    """The node names a MetaGraph collection holds (empty when it has none or another kind)."""
    if key not in meta.collection_def or meta.collection_def[key].WhichOneof("kind") != "node_list":
        return []
    return list(meta.collection_def[key].node_list.value)


def init_op_names(meta) -> list[str]:
    """Init ops in load_v1_in_v2's order: `__saved_model_init_op`, main op, legacy (or
    session-bundle) init op, else the table and local-variable initializers."""
    sig = meta.signature_def.get("__saved_model_init_op") if "__saved_model_init_op" in meta.signature_def else None
    if sig is not None and "__saved_model_init_op" in sig.outputs:
        return [_proto.op_name(sig.outputs["__saved_model_init_op"].name)]
    for key in INIT_COLLECTIONS:
        if key in meta.collection_def and meta.collection_def[key].node_list.value:
            return [_proto.op_name(v) for v in meta.collection_def[key].node_list.value]
    names = []
    if "table_initializer" in meta.collection_def:
        names += [_proto.op_name(v) for v in meta.collection_def["table_initializer"].node_list.value]
    names += [_proto.op_name(vdef.initializer_name) for vdef in variable_defs(meta, "local_variables")]
    return names


def asset_feeds(meta) -> list[tuple[str, str]]:
    """(tensor name, filename) pairs from asset_file_def and the asset collections."""
    from tensorflow.core.protobuf import meta_graph_pb2

    pairs = [(a.tensor_info.name, a.filename) for a in meta.asset_file_def]
    for key in ASSET_COLLECTIONS:
        if key in meta.collection_def:
            for anyp in meta.collection_def[key].any_list.value:
                # Session-bundle AssetFile{tensor_binding{tensor_name}, filename} has the same
                # wire layout as AssetFileDef{tensor_info{name}, filename}.
                a = meta_graph_pb2.AssetFileDef()
                a.ParseFromString(anyp.value)
                pairs.append((a.tensor_info.name, a.filename))
    seen, out = set(), []
    for t, f in pairs:
        if t and t not in seen:
            seen.add(t)
            out.append((t, f))
    return out
