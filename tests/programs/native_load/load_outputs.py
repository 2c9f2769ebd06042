"""Several outputs (TF1): get_tensor_by_name, list / tuple / dict fetches, a loop, one graph `with`."""
import sys

import tensorflow as tf


def outputs(export_dir, batches):
    results = []
    with tf.Graph().as_default() as graph, tf.Session(graph=graph) as sess:
        meta_graph = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        sig = meta_graph.signature_def["serving_default"]
        x = graph.get_tensor_by_name(sig.inputs["x"].name)
        y = sess.graph.get_tensor_by_name(sig.outputs["y"].name)
        for batch in batches:
            y_value, z_value = sess.run((y, sig.outputs["z"].name), {x: batch})
            results.append((y_value, z_value))
        both = sess.run([y, sig.outputs["z"].name], feed_dict={x: batches[0]})
        named = sess.run({"pred": y}, feed_dict={x: batches[0]})
    return results, both, named


if __name__ == "__main__":
    results, both, named = outputs(sys.argv[1], [[[1.0]], [[2.0], [3.0]]])
    for y_value, z_value in results:
        print("loop:", repr(y_value), type(y_value).__name__, repr(z_value), type(z_value).__name__)
    print("list:", repr(both), type(both).__name__, [type(v).__name__ for v in both])
    print("dict:", repr(named), type(named).__name__)
