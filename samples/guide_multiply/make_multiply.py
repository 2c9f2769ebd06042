"""Writes the TF migration guide's multiply example: `multiply.pb` (a TEXT MetaGraphDef) + `multiply_values.ckpt.*`.

The guide ("Migrate the SavedModel workflow", GraphDef/MetaGraphDef section) builds `y = x * v` with a
placeholder `x` and a variable `v = 3.0`, saves the MetaGraph with a Saver and the variable values
with `Saver.save`, then loads both in TF2 with `wrap_function` + `import_meta_graph` + `prune`.
This script is the source of truth for the committed files beside it; rerun it after changing it:

    python samples/guide_multiply/make_multiply.py            # writes into samples/guide_multiply/
    smmigrate wrap-metagraph samples/guide_multiply/multiply.pb samples/guide_multiply/multiply_values.ckpt

`tests/test_wrap_metagraph.py` regenerates the files in a temporary folder and checks that the
committed ones match.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write(out_dir: os.PathLike | str = HERE) -> Path:
    """Build the graph, save it and its one-variable checkpoint into `out_dir`; return the .pb path."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import tensorflow as tf

    tf1 = tf.compat.v1
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tf.Graph().as_default():
        x = tf1.placeholder(tf.float32, shape=[], name="x")
        v = tf.Variable(3.0, name="v")
        tf.multiply(x, v, name="y")
        with tf1.Session() as sess:
            sess.run(v.initializer)
            saver = tf1.train.Saver()
            saver.export_meta_graph(os.fspath(out_dir / "multiply.pb"), as_text=True)
            # No `checkpoint` state file and no second .meta: the committed sample stays minimal.
            saver.save(sess, os.fspath(out_dir / "multiply_values.ckpt"), write_meta_graph=False, write_state=False)
    return out_dir / "multiply.pb"


if __name__ == "__main__":
    print(write(sys.argv[1] if len(sys.argv) > 1 else HERE))
