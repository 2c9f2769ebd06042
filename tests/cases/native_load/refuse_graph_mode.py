# codemods: native-load, compat-names
# refused: the module runs TensorFlow in graph mode (tensorflow.compat.v1 + disable_v2_behavior)
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


def serve(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})
# output
# refused: the module runs TensorFlow in graph mode (tensorflow.compat.v1 + disable_v2_behavior)
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


def serve(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.load(sess, [tf.saved_model.SERVING], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})
# diagnostics
# 9:9: SM215 the module switches TensorFlow to graph mode (`tf.disable_v2_behavior(
