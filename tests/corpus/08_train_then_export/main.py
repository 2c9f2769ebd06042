"""Fit y = 3x - 1 with gradient descent, then export for serving."""
import numpy as np
import tensorflow as tf

np.random.seed(42)
tf.set_random_seed(42)

xs = np.random.uniform(-1, 1, size=(64, 1)).astype(np.float32)
ys = 3.0 * xs - 1.0

x = tf.placeholder(tf.float32, [None, 1], name="x")
y_true = tf.placeholder(tf.float32, [None, 1], name="y_true")
w = tf.Variable([[0.0]], name="w")
b = tf.Variable([0.0], name="b")
y_pred = tf.add(tf.matmul(x, w), b, name="y_pred")
loss = tf.reduce_mean(tf.square(y_pred - y_true))
train_op = tf.train.GradientDescentOptimizer(0.5).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(40):
        _, l = sess.run([train_op, loss], feed_dict={x: xs, y_true: ys})
        if step % 10 == 0:
            print("step %d loss %.6f" % (step, l))
    print("w=%.5f b=%.5f" % (sess.run(w)[0][0], sess.run(b)[0]))
    tf.saved_model.simple_save(sess, "trained_model", inputs={"x": x}, outputs={"y": y_pred})
