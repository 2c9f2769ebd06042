"""The one way smmigrate code asks for TensorFlow: a cheap probe first, then a quiet import.

Only `smmigrate/models/` and the command handlers that need TensorFlow call `import_tensorflow()`;
`import smmigrate` and `smmigrate rewrite` never do (a test enforces it). TensorFlow's start-up
chatter (oneDNN / CPU-feature notices printed straight to the stderr file descriptor by C++ code)
would break the promise that an error is one line, so the import runs with file descriptor 2
pointed at /dev/null, and TensorFlow's Python loggers are set to errors only. Set
``SMMIGRATE_TF_VERBOSE=1`` to see all of it.
"""

from __future__ import annotations

import importlib.util
import os
import sys

from .errors import TensorFlowMissing

INSTALL_HINT = "install it with: pip install 'smmigrate[tf]'"


def tensorflow_available() -> bool:
    if sys.modules.get("tensorflow") is not None:
        return True
    try:
        return importlib.util.find_spec("tensorflow") is not None
    except (ImportError, ValueError):
        return False


def import_tensorflow():
    """Import and return the `tensorflow` module, or raise a one-line error saying how to get it."""
    if sys.modules.get("tensorflow") is not None:
        return sys.modules["tensorflow"]
    if not tensorflow_available():
        raise TensorFlowMissing(f"this command needs TensorFlow, which is not installed; {INSTALL_HINT}")
    verbose = os.environ.get("SMMIGRATE_TF_VERBOSE") == "1"
    if not verbose:
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    saved = None
    if not verbose:
        try:
            sys.stderr.flush()
            saved = os.dup(2)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)
            os.close(devnull)
        except OSError:  # no real stderr (embedded interpreters): nothing to silence
            saved = None
    try:
        import tensorflow as tf  # noqa: PLC0415 - deliberately lazy
    finally:
        if saved is not None:
            os.dup2(saved, 2)
            os.close(saved)
    if not verbose:
        import logging

        tf.get_logger().setLevel(logging.ERROR)
        try:
            from absl import logging as absl_logging

            absl_logging.set_verbosity(absl_logging.ERROR)
        except ImportError:
            pass
    return tf
