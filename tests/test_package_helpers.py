"""native-save across the modules of a package, through project facts (native_save/package.py): an
export calling a graph-building function of another module of the run inlines it; the function goes
from its module (SM324) only when every use of it in the run was inlined, and the modules' modes
(native / TF1 compatibility, SM122) settle together with that decision — with one process or several."""

from __future__ import annotations

import pytest

from smmigrate.cli import main

MODEL = """import tensorflow as tf

NUM_FEATURES = 4


def inference(features):
    with tf.variable_scope("linear"):
        w = tf.get_variable("w", [NUM_FEATURES, 1], initializer=tf.constant_initializer(0.5))
        b = tf.get_variable("b", [1], initializer=tf.constant_initializer(-1.0))
    return tf.add(tf.matmul(features, w), b, name="score")
"""

EXPORT = """import tensorflow as tf

from . import model


def export_model(export_dir):
    with tf.Graph().as_default():
        features = tf.placeholder(tf.float32, [None, model.NUM_FEATURES], name="features")
        score = model.inference(features)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, export_dir, {"features": features}, {"score": score})
    return export_dir
"""


def package(tmp_path, export: str = EXPORT, model: str = MODEL, **others: str):
    pkg = tmp_path / "textmodel"
    pkg.mkdir()
    (pkg / "__init__.py").write_text('"""A package."""\n')
    (pkg / "model.py").write_text(model)
    (pkg / "export.py").write_text(export)
    for name, text in others.items():
        (pkg / f"{name}.py").write_text(text)
    return pkg


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_helper_of_another_module_is_inlined_and_removed_from_it(tmp_path, capsys, jobs):
    pkg = package(tmp_path)
    assert main(["rewrite", "-j", jobs, str(tmp_path)]) == 1
    err = capsys.readouterr().err
    export, model = (pkg / "export.py").read_text(), (pkg / "model.py").read_text()
    assert "tf.saved_model.save(module, export_dir" in export, export
    assert 'tf.Variable(tf.constant(0.5, shape=[model.NUM_FEATURES, 1]), name="linear/w")' in export
    assert "model.inference" not in export and "placeholder" not in export
    assert model == "NUM_FEATURES = 4\n"  # the function and the import only it used are gone
    assert "model.py:6:1: SM324 `inference` removed" in err and "(export.py:9)" in err, err
    assert "SM122" not in err and "1 native TF2, 0 in TF1 compatibility mode" in err  # model.py: no TF left
    # a second run changes nothing
    assert main(["rewrite", "-j", jobs, "--check", str(tmp_path)]) == 0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_helper_another_file_still_uses_stays_and_the_export_is_withheld(tmp_path, capsys, jobs):
    train = "from . import model\n\n\ndef logits(x):\n    return model.inference(x)\n"
    pkg = package(tmp_path, train=train)
    assert main(["rewrite", "-j", jobs, str(tmp_path)]) == 1
    err = capsys.readouterr().err
    model, export = (pkg / "model.py").read_text(), (pkg / "export.py").read_text()
    assert "def inference(features):" in model and "disable_v2_behavior()" in model
    assert "SM324" not in err
    # model.py stays in compatibility mode, so the export that imports it stays TF1 too (SM122)
    assert "export.py:3:1: SM122" in err, err
    assert "model.inference(features)" in export and "tf.saved_model.save(" not in export


