# codemods: native-save, native-load, compat-names
# hard-coded names, export in the same file that native-save leaves TF1: pruned
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, shape=[None, 1], name="x")
        y = tf.identity(x * 2.0 + 1.0, name="y")
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
        return sess


def serve(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})
# output
# hard-coded names, export in the same file that native-save leaves TF1: pruned
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, shape=[None, 1], name="x")
        y = tf.identity(x * 2.0 + 1.0, name="y")
        tf.compat.v1.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
        return sess


def serve(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=[tf.saved_model.SERVING])
    pruned = loaded.prune(["x:0"], "y:0")
    return pruned(tf.cast(batch, pruned.inputs[0].dtype)).numpy()
# diagnostics
# 16:16: SM220 hard-coded tensor names (x:0, y:0) are fetched with `.prune`, which ex
# 10:9: SM301 not migrated: `sess` is used for something other than `sess.run(...)`
