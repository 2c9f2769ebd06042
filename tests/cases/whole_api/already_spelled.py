# names already spelled for TF 2 or tf.compat.v1, and names TF2 keeps as the same object, stay; a
# module-level `import tensorflow.compat.v1 as tf1` beside `import tensorflow as tf` folds into it
import tensorflow as tf
import tensorflow.compat.v1 as tf1

x = tf1.placeholder(tf.float32, [None, 3])
y = tf.compat.v1.layers.dense(x, 2)
z = tf.matmul(x, tf.ones([3, 1]))
w = tf.io.gfile.exists("/tmp")
m = tf.keras.layers.Dense(3)
# output
# names already spelled for TF 2 or tf.compat.v1, and names TF2 keeps as the same object, stay; a
# module-level `import tensorflow.compat.v1 as tf1` beside `import tensorflow as tf` folds into it
import tensorflow as tf

x = tf.compat.v1.placeholder(tf.float32, [None, 3])
y = tf.compat.v1.layers.dense(x, 2)
z = tf.matmul(x, tf.ones([3, 1]))
w = tf.io.gfile.exists("/tmp")
m = tf.keras.layers.Dense(3)
