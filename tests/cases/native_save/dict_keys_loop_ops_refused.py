# codemods: native-save, compat-names
# a loop over keys one of which is a train op: fetching every looped entry per iteration would train
# once per key, so the dict is not split (and the block is refused on the fetch)
import tensorflow as tf


def export(export_dir):
    x = tf.placeholder(tf.float32, [None, 1], name="x")
    w = tf.Variable([[1.0]], name="w")
    loss = tf.reduce_mean(tf.matmul(x, w))
    ends = {"step": tf.train.GradientDescentOptimizer(0.1).minimize(loss), "loss": loss}
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for name in ("step", "loss"):
            print(name, sess.run(ends[name], {x: [[1.0]]}))
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": tf.matmul(x, w)})
# output
# a loop over keys one of which is a train op: fetching every looped entry per iteration would train
# once per key, so the dict is not split (and the block is refused on the fetch)
import tensorflow as tf


def export(export_dir):
    x = tf.placeholder(tf.float32, [None, 1], name="x")
    w = tf.Variable([[1.0]], name="w")
    loss = tf.reduce_mean(tf.matmul(x, w))
    ends = {"step": tf.train.GradientDescentOptimizer(0.1).minimize(loss), "loss": loss}
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for name in ("step", "loss"):
            print(name, sess.run(ends[name], {x: [[1.0]]}))
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": tf.matmul(x, w)})
# diagnostics
# 14:25: SM321 not migrated: `sess.run` fetches something other than a graph tensor or variable name, or a list, tuple or dict (string keys) of such names, so it cannot be replayed eagerly; fetch names, or compute it after the migration by calling the signature function
