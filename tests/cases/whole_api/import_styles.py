# from-imports and module aliases are resolved by import, not by text
import tensorflow
from tensorflow import gfile
from tensorflow import placeholder as ph
from tensorflow.saved_model import tag_constants

tfc = tensorflow.compat.v1


def run(path):
    x = ph(tensorflow.float32, [2])
    if gfile.Exists(path):
        print(tensorflow.train.AdamOptimizer(0.1), tfc.placeholder, tag_constants.SERVING)
    return tensorflow.Session()
# output
# from-imports and module aliases are resolved by import, not by text
import tensorflow
from tensorflow.compat.v1 import gfile
from tensorflow.compat.v1 import placeholder as ph
from tensorflow.compat.v1.saved_model import tag_constants


def run(path):
    x = ph(tensorflow.float32, [2])
    if gfile.Exists(path):
        print(tensorflow.compat.v1.train.AdamOptimizer(0.1), tensorflow.compat.v1.placeholder, tag_constants.SERVING)
    return tensorflow.compat.v1.Session()
