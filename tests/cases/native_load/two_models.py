# codemods: native-load, compat-names
# two models loaded one after the other in one function: each gets its own loaded object
import tensorflow as tf


def ensemble(first_dir, second_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.saved_model.loader.load(sess, ["serve"], first_dir)
        sig = meta_graph.signature_def["serving_default"]
        first = sess.run(sig.outputs["y"].name, {sig.inputs["x"].name: batch})
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.saved_model.loader.load(sess, ["serve"], second_dir)
        sig = meta_graph.signature_def["serving_default"]
        second = sess.run(sig.outputs["y"].name, {sig.inputs["x"].name: batch})
    return (first + second) / 2
# output
# two models loaded one after the other in one function: each gets its own loaded object
import tensorflow as tf


def ensemble(first_dir, second_dir, batch):
    loaded = tf.saved_model.load(first_dir, tags=["serve"])
    sig = loaded.signatures["serving_default"]
    first = sig(x=batch)["y"].numpy()
    loaded_2 = tf.saved_model.load(second_dir, tags=["serve"])
    sig = loaded_2.signatures["serving_default"]
    second = sig(x=batch)["y"].numpy()
    return (first + second) / 2
