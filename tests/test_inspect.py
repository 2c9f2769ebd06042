"""`smmigrate inspect` / `smmigrate.inspect`: facts read from the protobufs, without TensorFlow.

Expectations come from the TF Serving fixtures' documented contents (fixtures README) and, where
TensorFlow is available, from TensorFlow's own SavedModel parser, so a wrong reader fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import smmigrate
from smmigrate import _proto
from smmigrate.cli import main
from smmigrate.inspect_model import format_report, inspect

CLASSIFY, REGRESS, PREDICT = _proto.CLASSIFY, _proto.REGRESS, _proto.PREDICT


def test_tf1_savedmodel(tf_serving):
    info = inspect(tf_serving / "saved_model_half_plus_two_cpu")
    assert info["format"] == "TF1 SavedModel (graph only)"
    assert info["fingerprint"] is False
    (g,) = info["meta_graphs"]
    assert g["tags"] == ["serve"] and g["tensorflow_version"] == "1.14.0"
    methods = {k: s["method_name"] for k, s in g["signatures"].items()}
    assert methods == {
        "serving_default": PREDICT,
        "classify_x_to_y": CLASSIFY,
        "regress_x_to_y": REGRESS,
        "regress_x_to_y2": REGRESS,
        "regress_x2_to_y3": REGRESS,
    }
    assert g["signatures"]["classify_x_to_y"]["inputs"]["inputs"] == {
        "dtype": "string",
        "shape": None,
        "name": "tf_example:0",
    }
    assert g["signatures"]["serving_default"]["outputs"]["y"] == {"dtype": "float32", "shape": [-1, 1], "name": "y:0"}
    v = g["variables"]
    names = {i["name"] for i in v["items"]}
    assert {"a", "b", "c", "a2", "c2"} <= names
    assert v["reference"] == v["count"] and v["resource"] == 0 and v["trainable_after_tf2_load"] == 0
    # a, b, c, a2, c2 are float32 scalars: 4 bytes each (the string filename_tensor has no fixed size)
    assert v["total_bytes"] == 20 and v["unknown_size"] == 1
    assert g["assets"] == [{"filename": "foo.txt", "tensor": "Const:0", "present": True}]
    assert any("saved_model_main_op" in op for op in g["init_ops"])
    assert any("reference variable" in a and "smmigrate upgrade" in a for a in info["advice"])
    assert not any("method-names" in a for a in info["advice"])  # its method names are already right


def test_tf2_savedmodel_suggests_method_names(tf_serving):
    info = inspect(tf_serving / "saved_model_half_plus_two_tf2_cpu")
    assert info["format"] == "TF2 SavedModel (object graph)" and info["fingerprint"] is True
    (g,) = info["meta_graphs"]
    assert g["tensorflow_version"] == "2.14.0"
    assert {k for k, s in g["signatures"].items() if s["method_name"] != PREDICT} == {"__saved_model_init_op"}
    looks = {k: s.get("looks_like") for k, s in g["signatures"].items() if s.get("looks_like")}
    # only the signatures with a serialized-Example input keyed `inputs` qualify
    assert looks == {"classify_x_to_y": CLASSIFY, "regress_x_to_y": REGRESS, "regress_x_to_y2": REGRESS}
    v = g["variables"]
    assert (v["count"], v["resource"], v["reference"], v["trainable_after_tf2_load"], v["total_bytes"]) == (
        3,
        3,
        0,
        3,
        12,
    )
    assert any("signature __saved_model_init_op" in op for op in g["init_ops"])
    assert any("method-names" in a and "--auto" in a for a in info["advice"])
    text = format_report(info)
    assert "(looks like classify)" in text and "classify_x_to_y" in text


def test_mixed_reference_and_resource_variables(tf_serving):
    (g,) = inspect(tf_serving / "saved_model_half_plus_two_mkl")["meta_graphs"]
    assert g["variables"]["reference"] > 0 and g["variables"]["resource"] > 0
    assert g["tensorflow_version"] == "1.12.0-rc0"


def test_legacy_metagraph_file(tf_serving):
    info = inspect(tf_serving / "session_bundle_half_plus_two" / "export.meta")
    assert info["kind"] == "meta_graph" and info["format"].startswith("TF1 MetaGraphDef")
    (g,) = info["meta_graphs"]
    assert g["tags"] == [] and g["tensorflow_version"] == "0.12.head" and g["signatures"] == {}
    assert {a["filename"] for a in g["assets"]} == {"hello1.txt", "hello2.txt"}
    assert any("0.12.head" in a for a in info["advice"])
    assert any("wrap-metagraph" in a for a in info["advice"])


def _graph_def(schema, with_variable: bool):
    g = schema.GraphDef()
    x = g.node.add(name="x", op="Placeholder")
    x.attr["dtype"].type = schema.dtype_value("DT_FLOAT")
    w = g.node.add(name="w", op="VariableV2" if with_variable else "Const")
    w.attr["dtype"].type = schema.dtype_value("DT_FLOAT")
    if with_variable:
        w.attr["shape"].shape.dim.add(size=3)
        w.attr["shape"].shape.dim.add(size=4)
    y = g.node.add(name="y", op="Mul", input=["x", "w"], device="/device:GPU:0")
    y.attr["T"].type = schema.dtype_value("DT_FLOAT")
    return g


def test_graphdefs_detected_by_content(tmp_path):
    from google.protobuf import text_format

    s = _proto.schema()
    frozen = tmp_path / "frozen.bin"  # no telling extension: detection is by content
    frozen.write_bytes(_graph_def(s, False).SerializeToString())
    info = inspect(frozen)
    assert info["kind"] == "graph_def" and info["format"] == "frozen GraphDef" and info["encoding"] == "binary"
    assert info["meta_graphs"][0]["devices"] == ["/device:GPU:0"]
    assert any("GPU:0" in a for a in info["advice"])

    text = tmp_path / "with_vars.pbtxt"
    text.write_text(text_format.MessageToString(_graph_def(s, True)))
    info = inspect(text)
    assert info["format"] == "GraphDef with variables (not frozen)" and info["encoding"] == "text"
    v = info["meta_graphs"][0]["variables"]
    assert (v["count"], v["reference"], v["total_bytes"]) == (1, 1, 3 * 4 * 4)


def test_text_metagraph_and_text_savedmodel(tf_serving, tmp_path):
    from google.protobuf import text_format

    kind, mg, _ = _proto.read_graph_file(tf_serving / "bad_half_plus_two" / "export.meta")
    assert kind == "meta_graph"
    (tmp_path / "export.pbtxt").write_text(text_format.MessageToString(mg))
    info = inspect(tmp_path / "export.pbtxt")
    assert info["kind"] == "meta_graph" and info["encoding"] == "text"
    assert info["meta_graphs"][0]["variables"]["count"] == 2

    sm = _proto.read_saved_model(tf_serving / "matrix_half_plus_two").proto
    folder = tmp_path / "textmodel"
    folder.mkdir()
    (folder / "saved_model.pbtxt").write_text(text_format.MessageToString(sm))
    info = inspect(folder)
    assert info["file"] == "saved_model.pbtxt" and info["encoding"] == "text"
    assert info["meta_graphs"][0]["signatures"]["serving_default"]["inputs"]["x"]["shape"] == [-1, 3, 3]
    # both files: TensorFlow reads the .pb, and inspect says so
    (folder / "saved_model.pb").write_bytes(sm.SerializeToString())
    info = inspect(folder)
    assert info["file"] == "saved_model.pb" and any("both" in n for n in info["notes"])


def test_matches_tensorflows_own_parser(tf, tf_serving):
    from tensorflow.python.saved_model import loader_impl

    for name in (
        "saved_model_half_plus_two_cpu",
        "saved_model_half_plus_two_tf2_cpu",
        "saved_model_half_plus_two_mkl",
        "matrix_half_plus_two",
    ):
        ours = inspect(tf_serving / name)
        theirs = loader_impl.parse_saved_model(str(tf_serving / name))
        assert len(ours["meta_graphs"]) == len(theirs.meta_graphs)
        for g, mg in zip(ours["meta_graphs"], theirs.meta_graphs, strict=True):
            assert g["tags"] == sorted(mg.meta_info_def.tags)
            assert set(g["signatures"]) == set(mg.signature_def)
            for key, sig in mg.signature_def.items():
                mine = g["signatures"][key]
                assert mine["method_name"] == sig.method_name
                for direction in ("inputs", "outputs"):
                    for k, ti in getattr(sig, direction).items():
                        assert mine[direction][k]["name"] == ti.name
                        if ti.dtype:
                            assert mine[direction][k]["dtype"] == tf.as_dtype(ti.dtype).name


def test_cli_text_json_and_errors(tf_serving, tmp_path, capsys):
    path = tf_serving / "saved_model_half_plus_two_cpu"
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "TF1 SavedModel" in out and "regress_x2_to_y3: tensorflow/serving/regress" in out

    assert main(["inspect", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(json.dumps(inspect(path)))

    assert main(["inspect", str(path), "--tags", "train"]) == 2
    assert "no MetaGraph tagged train" in capsys.readouterr().err

    garbage = tmp_path / "garbage.pb"
    garbage.write_bytes(b"\xff\xfe not a protobuf \x00\x01" * 10)
    assert main(["inspect", str(garbage)]) == 2
    assert "garbage.pb: not a TensorFlow graph" in capsys.readouterr().err

    truncated = tmp_path / "truncated"
    truncated.mkdir()
    data = (path / "saved_model.pb").read_bytes()
    (truncated / "saved_model.pb").write_bytes(data[: len(data) // 2])
    assert main(["inspect", str(truncated)]) == 2
    assert "truncated" in capsys.readouterr().err

    assert main(["inspect", str(tmp_path / "nope")]) == 2
    empty = tmp_path / "empty_dir"
    empty.mkdir()
    assert main(["inspect", str(empty)]) == 2
    assert "no saved_model.pb" in capsys.readouterr().err


def test_public_api_is_the_same_function():
    assert smmigrate.inspect is inspect


def test_inspect_never_imports_tensorflow(tf_serving):
    # A fresh interpreter: the point is that TensorFlow is *not* loaded.
    code = (
        "import sys\n"
        "from smmigrate.cli import main\n"
        f"rc = main(['inspect', {str(tf_serving / 'saved_model_half_plus_two_tf2_cpu')!r}, '--json'])\n"
        "assert rc == 0, rc\n"
        "assert 'tensorflow' not in sys.modules, 'inspect imported TensorFlow'\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["format"] == "TF2 SavedModel (object graph)"


def test_without_tensorflow_installed_the_error_says_how_to_get_it(monkeypatch, tf_serving, capsys):
    # Simulate `pip install smmigrate` without the [tf] extra: no schema source at all.
    monkeypatch.setattr(_proto, "_tensorflow_root", lambda: None)
    monkeypatch.delitem(sys.modules, "tensorflow", raising=False)
    _proto.schema.cache_clear()
    try:
        assert main(["inspect", str(tf_serving / "matrix_half_plus_two")]) == 2
        err = capsys.readouterr().err
        assert "TensorFlow" in err and "pip install 'smmigrate[tf]'" in err
    finally:
        _proto.schema.cache_clear()
