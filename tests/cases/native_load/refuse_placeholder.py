# codemods: native-load, compat-names
# refused: the session block builds graph ops of its own
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Graph().as_default(), tf.Session() as sess:
        tf.saved_model.loader.load(sess, ["serve"], export_dir)
        scale = tf.constant(2.0)
        return sess.run("y:0", feed_dict={"x:0": batch}) * sess.run(scale)
# output
# refused: the session block builds graph ops of its own
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Graph().as_default(), tf.Session() as sess:
        tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        scale = tf.constant(2.0)
        return sess.run("y:0", feed_dict={"x:0": batch}) * sess.run(scale)
# diagnostics
# 8:17: SM209 `tf.constant` is TensorFlow code inside the session block that may build ops in, or read, the session
