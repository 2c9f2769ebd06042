# codemods: native-save, compat-names
# refused (SM321): sess.run of a tensor that no signature returns
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        doubled = x * 2.0
        y = tf.identity(doubled + 1.0, name="y")
        print(sess.run(doubled, {x: [1.0]}))
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM321): sess.run of a tensor that no signature returns
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        doubled = x * 2.0
        y = tf.identity(doubled + 1.0, name="y")
        print(sess.run(doubled, {x: [1.0]}))
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 10:15: SM321 not migrated: `sess.run(doubled, ...)` is not a signature output fed w
