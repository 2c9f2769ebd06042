import numpy as np
import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 2], name="x")
gain = tf.Variable([1.0, 1.0], name="gain")
shift = tf.Variable(0.0, name="shift")
y = tf.identity(x * gain + shift, name="y")

set_gain = tf.assign(gain, [2.0, -1.0])
bump = tf.assign_add(shift, 0.5)

sess = tf.Session()
sess.run(tf.global_variables_initializer())
print("before:", sess.run(y, {x: [[1.0, 1.0]]}).tolist())
sess.run(set_gain)
sess.run(bump)
sess.run(bump)
print("after: %.3f %.3f" % tuple(sess.run(y, {x: [[1.0, 1.0]]})[0]))
tf.saved_model.simple_save(sess, "calibrated", inputs={"x": x}, outputs={"y": y})
sess.close()
