# codemods: native-save, compat-names
# a helper building the model with tf.layers.dense is inlined (its layers' variables tracked by the module)
import numpy as np
import tensorflow as tf


def mlp(inputs):
    hidden = tf.layers.dense(
        inputs, 4, activation=tf.nn.relu, kernel_initializer=tf.constant_initializer(0.3), name="hidden"
    )
    return tf.layers.dense(hidden, 1, kernel_initializer=tf.constant_initializer(-0.2), name="out")


def export(export_dir):
    x = tf.placeholder(tf.float32, [None, 5], name="x")
    y = mlp(x)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        print("mlp", sess.run(y, {x: np.arange(10, dtype=np.float32).reshape(2, 5) / 10}).ravel().tolist())
        print("trainable", len(tf.trainable_variables()))
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# output
# a helper building the model with tf.layers.dense is inlined (its layers' variables tracked by the module)
import numpy as np
import tensorflow as tf


def export(export_dir):
    hidden_kernel = tf.Variable(tf.constant(0.3, shape=[5, 4], dtype=tf.float32), name="hidden/kernel")
    hidden_bias = tf.Variable(tf.zeros([4]), name="hidden/bias")
    out_kernel = tf.Variable(tf.constant(-0.2, shape=[4, 1], dtype=tf.float32), name="out/kernel")
    out_bias = tf.Variable(tf.zeros([1]), name="out/bias")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 5], dtype=tf.float32, name="x")])
    def serving_default(x):
        hidden = tf.nn.relu(tf.nn.bias_add(tf.matmul(x, hidden_kernel), hidden_bias))
        y = tf.nn.bias_add(tf.matmul(hidden, out_kernel), out_bias)
        return {"y": y}

    print("mlp", serving_default(x=np.arange(10, dtype=np.float32).reshape(2, 5) / 10)["y"].numpy().ravel().tolist())
    print("trainable", len([hidden_kernel, hidden_bias, out_kernel, out_bias]))
    module = tf.Module()
    module.hidden_kernel = hidden_kernel
    module.hidden_bias = hidden_bias
    module.out_kernel = out_kernel
    module.out_bias = out_bias
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
