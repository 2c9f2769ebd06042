"""Regression model saved with tf.keras.models.save_model, then reloaded in a separate step to predict."""
import os

import numpy as np
import tensorflow as tf

MODEL_DIR = os.path.join("models", "price_regressor")


def make_data(n=64):
    rs = np.random.RandomState(7)
    x = rs.rand(n, 5).astype("float32")
    y = (x @ np.array([[1.5], [-2.0], [0.5], [0.0], [3.0]], dtype="float32") + 0.25).astype("float32")
    return x, y


def train():
    inputs = tf.keras.Input(shape=(5,), name="x")
    h = tf.keras.layers.Dense(
        6, activation="tanh", kernel_initializer=tf.keras.initializers.Constant(0.2), name="dense_a"
    )(inputs)
    h = tf.keras.layers.Dense(
        6, activation="tanh", kernel_initializer=tf.keras.initializers.Constant(-0.1), name="dense_b"
    )(h)
    price = tf.keras.layers.Dense(1, kernel_initializer="zeros", name="price")(h)
    model = tf.keras.Model(inputs, price)
    model.compile(optimizer=tf.keras.optimizers.SGD(0.05), loss="mse")
    x, y = make_data()
    for step in range(5):
        loss = model.train_on_batch(x, y)
        print("step %d mse %.5f" % (step, loss))
    tf.keras.models.save_model(model, MODEL_DIR, save_format="tf")


def predict():
    model = tf.keras.models.load_model(MODEL_DIR)
    x, _ = make_data(4)
    preds = model.predict(x, batch_size=4)
    print("predictions:", ", ".join("%.5f" % v for v in preds.ravel()))


if __name__ == "__main__":
    train()
    predict()
