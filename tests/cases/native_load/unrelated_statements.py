# codemods: native-load, compat-names
# statements that do not use the session stay in order; other context managers stay
import json

import tensorflow as tf


def predict(export_dir, batch, log_path):
    with tf.Session(graph=tf.Graph()) as sess, open(log_path, "w") as log:
        started = "loading " + export_dir
        meta_graph = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sig = meta_graph.signature_def["serving_default"]
        # the inputs as the client sent them
        payload = json.dumps({"x": batch})
        result = sess.run(sig.outputs["y"].name, feed_dict={sig.inputs["x"].name: batch})
        log.write(started + payload)
    return result
# output
# statements that do not use the session stay in order; other context managers stay
import json

import tensorflow as tf


def predict(export_dir, batch, log_path):
    with open(log_path, "w") as log:
        started = "loading " + export_dir
        loaded = tf.saved_model.load(export_dir, tags=["serve"])
        sig = loaded.signatures["serving_default"]
        # the inputs as the client sent them
        payload = json.dumps({"x": batch})
        result = sig(x=batch)["y"].numpy()
        log.write(started + payload)
    return result
