"""TF1 graphs and checkpoints that tests/test_wrap_metagraph.py generates for the graph adapter.

Each builder writes into a folder and returns a small dict describing what it wrote (paths, tensor
names, expected values). Graphs are built the TF1 way (`tf.compat.v1` inside `tf.Graph()`) with
reference variables (`use_resource=False`) unless a case is about resource variables, so they look
like artifacts of real TF1 training code. Also used by benchmarks/bench_wrap_metagraph.py (MLP).
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np


def _tf():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import tensorflow as tf

    return tf


def frozen_graph(out: Path) -> dict:
    """A frozen GraphDef (variables folded into constants) in binary and text form."""
    tf = _tf()
    tf1 = tf.compat.v1
    out.mkdir(parents=True, exist_ok=True)
    with tf.Graph().as_default() as g:
        x = tf1.placeholder(tf.float32, [None, 2], name="x")
        w = tf1.Variable([[1.0], [2.0]], name="w", use_resource=False)
        tf.add(tf.matmul(x, w), 0.5, name="y")
        with tf1.Session() as sess:
            sess.run(w.initializer)
            frozen = tf1.graph_util.convert_variables_to_constants(sess, g.as_graph_def(), ["y"])
    tf.io.write_graph(frozen, os.fspath(out), "frozen.pb", as_text=False)
    tf.io.write_graph(frozen, os.fspath(out), "frozen.pbtxt", as_text=True)
    return {"binary": out / "frozen.pb", "text": out / "frozen.pbtxt"}


def vocab_table_saved_model(out: Path) -> dict:
    """TF1 SavedModel: a hash table initialized from a vocab asset by the main op, string -> id * w."""
    tf = _tf()
    tf1 = tf.compat.v1
    out.mkdir(parents=True, exist_ok=True)
    vocab = out / "vocab.txt"
    vocab.write_text("apple\nbanana\ncherry\n")
    export = out / "table_model"
    with tf.Graph().as_default():
        words = tf1.placeholder(tf.string, [None], name="words")
        asset = tf.constant(os.fspath(vocab), name="vocab_path")
        tf1.add_to_collection(tf1.GraphKeys.ASSET_FILEPATHS, asset)
        init = tf1.lookup.TextFileInitializer(
            asset, tf.string, tf1.lookup.TextFileIndex.WHOLE_LINE, tf.int64, tf1.lookup.TextFileIndex.LINE_NUMBER
        )
        table = tf1.lookup.StaticHashTable(init, default_value=-1)
        scale = tf1.Variable(10, dtype=tf.int64, name="scale", use_resource=False)
        ids = tf.multiply(table.lookup(words), scale, name="ids")
        with tf1.Session() as sess:
            sess.run([scale.initializer, tf1.tables_initializer()])
            builder = tf1.saved_model.Builder(os.fspath(export))
            sig = tf1.saved_model.predict_signature_def({"words": words}, {"ids": ids})
            builder.add_meta_graph_and_variables(
                sess,
                ["serve"],
                signature_def_map={"serving_default": sig},
                assets_collection=tf1.get_collection(tf1.GraphKeys.ASSET_FILEPATHS),
                main_op=tf1.tables_initializer(),
            )
            builder.save()
    # The original vocab is gone: the export must use its own copy under assets/.
    vocab.unlink()
    return {"export": export, "words": [b"cherry", b"apple", b"kiwi"], "ids": [20, 0, -10]}


def v1_checkpoint(out: Path) -> dict:
    """A MetaGraph + V1-format (single file, SaveSlices) checkpoint: y = x * a + b."""
    tf = _tf()
    tf1 = tf.compat.v1
    out.mkdir(parents=True, exist_ok=True)
    with tf.Graph().as_default():
        x = tf1.placeholder(tf.float32, [None], name="x")
        a = tf1.Variable(0.0, name="a", use_resource=False)
        b = tf1.Variable(0.0, name="b", use_resource=False)
        tf.add(x * a, b, name="y")
        with tf1.Session() as sess:
            sess.run([a.assign(4.0), b.assign(-1.0)])
            saver = tf1.train.Saver(write_version=tf1.train.SaverDef.V1)
            saver.save(sess, os.fspath(out / "model.ckpt"))
    return {"meta": out / "model.ckpt.meta", "ckpt": out / "model.ckpt", "a": 4.0, "b": -1.0}


def training_graph(out: Path) -> dict:
    """Training graph: x, unfed label placeholder, loss, GradientDescent (ApplyGradientDescent on refs)."""
    tf = _tf()
    tf1 = tf.compat.v1
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    with tf.Graph().as_default():
        x = tf1.placeholder(tf.float32, [None, 3], name="x")
        label = tf1.placeholder(tf.float32, [None, 1], name="label")
        w = tf1.get_variable("w", [3, 1], use_resource=False)
        pred = tf.matmul(x, w, name="pred")
        loss = tf1.losses.mean_squared_error(label, pred)
        tf.identity(loss, name="loss_value")
        step = tf1.train.get_or_create_global_step()
        train = tf1.train.GradientDescentOptimizer(0.1).minimize(loss, global_step=step, name="train")
        with tf1.Session() as sess:
            sess.run(tf1.global_variables_initializer())
            for _ in range(3):
                sess.run(train, {x: rng.normal(size=(4, 3)), label: rng.normal(size=(4, 1))})
            saver = tf1.train.Saver()
            saver.save(sess, os.fspath(out / "train.ckpt"))
    return {"meta": out / "train.ckpt.meta", "ckpt": out / "train.ckpt", "train_op": train.name}


def partitioned_graph(out: Path) -> dict:
    """A variable split in 3 partitions (slices in the checkpoint): y = x @ w."""
    tf = _tf()
    tf1 = tf.compat.v1
    out.mkdir(parents=True, exist_ok=True)
    with tf.Graph().as_default():
        x = tf1.placeholder(tf.float32, [None, 6], name="x")
        w = tf1.get_variable(
            "w",
            [6, 2],
            initializer=tf1.random_normal_initializer(seed=1),
            partitioner=tf1.fixed_size_partitioner(3),
            use_resource=False,
        )
        tf.matmul(x, w, name="y")
        with tf1.Session() as sess:
            sess.run(tf1.global_variables_initializer())
            saver = tf1.train.Saver()
            saver.save(sess, os.fspath(out / "part.ckpt"))
    return {"meta": out / "part.ckpt.meta", "ckpt": out / "part.ckpt"}


def two_variable_graph(out: Path, *, shape=(2,), with_b=True, name="g") -> dict:
    """y = x * a (+ b): for the checkpoint-mismatch error cases."""
    tf = _tf()
    tf1 = tf.compat.v1
    out.mkdir(parents=True, exist_ok=True)
    with tf.Graph().as_default():
        x = tf1.placeholder(tf.float32, list(shape), name="x")
        a = tf1.Variable(np.ones(shape, np.float32), name="a", use_resource=False)
        y = x * a
        if with_b:
            b = tf1.Variable(np.ones(shape, np.float32), name="b", use_resource=False)
            y = y + b
        tf.identity(y, name="y")
        with tf1.Session() as sess:
            sess.run(tf1.global_variables_initializer())
            saver = tf1.train.Saver()
            saver.save(sess, os.fspath(out / f"{name}.ckpt"))
    return {"meta": out / f"{name}.ckpt.meta", "ckpt": out / f"{name}.ckpt"}


def mlp_graph(out: Path, *, megabytes: int, width: int = 2048, name: str = "mlp") -> dict:
    """An MLP MetaGraph with about `megabytes` MB of float32 weights and its V2 checkpoint.

    Weights are written layer by layer from a TF1 session, each layer initialized on its own, so
    generating a 1 GB checkpoint does not need several GB of memory.
    """
    tf = _tf()
    tf1 = tf.compat.v1
    out.mkdir(parents=True, exist_ok=True)
    layers = max(1, round(megabytes * 2**20 / (width * width * 4)))
    with tf.Graph().as_default():
        x = tf1.placeholder(tf.float32, [None, width], name="x")
        h = x
        for i in range(layers):
            w = tf1.get_variable(
                f"dense{i}/kernel",
                [width, width],
                use_resource=False,
                initializer=tf1.random_normal_initializer(stddev=1.0 / width**0.5, seed=i),
            )
            b = tf1.get_variable(f"dense{i}/bias", [width], use_resource=False, initializer=tf1.zeros_initializer())
            h = tf.nn.relu(tf.matmul(h, w) + b)
        tf.identity(h, name="y")
        with tf1.Session() as sess:
            for v in tf1.global_variables():
                sess.run(v.initializer)
            tf1.train.Saver().save(sess, os.fspath(out / f"{name}.ckpt"))
    return {"meta": out / f"{name}.ckpt.meta", "ckpt": out / f"{name}.ckpt", "layers": layers, "width": width}