def test_a_function_imported_by_name_that_reads_its_module_is_refused(tmp_path, capsys):
    export = EXPORT.replace("from . import model\n", "from .model import NUM_FEATURES, inference\n")
    export = export.replace("model.NUM_FEATURES", "NUM_FEATURES").replace("model.inference", "inference")
    pkg = package(tmp_path, export=export)
    main(["rewrite", str(tmp_path)])
    err = capsys.readouterr().err
    assert "SM309 not migrated: `inference(...)` is a function of another module of this run" in err, err
    assert "it reads `NUM_FEATURES` of its module, which this module did not import" in err
    assert "(in model.py)" in err
    assert "def inference(features):" in (pkg / "model.py").read_text()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_function_imported_by_name_is_inlined_under_the_callers_tf_alias(tmp_path, capsys, jobs):
    model = MODEL.replace("[NUM_FEATURES, 1]", "[4, 1]")
    export = EXPORT.replace("import tensorflow as tf\n", "import tensorflow as tf1\n", 1)
    export = export.replace("tf.", "tf1.").replace("from . import model\n", "from .model import inference as infer\n")
    export = export.replace("model.NUM_FEATURES", "4").replace("model.inference", "infer")
    pkg = package(tmp_path, export=export, model=model)
    assert main(["rewrite", "-j", jobs, str(tmp_path)]) == 1
    err = capsys.readouterr().err
    text = (pkg / "export.py").read_text()
    assert 'tf1.Variable(tf1.constant(0.5, shape=[4, 1]), name="linear/w")' in text, text
    assert 'tf1.add(tf1.matmul(features, w), b, name="score")' in text
    assert "infer" not in text and "SM324" in err  # the import of the removed function went too


def test_a_helper_that_cannot_be_inlined_is_named_with_the_reason(tmp_path, capsys):
    model = MODEL.replace(
        '    return tf.add(tf.matmul(features, w), b, name="score")\n',
        "    for _ in range(2):\n        features = tf.matmul(features, tf.ones([1, 1]))\n"
        '    return tf.add(tf.matmul(features, w), b, name="score")\n',
    )
    package(tmp_path, model=model)
    main(["rewrite", str(tmp_path)])
    err = capsys.readouterr().err
    assert "SM309 not migrated: `model.inference(...)` is a function of another module of this run" in err, err
    assert "it has a loop, condition or `try`" in err and "(in model.py)" in err


BUILDER = """import tensorflow as tf

from . import config
from .config import OUTPUT_KEY


def export_model(export_dir):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.identity(x * 2.0, name="y")
        with tf.Session() as sess:
            sig = tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {OUTPUT_KEY: y})
            builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
            builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map={config.SIGNATURE_KEY: sig})
            builder.save()
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_signature_keys_from_a_config_module_without_tensorflow(tmp_path, capsys, jobs):
    config = 'SIGNATURE_KEY = "predict_doubled"\nOUTPUT_KEY = "doubled"\nif SIGNATURE_KEY:\n    MAYBE = "x"\n'
    pkg = package(tmp_path, export=BUILDER, config=config)
    assert main(["rewrite", "-j", jobs, str(tmp_path)]) == 1
    err = capsys.readouterr().err
    text = (pkg / "export.py").read_text()
    assert 'signatures={"predict_doubled": predict_doubled}' in text, err + text
    assert 'return {"doubled": y}' in text and "SM322" not in err


def test_a_key_the_config_module_binds_twice_is_not_guessed(tmp_path, capsys):
    config = 'SIGNATURE_KEY = "a"\nSIGNATURE_KEY = "b"\nOUTPUT_KEY = "doubled"\n'
    package(tmp_path, export=BUILDER, config=config)
    main(["rewrite", str(tmp_path)])
    assert (
        "SM322 not migrated: signature key `config.SIGNATURE_KEY` is not a literal or TensorFlow constant"
        in capsys.readouterr().err
    )


@pytest.mark.parametrize("form", ["module", "function"])
def test_a_function_of_a_module_the_run_does_not_read_is_not_moved_into_a_tf_function(tmp_path, capsys, form):
    export = EXPORT
    if form == "function":
        export = export.replace("from . import model\n", "from . import model\nfrom .model import inference\n")
        export = export.replace("model.inference(features)", "inference(features)")
    pkg = package(tmp_path, export=export)
    assert main(["rewrite", str(pkg / "export.py")]) == 1  # model.py is not in the run
    err = capsys.readouterr().err
    called = "model.inference" if form == "module" else "inference"
    assert f"SM309 not migrated: `{called}(...)` is a function of model.py, which this run does not read" in err, err
    assert "tf.function" not in (pkg / "export.py").read_text()
    assert "def inference" in (pkg / "model.py").read_text()
