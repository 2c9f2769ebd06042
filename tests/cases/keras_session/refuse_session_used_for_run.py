# refused (SM700): the backend session also runs tensors; Keras 3 has no session
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(1, input_shape=(2,))])
sess = tf.keras.backend.get_session()
print(sess.run(model.output, {model.input: np.ones((1, 2))}))
tf.saved_model.simple_save(sess, "export/1", inputs={"x": model.input}, outputs={"y": model.output})
# diagnostics
# 7:7: SM700 left as TF1 Keras code: `sess` is used other than as the session of `simple_save` (line 7); Keras 3 has no session
