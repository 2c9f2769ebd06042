import tensorflow as tf

from . import model


def export_model(export_dir):
    with tf.Graph().as_default():
        features = tf.placeholder(tf.float32, [None, model.NUM_FEATURES], name="features")
        score = model.inference(features)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
            builder.add_meta_graph_and_variables(
                sess,
                [tf.saved_model.tag_constants.SERVING],
                signature_def_map={
                    "serving_default": tf.saved_model.signature_def_utils.predict_signature_def(
                        inputs={"features": features}, outputs={"score": score}
                    )
                },
            )
            builder.save()
    return export_dir
