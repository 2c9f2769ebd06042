"""Prove two models compute the same: `smmigrate verify A B` and `smmigrate.verify(a, b)`.

Both models are loaded with TensorFlow (TF1 SavedModels through `tf.saved_model.load`'s TF1-in-TF2
path, graph files through the graph adapter when it is installed) and kept alive while their
signature functions run. For every signature key (or the selected ones) the two sides must have
the same input and output keys and dtypes, and shapes that hold the same values (a TF1 ``(?, 1)``
input and its TF2 re-export's ``(1,)`` are fed the same numbers, reshaped, and this is reported
as a note). Inputs come from ``inputs=`` (an .npz file or dict) or are generated from the specs
with a deterministic seed: unknown dimensions become a small batch, and serialized tf.Example
inputs are built from the ``ParseExample`` op the signature feeds, so the model parses real
features. Outputs are compared with ``numpy.allclose(rtol, atol)``; the report names the max
absolute difference per signature. Method names are read from the protobufs and differences are
reported, failing only with ``strict_method_names``. `a` is the reference: a signature that B
lacks fails the comparison, one that only B has is listed.
"""

from __future__ import annotations

import contextlib
import math
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any  # tf.TensorShape in annotations: TensorFlow is imported at run time

import numpy as np

from .. import _proto
from .._tf import import_tensorflow
from ..cli import ExitCode
from ..errors import SmmigrateError
from . import DEFAULT_ATOL, DEFAULT_RTOL

tf = import_tensorflow()

_PARSE_OPS = ("ParseExample", "ParseExampleV2", "ParseSingleExample")


# ---------------------------------------------------------------------------------------------
# Report


@dataclass
class SignatureResult:
    """The verdict for one signature key."""

    key: str
    status: str  # "equal", "different", "missing in B", "missing in A", "only in B", "error"
    method_a: str | None = None
    method_b: str | None = None
    max_abs_diff: float | None = None
    worst_output: str | None = None
    problems: list = field(default_factory=list)  # why it is different / failed
    notes: list = field(default_factory=list)  # observations that do not fail it

    @property
    def ok(self) -> bool:
        # A is the reference: a signature B adds is listed but does not make B different.
        return self.status in ("equal", "only in B")

    def to_json(self) -> dict:
        return {
            "key": self.key,
            "status": self.status,
            "method_a": self.method_a,
            "method_b": self.method_b,
            "max_abs_diff": self.max_abs_diff,
            "worst_output": self.worst_output,
            "problems": list(self.problems),
            "notes": list(self.notes),
        }


@dataclass
class Report:
    """What `verify` found: one `SignatureResult` per signature key, and the overall verdict."""

    a: str
    b: str
    rtol: float
    atol: float
    seed: int
    signatures: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # how the models were loaded, when it matters

    def __getitem__(self, key: str) -> SignatureResult:
        for s in self.signatures:
            if s.key == key:
                return s
        raise KeyError(key)

    @property
    def equivalent(self) -> bool:
        return any(s.status == "equal" for s in self.signatures) and all(s.ok for s in self.signatures)

    @property
    def exit_code(self) -> int:
        if any(s.status == "error" for s in self.signatures):
            return ExitCode.ERROR
        return ExitCode.OK if self.equivalent else ExitCode.CHANGED

    def to_json(self) -> dict:
        return {
            "a": self.a,
            "b": self.b,
            "rtol": self.rtol,
            "atol": self.atol,
            "seed": self.seed,
            "equivalent": self.equivalent,
            "notes": list(self.notes),
            "signatures": [s.to_json() for s in self.signatures],
        }

    def format_table(self) -> str:
        def short(m):
            return "-" if m is None else (m.rsplit("/", 1)[-1] or "(none)")

        rows = [("SIGNATURE", "METHOD A/B", "MAX ABS DIFF", "RESULT")]
        for s in self.signatures:
            diff = "-" if s.max_abs_diff is None else f"{s.max_abs_diff:.3g}"
            rows.append((s.key, f"{short(s.method_a)}/{short(s.method_b)}", diff, s.status))
        widths = [max(len(r[i]) for r in rows) for i in range(4)]
        lines = [f"A: {self.a}", f"B: {self.b}", f"rtol={self.rtol:g} atol={self.atol:g} seed={self.seed}"]
        lines.extend(f"note: {n}" for n in self.notes)
        lines.append("")
        for i, r in enumerate(rows):
            lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)).rstrip())
            if i == 0:
                continue
            s = self.signatures[i - 1]
            lines.extend(f"    ! {p}" for p in s.problems)
            lines.extend(f"    - {n}" for n in s.notes)
        bad = [s.key for s in self.signatures if not s.ok]
        lines.append("")
        if not self.signatures:
            lines.append("no signatures to compare: NOT EQUIVALENT")
        elif self.equivalent:
            compared = sum(1 for s in self.signatures if s.status == "equal")
            lines.append(f"equivalent on {compared} signature(s)")
        else:
            lines.append(
                f"NOT EQUIVALENT: {len(bad)} of {len(self.signatures)} signature(s) differ or failed: {', '.join(bad)}"
            )
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Loading


