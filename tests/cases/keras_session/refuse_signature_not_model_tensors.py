# refused (SM700): a signature tensor computed from the model's output is not the model's own tensor
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(2, input_shape=(2,))])
sess = tf.keras.backend.get_session()
tf.saved_model.simple_save(
    sess, "export/1", inputs={"x": model.input}, outputs={"y": tf.argmax(model.output, axis=1)}
)
# diagnostics
# 7:64: SM700 left as TF1 Keras code: signature output `tf.argmax(model.output, axis=1)` is not `model.output` or `model.outputs[i]` of a Keras model of this module under a string key
