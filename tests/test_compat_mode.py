"""The whole-API floor across files: modes, withheld native rewrites, imports between the two kinds
of module, and the idempotence of the generated spelling table. TF-free (execution is in
tests/test_corpus.py)."""

from __future__ import annotations

import json
from pathlib import Path

from smmigrate import rewrite_source
from smmigrate.cli import main
from smmigrate.codemods import tf1_api
from smmigrate.codemods.whole_api import WholeApi

EXPORT = """import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            x = tf.placeholder(tf.float32, shape=[None], name="x")
            y = tf.multiply(x, 2.0, name="y")
            tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
"""

GRAPH_HELPER = """import tensorflow as tf


def build():
    return tf.placeholder(tf.float32, [None], name="x")
"""


def _run(tmp_path, capsys, *args):
    report = tmp_path / "report.json"
    code = main(["rewrite", "-j", "1", "--report-json", str(report), *map(str, args)])
    err = capsys.readouterr().err
    return code, err, json.loads(report.read_text())


def test_native_module_stays_eager_and_summary_counts_modes(tmp_path, capsys):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "export.py").write_text(EXPORT)
    (tree / "model.py").write_text(GRAPH_HELPER)
    code, err, report = _run(tmp_path, capsys, tree)
    assert code == 1
    modes = {Path(f["path"]).name: f["mode"] for f in report["files"]}
    assert modes == {"export.py": "native", "model.py": "compat"}
    assert report["summary"]["native"] == 1 and report["summary"]["compat"] == 1
    assert "TensorFlow modules: 1 native TF2, 1 in TF1 compatibility mode" in err
    exported = (tree / "export.py").read_text()
    assert "tf.saved_model.save(" in exported and "disable_v2_behavior" not in exported
    helper = (tree / "model.py").read_text()
    assert helper.startswith("import tensorflow as tf\ntf.compat.v1.disable_v2_behavior()\n")
    sm120 = [d for f in report["files"] for d in f["diagnostics"] if d["code"] == "SM120"]
    assert len(sm120) == 1 and "line 5 (`tf.compat.v1.placeholder`)" in sm120[0]["message"]


def test_import_between_native_and_compat_modules_is_reported(tmp_path, capsys):
    tree = tmp_path / "pkg"
    tree.mkdir()
    (tree / "__init__.py").write_text("")
    (tree / "model.py").write_text(GRAPH_HELPER)
    (tree / "export.py").write_text("from . import model\n" + EXPORT)
    (tree / "serve.py").write_text("import tensorflow as tf\nimport numpy\n")  # imports neither
    _, err, report = _run(tmp_path, capsys, tree)
    sm122 = {
        (Path(f["path"]).name, d["line"]) for f in report["files"] for d in f["diagnostics"] if d["code"] == "SM122"
    }
    assert sm122 == {("export.py", 1)}
    assert "export.py:1:1: SM122 native TF2 rewrite withheld: this module imports `model` (model.py)" in err
    # so the export stays TF1 code (renamed) and the module runs in compatibility mode with its helper
    exported = (tree / "export.py").read_text()
    assert "tf.compat.v1.saved_model.simple_save(" in exported and "tf.function" not in exported
    modes = {Path(f["path"]).name: f["mode"] for f in report["files"]}
    assert modes == {"__init__.py": None, "model.py": "compat", "export.py": "compat", "serve.py": "native"}


