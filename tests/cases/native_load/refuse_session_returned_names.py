# codemods: native-load, compat-names
# refused: the caller of a loader returning its session runs hard-coded tensor names
import tensorflow as tf


def _load(model_dir):
    sess = tf.Session(graph=tf.Graph())
    meta = tf.saved_model.loader.load(sess, ["serve"], model_dir)
    return sess, meta.signature_def["serving_default"]


sess, sig = _load("/models/m/1")
print(sess.run("y:0", {"x:0": [[1.0]]}))
# output
# refused: the caller of a loader returning its session runs hard-coded tensor names
import tensorflow as tf


def _load(model_dir):
    sess = tf.Session(graph=tf.Graph())
    meta = tf.compat.v1.saved_model.load(sess, ["serve"], model_dir)
    return sess, meta.signature_def["serving_default"]


sess, sig = _load("/models/m/1")
print(sess.run("y:0", {"x:0": [[1.0]]}))
# diagnostics
# 12:7: SM202 `tf.saved_model.loader.load(...)` left as TF1 code: the caller of `_load()`, which returns the session, runs hard-coded tensor names: they need the loaded object's `.prune`, which is not followed across functions; pass the export directory instead of the session, then `loaded = tf.saved_model.load(export_dir, tags=...)` and call `loaded.signatures[key](**inputs)` where the session was used
