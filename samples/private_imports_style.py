"""Exporting through the private `tensorflow.python.saved_model` modules, as older projects did."""
import sys
import tempfile

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


def load(export_dir, values):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.saved_model.loader.load(sess, [tag_constants.SERVING], export_dir)
        sig = meta_graph.signature_def[signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
        y = sess.graph.get_tensor_by_name(sig.outputs["y"].name)
        return sess.run(y, feed_dict={sig.inputs["x"].name: values})


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp() + "/scaled"
    export(out)
    result = load(out, [1.0, 2.5])
    print("loaded:", repr(result), type(result).__name__)
