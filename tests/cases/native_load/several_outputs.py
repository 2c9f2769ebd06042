# codemods: native-load, compat-names
# several outputs fetched as a list, a tuple to unpack and a dict
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sig = meta_graph.signature_def["serving_default"]
        feeds = None  # an unrelated local that stays
        both = sess.run([sig.outputs["y"].name, sig.outputs["z"].name], feed_dict={sig.inputs["x"].name: batch})
        y, z = sess.run((sig.outputs["y"].name, sig.outputs["z"].name), {sig.inputs["x"].name: batch})
        named = sess.run({"pred": sig.outputs["y"].name, "aux": sig.outputs["z"].name}, {sig.inputs["x"].name: batch})
    return both, y, z, named, feeds
# output
# several outputs fetched as a list, a tuple to unpack and a dict
import tensorflow as tf


def predict(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    sig = loaded.signatures["serving_default"]
    feeds = None  # an unrelated local that stays
    outputs = sig(x=batch)
    both = [outputs["y"].numpy(), outputs["z"].numpy()]
    outputs = sig(x=batch)
    y, z = (outputs["y"].numpy(), outputs["z"].numpy())
    outputs = sig(x=batch)
    named = {"pred": outputs["y"].numpy(), "aux": outputs["z"].numpy()}
    return both, y, z, named, feeds
