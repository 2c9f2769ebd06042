"""Inference script: a session created once and passed into helpers that load and predict."""
import numpy as np
import tensorflow as tf

SIGNATURE = "scores"


def export(path):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 3], name="x")
        w = tf.Variable([[0.5, -1.0], [1.0, 0.0], [0.25, 2.0]], name="w")
        scores = tf.nn.softmax(tf.matmul(x, w), name="scores")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, path, {"x": x}, {"scores": scores})


def load_model(sess, path):
    meta_graph = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], path)
    return meta_graph.signature_def[tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY]


def predict(sess, signature, batch):
    input_tensor = sess.graph.get_tensor_by_name(signature.inputs["x"].name)
    output_tensor = sess.graph.get_tensor_by_name(signature.outputs[SIGNATURE].name)
    return sess.run(output_tensor, feed_dict={input_tensor: batch})


export("helper_model")
config = tf.ConfigProto(device_count={"GPU": 0})
sess = tf.Session(graph=tf.Graph(), config=config)
signature = load_model(sess, "helper_model")
for batch in (np.eye(3, dtype=np.float32), np.ones((1, 3), np.float32)):
    print("scores", " ".join("%.5f" % v for v in predict(sess, signature, batch).ravel()))
sess.close()
