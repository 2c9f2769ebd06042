# refused (SM601, manual work): a reloaded checkpoint folder whose path is an implicit concatenation
import tensorflow as tf


def train(x, y):
    model = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(x, y)
    model.save("checkpoints/" "epoch1")


def resume(x, y):
    model = tf.keras.models.load_model("checkpoints/epoch1")
    model.fit(x, y)
# diagnostics
# 9:5: SM601 left as is: the folder is reloaded to keep training, so it is a Keras checkpoint, but its save or lo
