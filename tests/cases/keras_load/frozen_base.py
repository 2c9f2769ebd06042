# a loaded model used as the frozen base of a new model: its trainable flag works on the layer
import tensorflow as tf

base = tf.keras.models.load_model("exports/base")
base.trainable = False
inputs = tf.keras.Input(shape=(3,))
features = base(inputs)
model = tf.keras.Model(inputs, tf.keras.layers.Dense(1)(features))
# output
# a loaded model used as the frozen base of a new model: its trainable flag works on the layer
import tensorflow as tf

base = tf.keras.layers.TFSMLayer("exports/base", call_endpoint="serving_default")
base.trainable = False
inputs = tf.keras.Input(shape=(3,))
features = base(inputs)
features = next(iter(features.values())) if len(features) == 1 else features
model = tf.keras.Model(inputs, tf.keras.layers.Dense(1)(features))
# diagnostics
# 4:8: SM626 loaded with `TFSMLayer`, which calls the `serving_default` s
