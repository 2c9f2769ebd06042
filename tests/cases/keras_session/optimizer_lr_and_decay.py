# in any module: an optimizer's `lr=` (which Keras 3 rejects) becomes `learning_rate=`; `decay=`,
# which Keras 3 ignores, is reported (SM701)
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(1, input_shape=(2,))])
model.compile(optimizer=tf.keras.optimizers.SGD(lr=0.1, momentum=0.9), loss="mse")
slow = tf.keras.optimizers.Adam(lr=1e-3, decay=1e-5)
# output
# in any module: an optimizer's `lr=` (which Keras 3 rejects) becomes `learning_rate=`; `decay=`,
# which Keras 3 ignores, is reported (SM701)
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(1, input_shape=(2,))])
model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=0.1, momentum=0.9), loss="mse")
slow = tf.keras.optimizers.Adam(learning_rate=1e-3, decay=1e-5)
# diagnostics
# 7:8: SM701 `tf.keras.optimizers.Adam(decay=...)`: Keras 3 optimizers ignore `decay=` (a warning, other numbers); Keras 2 divided the learning rate by `1 + decay * iterations`
