# what keras-save cannot decide from the code is reported, not rewritten
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.save(get_path())
model.save("model_h5", save_format="h5")
model.save("exports/options", options=tf.saved_model.SaveOptions())
model.save("exports/star", *extra)
tf.contrib.saved_model.save_keras_model(model, "exports/timestamped")
# diagnostics
# 5:12: SM601 `model.save(get_path())` left as is: Keras 2 wrote a SavedMo
# 6:1: SM602 `save_format='h5'` with a path without a `.h5` suffix: Keras
# 7:1: SM603 `model.save(...)` left as is: called with `options`; Keras 3
# 8:1: SM603 `model.save(...)` left as is: called with arguments it canno
# 9:1: SM604 `save_keras_model` wrote into a new timestamped folder under
