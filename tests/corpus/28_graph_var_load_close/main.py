import numpy as np
import tensorflow as tf

MODEL_DIR = "saved_model_dir"


def export_model():
    with tf.Graph().as_default() as g:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.multiply(x, tf.Variable(4.0, name="k"), name="y")
        with tf.Session(graph=g) as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, MODEL_DIR, {"x": x}, {"y": y})


def load_and_predict(values):
    graph = tf.Graph()
    with graph.as_default():
        sess = tf.Session()
        tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], MODEL_DIR)
        x = graph.get_tensor_by_name("x:0")
        y = graph.get_tensor_by_name("y:0")
        result = sess.run(y, feed_dict={x: values})
        sess.close()
    return result


export_model()
print("prediction:", load_and_predict(np.array([1.0, 2.5], np.float32)).tolist())
