# the TF 1.x Keras serving recipe at module level: the learning phase and the session go, the export
# is a tf.function calling the model with training=False, tracked with the model by a tf.Module
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K

K.set_learning_phase(0)
model = tf.keras.Sequential([tf.keras.layers.Dense(3, activation="relu", input_shape=(4,)), tf.keras.layers.Dense(1)])
model.compile(optimizer=tf.keras.optimizers.Adam(lr=0.01), loss="mse")
model.fit(np.ones((8, 4)), np.ones((8, 1)), epochs=1, verbose=0)
print(model.predict(np.ones((2, 4))))

sess = K.get_session()
tf.saved_model.simple_save(sess, "export/1", inputs={"features": model.input}, outputs={"score": model.output})
# output
# the TF 1.x Keras serving recipe at module level: the learning phase and the session go, the export
# is a tf.function calling the model with training=False, tracked with the model by a tf.Module
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(3, activation="relu", input_shape=(4,)), tf.keras.layers.Dense(1)])
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.01), loss="mse")
model.fit(np.ones((8, 4)), np.ones((8, 1)), epochs=1, verbose=0)
print(model.predict(np.ones((2, 4)), verbose=0))


@tf.function(input_signature=[tf.TensorSpec(model.inputs[0].shape, model.inputs[0].dtype, name="features")])
def serving_default(features):
    return {"score": model(features, training=False)}


module = tf.Module()
module.model = model
module.serving_default = serving_default
tf.saved_model.save(module, "export/1", signatures={"serving_default": serving_default})
