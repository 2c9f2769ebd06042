# codemods: native-save, compat-names
# refused (SM301): two sessions made on one graph; native-save follows one session per export
# (the exported values are that session's)
import tensorflow as tf


def export(export_dir):
    x = tf.placeholder(tf.float32, [None], name="x")
    y = tf.add(x, 1.0, name="y")
    first = tf.Session()
    sess = tf.Session()
    tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# output
# refused (SM301): two sessions made on one graph; native-save follows one session per export
# (the exported values are that session's)
import tensorflow as tf


def export(export_dir):
    x = tf.placeholder(tf.float32, [None], name="x")
    y = tf.add(x, 1.0, name="y")
    first = tf.Session()
    sess = tf.Session()
    tf.compat.v1.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# diagnostics
# 10:12: SM301 not migrated: the session is not made exactly once, by `sess = tf.Session()` (optionally `graph=`/`config=`) in the function that builds the graph; use one session, or export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)
