# TF1 Hub modules are reported with hub.load + signatures; nothing is changed
import tensorflow as tf
import tensorflow_hub as hub

with tf.Graph().as_default():
    embed = hub.Module("https://tfhub.dev/google/nnlm-en-dim128/1")
    vectors = embed(["a sentence"], signature="default", as_dict=True)["default"]
    tuned = hub.Module("https://tfhub.dev/google/imagenet/mobilenet_v2_100_224/feature_vector/1", trainable=True)
    spec = hub.load_module_spec("modules/local")
# diagnostics
# 6:13: SM680 `hub.Module(...)` left as is: TF1 Hub modules need graph mod
# 8:13: SM680 `hub.Module(...)` left as is: TF1 Hub modules need graph mod
# 9:12: SM681 `hub.load_module_spec(...)` is TF1 Hub module creation: expo
