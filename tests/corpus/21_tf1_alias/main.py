import numpy as np
import tensorflow as tf

tf1 = tf.compat.v1


def export(path):
    graph = tf1.Graph()
    with graph.as_default():
        x = tf1.placeholder(tf.float32, shape=[None, 2], name="x")
        w = tf1.get_variable("w", shape=[2, 2], initializer=tf1.constant_initializer([[1.0, 2.0], [3.0, 4.0]]))
        y = tf1.nn.softmax(tf1.matmul(x, w), name="y")
        sess = tf1.Session(graph=graph)
        sess.run(tf1.global_variables_initializer())
        print("y", ["%.6f" % v for v in sess.run(y, {x: [[0.1, 0.2]]})[0]])
        tf1.saved_model.simple_save(sess, path, inputs={"x": x}, outputs={"y": y})
        sess.close()


export("alias_model")
print("ok", np.int64(2))