@contextlib.contextmanager
def _quiet_tf_logs():
    # Loading TF1 SavedModels logs one warning per reference variable; the report says it once.
    logger = tf.get_logger()
    level = logger.level
    logger.setLevel("ERROR")
    try:
        yield
    finally:
        logger.setLevel(level)


@dataclass
class _Model:
    label: str
    path: str
    functions: dict  # signature key -> callable taking keyword tensors, returning a dict
    method_names: dict
    meta_graph: object  # MetaGraphDef (smmigrate._proto classes) or None
    keep_alive: object  # the loaded root / wrapped graph: its functions die with it (tf#46708)
    notes: list = field(default_factory=list)  # how it was loaded, when that is worth saying


def _load(path, label: str, tags, checkpoint=None) -> _Model:
    p = Path(path)
    if p.is_dir() and checkpoint is None:
        sm = _proto.read_saved_model(p)
        mg = _proto.select_meta_graph(sm.proto, tags, str(sm.path))
        with _quiet_tf_logs():
            try:
                root = tf.saved_model.load(str(p), tags=list(_proto.tag_set(mg)) or None)
            except Exception as exc:  # noqa: BLE001 - TF raises many types; the message is what matters
                refused = _first_line(exc)
                if len(mg.object_graph_def.nodes) > 0:
                    raise SmmigrateError(
                        f"{p}: TensorFlow could not load it ({refused}); check that the export is "
                        "complete and intact (saved_model.pb, variables/, assets/) or copy it again"
                    ) from None
                # A TF1 export TF2's loader refuses (reference-typed outputs, metadata the graph
                # contradicts): the reference is what TF1 served, a Session over its graph.
                from ._session import load_session_model

                session = load_session_model(p, tuple(_proto.tag_set(mg)), why=refused)
                methods = {k: mg.signature_def[k].method_name for k in mg.signature_def if k in session.functions}
                return _Model(label, str(p), dict(session.functions), methods, mg, session, list(session.notes))
        functions = {k: f for k, f in root.signatures.items()}
        methods = {k: mg.signature_def[k].method_name for k in mg.signature_def if k in functions}
        return _Model(label, str(p), functions, methods, mg, root)
    if not p.exists():
        raise SmmigrateError(
            f"{p}: no such file or folder; give a SavedModel folder or a graph file plus its checkpoint"
        )
    try:
        from .graph_adapter import wrap_metagraph
    except ImportError as exc:
        raise SmmigrateError(
            f"{p}: graph files need the graph adapter (`smmigrate wrap-metagraph`), which this installation lacks; "
            "wrap it into a SavedModel first"
        ) from exc
    kind, msg, _ = _proto.read_graph_file(p)
    mg = None
    if kind == "saved_model":
        mg = _proto.select_meta_graph(msg, tags, str(p))
    elif kind == "meta_graph":
        mg = msg
    else:  # a GraphDef: wrap it so the parse-spec search sees the same structure
        mg = _proto.schema().MetaGraphDef()
        mg.graph_def.ParseFromString(msg.SerializeToString())
    with _quiet_tf_logs():
        wrapped = wrap_metagraph(str(p), checkpoint, tags=tags)
    functions = dict(wrapped.functions)
    methods = {
        k: mg.signature_def[k].method_name for k in (mg.signature_def if mg is not None else {}) if k in functions
    }
    return _Model(label, str(p), functions, methods, mg, wrapped)


