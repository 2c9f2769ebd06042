# codemods: native-save, compat-names
# shared layers: a reopened AUTO_REUSE scope and reuse=True give back the same kernel and bias
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        left = tf.placeholder(tf.float32, [None, 3], name="left")
        right = tf.placeholder(tf.float32, [None, 3], name="right")
        with tf.variable_scope("tower", reuse=tf.AUTO_REUSE):
            a = tf.layers.dense(left, 2, kernel_initializer=tf.constant_initializer(0.5))
        with tf.variable_scope("tower", reuse=tf.AUTO_REUSE):
            b = tf.layers.dense(right, 2, kernel_initializer=tf.constant_initializer(0.5))
        c = tf.layers.dense(a, 2, kernel_initializer=tf.constant_initializer(0.1), name="head")
        d = tf.layers.dense(b, 2, name="head", reuse=True)
        y = tf.reduce_sum(c * d, axis=1)
        sess.run(tf.global_variables_initializer())
        print(sess.run(y, {left: [[1.0, 2.0, 3.0]], right: [[0.0, 1.0, -1.0]]}))
        tf.saved_model.simple_save(sess, export_dir, {"left": left, "right": right}, {"y": y})
# output
# shared layers: a reopened AUTO_REUSE scope and reuse=True give back the same kernel and bias
import tensorflow as tf


def export(export_dir):
    tower_dense_kernel = tf.Variable(tf.constant(0.5, shape=[3, 2], dtype=tf.float32), name="tower/dense/kernel")
    tower_dense_bias = tf.Variable(tf.zeros([2]), name="tower/dense/bias")
    head_kernel = tf.Variable(tf.constant(0.1, shape=[2, 2], dtype=tf.float32), name="head/kernel")
    head_bias = tf.Variable(tf.zeros([2]), name="head/bias")

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="left"),
            tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="right"),
        ]
    )
    def serving_default(left, right):
        a = tf.nn.bias_add(tf.matmul(left, tower_dense_kernel), tower_dense_bias)
        b = tf.nn.bias_add(tf.matmul(right, tower_dense_kernel), tower_dense_bias)
        c = tf.nn.bias_add(tf.matmul(a, head_kernel), head_bias)
        d = tf.nn.bias_add(tf.matmul(b, head_kernel), head_bias)
        y = tf.reduce_sum(c * d, axis=1)
        return {"y": y}

    print(serving_default(left=[[1.0, 2.0, 3.0]], right=[[0.0, 1.0, -1.0]])["y"].numpy())
    module = tf.Module()
    module.tower_dense_kernel = tower_dense_kernel
    module.tower_dense_bias = tower_dense_bias
    module.head_kernel = head_kernel
    module.head_bias = head_bias
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
