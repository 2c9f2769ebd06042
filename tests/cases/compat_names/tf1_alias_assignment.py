# `tf1 = tf.compat.v1`: an alias made by assignment is followed too
import tensorflow as tf

tf1 = tf.compat.v1


def export(sess, path, tags=(tf1.saved_model.tag_constants.SERVING,)):
    builder = tf1.saved_model.builder.SavedModelBuilder(path)
    builder.add_meta_graph_and_variables(sess, list(tags), main_op=tf1.saved_model.main_op.main_op())
    builder.save()
# output
# `tf1 = tf.compat.v1`: an alias made by assignment is followed too
import tensorflow as tf

tf1 = tf.compat.v1


def export(sess, path, tags=(tf1.saved_model.SERVING,)):
    builder = tf1.saved_model.Builder(path)
    builder.add_meta_graph_and_variables(sess, list(tags), main_op=tf1.saved_model.main_op.main_op())
    builder.save()