def _first_line(exc: BaseException) -> str:
    """The informative line of an exception (TF runtime errors bury it under a traceback)."""
    import re

    text = str(exc).strip()
    lines = [ln.strip() for ln in text.splitlines()]
    skip = ("Graph execution error", "Detected at node", "File ", "[[", "<stack traces unavailable>")
    useful = [
        ln for ln in lines if ln and not ln.startswith(skip) and not re.match(r"^\w.*\(most recent call last\):$", ln)
    ]
    line = useful[0] if useful else (lines[0] if lines else type(exc).__name__)
    node = re.search(r"\{\{node ([^}]+)\}\}", text)
    line = re.sub(r"\s*\[Op:[^\]]*\]$", "", line)
    return f"{line} (at node {node.group(1)})" if node and node.group(1) not in line else line


# ---------------------------------------------------------------------------------------------
# Parse specs: what features a serialized-Example input must carry


def _node_name(ref: str) -> str:
    # "^x", "x:0", "x:output:0" (function bodies) -> "x"
    return _proto.op_name(ref)


def _const_strings(node) -> list:
    if node is None or node.op != "Const":
        return []
    t = node.attr["value"].tensor
    return [v.decode("utf-8", "replace") for v in t.string_val]


def _features_of(node, nodes: dict) -> dict:
    """Feature name -> (kind, DataType value, shape list) for one parse op."""
    attr = node.attr
    feats = {}
    dense_types = list(attr["Tdense"].list.type) if "Tdense" in attr else []
    dense_shapes = [_proto_shape(sh) for sh in attr["dense_shapes"].list.shape] if "dense_shapes" in attr else []
    ins = [_node_name(i) for i in node.input if not i.startswith("^")]
    if node.op == "ParseExample":
        ns, nd = attr["Nsparse"].i, attr["Ndense"].i
        sparse_keys = [k for n in ins[2 : 2 + ns] for k in _const_strings(nodes.get(n))]
        dense_keys = [k for n in ins[2 + ns : 2 + ns + nd] for k in _const_strings(nodes.get(n))]
        sparse_types = list(attr["sparse_types"].list.type)
        ragged = []
    elif node.op == "ParseExampleV2":
        sparse_keys = _const_strings(nodes.get(ins[2])) if len(ins) > 2 else []
        dense_keys = _const_strings(nodes.get(ins[3])) if len(ins) > 3 else []
        ragged_keys = _const_strings(nodes.get(ins[4])) if len(ins) > 4 else []
        sparse_types = list(attr["sparse_types"].list.type)
        ragged = list(zip(ragged_keys, attr["ragged_value_types"].list.type, strict=False))
    else:  # ParseSingleExample keeps its keys in attributes
        sparse_keys = [k.decode() for k in attr["sparse_keys"].list.s]
        dense_keys = [k.decode() for k in attr["dense_keys"].list.s]
        sparse_types = list(attr["sparse_types"].list.type)
        ragged = []
    for key, dtype, shape in zip(dense_keys, dense_types, dense_shapes, strict=False):
        feats[key] = ("dense", dtype, shape)
    for key, dtype in zip(sparse_keys, sparse_types, strict=False):
        feats[key] = ("sparse", dtype, None)
    for key, dtype in ragged:
        feats[key] = ("sparse", dtype, None)
    return feats


def _proto_shape(shape_proto) -> list | None:
    return None if shape_proto.unknown_rank else [int(d.size) for d in shape_proto.dim]


