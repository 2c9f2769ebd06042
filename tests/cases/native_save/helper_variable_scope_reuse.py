# codemods: native-save, compat-names
# a siamese model: a tower helper opened twice in the same variable scope (reuse passed as a keyword
# argument) and a get_variable helper called twice inside an expression under AUTO_REUSE; every
# call is inlined, the reused variables become aliases of the first ones
import numpy as np
import tensorflow as tf


def tower(x, reuse):
    with tf.variable_scope("tower", reuse=reuse):
        w = tf.get_variable("w", shape=[3, 2], initializer=tf.constant_initializer(0.25))
        b = tf.get_variable("b", shape=[2], initializer=tf.zeros_initializer())
        return tf.nn.sigmoid(tf.matmul(x, w) + b)


def shared_bias():
    with tf.variable_scope("shared", reuse=tf.AUTO_REUSE):
        return tf.get_variable("offset", [], initializer=tf.constant_initializer(0.75))


def export(export_dir):
    left = tf.placeholder(tf.float32, [None, 3], name="left")
    right = tf.placeholder(tf.float32, [None, 3], name="right")
    a = tower(left, reuse=False)
    c = tower(right, reuse=True)
    score = tf.reduce_sum(a * c, axis=1) + shared_bias() + shared_bias()
    print("variables:", sorted(v.name for v in tf.global_variables()))
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        s = sess.run(score, {left: np.ones((2, 3)), right: [[0, 1, 2], [3, 4, 5]]})
        print("score: %s" % " ".join("%.6f" % v for v in s))
        tf.saved_model.simple_save(sess, export_dir, {"left": left, "right": right}, {"score": score})
# output
# a siamese model: a tower helper opened twice in the same variable scope (reuse passed as a keyword
# argument) and a get_variable helper called twice inside an expression under AUTO_REUSE; every
# call is inlined, the reused variables become aliases of the first ones
import numpy as np
import tensorflow as tf


def export(export_dir):
    w = tf.Variable(tf.constant(0.25, shape=[3, 2]), name="tower/w")
    b = tf.Variable(tf.zeros([2]), name="tower/b")
    w_2 = w
    b_2 = b
    offset = tf.Variable(tf.constant(0.75, shape=[]), name="shared/offset")
    offset_2 = offset
    print("variables:", sorted(v.name for v in [w, b, offset]))

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="left"),
            tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="right"),
        ]
    )
    def serving_default(left, right):
        a = tf.nn.sigmoid(tf.matmul(left, w) + b)
        c = tf.nn.sigmoid(tf.matmul(right, w_2) + b_2)
        score = tf.reduce_sum(a * c, axis=1) + offset + offset_2
        return {"score": score}

    s = serving_default(left=np.ones((2, 3)), right=[[0, 1, 2], [3, 4, 5]])["score"].numpy()
    print("score: %s" % " ".join("%.6f" % v for v in s))
    module = tf.Module()
    module.w = w
    module.b = b
    module.offset = offset
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
