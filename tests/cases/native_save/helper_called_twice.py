# codemods: native-save, compat-names
# a helper that creates variables, called more than once (a hand-written layer), is inlined call by
# call: its locals get fresh names, its name scope and TF1's uniquified names (`w_1`, `dense_1/w`)
# become the eager variables' names, a call inside an expression is computed first
import numpy as np
import tensorflow as tf


def layer(x, units):
    w = tf.Variable(tf.ones([2, units]), name="w")
    return tf.matmul(x, w)


def dense(x, n_in, n_out, name="dense", activation=tf.nn.relu):
    with tf.name_scope(name):
        w = tf.Variable(np.full((n_in, n_out), 0.5, np.float32), name="w")
        b = tf.Variable(np.arange(n_out, dtype=np.float32) / 4.0, name="b")
        return activation(tf.matmul(x, w) + b)


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        h = layer(x, 2)
        y = layer(h, 2)
        z = tf.tanh(dense(y, 2, 3)) + 1.0
        out = dense(dense(z, 3, 3), 3, 1, name="head", activation=tf.identity)
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y, "out": out})
# output
# a helper that creates variables, called more than once (a hand-written layer), is inlined call by
# call: its locals get fresh names, its name scope and TF1's uniquified names (`w_1`, `dense_1/w`)
# become the eager variables' names, a call inside an expression is computed first
import numpy as np
import tensorflow as tf


def export(export_dir):
    w = tf.Variable(tf.ones([2, 2]), name="w")
    w_2 = tf.Variable(tf.ones([2, 2]), name="w_1")
    w_3 = tf.Variable(np.full((2, 3), 0.5, np.float32), name="dense/w")
    b = tf.Variable(np.arange(3, dtype=np.float32) / 4.0, name="dense/b")
    w_4 = tf.Variable(np.full((3, 3), 0.5, np.float32), name="dense_1/w")
    b_2 = tf.Variable(np.arange(3, dtype=np.float32) / 4.0, name="dense_1/b")
    w_5 = tf.Variable(np.full((3, 1), 0.5, np.float32), name="head/w")
    b_3 = tf.Variable(np.arange(1, dtype=np.float32) / 4.0, name="head/b")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        h = tf.matmul(x, w)
        y = tf.matmul(h, w_2)
        dense_out = tf.nn.relu(tf.matmul(y, w_3) + b)
        z = tf.tanh(dense_out) + 1.0
        dense_out_2 = tf.nn.relu(tf.matmul(z, w_4) + b_2)
        out = tf.identity(tf.matmul(dense_out_2, w_5) + b_3)
        return {"y": y, "out": out}

    module = tf.Module()
    module.w = w
    module.w_2 = w_2
    module.w_3 = w_3
    module.b = b
    module.w_4 = w_4
    module.b_2 = b_2
    module.w_5 = w_5
    module.b_3 = b_3
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
