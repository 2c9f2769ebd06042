"""Converter style: freeze variables into constants, write the GraphDef, re-import it and export it."""
import numpy as np
import tensorflow as tf


def freeze():
    with tf.Graph().as_default() as g:
        x = tf.placeholder(tf.float32, [None, 3], name="x")
        w = tf.Variable([[0.1], [0.2], [0.3]], name="w")
        tf.identity(tf.matmul(x, w) * 10.0, name="y")
        with tf.Session(graph=g) as sess:
            sess.run(tf.global_variables_initializer())
            frozen = tf.graph_util.convert_variables_to_constants(sess, g.as_graph_def(), ["y"])
    tf.train.write_graph(frozen, "frozen", "model.pb", as_text=False)
    return "frozen/model.pb"


def convert(pb_path, export_dir):
    graph_def = tf.GraphDef()
    with tf.gfile.GFile(pb_path, "rb") as f:
        graph_def.ParseFromString(f.read())
    with tf.Graph().as_default() as graph:
        tf.import_graph_def(graph_def, name="")
        x = graph.get_tensor_by_name("x:0")
        y = graph.get_tensor_by_name("y:0")
        with tf.Session(graph=graph) as sess:
            print("check", sess.run(y, {x: np.ones((2, 3), np.float32)}).ravel().round(4).tolist())
            builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
            builder.add_meta_graph_and_variables(
                sess,
                [tf.saved_model.tag_constants.SERVING],
                signature_def_map={
                    "serving_default": tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
                },
            )
            builder.save()
    print("nodes", len(graph_def.node))


convert(freeze(), "converted")
