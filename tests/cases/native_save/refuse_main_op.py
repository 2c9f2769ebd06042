# codemods: native-save, compat-names
# refused (SM315): main_op() re-initializes the variables after restore, so TF1 serves initial values
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        y = tf.identity(x * w, name="y")
        sess.run(tf.global_variables_initializer())
        sess.run(w.assign(3.0))
        builder = tf.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            ["serve"],
            signature_def_map={"serving_default": tf.saved_model.predict_signature_def({"x": x}, {"y": y})},
            main_op=tf.saved_model.main_op.main_op(),
        )
        builder.save()
# output
# refused (SM315): main_op() re-initializes the variables after restore, so TF1 serves initial values
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        y = tf.identity(x * w, name="y")
        sess.run(tf.global_variables_initializer())
        sess.run(w.assign(3.0))
        builder = tf.compat.v1.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            ["serve"],
            signature_def_map={"serving_default": tf.compat.v1.saved_model.predict_signature_def({"x": x}, {"y": y})},
            main_op=tf.compat.v1.saved_model.main_op.main_op(),
        )
        builder.save()
# diagnostics
# 17:21: SM315 not migrated: `main_op=` runs `tf.saved_model.main_op.main_op()` at lo
