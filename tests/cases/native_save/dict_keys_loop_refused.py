# codemods: native-save, compat-names
# a loop whose keys are not literal (or whose variable is rebound in it) reads the dict by unknown keys: left as it is
import tensorflow as tf


def export(export_dir, fetch_names):
    x = tf.placeholder(tf.float32, [None, 3], name="x")
    t = {"x": x, "sum": tf.reduce_sum(x, axis=1)}
    with tf.Session() as sess:
        for name in fetch_names:
            print(name, sess.run(t[name], {x: [[1, 2, 3]]}))
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"sum": t["sum"]})
# output
# a loop whose keys are not literal (or whose variable is rebound in it) reads the dict by unknown keys: left as it is
import tensorflow as tf


def export(export_dir, fetch_names):
    x = tf.placeholder(tf.float32, [None, 3], name="x")
    t = {"x": x, "sum": tf.reduce_sum(x, axis=1)}
    with tf.Session() as sess:
        for name in fetch_names:
            print(name, sess.run(t[name], {x: [[1, 2, 3]]}))
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"sum": t["sum"]})
# diagnostics
# 10:25: SM321 not migrated: `sess.run` fetches something other than a graph tensor or variable name, or a list, tuple or dict (string keys) of such names, so it cannot be replayed eagerly; fetch names, or compute it after the migration by calling the signature function
