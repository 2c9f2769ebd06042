import numpy as np
import tensorflow as tf

np.random.seed(11)
features = np.random.rand(40, 2).astype(np.float32)
labels = (features @ np.array([[2.0], [-3.0]], np.float32) + 0.5).astype(np.float32)

dataset = tf.data.Dataset.from_tensor_slices((features, labels)).batch(8).repeat()
iterator = dataset.make_one_shot_iterator()
batch_x, batch_y = iterator.get_next()

w = tf.Variable(tf.zeros([2, 1]), name="w")
b = tf.Variable(tf.zeros([1]), name="b")


def predict(inputs):
    return tf.matmul(inputs, w) + b


loss = tf.reduce_mean(tf.square(predict(batch_x) - batch_y))
train_op = tf.train.MomentumOptimizer(0.2, 0.9).minimize(loss)

serving_x = tf.placeholder(tf.float32, [None, 2], name="serving_x")
serving_y = tf.identity(predict(serving_x), name="serving_y")

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(6):
        losses = [sess.run([train_op, loss])[1] for _ in range(5)]
        print("epoch %d mean loss %.6f" % (epoch, float(np.mean(losses))))
    tf.saved_model.simple_save(sess, "ds_model", {"x": serving_x}, {"y": serving_y})
