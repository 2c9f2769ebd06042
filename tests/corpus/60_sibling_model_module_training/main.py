"""Train the linear model on synthetic data and export it for TF Serving."""
import numpy as np
import tensorflow as tf

import model

EXPORT_DIR = "exported/linear"
STEPS = 60
LEARNING_RATE = 0.1


def make_data(n=128, seed=7):
    rng = np.random.RandomState(seed)
    xs = rng.uniform(-1.0, 1.0, size=(n, model.FEATURES)).astype(np.float32)
    ys = xs.dot(np.array([[1.5], [-2.0], [0.5]], np.float32)) + 0.25
    return xs, ys


def main():
    xs, ys = make_data()
    tf.reset_default_graph()
    x, y = model.build_inputs()
    prediction = model.linear_model(x)
    loss = model.mse_loss(prediction, y)
    train_op = tf.train.GradientDescentOptimizer(LEARNING_RATE).minimize(loss)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(STEPS):
            _, current = sess.run([train_op, loss], feed_dict={x: xs, y: ys})
            if step % 20 == 0:
                print("step %3d  mse %.6f" % (step, current))
        print("final mse %.6f" % sess.run(loss, feed_dict={x: xs, y: ys}))
        tf.saved_model.simple_save(sess, EXPORT_DIR, inputs={"x": x}, outputs={"prediction": prediction})


if __name__ == "__main__":
    main()
