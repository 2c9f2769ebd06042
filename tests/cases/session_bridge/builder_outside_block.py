# bridged (was SM301): a Builder created before the session block, keyword arguments kept
import tensorflow as tf

EXPORT_DIR = "/tmp/model"


def export(graph, sigs):
    builder = tf.saved_model.Builder(EXPORT_DIR)
    with tf.Session(graph=graph) as sess:
        builder.add_meta_graph_and_variables(sess=sess, tags=[tf.saved_model.SERVING], signature_def_map=sigs, strip_default_attrs=True)
        builder.save(as_text=False)
    return EXPORT_DIR
# output
# bridged (was SM301): a Builder created before the session block, keyword arguments kept
import tensorflow as tf
import smmigrate

EXPORT_DIR = "/tmp/model"


def export(graph, sigs):
    with tf.Session(graph=graph) as sess:
        smmigrate.export_session(sess, EXPORT_DIR, tags=[tf.saved_model.SERVING], signature_def_map=sigs, strip_default_attrs=True)
    return EXPORT_DIR
