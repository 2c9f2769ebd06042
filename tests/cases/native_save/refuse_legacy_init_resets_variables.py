# codemods: native-save, compat-names
# refused (SM315): a legacy_init_op group with the global initializer resets the variables on load
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.int64, [None], name="x")
        w = tf.Variable(2, dtype=tf.int64, name="w")
        table = tf.lookup.StaticHashTable(tf.lookup.KeyValueTensorInitializer([1, 2], [10, 20]), 0)
        y = table.lookup(x) * w
        init = tf.group(tf.global_variables_initializer(), tf.tables_initializer())
        sess.run(init)
        sess.run(w.assign(5))
        builder = tf.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            ["serve"],
            signature_def_map={"serving_default": tf.saved_model.predict_signature_def({"x": x}, {"y": y})},
            legacy_init_op=init,
        )
        builder.save()
# output
# refused (SM315): a legacy_init_op group with the global initializer resets the variables on load
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.int64, [None], name="x")
        w = tf.Variable(2, dtype=tf.int64, name="w")
        table = tf.lookup.StaticHashTable(tf.lookup.KeyValueTensorInitializer([1, 2], [10, 20]), 0)
        y = table.lookup(x) * w
        init = tf.group(tf.global_variables_initializer(), tf.tables_initializer())
        sess.run(init)
        sess.run(w.assign(5))
        builder = tf.compat.v1.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            ["serve"],
            signature_def_map={"serving_default": tf.compat.v1.saved_model.predict_signature_def({"x": x}, {"y": y})},
            legacy_init_op=init,
        )
        builder.save()
# diagnostics
# 19:28: SM315 not migrated: `legacy_init_op=` runs `init` at load time, which re-run
