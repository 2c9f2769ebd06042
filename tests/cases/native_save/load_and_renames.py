# codemods: native-save, compat-names
# TF1-only spellings moved (tf.log -> tf.math.log); v.load(value, sess) and sess.run(v) run eagerly
"""TF1 export written against `tensorflow.compat.v1` (without disabling v2 behaviour), using
TF1-only spellings (`tf.log`) that native-save moves, and a variable loaded from Python values."""

import tensorflow.compat.v1 as tf


def export(export_dir):
    with tf.Session(graph=tf.Graph()) as sess:
        with sess.graph.as_default():
            x = tf.placeholder(tf.float32, [None, 2], name="x")
            w = tf.Variable([1.0, 1.0], name="w")
            y = tf.log(1.0 + tf.exp(x * w), name="softplus")
            sess.run(tf.global_variables_initializer())
            w.load([0.5, -3.0], sess)
            w.load(sess.run(w) * 2.0, sess)
            print("weights:", sess.run(w))
            tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"softplus": y})
# output
# TF1-only spellings moved (tf.log -> tf.math.log); v.load(value, sess) and sess.run(v) run eagerly
"""TF1 export written against `tensorflow.compat.v1` (without disabling v2 behaviour), using
TF1-only spellings (`tf.log`) that native-save moves, and a variable loaded from Python values."""

import tensorflow.compat.v1 as tf


def export(export_dir):
    w = tf.Variable([1.0, 1.0], name="w")
    w.assign([0.5, -3.0])
    w.assign(w.numpy() * 2.0)
    print("weights:", w.numpy())

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.math.log(1.0 + tf.exp(x * w), name="softplus")
        return {"softplus": y}

    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
