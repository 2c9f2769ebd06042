# what keras-load cannot map onto TFSMLayer is reported, not rewritten
import tensorflow as tf

print(tf.keras.models.load_model("exports/inline").predict(x))
tuned = tf.keras.models.load_model("exports/tuned")
tuned.fit(x, y)
inspected = tf.keras.models.load_model("exports/inspected")
inspected.summary()
two = tf.keras.models.load_model("exports/two_inputs")
out = two.predict({"a": a, "b": b})
unknown = tf.keras.models.load_model(get_path())
# diagnostics
# 4:7: SM622 `tf.keras.models.load_model(...)` left as is: assign the loa
# 6:1: SM623 `tf.keras.models.load_model(...)` left as is: `tuned.fit` ke
# 8:1: SM624 `tf.keras.models.load_model(...)` left as is: `inspected.sum
# 10:19: SM625 `tf.keras.models.load_model(...)` left as is: a model with s
# 11:38: SM621 `tf.keras.models.load_model(...)` left as is: Keras 3 loads
