# only names imported from TensorFlow: `import tensorflow` is added for the switch
from tensorflow.compat.v1 import Session, placeholder

x = placeholder("float")
# output
# only names imported from TensorFlow: `import tensorflow` is added for the switch
from tensorflow.compat.v1 import Session, placeholder
import tensorflow
tensorflow.compat.v1.disable_v2_behavior()

x = placeholder("float")
# diagnostics
# 4:5: SM120 keeps it there