def _parse_features(mg, signature_key: str, input_key: str) -> dict:
    """Features the ParseExample ops downstream of a signature input expect (empty if none)."""
    if mg is None:
        return {}
    graph = mg.graph_def
    info = mg.signature_def[signature_key].inputs.get(input_key) if signature_key in mg.signature_def else None
    if info is not None and info.name:
        starts = [_node_name(info.name)]
    elif not mg.signature_def:
        # No SignatureDefs (legacy exports, bare graphs): the adapter discovered the feeds, so
        # start from every string placeholder; a graph parsing Examples has one such input.
        string = _proto.schema().dtype_value("DT_STRING")
        starts = [
            n.name for n in graph.node if n.op == "Placeholder" and "dtype" in n.attr and n.attr["dtype"].type == string
        ]
    else:
        return {}
    nodes = {n.name: n for n in graph.node}
    consumers: dict = {}
    for n in graph.node:
        for i in n.input:
            consumers.setdefault(_node_name(i), []).append(n)
    functions = {f.signature.name: f for f in graph.library.function}
    feats: dict = {}
    seen_fns: set = set()

    def visit_function(name: str) -> None:
        # TF2 signatures reach the parse op through (Stateful)PartitionedCall into the library.
        if name in seen_fns or name not in functions:
            return
        seen_fns.add(name)
        fn = functions[name]
        fn_nodes = {n.name: n for n in fn.node_def}
        for n in fn.node_def:
            if n.op in _PARSE_OPS:
                feats.update(_features_of(n, fn_nodes))
            call_targets(n)

    def call_targets(n) -> None:
        for value in n.attr.values():
            if value.WhichOneof("value") == "func":
                visit_function(value.func.name)
        if n.op in functions:  # a function called directly by name
            visit_function(n.op)

    queue, seen = list(starts), set(starts)
    while queue:
        name = queue.pop()
        node = nodes.get(name)
        if node is not None:
            if node.op in _PARSE_OPS:
                feats.update(_features_of(node, nodes))
            call_targets(node)
        for c in consumers.get(name, ()):
            if c.name not in seen:
                seen.add(c.name)
                queue.append(c.name)
    return feats


# ---------------------------------------------------------------------------------------------
# Input generation


def _rng(seed: int, key: str, input_key: str) -> np.random.Generator:
    # Seeded per (signature, input) so results do not depend on iteration order or selection.
    return np.random.default_rng([seed, zlib.crc32(key.encode()), zlib.crc32(input_key.encode())])


def _random_values(rng, dtype, shape) -> np.ndarray:
    dtype = tf.as_dtype(dtype)
    if dtype.is_floating:
        # Rounded to 1/64 so that float16/bfloat16 inputs carry the same numbers as float32 ones.
        return np.round(rng.uniform(-2.0, 2.0, size=shape) * 64) / 64
    if dtype.is_bool:
        return rng.integers(0, 2, size=shape).astype(bool)
    if dtype.is_integer:
        low = 0 if dtype.is_unsigned else -3
        return rng.integers(low, 8, size=shape)
    if dtype == tf.string:
        flat = [f"smmigrate-{int(v)}".encode() for v in rng.integers(0, 1000, size=int(np.prod(shape, dtype=np.int64)))]
        return np.array(flat, dtype=object).reshape(shape)
    raise SmmigrateError(f"cannot generate {dtype.name} inputs; pass them with --inputs file.npz")


def _example_batch(rng, features: dict, count: int) -> list:
    examples = []
    for _ in range(count):
        fmap = {}
        for name in sorted(features):
            _kind, dtype, shape = features[name]
            n = 2 if shape is None else int(np.prod([d if d > 0 else 1 for d in shape], dtype=np.int64))
            values = _random_values(rng, dtype, (n,)).reshape(-1)
            dt = tf.as_dtype(dtype)
            if dt.is_floating:
                fmap[name] = tf.train.Feature(float_list=tf.train.FloatList(value=values.tolist()))
            elif dt.is_integer or dt.is_bool:
                fmap[name] = tf.train.Feature(int64_list=tf.train.Int64List(value=[int(v) for v in values]))
            else:
                fmap[name] = tf.train.Feature(bytes_list=tf.train.BytesList(value=list(values)))
        examples.append(tf.train.Example(features=tf.train.Features(feature=fmap)).SerializeToString())
    return examples


