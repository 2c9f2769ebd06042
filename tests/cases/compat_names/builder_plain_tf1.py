# plain TF 1.x: deprecated module paths and constants
import tensorflow as tf

builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
builder.add_meta_graph_and_variables(
    sess,
    [tf.saved_model.tag_constants.SERVING],
    signature_def_map={
        tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY:
            tf.saved_model.signature_def_utils.predict_signature_def(inputs={"x": x}, outputs={"y": y}),
    },
)
builder.save()
# output
# plain TF 1.x: deprecated module paths and constants
import tensorflow as tf

builder = tf.compat.v1.saved_model.Builder(export_dir)
builder.add_meta_graph_and_variables(
    sess,
    [tf.saved_model.SERVING],
    signature_def_map={
        tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY:
            tf.compat.v1.saved_model.signature_def_utils.predict_signature_def(inputs={"x": x}, outputs={"y": y}),
    },
)
builder.save()
