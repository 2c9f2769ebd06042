# codemods: native-save, compat-names
# main_op() in a block whose only variables come from tf.layers.dense, none assigned or trained before the export: TF1 re-initializes them on load to the values the TF2 export holds, so the export migrates
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.layers.dense(x, 1, kernel_initializer=tf.ones_initializer(), name="head")
        sess.run(tf.global_variables_initializer())
        builder = tf.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(
            sess,
            ["serve"],
            signature_def_map={"serving_default": tf.saved_model.predict_signature_def({"x": x}, {"y": y})},
            main_op=tf.group(tf.saved_model.main_op.main_op(), name="init"),
        )
        builder.save()
# output
# main_op() in a block whose only variables come from tf.layers.dense, none assigned or trained before the export: TF1 re-initializes them on load to the values the TF2 export holds, so the export migrates
import tensorflow as tf


def export(export_dir):
    head_kernel = tf.Variable(tf.ones([2, 1]), name="head/kernel")
    head_bias = tf.Variable(tf.zeros([1]), name="head/bias")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.nn.bias_add(tf.matmul(x, head_kernel), head_bias)
        return {"y": y}

    module = tf.Module()
    module.head_kernel = head_kernel
    module.head_bias = head_bias
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
