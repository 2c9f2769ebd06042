"""TF1 trainer class: logistic regression over tf.Example, trained a few steps, exported with a
Builder on `self.sess` with predict, classify and regress signatures (native-save SM301, bridged);
the result of the Builder's save (the saved_model.pb path, as bytes) is used."""
import os
import sys

import numpy as np
import tensorflow as tf
from tensorflow.saved_model import signature_constants, tag_constants


class Trainer:
    def __init__(self):
        self.graph = tf.Graph()
        with self.graph.as_default():
            self.examples = tf.placeholder(tf.string, [None], name="tf_example")
            features = tf.parse_example(self.examples, {"x": tf.FixedLenFeature([2], tf.float32)})
            self.x = tf.identity(features["x"], name="x")
            self.w = tf.Variable([[1.0], [-1.0]], name="w", use_resource=False)
            self.logits = tf.matmul(self.x, self.w, name="logits")
            self.scores = tf.sigmoid(self.logits, name="scores")
            self.labels = tf.placeholder(tf.float32, [None, 1], name="labels")
            loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=self.labels, logits=self.logits))
            self.train_op = tf.train.AdamOptimizer(0.1).minimize(loss)
            init = tf.global_variables_initializer()
        self.sess = tf.Session(graph=self.graph)
        self.sess.run(init)

    def train(self, steps):
        rows = [[1.0, 2.0], [-1.0, 0.5], [0.0, -2.0], [2.0, 2.0]]
        serialized = [
            tf.train.Example(features=tf.train.Features(feature={"x": tf.train.Feature(float_list=tf.train.FloatList(value=r))})).SerializeToString()
            for r in rows
        ]
        labels = np.array([[1.0], [0.0], [0.0], [1.0]], np.float32)
        for _ in range(steps):
            self.sess.run(self.train_op, {self.examples: serialized, self.labels: labels})

    def export(self, export_dir):
        # TF1's Builder exports the default graph, so the export runs inside this model's graph.
        with self.graph.as_default():
            builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
            signatures = {
                signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY: tf.saved_model.signature_def_utils.predict_signature_def(  # noqa: E501
                    {"x": self.x}, {"scores": self.scores}
                ),
                "classify": tf.saved_model.signature_def_utils.classification_signature_def(self.examples, None, self.scores),
                "regress": tf.saved_model.signature_def_utils.regression_signature_def(self.examples, self.logits),
            }
            builder.add_meta_graph_and_variables(self.sess, [tag_constants.SERVING], signature_def_map=signatures)
            save_path = builder.save()
        return save_path

if __name__ == "__main__":
    trainer = Trainer()
    trainer.train(4)
    written = trainer.export(sys.argv[1])
    print("saved", type(written).__name__, os.path.relpath(written, os.fsencode(sys.argv[1])))
