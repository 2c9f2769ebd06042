# codemods: native-load, compat-names
# feeds and fetches collected in loops over the signature's keys, the SignatureDef map kept whole
import tensorflow as tf


def predict(export_dir, inputs):
    with tf.Session(graph=tf.Graph()) as session:
        meta_graph_def = tf.saved_model.loader.load(session, ["serve"], export_dir)
        signature_map = meta_graph_def.signature_def
        feed_dict = {}
        for arg_name in inputs:
            tensor = session.graph.get_tensor_by_name(signature_map["serving_default"].inputs[arg_name].name)
            feed_dict[tensor] = inputs[arg_name]
        output_dict = {}
        for output_name, output_info in signature_map["serving_default"].outputs.items():
            output_dict[output_name] = session.graph.get_tensor_by_name(output_info.name)
        return session.run(output_dict, feed_dict)
# output
# feeds and fetches collected in loops over the signature's keys, the SignatureDef map kept whole
import tensorflow as tf


def predict(export_dir, inputs):
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    serving_default_fn = loaded.signatures["serving_default"]
    feed_dict = {}
    for arg_name in inputs:
        tensor = arg_name
        feed_dict[tensor] = inputs[arg_name]
    output_dict = {}
    for output_name, output_info in serving_default_fn.structured_outputs.items():
        output_dict[output_name] = output_name
    outputs = serving_default_fn(**feed_dict)
    return {key: outputs[value].numpy() for key, value in output_dict.items()}
