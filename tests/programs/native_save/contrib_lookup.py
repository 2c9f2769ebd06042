"""TF 1.15's `tf.contrib.lookup` for TF1 originals run on TF 2.21 (which has no `tf.contrib`).

TF 1.15's tensorflow/contrib/lookup/lookup_ops.py re-exported these from core's lookup_ops (the
module TF 2.21 still ships): index_table_from_file, index_to_string_table_from_file, the
initializers and TextFileIndex as they are; index_table_from_tensor and
index_to_string_table_from_tensor as thin wrappers naming core's `vocabulary_list` `mapping`;
HashTable(initializer, default_value) is core's initializable static hash table. Installed as
`tf.contrib.lookup` on the module the TF1 program imports as `tensorflow`.
"""
import types

import tensorflow as tf
from tensorflow.python.ops import lookup_ops as core


def index_table_from_tensor(mapping, num_oov_buckets=0, default_value=-1, hasher_spec=core.FastHashSpec, dtype=tf.string, name=None):
    return core.index_table_from_tensor(
        vocabulary_list=mapping, num_oov_buckets=num_oov_buckets, default_value=default_value,
        hasher_spec=hasher_spec, dtype=dtype, name=name,
    )


def index_to_string_table_from_tensor(mapping, default_value="UNK", name=None):
    return core.index_to_string_table_from_tensor(vocabulary_list=mapping, default_value=default_value, name=name)


lookup = types.SimpleNamespace(
    HashTable=core.StaticHashTableV1,
    KeyValueTensorInitializer=core.KeyValueTensorInitializer,
    TextFileInitializer=core.TextFileInitializer,
    TextFileIndex=core.TextFileIndex,
    index_table_from_file=core.index_table_from_file,
    index_to_string_table_from_file=core.index_to_string_table_from_file,
    index_table_from_tensor=index_table_from_tensor,
    index_to_string_table_from_tensor=index_to_string_table_from_tensor,
)
tf.contrib = types.SimpleNamespace(lookup=lookup)
