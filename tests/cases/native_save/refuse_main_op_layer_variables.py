# codemods: native-save, compat-names
# refused (SM315): main_op() in a block whose only variables come from tf.layers.dense
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.layers.dense(x, 1, kernel_initializer=tf.ones_initializer(), name="head")
        sess.run(tf.global_variables_initializer())
        builder = tf.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            ["serve"],
            signature_def_map={"serving_default": tf.saved_model.predict_signature_def({"x": x}, {"y": y})},
            main_op=tf.group(tf.saved_model.main_op.main_op(), name="init"),
        )
        builder.save()
# output
# refused (SM315): main_op() in a block whose only variables come from tf.layers.dense
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.layers.dense(x, 1, kernel_initializer=tf.ones_initializer(), name="head")
        sess.run(tf.global_variables_initializer())
        builder = tf.compat.v1.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            ["serve"],
            signature_def_map={"serving_default": tf.compat.v1.saved_model.predict_signature_def({"x": x}, {"y": y})},
            main_op=tf.group(tf.compat.v1.saved_model.main_op.main_op(), name="init"),
        )
        builder.save()
# diagnostics
# 15:21: SM315 not migrated: `main_op=` runs `tf.group(tf.saved_model.main_op.main_op
