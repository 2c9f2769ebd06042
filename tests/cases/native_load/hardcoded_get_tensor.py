# codemods: native-load, compat-names
# hard-coded names through get_tensor_by_name, two fetches, the same pruned function reused
import tensorflow as tf


def serve(export_dir, batches):
    results = []
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], export_dir)
        x = sess.graph.get_tensor_by_name("x:0")
        y = sess.graph.get_tensor_by_name("y:0")
        z = sess.graph.get_tensor_by_name("z:0")
        for batch in batches:
            y_value, z_value = sess.run([y, z], feed_dict={x: batch})
            results.append((y_value, z_value))
        last = sess.run(y, {x: batches[-1]})
    return results, last
# output
# hard-coded names through get_tensor_by_name, two fetches, the same pruned function reused
import tensorflow as tf


def serve(export_dir, batches):
    results = []
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    pruned = loaded.prune(["x:0"], ["y:0", "z:0"])
    pruned_2 = loaded.prune(["x:0"], "y:0")
    for batch in batches:
        outputs = pruned(tf.cast(batch, pruned.inputs[0].dtype))
        y_value, z_value = [outputs[0].numpy(), outputs[1].numpy()]
        results.append((y_value, z_value))
    last = pruned_2(tf.cast(batches[-1], pruned_2.inputs[0].dtype)).numpy()
    return results, last
# diagnostics
# 13:32: SM220 hard-coded tensor names (x:0, y:0, z:0) are fetched with `.prune`, whi
# 15:16: SM220 hard-coded tensor names (x:0, y:0) are fetched with `.prune`, which ex
