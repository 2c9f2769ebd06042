# codemods: native-load, compat-names
# refused: the session is kept on an object passed in, not on `self`
import tensorflow as tf


def load_into(holder, export_dir):
    holder.sess = tf.Session(graph=tf.Graph())
    tf.saved_model.loader.load(holder.sess, ["serve"], export_dir)
# output
# refused: the session is kept on an object passed in, not on `self`
import tensorflow as tf


def load_into(holder, export_dir):
    holder.sess = tf.Session(graph=tf.Graph())
    tf.compat.v1.saved_model.load(holder.sess, ["serve"], export_dir)
# diagnostics
# 7:5: SM202 the session `holder.sess` is kept on an object other than the `self` of a method, so code elsewhere may use it
