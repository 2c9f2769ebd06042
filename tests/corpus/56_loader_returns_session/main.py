"""Exported-model example app: a loader function creates the session, loads the SavedModel into it
and returns the session with the signature; the caller looks the tensors up and runs predictions."""
import json
import os

import numpy as np
import tensorflow as tf

EXPORT_DIR = os.path.join("exported", "1")


def export_model():
    with tf.Graph().as_default():
        image = tf.placeholder(tf.float32, [None, 2, 2, 1], name="image")
        flat = tf.reshape(image, [-1, 4])
        w = tf.Variable([[0.2, -0.1, 0.4], [0.0, 0.3, 0.1], [-0.2, 0.1, 0.5], [0.3, 0.3, -0.3]], name="w")
        confidences = tf.nn.softmax(tf.matmul(flat, w), name="confidences")
        label = tf.argmax(confidences, axis=1, name="label")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(
                sess, EXPORT_DIR, inputs={"image": image}, outputs={"confidences": confidences, "label": label}
            )
    with open(os.path.join(EXPORT_DIR, "signature.json"), "w") as fh:
        json.dump({"inputs": ["image"], "outputs": ["confidences", "label"]}, fh)


def load_savedmodel(model_dir):
    """Returns the session with the model loaded, and the serving signature."""
    sess = tf.Session(graph=tf.Graph())
    meta = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], model_dir)
    return sess, meta.signature_def["serving_default"]


export_model()
with open(os.path.join(EXPORT_DIR, "signature.json")) as fh:
    spec = json.load(fh)
session, signature = load_savedmodel(EXPORT_DIR)
image = np.arange(8, dtype=np.float32).reshape(2, 2, 2, 1) / 8.0
fetches = [signature.outputs[name].name for name in spec["outputs"]]
confidences, label = session.run(fetches, feed_dict={signature.inputs["image"].name: image})
print("label", label.tolist(), "confidences", np.round(confidences, 5).tolist())
session.close()
