# Keras 3 file formats, objects that are not provably Keras models, and tf_keras stay as they are
import tf_keras
import tensorflow as tf
from PIL import Image

model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.save("model.keras")
model.save("weights.h5")
tf.keras.models.save_model(model, "other.keras")
Image.new("RGB", (2, 2)).save("picture")
legacy = tf_keras.Sequential([tf_keras.layers.Dense(1)])
legacy.save("exports/legacy")


def save(model, path):
    model.save(path)
