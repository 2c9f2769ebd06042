# codemods: keras-save, native-load, whole-api, compat-mode
# a Keras model saved and read back by a TF1 session client that picks the first output name (refused
# by native-load): the module stays in graph mode, so tf.keras must be Keras 2 as on TF 1.x, and the
# Keras 3 rewrite is withheld
import numpy as np
import tensorflow as tf


def export(export_dir):
    model = tf.keras.Sequential([tf.keras.layers.Dense(3, input_shape=(2,), name="scores")])
    model.save(export_dir, save_format="tf")


def client(export_dir, batch):
    graph = tf.Graph()
    with tf.Session(graph=graph) as sess:
        meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        out = [t.name for t in meta.signature_def["serving_default"].outputs.values()][0]
        (inp,) = [t.name for t in meta.signature_def["serving_default"].inputs.values()]
        return sess.run(graph.get_tensor_by_name(out), {graph.get_tensor_by_name(inp): np.asarray(batch)})
# output
# a Keras model saved and read back by a TF1 session client that picks the first output name (refused
# by native-load): the module stays in graph mode, so tf.keras must be Keras 2 as on TF 1.x, and the
# Keras 3 rewrite is withheld
import numpy as np
import tensorflow as tf
import os
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")  # tf.keras in graph mode needs Keras 2 (tf_keras)
tf.compat.v1.disable_v2_behavior()


def export(export_dir):
    model = tf.compat.v1.keras.Sequential([tf.compat.v1.keras.layers.Dense(3, input_shape=(2,), name="scores")])
    model.save(export_dir, save_format="tf")


def client(export_dir, batch):
    graph = tf.Graph()
    with tf.compat.v1.Session(graph=graph) as sess:
        meta = tf.compat.v1.saved_model.loader.load(sess, ["serve"], export_dir)
        out = [t.name for t in meta.signature_def["serving_default"].outputs.values()][0]
        (inp,) = [t.name for t in meta.signature_def["serving_default"].inputs.values()]
        return sess.run(graph.get_tensor_by_name(out), {graph.get_tensor_by_name(inp): np.asarray(batch)})
# diagnostics
# 19:25: SM203 `tf.compat.v1.saved_model.loader.load(...)` left as TF1 code
# 9:13: SM124 `tf.keras.Sequential` is Keras 3 on TF 2.21, which cannot ru
# 15:10: SM120 this module runs in TF1 compatibility mode: TF1 graph code a
# 15:10: SM121 keras-save would have migrated code in this module to eager