def test_modules_linked_through_a_module_without_tensorflow(tmp_path, capsys):
    # main.py (no TensorFlow) imports a compatibility-mode exporter and a loader native-load would
    # migrate: one program holds both, so the loader keeps its TF1 code
    tree = tmp_path / "prog"
    tree.mkdir()
    (tree / "exporter.py").write_text(GRAPH_HELPER)
    (tree / "client.py").write_text(
        "import tensorflow as tf\n\n\ndef score(d, v):\n"
        "    with tf.Session(graph=tf.Graph()) as sess:\n"
        "        tf.saved_model.loader.load(sess, ['serve'], d)\n"
        "        return sess.run('y:0', feed_dict={'x:0': v})\n"
    )
    (tree / "main.py").write_text("import client\nimport exporter\n")
    _, err, report = _run(tmp_path, capsys, tree)
    diags = {Path(f["path"]).name: [d["code"] for d in f["diagnostics"]] for f in report["files"]}
    assert "SM122" in diags["client.py"]
    assert "this module and exporter.py, which runs in TF1 compatibility mode, are linked by imports" in err
    client = (tree / "client.py").read_text()
    assert "tf.compat.v1.saved_model.load(sess" in client and "disable_v2_behavior" in client


def test_module_imported_by_a_compat_module_keeps_its_tf1_code(tmp_path, capsys):
    tree = tmp_path / "app"
    tree.mkdir()
    (tree / "export.py").write_text(EXPORT)
    (tree / "main.py").write_text("import export\n" + GRAPH_HELPER)
    _, err, report = _run(tmp_path, capsys, tree)
    diags = {Path(f["path"]).name: [d["code"] for d in f["diagnostics"]] for f in report["files"]}
    assert "SM122" in diags["export.py"]
    assert "this module and main.py, which runs in TF1 compatibility mode, are linked by imports" in err
    assert "tf.function" not in (tree / "export.py").read_text()


def test_native_rewrite_withheld_when_other_graph_code_stays():
    source = EXPORT + GRAPH_HELPER.replace("import tensorflow as tf\n", "")
    out, diagnostics = rewrite_source(source)
    codes = [d.code for d in diagnostics]
    assert "SM121" in codes and "SM120" in codes
    assert "tf.compat.v1.saved_model.simple_save(" in out  # still the TF1 export, renamed so it runs
    assert "tf.saved_model.save(" not in out and "tf.function" not in out
    assert out.startswith("import tensorflow as tf\ntf.compat.v1.disable_v2_behavior()\n")
    assert rewrite_source(out)[0] == out


def test_whole_table_respelled_once_and_stable():
    # every TF1 name of the generated table, used as `tf.<name>`: the first run re-spells each one
    # that needs it, the second run changes nothing (the table's targets are never TF1 names)
    names = sorted(tf1_api.table()["symbols"])
    source = "import tensorflow as tf\n\n" + "".join(f"v{i} = tf.{name}\n" for i, name in enumerate(names))
    once = WholeApi().transform_text(source)
    assert WholeApi().transform_text(once) == once
    lines = once.splitlines()[2:]
    for line, name in zip(lines, names, strict=True):
        target = tf1_api.table()["symbols"][name]
        expected = f"tf.{target}" if target else f"tf.compat.v1.{name}"
        if name == "saved_model.load":  # TF1 or TF2 loader by its arguments: compat-names decides
            expected = "tf.saved_model.load"
        assert line.split(" = ", 1)[1] == expected, line


def test_notebook_cells_get_the_floor_and_cell_lines_in_messages(tmp_path, capsys):
    nb = {
        "cells": [
            {"cell_type": "code", "metadata": {}, "source": ["%tensorflow_version 1.x\n", "import tensorflow as tf"]},
            {"cell_type": "code", "metadata": {}, "source": ["x = tf.placeholder(tf.float32)\n", "s = tf.Session()"]},
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(nb))
    _, err, report = _run(tmp_path, capsys, path)
    cells = json.loads(path.read_text())["cells"]
    assert "".join(cells[0]["source"]) == (
        "%tensorflow_version 1.x\nimport tensorflow as tf\ntf.compat.v1.disable_v2_behavior()"
    )
    assert "".join(cells[1]["source"]) == "x = tf.compat.v1.placeholder(tf.float32)\ns = tf.compat.v1.Session()"
    assert "nb.ipynb:cell 2:1:5: SM120" in err
    assert "cell 2, line 1 (`tf.compat.v1.placeholder`)" in err
    assert report["files"][0]["mode"] == "compat"
