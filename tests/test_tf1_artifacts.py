"""TF1 SavedModels that TF 2.21 struggles with (issue 13): metadata the graph contradicts, reference-typed
stateful signatures, missing init ops; and upgraded models as Reusable SavedModels fine-tuned by Keras 3.

The artifacts are written by `tests/_tf1_artifacts.py` (TF1 code with v2 behaviour disabled, in its
own process, then SignatureDefs edited) once per module into a tmp folder. Everything else runs in
this process: `inspect`'s prediction is checked against the real `tf.saved_model.load`, `upgrade`
and `wrap-metagraph` outputs against TF1 Session runs of the originals.
"""

from __future__ import annotations

import shutil

import _tf1_artifacts
import numpy as np
import pytest

from smmigrate.cli import main
from smmigrate.errors import SmmigrateError
from smmigrate.inspect_model import inspect

X = np.array(_tf1_artifacts.X, np.float32)

# fixture -> (loads with TF 2.21?, what inspect must name when it does not)
PREDICTIONS = {
    "regress_mismatch": (True, None),
    "rank_mismatch": (True, None),
    "dtype_mismatch": (True, None),
    "output_shapes_mismatch": (False, "_output_shapes"),
    "missing_init": (False, "init op init_tables_gone is not in the graph"),
    "counter": (False, "reference tensor"),
    "dense": (True, None),
}


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory):
    pytest.importorskip("tensorflow")
    out = tmp_path_factory.mktemp("tf1_artifacts")
    expected = _tf1_artifacts.generate(out)
    return out, expected


@pytest.fixture(scope="module")
def upgraded(artifacts):
    """Every convertible artifact upgraded once (verified against its original by `upgrade`)."""
    from smmigrate.models.upgrade import upgrade

    src, _ = artifacts
    out = src.parent / "upgraded"
    results = {}
    names = (
        "regress_mismatch",
        "rank_mismatch",
        "dtype_mismatch",
        "output_shapes_mismatch",
        "counter",
        "dense",
        "batch_one",
    )
    for name in names:
        results[name] = upgrade(src / name, out / name)
    return out, results


def _loads(tf, path) -> bool:
    try:
        tf.saved_model.load(str(path))
    except Exception:  # noqa: BLE001 - any refusal counts
        return False
    return True


def test_inspect_predicts_the_tf2_loader(artifacts, tf, tf_serving):
    src, _ = artifacts
    cases = {name: src / name for name in PREDICTIONS}
    for name in ("saved_model_half_plus_two_cpu", "saved_model_half_plus_two_mkl", "matrix_half_plus_two"):
        cases[name] = tf_serving / name
    for name, path in cases.items():
        prediction = inspect(path)["meta_graphs"][0]["tf2_load"]
        assert prediction["accepts"] == _loads(tf, path), (name, prediction)
        if name in PREDICTIONS:
            accepts, reason = PREDICTIONS[name]
            assert prediction["accepts"] is accepts, name
            if reason:
                assert any(reason in r for r in prediction["refusals"]), (name, prediction["refusals"])


def test_inspect_names_each_metadata_mismatch(artifacts):
    src, _ = artifacts
    mismatches = {name: inspect(src / name)["meta_graphs"][0]["tf2_load"]["mismatches"] for name in PREDICTIONS}
    assert mismatches["rank_mismatch"] == [
        "signature serving_default input x (x:0): recorded float32 (?,), the graph has float32 (?, 3) (rank differs)"
    ]
    assert any(
        "input x (x:0): recorded int64 (?, 3), the graph has float32 (?, 3)" in m for m in mismatches["dtype_mismatch"]
    )
    assert any("output y (y:0): recorded float64" in m for m in mismatches["dtype_mismatch"])
    assert any(
        "recorded float32 (), the graph has string (?,) (dtype and rank differ)" in m
        for m in mismatches["regress_mismatch"]
    )
    assert mismatches["dense"] == [] and mismatches["counter"] == []


def test_inspect_text_says_why_the_loader_refuses(artifacts, capsys):
    src, _ = artifacts
    assert main(["inspect", str(src / "counter")]) == 0
    out = capsys.readouterr().out
    assert "tf.saved_model.load (TF 2.21): refuses it" in out
    assert "signature get output output (counter:0) is a reference tensor (VariableV2)" in out
    assert main(["inspect", str(src / "missing_init")]) == 0
    out = capsys.readouterr().out
    assert "init op init_tables_gone is not in the graph" in out and "re-export it" in out


