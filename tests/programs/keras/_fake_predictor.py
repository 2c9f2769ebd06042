"""A test double of TF1's `tf.contrib.predictor` (gone since TF 2.0), built on a TF1 session.

It keeps the contract of `tf.contrib.predictor.from_saved_model` (TF 1.15,
`contrib/predictor/saved_model_predictor.py`): the SavedModel is loaded into its own graph and
session, inputs and outputs are looked up by signature key, and calling the predictor with a dict
of arrays keyed by input key runs the session and returns a dict of NumPy arrays keyed by output
key. `install()` makes `tf.contrib.predictor` and `from tensorflow.contrib import predictor`
resolve to it in a process where `tensorflow` is `tensorflow.compat.v1` (tests/progrun.py "tf1").
"""

import sys
import types


class SavedModelPredictor:
    def __init__(self, export_dir, signature_def_key=None, tags=None):
        tf = sys.modules["tensorflow"]
        self.graph = tf.Graph()
        self.session = tf.Session(graph=self.graph)
        with self.graph.as_default():
            meta_graph = tf.saved_model.loader.load(self.session, tags or ["serve"], export_dir)
        signature = meta_graph.signature_def[signature_def_key or "serving_default"]
        self.feed_tensors = {k: self.graph.get_tensor_by_name(v.name) for k, v in signature.inputs.items()}
        self.fetch_tensors = {k: self.graph.get_tensor_by_name(v.name) for k, v in signature.outputs.items()}

    def __call__(self, input_dict):
        feed = {self.feed_tensors[key]: value for key, value in input_dict.items()}
        return self.session.run(self.fetch_tensors, feed_dict=feed)


def from_saved_model(export_dir, signature_def_key=None, signature_def=None, tags=None, graph=None, config=None):
    if signature_def is not None or graph is not None or config is not None:
        raise NotImplementedError("the test double covers export_dir, signature_def_key and tags")
    return SavedModelPredictor(export_dir, signature_def_key, tags)


def install():
    tf = sys.modules["tensorflow"]
    predictor = types.ModuleType("tensorflow.contrib.predictor")
    predictor.from_saved_model = from_saved_model
    contrib = types.ModuleType("tensorflow.contrib")
    contrib.predictor = predictor
    tf.contrib = contrib
    sys.modules["tensorflow.contrib"] = contrib
    sys.modules["tensorflow.contrib.predictor"] = predictor
