# Keras 3 loads .keras and .h5 files itself
import tensorflow as tf

model = tf.keras.models.load_model("model.keras")
weights = tf.keras.models.load_model("weights.h5")
y = model.predict(x)
