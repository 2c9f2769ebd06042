"""Keras model saved as a SavedModel, then read back in the same script by a TF1 session that looks
its tensors up by the names the signature records (the way TF 1.x serving tests were written)."""
import numpy as np
import tensorflow as tf

EXPORT_DIR = "keras_savedmodel"


def export():
    model = tf.keras.Sequential()
    model.add(tf.keras.layers.Dense(3, input_shape=(2,), activation="sigmoid", name="scores",
                                    kernel_initializer=tf.keras.initializers.Constant([[0.5, -0.5, 1.0], [0.25, 0.75, -1.0]]),
                                    bias_initializer=tf.keras.initializers.Constant([0.1, 0.0, -0.1])))
    model.compile(optimizer=tf.keras.optimizers.SGD(0.5), loss="mse")
    model.fit(np.eye(2, dtype=np.float32), np.full((2, 3), 0.5, np.float32), epochs=2, verbose=0)
    model.save(EXPORT_DIR, save_format="tf")


def client(batch):
    graph = tf.Graph()
    with tf.Session(graph=graph) as sess:
        meta = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], EXPORT_DIR)
        sig = meta.signature_def[tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
        (in_name,) = [t.name for t in sig.inputs.values()]
        (out_name,) = [t.name for t in sig.outputs.values()]
        return sess.run(graph.get_tensor_by_name(out_name), feed_dict={graph.get_tensor_by_name(in_name): batch})


export()
scores = client(np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 0.5]], dtype=np.float32))
for row in scores:
    print("scores: %.6f %.6f %.6f" % tuple(row))
