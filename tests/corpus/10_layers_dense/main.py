"""Two-layer MLP with tf.layers, the way TF 1.x tutorials wrote it."""
import numpy as np
import tensorflow as tf

tf.set_random_seed(1)


def mlp(inputs):
    hidden = tf.layers.dense(
        inputs,
        4,
        activation=tf.nn.relu,
        kernel_initializer=tf.constant_initializer(0.3),
        bias_initializer=tf.constant_initializer(0.1),
        name="hidden",
    )
    return tf.layers.dense(hidden, 1, kernel_initializer=tf.constant_initializer(-0.2), name="out")


x = tf.placeholder(tf.float32, [None, 5], name="x")
y = mlp(x)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out = sess.run(y, {x: np.arange(10, dtype=np.float32).reshape(2, 5) / 10})
    print("mlp:", " ".join("%.6f" % v for v in out.ravel()))
    print("trainable:", len(tf.trainable_variables()))
    tf.saved_model.simple_save(sess, "mlp_model", inputs={"x": x}, outputs={"y": y})
