# codemods: native-save, compat-names
# variables: initial values, then assign ops run before the export (run eagerly, in order)
import tensorflow as tf


def export(export_dir, weights):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 3], name="x")
        w = tf.Variable(tf.zeros([3, 1]), name="w")
        b = tf.get_variable("b", shape=[1], initializer=tf.zeros_initializer())
        new_w = tf.placeholder(tf.float32, [3, 1])
        load_w = w.assign(new_w)
        init = tf.global_variables_initializer()
        y = tf.matmul(x, w) + b
        sess.run(init)
        sess.run(load_w, feed_dict={new_w: weights})
        sess.run(tf.assign(b, [0.5]))
        w.load(sess.run(w) * 2.0, sess)
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# output
# variables: initial values, then assign ops run before the export (run eagerly, in order)
import tensorflow as tf


def export(export_dir, weights):
    w = tf.Variable(tf.zeros([3, 1]), name="w")
    b = tf.Variable(tf.zeros([1]), name="b")
    w.assign(weights)
    b.assign([0.5])
    w.assign(w.numpy() * 2.0)

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.matmul(x, w) + b
        return {"y": y}

    module = tf.Module()
    module.w = w
    module.b = b
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
