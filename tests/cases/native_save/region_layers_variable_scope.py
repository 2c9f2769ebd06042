# codemods: native-save, compat-names
# a region with tf.layers.dense and get_variable in variable scopes (the graph built at function level)
import numpy as np
import tensorflow as tf


def export(export_dir):
    x = tf.placeholder(tf.float32, [None, 5], name="x")
    with tf.variable_scope("mlp"):
        hidden = tf.layers.dense(x, 4, activation=tf.nn.relu, kernel_initializer=tf.constant_initializer(0.3))
        temperature = tf.get_variable("temperature", [], initializer=tf.constant_initializer(2.0))
    logits = tf.layers.dense(hidden, 1, kernel_initializer=tf.constant_initializer(-0.2), name="out")
    y = tf.nn.sigmoid(logits / temperature)
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    out = sess.run(y, {x: np.arange(10, dtype=np.float32).reshape(2, 5) / 10})
    print("mlp:", " ".join("%.6f" % v for v in out.ravel()))
    tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
    sess.close()
# output
# a region with tf.layers.dense and get_variable in variable scopes (the graph built at function level)
import numpy as np
import tensorflow as tf


def export(export_dir):
    mlp_dense_kernel = tf.Variable(tf.constant(0.3, shape=[5, 4], dtype=tf.float32), name="mlp/dense/kernel")
    mlp_dense_bias = tf.Variable(tf.zeros([4]), name="mlp/dense/bias")
    temperature = tf.Variable(tf.constant(2.0, shape=[]), name="mlp/temperature")
    out_kernel = tf.Variable(tf.constant(-0.2, shape=[4, 1], dtype=tf.float32), name="out/kernel")
    out_bias = tf.Variable(tf.zeros([1]), name="out/bias")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 5], dtype=tf.float32, name="x")])
    def serving_default(x):
        hidden = tf.nn.relu(tf.nn.bias_add(tf.matmul(x, mlp_dense_kernel), mlp_dense_bias))
        logits = tf.nn.bias_add(tf.matmul(hidden, out_kernel), out_bias)
        y = tf.nn.sigmoid(logits / temperature)
        return {"y": y}

    out = serving_default(x=np.arange(10, dtype=np.float32).reshape(2, 5) / 10)["y"].numpy()
    print("mlp:", " ".join("%.6f" % v for v in out.ravel()))
    module = tf.Module()
    module.mlp_dense_kernel = mlp_dense_kernel
    module.mlp_dense_bias = mlp_dense_bias
    module.temperature = temperature
    module.out_kernel = out_kernel
    module.out_bias = out_bias
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
