"""Project-wide TensorFlow handle, so the rest of the code never imports tensorflow directly."""
import tensorflow as tf

tfv1 = tf.compat.v1
