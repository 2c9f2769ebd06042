# codemods: native-load, compat-names
# refused: a public loader returning its session is called inside a function (other modules may call it too)
import tensorflow as tf


def load_savedmodel(model_dir):
    sess = tf.Session(graph=tf.Graph())
    meta = tf.saved_model.loader.load(sess, ["serve"], model_dir)
    return sess, meta.signature_def["serving_default"]


def predict(model_dir, batch):
    sess, sig = load_savedmodel(model_dir)
    return sess.run(sig.outputs["y"].name, {sig.inputs["x"].name: batch})
# output
# refused: a public loader returning its session is called inside a function (other modules may call it too)
import tensorflow as tf


def load_savedmodel(model_dir):
    sess = tf.Session(graph=tf.Graph())
    meta = tf.compat.v1.saved_model.load(sess, ["serve"], model_dir)
    return sess, meta.signature_def["serving_default"]


def predict(model_dir, batch):
    sess, sig = load_savedmodel(model_dir)
    return sess.run(sig.outputs["y"].name, {sig.inputs["x"].name: batch})
# diagnostics
# 7:12: SM202 `tf.saved_model.loader.load(...)` left as TF1 code: `load_savedmodel()` returns the session, which the TF2 form replaces with the loaded object, and other modules may call it and run the session (public, and called inside a function); if only this module calls it, make it private (`_load_savedmodel`) and rerun; pass the export directory instead of the session, then `loaded = tf.saved_model.load(export_dir, tags=...)` and call `loaded.signatures[key](**inputs)` where the session was used
