# codemods: native-save
# refused (SM311): an assign op built but never run by the session; in a tf.function it would run at
# every call, so it is not bound and moved in
import tensorflow as tf


def export(path):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        w = tf.Variable([[0.5, -0.5], [1.0, 1.0]], name="w")
        tf.assign(w, tf.zeros([2, 2]), name="reset")
        y = tf.matmul(x, w, name="y")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, path, {"x": x}, {"y": y})
# diagnostics
# 10:9: SM311 not migrated: this statement builds a graph op without binding it to a name (is it fetched later by its op name?); bind it (`y = ...`) so it can move into the tf.function, then rerun
