# codemods: native-save, compat-names
# main_op() with no variables to reset only fills the tables: nothing left to run on load in TF2
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        code = tf.placeholder(tf.int64, [None], name="code")
        names = tf.lookup.StaticHashTable(
            tf.lookup.KeyValueTensorInitializer(tf.constant([7, 9], tf.int64), tf.constant(["seven", "nine"])), "?"
        )
        name = names.lookup(code)
        sess.run(names.initializer)
        print("names", [v.decode() for v in sess.run(name, {code: [9, 1, 7]})])
        builder = tf.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            ["serve"],
            signature_def_map={"serving_default": tf.saved_model.predict_signature_def({"code": code}, {"name": name})},
            main_op=tf.saved_model.main_op.main_op(),
        )
        builder.save()
# output
# main_op() with no variables to reset only fills the tables: nothing left to run on load in TF2
import tensorflow as tf


def export(export_dir):
    names = tf.lookup.StaticHashTable(
        tf.lookup.KeyValueTensorInitializer(tf.constant([7, 9], tf.int64), tf.constant(["seven", "nine"])), "?"
    )

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.int64, name="code")])
    def serving_default(code):
        name = names.lookup(code)
        return {"name": name}

    print("names", [v.decode() for v in serving_default(code=[9, 1, 7])["name"].numpy()])
    module = tf.Module()
    module.names = names
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
