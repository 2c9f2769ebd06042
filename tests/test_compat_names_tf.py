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


@pytest.mark.parametrize("tf1_path", sorted(symbols.SYMBOLS))
def test_symbol_table_entry_exists(tf, tf1_path):
    namespace, target = symbols.SYMBOLS[tf1_path]
    original = _lookup(tf.compat.v1, tf1_path)  # the TF1 spelling is real (in compat.v1)
    roots = [tf, tf.compat.v1] if namespace == symbols.V2 else [tf.compat.v1]
    for root in roots:  # a V2 target is also spelled from a compat.v1 binding
        value = _lookup(root, target)  # raises AttributeError when the spelling does not exist
        if isinstance(original, (str, bytes, int)):
            assert value == original, (tf1_path, target)
        else:
            assert callable(value) and (
                value is original or value.__name__ == original.__name__ or "contains" in target
            )


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
