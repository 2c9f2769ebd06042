# codemods: native-load, compat-names
# the feed loop goes over the signature's inputs, the fetch loop over its output keys
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sig = meta.signature_def["serving_default"]
        feeds = {}
        for key, info in sig.inputs.items():
            feeds[info.name] = batch[key]
        fetches = {}
        for key in sig.outputs:
            fetches[key] = sig.outputs[key].name
        return sess.run(fetches, feed_dict=feeds)
# output
# the feed loop goes over the signature's inputs, the fetch loop over its output keys
import tensorflow as tf


def predict(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    sig = loaded.signatures["serving_default"]
    feeds = {}
    for key, info in sig.structured_input_signature[1].items():
        feeds[key] = batch[key]
    fetches = {}
    for key in sig.structured_outputs:
        fetches[key] = key
    outputs = sig(**feeds)
    return {key: outputs[value].numpy() for key, value in fetches.items()}
