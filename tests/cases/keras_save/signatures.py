# a model saved with its own signatures keeps them: tf.saved_model.save(model, dir, signatures=...)
import tensorflow as tf

EXPORT_DIR = "exports/with_signatures"

model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1)])


@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32, name="x")])
def serve(x):
    return {"y": model(x)}


model.save(EXPORT_DIR, signatures={"serving_default": serve})
# output
# a model saved with its own signatures keeps them: tf.saved_model.save(model, dir, signatures=...)
import tensorflow as tf

EXPORT_DIR = "exports/with_signatures"

model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1)])


@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32, name="x")])
def serve(x):
    return {"y": model(x)}


tf.saved_model.save(model, EXPORT_DIR, signatures={"serving_default": serve})
