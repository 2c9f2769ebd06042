# codemods: native-load, compat-names
# a script: graph variable made default, a session without `with`, tensors looked up in the graph, closed by hand
import sys

import tensorflow as tf

export_dir = sys.argv[1]

graph = tf.Graph()
with graph.as_default():
    sess = tf.Session()
    tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
    x = graph.get_tensor_by_name("x:0")
    y = graph.get_tensor_by_name("y:0")
    print(sess.run(y, feed_dict={x: [[1.0, 2.0, 3.0]]}))
    sess.close()
print("done")
# output
# a script: graph variable made default, a session without `with`, tensors looked up in the graph, closed by hand
import sys

import tensorflow as tf

export_dir = sys.argv[1]

loaded = tf.saved_model.load(export_dir, tags=[tf.saved_model.SERVING])
pruned = loaded.prune(["x:0"], "y:0")
print(pruned(tf.cast([[1.0, 2.0, 3.0]], pruned.inputs[0].dtype)).numpy())
print("done")
# diagnostics
# 14:11: SM220 hard-coded tensor names (x:0, y:0) are fetched with `.prune`, which exists only on SavedModels
