"""Everything in smmigrate that needs TensorFlow lives in this package.

Modules here may import TensorFlow at module level; nothing outside this package (and the command
handlers' ``run`` functions) imports them eagerly, so `smmigrate rewrite` stays TensorFlow-free.
"""
