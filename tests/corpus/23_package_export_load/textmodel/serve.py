import tensorflow as tf


def score(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        sig = meta.signature_def[tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
        x = sess.graph.get_tensor_by_name(sig.inputs["features"].name)
        y = sess.graph.get_tensor_by_name(sig.outputs["score"].name)
        return sess.run(y, feed_dict={x: batch})
