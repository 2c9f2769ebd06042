# Keras 2 model.save(dir) wrote a SavedModel folder; Keras 3 exports it with model.export
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(2)])
model.compile(optimizer="adam", loss="mse")
model.save("exports/model")
# output
# Keras 2 model.save(dir) wrote a SavedModel folder; Keras 3 exports it with model.export
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(2)])
model.compile(optimizer="adam", loss="mse")
model.export("exports/model")
# diagnostics
# 6:1: SM605 written with Keras 3 `model.export`: its `serving_default` s
