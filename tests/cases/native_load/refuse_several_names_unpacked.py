# codemods: native-load, compat-names
# refused: two output names unpacked from the signature's map, whose order TF2 does not keep
import tensorflow as tf


def client(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sig = meta.signature_def["serving_default"]
        first, second = [t.name for t in sig.outputs.values()]
        return sess.run(first, feed_dict={sig.inputs["x"].name: batch})
# output
# refused: two output names unpacked from the signature's map, whose order TF2 does not keep
import tensorflow as tf


def client(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta = tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        sig = meta.signature_def["serving_default"]
        first, second = [t.name for t in sig.outputs.values()]
        return sess.run(first, feed_dict={sig.inputs["x"].name: batch})
# diagnostics
# 9:9: SM211 `first, second` unpacks the names of several signature outputs in the order of the SignatureDef's map, which a TF2 signature does not keep
