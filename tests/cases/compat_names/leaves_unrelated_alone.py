# other libraries' save/load, strings and comments are not SavedModel TF1 symbols
import mlflow
import tensorflow as tf
from keras import saved_model as keras_saved_model

model.save("tf.saved_model.builder.SavedModelBuilder")  # tf.saved_model.tag_constants.SERVING
mlflow.tensorflow.save_model(tf_saved_model_dir=path, tf_signature_def_key="serving_default")
keras_saved_model.load(path)
tf.saved_model.save(module, path)
pickle.load(handle)
