# codemods: native-save, compat-names
# a region starting at reset_default_graph(); a config= session; a Builder export with
# build_signature_def; the path computed between the graph and the export
import os

import tensorflow as tf


def export(export_dir):
    tf.reset_default_graph()
    inp = tf.placeholder(tf.float32, shape=(None, 3), name="inp")
    scale = tf.Variable([1.0, 2.0, 3.0], name="scale")
    total = tf.reduce_sum(inp * scale, axis=1, name="total")
    sess = tf.Session(config=tf.ConfigProto(inter_op_parallelism_threads=1))
    sess.run(tf.global_variables_initializer())
    path = os.path.join(export_dir)
    builder = tf.saved_model.builder.SavedModelBuilder(path)
    sig = tf.saved_model.signature_def_utils.build_signature_def(
        inputs={"inp": tf.saved_model.utils.build_tensor_info(inp)},
        outputs={"total": tf.saved_model.utils.build_tensor_info(total)},
        method_name=tf.saved_model.signature_constants.PREDICT_METHOD_NAME,
    )
    builder.add_meta_graph_and_variables(
        sess, [tf.saved_model.tag_constants.SERVING], signature_def_map={"serving_default": sig}
    )
    builder.save()
    sess.close()
    return path
# output
# a region starting at reset_default_graph(); a config= session; a Builder export with
# build_signature_def; the path computed between the graph and the export
import os

import tensorflow as tf


def export(export_dir):
    try:  # what the removed ConfigProto asked for (TF2 takes it only before the first op runs)
        tf.config.threading.set_inter_op_parallelism_threads(1)
    except RuntimeError:
        pass
    scale = tf.Variable([1.0, 2.0, 3.0], name="scale")
    path = os.path.join(export_dir)

    @tf.function(input_signature=[tf.TensorSpec(shape=(None, 3), dtype=tf.float32, name="inp")])
    def serving_default(inp):
        total = tf.reduce_sum(inp * scale, axis=1, name="total")
        return {"total": total}

    module = tf.Module()
    module.scale = scale
    module.serving_default = serving_default
    tf.saved_model.save(module, path, signatures={"serving_default": serving_default})
    return path
