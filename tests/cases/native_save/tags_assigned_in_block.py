# codemods: native-save, compat-names
# a tag list bound to a name in the block: plain Python that stays, read through its assignment
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.identity(x * 2.0, name="y")
        with tf.Session() as sess:
            tags = [tf.saved_model.tag_constants.SERVING]
            builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
            signature = tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
            builder.add_meta_graph_and_variables(sess, tags, signature_def_map={"serving_default": signature})
            builder.save()
# output
# a tag list bound to a name in the block: plain Python that stays, read through its assignment
import tensorflow as tf


def export(export_dir):
    tags = [tf.saved_model.SERVING]

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.identity(x * 2.0, name="y")
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
