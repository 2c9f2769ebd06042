# codemods: native-save, compat-names
# refused (SM318): `builder.save()` inside another expression is not an export statement (not 'graph values')
import tensorflow as tf


def export(path):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.identity(x * 2.0, name="y")
        with tf.Session() as sess:
            builder = tf.saved_model.builder.SavedModelBuilder(path)
            builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map={"serving_default": tf.saved_model.predict_signature_def({"x": x}, {"y": y})})
            print(builder.save())
# output
# refused (SM318): `builder.save()` inside another expression is not an export statement (not 'graph values')
import tensorflow as tf


def export(path):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.identity(x * 2.0, name="y")
        with tf.Session() as sess:
            builder = tf.compat.v1.saved_model.Builder(path)
            builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map={"serving_default": tf.compat.v1.saved_model.predict_signature_def({"x": x}, {"y": y})})
            print(builder.save())
# diagnostics
# 12:13: SM318 not migrated: the Builder `builder` is used here for something other than `builder.add_met
