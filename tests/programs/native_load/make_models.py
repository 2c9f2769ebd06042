"""Export the TF1 SavedModels the native-load execution tests load (run with TF1 semantics).

argv: scalar_dir linear_dir. `scalar`: x (float32 scalar, key "input") -> 0.5 * x + 2 (key
"output"), written by simple_save. `linear`: x [None, 1] -> y = x @ w + b, z = 3 * y, with
variables, written by SavedModelBuilder under the default serving signature.
"""
import sys

import tensorflow as tf


def export_scalar(export_dir):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            x = tf.placeholder(tf.float32, shape=[], name="input")
            y = tf.add(x * 0.5, 2.0, name="output")
            tf.saved_model.simple_save(sess, export_dir, inputs={"input": x}, outputs={"output": y})


def export_linear(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, shape=[None, 1], name="x")
        w = tf.Variable([[2.0]], name="w")
        b = tf.Variable([1.0], name="b")
        y = tf.identity(tf.matmul(x, w) + b, name="y")
        z = tf.identity(y * 3.0, name="z")
        sess.run(tf.global_variables_initializer())
        builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
        signature = tf.saved_model.signature_def_utils.predict_signature_def(inputs={"x": x}, outputs={"y": y, "z": z})
        builder.add_meta_graph_and_variables(
            sess, [tf.saved_model.tag_constants.SERVING], signature_def_map={"serving_default": signature}
        )
        builder.save()


if __name__ == "__main__":
    export_scalar(sys.argv[1])
    export_linear(sys.argv[2])
    print("exported")
