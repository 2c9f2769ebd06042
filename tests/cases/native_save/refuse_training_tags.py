# codemods: native-save, compat-names
# refused (SM305): tags other than exactly [SERVING]
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            [tf.saved_model.tag_constants.SERVING, tf.saved_model.tag_constants.GPU],
            signature_def_map={"serving_default": tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})},
        )
        builder.save()
# output
# refused (SM305): tags other than exactly [SERVING]
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        builder = tf.compat.v1.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            [tf.saved_model.SERVING, tf.saved_model.GPU],
            signature_def_map={"serving_default": tf.compat.v1.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})},
        )
        builder.save()
# diagnostics
# 12:13: SM305 not migrated: tags `[tf.saved_model.tag_constants.SERVING, tf.saved_model.tag_constants.GPU]` are ['serve', 'g
