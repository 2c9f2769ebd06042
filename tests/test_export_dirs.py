"""native-save's export directories taken from the calls of the function that writes the export
(native_save/dirs.py): the value native-load matches a hard-coded-name load with."""

from __future__ import annotations

import libcst as cst
import pytest

from smmigrate.codemods import REGISTRY
from smmigrate.codemods._facts import ExportFact

EXPORT = """import tensorflow as tf
MODELS = "/models/linear"


def export(path, scale=2.0, *, tags=("serve",)):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 1], name="x")
        tf.saved_model.simple_save(sess, path, {"x": x}, {"y": tf.identity(x * scale, name="y")})


"""


def dir_value(calls: str, head: str = EXPORT) -> str | None:
    facts = REGISTRY["native-save"].collect_facts(cst.parse_module(head + calls), "train.py")
    (fact,) = [f for f in facts if isinstance(f, ExportFact)]
    return fact.export_dir_value


@pytest.mark.parametrize(
    ("calls", "value"),
    [
        ('export("/tmp/m")\n', "/tmp/m"),
        ('export(path="/tmp/m", scale=3.0)\n', "/tmp/m"),
        ("export(MODELS)\n", "/models/linear"),
        ('export("/tmp/m")\nif True:\n    export("/tmp/m", 4.0)\n', "/tmp/m"),  # every call agrees
    ],
)
def test_the_one_value_every_call_passes(calls, value):
    assert dir_value(calls) == value


@pytest.mark.parametrize(
    "calls",
    [
        'export("/tmp/a")\nexport("/tmp/b")\n',  # two directories
        'export("/tmp/a")\nexport(other)\n',  # one computed
        "",  # never called here (imported by another module?)
        'export("/tmp/a")\nrun = export\n',  # used as a value: other calls are unseen
        'export(*["/tmp/a"])\n',  # arguments hidden
        'export("/tmp/a", bogus=1)\n',  # a call this function does not accept
    ],
)
def test_unknown_when_the_calls_do_not_settle_it(calls):
    assert dir_value(calls) is None


def test_unknown_when_the_parameter_is_rebound_or_the_function_nested():
    rebound = EXPORT.replace("    with tf.Graph()", '    path = path + "/1"\n    with tf.Graph()')
    assert dir_value('export("/tmp/m")\n', rebound) is None
    looped = EXPORT.replace("    with tf.Graph()", "    for path in [path]:\n        pass\n    with tf.Graph()")
    assert dir_value('export("/tmp/m")\n', looped) is None
    nested = "class Exporter:\n" + "".join(
        "    " + line if line.strip() else line for line in EXPORT.split("\n", 2)[2].splitlines(keepends=True)
    )
    assert dir_value('Exporter.export("/tmp/m")\n', "import tensorflow as tf\n" + nested) is None


@pytest.mark.parametrize(
    "rebinding",
    [
        'path += "/1"',
        'path, other = "/tmp/x", 1',
        "import path",
        'with open("f") as path:\n        pass',
        'if (path := "/tmp/x"):\n        pass',
        "del path",
    ],
)
def test_every_binding_form_rebinds_the_parameter(rebinding):
    # the shared `_names.binds` decides what rebinds the parameter
    head = EXPORT.replace("    with tf.Graph()", f"    {rebinding}\n    with tf.Graph()")
    assert dir_value('export("/tmp/m")\n', head) is None


def test_names_of_other_scopes_do_not_rebind_the_parameter():
    # a nested function's own `path`, a comprehension's, an attribute set on it: the parameter stays
    for code in ["def inner():\n        path = 1", "names = [path for path in paths]", "print(path.upper())"]:
        head = EXPORT.replace("    with tf.Graph()", f"    {code}\n    with tf.Graph()")
        assert dir_value('export("/tmp/m")\n', head) == "/tmp/m", code


def test_a_default_value_counts_as_passed():
    head = EXPORT.replace("def export(path,", 'def export(path="/tmp/default",')
    assert dir_value("export()\nexport()\n", head) == "/tmp/default"
    assert dir_value('export()\nexport("/tmp/other")\n', head) is None
