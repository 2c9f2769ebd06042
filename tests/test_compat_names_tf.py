"""compat-names against real TensorFlow 2.21: every table target exists, and a rewritten sample
runs on plain TF 2.21 with the same output as the original run as TF1 code."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest
from progrun import run_programs

from smmigrate.codemods import symbols
from smmigrate.rewrite import rewrite_source

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _lookup(root, dotted):
    obj = root
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


# TF2 spellings that are a different function from the TF1 one (maybe_saved_model_directory ->
# contains_saved_model): each is checked by behaviour instead of identity.
SAME_BEHAVIOUR = {"saved_model.contains_saved_model"}


def _answers_alike(first, second, tmp_path) -> bool:
    """Both say no for an empty folder and yes for one holding saved_model.pb."""
    empty, export = tmp_path / "empty", tmp_path / "export"
    empty.mkdir(exist_ok=True)
    export.mkdir(exist_ok=True)
    (export / "saved_model.pb").write_bytes(b"")
    answers = [(bool(first(str(d))), bool(second(str(d)))) for d in (empty, export)]
    return answers == [(False, False), (True, True)]


@pytest.mark.parametrize("tf1_path", sorted(symbols.SYMBOLS))
def test_symbol_table_entry_exists(tf, tf1_path, tmp_path):
    namespace, target = symbols.SYMBOLS[tf1_path]
    original = _lookup(tf.compat.v1, tf1_path)  # the TF1 spelling is real (in compat.v1)
    roots = [tf, tf.compat.v1] if namespace == symbols.V2 else [tf.compat.v1]
    for root in roots:  # a V2 target is also spelled from a compat.v1 binding
        value = _lookup(root, target)  # raises AttributeError when the spelling does not exist
        if isinstance(original, (str, bytes, int)):
            assert value == original, (tf1_path, target)
        else:
            assert callable(value), (tf1_path, target)
            if target in SAME_BEHAVIOUR:
                assert _answers_alike(value, original, tmp_path), (tf1_path, target)
            else:
                assert value is original or value.__name__ == original.__name__, (tf1_path, target)


@pytest.mark.parametrize("module", sorted(symbols.PRIVATE_MODULES))
def test_private_modules_exist(tf, module):
    importlib.import_module(f"tensorflow.python.saved_model.{module}")


def test_rewritten_sample_runs_on_tf2(tmp_path):
    names = ["compat_v1_style.py"]
    programs_tf1, programs_tf2 = [], []
    for name in names:
        original = tmp_path / "tf1" / name
        original.parent.mkdir(exist_ok=True)
        shutil.copy(SAMPLES / name, original)
        new, diagnostics = rewrite_source(original.read_text(), only=["compat-names"])
        assert new != original.read_text() and not diagnostics
        assert "saved_model.builder" not in new and "tag_constants" not in new and "signature_constants" not in new
        rewritten = tmp_path / "tf2" / name
        rewritten.parent.mkdir(exist_ok=True)
        rewritten.write_text(new)
        programs_tf1.append({"script": str(original), "argv": [str(tmp_path / "out1" / name)]})
        programs_tf2.append({"script": str(rewritten), "argv": [str(tmp_path / "out2" / name)]})
    results_tf1 = run_programs("tf1", programs_tf1)
    results_tf2 = run_programs("tf2", programs_tf2)
    for name, r1, r2 in zip(names, results_tf1, results_tf2, strict=True):
        assert r1["error"] is None, r1["error"]
        assert r2["error"] is None, r2["error"]
        assert r1["stdout"] and r1["stdout"] == r2["stdout"], name
        assert (tmp_path / "out2" / name / "saved_model.pb").exists()
