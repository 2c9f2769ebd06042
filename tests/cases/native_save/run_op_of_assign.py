# codemods: native-save
# `sess.run(x.op)` (what `x.op.run()` is) runs the assign op `x`
import tensorflow as tf

with tf.Graph().as_default():
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    w = tf.Variable([[1.0], [2.0]], name="w")
    y = tf.matmul(x, w, name="y")
    double = tf.assign(w, w * 2.0)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(double.op)
        tf.saved_model.simple_save(sess, "/tmp/doubled", {"x": x}, {"y": y})
# output
# `sess.run(x.op)` (what `x.op.run()` is) runs the assign op `x`
import tensorflow as tf

w = tf.Variable([[1.0], [2.0]], name="w")
w.assign(w * 2.0)


@tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
def serving_default(x):
    y = tf.matmul(x, w, name="y")
    return {"y": y}


module = tf.Module()
module.w = w
module.serving_default = serving_default
tf.saved_model.save(module, "/tmp/doubled", signatures={"serving_default": serving_default})
