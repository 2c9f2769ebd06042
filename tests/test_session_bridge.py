"""The session bridge proven by execution: TF1 training programs whose export native-save refuses
(session passed in, Builder on ``self.sess``, training loop before the export) are rewritten by
`smmigrate rewrite` into `smmigrate.export_session` calls and run — originals and rewrites in one
TF1-mode process (v2 behaviour disabled, ``tensorflow`` mapped to ``tensorflow.compat.v1``).
This TF2 test process then loads both exports with `tf.saved_model.load` and compares every
signature on the same inputs, the method names, the variables (present, trainable, a gradient
step changes the output). `export_session` is also called here directly, in plain eager TF2, on a
graph + `tf.compat.v1.Session`: the other half of "with or without v2 behaviour disabled".
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from progrun import run_programs

from smmigrate.rewrite import rewrite_source

PROGRAMS = Path(__file__).resolve().parent / "programs" / "session_bridge"
NAMES = ("train_predict", "train_classify", "train_table")


def _examples(tf, rows):
    return tf.constant(
        [
            tf.train.Example(
                features=tf.train.Features(feature={"x": tf.train.Feature(float_list=tf.train.FloatList(value=r))})
            ).SerializeToString()
            for r in rows
        ]
    )


def _feeds(tf):
    return {
        "train_predict": {"serving_default": {"x": tf.constant([[1.0, 2.0, 3.0], [0.0, 1.0, -1.0]])}},
        "train_classify": {
            "serving_default": {"x": tf.constant([[1.0, 2.0], [-3.0, 0.5]])},
            "classify": {"inputs": _examples(tf, [[1.0, 2.0], [0.5, 0.5], [-2.0, 1.0]])},
            "regress": {"inputs": _examples(tf, [[1.0, 2.0]])},
        },
        "train_table": {"serving_default": {"words": tf.constant(["apple", "banana", "zzz", "cherry"])}},
    }


def _method_names(export_dir: Path) -> dict:
    from smmigrate import _proto

    mg = _proto.select_meta_graph(_proto.read_saved_model(export_dir).proto)
    return {k: s.method_name for k, s in mg.signature_def.items() if not k.startswith("__")}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("session_bridge")
    programs, rewritten = [], {}
    for name in NAMES:
        source = (PROGRAMS / f"{name}.py").read_text()
        code, diagnostics = rewrite_source(source)
        rewritten[name] = (code, diagnostics)
        script = tmp / f"{name}_bridged.py"
        script.write_text(code)
        for side, path in (("tf1", PROGRAMS / f"{name}.py"), ("bridged", script)):
            (tmp / side / name).mkdir(parents=True)
            programs.append({"script": str(path), "argv": [str(tmp / side / name / "export")]})
    results = run_programs("tf1", programs)
    for prog, res in zip(programs, results, strict=True):
        assert res["error"] is None, f"{prog['script']} failed:\n{res['error']}"
    printed = {name: (results[2 * i]["stdout"], results[2 * i + 1]["stdout"]) for i, name in enumerate(NAMES)}
    return tmp, rewritten, printed


@pytest.mark.parametrize("name", NAMES)
def test_refused_export_is_rewritten_into_the_bridge(runs, name):
    _, rewritten, _ = runs
    code, diagnostics = rewritten[name]
    assert "smmigrate.export_session(" in code and "import smmigrate" in code
    assert "simple_save(" not in code and "Builder(" not in code and ".save()" not in code
    # native-save no longer refuses these sites: they are bridged before it runs
    assert not [d for d in diagnostics if d.code in ("SM301", "SM302", "SM303")], diagnostics
    again, _ = rewrite_source(code)
    assert again == code


@pytest.mark.parametrize("name", NAMES)
def test_bridged_program_prints_what_the_tf1_program_printed(runs, name):
    """train_classify prints `builder.save()`'s result: the bridge keeps its value (bytes path of saved_model.pb)."""
    tf1, bridged = runs[2][name]
    assert tf1 == bridged
    if name == "train_classify":
        assert "saved bytes b'saved_model.pb'" in bridged


@pytest.mark.parametrize("name", NAMES)
def test_bridged_export_is_tf2_and_computes_like_the_tf1_export(runs, tf, name):
    tmp, _, _ = runs
    original, bridged = tmp / "tf1" / name / "export", tmp / "bridged" / name / "export"
    a = tf.saved_model.load(str(original))
    b = tf.saved_model.load(str(bridged))
    assert sorted(b.signatures) == sorted(a.signatures)
    for key, feed in _feeds(tf)[name].items():
        out_a, out_b = a.signatures[key](**feed), b.signatures[key](**feed)
        assert sorted(out_a) == sorted(out_b)
        for out in out_a:
            np.testing.assert_allclose(out_b[out].numpy(), out_a[out].numpy(), rtol=1e-6, err_msg=f"{key}/{out}")
    assert _method_names(bridged) == _method_names(original)
    # TF1 export loaded in TF2: no variables at all; the bridged one has real resource variables
    assert len(a.variables) == 0 and len(b.variables) > 0
    assert (bridged / "variables" / "variables.index").is_file()


def test_bridged_training_program_values_are_the_trained_ones(runs, tf):
    """The export holds the session's values after training, not the initial ones."""
    tmp, _, _ = runs
    b = tf.saved_model.load(str(tmp / "bridged" / "train_predict" / "export"))
    w = next(v for v in b.variables if v.name.startswith("w"))
    assert not np.allclose(w.numpy().ravel(), [0.5, -1.0, 2.0])


