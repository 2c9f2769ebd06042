"""Run TF1 and TF2 programs for execution tests, many per TensorFlow process.

`python tests/progrun.py tf1|tf2 SPEC.json` runs each program of SPEC (a list of
``{"script", "cwd", "argv"}``) with runpy in this one process and prints a JSON list of
``{"stdout", "error"}`` on the last line. In ``tf1`` mode TensorFlow 1 code runs on TF 2.x the
way the brief prescribes: v2 behaviour disabled, ``tensorflow`` (and ``tensorflow.X``
submodules) mapped to ``tensorflow.compat.v1``, and ``tf.layers`` backed by the legacy Keras 2
package ``tf_keras`` (``TF_USE_LEGACY_KERAS=1``, read by TensorFlow's Keras loader on first use).
In ``tf2`` mode nothing is mapped.

Between programs the default graph is reset (when the process is in graph mode) and the modules
a program imported from its own folder are dropped from ``sys.modules``, so two programs may each
have their own ``model.py``. A script ending in ``.ipynb`` is run as a notebook: its code cells in
order, in one namespace, with IPython magics and shell lines (``%...``, ``!...``) skipped.

From tests, call `run_programs(mode, programs)`; one call = one TensorFlow start-up.
"""

from __future__ import annotations

import contextlib
import importlib.abc
import importlib.util
import io
import json
import os
import subprocess
import sys
import traceback
from pathlib import Path

_REAL_SUBPACKAGES = ("python", "core", "compat", "tools", "lite", "include", "libtensorflow", "_api", "tsl", "xla")


class _V1Alias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """`import tensorflow.saved_model.tag_constants` -> the compat.v1 module of that path."""

    def __init__(self, v1) -> None:
        self.v1 = v1

    def find_spec(self, fullname, path=None, target=None):
        parts = fullname.split(".")
        if parts[0] != "tensorflow" or len(parts) < 2 or parts[1] in _REAL_SUBPACKAGES:
            return None
        obj = self.v1
        for p in parts[1:]:
            obj = getattr(obj, p, None)
            if obj is None:
                return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec):
        obj = self.v1
        for p in spec.name.split(".")[1:]:
            obj = getattr(obj, p)
        return obj

    def exec_module(self, module):
        pass


def _setup(mode: str):
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    if mode == "tf1":
        os.environ["TF_USE_LEGACY_KERAS"] = "1"
    elif not os.environ.pop("PROGRUN_LEGACY_KERAS", None):
        # plain TF 2.21: tf.keras is Keras 3, whatever the caller's environment says (unless the
        # caller asked for Keras 2 through `run_programs(..., env={"TF_USE_LEGACY_KERAS": "1"})`)
        os.environ.pop("TF_USE_LEGACY_KERAS", None)
    import tensorflow as tf

    if mode == "tf1":
        tf.compat.v1.disable_v2_behavior()
        v1 = tf.compat.v1
        sys.modules["tensorflow"] = v1
        sys.meta_path.insert(0, _V1Alias(v1))
        return v1
    return tf


def notebook_source(path: str) -> list[str]:
    """The code cells of a notebook, each without its IPython magic and shell lines."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    cells = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        src = cell.get("source", "")
        text = "".join(src) if isinstance(src, list) else src
        kept = [ln for ln in text.splitlines() if not ln.lstrip().startswith(("%", "!"))]
        cells.append("\n".join(kept) + "\n")
    return cells


def _run_script(script: str) -> None:
    import runpy

    if not script.endswith(".ipynb"):
        runpy.run_path(script, run_name="__main__")
        return
    namespace = {"__name__": "__main__", "__file__": script}
    for i, code in enumerate(notebook_source(script), 1):
        exec(compile(code, f"{script}#cell{i}", "exec"), namespace)


def _purge_modules(folder: Path) -> None:
    """Forget the modules imported from `folder` (the next program may have its own `model.py`)."""
    prefix = str(folder) + os.sep  # the folder is on sys.path resolved, so its modules' files start so
    for name, mod in list(sys.modules.items()):
        f = getattr(mod, "__file__", None)
        if isinstance(f, str) and f.startswith(prefix):
            del sys.modules[name]


def _reset_graph(tf) -> None:
    v1 = getattr(getattr(tf, "compat", None), "v1", tf)
    if not tf.executing_eagerly():
        v1.reset_default_graph()


def _main(mode: str, spec_path: str) -> None:
    tf = _setup(mode)
    programs = json.loads(Path(spec_path).read_text())
    results = []
    real_stdout = sys.stdout
    for prog in programs:
        _reset_graph(tf)
        buf = io.StringIO()
        error = None
        old_cwd, old_argv, old_path = os.getcwd(), sys.argv, list(sys.path)
        folder = Path(prog["script"]).resolve().parent
        try:
            os.chdir(prog.get("cwd") or os.getcwd())
            sys.argv = [prog["script"], *prog.get("argv", [])]
            sys.path.insert(0, str(folder))
            with contextlib.redirect_stdout(buf):
                _run_script(prog["script"])
        except SystemExit as exc:
            if exc.code not in (0, None):
                error = f"SystemExit({exc.code})"
        except BaseException:
            error = traceback.format_exc()
        finally:
            os.chdir(old_cwd)
            sys.argv = old_argv
            sys.path[:] = old_path
            _purge_modules(folder)
        results.append({"stdout": buf.getvalue(), "error": error})
    real_stdout.write("\n" + json.dumps(results) + "\n")


def run_programs(mode: str, programs: list[dict], timeout: float = 600, env: dict | None = None) -> list[dict]:
    """Run `programs` (dicts with script, cwd, argv) in one fresh TF process; returns results.

    `env` adds environment variables to that process, e.g. ``{"TF_USE_LEGACY_KERAS": "1"}`` to run
    Keras 2 programs on the `tf_keras` package (it must be set before TensorFlow is imported)."""
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(programs, fh)
        spec = fh.name
    try:
        proc = subprocess.run(
            [sys.executable, __file__, mode, spec],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={
                **os.environ,
                "TF_CPP_MIN_LOG_LEVEL": "3",
                "PYTHONHASHSEED": "0",
                **(env or {}),
                **({"PROGRUN_LEGACY_KERAS": "1"} if (env or {}).get("TF_USE_LEGACY_KERAS") else {}),
            },
        )
    finally:
        os.unlink(spec)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"program runner failed ({mode}, exit {proc.returncode}):\n{proc.stderr[-4000:]}")
    return json.loads(lines[-1])


if __name__ == "__main__":
    _main(sys.argv[1], sys.argv[2])
