# codemods: native-load, compat-names
# feeds and fetches as name maps over the signature, run whole and by comprehension
import numpy as np
import tensorflow as tf


def run(path, data):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph_def = tf.saved_model.loader.load(sess, ["serve"], path)
        signature = meta_graph_def.signature_def["serving_default"]
        feeds = {k: v.name for k, v in signature.inputs.items()}
        fetches = {k: signature.outputs[k].name for k in signature.outputs}
        output_names = sorted(fetches)
        result = sess.run(fetches, feed_dict={feeds[k]: data[k] for k in feeds})
        for name in output_names:
            print(name, np.array2string(result[name], precision=3))
# output
# feeds and fetches as name maps over the signature, run whole and by comprehension
import numpy as np
import tensorflow as tf


def run(path, data):
    loaded = tf.saved_model.load(path, tags=["serve"])
    signature = loaded.signatures["serving_default"]
    feeds = {k: k for k in signature.structured_input_signature[1]}
    fetches = {k: k for k in signature.structured_outputs}
    output_names = sorted(fetches)
    outputs = signature(**{feeds[k]: data[k] for k in feeds})
    result = {key: outputs[value].numpy() for key, value in fetches.items()}
    for name in output_names:
        print(name, np.array2string(result[name], precision=3))
