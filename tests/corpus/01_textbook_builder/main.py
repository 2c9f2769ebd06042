"""Half-plus-two exporter in the shape of the TF Serving tutorial."""
import numpy as np
import tensorflow as tf

EXPORT_DIR = "export/half_plus_two/1"


def main():
    with tf.Graph().as_default():
        with tf.Session() as sess:
            x = tf.placeholder(tf.float32, shape=[None, 1], name="x")
            a = tf.Variable(0.5, name="a")
            b = tf.Variable(2.0, name="b")
            y = tf.add(tf.multiply(a, x), b, name="y")
            sess.run(tf.global_variables_initializer())
            out = sess.run(y, feed_dict={x: np.array([[1.0], [2.0], [5.0]], dtype=np.float32)})
            print("y =", " ".join("%.4f" % v for v in out.ravel()))

            builder = tf.saved_model.builder.SavedModelBuilder(EXPORT_DIR)
            signature = tf.saved_model.signature_def_utils.predict_signature_def(
                inputs={"x": x}, outputs={"y": y}
            )
            builder.add_meta_graph_and_variables(
                sess,
                [tf.saved_model.tag_constants.SERVING],
                signature_def_map={
                    tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY: signature
                },
            )
            builder.save()
    print("exported")


if __name__ == "__main__":
    main()
