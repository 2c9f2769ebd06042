# codemods: native-load, compat-names
# refused: import_scope renames every tensor
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], export_dir, import_scope="model")
        return sess.run("model/y:0", feed_dict={"model/x:0": batch})
# output
# refused: import_scope renames every tensor
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.compat.v1.saved_model.load(sess, ["serve"], export_dir, import_scope="model")
        return sess.run("model/y:0", feed_dict={"model/x:0": batch})
# diagnostics
# 7:65: SM210 the load call passes `import_scope=` (import_scope and saver options c
