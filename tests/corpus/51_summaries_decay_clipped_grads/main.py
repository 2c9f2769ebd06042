"""Training loop with summaries written by a FileWriter, an exponentially decayed learning rate on a
global step, gradients clipped by global norm and applied by hand, then export."""
import os
import tempfile

import numpy as np
import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 3], name="x")
y_true = tf.placeholder(tf.float32, [None, 1], name="y_true")
with tf.name_scope("model"):
    w = tf.Variable(tf.random_normal([3, 1], stddev=0.1, seed=1), name="w")
    b = tf.Variable(tf.zeros([1]), name="b")
    y = tf.add(tf.matmul(x, w), b, name="y")
loss = tf.reduce_mean(tf.square(y - y_true))
global_step = tf.train.get_or_create_global_step()
lr = tf.train.exponential_decay(0.1, global_step, decay_steps=5, decay_rate=0.5, staircase=True)
opt = tf.train.GradientDescentOptimizer(lr)
grads, variables = zip(*opt.compute_gradients(loss))
grads, _ = tf.clip_by_global_norm(grads, 1.0)
train_op = opt.apply_gradients(zip(grads, variables), global_step=global_step)
tf.summary.scalar("loss", loss)
tf.summary.scalar("lr", lr)
merged = tf.summary.merge_all()

data = np.array([[1, 2, 3], [0, 1, 0], [2, 0, 1], [1, 1, 1]], np.float32)
target = data @ np.array([[0.5], [-1.0], [2.0]], np.float32)
logdir = tempfile.mkdtemp()
with tf.Session() as sess:
    writer = tf.summary.FileWriter(logdir, sess.graph)
    sess.run(tf.global_variables_initializer())
    for i in range(12):
        summary, _, l = sess.run([merged, train_op, loss], {x: data, y_true: target})
        writer.add_summary(summary, i)
    writer.close()
    print("step", sess.run(global_step), "loss %.5f" % l, "lr %.4f" % sess.run(lr))
    print("events written:", any(f.startswith("events") for f in os.listdir(logdir)))
    tf.saved_model.simple_save(sess, "decay_model", inputs={"x": x}, outputs={"y": y})
