"""TensorFlow's SavedModel/MetaGraphDef/GraphDef protobufs, read without importing TensorFlow.

Importing ``tensorflow.core.protobuf.saved_model_pb2`` runs ``tensorflow/__init__.py`` and costs
seconds, which `smmigrate inspect` must not pay. The message schemas, however, are plain data: every
generated ``*_pb2.py`` file in a TensorFlow installation hands one serialized ``FileDescriptorProto``
to ``AddSerializedFile``. This module finds the installed TensorFlow with ``importlib.util.find_spec``
(which does not execute it), pulls those descriptors out of the ``*_pb2.py`` sources with ``ast``,
adds them to a private ``DescriptorPool`` (never the default one, so a later real TensorFlow import
cannot clash) and builds message classes from it with protobuf's ``message_factory``. When
TensorFlow is already imported, its own generated classes are used instead; when the descriptors
cannot be extracted (a future generated-code layout), we fall back to importing TensorFlow's pb2
modules. Without TensorFlow installed, there is no schema and a one-line error says how to get it.
The readers here (`read_saved_model`, `read_graph_file`, `select_meta_graph`) are shared by
`inspect`, `method-names` and `verify`.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import importlib
import importlib.util
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import SmmigrateError

SAVED_MODEL_PB = "saved_model.pb"
SAVED_MODEL_PBTXT = "saved_model.pbtxt"
SAVED_MODEL_CPB = "saved_model.cpb"
FINGERPRINT_PB = "fingerprint.pb"

# The .proto files whose messages smmigrate reads; their imports are followed automatically.
_ROOT_PROTOS = (
    "tensorflow/core/protobuf/saved_model.proto",
    "tensorflow/core/protobuf/fingerprint.proto",
    "tensorflow/core/protobuf/saved_object_graph.proto",
    "tensorflow/core/framework/variable.proto",
    "tensorflow/core/framework/graph.proto",
)

# message attribute -> full protobuf name
_MESSAGES = {
    "SavedModel": "tensorflow.SavedModel",
    "MetaGraphDef": "tensorflow.MetaGraphDef",
    "SignatureDef": "tensorflow.SignatureDef",
    "TensorInfo": "tensorflow.TensorInfo",
    "AssetFileDef": "tensorflow.AssetFileDef",
    "GraphDef": "tensorflow.GraphDef",
    "NodeDef": "tensorflow.NodeDef",
    "VariableDef": "tensorflow.VariableDef",
    "FingerprintDef": "tensorflow.FingerprintDef",
    "SavedObjectGraph": "tensorflow.SavedObjectGraph",
}

# DataType enum name -> (numpy-style name, bytes per element or None)
_DTYPES = {
    "DT_FLOAT": ("float32", 4),
    "DT_DOUBLE": ("float64", 8),
    "DT_HALF": ("float16", 2),
    "DT_BFLOAT16": ("bfloat16", 2),
    "DT_INT8": ("int8", 1),
    "DT_INT16": ("int16", 2),
    "DT_INT32": ("int32", 4),
    "DT_INT64": ("int64", 8),
    "DT_UINT8": ("uint8", 1),
    "DT_UINT16": ("uint16", 2),
    "DT_UINT32": ("uint32", 4),
    "DT_UINT64": ("uint64", 8),
    "DT_BOOL": ("bool", 1),
    "DT_STRING": ("string", None),
    "DT_COMPLEX64": ("complex64", 8),
    "DT_COMPLEX128": ("complex128", 16),
    "DT_RESOURCE": ("resource", None),
    "DT_VARIANT": ("variant", None),
    "DT_QINT8": ("qint8", 1),
    "DT_QUINT8": ("quint8", 1),
    "DT_QINT32": ("qint32", 4),
}


def shape_dims(shape) -> list[int] | None:
    """A TensorShapeProto, tf.TensorShape or list of dims -> list of ints (-1 unknown), None if rank unknown."""
    if shape is None:
        return None
    if hasattr(shape, "unknown_rank"):  # TensorShapeProto
        return None if shape.unknown_rank else [int(d.size) for d in shape.dim]
    if hasattr(shape, "rank"):  # tf.TensorShape (duck-typed: no TensorFlow import here)
        return None if shape.rank is None else [-1 if d is None else int(d) for d in shape.as_list()]
    return [-1 if d is None else int(d) for d in shape]


def format_shape(shape) -> str:
    """The one spelling of a shape in smmigrate's output: (?, 3), (2,), (), <unknown rank>."""
    dims = shape_dims(shape)
    if dims is None:
        return "<unknown rank>"
    return "(" + ", ".join("?" if d < 0 else str(d) for d in dims) + ("," if len(dims) == 1 else "") + ")"


