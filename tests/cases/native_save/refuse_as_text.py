# codemods: native-save, compat-names
# refused (SM313): save(as_text=True) asks for saved_model.pbtxt
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        builder = tf.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess, ["serve"], signature_def_map={"serving_default": tf.saved_model.predict_signature_def({"x": x}, {"y": y})}
        )
        builder.save(as_text=True)
# output
# refused (SM313): save(as_text=True) asks for saved_model.pbtxt
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        builder = tf.compat.v1.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess, ["serve"], signature_def_map={"serving_default": tf.compat.v1.saved_model.predict_signature_def({"x": x}, {"y": y})}
        )
        builder.save(as_text=True)
# diagnostics
# 13:9: SM313 not migrated: `save(as_text=True)` asks for saved_model.pbtxt; tf.save
