# codemods: native-load, compat-names
# private helpers get a function's `with` session by keyword and positionally; two fetches by key
import tensorflow as tf


def _load(export_dir, sess):
    meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
    sig = meta.signature_def["serving_default"]
    return sig


def _run(sess, sig, batch):
    return sess.run([sig.outputs["y"].name, sig.outputs["z"].name], feed_dict={sig.inputs["x"].name: batch})


def main(export_dir, batches):
    with tf.Session(graph=tf.Graph()) as session:
        signature = _load(export_dir, sess=session)
        for batch in batches:
            y, z = _run(session, signature, batch)
            print(y, z)
# output
# private helpers get a function's `with` session by keyword and positionally; two fetches by key
import tensorflow as tf


def _load(export_dir):
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    sig = loaded.signatures["serving_default"]
    return sig


def _run(sig, batch):
    outputs = sig(x=batch)
    return [outputs["y"].numpy(), outputs["z"].numpy()]


def main(export_dir, batches):
    signature = _load(export_dir)
    for batch in batches:
        y, z = _run(signature, batch)
        print(y, z)
