"""The TF2 export native-save would write for make_models.py's `linear` model (run on plain TF2).

Same signature keys (input `x`, outputs `y`, `z`) and values, but a TF2 SavedModel: no TF1 tensor
names and no `.prune`, so loaders with hard-coded names must be mapped to signature keys.
"""
import sys

import tensorflow as tf


class Linear(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable([[2.0]])
        self.b = tf.Variable([1.0])

    @tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32, name="x")])
    def serve(self, x):
        y = tf.matmul(x, self.w) + self.b
        return {"y": y, "z": y * 3.0}


if __name__ == "__main__":
    model = Linear()
    tf.saved_model.save(model, sys.argv[1], signatures={"serving_default": model.serve})
    print("exported")
