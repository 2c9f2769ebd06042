# codemods: native-load, compat-names
# refused: the list of output names made over keys is printed (its elements are keys in TF2)
import tensorflow as tf


def predict(export_dir, names, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sig = meta.signature_def["serving_default"]
        fetches = [sig.outputs[name].name for name in names]
        print("fetching", fetches)
        return sess.run(fetches, feed_dict={sig.inputs["x"].name: batch})
# output
# refused: the list of output names made over keys is printed (its elements are keys in TF2)
import tensorflow as tf


def predict(export_dir, names, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta = tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        sig = meta.signature_def["serving_default"]
        fetches = [sig.outputs[name].name for name in names]
        print("fetching", fetches)
        return sess.run(fetches, feed_dict={sig.inputs["x"].name: batch})
# diagnostics
# 10:27: SM211 `tf.saved_model.loader.load(...)` left as TF1 code: the list of output names `fetches` is used for more than the fetches of `sess.run`, and its elements are signature output keys in TF2; read what the SignatureDef told you from `loaded.signatures[key].structured_input_signature` / `.structured_outputs`