@pytest.mark.parametrize(
    "name, corrected",
    [
        (
            "regress_mismatch",
            "input inputs: corrected the recorded dtype and rank float32 () to the graph's string (?,)",
        ),
        ("rank_mismatch", "input x: corrected the recorded rank float32 (?,) to the graph's float32 (?, 3)"),
        ("dtype_mismatch", "input x: corrected the recorded dtype int64 (?, 3) to the graph's float32 (?, 3)"),
        ("output_shapes_mismatch", "input inputs: corrected the recorded dtype float32 () to the graph's string ()"),
    ],
)
def test_upgrade_trusts_the_graph_and_says_what_it_corrected(upgraded, artifacts, tf, name, corrected):
    out, results = upgraded
    result = results[name]
    assert result.report is not None and result.report.equivalent
    assert any(corrected in n for n in result.notes), result.notes
    expected = artifacts[1]
    loaded = tf.saved_model.load(str(out / name))
    sig = loaded.signatures["serving_default"]
    spec = sig.structured_input_signature[1]
    if name in ("rank_mismatch", "dtype_mismatch"):
        assert spec["x"].dtype == tf.float32 and spec["x"].shape.as_list() == [None, 3]
        y = sig(x=tf.constant(X))["y"].numpy()
        np.testing.assert_allclose(y, expected["affine_y"], rtol=1e-6)  # the TF1 Session's outputs
    else:
        assert spec["inputs"].dtype == tf.string
        serialized = _tf1_artifacts.examples(tf.compat.v1, _tf1_artifacts.REGRESS_X)
        if name == "output_shapes_mismatch":  # its placeholder declares a scalar: one example per call
            y = [sig(inputs=tf.constant(e))["outputs"].numpy().ravel().tolist() for e in serialized]
        else:
            y = sig(inputs=tf.constant(serialized))["outputs"].numpy().tolist()
        np.testing.assert_allclose(np.ravel(y), np.ravel(expected["regress_y"]), rtol=1e-6)


def test_verify_runs_an_original_tf2_refuses_in_a_tf1_session(upgraded, artifacts):
    out, results = upgraded
    report = results["output_shapes_mismatch"].report
    assert any("refuses it" in n and "run in a TF1 Session instead" in n for n in report.notes)
    assert [s.status for s in report.signatures] == ["equal", "equal"]


def test_a_graph_that_runs_only_at_batch_1_is_compared_at_batch_1(upgraded):
    """SRC fixes its batch inside the graph: verify's default batch 2 fails on SRC itself, so upgrade
    compares that signature at batch 1 (and says so) instead of refusing a correct upgrade."""
    _, results = upgraded
    sig = results["batch_one"].report["serving_default"]
    assert sig.status == "equal"
    assert "compared with batch 1 (SRC fails at batch 2)" in sig.notes


def _counter_sequence(tf, path) -> list:
    loaded = tf.saved_model.load(str(path))
    s = loaded.signatures
    got = [float(s["incr"]()["output"]) for _ in range(3)]
    got.append(float(s["get"]()["output"]))
    got.append(float(s["incr_by"](delta=tf.constant(2.5))["output"]))
    got.append(float(s["get"]()["output"]))
    got.append(float(s["reset"]()["output"]))
    got.append(float(s["get"]()["output"]))
    return got


def test_counter_keeps_its_state_like_a_tf1_session(upgraded, artifacts, tf, tmp_path):
    from smmigrate import wrap_metagraph

    src, expected = artifacts
    out, results = upgraded
    assert expected["counter_sequence"] == [1.0, 2.0, 3.0, 3.0, 5.5, 5.5, 0.0, 0.0]  # the TF1 Session run
    assert results["counter"].report.equivalent
    assert _counter_sequence(tf, out / "counter") == expected["counter_sequence"]
    wrapped = wrap_metagraph(src / "counter")
    assert any("counter:0 is a reference tensor" in n for n in wrapped.notes)
    wrapped.save(tmp_path / "counter_wrapped")
    assert _counter_sequence(tf, tmp_path / "counter_wrapped") == expected["counter_sequence"]


