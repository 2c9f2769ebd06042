# codemods: native-save, compat-names
# tf.layers.dense: kernel and bias become tf.Variables with TF1's names, the layer a matmul + bias_add
import numpy as np
import tensorflow as tf

WEIGHTS = np.linspace(-1.0, 1.0, 8, dtype=np.float32).reshape(4, 2)


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 4], name="x")
        with tf.variable_scope("mlp"):
            hidden = tf.layers.dense(
                x,
                2,
                activation=tf.nn.relu,
                kernel_initializer=tf.constant_initializer(WEIGHTS),
                bias_initializer=tf.constant_initializer(0.1),
            )
            hidden = tf.layers.dense(hidden, 3, activation=tf.nn.tanh, kernel_initializer=tf.ones_initializer())
        logits = tf.compat.v1.layers.dense(
            hidden, 1, use_bias=False, kernel_initializer=tf.constant_initializer([[0.5], [-1.0], [2.0]]), name="logits"
        )
        y = tf.nn.sigmoid(logits, name="y")
        sess.run(tf.global_variables_initializer())
        print("trainable:", len(tf.trainable_variables()))
        print("y:", sess.run(y, {x: [[1.0, 2.0, 3.0, 4.0], [0.5, -0.5, 0.0, 1.0]]}))
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# output
# tf.layers.dense: kernel and bias become tf.Variables with TF1's names, the layer a matmul + bias_add
import numpy as np
import tensorflow as tf

WEIGHTS = np.linspace(-1.0, 1.0, 8, dtype=np.float32).reshape(4, 2)


def export(export_dir):
    mlp_dense_kernel = tf.Variable(tf.constant(WEIGHTS, shape=[4, 2], dtype=tf.float32), name="mlp/dense/kernel")
    mlp_dense_bias = tf.Variable(tf.constant(0.1, shape=[2], dtype=tf.float32), name="mlp/dense/bias")
    mlp_dense_1_kernel = tf.Variable(tf.ones([2, 3]), name="mlp/dense_1/kernel")
    mlp_dense_1_bias = tf.Variable(tf.zeros([3]), name="mlp/dense_1/bias")
    logits_kernel = tf.Variable(tf.constant([[0.5], [-1.0], [2.0]], shape=[3, 1], dtype=tf.float32), name="logits/kernel")
    print("trainable:", len([mlp_dense_kernel, mlp_dense_bias, mlp_dense_1_kernel, mlp_dense_1_bias, logits_kernel]))

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 4], dtype=tf.float32, name="x")])
    def serving_default(x):
        hidden = tf.nn.relu(tf.nn.bias_add(tf.matmul(x, mlp_dense_kernel), mlp_dense_bias))
        hidden = tf.nn.tanh(tf.nn.bias_add(tf.matmul(hidden, mlp_dense_1_kernel), mlp_dense_1_bias))
        logits = tf.matmul(hidden, logits_kernel)
        y = tf.nn.sigmoid(logits, name="y")
        return {"y": y}

    print("y:", serving_default(x=[[1.0, 2.0, 3.0, 4.0], [0.5, -0.5, 0.0, 1.0]])["y"].numpy())
    module = tf.Module()
    module.mlp_dense_kernel = mlp_dense_kernel
    module.mlp_dense_bias = mlp_dense_bias
    module.mlp_dense_1_kernel = mlp_dense_1_kernel
    module.mlp_dense_1_bias = mlp_dense_1_bias
    module.logits_kernel = logits_kernel
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
