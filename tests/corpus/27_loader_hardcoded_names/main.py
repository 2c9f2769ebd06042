import numpy as np
import tensorflow as tf


def make_model(path):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="input_x")
        w = tf.Variable([[0.5, -0.5], [1.0, 1.0]], name="w")
        tf.nn.relu(tf.matmul(x, w), name="output_y")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(
                sess,
                path,
                inputs={"x": sess.graph.get_tensor_by_name("input_x:0")},
                outputs={"y": sess.graph.get_tensor_by_name("output_y:0")},
            )


make_model("hard_names")

sess = tf.Session(graph=tf.Graph())
tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], "hard_names")
out = sess.run("output_y:0", feed_dict={"input_x:0": np.array([[1, 2], [-1, 3]], np.float32)})
print("output_y", out.tolist())
sess.close()