def test_missing_init_op_is_one_line_exit_2_nothing_written(artifacts, tmp_path, capsys):
    src, _ = artifacts
    for argv in (
        ["upgrade", str(src / "missing_init"), str(tmp_path / "up")],
        ["wrap-metagraph", str(src / "missing_init"), "--out", str(tmp_path / "wrapped")],
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "Traceback" not in err, err
        assert "init op 'init_tables_gone' is not in the graph" in err and "re-export" in err
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(SmmigrateError):
        from smmigrate.models.upgrade import upgrade

        upgrade(src / "missing_init", tmp_path / "again")


def test_upgraded_model_is_a_reusable_saved_model(upgraded, tf):
    out, results = upgraded
    assert any(n.startswith("regularization loss activity:0 not exported") for n in results["dense"].notes)
    loaded = tf.saved_model.load(str(out / "dense"))
    assert sorted(v.name for v in loaded.variables) == ["b:0", "scale:0", "w:0"]
    # Exactly the TF1 trainable_variables collection: `scale` was created with trainable=False.
    assert sorted(v.name for v in loaded.trainable_variables) == ["b:0", "w:0"]
    # The TF1 regularization_losses collection, as no-argument functions: 0.01 * l2_loss(w).
    (loss,) = loaded.regularization_losses
    w = np.array(_tf1_artifacts.W, np.float32)
    np.testing.assert_allclose(float(loss()), 0.01 * float(np.sum(w * w)) / 2, rtol=1e-6)
    by_call = loaded(tf.constant(X))["y"].numpy()
    by_sig = loaded.signatures["serving_default"](x=tf.constant(X))["y"].numpy()
    np.testing.assert_array_equal(by_call, by_sig)
    w, b = np.array(_tf1_artifacts.W, np.float32), np.array(_tf1_artifacts.B, np.float32)
    np.testing.assert_allclose(by_call, np.maximum(X @ w + b, 0) * 2.0, rtol=1e-6)


def test_keras3_fine_tunes_the_upgraded_model(upgraded, tf, tmp_path):
    keras = pytest.importorskip("keras")
    out, _ = upgraded
    path = tmp_path / "dense"
    shutil.copytree(out / "dense", path)
    layer = keras.layers.TFSMLayer(str(path), call_endpoint="serving_default", trainable=True)
    inputs = keras.Input((3,), name="x")
    model = keras.Model(inputs, layer(inputs)["y"])
    assert sorted(w.name for w in layer.trainable_weights) == ["b:0", "w:0"]
    assert [w.name for w in layer.non_trainable_weights] == ["scale:0"]
    before = model(X).numpy()
    weights_before = [w.numpy().copy() for w in layer.trainable_weights]
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    model.train_on_batch(X, np.full((2, 1), 5.0, np.float32))
    after = model(X).numpy()
    assert not np.allclose(before, after)
    assert all(not np.allclose(a, w.numpy()) for a, w in zip(weights_before, layer.trainable_weights, strict=True))
    # Saved again (Keras file, and a serving export) and reloaded: the same fine-tuned numbers.
    model.save(tmp_path / "tuned.keras")
    again = keras.models.load_model(tmp_path / "tuned.keras", safe_mode=False)
    np.testing.assert_allclose(again(X).numpy(), after, rtol=1e-6)
    model.export(str(tmp_path / "tuned_export"), verbose=False)
    served = tf.saved_model.load(str(tmp_path / "tuned_export"))
    np.testing.assert_allclose(served.serve(X).numpy(), after, rtol=1e-6)


def test_no_command_raises_on_these_models(artifacts, tmp_path, capsys):
    """Every model tool on every artifact: a verdict or one `smmigrate: error:` line, never a traceback."""
    src, _ = artifacts
    for name in sorted(PREDICTIONS):
        path = str(src / name)
        for argv in (
            ["inspect", path],
            ["wrap-metagraph", path, "--out", str(tmp_path / name)],
            ["verify", path, path],
            ["method-names", path, "--auto", "--dry-run"],
        ):
            code = main(argv)  # an exception escaping main() fails the test with its traceback
            err = capsys.readouterr().err
            assert "Traceback" not in err, (argv, err)
            if name == "missing_init" and argv[0] in ("wrap-metagraph", "verify"):
                assert code == 2 and err.count("smmigrate: error:") == 1 and "re-export" in err, (argv, err)
            else:
                assert code in (0, 1), (argv, err)
    assert not (tmp_path / "missing_init").exists()


def test_upgrade_a_tf_serving_base_folder_version_by_version(artifacts, tf, tmp_path, capsys):
    src, _ = artifacts
    base = tmp_path / "model"
    shutil.copytree(src / "dense", base / "1")
    shutil.copytree(src / "rank_mismatch", base / "20")
    shutil.copytree(src / "missing_init", base / "3")
    (base / "not_a_version").mkdir()
    dst = tmp_path / "model_tf2"
    assert main(["upgrade", str(base), str(dst)]) == 2  # a version failed
    out = capsys.readouterr().out
    assert f"{base}: 3 version(s), 2 upgraded into {dst}, 1 failed" in out
    assert "  1: upgraded, verified equivalent: 1 signature(s), 3 variable(s)" in out
    assert "  3: FAILED, nothing written:" in out and "init_tables_gone" in out
    assert sorted(p.name for p in dst.iterdir()) == ["1", "20"]  # the same layout, without the failed version
    assert list(tf.saved_model.load(str(dst / "20")).regularization_losses) == []  # none in that graph
    y = tf.saved_model.load(str(dst / "20")).signatures["serving_default"](x=tf.constant(X))["y"].numpy()
    np.testing.assert_allclose(y, X @ np.array(_tf1_artifacts.W, np.float32) + _tf1_artifacts.B, rtol=1e-6)
    assert main(["upgrade", str(base), str(dst)]) == 2  # versions already there: refused before any work
    assert "already exists" in capsys.readouterr().err


def test_verify_perf_measures_both_models_in_their_own_processes(upgraded, artifacts, capsys):
    """--perf on the batch-one model: numbers at batch 1, the error (not numbers) at batch 4."""
    import json

    from smmigrate.models.perf import format_perf

    src, _ = artifacts
    out, _ = upgraded
    argv = ["verify", str(src / "batch_one"), str(out / "batch_one"), "--batch", "1"]
    assert main([*argv, "--perf", "--json", "--perf-runs", "3", "--perf-batch", "4"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["equivalent"] is True
    for side in ("a", "b"):
        perf = data["perf"][side]
        assert perf["batches"] == [1, 4] and perf["warmup"] == 5
        assert (
            perf["load_s"] > 0
            and perf["peak_rss_mib"] >= perf["rss_after_load_mib"] > perf["rss_after_tensorflow_import_mib"] > 0
        )
        one = perf["signatures"]["serving_default"]["1"]
        assert 0 < one["p50_ms"] <= one["p99_ms"] and one["runs"] == 3
        assert "error" in perf["signatures"]["serving_default"]["4"]  # the graph fixes batch 1
    table = format_perf(data["perf"]["a"], data["perf"]["b"])
    assert "load time (s)" in table and "serving_default batch 1 p99 (ms)" in table
    assert "! A serving_default batch 4:" in table and "! B serving_default batch 4:" in table


def test_perf_times_a_tf2_export_on_the_serialized_examples_its_original_parses(upgraded, artifacts):
    """A TF2 re-export hides its ParseExample ops inside functions: the inputs come from SRC's graph."""
    from smmigrate.models.perf import measure

    src, _ = artifacts
    out, _ = upgraded
    perf = measure(out / "regress_mismatch", batches=[2], runs=2, warmup=1, reference=src / "regress_mismatch")
    for key in ("regress_x_to_y", "serving_default"):
        entry = perf["signatures"][key]["2"]
        assert "error" not in entry and entry["p50_ms"] > 0, entry


def _with_signature_name(src, dst, kind: str, key: str, name: str):
    """A copy of `src` whose serving_default {kind} `key` names `name` (edited with smmigrate's protobufs)."""
    from smmigrate import _proto

    shutil.copytree(src, dst)
    sm = _proto.read_saved_model(dst)
    getattr(sm.proto.meta_graphs[0].signature_def["serving_default"], kind)[key].name = name
    (dst / "saved_model.pb").write_bytes(sm.proto.SerializeToString())
    return dst


@pytest.mark.parametrize(
    "kind, key, name, message, refusal",
    [
        ("outputs", "y", "y:abc", "fetch 'y:abc' is not a tensor name", "is not a tensor name"),
        ("outputs", "y", "nope:0", "no tensor named 'nope:0'", "names a tensor the graph lacks"),
        ("outputs", "y", "y:7", "y has no output 7", None),
        ("inputs", "x", "", "no tensor named ''", "names a tensor the graph lacks"),
    ],
)
def test_signatures_naming_no_tensor_are_one_line_errors(
    artifacts, tf, tmp_path, capsys, kind, key, name, message, refusal
):
    src, _ = artifacts
    model = _with_signature_name(src / "rank_mismatch", tmp_path / "model", kind, key, name)
    if refusal:  # (an index past a node's outputs needs the op registry, which inspect does not load)
        prediction = inspect(model)["meta_graphs"][0]["tf2_load"]
        assert prediction["accepts"] is _loads(tf, model) is False
        assert any(refusal in r for r in prediction["refusals"]), prediction["refusals"]
    for argv in (
        ["upgrade", str(model), str(tmp_path / "up")],
        ["wrap-metagraph", str(model), "--out", str(tmp_path / "w")],
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and message in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]


def test_one_tensor_name_parser_for_graphs_and_function_bodies():
    from smmigrate import _proto

    assert _proto.op_name("dense/y:1") == "dense/y" and _proto.op_name("^init") == "init"
    # A function body names inputs node:output_arg:index; verify finds ParseExample ops through these.
    assert _proto.op_name("ParseExample/ParseExampleV2:dense_values:0") == "ParseExample/ParseExampleV2"
    assert _proto.input_parts("x:2") == ("x", 2) and _proto.input_parts("^x") == ("x", -1)
    assert _proto.tensor_name(" x ") == "x:0"
