"""keras-save, keras-load, contrib-predictor, estimator-export, hub-module: registry, engine filter, CLI.

Case files under tests/cases/<module>/ pin the exact rewrites and refusals; tests/test_keras_exec.py
proves the rewrites by execution. Here: where they run in the pipeline, that every code is shown by a
case, and that the engine parses the files they need even when they never mention ``saved_model``.
"""

from __future__ import annotations

import pytest
from casefiles import all_cases

from smmigrate.codemods import REGISTRY
from smmigrate.rewrite import RewriteOptions, process_bytes, rewrite_source

MINE = {
    "keras-save": (601, 619),
    "keras-load": (621, 639),
    "contrib-predictor": (641, 659),
    "estimator-export": (660, 679),
    "hub-module": (680, 699),
}

KERAS_ONLY = b"""import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1)])
model.save("exports/model")
"""


@pytest.mark.parametrize("name", sorted(MINE))
def test_registered_before_compat_names_with_codes_in_their_range(name):
    order = list(REGISTRY)
    assert order.index(name) < order.index("compat-names")
    low, high = MINE[name]
    assert REGISTRY[name].CODES and all(low <= int(code[2:]) <= high for code in REGISTRY[name].CODES)


def test_keras_save_runs_before_keras_load():
    # keras-save renames the checkpoints keras-load would otherwise refuse (SM623)
    order = list(REGISTRY)
    assert order.index("keras-save") < order.index("keras-load")


@pytest.mark.parametrize("name", sorted(MINE))
def test_every_code_is_shown_by_a_case(name):
    folder = name.replace("-", "_")
    shown = {code for case in all_cases() if case.path.parent.name == folder for _, _, code, _ in case.diagnostics}
    assert set(REGISTRY[name].CODES) == shown


def test_files_without_saved_model_are_parsed_for_keras():
    new, result = process_bytes(KERAS_ONLY, "train.py", RewriteOptions(write=False))
    assert result.parsed
    assert b'model.export("exports/model")' in new
    assert [d.code for d in result.diagnostics] == ["SM605"]


def test_files_with_no_marker_are_still_skipped():
    data = b"import numpy as np\n\nprint(np.ones(3))\n"
    new, result = process_bytes(data, "other.py", RewriteOptions(write=False))
    assert not result.parsed and new == data


def test_skipping_the_codemod_skips_its_file_markers():
    # the markers come from the selected codemods: the SavedModel ones alone do not look at this file
    options = RewriteOptions(only=("native-load", "compat-names"), write=False)
    new, result = process_bytes(KERAS_ONLY, "train.py", options)
    assert new == KERAS_ONLY and not result.parsed


def test_cli_rewrites_a_keras_file(tmp_path, capsys):
    from smmigrate.cli import main

    target = tmp_path / "train.py"
    target.write_bytes(KERAS_ONLY)
    assert main(["rewrite", str(target)]) == 1
    assert 'model.export("exports/model")' in target.read_text()
    assert "SM605" in capsys.readouterr().err
    assert main(["rewrite", str(target)]) == 0  # a second run changes nothing


def test_a_name_bound_to_something_else_is_not_a_keras_model():
    source = """import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
if retrain:
    model = build_elsewhere()
model.save("exports/model")
"""
    out, diagnostics = rewrite_source(source, only=["keras-save"])
    assert out == source and diagnostics == []


def test_tf_keras_is_left_alone():
    source = """import tf_keras

model = tf_keras.models.load_model("exports/model")
y = model.predict(x)
model.save("exports/again")
"""
    out, diagnostics = rewrite_source(source)
    assert out == source and diagnostics == []


@pytest.mark.parametrize(
    "module, command",
    [
        ("keras_save", "KerasSaveCommand"),
        ("keras_load", "KerasLoadCommand"),
        ("contrib_predictor", "ContribPredictorCommand"),
        ("estimator_export", "EstimatorExportCommand"),
        ("hub_module", "HubModuleCommand"),
    ],
)
def test_libcst_command_is_available(module, command):
    import importlib

    from libcst.codemod import CodemodCommand

    assert issubclass(getattr(importlib.import_module(f"smmigrate.codemods.{module}"), command), CodemodCommand)
