# codemods: native-save, compat-names
# signature and input keys held by names assigned a TF constant or a literal once: read through the assignment
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.identity(x * 2.0, name="y")
        with tf.Session() as sess:
            key = tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY
            input_key = "x"
            builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
            signature = tf.saved_model.signature_def_utils.predict_signature_def({input_key: x}, {"y": y})
            builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map={key: signature})
            builder.save()
# output
# signature and input keys held by names assigned a TF constant or a literal once: read through the assignment
import tensorflow as tf


def export(export_dir):
    key = tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY
    input_key = "x"

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.identity(x * 2.0, name="y")
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
