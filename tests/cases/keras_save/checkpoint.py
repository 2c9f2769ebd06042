# codemods: keras-save, keras-load
# a folder reloaded to keep training is a Keras checkpoint: both paths become .keras
import tensorflow as tf

CHECKPOINT = "checkpoints/latest"


def train(x, y):
    model = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(x, y)
    model.save("checkpoints/epoch1")
    model.save(CHECKPOINT)


def resume(x, y):
    model = tf.keras.models.load_model("checkpoints/epoch1")
    model.fit(x, y)
    again = tf.keras.models.load_model(CHECKPOINT)
    again.fit(x, y)
# output
# a folder reloaded to keep training is a Keras checkpoint: both paths become .keras
import tensorflow as tf

CHECKPOINT = "checkpoints/latest"


def train(x, y):
    model = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(x, y)
    model.save("checkpoints/epoch1.keras")
    model.save(CHECKPOINT + ".keras")


def resume(x, y):
    model = tf.keras.models.load_model("checkpoints/epoch1.keras")
    model.fit(x, y)
    again = tf.keras.models.load_model(CHECKPOINT + ".keras")
    again.fit(x, y)
# diagnostics
# 11:5: SM606 saved as a Keras 3 checkpoint (`.keras`) instead of a SavedM
# 12:5: SM606 saved as a Keras 3 checkpoint (`.keras`) instead of a SavedM
