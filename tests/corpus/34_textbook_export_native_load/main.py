import numpy as np
import tensorflow as tf

export_dir = "textbook_model"

with tf.Graph().as_default():
    with tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        w = tf.Variable([[2.0], [1.0]], name="w")
        b = tf.Variable([0.25], name="b")
        y = tf.add(tf.matmul(x, w), b, name="y")
        sess.run(tf.global_variables_initializer())
        builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            [tf.saved_model.tag_constants.SERVING],
            signature_def_map={
                "serving_default": tf.saved_model.signature_def_utils.predict_signature_def(
                    inputs={"x": x}, outputs={"y": y}
                )
            },
        )
        builder.save()

with tf.Session(graph=tf.Graph()) as sess:
    meta_graph_def = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
    signature = meta_graph_def.signature_def["serving_default"]
    x_name = signature.inputs["x"].name
    y_name = signature.outputs["y"].name
    result = sess.run(y_name, feed_dict={x_name: np.array([[1.0, 1.0], [0.5, -1.0]], np.float32)})
    print("result", " ".join("%.3f" % v for v in result.ravel()))
