# codemods: native-save, compat-names
# `graph = tf.Graph()` + `with graph.as_default():` + `tf.Session(graph=graph)`, private imports
import tensorflow as tf
from tensorflow.python.saved_model import builder as saved_model_builder
from tensorflow.python.saved_model import signature_constants, signature_def_utils, tag_constants


def export(export_dir, scale=2.0):
    graph = tf.Graph()
    with graph.as_default():
        x = tf.placeholder(tf.float32, shape=[None], name="x")
        scale_var = tf.Variable(scale, name="scale")
        y = tf.multiply(x, scale_var, name="y")
        with tf.Session(graph=graph) as sess:
            sess.run(tf.global_variables_initializer())
            builder = saved_model_builder.SavedModelBuilder(export_dir)
            builder.add_meta_graph_and_variables(
                sess,
                [tag_constants.SERVING],
                signature_def_map={
                    signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY: signature_def_utils.predict_signature_def(
                        inputs={"x": x}, outputs={"y": y}
                    )
                },
            )
            builder.save()
# output
# `graph = tf.Graph()` + `with graph.as_default():` + `tf.Session(graph=graph)`, private imports
import tensorflow as tf


def export(export_dir, scale=2.0):
    scale_var = tf.Variable(scale, name="scale")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.multiply(x, scale_var, name="y")
        return {"y": y}

    module = tf.Module()
    module.scale_var = scale_var
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
