# codemods: native-save, compat-names
# tf.layers.flatten and tf.layers.dropout (inference) feed dense layers: TF1's reshape and identity
import numpy as np
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        images = tf.placeholder(tf.float32, [None, 2, 3], name="images")
        flat = tf.layers.flatten(images)
        hidden = tf.layers.dense(flat, 4, activation=tf.nn.relu, kernel_initializer=tf.constant_initializer(0.05))
        hidden = tf.layers.dropout(hidden, rate=0.5)
        y = tf.layers.dense(hidden, 2, kernel_initializer=tf.constant_initializer([[0.1, -0.2]] * 4))
        sess.run(tf.global_variables_initializer())
        print("y:", sess.run(y, {images: np.arange(12, dtype=np.float32).reshape(2, 2, 3)}))
        tf.saved_model.simple_save(sess, export_dir, {"images": images}, {"y": y})
# output
# tf.layers.flatten and tf.layers.dropout (inference) feed dense layers: TF1's reshape and identity
import numpy as np
import tensorflow as tf


def export(export_dir):
    dense_kernel = tf.Variable(tf.constant(0.05, shape=[6, 4], dtype=tf.float32), name="dense/kernel")
    dense_bias = tf.Variable(tf.zeros([4]), name="dense/bias")
    dense_1_kernel = tf.Variable(tf.constant([[0.1, -0.2]] * 4, shape=[4, 2], dtype=tf.float32), name="dense_1/kernel")
    dense_1_bias = tf.Variable(tf.zeros([2]), name="dense_1/bias")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2, 3], dtype=tf.float32, name="images")])
    def serving_default(images):
        flat = tf.reshape(images, [tf.shape(images)[0], -1])
        hidden = tf.nn.relu(tf.nn.bias_add(tf.matmul(flat, dense_kernel), dense_bias))
        hidden = tf.identity(hidden)
        y = tf.nn.bias_add(tf.matmul(hidden, dense_1_kernel), dense_1_bias)
        return {"y": y}

    print("y:", serving_default(images=np.arange(12, dtype=np.float32).reshape(2, 2, 3))["y"].numpy())
    module = tf.Module()
    module.dense_kernel = dense_kernel
    module.dense_bias = dense_bias
    module.dense_1_kernel = dense_1_kernel
    module.dense_1_bias = dense_1_bias
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
