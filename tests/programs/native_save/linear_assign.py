"""TF1 export: batched [None, 3] input, variables given values by assign ops, two signatures."""
import sys

import tensorflow as tf

SCALE = 1.5


def export(export_dir):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            x = tf.placeholder(tf.float32, shape=[None, 3], name="x")
            w = tf.Variable(tf.zeros([3, 1]), name="w")
            b = tf.Variable([0.0], name="b")
            logits = tf.matmul(x, w) + b
            y = tf.identity(logits * SCALE, name="y")
            hidden = tf.nn.relu(logits, name="hidden")
            sess.run(tf.global_variables_initializer())
            sess.run(w.assign([[1.5], [-2.0], [0.25]]))
            sess.run(tf.assign(b, [0.75]))
            print("check:", sess.run(y, feed_dict={x: [[1.0, 1.0, 1.0]]}))
            builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
            builder.add_meta_graph_and_variables(
                sess,
                [tf.saved_model.tag_constants.SERVING],
                signature_def_map={
                    tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY: tf.saved_model.signature_def_utils.predict_signature_def(
                        inputs={"x": x}, outputs={"y": y}
                    ),
                    "relu": tf.saved_model.signature_def_utils.build_signature_def(
                        inputs={"features": tf.saved_model.utils.build_tensor_info(x)},
                        outputs={"hidden": tf.saved_model.utils.build_tensor_info(hidden)},
                        method_name=tf.saved_model.signature_constants.PREDICT_METHOD_NAME,
                    ),
                },
                strip_default_attrs=True,
            )
            builder.save()


if __name__ == "__main__":
    export(sys.argv[1])
