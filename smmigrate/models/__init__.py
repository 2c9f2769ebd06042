"""Everything in smmigrate that needs TensorFlow lives in this package.

Modules here may import TensorFlow at module level; nothing outside this package (and the command
handlers' ``run`` functions) imports them eagerly, so `smmigrate rewrite` stays TensorFlow-free.
"""

# The tolerances `verify` and `upgrade` compare outputs with (numpy.allclose), in one place: the
# command-line defaults and the library defaults are these.
DEFAULT_RTOL = 1e-5
DEFAULT_ATOL = 1e-6