def format_spec(dtype_name: str, shape) -> str:
    """dtype and shape as every command prints them: ``float32 (?, 3)``."""
    return f"{dtype_name} {format_shape(shape)}"


def input_parts(inp: str) -> tuple[str, int]:
    """NodeDef input string -> (node name, output index or -1 for a control input)."""
    if inp.startswith("^"):
        return inp[1:], -1
    if ":" in inp:
        node, idx = inp.rsplit(":", 1)
        return node, int(idx)
    return inp, 0


def tensor_name(name: str) -> str:
    """'x' / 'x:0' / '^x' -> 'x:0' (a graph element name normalised to a tensor)."""
    name = name.strip()
    if name.startswith("^"):
        name = name[1:]
    if ":" not in name:
        name += ":0"
    return name


def op_name(name: str) -> str:
    """'x:1' / 'x' / '^x' / 'x:output:0' -> 'x': the node a tensor, control input or op name refers to.

    Node names never contain ':', so the first part is the node also in a function body's
    `node:output_arg:index` inputs.
    """
    return name.strip().lstrip("^").split(":")[0]


class Schema:
    """Message classes by short name (``schema.SavedModel()``), plus DataType helpers."""

    def __init__(self, classes: dict, datatype_enum, source: str):
        self.__dict__.update(classes)
        self._datatype = datatype_enum
        self.source = source  # "tensorflow" (imported pb2 modules) or "descriptors" (private pool)

    def __getattr__(self, name: str) -> Any:
        # Only reached for names __init__ did not set: the message classes are built at run time
        # (typed Any: protobuf messages from a private pool have no static types).
        raise AttributeError(f"no protobuf message {name!r} in smmigrate's TensorFlow schema")

    def dtype_enum_name(self, value: int) -> str:
        v = self._datatype.values_by_number.get(value)
        return v.name if v is not None else f"DT_<{value}>"

    def dtype_name(self, value: int) -> str:
        """`float32`, `string`, ... (reference dtypes keep a `_ref` suffix)."""
        name = self.dtype_enum_name(value)
        ref = name.endswith("_REF")
        base = name[: -len("_REF")] if ref else name
        pretty = _DTYPES.get(base, (base[3:].lower() if base.startswith("DT_") else base, None))[0]
        return pretty + ("_ref" if ref else "")

    def dtype_size(self, value: int) -> int | None:
        name = self.dtype_enum_name(value)
        return _DTYPES.get(name.replace("_REF", ""), (None, None))[1]

    def dtype_value(self, name: str) -> int:
        return self._datatype.values_by_name[name].number


def _tensorflow_root() -> Path | None:
    try:
        spec = importlib.util.find_spec("tensorflow")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def _serialized_descriptor(pb2_file: Path) -> bytes:
    """The bytes literal a generated ``*_pb2.py`` passes to ``AddSerializedFile``."""
    tree = ast.parse(pb2_file.read_bytes(), filename=str(pb2_file))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "AddSerializedFile"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, bytes)
        ):
            return node.args[0].value
    raise LookupError(f"{pb2_file}: no AddSerializedFile(b'...') call found")


