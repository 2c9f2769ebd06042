# codemods: native-load, session-bridge, native-save, compat-names
# bridged export loaded in the same run: by signature key -> TF2 signature call; by hard-coded names -> refused (SM213), never `.prune` on a TF2 export
import tensorflow as tf

EXPORT_DIR = "/tmp/model"


def export(sess, x, y):
    tf.saved_model.simple_save(sess, EXPORT_DIR, inputs={"x": x}, outputs={"y": y})


def predict(value):
    with tf.Session(graph=tf.Graph()) as sess:
        meta = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], EXPORT_DIR)
        sig = meta.signature_def["serving_default"]
        return sess.run(sig.outputs["y"].name, feed_dict={sig.inputs["x"].name: value})


def predict_by_name(value):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], EXPORT_DIR)
        return sess.run("y:0", feed_dict={"x:0": value})
# output
# bridged export loaded in the same run: by signature key -> TF2 signature call; by hard-coded names -> refused (SM213), never `.prune` on a TF2 export
import tensorflow as tf
import smmigrate

EXPORT_DIR = "/tmp/model"


def export(sess, x, y):
    smmigrate.export_session(sess, EXPORT_DIR, inputs={"x": x}, outputs={"y": y})


def predict(value):
    loaded = tf.saved_model.load(EXPORT_DIR, tags=[tf.saved_model.SERVING])
    sig = loaded.signatures["serving_default"]
    return sig(x=value)["y"].numpy()


def predict_by_name(value):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.compat.v1.saved_model.load(sess, [tf.saved_model.SERVING], EXPORT_DIR)
        return sess.run("y:0", feed_dict={"x:0": value})
# diagnostics
# 21:16: SM213 `tf.saved_model.loader.load(...)` left as TF1 code
