# codemods: native-load, compat-names
# refused: the feed dict filled in a loop is also printed (its keys are TF1 tensors here)
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sig = meta.signature_def["serving_default"]
        feeds = {}
        for key, info in sig.inputs.items():
            feeds[info.name] = batch[key]
        print(feeds)
        return sess.run(sig.outputs["y"].name, feed_dict=feeds)
# output
# refused: the feed dict filled in a loop is also printed (its keys are TF1 tensors here)
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta = tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        sig = meta.signature_def["serving_default"]
        feeds = {}
        for key, info in sig.inputs.items():
            feeds[info.name] = batch[key]
        print(feeds)
        return sess.run(sig.outputs["y"].name, feed_dict=feeds)
# diagnostics
# 12:15: SM211 `tf.saved_model.loader.load(...)` left as TF1 code: the feed dict `feeds` (TF1 tensor -> value) is used for more than the feeds of `sess.run`, and its keys are signature input keys in TF2; read what the SignatureDef told you from `loaded.signatures[key].structured_input_signature` / `.structured_outputs`
