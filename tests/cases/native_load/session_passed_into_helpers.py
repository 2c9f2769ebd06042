# codemods: native-load, compat-names
# a script's session, made with a config, goes into a loader and a predictor: both lose it
import tensorflow as tf

OUTPUT = "scores"


def load_model(sess, path):
    meta_graph = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], path)
    return meta_graph.signature_def[tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY]


def predict(sess, signature, batch):
    input_tensor = sess.graph.get_tensor_by_name(signature.inputs["x"].name)
    output_tensor = sess.graph.get_tensor_by_name(signature.outputs[OUTPUT].name)
    return sess.run(output_tensor, feed_dict={input_tensor: batch})


config = tf.ConfigProto(device_count={"GPU": 0})
sess = tf.Session(graph=tf.Graph(), config=config)
signature = load_model(sess, "/models/scores/1")
print(predict(sess, signature, [[1.0, 2.0, 3.0]]))
sess.close()
# output
# a script's session, made with a config, goes into a loader and a predictor: both lose it
import tensorflow as tf

OUTPUT = "scores"


def load_model(path):
    loaded = tf.saved_model.load(path, tags=[tf.saved_model.SERVING])
    return loaded.signatures["serving_default"]


def predict(signature, batch):
    return signature(x=batch)[OUTPUT].numpy()


try:  # what the removed ConfigProto asked for (TF2 takes it only before the first op runs)
    tf.config.set_visible_devices([], "GPU")
except RuntimeError:
    pass
signature = load_model("/models/scores/1")
print(predict(signature, [[1.0, 2.0, 3.0]]))