def test_gradient_step_on_a_loaded_bridged_variable(runs, tf):
    tmp, _, _ = runs
    b = tf.saved_model.load(str(tmp / "bridged" / "train_predict" / "export"))
    fn = b.signatures["serving_default"]
    x = tf.constant([[1.0, 2.0, 3.0]])
    trainable = [v for v in b.variables if v.trainable]
    assert trainable
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(fn(x=x)["y"])
    grads = tape.gradient(loss, trainable)
    assert all(g is not None for g in grads)
    before = fn(x=x)["y"].numpy()
    for v, g in zip(trainable, grads, strict=True):
        v.assign_sub(0.1 * g)
    assert not np.allclose(fn(x=x)["y"].numpy(), before)


def test_bridged_table_export_carries_its_vocabulary_asset(runs):
    tmp, _, _ = runs
    assert (tmp / "bridged" / "train_table" / "export" / "assets" / "vocab.txt").read_text().split() == [
        "apple",
        "banana",
        "cherry",
    ]


# --------------------------------------------------------------- eager TF2 caller, direct calls
def _session_model(tf):
    tf1 = tf.compat.v1
    g = tf.Graph()
    with g.as_default():
        x = tf1.placeholder(tf.float32, [None, 2], name="x")
        w = tf1.Variable([[1.0], [2.0]], name="w", use_resource=False)
        v = tf1.get_variable("v", initializer=tf.constant(0.5), use_resource=True)
        y = tf.add(tf.matmul(x, w), v, name="y")
        step = tf1.assign_add(w, [[1.0], [1.0]])
        sess = tf1.Session(graph=g)
        sess.run(tf1.global_variables_initializer())
        sess.run(step)
        predict = tf1.saved_model.predict_signature_def({"x": x}, {"y": y})  # needs graph mode
    return sess, x, y, predict


def test_export_session_from_eager_tf2_program(tf, tmp_path):
    """v2 behaviour on (this pytest process): a graph + compat.v1 Session exported directly."""
    import smmigrate

    assert tf.executing_eagerly()
    sess, x, y, predict = _session_model(tf)
    out = smmigrate.export_session(sess, tmp_path / "m", signature_def_map={"serving_default": predict}, tags=["serve"])
    expected = sess.run(y, {x: [[1.0, 1.0]]})
    sess.close()
    loaded = tf.saved_model.load(str(out))
    np.testing.assert_allclose(loaded.signatures["serving_default"](x=tf.constant([[1.0, 1.0]]))["y"].numpy(), expected)
    np.testing.assert_allclose(expected, [[5.5]])  # w was stepped to [[2], [3]] in the session
    assert sorted(v.name for v in loaded.variables) == ["v:0", "w:0"]
    assert tf.executing_eagerly()


def test_export_session_takes_a_bytes_export_dir_like_tf1s_builder(tf, tmp_path):
    """TF1 code often passes `os.path.join(tf.compat.as_bytes(base), ...)` to the Builder; the bridged call
    gets the same bytes."""
    import os

    import smmigrate

    sess, x, y, predict = _session_model(tf)
    out = smmigrate.export_session(
        sess, os.fsencode(tmp_path / "m"), signature_def_map={"serving_default": predict}, tags=["serve"]
    )
    sess.close()
    assert out == tmp_path / "m" and (tmp_path / "m" / "saved_model.pb").is_file()


def test_export_session_refusals_leave_nothing(tf, tmp_path):
    import smmigrate
    from smmigrate.errors import SmmigrateError

    sess, x, y, _ = _session_model(tf)
    with pytest.raises(SmmigrateError, match="not exactly \\['serve'\\]"):
        smmigrate.export_session(sess, tmp_path / "a", inputs={"x": x}, outputs={"y": y}, tags=["serve", "gpu"])
    with pytest.raises(SmmigrateError, match="exactly one of"):
        smmigrate.export_session(sess, tmp_path / "b")
    with pytest.raises(SmmigrateError, match="no tensor named 'nope:0'"):
        smmigrate.export_session(sess, tmp_path / "c", inputs={"x": x}, outputs={"y": "nope:0"})
    sess.close()
    assert list(tmp_path.iterdir()) == []  # no export folder, no temporary folder


# ----------------------------------------------------------------------- facts for native-load
def test_facts_say_a_bridged_export_is_tf2_with_its_signature_keys():
    import libcst as cst
    from casefiles import CASES

    from smmigrate.codemods.session_bridge import SessionBridge

    def source(name):
        return (CASES / "session_bridge" / f"{name}.py").read_text().split("# output\n")[0]

    (fact,) = SessionBridge.collect_facts(cst.parse_module(source("restored_checkpoint_builder")), "m.py")
    assert fact.migrated and fact.export_dir == "export_dir" and fact.function == "export"
    assert {s.key: s.method_name for s in fact.signatures} == {"serving_default": "tensorflow/serving/predict"}
    # a signature map built elsewhere: still a TF2 export, signatures unknown
    (fact,) = SessionBridge.collect_facts(cst.parse_module(source("builder_self_sess")), "m.py")
    assert fact.migrated and fact.signatures == ()
    # after the rewrite the export_session call itself still says so (a second run agrees)
    rewritten, _ = rewrite_source(source("restored_checkpoint_builder"), only=["session-bridge"])
    (again,) = SessionBridge.collect_facts(cst.parse_module(rewritten), "m.py")
    assert again.migrated and again.export_dir == "export_dir"
    assert {s.key for s in again.signatures} == {"serving_default"}
    # refused sites (SM401-SM405) are no facts of the bridge
    assert SessionBridge.collect_facts(cst.parse_module(source("refuse_training_tags")), "m.py") == []
