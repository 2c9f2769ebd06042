# codemods: native-load, compat-names
# a script: the load block at module level, no 'import tensorflow as tf' to spell from
import sys

from tensorflow.compat.v1 import Graph, Session
from tensorflow.compat.v1.saved_model import loader

with Session(graph=Graph()) as sess:
    meta_graph = loader.load(sess, ["serve"], sys.argv[1])
    sig = meta_graph.signature_def["serving_default"]
    print(sess.run(sig.outputs["y"].name, feed_dict={sig.inputs["x"].name: [[1.0], [2.0]]}))
# output
# a script: the load block at module level, no 'import tensorflow as tf' to spell from
import sys
import tensorflow as tf

loaded = tf.saved_model.load(sys.argv[1], tags=["serve"])
sig = loaded.signatures["serving_default"]
print(sig(x=[[1.0], [2.0]])["y"].numpy())
