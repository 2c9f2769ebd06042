# refused (SM700): a Dropout trained under learning phase 0 trained in inference mode, which Keras 3's
# fit does not do; the module stays TF1 Keras (compat-names renames only)
import tensorflow as tf

tf.keras.backend.set_learning_phase(0)
model = tf.keras.Sequential([tf.keras.layers.Dense(3, input_shape=(4,)), tf.keras.layers.Dropout(0.5)])
sess = tf.keras.backend.get_session()
tf.saved_model.simple_save(sess, "export/1", inputs={"x": model.input}, outputs={"y": model.output})
# diagnostics
# 6:74: SM700 left as TF1 Keras code: `tf.keras.layers.Dropout` behaves differently in training: under `set_learning_phase(0)` TF 1.x trained it in inference mode, which Keras 3's `fit` does not
