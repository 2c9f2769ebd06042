# codemods: native-load, native-save
# a later codemod's diagnostic names the line of the original file after an earlier rewrite removed lines
import tensorflow as tf


def predict(export_dir, batch):
    sess = tf.Session(graph=tf.Graph())
    meta_graph = tf.saved_model.loader.load(sess, ["serve"], export_dir)
    sig = meta_graph.signature_def["serving_default"]
    prediction = sess.run(sig.outputs["y"].name, feed_dict={sig.inputs["x"].name: batch})
    sess.close()
    return prediction


def export(sess, export_dir, x, y):
    tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# output
# a later codemod's diagnostic names the line of the original file after an earlier rewrite removed lines
import tensorflow as tf


def predict(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    sig = loaded.signatures["serving_default"]
    prediction = sig(x=batch)["y"].numpy()
    return prediction


def export(sess, export_dir, x, y):
    tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# diagnostics
# 15:5: SM301 not migrated: this export is not inside