def _fill(shape: Any, elements: int) -> tuple | None:
    """A concrete shape compatible with `shape` holding `elements` values, or None."""
    if shape.rank is None:
        return (elements,)
    dims = shape.as_list()
    known = int(np.prod([d for d in dims if d is not None], dtype=np.int64)) if dims else 1
    unknown = [i for i, d in enumerate(dims) if d is None]
    if not unknown:
        return tuple(dims) if known == elements else None
    if len(unknown) > 1 or known == 0 or elements % known:
        return None
    dims[unknown[0]] = elements // known
    return tuple(dims)


def _generation_shape(sa: Any, sb: Any, batch: int) -> tuple:
    if sa.is_compatible_with(sb):
        merged = sa.merge_with(sb)
        if merged.rank is None:
            return (batch,)
        return tuple(batch if d is None else d for d in merged.as_list())
    for fixed, other in ((sb, sa), (sa, sb)):
        if fixed.is_fully_defined():
            shape = _fill(other, int(np.prod(fixed.as_list(), dtype=np.int64)))
            if shape is not None:
                return shape if other is sa else tuple(fixed.as_list())
    return tuple(batch if d is None else d for d in sa.as_list())


def _fit(array: np.ndarray, shape: Any) -> np.ndarray | None:
    if shape.is_compatible_with(array.shape):
        return array
    target = _fill(shape, int(array.size))
    return None if target is None else array.reshape(target)


def _load_inputs(inputs) -> dict:
    if inputs is None:
        return {}
    if isinstance(inputs, Mapping):
        return {str(k): np.asarray(v) for k, v in inputs.items()}
    path = Path(inputs)
    try:
        with np.load(path, allow_pickle=False) as data:
            return {k: data[k] for k in data.files}
    except (OSError, ValueError) as exc:
        raise SmmigrateError(
            f"{path}: cannot read inputs ({_first_line(exc)}); give an .npz from numpy.savez with "
            "arrays named INPUT or SIGNATURE/INPUT (strings as fixed-width bytes, not objects)"
        ) from exc


# ---------------------------------------------------------------------------------------------
# Comparison


def _specs(fn) -> tuple[dict, dict]:
    inputs = dict(fn.structured_input_signature[1]) if fn.structured_input_signature else {}
    outputs = fn.structured_outputs if isinstance(fn.structured_outputs, Mapping) else {}
    return inputs, dict(outputs)


_fmt_shape = _proto.format_shape