def _schema_from_descriptors(tf_root: Path) -> Schema:
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

    pool = descriptor_pool.DescriptorPool()
    added: set[str] = set()

    def add(proto_name: str) -> None:
        if proto_name in added:
            return
        if proto_name.startswith("google/protobuf/"):
            # Well-known types (any.proto, ...) ship with protobuf itself; importing them is cheap.
            module = importlib.import_module("google.protobuf." + Path(proto_name).stem + "_pb2")
            fdp = descriptor_pb2.FileDescriptorProto()
            module.DESCRIPTOR.CopyToProto(fdp)
        else:
            if not proto_name.startswith("tensorflow/"):
                raise LookupError(f"unexpected proto dependency {proto_name}")
            rel = proto_name[len("tensorflow/") : -len(".proto")] + "_pb2.py"
            fdp = descriptor_pb2.FileDescriptorProto.FromString(_serialized_descriptor(tf_root / rel))
        for dep in fdp.dependency:  # dependencies must be in the pool first
            add(dep)
        pool.Add(fdp)
        added.add(proto_name)

    for name in _ROOT_PROTOS:
        add(name)
    classes = {
        short: message_factory.GetMessageClass(pool.FindMessageTypeByName(full)) for short, full in _MESSAGES.items()
    }
    return Schema(classes, pool.FindEnumTypeByName("tensorflow.DataType"), "descriptors")


def _schema_from_tensorflow() -> Schema:
    from ._tf import import_tensorflow

    import_tensorflow()  # the quiet import (its pb2 modules would otherwise run tensorflow/__init__ loudly)
    modules = {
        "tensorflow.core.protobuf.saved_model_pb2": ("SavedModel",),
        "tensorflow.core.protobuf.meta_graph_pb2": ("MetaGraphDef", "SignatureDef", "TensorInfo", "AssetFileDef"),
        "tensorflow.core.framework.graph_pb2": ("GraphDef",),
        "tensorflow.core.framework.node_def_pb2": ("NodeDef",),
        "tensorflow.core.framework.variable_pb2": ("VariableDef",),
        "tensorflow.core.protobuf.fingerprint_pb2": ("FingerprintDef",),
        "tensorflow.core.protobuf.saved_object_graph_pb2": ("SavedObjectGraph",),
    }
    classes = {}
    for module_name, names in modules.items():
        module = importlib.import_module(module_name)
        for n in names:
            classes[n] = getattr(module, n)
    types_pb2 = importlib.import_module("tensorflow.core.framework.types_pb2")
    return Schema(classes, types_pb2.DataType.DESCRIPTOR, "tensorflow")


@functools.cache
def schema() -> Schema:
    """The message classes; cheap when TensorFlow is already imported or only installed."""
    if "tensorflow" in sys.modules:
        return _schema_from_tensorflow()
    root = _tensorflow_root()
    if root is None:
        raise SmmigrateError(
            "reading SavedModel/GraphDef files needs the protobuf schemas that ship with TensorFlow, "
            "which is not installed; install it with: pip install 'smmigrate[tf]'"
        )
    try:
        return _schema_from_descriptors(root)
    except Exception:  # noqa: BLE001 - unexpected generated-code layout: the slow path still works
        return _schema_from_tensorflow()


# ---------------------------------------------------------------------------------------------
# Readers


@dataclass
class SavedModelFile:
    """A parsed SavedModel and where it came from."""

    export_dir: Path
    proto: Any  # SavedModel message (built at run time: no static type)
    path: Path  # the file TensorFlow's loader reads (saved_model.pb wins over .pbtxt)
    text: bool
    also_text: bool = False  # both saved_model.pb and saved_model.pbtxt exist


def _decode_error_types():
    from google.protobuf import message, text_format

    return (message.DecodeError, text_format.ParseError, UnicodeDecodeError, ValueError)


def parse_saved_model_file(path: Path, text: bool):
    from google.protobuf import text_format

    sm = schema().SavedModel()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SmmigrateError(
            f"{path}: cannot read ({exc.strerror or exc}); fix its permissions or copy the export again"
        ) from exc
    if not data:
        raise SmmigrateError(f"{path}: empty file; copy the export again or re-export the model")
    try:
        if text:
            text_format.Parse(data.decode("utf-8"), sm)
        else:
            sm.ParseFromString(data)
    except _decode_error_types() as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise SmmigrateError(
            f"{path}: not a valid SavedModel ({first}); the file is truncated or corrupt: copy it again or "
            "re-export the model"
        ) from exc
    return sm


def _broken_link(path: Path) -> bool:
    """A symlink that leads nowhere (dangling, or a loop: ``exists()`` is False for both)."""
    return path.is_symlink() and not path.exists()


