import os

import numpy as np
import tensorflow as tf

from ranker import config, network


def export_for_serving(base_dir, version=1):
    export_dir = os.path.join(base_dir, str(version))
    graph = tf.Graph()
    with graph.as_default():
        features = network.input_placeholder()
        logits = network.ctr_tower(features)
        ctr = tf.sigmoid(logits, name="ctr")
        sess = tf.Session(graph=graph)
        sess.run(tf.global_variables_initializer())
        probe = np.linspace(0.0, 1.0, 2 * config.NUM_FEATURES, dtype=np.float32).reshape(2, -1)
        print("probe ctr:", np.round(sess.run(ctr, {features: probe}).ravel(), 5).tolist())
        signature = tf.saved_model.signature_def_utils.predict_signature_def(
            inputs={"features": features}, outputs={"ctr": ctr}
        )
        builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
        builder.add_meta_graph_and_variables(
            sess, [tf.saved_model.tag_constants.SERVING], signature_def_map={config.SIGNATURE_KEY: signature}
        )
        builder.save()
        sess.close()
    return export_dir
