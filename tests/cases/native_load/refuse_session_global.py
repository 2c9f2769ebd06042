# codemods: native-load, compat-names
# refused: a function loads into a session kept in a global variable
import tensorflow as tf

sess = tf.Session(graph=tf.Graph())


def load(export_dir):
    tf.saved_model.loader.load(sess, ["serve"], export_dir)


def predict(batch):
    return sess.run("y:0", feed_dict={"x:0": batch})
# output
# refused: a function loads into a session kept in a global variable
import tensorflow as tf

sess = tf.Session(graph=tf.Graph())


def load(export_dir):
    tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)


def predict(batch):
    return sess.run("y:0", feed_dict={"x:0": batch})
# diagnostics
# 8:5: SM202 the session `sess` is a global variable, so other functions may use it
