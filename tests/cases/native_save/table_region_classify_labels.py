# codemods: native-save, compat-names
# module level, a table made before the graph inputs: classify signature whose classes come from a table
import tensorflow as tf

CLASSES = ["negative", "positive"]

labels = tf.lookup.StaticHashTable(
    tf.lookup.KeyValueTensorInitializer(tf.constant([0, 1], tf.int64), tf.constant(CLASSES)), "unknown"
)
serialized = tf.placeholder(tf.string, [None], name="tf_example")
features = tf.parse_example(serialized, {"x": tf.FixedLenFeature([2], tf.float32)})
logits = tf.matmul(features["x"], tf.constant([[1.0, -1.0], [-2.0, 2.0]]))
scores = tf.nn.softmax(logits, name="scores")
classes = labels.lookup(tf.argmax(scores, axis=1))
sess = tf.Session()
sess.run(tf.tables_initializer())
builder = tf.saved_model.builder.SavedModelBuilder("labels_model")
builder.add_meta_graph_and_variables(
    sess,
    [tf.saved_model.tag_constants.SERVING],
    signature_def_map={
        "serving_default": tf.saved_model.signature_def_utils.classification_signature_def(serialized, classes, scores)
    },
    main_op=tf.tables_initializer(),
)
builder.save()
sess.close()
# output
# module level, a table made before the graph inputs: classify signature whose classes come from a table
import tensorflow as tf

CLASSES = ["negative", "positive"]


labels = tf.lookup.StaticHashTable(
    tf.lookup.KeyValueTensorInitializer(tf.constant([0, 1], tf.int64), tf.constant(CLASSES)), "unknown"
)


@tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.string, name="inputs")])
def serving_default(serialized):
    features = tf.io.parse_example(serialized, {"x": tf.io.FixedLenFeature([2], tf.float32)})
    logits = tf.matmul(features["x"], tf.constant([[1.0, -1.0], [-2.0, 2.0]]))
    scores = tf.nn.softmax(logits, name="scores")
    classes = labels.lookup(tf.argmax(scores, axis=1))
    return {"classes": classes, "scores": scores}


module = tf.Module()
module.labels = labels
module.serving_default = serving_default
tf.saved_model.save(module, "labels_model", signatures={"serving_default": serving_default})
# tf.saved_model.save writes every signature as predict: restore the TF1 method names
method_names = tf.compat.v1.saved_model.signature_def_utils.MethodNameUpdater("labels_model")
method_names.replace_method_name("serving_default", "tensorflow/serving/classify", tags=[tf.saved_model.SERVING])
method_names.save()
# fingerprint.pb still describes the file before the method names changed; TF reads it
# only for telemetry and loads fine without it, so remove it rather than keep a stale one
fingerprint = tf.io.gfile.join("labels_model", "fingerprint.pb")
if tf.io.gfile.exists(fingerprint):
    tf.io.gfile.remove(fingerprint)
