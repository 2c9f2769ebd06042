# codemods: keras-save, native-load, whole-api, compat-mode
# a Keras model exported and read back in one module by a client that unpacks the only input and
# output names: all of it becomes TF2, the client finding the keys Keras 3 gives
import numpy as np
import tensorflow as tf


def export(export_dir):
    model = tf.keras.Sequential([tf.keras.layers.Dense(3, input_shape=(2,), name="scores")])
    model.save(export_dir, save_format="tf")


def client(export_dir, batch):
    graph = tf.Graph()
    with tf.Session(graph=graph) as sess:
        meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        (out,) = [t.name for t in meta.signature_def["serving_default"].outputs.values()]
        (inp,) = [t.name for t in meta.signature_def["serving_default"].inputs.values()]
        return sess.run(graph.get_tensor_by_name(out), {graph.get_tensor_by_name(inp): np.asarray(batch)})
# output
# a Keras model exported and read back in one module by a client that unpacks the only input and
# output names: all of it becomes TF2, the client finding the keys Keras 3 gives
import numpy as np
import tensorflow as tf


def export(export_dir):
    model = tf.keras.Sequential([tf.keras.layers.Dense(3, input_shape=(2,), name="scores")])
    model.export(export_dir)


def client(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    serving_default_fn = loaded.signatures["serving_default"]
    (out,) = list(serving_default_fn.structured_outputs)
    (inp,) = list(serving_default_fn.structured_input_signature[1])
    return serving_default_fn(**{inp: np.asarray(batch)})[out].numpy()
# diagnostics
# 9:5: SM605 written with Keras 3 `model.export`: its `serving_default` s
