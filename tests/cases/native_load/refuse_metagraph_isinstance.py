# codemods: native-load, compat-names
# refused: a type check on the MetaGraphDef uses it beyond signature lookups (not graph state)
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        assert isinstance(meta, tf.compat.v1.MetaGraphDef)
        signature = meta.signature_def["serving_default"]
        return sess.run(signature.outputs["y"].name, {signature.inputs["x"].name: batch})
# output
# refused: a type check on the MetaGraphDef uses it beyond signature lookups (not graph state)
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta = tf.compat.v1.saved_model.load(sess, [tf.saved_model.SERVING], export_dir)
        assert isinstance(meta, tf.compat.v1.MetaGraphDef)
        signature = meta.signature_def["serving_default"]
        return sess.run(signature.outputs["y"].name, {signature.inputs["x"].name: batch})
# diagnostics
# 8:27: SM211 `tf.saved_model.loader.load(...)` left as TF1 code: the MetaGraphDef `meta` is used for more than `signature_d
