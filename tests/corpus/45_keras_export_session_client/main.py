"""A Keras model exported for serving, and a TF1 client that loads the export in a Session."""
import numpy as np
import tensorflow as tf

EXPORT_DIR = "keras_export"


def export():
    pixels = tf.keras.Input(shape=(2,), name="pixels")
    scores = tf.keras.layers.Dense(
        3,
        kernel_initializer=tf.keras.initializers.Constant([[0.5, -0.5, 1.0], [0.25, 0.75, -1.0]]),
        bias_initializer=tf.keras.initializers.Constant([0.1, 0.0, -0.1]),
        activation="sigmoid",
        name="scores",
    )(pixels)
    # named outputs: the serving signature's output key is "scores" for the client below
    model = tf.keras.Model(inputs=pixels, outputs={"scores": scores})
    model.save(EXPORT_DIR, save_format="tf")


def client(batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], EXPORT_DIR)
        sig = meta.signature_def[tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
        return sess.run(sig.outputs["scores"].name, feed_dict={sig.inputs["pixels"].name: batch})


export()
scores = client(np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 0.5]], dtype=np.float32))
for row in scores:
    print("scores: %.6f %.6f %.6f" % tuple(row))
