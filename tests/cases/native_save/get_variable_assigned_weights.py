# codemods: native-save, compat-names
# converter style: get_variable with the default (random) initializer, then weights assigned from NumPy before
# the export — the random start values never reach the SavedModel, so the export migrates
import numpy as np
import tensorflow as tf

WEIGHTS = {"dense/w": np.array([[0.5, -1.0], [2.0, 0.25]], dtype=np.float32), "dense/b": np.array([0.1, -0.2])}


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        with tf.variable_scope("dense"):
            w = tf.get_variable("w", [2, 2])
            b = tf.get_variable("b", [2], initializer=tf.truncated_normal_initializer(stddev=0.1))
        y = tf.nn.relu(tf.matmul(x, w) + b, name="y")
        sess.run(tf.global_variables_initializer())
        sess.run(w.assign(WEIGHTS["dense/w"]))
        b.load(WEIGHTS["dense/b"], sess)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# converter style: get_variable with the default (random) initializer, then weights assigned from NumPy before
# the export — the random start values never reach the SavedModel, so the export migrates
import numpy as np
import tensorflow as tf

WEIGHTS = {"dense/w": np.array([[0.5, -1.0], [2.0, 0.25]], dtype=np.float32), "dense/b": np.array([0.1, -0.2])}


def export(export_dir):
    w = tf.Variable(tf.zeros([2, 2], dtype=tf.float32), name="dense/w")
    b = tf.Variable(tf.compat.v1.truncated_normal_initializer(stddev=0.1)([2], dtype=tf.float32), name="dense/b")
    w.assign(WEIGHTS["dense/w"])
    b.assign(WEIGHTS["dense/b"])

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.nn.relu(tf.matmul(x, w) + b, name="y")
        return {"y": y}

    module = tf.Module()
    module.w = w
    module.b = b
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
