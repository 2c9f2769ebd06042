# Notebook-style exploration pasted into a script: InteractiveSession and .eval().
import numpy as np
import tensorflow as tf

sess = tf.InteractiveSession()

x = tf.placeholder(tf.float32, [None, 2], name="x")
W = tf.Variable([[1.0, -1.0], [0.5, 2.0]], name="W")
y = tf.nn.relu(tf.matmul(x, W), name="y")
tf.global_variables_initializer().run()

data = np.array([[1.0, 2.0], [-1.0, 0.5]], dtype=np.float32)
print("relu:", np.array2string(y.eval(feed_dict={x: data}), precision=4))
print("W sum: %.4f" % tf.reduce_sum(W).eval())

tf.saved_model.simple_save(sess, "saved/relu", inputs={"x": x}, outputs={"y": y})
sess.close()