def _compare_signature(
    key: str, ma: _Model, mb: _Model, given: dict, *, rtol, atol, seed, batch, strict_method_names
) -> SignatureResult:
    res = SignatureResult(key, "equal", ma.method_names.get(key), mb.method_names.get(key))
    if res.method_a != res.method_b:
        msg = f"method names differ: {res.method_a or '(none)'} vs {res.method_b or '(none)'}"
        (res.problems if strict_method_names else res.notes).append(msg)
    fa, fb = ma.functions[key], mb.functions[key]
    ins_a, outs_a = _specs(fa)
    ins_b, outs_b = _specs(fb)
    if set(ins_a) != set(ins_b):
        res.problems.append(f"input keys differ: A {sorted(ins_a)} vs B {sorted(ins_b)}")
    if set(outs_a) != set(outs_b):
        res.problems.append(f"output keys differ: A {sorted(outs_a)} vs B {sorted(outs_b)}")
    for direction, sa_map, sb_map in (("input", ins_a, ins_b), ("output", outs_a, outs_b)):
        for name in sorted(set(sa_map) & set(sb_map)):
            da, db = sa_map[name].dtype, sb_map[name].dtype
            if da != db:
                res.problems.append(f"{direction} {name!r}: dtype {da.name} vs {db.name}")
    if res.problems and any(p.startswith(("input", "output keys")) for p in res.problems):
        res.status = "different"
        return res  # the same inputs cannot be fed to both sides

    feeds_a, feeds_b = {}, {}
    for name in sorted(ins_a):
        spec_a, spec_b = ins_a[name], ins_b[name]
        shape_a, shape_b = tf.TensorShape(spec_a.shape), tf.TensorShape(spec_b.shape)
        value = given.get(f"{key}/{name}", given.get(name))
        if value is None:
            rng = _rng(seed, key, name)
            if spec_a.dtype == tf.string:
                features = _parse_features(ma.meta_graph, key, name) or _parse_features(mb.meta_graph, key, name)
                if features:
                    shape = _generation_shape(shape_a, shape_b, batch)
                    count = int(np.prod(shape, dtype=np.int64))
                    value = np.array(_example_batch(rng, features, count), dtype=object).reshape(shape)
                    res.notes.append(
                        f"input {name!r}: {count} serialized tf.Example(s) with features {', '.join(sorted(features))}"
                    )
            if value is None:
                value = _random_values(rng, spec_a.dtype, _generation_shape(shape_a, shape_b, batch))
        value = np.asarray(value)
        va, vb = _fit(value, shape_a), _fit(value, shape_b)
        if va is None or vb is None:
            bad = "A" if va is None else "B"
            res.problems.append(
                f"input {name!r}: shapes {_fmt_shape(shape_a)} vs {_fmt_shape(shape_b)} cannot take the same "
                f"values ({value.shape} does not fit {bad})"
            )
            continue
        if va.shape != vb.shape:
            res.notes.append(
                f"input {name!r}: shapes differ, {_fmt_shape(shape_a)} vs {_fmt_shape(shape_b)}; same values "
                "fed reshaped"
            )
        try:
            feeds_a[name] = tf.constant(va, dtype=spec_a.dtype)
            feeds_b[name] = tf.constant(vb, dtype=spec_b.dtype)
        except (TypeError, ValueError) as exc:  # e.g. an --inputs array of the wrong kind
            res.problems.append(
                f"input {name!r}: the given {value.dtype} array does not convert to "
                f"{spec_a.dtype.name} ({_first_line(exc)})"
            )
            res.status = "error"  # bad input data, not a difference between the models
    if res.problems and len(feeds_a) != len(ins_a):
        if res.status != "error":
            res.status = "different"
        return res

    results = []
    for model, fn, feeds in ((ma, fa, feeds_a), (mb, fb, feeds_b)):
        try:
            out = fn(**feeds)
        except Exception as exc:  # noqa: BLE001 - any runtime failure is reported per signature
            res.status = "error"
            hint = "; try --batch 1 or give --inputs" if batch > 1 and "shape" in str(exc).lower() else ""
            res.problems.append(f"{model.label} failed to run: {_first_line(exc)}{hint}")
            return res
        results.append({k: np.asarray(v.numpy() if hasattr(v, "numpy") else v) for k, v in out.items()})
    out_a, out_b = results
    worst = None
    for name in sorted(set(out_a) & set(out_b)):
        a, b = out_a[name], out_b[name]
        if a.shape != b.shape:
            if a.size != b.size:
                res.problems.append(f"output {name!r}: shape {a.shape} vs {b.shape}")
                continue
            res.notes.append(f"output {name!r}: shapes differ, {a.shape} vs {b.shape}; compared element by element")
            b = b.reshape(a.shape)
        if a.dtype.kind in "fciu" and b.dtype.kind in "fciu":
            a64, b64 = (
                a.astype(np.complex128 if a.dtype.kind == "c" else np.float64),
                b.astype(np.complex128 if b.dtype.kind == "c" else np.float64),
            )
            diff = float(np.max(np.abs(a64 - b64), initial=0.0)) if a.size else 0.0
            if math.isnan(diff):
                diff = (
                    float("inf")
                    if not np.array_equal(np.isnan(a64), np.isnan(b64))
                    else float(np.nanmax(np.abs(a64 - b64), initial=0.0))
                )
            if worst is None or diff > worst[0]:
                worst = (diff, name)
            if not np.allclose(a64, b64, rtol=rtol, atol=atol, equal_nan=True):
                res.problems.append(
                    f"output {name!r}: values differ, max abs diff {diff:.6g} (rtol={rtol:g}, atol={atol:g})"
                )
        elif not np.array_equal(a, b):
            res.problems.append(f"output {name!r}: values differ ({int(np.sum(a != b))} of {a.size} elements)")
    if worst is not None:
        res.max_abs_diff, res.worst_output = worst
    res.status = "different" if res.problems else "equal"
    return res


