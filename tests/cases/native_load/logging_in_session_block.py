# codemods: native-load, compat-names
# logging and file I/O inside the session block build no graph ops: they stay, and the load migrates
import tensorflow as tf


def predict(path, batch):
    with tf.Session() as sess:
        tf.saved_model.loader.load(sess, ["serve"], path)
        tf.logging.info("loaded %s", path)
        if not tf.gfile.Exists(path):
            raise tf.errors.NotFoundError(None, None, path)
        return sess.run("y:0", {"x:0": batch})
# output
# logging and file I/O inside the session block build no graph ops: they stay, and the load migrates
import tensorflow as tf


def predict(path, batch):
    loaded = tf.saved_model.load(path, tags=["serve"])
    pruned = loaded.prune(["x:0"], "y:0")
    tf.logging.info("loaded %s", path)
    if not tf.gfile.Exists(path):
        raise tf.errors.NotFoundError(None, None, path)
    return pruned(tf.cast(batch, pruned.inputs[0].dtype)).numpy()
# diagnostics
# 11:16: SM220 hard-coded tensor names (x:0, y:0) are fetched with `.prune`, which exists only on SavedModels writt
