# codemods: native-load, compat-names
# two signatures of one model: predict and regress (serialized tf.train.Example input)
import tensorflow as tf


def serve(export_dir, batch, examples):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        predict = meta_graph.signature_def["serving_default"]
        regress = meta_graph.signature_def["regress_x_to_y"]
        y = sess.run(predict.outputs["y"].name, feed_dict={predict.inputs["x"].name: batch})
        r = sess.run(
            regress.outputs[tf.saved_model.signature_constants.REGRESS_OUTPUTS].name,
            feed_dict={regress.inputs[tf.saved_model.signature_constants.REGRESS_INPUTS].name: examples},
        )
    return y, r
# output
# two signatures of one model: predict and regress (serialized tf.train.Example input)
import tensorflow as tf


def serve(export_dir, batch, examples):
    loaded = tf.saved_model.load(export_dir, tags=[tf.saved_model.SERVING])
    predict = loaded.signatures["serving_default"]
    regress = loaded.signatures["regress_x_to_y"]
    y = predict(x=batch)["y"].numpy()
    r = regress(inputs=examples)["outputs"].numpy()
    return y, r
