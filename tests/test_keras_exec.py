"""Execution proof for keras-save, keras-load and contrib-predictor.

Each Keras program runs as written on TF 2.21 with the Keras 2 API it was written for
(``TF_USE_LEGACY_KERAS=1``, the `tf_keras` package), and rewritten on plain TF 2.21 (Keras 3); the
predictor program runs in a TF1 process against a test double of `tf.contrib.predictor`
(programs/keras/_fake_predictor.py) and rewritten on plain TF 2.21. Both sides must print the same
numbers, and the SavedModels both sides write are compared with `smmigrate.verify`. Three
TensorFlow processes in all.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from progrun import run_programs

from smmigrate.rewrite import rewrite_source

PROGRAMS = Path(__file__).parent / "programs" / "keras"
KERAS = [
    "sequential_serve",
    "functional_two_inputs",
    "subclassed_custom_layer",
    "checkpoint_retrain",
    "transfer_frozen_base",
    "signatures_export",
]
LABELS = (
    "sequential predict:",
    "score:",
    "logits:",
    "subclassed call:",
    "resumed weights:",
    "transfer predict:",
    "trainable weights:",
    "probabilities:",
    "label:",
    "n ",
    "y ",
)


def _numbers(stdout: str) -> list[str]:
    # Keras 2's predict prints a progress bar on stdout; compare the programs' own lines only
    return [line for line in stdout.splitlines() if line.startswith(LABELS)]


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    pytest.importorskip("tensorflow")
    pytest.importorskip("tf_keras")
    tmp = tmp_path_factory.mktemp("keras_exec")
    rewritten = tmp / "rewritten"
    rewritten.mkdir()
    for helper in ("_weights.py",):
        shutil.copy(PROGRAMS / helper, rewritten / helper)
    codes, diagnostics = {}, {}
    for name in [*KERAS, "predictor_dict"]:
        new, diags = rewrite_source((PROGRAMS / f"{name}.py").read_text())
        (rewritten / f"{name}.py").write_text(new)
        codes[name], diagnostics[name] = new, [d.code for d in diags]

    def prog(folder, name, *argv):
        return {"script": str(folder / f"{name}.py"), "cwd": str(tmp), "argv": [str(a) for a in argv]}

    def workdir(name):
        path = tmp / name
        path.mkdir()
        return path

    keras2 = [prog(PROGRAMS, "sequential_serve", tmp / "k2_seq")]
    keras2 += [prog(PROGRAMS, "functional_two_inputs", tmp / "k2_two")]
    keras2 += [prog(PROGRAMS, "subclassed_custom_layer", tmp / "k2_sub")]
    keras2 += [prog(PROGRAMS, "checkpoint_retrain", workdir("k2_ckpt"))]
    keras2 += [prog(PROGRAMS, "transfer_frozen_base", tmp / "k2_transfer")]
    keras2 += [prog(PROGRAMS, "signatures_export", tmp / "k2_sigs")]
    export = tmp / "tf1_export"
    tf1 = [
        prog(PROGRAMS, "make_predictor_export", export),
        prog(PROGRAMS, "install_fake_predictor"),
        prog(PROGRAMS, "predictor_dict", export),
    ]
    keras3 = [prog(rewritten, "sequential_serve", tmp / "k3_seq")]
    keras3 += [prog(rewritten, "functional_two_inputs", tmp / "k3_two")]
    keras3 += [prog(rewritten, "subclassed_custom_layer", tmp / "k3_sub")]
    keras3 += [prog(rewritten, "checkpoint_retrain", workdir("k3_ckpt"))]
    keras3 += [prog(rewritten, "transfer_frozen_base", tmp / "k3_transfer")]
    keras3 += [prog(rewritten, "signatures_export", tmp / "k3_sigs")]
    keras3 += [prog(rewritten, "predictor_dict", export)]
    keras3 += [prog(PROGRAMS, "verify_pair", tmp / "k2_two" / "model", tmp / "k3_two" / "model")]
    keras3 += [prog(PROGRAMS, "verify_pair", tmp / "k2_seq" / "model", tmp / "k3_seq" / "model")]
    keras3 += [prog(PROGRAMS, "verify_pair", tmp / "k2_sigs" / "model", tmp / "k3_sigs" / "model")]

    before = run_programs("tf2", keras2, env={"TF_USE_LEGACY_KERAS": "1"})
    before_tf1 = run_programs("tf1", tf1)
    after = run_programs("tf2", keras3)
    results = {name: (before[i], after[i]) for i, name in enumerate(KERAS)}
    results["predictor_dict"] = (before_tf1[2], after[len(KERAS)])
    return {
        "results": results,
        "setup": [before_tf1[0], before_tf1[1]],
        "verify": after[len(KERAS) + 1],
        "verify_single_output": after[len(KERAS) + 2],
        "verify_signatures": after[len(KERAS) + 3],
        "codes": codes,
        "diagnostics": diagnostics,
        "tmp": tmp,
    }


@pytest.mark.parametrize("name", [*KERAS, "predictor_dict"])
def test_rewritten_program_prints_the_same(executed, name):
    for setup in executed["setup"]:
        assert setup["error"] is None, setup["error"]
    before, after = executed["results"][name]
    code = executed["codes"][name]
    assert before["error"] is None, f"original failed:\n{before['error']}"
    assert after["error"] is None, f"rewritten program failed:\n{after['error']}\n--- rewritten code:\n{code}"
    expected = _numbers(before["stdout"])
    assert expected, f"the original printed nothing to compare: {before['stdout']!r}"
    assert _numbers(after["stdout"]) == expected


def test_rewrites_are_the_keras3_ones(executed):
    codes, diags = executed["codes"], executed["diagnostics"]
    assert "model.export(export_dir)" in codes["sequential_serve"]
    assert 'tf.keras.layers.TFSMLayer(export_dir, call_endpoint="serving_default")' in codes["sequential_serve"]
    assert "model.export(export_dir)" in codes["functional_two_inputs"]
    assert 'save_format="tf")' not in codes["functional_two_inputs"]
    assert "net.export(export_dir)" in codes["subclassed_custom_layer"]
    assert 'model.save("checkpoint.keras")' in codes["checkpoint_retrain"]
    assert 'load_model("checkpoint.keras")' in codes["checkpoint_retrain"]
    assert "frozen = tf.keras.layers.TFSMLayer(base_dir" in codes["transfer_frozen_base"]
    assert 'tf.saved_model.save(model, export_dir, signatures={"serving_default": serve})' in codes["signatures_export"]
    assert "predictor.from_saved_model(export_dir" not in codes["predictor_dict"]
    assert 'predict_fn = predict_fn_loaded.signatures["serving_default"]' in codes["predictor_dict"]
    assert diags["checkpoint_retrain"] == ["SM606"]
    assert diags["predictor_dict"] == []


@pytest.mark.parametrize("which", ["verify", "verify_signatures"])
def test_serving_artifacts_verify_equivalent(executed, which):
    result = executed[which]
    assert result["error"] is None, result["error"]
    assert "equivalent: True" in result["stdout"], result["stdout"]
    assert "serving_default" in result["stdout"]


def test_keras3_export_really_is_a_savedmodel_for_serving(executed):
    # model.export writes what TF Serving loads: saved_model.pb and variables, serving_default inside
    for name in ("k3_seq", "k3_two", "k3_sub"):
        folder = executed["tmp"] / name / "model"
        assert (folder / "saved_model.pb").is_file(), name
        assert (folder / "variables").is_dir(), name
    assert (executed["tmp"] / "k3_ckpt" / "checkpoint.keras").is_file()


def test_single_output_keys_follow_keras3_naming_as_sm605_says(executed):
    # Keras 2 keyed the one output by its layer name, Keras 3's export calls it output_0: verify
    # sees exactly that (the values themselves match: test_rewritten_program_prints_the_same)
    result = executed["verify_single_output"]
    assert result["error"] is None, result["error"]
    assert "equivalent: False" in result["stdout"]
    assert "output keys differ" in result["stdout"] and "'output_0'" in result["stdout"]
    assert "input keys differ" not in result["stdout"]  # the Input layer is named: its key is kept