def verify(
    a,
    b,
    *,
    signatures: Sequence[str] | None = None,
    rtol: float = DEFAULT_RTOL,
    atol: float = DEFAULT_ATOL,
    inputs=None,
    seed: int = 0,
    batch: int = 2,
    strict_method_names: bool = False,
    tags: Iterable[str] | None = None,
    checkpoint_a=None,
    checkpoint_b=None,
) -> Report:
    """Compare models `a` and `b` signature by signature; see the module docstring.

    `a`/`b`: SavedModel folders, or graph files (with `checkpoint_a`/`checkpoint_b`) through the
    graph adapter; `a` is the reference. `signatures`: keys to compare (default: every key of
    either model; a key A has and B lacks fails, a key only B has is listed as extra; a requested
    key missing on either side fails). `inputs`: an .npz path or a dict of arrays named
    ``INPUT`` or ``SIGNATURE/INPUT``. Raises SmmigrateError when a model cannot be loaded.
    """
    tags = _proto.parse_tags(tags)
    ma = _load(a, "A", tags, checkpoint_a)
    mb = _load(b, "B", tags, checkpoint_b)
    given = _load_inputs(inputs)
    report = Report(str(a), str(b), rtol, atol, seed, notes=[*ma.notes, *mb.notes])
    keys = list(signatures) if signatures else sorted(set(ma.functions) | set(mb.functions))
    if given:
        # A misspelt array name would silently fall back to generated inputs: refuse it instead.
        known: set[str] = set()
        for key in keys:
            for model in (ma, mb):
                if key in model.functions:
                    for name in _specs(model.functions[key])[0]:
                        known.update((name, f"{key}/{name}"))
        unknown = sorted(set(given) - known)
        if unknown:
            raise SmmigrateError(
                f"{inputs}: arrays {', '.join(unknown)} match no signature input; "
                f"expected names among: {', '.join(sorted(known)) or 'none'}"
            )
    for key in keys:
        if key not in ma.functions or key not in mb.functions:
            if key not in ma.functions and key not in mb.functions:
                raise SmmigrateError(
                    f"no signature {key!r} in either model; A has {', '.join(sorted(ma.functions)) or 'none'}"
                )
            res = SignatureResult(key, "missing in B", ma.method_names.get(key), mb.method_names.get(key))
            if key not in mb.functions:
                # A migration that drops a signature breaks its callers (tensorflow#35795).
                res.problems.append(f"signature {key!r} is in A but not in B")
            elif signatures:
                res.status = "missing in A"
                res.problems.append(f"signature {key!r} was asked for but is only in B")
            else:
                res.status = "only in B"
                res.notes.append(f"signature {key!r} is only in B (extra; not compared)")
            report.signatures.append(res)
            continue
        report.signatures.append(
            _compare_signature(
                key,
                ma,
                mb,
                given,
                rtol=rtol,
                atol=atol,
                seed=seed,
                batch=batch,
                strict_method_names=strict_method_names,
            )
        )
    # Keep both loaded models alive until every signature has run (tensorflow#46708).
    del ma, mb
    return report
