# codemods: native-load, compat-names
# refused: the predictor is also called with a session no load helper fills
import tensorflow as tf


def load_model(sess, export_dir):
    meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
    return meta.signature_def["serving_default"]


def predict(sess, signature, batch):
    return sess.run(signature.outputs["y"].name, feed_dict={signature.inputs["x"].name: batch})


def check(sess, signature):
    return predict(sess, signature, [[0.0]])


sess = tf.Session(graph=tf.Graph())
signature = load_model(sess, "/models/m/1")
print(predict(sess, signature, [[1.0]]), check(sess, signature))
# output
# refused: the predictor is also called with a session no load helper fills
import tensorflow as tf


def load_model(sess, export_dir):
    meta = tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
    return meta.signature_def["serving_default"]


def predict(sess, signature, batch):
    return sess.run(signature.outputs["y"].name, feed_dict={signature.inputs["x"].name: batch})


def check(sess, signature):
    return predict(sess, signature, [[0.0]])


sess = tf.Session(graph=tf.Graph())
signature = load_model(sess, "/models/m/1")
print(predict(sess, signature, [[1.0]]), check(sess, signature))
# diagnostics
# 15:12: SM202 `tf.saved_model.loader.load(...)` left as TF1 code: `predict()` is also called here with a session that no load helper of this module fills; pass the export directory instead of the session, then `loaded = tf.saved_model.load(export_dir, tags=...)` and call `loaded.signatures[key](**inputs)` where the session was used
