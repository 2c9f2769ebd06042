"""A sequence model the TF 1.x way: an LSTM cell unrolled with dynamic_rnn, variables named by scope,
a few training steps with Adam, then a predict signature over the last output."""
import numpy as np
import tensorflow as tf

tf.set_random_seed(0)
SEQ, FEAT, UNITS = 5, 3, 4

inputs = tf.placeholder(tf.float32, [None, SEQ, FEAT], name="inputs")
targets = tf.placeholder(tf.float32, [None, 1], name="targets")
with tf.variable_scope("rnn_model"):
    cell = tf.nn.rnn_cell.BasicLSTMCell(UNITS)
    outputs, state = tf.nn.dynamic_rnn(cell, inputs, dtype=tf.float32)
    last = outputs[:, -1, :]
    w = tf.get_variable("w", [UNITS, 1], initializer=tf.constant_initializer(0.1))
    pred = tf.matmul(last, w, name="pred")
loss = tf.losses.mean_squared_error(targets, pred)
train = tf.train.AdamOptimizer(0.01).minimize(loss)

rng = np.random.RandomState(1)
xs = rng.rand(16, SEQ, FEAT).astype(np.float32)
ys = xs.sum(axis=(1, 2)).reshape(-1, 1).astype(np.float32) / 10.0
init = tf.global_variables_initializer()
with tf.Session() as sess:
    sess.run(init)
    for step in range(20):
        _, l = sess.run([train, loss], feed_dict={inputs: xs, targets: ys})
    print("loss %.4f" % l)
    print("vars", sorted(v.name for v in tf.trainable_variables()))
    tf.saved_model.simple_save(sess, "lstm_model", {"inputs": inputs}, {"pred": pred})
