"""What every model tool uses to write a TF2 SavedModel: the real TF2 API, eager mode, method names.

`upgrade`, the session bridge and `wrap-metagraph` all end the same way: a graph adapter saved with
`tf.saved_model.save` into a staging folder, TF2's hard-coded predict method names replaced by the
original classify/regress ones, the fingerprint recomputed, and one rename into place. That path,
and the context managers that make it work inside TF1 programs, live here.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from .. import _proto
from .._tf import import_tensorflow
from ..errors import SmmigrateError
from ..fsutil import atomic_directory, atomic_write_bytes

__all__ = ["PREDICT", "eager", "real_tensorflow", "save_wrapped", "write_method_names"]

PREDICT = "tensorflow/serving/predict"


@contextlib.contextmanager
def real_tensorflow():
    """Make ``import tensorflow`` mean the TF2 API while smmigrate's TF modules load and run.

    TF1 programs are sometimes run with ``sys.modules['tensorflow']`` replaced by
    ``tensorflow.compat.v1`` (our own tf1 test harness does that, as do some migration shims);
    there `tf.saved_model.load` is the TF1 loader and `tf.Variable` a TF1 variable, so the modules
    of `smmigrate.models` must see the v2 API instead.
    """
    tf = import_tensorflow()
    if getattr(tf, "__name__", "tensorflow") == "tensorflow":
        yield tf
        return
    v2 = tf.compat.v2
    saved = sys.modules["tensorflow"]  # present: import_tensorflow() imported it
    sys.modules["tensorflow"] = v2
    try:
        yield v2
    finally:
        sys.modules["tensorflow"] = saved


@contextlib.contextmanager
def eager(tf):
    """Eager execution for the TF2 part, also in a program that disabled v2 behaviour."""
    if tf.executing_eagerly():
        yield
        return
    from tensorflow.python.eager import context

    with context.eager_mode():
        yield


def save_wrapped(w, export_dir, methods: Mapping[str, str], *, overwrite: bool = False, extra=None, check=None) -> Path:
    """`w.save` into a staging folder, method names and `extra(folder)` applied, then one rename.

    The export folder appears only complete: with TF2's predict method names replaced by the
    original classify/regress ones and anything `extra` adds (e.g. assets.extra/); `check(folder)`
    runs on the complete folder before it is renamed into place (raise to abandon the export).
    """
    from .method_names import recompute_fingerprint

    export_dir = Path(export_dir)
    try:
        with atomic_directory(export_dir, overwrite=overwrite) as tmp:
            staging = tmp / "export"
            w.save(staging)
            changes = {
                k: {"old": PREDICT, "new": m, "reason": "original"} for k, m in methods.items() if m and m != PREDICT
            }
            if changes:
                # Copied as the original had them, without the contract check: this is the same
                # signature (TF Serving's own fixture has a regress signature with a float input).
                write_method_names(staging, changes, None)
                recompute_fingerprint(staging)
            if extra is not None:
                extra(staging)
            for child in list(staging.iterdir()):
                os.replace(child, tmp / child.name)
            staging.rmdir()
            if check is not None:
                check(tmp)
    except OSError as exc:
        raise SmmigrateError(f"{export_dir}: cannot write the export ({exc.strerror or exc})") from None
    return export_dir


def write_method_names(export_dir: Path, changes: dict, tags) -> list:
    """Edit every SavedModel file present (pb and/or pbtxt), each atomically; return warnings.

    When both exist TensorFlow loads the .pb; the .pbtxt gets the same edits (only the method
    names, not the .pb's content) so the two never disagree about them.
    """
    from google.protobuf import text_format

    notes = []
    for name, text in ((_proto.SAVED_MODEL_PBTXT, True), (_proto.SAVED_MODEL_PB, False)):
        path = export_dir / name
        if not path.exists():
            continue
        saved_model = _proto.parse_saved_model_file(path, text)
        mg = _proto.select_meta_graph(saved_model, _proto.parse_tags(tags), str(path))
        for key, change in changes.items():
            if key in mg.signature_def:
                mg.signature_def[key].method_name = change["new"]
            else:
                notes.append(f"{path.name}: has no signature {key!r}; left as is")
        if text:
            data = text_format.MessageToString(saved_model).encode("utf-8")
        else:
            data = saved_model.SerializeToString(deterministic=True)
        atomic_write_bytes(path, data)
    return notes