def read_saved_model(export_dir) -> SavedModelFile:
    """Parse the SavedModel in `export_dir` the way TensorFlow's loader picks the file."""
    export_dir = Path(export_dir)
    if not export_dir.is_dir():
        raise SmmigrateError(
            f"{export_dir}: not a folder; give the SavedModel export folder (the one holding saved_model.pb)"
        )
    pb, pbtxt, cpb = export_dir / SAVED_MODEL_PB, export_dir / SAVED_MODEL_PBTXT, export_dir / SAVED_MODEL_CPB
    for candidate in (pb, pbtxt):
        if _broken_link(candidate):
            raise SmmigrateError(
                f"{candidate}: a broken symlink (dangling or a loop); point it at the real file or copy the "
                "export again"
            )
    if pb.exists():
        found = SavedModelFile(export_dir, parse_saved_model_file(pb, False), pb, False, also_text=pbtxt.exists())
    elif pbtxt.exists():
        found = SavedModelFile(export_dir, parse_saved_model_file(pbtxt, True), pbtxt, True)
    else:
        found = None
    if found is not None:
        if not found.proto.meta_graphs:
            # A file cut right after its first field parses as a SavedModel with no MetaGraph.
            raise SmmigrateError(
                f"{found.path}: holds no MetaGraph (truncated, or not a SavedModel); copy the export again or "
                "re-export the model"
            )
        return found
    if cpb.exists():
        raise SmmigrateError(
            f"{cpb}: chunked SavedModels (> 2 GB) are not supported; load and re-export the model with TensorFlow"
        )
    raise SmmigrateError(
        f"{export_dir}: no saved_model.pb or saved_model.pbtxt; is this an incomplete export or the wrong folder?"
    )


_VARIABLE_OPS = ("VariableV2", "Variable", "VarHandleOp")


def has_variables(meta_graph) -> bool:
    """Whether the MetaGraph keeps values in a checkpoint (TF2 object-graph or TF1 graph variables)."""
    if any(n.WhichOneof("kind") == "variable" for n in meta_graph.object_graph_def.nodes):
        return True
    return any(n.op in _VARIABLE_OPS for n in meta_graph.graph_def.node)


def tag_set(meta_graph) -> tuple:
    return tuple(sorted(meta_graph.meta_info_def.tags))


def select_meta_graph(
    saved_model, tags: Iterable[str] | None = None, where: str = "SavedModel", *, prefer_serve: bool = True
):
    """The MetaGraphDef with exactly `tags`; without tags, the only one, else (with `prefer_serve`)
    the `serve` one. Commands that convert a model (`wrap-metagraph`, `upgrade`) pass
    ``prefer_serve=False``: with several MetaGraphs they want the user to say which."""
    graphs = list(saved_model.meta_graphs)
    available = "; ".join(",".join(tag_set(m)) or "(no tags)" for m in graphs) or "none"
    if not graphs:
        raise SmmigrateError(f"{where}: holds no MetaGraph; re-export the model")
    if tags:
        wanted = tuple(sorted(set(tags)))
        for m in graphs:
            if tag_set(m) == wanted:
                return m
        raise SmmigrateError(
            f"{where}: no MetaGraph tagged {','.join(wanted)}; available tag sets: {available} (use --tags)"
        )
    if len(graphs) == 1:
        return graphs[0]
    if not prefer_serve:
        raise SmmigrateError(f"{where}: holds {len(graphs)} MetaGraphs (tag sets {available}); pick one with --tags")
    for m in graphs:
        if tag_set(m) == ("serve",):
            return m
    raise SmmigrateError(
        f"{where}: holds several MetaGraphs and none is tagged only 'serve'; pick one with --tags (available: "
        f"{available})"
    )


def parse_tags(value: str | Iterable[str] | None) -> tuple | None:
    """`"serve,gpu"` or a sequence -> sorted tuple; None/empty -> None."""
    if not value:
        return None
    if isinstance(value, str):
        value = value.split(",")
    tags = tuple(sorted({t.strip() for t in value if t.strip()}))
    return tags or None


