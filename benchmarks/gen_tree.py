"""Generate a tree of TF1-era Python files for the rewrite benchmarks (deterministic).

`python benchmarks/gen_tree.py OUT --files 300 --saved-model-share 0.4` writes OUT/pkg_NN/*.py:
a mix of SavedModel export/serving modules (Builder, simple_save, loader.load + sess.run, in the
import styles real projects used) and ordinary TF1 training/model code that never mentions
SavedModel. `--saved-model-share 1` gives the SavedModel-heavy tree.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

EXPORT_BUILDER = '''"""Export module {i}."""
import os

import numpy as np
import tensorflow as tf
from tensorflow.python.saved_model import builder as saved_model_builder
from tensorflow.python.saved_model import signature_constants, signature_def_utils, tag_constants

HIDDEN_{i} = {h}


def build_graph_{i}(features):
    x = tf.placeholder(tf.float32, shape=[None, features], name="x")
    w = tf.get_variable("w", shape=[features, HIDDEN_{i}], initializer=tf.glorot_uniform_initializer())
    b = tf.get_variable("b", shape=[HIDDEN_{i}], initializer=tf.zeros_initializer())
    hidden = tf.nn.relu(tf.matmul(x, w) + b)
    out_w = tf.get_variable("out_w", shape=[HIDDEN_{i}, 1])
    y = tf.identity(tf.matmul(hidden, out_w), name="y")
    return x, y


def export_{i}(export_dir, features=8):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            x, y = build_graph_{i}(features)
            sess.run(tf.global_variables_initializer())
            builder = saved_model_builder.SavedModelBuilder(os.path.join(export_dir, "{i}"))
            predict = signature_def_utils.predict_signature_def(inputs={{"x": x}}, outputs={{"y": y}})
            builder.add_meta_graph_and_variables(
                sess,
                [tag_constants.SERVING],
                signature_def_map={{signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY: predict}},
                strip_default_attrs=True,
            )
            builder.save()


def describe_{i}():
    return {{"hidden": HIDDEN_{i}, "tag": tag_constants.SERVING}}
'''

SIMPLE_SAVE = '''"""simple_save export {i}."""
import tensorflow as tf


def export_{i}(sess, export_dir, x, y):
    tf.saved_model.simple_save(sess, export_dir, inputs={{"x": x}}, outputs={{"y": y}})


def train_and_export_{i}(export_dir, steps={h}):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 4], name="x")
        label = tf.placeholder(tf.float32, [None, 1], name="label")
        w = tf.Variable(tf.zeros([4, 1]), name="w")
        y = tf.matmul(x, w, name="y")
        loss = tf.reduce_mean(tf.square(y - label))
        train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            for _ in range(steps):
                sess.run(train, {{x: [[1, 2, 3, 4]], label: [[1]]}})
            export_{i}(sess, export_dir, x, y)
'''

LOADER = '''"""Serving client {i}."""
import numpy as np
import tensorflow.compat.v1 as tf
from tensorflow.saved_model import signature_constants, tag_constants


def predict_{i}(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.saved_model.loader.load(sess, [tag_constants.SERVING], export_dir)
        sig = meta_graph.signature_def[signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
        return sess.run(sig.outputs["y"].name, feed_dict={{sig.inputs["x"].name: batch}})


def predict_by_name_{i}(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], export_dir)
        return sess.run("y:0", feed_dict={{"x:0": np.asarray(batch, np.float32)}})
'''

PLAIN = '''"""Model code {i} (no SavedModel)."""
import numpy as np
import tensorflow as tf


class Model{i}(object):
    def __init__(self, hidden={h}, lr=0.01):
        self.hidden = hidden
        self.lr = lr

    def build(self, x):
        with tf.variable_scope("model_{i}"):
            h = tf.layers.dense(x, self.hidden, activation=tf.nn.relu)
            h = tf.layers.dropout(h, rate=0.1)
            return tf.layers.dense(h, 1)

    def loss(self, logits, labels):
        return tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits))

    def train_op(self, loss):
        opt = tf.train.AdamOptimizer(self.lr)
        return opt.minimize(loss, global_step=tf.train.get_or_create_global_step())


def input_fn_{i}(batch_size=32):
    data = np.random.rand(1000, 8).astype(np.float32)
    labels = (data.sum(axis=1, keepdims=True) > 4).astype(np.float32)
    ds = tf.data.Dataset.from_tensor_slices((data, labels)).shuffle(1000).batch(batch_size)
    return ds.make_one_shot_iterator().get_next()


def train_{i}(steps=100):
    x, y = input_fn_{i}()
    model = Model{i}()
    logits = model.build(x)
    loss = model.loss(logits, y)
    train = model.train_op(loss)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(steps):
            _, value = sess.run([train, loss])
            if step % 10 == 0:
                tf.logging.info("step %d loss %f", step, value)
'''


def generate(out: Path, files: int, share: float, seed: int = 0) -> list[Path]:
    rng = random.Random(seed)
    written = []
    sm_templates = [EXPORT_BUILDER, SIMPLE_SAVE, LOADER]
    for i in range(files):
        sm = rng.random() < share
        template = sm_templates[i % 3] if sm else PLAIN
        path = out / f"pkg_{i // 25:02d}" / f"module_{i:04d}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(i=i, h=rng.randint(8, 256)))
        written.append(path)
    return written


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--saved-model-share", type=float, default=0.4)
    args = ap.parse_args()
    print(len(generate(args.out, args.files, args.saved_model_share)), "files")
