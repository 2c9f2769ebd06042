"""`smmigrate upgrade` on TF Serving's own TF1 SavedModels (copies of the read-only fixtures).

The upgraded model must compute what the original does on all five signatures (checked here on
explicit inputs, independently of the `verify` report upgrade prints), keep the method names, and
hold real resource variables (`.variables` non-empty, trainable, a gradient step works); assets and
assets.extra are copied; a TF2 SRC and a SRC with several MetaGraphs (without --tags) are refused;
a failure or a kill at any moment never leaves a DST without saved_model.pb.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

FIXTURES = ("saved_model_half_plus_two_cpu", "saved_model_half_plus_two_mkl")
KEYS = ["classify_x_to_y", "regress_x2_to_y3", "regress_x_to_y", "regress_x_to_y2", "serving_default"]


def _example(tf, x, x2):
    feature = {
        "x": tf.train.Feature(float_list=tf.train.FloatList(value=[x])),
        "x2": tf.train.Feature(float_list=tf.train.FloatList(value=[x2])),
    }
    return tf.train.Example(features=tf.train.Features(feature=feature)).SerializeToString()


def _inputs(tf, key):
    # Batch 1: the MKL model adds a [1, 10, 10, 1] constant in two of its signatures.
    if key == "serving_default":
        return {"x": tf.constant([[3.0]])}
    if key == "regress_x2_to_y3":
        return {"inputs": tf.constant([[4.0]])}
    return {"inputs": tf.constant([_example(tf, 3.0, 4.0)])}


def _methods(path):
    from smmigrate import _proto

    mg = _proto.select_meta_graph(_proto.read_saved_model(path).proto)
    return {k: s.method_name for k, s in mg.signature_def.items() if not k.startswith("__")}


@pytest.fixture(scope="module")
def upgraded(tf_serving, tmp_path_factory):
    """Both fixtures copied (with an assets.extra/ added) and upgraded once for the module."""
    import shutil

    import smmigrate

    tmp = tmp_path_factory.mktemp("upgrade")
    out = {}
    for name in FIXTURES:
        src = tmp / name
        shutil.copytree(tf_serving / name, src)
        for p in [src, *src.rglob("*")]:
            p.chmod(p.stat().st_mode | 0o200)
        (src / "assets.extra").mkdir(exist_ok=True)
        (src / "assets.extra" / "tf_serving_warmup_requests").write_bytes(b"warmup\x00bytes")
        result = smmigrate.upgrade(src, tmp / f"{name}_tf2")
        out[name] = (src, tmp / f"{name}_tf2", result)
    return out


@pytest.mark.parametrize("name", FIXTURES)
def test_all_five_signatures_compute_the_same(upgraded, tf, name):
    src, dst, result = upgraded[name]
    a, b = tf.saved_model.load(str(src)), tf.saved_model.load(str(dst))
    assert sorted(b.signatures) == sorted(a.signatures) == KEYS
    for key in KEYS:
        out_a, out_b = a.signatures[key](**_inputs(tf, key)), b.signatures[key](**_inputs(tf, key))
        assert sorted(out_a) == sorted(out_b)
        for out in out_a:
            np.testing.assert_allclose(out_b[out].numpy(), out_a[out].numpy(), rtol=1e-6, err_msg=f"{key}/{out}")
    np.testing.assert_allclose(b.signatures["serving_default"](x=tf.constant([[3.0]]))["y"].numpy(), [[3.5]])
    # the verdict upgrade printed covers the same five keys
    assert result.report.equivalent and sorted(s.key for s in result.report.signatures) == KEYS


@pytest.mark.parametrize("name", FIXTURES)
def test_method_names_assets_and_assets_extra_kept(upgraded, name):
    src, dst, _ = upgraded[name]
    assert _methods(dst) == _methods(src)
    assert _methods(dst)["classify_x_to_y"] == "tensorflow/serving/classify"
    assert (dst / "assets" / "foo.txt").read_bytes() == (src / "assets" / "foo.txt").read_bytes()
    assert (dst / "assets.extra" / "tf_serving_warmup_requests").read_bytes() == b"warmup\x00bytes"
    assert not [p for p in dst.parent.iterdir() if p.name.endswith(".smmigrate-tmp")]


@pytest.mark.parametrize("name", FIXTURES)
def test_variables_are_trainable_resource_variables(upgraded, tf, name):
    src, dst, _ = upgraded[name]
    a = tf.saved_model.load(str(src))
    b = tf.saved_model.load(str(dst))
    # TF1-in-TF2 loading drops the reference variables a, b, c; the upgrade has them all
    names_a, names_b = {v.name for v in a.variables}, {v.name for v in b.variables}
    assert not {"a:0", "b:0", "c:0"} & names_a and {"a:0", "b:0", "c:0"} <= names_b
    assert names_a <= names_b
    assert all(v.handle.dtype == tf.resource for v in b.variables)
    trainable = [v for v in b.variables if v.trainable]
    assert trainable
    fn = b.signatures["serving_default"]
    x = tf.constant([[3.0]])
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(fn(x=x)["y"])
    grads = tape.gradient(loss, trainable)
    assert any(g is not None for g in grads)
    before = fn(x=x)["y"].numpy()
    for v, g in zip(trainable, grads, strict=True):
        if g is not None:
            v.assign_sub(0.5 * g)
    assert not np.allclose(fn(x=x)["y"].numpy(), before)


def test_upgrading_a_tf2_model_refuses(upgraded, tmp_path):
    import smmigrate
    from smmigrate.errors import SmmigrateError

    _, dst, _ = upgraded[FIXTURES[0]]
    with pytest.raises(SmmigrateError, match="already a TF2 SavedModel"):
        smmigrate.upgrade(dst, tmp_path / "again")
    assert not (tmp_path / "again").exists()


def test_several_meta_graphs_need_tags(fixture_copy, tmp_path):
    from tensorflow.core.protobuf import saved_model_pb2

    import smmigrate
    from smmigrate.errors import SmmigrateError

    src = fixture_copy(FIXTURES[0])
    sm = saved_model_pb2.SavedModel.FromString((src / "saved_model.pb").read_bytes())
    extra = sm.meta_graphs.add()
    extra.CopyFrom(sm.meta_graphs[0])
    extra.meta_info_def.ClearField("tags")
    extra.meta_info_def.tags.extend(["serve", "gpu"])
    (src / "saved_model.pb").write_bytes(sm.SerializeToString())
    with pytest.raises(SmmigrateError, match="holds 2 MetaGraphs.*--tags"):
        smmigrate.upgrade(src, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    result = smmigrate.upgrade(src, tmp_path / "out", tags=["serve"], verify=False)
    assert (result.dst / "saved_model.pb").is_file()


def test_failure_leaves_no_dst(fixture_copy, tmp_path):
    import smmigrate
    from smmigrate.errors import SmmigrateError

    src = fixture_copy(FIXTURES[0])
    data = src / "variables" / "variables.data-00000-of-00001"
    data.write_bytes(data.read_bytes()[:4])  # truncated weights
    with pytest.raises(SmmigrateError):
        smmigrate.upgrade(src, tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == [FIXTURES[0]]  # no DST, no temporary folder


def test_cli_prints_the_verdict_and_a_kill_never_leaves_a_partial_dst(fixture_copy, tmp_path):
    src = fixture_copy(FIXTURES[0])
    cmd = [sys.executable, "-m", "smmigrate", "upgrade", str(src)]
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    rng = random.Random(6)
    # Killed at random moments over a run (TF import, restore, save, verify, rename).
    for i, delay in enumerate(sorted(rng.uniform(0.2, 6.0) for _ in range(4))):
        dst = tmp_path / f"killed{i}"
        proc = subprocess.Popen([*cmd, str(dst)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert not dst.exists() or (dst / "saved_model.pb").is_file(), f"partial DST after a kill at {delay:.1f}s"
    dst = tmp_path / "complete"
    done = subprocess.run([*cmd, str(dst)], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "equivalent on 5 signature(s)" in done.stdout and f"wrote TF2 SavedModel {dst}" in done.stdout
    again = subprocess.run([*cmd, str(dst)], capture_output=True, text=True, env=env, timeout=300)
    assert again.returncode == 2 and "already exists" in again.stderr and again.stderr.count("\n") == 1


def test_bare_meta_graph_points_to_wrap_metagraph(tf_serving, tmp_path):
    import smmigrate
    from smmigrate.errors import SmmigrateError

    with pytest.raises(SmmigrateError, match="smmigrate wrap-metagraph .*export.meta"):
        smmigrate.upgrade(tf_serving / "bad_half_plus_two", tmp_path / "out")
    assert not (tmp_path / "out").exists()
