"""Web-service style inference module: the model is loaded once at import into a module-level
session, the signature's tensor names are kept in module globals, and a request handler function
runs the session for each request (here called in a loop instead of by a web framework)."""
import json

import numpy as np
import tensorflow as tf

MODEL_DIR = "service_model"


def build_model():
    with tf.Graph().as_default():
        text_features = tf.placeholder(tf.float32, [None, 3], name="text_features")
        w = tf.Variable([[0.3, -0.2], [0.1, 0.4], [-0.5, 0.2]], name="w")
        b = tf.Variable([0.05, -0.05], name="b")
        scores = tf.nn.sigmoid(tf.matmul(text_features, w) + b, name="scores")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, MODEL_DIR, {"text_features": text_features}, {"scores": scores})


def handle_request(body):
    """Decode a JSON request and score it."""
    payload = json.loads(body)
    batch = np.asarray(payload["instances"], dtype=np.float32)
    scores = SESSION.run(OUTPUT_NAME, feed_dict={INPUT_NAME: batch})
    return json.dumps({"scores": np.round(scores, 5).tolist()})


build_model()
SESSION = tf.Session(graph=tf.Graph())
_meta = tf.saved_model.loader.load(SESSION, [tf.saved_model.tag_constants.SERVING], MODEL_DIR)
_signature = _meta.signature_def["serving_default"]
INPUT_NAME = _signature.inputs["text_features"].name
OUTPUT_NAME = _signature.outputs["scores"].name

for request in ('{"instances": [[1, 0, 0]]}', '{"instances": [[0.5, 0.5, 0.5], [2, 1, 0]]}'):
    print(handle_request(request))
