# codemods: native-load, compat-names
# hard-coded tensor names; the export is not visible, so the TF1-format model is pruned
import tensorflow as tf


def serve(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})
# output
# hard-coded tensor names; the export is not visible, so the TF1-format model is pruned
import tensorflow as tf


def serve(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=[tf.saved_model.SERVING])
    pruned = loaded.prune(["x:0"], "y:0")
    return pruned(tf.cast(batch, pruned.inputs[0].dtype)).numpy()
# diagnostics
# 8:16: SM220 hard-coded tensor names (x:0, y:0) are fetched with `.prune`, which ex
