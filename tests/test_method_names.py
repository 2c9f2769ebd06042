"""`smmigrate method-names` / `smmigrate.update_method_names` on copies of the TF Serving fixtures.

Results are read back with TensorFlow's own parser and loader, compared with TensorFlow's
MethodNameUpdater, and the fingerprint is checked with `tf.saved_model.experimental.read_fingerprint`.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import smmigrate
from smmigrate import _proto
from smmigrate.cli import main

TF1 = "saved_model_half_plus_two_cpu"
TF2 = "saved_model_half_plus_two_tf2_cpu"
CLASSIFY, REGRESS, PREDICT = _proto.CLASSIFY, _proto.REGRESS, _proto.PREDICT


def _methods(tf, export_dir) -> dict:
    from tensorflow.python.saved_model import loader_impl

    (mg,) = loader_impl.parse_saved_model(str(export_dir)).meta_graphs
    return {k: s.method_name for k, s in mg.signature_def.items() if not k.startswith("__")}


def _snapshot(folder: Path) -> dict:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _example(tf, x: float) -> bytes:
    feature = {"x": tf.train.Feature(float_list=tf.train.FloatList(value=[x]))}
    return tf.train.Example(features=tf.train.Features(feature=feature)).SerializeToString()


def test_like_restores_exactly_the_tf1_method_names(tf, tf_serving, fixture_copy, capsys):
    target = fixture_copy(TF2)
    original = _methods(tf, tf_serving / TF1)
    before = _methods(tf, target)
    assert set(before.values()) == {PREDICT}  # what TF2's saver does to every signature

    assert main(["method-names", str(target), "--like", str(tf_serving / TF1)]) == 1
    out = capsys.readouterr().out
    assert "classify_x_to_y: tensorflow/serving/predict -> tensorflow/serving/classify" in out
    # the original's own regress_x2_to_y3 violates the regress contract: copied, with a warning
    assert "warning: regress_x2_to_y3" in out
    assert "classify_x2_to_y3" not in out  # not in the original: not touched

    after = _methods(tf, target)
    for key, method in after.items():
        assert method == original.get(key, before[key]), key
    assert after["classify_x2_to_y3"] == PREDICT  # not in the TF1 model: untouched

    # still loadable, still computing y = 0.5 x + 2
    loaded = tf.saved_model.load(str(target))
    y = loaded.signatures["regress_x_to_y"](inputs=tf.constant([_example(tf, 3.0)]))["outputs"]
    assert y.numpy().tolist() == [[3.5]]

    # idempotent: the second run changes nothing and writes nothing
    snap = _snapshot(target)
    mtimes = {p: p.stat().st_mtime_ns for p in target.rglob("*")}
    assert main(["method-names", str(target), "--like", str(tf_serving / TF1)]) == 0
    assert "nothing to change" in capsys.readouterr().out
    assert _snapshot(target) == snap
    assert {p: p.stat().st_mtime_ns for p in target.rglob("*")} == mtimes
    assert not [p for p in target.parent.rglob("*smmigrate-tmp*")]


def test_fingerprint_recomputed(tf, tf_serving, fixture_copy):
    from tensorflow.python.saved_model.pywrap_saved_model import fingerprinting

    target = fixture_copy(TF2)
    stale = tf.saved_model.experimental.read_fingerprint(str(target))
    smmigrate.update_method_names(target, like=tf_serving / TF1)
    fp = tf.saved_model.experimental.read_fingerprint(str(target))
    fresh = _proto.schema().FingerprintDef.FromString(fingerprinting.CreateFingerprintDef(str(target)))
    assert fp.saved_model_checksum == fresh.saved_model_checksum
    assert fp.signature_def_hash == fresh.signature_def_hash
    assert fp.signature_def_hash != stale.signature_def_hash  # method names are part of the hash


def test_same_result_as_tensorflows_method_name_updater(tf, tf_serving, fixture_copy, tmp_path):
    ours = fixture_copy(TF2)
    changes = smmigrate.update_method_names(ours, like=tf_serving / TF1)
    theirs = tmp_path / "tf_updater"
    shutil.copytree(tf_serving / TF2, theirs)
    for p in [theirs, *theirs.rglob("*")]:
        p.chmod(p.stat().st_mode | 0o200)
    updater = tf.compat.v1.saved_model.signature_def_utils.MethodNameUpdater(str(theirs))
    for key, change in changes.items():
        if not key.startswith("_"):
            updater.replace_method_name(key, change["new"], tags=["serve"])
    updater.save()
    from tensorflow.python.saved_model import loader_impl

    assert loader_impl.parse_saved_model(str(ours)) == loader_impl.parse_saved_model(str(theirs))


def test_invalid_regress_is_refused_and_nothing_changes(tf, fixture_copy, capsys):
    target = fixture_copy(TF2)
    snap = _snapshot(target)
    # one valid change plus the invalid one: all or nothing
    rc = main(["method-names", str(target), "--set", "classify_x_to_y=classify", "--set", "regress_x2_to_y3=regress"])
    assert rc == 2
    err = capsys.readouterr().err
    assert err.startswith("smmigrate: error: ") and err.count("\n") == 1
    assert "regress_x2_to_y3 cannot be regress" in err and "DT_STRING input 'inputs'" in err
    assert "classify_x_to_y" not in err
    assert _snapshot(target) == snap


def test_auto_infers_from_signature_shape(tf, fixture_copy, capsys):
    target = fixture_copy(TF2)
    assert main(["method-names", str(target), "--auto"]) == 1
    out = capsys.readouterr().out
    assert "classify_x_to_y: tensorflow/serving/predict -> tensorflow/serving/classify   (auto:" in out
    assert _methods(tf, target) == {
        "classify_x_to_y": CLASSIFY,
        "regress_x_to_y": REGRESS,
        "regress_x_to_y2": REGRESS,
        # float inputs: not classify/regress-shaped, left alone
        "classify_x2_to_y3": PREDICT,
        "regress_x2_to_y3": PREDICT,
        "serving_default": PREDICT,
    }


def test_set_full_names_dry_run_and_library_result(tf, fixture_copy, capsys):
    target = fixture_copy(TF2)
    snap = _snapshot(target)
    assert main(["method-names", str(target), "--set", "regress_x_to_y=tensorflow/serving/regress", "--dry-run"]) == 1
    assert "would change 1 signature" in capsys.readouterr().out
    assert _snapshot(target) == snap

    result = smmigrate.update_method_names(target, {"regress_x_to_y": "regress", "classify_x_to_y": "classify"})
    assert result == {
        "classify_x_to_y": {"old": PREDICT, "new": CLASSIFY, "reason": "--set"},
        "regress_x_to_y": {"old": PREDICT, "new": REGRESS, "reason": "--set"},
    }
    # --set beats --auto for the same key; back to predict is always allowed
    result = smmigrate.update_method_names(target, {"regress_x_to_y": "predict"}, auto=True)
    assert result["regress_x_to_y"]["new"] == PREDICT and result["regress_x_to_y2"]["new"] == REGRESS


def test_bad_arguments(tf, fixture_copy, tmp_path, capsys):
    target = fixture_copy(TF2)
    snap = _snapshot(target)
    assert main(["method-names", str(target), "--set", "nope=classify"]) == 2
    assert "no signature 'nope'" in capsys.readouterr().err
    assert main(["method-names", str(target), "--set", "classify_x_to_y=clasify"]) == 2
    assert "unknown method name 'clasify'" in capsys.readouterr().err
    assert main(["method-names", str(target)]) == 2
    assert "give --set" in capsys.readouterr().err
    assert main(["method-names", str(target), "--auto", "--tags", "train"]) == 2
    assert "no MetaGraph tagged train" in capsys.readouterr().err
    assert main(["method-names", str(tmp_path), "--auto"]) == 2
    assert "no saved_model.pb" in capsys.readouterr().err
    assert _snapshot(target) == snap


def test_text_savedmodel_and_both_files(tf, fixture_copy):
    from google.protobuf import text_format

    # text only: the .pbtxt is edited; a fingerprint cannot match a text export, so it goes
    text_only = fixture_copy(TF2)
    sm = _proto.read_saved_model(text_only).proto
    (text_only / "saved_model.pbtxt").write_text(text_format.MessageToString(sm))
    (text_only / "saved_model.pb").unlink()
    result = smmigrate.update_method_names(text_only, auto=True)
    assert _methods(tf, text_only)["classify_x_to_y"] == CLASSIFY
    assert not (text_only / "fingerprint.pb").exists()
    assert any("fingerprint.pb: removed" in w for w in result.warnings)
    assert "classify_x_to_y" in tf.saved_model.load(str(text_only)).signatures

    # both files: TensorFlow reads the .pb; the .pbtxt must not be left disagreeing
    both = text_only.parent / "both"
    both.mkdir()
    shutil.copytree(text_only / "variables", both / "variables")
    shutil.copytree(text_only / "assets", both / "assets")
    (both / "saved_model.pb").write_bytes(sm.SerializeToString())
    (both / "saved_model.pbtxt").write_text(text_format.MessageToString(sm))
    smmigrate.update_method_names(both, {"regress_x_to_y": "regress"})
    assert _methods(tf, both)["regress_x_to_y"] == REGRESS
    from_text = _proto.parse_saved_model_file(both / "saved_model.pbtxt", True)
    assert from_text.meta_graphs[0].signature_def["regress_x_to_y"].method_name == REGRESS
