# codemods: native-load, compat-names
# refused: the export directory is read from the session before the load
import tensorflow as tf


def predict(path_tensor, batch):
    with tf.Session() as sess:
        export_dir = sess.run(path_tensor).decode()
        tf.saved_model.loader.load(sess, ["serve"], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})
# output
# refused: the export directory is read from the session before the load
import tensorflow as tf


def predict(path_tensor, batch):
    with tf.Session() as sess:
        export_dir = sess.run(path_tensor).decode()
        tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})
# diagnostics
# 7:9: SM205 `export_dir` is computed from the session before the load
