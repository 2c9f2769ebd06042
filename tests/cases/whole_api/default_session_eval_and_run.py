# codemods: whole-api
# `t.eval()` / `op.run()` under `with tf.Session() as sess:` use that session: spelled `sess.run(...)`
import numpy as np
import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 2], name="x")
w = tf.Variable(tf.ones([2, 1]), name="w")
y = tf.matmul(x, w) * 2.0
double = tf.assign(w, w * 2.0)

with tf.Session() as sess:
    tf.global_variables_initializer().run()
    print(y.eval(feed_dict={x: np.ones((1, 2))}))
    double.op.run()
    print(y.eval({x: np.ones((1, 2))}), w.eval())
# output
# `t.eval()` / `op.run()` under `with tf.Session() as sess:` use that session: spelled `sess.run(...)`
import numpy as np
import tensorflow as tf

x = tf.compat.v1.placeholder(tf.float32, [None, 2], name="x")
w = tf.compat.v1.Variable(tf.ones([2, 1]), name="w")
y = tf.matmul(x, w) * 2.0
double = tf.compat.v1.assign(w, w * 2.0)

with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    print(sess.run(y, feed_dict={x: np.ones((1, 2))}))
    sess.run(double.op)
    print(sess.run(y, {x: np.ones((1, 2))}), sess.run(w))
