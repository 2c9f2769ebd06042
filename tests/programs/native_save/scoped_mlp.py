"""A TF1 MLP exported with SavedModelBuilder: tf.layers.dense layers inside variable scopes, a
scale shared through get_variable + AUTO_REUSE, deterministic initializers everywhere, sizes from module constants."""

import numpy as np
import tensorflow as tf

N_FEATURES, HIDDEN_UNITS = 5, 3
KERNEL = np.arange(15, dtype=np.float32).reshape(N_FEATURES, HIDDEN_UNITS) / 20.0 - 0.3


def shared_scale():
    return 2.0


def export(export_dir):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            features = tf.placeholder(tf.float32, shape=[None, N_FEATURES], name="features")
            with tf.variable_scope("encoder"):
                hidden = tf.layers.dense(
                    features, HIDDEN_UNITS, activation=tf.nn.relu, kernel_initializer=tf.constant_initializer(KERNEL)
                )
                hidden = tf.layers.dense(
                    hidden,
                    2,
                    activation=tf.nn.tanh,
                    kernel_initializer=tf.constant_initializer(0.4),
                    bias_initializer=tf.constant_initializer([0.1, -0.1]),
                    name="project",
                )
            with tf.variable_scope("head", reuse=tf.AUTO_REUSE):
                scale = tf.get_variable("scale", [], initializer=tf.constant_initializer(shared_scale()))
                score = tf.layers.dense(hidden, 1, kernel_initializer=tf.ones_initializer(), name="score")
                scale_again = tf.get_variable("scale", [])
            prediction = tf.identity(score[:, 0] * scale * scale_again, name="prediction")
            sess.run(tf.global_variables_initializer())
            batch = np.linspace(-1.0, 1.0, 10, dtype=np.float32).reshape(2, 5)
            print("prediction:", sess.run(prediction, feed_dict={features: batch}))
            builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
            signature = tf.saved_model.signature_def_utils.predict_signature_def(
                inputs={"features": features}, outputs={"prediction": prediction}
            )
            builder.add_meta_graph_and_variables(
                sess,
                [tf.saved_model.tag_constants.SERVING],
                signature_def_map={"serving_default": signature},
            )
            builder.save()