def read_graph_file(path) -> tuple[str, Any, bool]:
    """Detect and parse a SavedModel, MetaGraphDef or GraphDef file by content.

    Returns (kind, message, text) with kind in {"saved_model", "meta_graph", "graph_def"}. Binary
    candidates are parsed as each type, unknown fields are dropped, and the type whose re-encoded
    size still equals the file size wins (a wrong type leaves unknown fields or fails to decode).
    """
    from google.protobuf import text_format

    path = Path(path)
    if _broken_link(path):
        raise SmmigrateError(
            f"{path}: a broken symlink (dangling or a loop); point it at the real file or copy it again"
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SmmigrateError(f"{path}: no such file; pass an existing graph file or SavedModel folder") from None
    except OSError as exc:
        raise SmmigrateError(
            f"{path}: cannot read ({exc.strerror or exc}); fix its permissions or copy the file again"
        ) from None
    if not data:
        raise SmmigrateError(f"{path}: empty file; expected a SavedModel, MetaGraphDef or GraphDef")
    s = schema()
    candidates = (("saved_model", s.SavedModel), ("meta_graph", s.MetaGraphDef), ("graph_def", s.GraphDef))

    def plausible(kind, msg) -> bool:
        if kind == "saved_model":
            return len(msg.meta_graphs) > 0 and all(_graph_looks_valid(m.graph_def) for m in msg.meta_graphs)
        if kind == "meta_graph":
            return (msg.HasField("graph_def") or len(msg.signature_def) > 0) and _graph_looks_valid(msg.graph_def)
        return (len(msg.node) > 0 or len(msg.library.function) > 0) and _graph_looks_valid(msg)

    text = None
    with contextlib.suppress(UnicodeDecodeError):
        text = data.decode("utf-8")
    if text is not None:
        for kind, cls in candidates:
            msg = cls()
            try:
                text_format.Parse(text, msg)
            except (text_format.ParseError, ValueError):
                continue
            if plausible(kind, msg):
                return kind, msg, True
    best = None  # (bytes understood, kind, message) when no type explains every byte
    for kind, cls in candidates:
        msg = cls()
        try:
            msg.ParseFromString(data)
        except _decode_error_types():
            continue
        msg.DiscardUnknownFields()
        if not plausible(kind, msg):
            continue
        size = msg.ByteSize()
        if size == len(data):
            return kind, msg, False
        # Old writers may encode differently (e.g. unpacked repeated fields), so sizes can differ
        # a little; the type that understands the most bytes is the best guess then.
        if size >= 0.9 * len(data) and (best is None or size > best[0]):
            best = (size, kind, msg)
    if best is not None:
        return best[1], best[2], False
    raise SmmigrateError(
        f"{path}: not a TensorFlow graph (no SavedModel, MetaGraphDef or GraphDef, binary or text, parses "
        "from it); the file may be truncated or of another kind"
    )


# TensorFlow's own rule for node and op names (framework/node_def_util.cc): bytes parsed as the
# wrong message type give garbage names, which tells the types apart where sizes cannot.
_NODE_NAME = re.compile(r"^[A-Za-z0-9.][A-Za-z0-9_.\-/>]*$")
_OP_NAME = re.compile(r"^[A-Za-z0-9_.>\-]+$")


def _graph_looks_valid(graph_def) -> bool:
    return all(_NODE_NAME.match(n.name) and _OP_NAME.match(n.op) for n in graph_def.node)


# ---------------------------------------------------------------------------------------------
# Method names (protobuf-only helpers shared by `inspect` and `method-names`)

CLASSIFY = "tensorflow/serving/classify"
REGRESS = "tensorflow/serving/regress"
PREDICT = "tensorflow/serving/predict"
METHOD_ALIASES = {"classify": CLASSIFY, "regress": REGRESS, "predict": PREDICT}


def infer_method_name(signature, s: Schema | None = None) -> tuple[str, str] | None:
    """(method name, why) when a signature has the classify/regress shape, else None.

    The shape is TF Serving's: one serialized-Example input keyed ``inputs`` (DT_STRING); outputs
    ``classes``/``scores`` -> classify, exactly ``outputs`` -> regress.
    """
    s = s or schema()
    inputs, outputs = dict(signature.inputs), set(signature.outputs)
    if set(inputs) != {"inputs"} or inputs["inputs"].dtype != s.dtype_value("DT_STRING"):
        return None
    if outputs and outputs <= {"classes", "scores"}:
        return CLASSIFY, f"string input 'inputs', outputs {', '.join(sorted(outputs))}"
    if outputs == {"outputs"}:
        return REGRESS, "string input 'inputs', output 'outputs'"
    return None
