"""`smmigrate verify` / `smmigrate.verify`: equivalence of two models, signature by signature.

Uses the TF Serving fixtures (TF1 export vs its TF2 re-export) and tiny tf.Module exports from
`tests/_helpers_models.py` whose outputs are known exactly (y = a*x + b), so a changed weight must
show up as a precise max abs difference.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from _helpers_models import export_affine

import smmigrate
from smmigrate.cli import main

TF1 = "saved_model_half_plus_two_cpu"
TF2 = "saved_model_half_plus_two_tf2_cpu"


@pytest.fixture(scope="module")
def tiny(tf, tmp_path_factory):
    """Tiny exports: the reference, one changed weight, float64 inputs, one signature fewer."""
    root = tmp_path_factory.mktemp("tiny")
    return {
        "ref": export_affine(tf, root / "ref"),
        "same": export_affine(tf, root / "same"),
        "b_changed": export_affine(tf, root / "b_changed", b=2.25),
        "a_changed": export_affine(tf, root / "a_changed", a=0.75),
        "float64": export_affine(tf, root / "float64", dtype=tf.float64),
        "one_sig": export_affine(tf, root / "one_sig", keys=("serving_default",)),
    }


def test_tf1_fixture_equals_its_tf2_reexport(tf, tf_serving, capsys):
    report = smmigrate.verify(tf_serving / TF1, tf_serving / TF2)
    assert report.equivalent and report.exit_code == 0
    shared = {"serving_default", "classify_x_to_y", "regress_x_to_y", "regress_x_to_y2", "regress_x2_to_y3"}
    assert {s.key for s in report.signatures if s.status == "equal"} == shared
    assert report["classify_x2_to_y3"].status == "only in B"  # extra in the re-export: listed only
    for key in shared:
        assert report[key].max_abs_diff == 0.0
    # serialized tf.Example inputs were built from the graph's ParseExample spec (feature x)
    assert any("tf.Example" in n and "x" in n for n in report["regress_x_to_y"].notes)
    # method names differ (the TF2 export says predict): reported, not failed
    assert any("method names differ" in n for n in report["classify_x_to_y"].notes)

    assert main(["verify", str(tf_serving / TF1), str(tf_serving / TF2)]) == 0
    out = capsys.readouterr().out
    assert "equivalent on 5 signature(s)" in out
    assert main(["verify", str(tf_serving / TF1), str(tf_serving / TF2), "--strict-method-names"]) == 1
    out = capsys.readouterr().out
    assert "NOT EQUIVALENT" in out and "classify_x_to_y" in out.split("NOT EQUIVALENT")[1]


def test_strict_method_names_pass_after_method_names_like(tf, tf_serving, fixture_copy, capsys):
    restored = fixture_copy(TF2)
    smmigrate.update_method_names(restored, like=tf_serving / TF1)
    report = smmigrate.verify(tf_serving / TF1, restored, strict_method_names=True)
    assert report.equivalent, report.format_table()


def test_changed_weight_in_fixture_is_named_with_max_abs_diff(tf, tf_serving, tmp_path, capsys):
    # The TF2 fixture with b (y = a*x + b) raised by 0.5; c (y2) untouched.
    loaded = tf.saved_model.load(str(tf_serving / TF2))
    loaded.b.assign(loaded.b + 0.5)
    changed = tmp_path / "changed"
    tf.saved_model.save(loaded, str(changed), signatures=dict(loaded.signatures))

    report = smmigrate.verify(tf_serving / TF2, changed)
    assert not report.equivalent and report.exit_code == 1
    for key in ("serving_default", "regress_x_to_y", "classify_x_to_y"):
        assert report[key].status == "different"
        assert report[key].max_abs_diff == pytest.approx(0.5, abs=1e-6)
    assert report["regress_x_to_y2"].status == "equal"

    rc = main(["verify", str(tf_serving / TF2), str(changed), "--signature", "serving_default"])
    out = capsys.readouterr().out
    assert rc == 1
    assert "output 'y': values differ, max abs diff 0.5" in out
    assert "NOT EQUIVALENT: 1 of 1 signature(s) differ or failed: serving_default" in out


def test_given_inputs_give_the_exact_difference(tf, tiny, tmp_path):
    npz = tmp_path / "inputs.npz"
    np.savez(npz, **{"x": np.array([[4.0], [-2.0]], dtype=np.float32)})
    report = smmigrate.verify(tiny["ref"], tiny["a_changed"], inputs=npz)
    # |0.75 - 0.5| * 4 for y; 2 * |0.75 - 0.5| * 4 for z
    assert report["serving_default"].max_abs_diff == pytest.approx(1.0)
    assert report["double"].max_abs_diff == pytest.approx(2.0)
    assert report["serving_default"].worst_output == "y"
    # a signature-specific array wins over the plain one
    np.savez(npz, **{"x": np.array([[4.0]], np.float32), "double/x": np.array([[1.0]], np.float32)})
    report = smmigrate.verify(tiny["ref"], tiny["a_changed"], inputs=npz)
    assert report["double"].max_abs_diff == pytest.approx(0.5)


def test_generated_inputs_are_deterministic_and_seeded(tf, tiny):
    # With a changed, the difference depends on the generated x: same seed, same numbers.
    first = smmigrate.verify(tiny["ref"], tiny["a_changed"], seed=7)
    again = smmigrate.verify(tiny["ref"], tiny["a_changed"], seed=7)
    other = smmigrate.verify(tiny["ref"], tiny["a_changed"], seed=8)
    assert first["serving_default"].max_abs_diff == again["serving_default"].max_abs_diff > 0
    assert first["serving_default"].max_abs_diff != other["serving_default"].max_abs_diff
    # a changed bias shifts every output by exactly the change, whatever the inputs
    report = smmigrate.verify(tiny["ref"], tiny["b_changed"])
    assert report["serving_default"].max_abs_diff == pytest.approx(0.25)
    assert report["double"].status == "equal"
    # tolerances are honoured
    assert smmigrate.verify(tiny["ref"], tiny["b_changed"], atol=0.3).equivalent
    assert smmigrate.verify(tiny["ref"], tiny["same"]).equivalent


def test_missing_signature_is_reported(tf, tiny, capsys):
    report = smmigrate.verify(tiny["ref"], tiny["one_sig"])
    assert report["double"].status == "missing in B" and not report.equivalent
    assert report["serving_default"].status == "equal"
    assert main(["verify", str(tiny["ref"]), str(tiny["one_sig"])]) == 1
    out = capsys.readouterr().out
    assert "double" in out and "missing in B" in out and "is in A but not in B" in out
    # an extra signature in B is listed but does not fail; asking for it explicitly does
    assert smmigrate.verify(tiny["one_sig"], tiny["ref"]).equivalent
    report = smmigrate.verify(tiny["one_sig"], tiny["ref"], signatures=["double"])
    assert report["double"].status == "missing in A" and report.exit_code == 1


def test_dtype_mismatch_is_reported(tf, tiny):
    report = smmigrate.verify(tiny["ref"], tiny["float64"])
    res = report["serving_default"]
    assert res.status == "different" and report.exit_code == 1
    assert "input 'x': dtype float32 vs float64" in res.problems
    assert "output 'y': dtype float32 vs float64" in res.problems


def test_errors_exit_2(tf, tf_serving, tmp_path, capsys):
    assert main(["verify", str(tmp_path / "nope"), str(tf_serving / TF2)]) == 2
    assert "nope: no such file or folder" in capsys.readouterr().err
    assert main(["verify", str(tf_serving / TF1), str(tf_serving / TF2), "--signature", "nope"]) == 2
    assert "no signature 'nope' in either model" in capsys.readouterr().err
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not an npz")
    assert main(["verify", str(tf_serving / TF1), str(tf_serving / TF2), "--inputs", str(bad)]) == 2
    assert "bad.npz: cannot read inputs" in capsys.readouterr().err
    report = smmigrate.verify(
        tf_serving / TF1, tf_serving / TF2, signatures=["serving_default"], inputs={"x": np.array([["a"]])}
    )
    assert report.exit_code == 2 and "does not convert to float32" in report["serving_default"].problems[0]
    typo = tmp_path / "typo.npz"
    np.savez(typo, xx=np.zeros((1, 1), np.float32))
    assert main(["verify", str(tf_serving / TF1), str(tf_serving / TF2), "--inputs", str(typo)]) == 2
    assert "typo.npz: arrays xx match no signature input" in capsys.readouterr().err
    # The mkl model's conv outputs broadcast against a batch of 1 only: batch 2 fails to run.
    mkl = tf_serving / "saved_model_half_plus_two_mkl"
    rc = main(["verify", str(mkl), str(mkl), "--signature", "regress_x_to_y2"])
    out = capsys.readouterr().out
    assert rc == 2 and "error" in out and "Incompatible shapes" in out and "--batch 1" in out
    assert main(["verify", str(mkl), str(mkl), "--signature", "regress_x_to_y2", "--batch", "1"]) == 0


def test_graph_and_checkpoint_through_the_adapter(tf, tf_serving, tmp_path, capsys):
    pytest.importorskip("smmigrate.models.graph_adapter")
    graph = tf_serving / "bad_half_plus_two" / "export.meta"  # y = 0.5 x + 2, V1 checkpoint beside it
    # the adapter names the discovered signature's keys after the tensors: Placeholder -> Add
    same = export_affine(tf, tmp_path / "same", keys=("serving_default",), input_name="Placeholder", output_name="Add")
    other = export_affine(
        tf, tmp_path / "other", b=2.25, keys=("serving_default",), input_name="Placeholder", output_name="Add"
    )
    ckpt = str(tf_serving / "bad_half_plus_two")
    assert main(["verify", str(graph), str(same), "--a-checkpoint", ckpt]) == 0
    assert "equivalent on 1 signature(s)" in capsys.readouterr().out
    report = smmigrate.verify(graph, other, checkpoint_a=ckpt)
    assert report["serving_default"].max_abs_diff == pytest.approx(0.25)
    # a legacy export without SignatureDefs: the serialized-Example input is still built from
    # the ParseExample spec found downstream of the string placeholder
    bundle = tf_serving / "session_bundle_half_plus_two" / "export.meta"
    report = smmigrate.verify(bundle, bundle)
    assert report.equivalent, report.format_table()
    assert any("tf.Example" in n for n in report.signatures[0].notes)


def test_cli_subprocess_smoke(tf_serving):
    # One real process: `python -m smmigrate verify` end to end, JSON output.
    import json

    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "smmigrate",
            "verify",
            str(tf_serving / "matrix_half_plus_two"),
            str(tf_serving / "matrix_half_plus_two"),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["equivalent"] is True and [s["key"] for s in data["signatures"]] == ["serving_default"]
