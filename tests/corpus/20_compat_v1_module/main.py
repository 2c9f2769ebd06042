import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


def main():
    x = tf.placeholder(tf.float32, [None, 3], name="x")
    w = tf.get_variable("w", initializer=tf.constant([[0.1], [0.2], [0.3]]))
    y = tf.matmul(x, w, name="y")
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        print("y", sess.run(y, {x: np.ones((1, 3))}).round(6).tolist())
        builder = tf.saved_model.Builder("compat_export")
        builder.add_meta_graph_and_variables(
            sess,
            [tf.saved_model.SERVING],
            signature_def_map={
                "serving_default": tf.saved_model.predict_signature_def(inputs={"x": x}, outputs={"y": y})
            },
        )
        builder.save()


if __name__ == "__main__":
    main()
