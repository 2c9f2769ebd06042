"""The graph adapter: a TF1 graph + checkpoint as pruned TF2 functions, exportable as a TF2 SavedModel.

`wrap_metagraph(graph, checkpoint, ...)` reads a SavedModel, MetaGraphDef or frozen GraphDef
(`_graphio`), rewrites every variable into a placeholder that is mapped onto an eager resource
variable owned by the returned `WrappedGraph` (so reference variables, which the migration guide's
`wrap_function` recipe cannot restore, become ordinary TF2 variables), imports the graph into one
`tf.compat.v1.wrap_function`, restores the checkpoint as the graph's own saver does (its restore
subgraph read into a plan and run as one eager RestoreV2 in a background thread while the graph is
imported, or the restore op itself; by checkpoint keys without a saver: `_checkpoint`), runs the
init/main/legacy-init op and table initializers with asset paths fed, and prunes one
ConcreteFunction per SignatureDef (or per explicit feeds/fetches, `_select`). `WrappedGraph.save()`
writes a TF2 SavedModel holding the variables, the signatures, the assets and an initializer
resource that re-runs the table initializers on load, as a Reusable SavedModel (`variables`,
`trainable_variables`, `regularization_losses`, `__call__`). Signature outputs that were reference
tensors export the variable's value; TensorInfos the graph contradicts are corrected from the graph.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .. import _proto
from .._tf import import_tensorflow
from ..errors import SmmigrateError
from ..fsutil import atomic_directory
from . import _checkpoint, _graphio, _resource_vars, _select
from ._resources import Initializer, Table

tf = import_tensorflow()

from tensorflow.python.eager import lift_to_graph  # noqa: E402
from tensorflow.python.framework import op_def_registry  # noqa: E402
from tensorflow.python.ops import resource_variable_ops  # noqa: E402
from tensorflow.python.trackable import autotrackable  # noqa: E402

__all__ = ["wrap_metagraph", "WrappedGraph"]

_uid = itertools.count()


def _op_info(op_type: str, index):
    """index None: does op_type exist?  Otherwise: is input `index` of op_type a ref input?"""
    op_def = op_def_registry.get(op_type)
    if index is None:
        return op_def is not None
    if op_def is None or index >= len(op_def.input_arg):
        return False
    return op_def.input_arg[index].is_ref


def _start(job, background: bool):
    """Run `job` now, or in a thread; return a function that waits for it and re-raises its error."""
    if not background:
        job()
        return lambda: None
    outcome: list = []

    def target():
        try:
            job()
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            outcome.append(exc)

    thread = threading.Thread(target=target, name="smmigrate-restore", daemon=True)
    thread.start()

    def wait():
        thread.join()
        if outcome:
            raise outcome[0]

    return wait


class WrappedGraph:
    """A TF1 graph imported once and pruned into TF2 ConcreteFunctions over eager variables.

    Attributes: `functions` (key -> ConcreteFunction taking keyword tensors, returning a dict),
    `variables` (the restored tf.Variables), `notes` (what was chosen and why), `source`.
    Every function keeps a reference to this object, so the variables it reads outlive it
    (tensorflow#46708).
    """

    def __init__(self, source: _graphio.GraphSource, *, clear_devices: bool = True, import_now: bool = True):
        if not tf.executing_eagerly():
            # Variables and functions here are TF2 eager objects; inside a tf.Graph (or with v2
            # behaviour disabled) they would silently become graph ops of the caller's graph.
            raise SmmigrateError(
                f"{source.path}: the graph adapter needs eager execution; call it outside "
                "`with tf.Graph().as_default()` and without tf.compat.v1.disable_v2_behavior()"
            )
        self.source = source
        self.notes: list[str] = []
        self.functions: dict = {}
        self._meta = _graphio.sanitize(source.meta_graph, clear_devices)
        self._suffix = f"_smm{next(_uid)}"
        self._rewrite = _resource_vars.resource_graph(self._meta.graph_def, self._suffix, _op_info)
        self._init_fn = None
        self._assets: list = []
        self._vars: dict = {}
        self._tables: dict = {}
        self._ready = threading.Event()  # set once the variables exist (background restore waits)
        self._cancelled = False
        self._captured: list = []  # variables mapped onto eager variables at import
        self._init_spec: Any = None  # (init op names, asset tensor names, asset paths)
        self._restored = False
        self._wrapped: Any = None  # the tf.compat.v1.wrap_function of the imported graph
        if import_now:
            self._create_resources()
            self._make_wrapped()

    def _create_resources(self):
        """Create the eager (uninitialized) variables and the tables the graph will be mapped onto."""
        # Trainable as the graph recorded it; a graph without collections gets TF1's default (True).
        has_collection = "trainable_variables" in self._meta.collection_def
        trainable = {self._var_def_name(v) for v in self._variable_defs("trainable_variables")}
        for name, node in self._rewrite.variables.items():
            self._vars[name] = resource_variable_ops.UninitializedVariable(
                shape=tf.TensorShape(node.shape),
                dtype=tf.dtypes.as_dtype(node.dtype),
                name=name,
                trainable=(name in trainable) if has_collection else True,
            )
        # Table nodes with one shared name are one table in TF1 (e.g. a table and the copy of it
        # that `tables_initializer()` built), so they map onto one eager table.
        by_shared: dict = {}
        for name, node in self._rewrite.tables.items():
            key = (node.attr["container"].s, node.attr["shared_name"].s) if node.attr["shared_name"].s else name
            if key not in by_shared:
                by_shared[key] = Table(node, f"{name}{self._suffix}")
            self._tables[name] = by_shared[key]
        self._captured = list(self._vars)
        self._ready.set()

    def _make_wrapped(self):
        self._wrapped = tf.compat.v1.wrap_function(self._import, signature=[])
        self.graph = self._wrapped.graph
        with self.graph.as_default():
            # Pruned init functions need one data output to anchor their control outputs.
            self._anchor = tf.constant(0.0, name=f"smmigrate_anchor{self._suffix}")

    # ----------------------------------------------------------------- import
    def _import(self):
        g = tf.compat.v1.get_default_graph()
        input_map = {
            f"{name}:0": g.capture(self._vars[name].handle, name=f"smmigrate_capture{self._suffix}_{i}")
            for i, name in enumerate(self._captured)
        }
        for i, (name, table) in enumerate(self._tables.items()):
            input_map[f"{name}:0"] = g.capture(table.resource_handle, name=f"smmigrate_table{self._suffix}_{i}")
        try:
            tf.graph_util.import_graph_def(self._rewrite.graph_def, input_map=input_map, name="")
        except (ValueError, tf.errors.OpError) as exc:
            msg = str(exc).strip().splitlines()[0][:300]
            raise SmmigrateError(
                f"{self.source.path}: graph does not import on TensorFlow {tf.__version__} ({msg})"
            ) from None
        names = {op.name for op in g.get_operations()}
        missing = [n.name for n in self._rewrite.graph_def.node if n.name not in names]
        if missing:  # the importer renamed a clashing node; lookups by name would be wrong
            raise SmmigrateError(f"{self.source.path}: node names clash on import ({missing[:3]}); please report this")

    def _variable_defs(self, collection="variables"):
        return _graphio.variable_defs(self._meta, collection)

    @staticmethod
    def _var_def_name(vdef) -> str:
        return _proto.op_name(vdef.variable_name)

    def _init_op_names(self) -> list[str]:
        return _graphio.init_op_names(self._meta)

    # ---------------------------------------------------------------- lookups
    def _element(self, name: str, what: str):
        tname = _graphio.tensor_name(name)
        try:
            op_name, idx = _proto.input_parts(tname)
        except ValueError:
            raise SmmigrateError(
                f"{self.source.path}: {what} {name!r} is not a tensor name (expected op:index, e.g. y:0); "
                "fix the name in the SignatureDef or pass --feeds/--fetches"
            ) from None
        if op_name in self._rewrite.dropped:
            raise SmmigrateError(
                f"{self.source.path}: {what} {name!r} cannot be used in TF2: {self._rewrite.dropped[op_name]}"
            )
        try:
            op = self.graph.get_operation_by_name(op_name)
        except (KeyError, ValueError):
            raise SmmigrateError(
                f"{self.source.path}: no tensor named {name!r} ({what}); list the graph's nodes and pass "
                "an existing name such as x:0"
            ) from None
        if idx >= len(op.outputs):
            if not op.outputs:
                raise SmmigrateError(
                    f"{self.source.path}: {what} {name!r} is an operation without outputs; pass a tensor"
                )
            raise SmmigrateError(f"{self.source.path}: {op_name} has no output {idx} ({what} {name!r})")
        return op.outputs[idx]

    def _operation(self, name: str, what: str):
        op_name = _proto.op_name(name)
        if op_name in self._rewrite.dropped:
            raise SmmigrateError(
                f"{self.source.path}: {what} {op_name} cannot run in TF2: {self._rewrite.dropped[op_name]}"
            )
        try:
            return self.graph.get_operation_by_name(op_name)
        except (KeyError, ValueError):
            hint = (
                "; the export names an init op its graph lacks: re-export it from the training code "
                "(or remove the name from the MetaGraph's init-op collection)"
                if what == "init op"
                else ""
            )
            raise SmmigrateError(f"{self.source.path}: {what} {op_name!r} is not in the graph{hint}") from None

    def variable(self, name: str):
        return self._vars[name]

    @property
    def variables(self) -> list:
        """The graph's variables that hold a value (restored or initialized), in graph order."""
        return [v for v in self._vars.values() if bool(v.is_initialized())]

    # ---------------------------------------------------------------- restore
    def restore_checkpoint(self, prefix: str, *, background: bool = False):
        """Restore every variable from `prefix` (a prefix or V1 file pattern, see _checkpoint).

        With a saver, its restore subgraph decides which key (and slice) goes into which variable.
        When that subgraph is fully understood (only restore ops, assignments and constants) the
        same reads run as one eager RestoreV2, which skips pruning and instantiating a function;
        anything else runs the graph's own restore op. With `background=True` an eager restore
        runs in a thread (reading the checkpoint overlaps importing and pruning the graph); the
        returned function waits for it and re-raises its error. Checks happen before, in any case.
        """
        if not background and not self._ready.is_set():
            self._create_resources()  # a foreground restore assigns right away
        reader = _checkpoint.open_reader(tf, prefix)
        saver_def = self._meta.saver_def if self._meta.HasField("saver_def") else None
        restore_op = _proto.op_name(saver_def.restore_op_name) if saver_def else ""
        original = self._meta.graph_def
        if saver_def and any(n.name == restore_op for n in original.node):
            plan = _checkpoint.plan_from_saver(original, restore_op)
            _checkpoint.check_plan(plan, self._rewrite.variables, reader, prefix, self.source.path)
            if _checkpoint.plan_is_complete(original, restore_op, saver_def.filename_tensor_name, plan):
                self.notes.append(
                    f"restored {len(plan)} variable(s) from {prefix} as the graph's saver does ({restore_op})"
                )
                return _start(lambda: self._restore_plan(prefix, plan), background)
            if restore_op in self._rewrite.dropped:
                raise SmmigrateError(
                    f"{self.source.path}: saver restore op cannot run: {self._rewrite.dropped[restore_op]}"
                )
            if not self._ready.is_set():
                self._create_resources()
            if self._wrapped is None:
                self._make_wrapped()
            filename = self._element(saver_def.filename_tensor_name, "saver filename tensor")
            fn = self._wrapped.prune(feeds=[filename], fetches=[filename, self.graph.get_operation_by_name(restore_op)])
            fn._smm_owner = self
            self._run(lambda: fn(tf.constant(prefix)), f"restoring {prefix}")
            self.notes.append(f"restored {len(plan)} variable(s) from {prefix} with the graph's saver ({restore_op})")
            return _start(lambda: None, False)
        plan = _checkpoint.plan_from_names(self._rewrite.variables, self._variable_defs())
        _checkpoint.check_plan(plan, self._rewrite.variables, reader, prefix, self.source.path)
        self.notes.append(f"restored {len(plan)} variable(s) from {prefix} by checkpoint key (graph has no saver)")
        return _start(lambda: self._restore_plan(prefix, plan), background)

    def _restore_plan(self, prefix: str, plan) -> None:
        if not plan:
            return
        # One RestoreV2 (it also reads V1 files and patterns); assignment shares the restored
        # buffers, so peak memory stays at one copy of the weights.
        values = self._run(
            lambda: tf.raw_ops.RestoreV2(
                prefix=prefix,
                tensor_names=[it.key for it in plan],
                shape_and_slices=[it.slice_spec for it in plan],
                dtypes=[tf.dtypes.as_dtype(it.dtype) for it in plan],
            ),
            f"restoring {prefix}",
        )
        self._ready.wait()  # in a background restore, the variables are created meanwhile
        if self._cancelled:
            return
        for it, value in zip(plan, values, strict=True):
            var = self._vars[it.variable]
            self._run(lambda var=var, value=value: var.assign(value), f"restoring {it.variable} from {prefix}")
        del values

    def assign_values(self, values: Mapping[str, object]) -> None:
        """Set variables from values (e.g. read from a live TF1 session): {variable op name: array}."""
        unknown = sorted(set(values) - set(self._vars))
        if unknown:
            raise SmmigrateError(f"{self.source.path}: no variable named {unknown[0]!r} in the graph")
        for name, value in values.items():
            self._vars[name].assign(value)

    def _run(self, thunk, what: str):
        try:
            return thunk()
        except tf.errors.OpError as exc:
            msg = (exc.message or str(exc)).strip().splitlines()[0][:300]
            raise SmmigrateError(f"{self.source.path}: failed {what}: {msg}") from None

    # ------------------------------------------------------------------- init
    def run_init(self) -> None:
        """Run the init/main/legacy-init op (or table and local-variable initializers) once."""
        names = [n for n in self._init_op_names() if n]
        if not names:
            return
        tensors, paths = [], []
        for tensor, filename in _graphio.asset_feeds(self._meta):
            try:
                path = _graphio.resolve_asset(self.source, filename)
            except SmmigrateError:
                # The graph keeps its recorded path; only an op that opens the file will fail.
                self.notes.append(
                    f"asset {filename} not found in {_graphio.asset_dir_for(self.source)}; the graph's recorded "
                    "path is kept"
                )
                continue
            tensors.append(tensor)
            paths.append(path)
        self._init_spec = (names, tensors, paths)
        init_fn = self._prune_init()
        self._run(lambda: init_fn(*[tf.constant(p) for p in paths]), f"running init op {', '.join(names)}")
        self._assets = [tf.saved_model.Asset(p) for p in paths]
        self.notes.append(f"ran init op {', '.join(names)}" + (f" with {len(paths)} asset(s)" if paths else ""))

    def _prune_init(self):
        names, tensors, _ = self._init_spec
        feeds = [self._element(t, "asset tensor") for t in tensors]
        ops = [self._operation(n, "init op") for n in names]
        try:
            init_fn = self._wrapped.prune(feeds=feeds, fetches=[self._anchor, *ops])
        except lift_to_graph.UnliftableError as exc:
            raise SmmigrateError(
                f"{self.source.path}: init op {names[0]} needs an input that is not fed "
                f"({str(exc).strip().splitlines()[-1][:200]})"
            ) from None
        init_fn._smm_owner = self
        self._init_fn = init_fn
        return init_fn

    def finish_restore(self) -> bool:
        """After restore and init: stop capturing variables that still have no value.

        Every pruned function captures every variable of the graph it was pruned from, and an
        uninitialized one cannot be exported (and would read as an empty tensor). Re-importing with
        only initialized variables captured leaves the others as unfed placeholders, so a function
        that reads one fails its closure check with the variable's name.
        """
        missing = [n for n, v in self._vars.items() if not bool(v.is_initialized())]
        if not missing:
            return False
        self._captured = [n for n in self._vars if n not in missing]
        self._missing = set(missing)
        self._make_wrapped()
        if self._init_spec is not None:
            self._prune_init()
        return True

    _missing: set = set()

    # ------------------------------------------------------------------ prune
    def prune(self, feeds, fetches, *, label: str = "function"):
        """Prune a function: feeds {kwarg: name} or [names], fetches {key: name} or [names]."""
        if not isinstance(feeds, Mapping):
            taken: set = set()
            feeds = {_select.kwarg_name(_graphio.tensor_name(n), taken): n for n in (feeds or [])}
        if not isinstance(fetches, Mapping):
            taken = set()
            fetches = {_select.kwarg_name(_graphio.tensor_name(n), taken): n for n in fetches}
        if not fetches:
            raise SmmigrateError(f"{self.source.path}: {label} has no outputs; pass --fetches")
        keys = sorted(feeds)
        feed_t = [self._element(feeds[k], "feed") for k in keys]
        fetch_t = {k: self._element(self._value_of(v, label, k), "fetch") for k, v in fetches.items()}
        _select.check_closure(self, feed_t, list(fetch_t.values()), label)
        spec = {k: tf.TensorSpec(t.shape, t.dtype, name=k) for k, t in zip(keys, feed_t, strict=False)}
        try:
            fn = self._wrapped.prune(
                feeds=feed_t, fetches=fetch_t, input_signature=((), spec), are_keyword_args_also_positional=True
            )
        except lift_to_graph.UnliftableError as exc:
            raise SmmigrateError(
                f"{self.source.path}: {label} cannot be pruned: {str(exc).splitlines()[-1][:200]}"
            ) from None
        fn._arg_keywords = keys
        fn._num_positional_args = 1 if len(keys) == 1 else 0
        fn._smm_owner = self  # keep variables alive while the function is (tensorflow#46708)
        return fn

    def _value_of(self, name: str, label: str, key: str) -> str:
        """A fetch of a reference tensor (a variable, an assignment) -> the read of its value after it.

        A TF1 Session fetching `counter:0` or `assign_add:0` returned the variable's value (after
        the assignment); once variables are resources those tensors are handles or do not exist.
        """
        tname = _graphio.tensor_name(name)
        value = self._rewrite.ref_fetches.get(tname)
        if value is None:
            return name
        note = f"{label} output {key}: {tname} is a reference tensor; exported as the variable's value ({value})"
        if note not in self.notes:
            self.notes.append(note)
        return value

    def _spec_notes(self, key: str, sig) -> None:
        """Say where a SignatureDef's recorded TensorInfo disagrees with the graph (the graph wins)."""
        for kind, infos in (("input", sig.inputs), ("output", sig.outputs)):
            for name in sorted(infos):
                info = infos[name]
                try:
                    t = self._element(info.name, kind)
                except SmmigrateError:
                    continue  # reported precisely when the function is pruned
                recorded_dtype = tf.dtypes.as_dtype(info.dtype) if info.dtype else None
                recorded_shape = tf.TensorShape(None if info.tensor_shape.unknown_rank else info.tensor_shape)
                actual_dtype = t.dtype.base_dtype
                if recorded_dtype is not None and recorded_dtype._is_ref_dtype:
                    recorded_dtype = None  # said by the reference-tensor note
                wrong = []
                if recorded_dtype is not None and recorded_dtype != actual_dtype:
                    wrong.append("dtype")
                if not recorded_shape.is_compatible_with(t.shape):
                    wrong.append("rank" if recorded_shape.rank != t.shape.rank else "shape")
                if wrong:
                    was = _proto.format_spec(recorded_dtype.name if recorded_dtype else "?", recorded_shape)
                    now = _proto.format_spec(actual_dtype.name, t.shape)
                    note = (
                        f"signature {key} {kind} {name}: corrected the recorded {' and '.join(wrong)} "
                        f"{was} to the graph's {now} ({t.name})"
                    )
                    if note not in self.notes:  # signatures are pruned again after a re-import
                        self.notes.append(note)

    def discover(self) -> tuple[list[str], list[str]]:
        """Feeds and fetches chosen for a graph without signatures (recorded in `notes`)."""
        return _select.discover(self)

    def add_signatures(self, only: str | None = None) -> None:
        """One function per SignatureDef (skipping `__` keys), inputs by key, trusting the graph."""
        sigs = {k: s for k, s in self._meta.signature_def.items() if not k.startswith("__")}
        if only is not None:
            if only not in sigs:
                avail = ", ".join(sorted(sigs)) or "none"
                raise SmmigrateError(f"{self.source.path}: no signature {only!r} (available: {avail})")
            sigs = {only: sigs[only]}
        for key in sorted(sigs):
            sig = sigs[key]
            for kind, infos in (("input", sig.inputs), ("output", sig.outputs)):
                for name, info in infos.items():
                    if info.WhichOneof("encoding") != "name":
                        raise SmmigrateError(
                            f"{self.source.path}: signature {key} {kind} {name} is a composite (sparse/ragged) "
                            "tensor, which is not supported yet; pass --feeds/--fetches with its component tensors"
                        )
            self._spec_notes(key, sig)
            self.functions[key] = self.prune(
                {k: i.name for k, i in sig.inputs.items()},
                {k: i.name for k, i in sig.outputs.items()},
                label=f"signature {key}",
            )

    # ------------------------------------------------------------------- save
    def save(self, export_dir, *, overwrite: bool = False) -> Path:
        """Write a TF2 SavedModel (variables, one signature per function, assets, initializer)."""
        if not self.functions:
            raise SmmigrateError(f"{self.source.path}: nothing to export (no functions were built)")
        root = autotrackable.AutoTrackable()
        # TF2's Reusable SavedModel convention (what hub.KerasLayer and fine-tuning code read):
        # variables, trainable_variables (the TF1 collection's, see _create_resources),
        # regularization_losses, and __call__ = the default signature's function.
        root.variables = self.variables
        root.trainable_variables = [v for v in root.variables if v.trainable]
        root.regularization_losses = []
        for name in _graphio.collection_names(self._meta, "regularization_losses"):
            try:
                loss = self.prune({}, {"loss": name}, label=f"regularization loss {name}")
            except SmmigrateError as exc:  # e.g. it needs a placeholder: the export goes on without it
                self.notes.append(f"regularization loss {name} not exported ({exc})")
                continue
            root.regularization_losses.append(_loss_function(loss))
        if "serving_default" in self.functions:
            root.__call__ = _call_function(self.functions["serving_default"])
        root.tables = list({id(t): t for t in self._tables.values()}.values())
        if self._init_fn is not None:
            root.initializer = Initializer(self._init_fn, self._assets)
            root.assets = list(self._assets)
        export_dir = Path(export_dir)
        try:
            with atomic_directory(export_dir, overwrite=overwrite) as tmp:
                try:
                    tf.saved_model.save(root, os.fspath(tmp), signatures=dict(self.functions))
                except (ValueError, TypeError, AssertionError, tf.errors.OpError) as exc:
                    msg = str(exc).strip().splitlines()[0][:300]
                    raise SmmigrateError(f"{export_dir}: export failed ({msg})") from None
        except OSError as exc:
            raise SmmigrateError(
                f"{export_dir}: cannot write the export ({exc.strerror}); choose another --out"
            ) from None
        return export_dir


def _loss_function(fn):
    """One entry of a Reusable SavedModel's `regularization_losses`: no arguments, a scalar tensor."""

    @tf.function(input_signature=[])
    def loss():
        return fn()["loss"]

    return loss


def _call_function(fn):
    """`__call__` of a Reusable SavedModel: the default signature taking its one input positionally
    (or a dict of its inputs when it has several), returning the signature's dict of outputs."""
    specs = dict(fn.structured_input_signature[1])
    if len(specs) == 1:
        ((key, spec),) = specs.items()

        @tf.function(input_signature=[spec])
        def call_one(inputs):
            return fn(**{key: inputs})

        return call_one

    @tf.function(input_signature=[specs])
    def call(inputs):
        return fn(**inputs)

    return call


def build(
    source: _graphio.GraphSource,
    *,
    checkpoint: str | None = None,
    values: Mapping[str, object] | None = None,
    feeds: Sequence[str] | None = None,
    fetches: Sequence[str] | None = None,
    signature: str | None = None,
    clear_devices: bool = True,
    signatures: bool = True,
) -> WrappedGraph:
    """Internal entry point behind `wrap_metagraph`, also meant for `export_session` (issue 6).

    `source`: a `_graphio.GraphSource` (`_graphio.source_from(meta_graph_def_or_tf_graph)` for an
    in-memory graph). `checkpoint`: a resolved prefix/pattern (`_checkpoint.resolve_checkpoint`) or
    None. `values`: {variable op name: value} assigned after restoring (e.g. read from a live
    session), instead of or on top of a checkpoint. With `signatures=False` it returns once the
    variables are set and the init op has run: then build functions with
    `w.functions[key] = w.prune({arg: tensor name}, {output key: tensor name}, label=...)` and
    call `w.save(dir)`.
    """
    # The checkpoint is read in a thread while the graph is imported and the functions are
    # pruned (neither depends on the values); init and the initialization check wait for it.
    w = WrappedGraph(source, clear_devices=clear_devices, import_now=False)
    wait = lambda: None  # noqa: E731
    if checkpoint is not None and w._rewrite.variables:
        wait = w.restore_checkpoint(checkpoint, background=True)
        w._restored = True
    elif checkpoint is not None:
        w.notes.append(f"graph has no variables; checkpoint {checkpoint} not used")
    ok = False
    try:
        if not w._ready.is_set():
            w._create_resources()
        if w._wrapped is None:
            w._make_wrapped()
        if signatures and values is None:
            _build_functions(w, feeds, fetches, signature)
        ok = True
    finally:
        if not ok:  # let the restore thread finish quietly; the error in flight is the one to show
            w._cancelled = True
            w._ready.set()
            with contextlib.suppress(Exception):
                wait()
    wait()
    if values is not None:
        w.assign_values(values)
        w._restored = True
    w.run_init()
    if w.finish_restore() or (signatures and values is not None):
        # Re-imported without the variables that have no value: prune again from the new graph
        # (a function needing one of them now fails its closure check, naming it).
        w.functions.clear()
        if signatures:
            _build_functions(w, feeds, fetches, signature)
    return w


def _build_functions(w: WrappedGraph, feeds, fetches, signature) -> None:
    source = w.source
    if feeds is not None or fetches is not None:
        if fetches is None:
            _, fetches = _select.discover(w)
        if feeds is None:
            feeds = _select.placeholders_needed(w, [w._element(f, "fetch") for f in fetches])
        w.functions[signature or "serving_default"] = w.prune(list(feeds), list(fetches), label="function")
    elif any(not k.startswith("__") for k in w._meta.signature_def):
        w.add_signatures(signature)
    else:
        if signature is not None:
            raise SmmigrateError(
                f"{source.path}: graph has no signatures, so there is no {signature!r}; pass --feeds/--fetches"
            )
        d_feeds, d_fetches = _select.discover(w)
        w.functions["serving_default"] = w.prune(d_feeds, d_fetches, label="function")


def wrap_metagraph(
    graph,
    checkpoint=None,
    *,
    feeds: Sequence[str] | None = None,
    fetches: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
    signature: str | None = None,
    clear_devices: bool = True,
) -> WrappedGraph:
    """Wrap a TF1 graph (+ checkpoint) as pruned TF2 functions; see the module docstring.

    `graph`: SavedModel folder, MetaGraphDef/GraphDef file (binary or text), or such a proto /
    tf.Graph in memory. `checkpoint`: prefix, .index/.data/.meta path, V1 file or folder with a
    `checkpoint` state file; by default the one beside the graph. `feeds`/`fetches`: names as
    `x`, `x:0` or `^x`; by default the SignatureDefs, else discovered. Raises SmmigrateError.
    """
    tags = tuple(tags) if tags is not None else None
    source = _graphio.source_from(graph, tags)
    ckpt: str | None
    if checkpoint is not None:
        ckpt = _checkpoint.resolve_checkpoint(checkpoint)
    else:
        ckpt = _checkpoint.default_checkpoint(source)
    return build(
        source, checkpoint=ckpt, feeds=feeds, fetches=fetches, signature=signature, clear_devices=clear_devices
    )
