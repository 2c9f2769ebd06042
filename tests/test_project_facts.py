"""Facts across files in one `rewrite` run: a load by hard-coded tensor names in one file is mapped
to signature keys when another file's export of the same directory is migrated to TF2 in the same
run, and uses `.prune` (with SM220) when that export stays TF1 — with one process or several."""

from __future__ import annotations

import pytest

from smmigrate.cli import main

TRAIN = """import tensorflow as tf

EXPORT_DIR = "/models/linear"


def export():
    with tf.Graph().as_default():
        with tf.Session() as sess:
            x = tf.placeholder(tf.float32, [None, 2], name="x")
            w = tf.Variable([[1.0], [2.0]], name="w")
            y = tf.identity(tf.matmul(x, w), name="y")
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, EXPORT_DIR, inputs={"x": x}, outputs={"y": y})
"""


SERVE = """import tensorflow as tf


def predict(batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], "/models/linear")
        return sess.run("y:0", feed_dict={"x:0": batch})
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_load_follows_an_export_migrated_in_another_file(tmp_path, capsys, jobs):
    (tmp_path / "train.py").write_text(TRAIN)
    (tmp_path / "serve.py").write_text(SERVE)
    (tmp_path / "other.py").write_text("import tensorflow as tf\nT = tf.saved_model.tag_constants.SERVING\n")
    assert main(["rewrite", "-j", jobs, str(tmp_path)]) == 1
    err = capsys.readouterr().err
    serve = (tmp_path / "serve.py").read_text()
    assert "tf.saved_model.save(" in (tmp_path / "train.py").read_text()
    assert ".signatures[" in serve and ".prune(" not in serve, serve
    assert "SM220" not in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_load_of_an_export_that_stays_tf1_uses_prune(tmp_path, capsys, jobs):
    (tmp_path / "train.py").write_text(
        TRAIN.replace(
            "tf.saved_model.simple_save(sess, EXPORT_DIR,",
            "tf.saved_model.simple_save(sess, EXPORT_DIR, legacy_init_op=tf.no_op(),",
        )
    )
    (tmp_path / "serve.py").write_text(SERVE)
    assert main(["rewrite", "-j", jobs, str(tmp_path)]) == 1
    err = capsys.readouterr().err
    serve = (tmp_path / "serve.py").read_text()
    assert "tf.saved_model.save(" not in (tmp_path / "train.py").read_text()
    assert ".prune(" in serve and "SM220" in err


REEXPORT = """import tensorflow as tf

BASE = "/models/base"


def make_base():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.identity(x * 2.0, name="y")
        with tf.Session() as sess:
            tf.saved_model.simple_save(sess, BASE, {"x": x}, {"y": y})


def add_head():
    with tf.Graph().as_default() as graph:
        with tf.Session(graph=graph) as sess:
            meta = tf.saved_model.loader.load(sess, ["serve"], BASE)
            sig = meta.signature_def["serving_default"]
            x = graph.get_tensor_by_name(sig.inputs["x"].name)
            y = graph.get_tensor_by_name(sig.outputs["y"].name)
            probs = tf.nn.softmax(y, name="probs")
            tf.saved_model.simple_save(sess, "/models/linear", {"x": x}, {"probs": probs})
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_load_by_names_of_a_native_reexport_is_refused_not_pruned(tmp_path, capsys, jobs):
    # native-load re-writes the re-export as tf.saved_model.save: `.prune` on it would fail at run time
    (tmp_path / "head.py").write_text(REEXPORT)
    (tmp_path / "serve.py").write_text(SERVE.replace('"y:0"', '"probs:0"'))
    assert main(["rewrite", "-j", jobs, str(tmp_path)]) == 1
    err = capsys.readouterr().err
    head, serve = (tmp_path / "head.py").read_text(), (tmp_path / "serve.py").read_text()
    assert "def head(x):" in head and "tf.saved_model.save(" in head, head
    assert ".prune(" not in serve and "SM214" in err, err


SCRIPT = """import tensorflow as tf


def load_model(sess, export_dir):
    meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
    return meta.signature_def["serving_default"]


def predict(sess, sig, batch):
    return sess.run(sig.outputs["y"].name, {sig.inputs["x"].name: batch})


def main():
    with tf.Session(graph=tf.Graph()) as sess:
        sig = load_model(sess, "/models/m/1")
        print(predict(sess, sig, [[1.0]]))


if __name__ == "__main__":
    main()
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_script_helpers_taking_a_session_change_only_when_no_file_imports_the_script(tmp_path, capsys, jobs):
    # alone in the run: its public helpers lose the session parameter, with a note (SM221)
    (tmp_path / "scr.py").write_text(SCRIPT)
    (tmp_path / "unrelated.py").write_text("import os\n")
    assert main(["rewrite", "-j", jobs, str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "def load_model(export_dir):" in (tmp_path / "scr.py").read_text() and "SM221" in err
    # imported by another file of the run: that file may pass a session, so the rewrite is withheld
    (tmp_path / "scr.py").write_text(SCRIPT)
    (tmp_path / "other.py").write_text(
        "from scr import predict\n\n\ndef run(sess, sig):\n    return predict(sess, sig, [[2.0]])\n"
    )
    assert main(["rewrite", "-j", jobs, str(tmp_path)]) == 1
    err = capsys.readouterr().err
    script = (tmp_path / "scr.py").read_text()
    assert "def load_model(sess, export_dir):" in script and "def predict(sess, sig, batch):" in script, script
    assert "SM202" in err and "other.py imports this script" in err and "SM221" not in err, err
