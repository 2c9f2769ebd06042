# codemods: native-load, compat-names
# a loader returns the session it made with the SignatureDef; the script runs it by keys it reads
import json

import tensorflow as tf


def load_savedmodel(model_dir):
    sess = tf.Session(graph=tf.Graph())
    meta = tf.saved_model.loader.load(sess, ["serve"], model_dir)
    return sess, meta.signature_def["serving_default"]


spec = json.loads('{"outputs": ["label", "confidences"]}')
session, signature = load_savedmodel("/models/lobe/1")
fetches = [signature.outputs[name].name for name in spec["outputs"]]
label, confidences = session.run(fetches, feed_dict={signature.inputs["image"].name: [[0.0, 1.0]]})
print(label, confidences)
session.close()
# output
# a loader returns the session it made with the SignatureDef; the script runs it by keys it reads
import json

import tensorflow as tf


def load_savedmodel(model_dir):
    loaded = tf.saved_model.load(model_dir, tags=["serve"])
    return loaded, loaded.signatures["serving_default"]


spec = json.loads('{"outputs": ["label", "confidences"]}')
session, signature = load_savedmodel("/models/lobe/1")
fetches = [name for name in spec["outputs"]]
outputs = signature(image=[[0.0, 1.0]])
label, confidences = [outputs[key].numpy() for key in fetches]
print(label, confidences)
