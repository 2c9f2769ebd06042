# codemods: native-save, compat-names
# refused (SM322): a signature key computed at run time
import tensorflow as tf


def export(export_dir, name):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        builder = tf.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess, ["serve"], signature_def_map={name.lower(): tf.saved_model.predict_signature_def({"x": x}, {"y": y})}
        )
        builder.save()
# output
# refused (SM322): a signature key computed at run time
import tensorflow as tf


def export(export_dir, name):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        builder = tf.compat.v1.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess, ["serve"], signature_def_map={name.lower(): tf.compat.v1.saved_model.predict_signature_def({"x": x}, {"y": y})}
        )
        builder.save()
# diagnostics
# 11:49: SM322 not migrated: signature key `name.lower()` is not a literal or TensorF
