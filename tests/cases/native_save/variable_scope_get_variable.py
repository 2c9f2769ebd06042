# codemods: native-save, compat-names
# variable_scope / get_variable: constant, zeros, ones and NumPy initial values, scope paths as names, reuse
import numpy as np
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            x = tf.placeholder(tf.float32, [None, 3], name="x")
            with tf.variable_scope("tower"):
                w = tf.get_variable("w", shape=[3, 2], initializer=tf.constant_initializer(0.25))
                b = tf.get_variable("b", [2], initializer=tf.zeros_initializer())
                with tf.variable_scope("head", initializer=tf.ones_initializer()):
                    scale = tf.get_variable("scale", [2])
                shift = tf.Variable(0.5, name="shift")
                h = tf.nn.sigmoid(tf.matmul(x, w) + b - shift) * scale
            with tf.variable_scope("shared", reuse=tf.AUTO_REUSE):
                offset = tf.get_variable("offset", [], initializer=tf.constant_initializer(0.75))
                offset_again = tf.get_variable("offset", [])
            with tf.variable_scope("tower", reuse=True):
                w_shared = tf.get_variable("w")
            mix = tf.get_variable("mix", initializer=np.array([[1.0], [-2.0]], dtype=np.float32))
            steps = tf.get_variable("steps", [], dtype=tf.int64, trainable=False)
            y = tf.matmul(h, mix)[:, 0] + offset + offset_again + tf.reduce_sum(w_shared)
            print("variables:", sorted(v.name for v in tf.global_variables()))
            print("trainable:", [v.name for v in tf.trainable_variables()])
            sess.run(tf.global_variables_initializer())
            print("y:", sess.run(y, feed_dict={x: [[1.0, 2.0, 3.0], [-1.0, 0.0, 0.5]]}))
            tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# variable_scope / get_variable: constant, zeros, ones and NumPy initial values, scope paths as names, reuse
import numpy as np
import tensorflow as tf


def export(export_dir):
    w = tf.Variable(tf.constant(0.25, shape=[3, 2]), name="tower/w")
    b = tf.Variable(tf.zeros([2]), name="tower/b")
    scale = tf.Variable(tf.ones([2]), name="tower/head/scale")
    shift = tf.Variable(0.5, name="tower/shift")
    offset = tf.Variable(tf.constant(0.75, shape=[]), name="shared/offset")
    offset_again = offset
    w_shared = w
    mix = tf.Variable(np.array([[1.0], [-2.0]], dtype=np.float32), name="mix")
    steps = tf.Variable(tf.zeros([], dtype=tf.int64), name="steps", trainable=False)
    print("variables:", sorted(v.name for v in [w, b, scale, shift, offset, mix, steps]))
    print("trainable:", [v.name for v in [w, b, scale, shift, offset, mix]])

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x")])
    def serving_default(x):
        h = tf.nn.sigmoid(tf.matmul(x, w) + b - shift) * scale
        y = tf.matmul(h, mix)[:, 0] + offset + offset_again + tf.reduce_sum(w_shared)
        return {"y": y}

    print("y:", serving_default(x=[[1.0, 2.0, 3.0], [-1.0, 0.0, 0.5]])["y"].numpy())
    module = tf.Module()
    module.w = w
    module.b = b
    module.scale = scale
    module.shift = shift
    module.offset = offset
    module.mix = mix
    module.steps = steps
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
