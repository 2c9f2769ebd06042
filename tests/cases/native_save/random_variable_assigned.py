# codemods: native-save, compat-names
# a random initial value overwritten before the export (assign, load): the export holds the assigned values
import numpy as np
import tensorflow as tf

WEIGHTS = np.array([[0.5], [-1.5]], dtype=np.float32)


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        w = tf.Variable(tf.random_normal([2, 1], stddev=0.1), name="w")
        b = tf.Variable(tf.truncated_normal([1]), name="b")
        y = tf.matmul(x, w) + b
        sess.run(tf.global_variables_initializer())
        sess.run(w.assign(WEIGHTS))
        b.load([0.25], sess)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# a random initial value overwritten before the export (assign, load): the export holds the assigned values
import numpy as np
import tensorflow as tf

WEIGHTS = np.array([[0.5], [-1.5]], dtype=np.float32)


def export(export_dir):
    w = tf.Variable(tf.compat.v1.random_normal([2, 1], stddev=0.1), name="w")
    b = tf.Variable(tf.compat.v1.truncated_normal([1]), name="b")
    w.assign(WEIGHTS)
    b.assign([0.25])

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.matmul(x, w) + b
        return {"y": y}

    module = tf.Module()
    module.w = w
    module.b = b
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
