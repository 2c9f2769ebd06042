"""Hostile inputs for the model-side commands: `inspect`, `method-names`, `verify`, `wrap-metagraph`.

Every broken input (truncated or garbage protobufs, empty files, a checkpoint of another graph, a
missing or garbage `variables/`, a folder that is not a SavedModel, broken symlinks and symlink
loops, a folder where a file belongs) must give exactly one `smmigrate: error: ...` line naming the
file, exit 2, no traceback, leave every input byte-identical and leave no output folder behind.
The commands run in this process (TensorFlow starts once) with the file descriptors captured, so
anything TensorFlow's C++ side prints is seen too; two subprocess runs check the real CLI.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from smmigrate.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "guide_multiply"
TF1 = "saved_model_half_plus_two_cpu"
TF2 = "saved_model_half_plus_two_tf2_cpu"
MKL = "saved_model_half_plus_two_mkl"
COMMANDS = ("inspect", "method-names", "verify", "wrap-metagraph")


# --------------------------------------------------------------------------- helpers
def snapshot(root: Path) -> dict:
    """Every entry under `root` (symlinks not followed, so loops are fine): kind and content hash."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            rel = p.relative_to(root).as_posix()
            if p.is_symlink():
                out[rel] = ("link", os.readlink(p))
            elif p.is_dir():
                out[rel] = ("dir",)
            else:
                out[rel] = ("file", hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mode)
    return out


def copy_model(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, symlinks=True)
    for p in [dst, *dst.rglob("*")]:
        p.chmod(p.stat().st_mode | 0o200)
    return dst


def run(capfd, argv) -> tuple[int, str, str]:
    rc = main([str(a) for a in argv])
    cap = capfd.readouterr()
    return rc, cap.out, cap.err


def assert_one_line_error(capfd, work: Path, argv, *, names, out_dir=None) -> str:
    """Run `argv`; check exit 2, one `smmigrate:` line naming `names`, nothing changed or created."""
    before = snapshot(work)
    rc, out, err = run(capfd, argv)
    ours = [line for line in err.splitlines() if line.startswith("smmigrate:")]
    assert "Traceback" not in err + out, err
    assert rc == 2, (rc, out, err)
    assert len(ours) == 1 and ours[0].startswith("smmigrate: error: "), err
    for name in [names] if isinstance(names, str) else names:
        assert name in ours[0], ours[0]
    assert snapshot(work) == before, "the command changed its input"
    if out_dir is not None:
        assert not out_dir.exists()
        assert not [p for p in out_dir.parent.iterdir() if ".smmigrate-" in p.name]
    return ours[0]


# --------------------------------------------------------------------------- hostile SavedModels
def _pb_cut(cut):
    def make(d: Path):
        data = (d / "saved_model.pb").read_bytes()
        (d / "saved_model.pb").write_bytes(data[: len(data) // 2] if cut == "half" else data[:cut])
        return d / "saved_model.pb"

    return make


def _garbage_pb(d: Path):
    (d / "saved_model.pb").write_bytes(random.Random(7).randbytes(3000))
    return d / "saved_model.pb"


def _empty_pb(d: Path):
    (d / "saved_model.pb").write_bytes(b"")
    return d / "saved_model.pb"


def _text_of(d: Path) -> str:
    from google.protobuf import text_format

    from smmigrate import _proto

    return text_format.MessageToString(_proto.read_saved_model(d).proto)


def _truncated_pbtxt(d: Path):
    text = _text_of(d)
    (d / "saved_model.pb").unlink()
    (d / "saved_model.pbtxt").write_text(text[: len(text) // 2])
    return d / "saved_model.pbtxt"


def _garbage_pbtxt(d: Path):
    (d / "saved_model.pb").unlink()
    (d / "saved_model.pbtxt").write_text("meta_graphs {\n  graph_def { this is not { a SavedModel\n")
    return d / "saved_model.pbtxt"


def _pb_is_a_folder(d: Path):
    (d / "saved_model.pb").unlink()
    (d / "saved_model.pb").mkdir()
    return d


def _pb_dangling(d: Path):
    (d / "saved_model.pb").unlink()
    (d / "saved_model.pb").symlink_to(d / "gone.pb")
    return d / "saved_model.pb"


def _pb_loop(d: Path):
    (d / "saved_model.pb").unlink()
    (d / "saved_model.pb").symlink_to("saved_model.pb")  # a loop: opening it fails with ELOOP
    return d / "saved_model.pb"


def _not_a_saved_model(d: Path):
    shutil.rmtree(d)
    d.mkdir()
    (d / "README.txt").write_text("exported models live elsewhere\n")
    (d / "variables").mkdir()
    return d


def _no_variables(d: Path):
    shutil.rmtree(d / "variables")
    return d


def _garbage_index(d: Path):
    (d / "variables" / "variables.index").write_bytes(random.Random(3).randbytes(500))
    return d  # verify names the folder, the others the file in it


def _index_is_a_folder(d: Path):
    (d / "variables" / "variables.index").unlink()
    (d / "variables" / "variables.index").mkdir()
    return d  # verify names the folder, the others the file in it


def _index_dangling(d: Path):
    (d / "variables" / "variables.index").unlink()
    (d / "variables" / "variables.index").symlink_to(d / "nowhere.index")
    return d  # verify names the folder, the others the file in it


def _variables_of_another_model(d: Path):
    # MKL's checkpoint (copied beside by the `work` fixture) lacks a2/c2, which this graph restores.
    shutil.rmtree(d / "variables")
    shutil.copytree(d.parent / "mkl_variables", d / "variables")
    return d


# name -> (builder, commands it applies to). The builders return the path the error must name.
BROKEN = {
    "pb cut after 1 byte": (_pb_cut(1), COMMANDS),
    "pb cut after its first field": (_pb_cut(2), COMMANDS),  # parses as a SavedModel without MetaGraph
    "pb cut after 100 bytes": (_pb_cut(100), COMMANDS),
    "pb cut in half": (_pb_cut("half"), COMMANDS),
    "pb missing its last byte": (_pb_cut(-1), COMMANDS),
    "garbage pb": (_garbage_pb, COMMANDS),
    "empty pb": (_empty_pb, COMMANDS),
    "truncated pbtxt": (_truncated_pbtxt, COMMANDS),
    "garbage pbtxt": (_garbage_pbtxt, COMMANDS),
    "pb is a folder": (_pb_is_a_folder, COMMANDS),
    "pb is a dangling symlink": (_pb_dangling, COMMANDS),
    "pb is a symlink loop": (_pb_loop, COMMANDS),
    "not a SavedModel folder": (_not_a_saved_model, COMMANDS),
    # inspect describes these (it reads no checkpoint); see test_inspect_reports_what_it_can
    "variables/ missing": (_no_variables, ("method-names", "verify", "wrap-metagraph")),
    "garbage variables.index": (_garbage_index, ("method-names", "verify", "wrap-metagraph")),
    "variables.index is a folder": (_index_is_a_folder, ("method-names", "verify", "wrap-metagraph")),
    "variables.index is a dangling symlink": (_index_dangling, ("method-names", "verify", "wrap-metagraph")),
    "variables of another model": (_variables_of_another_model, ("verify", "wrap-metagraph")),
}
CASES = [(case, cmd) for case, (_, cmds) in BROKEN.items() for cmd in cmds]


@pytest.fixture
def work(tmp_path, tf_serving):
    """tmp_path/in holds writable copies of the TF1 and TF2 fixtures; outputs go to tmp_path/out."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    copy_model(tf_serving / TF1, inputs / "tf1")
    copy_model(tf_serving / TF2, inputs / "tf2")
    copy_model(tf_serving / MKL / "variables", inputs / "mkl_variables")
    return inputs


@pytest.mark.parametrize("case, command", CASES, ids=[f"{c}-{cmd}" for c, cmd in CASES])
def test_broken_saved_model(tf, work, capfd, case, command):
    build, _ = BROKEN[case]
    out = work.parent / "out"
    if command == "method-names":
        # the TF2 re-export is what method-names edits; the TF1 original is intact
        broken = copy_model(work / "tf2", work / "broken")
        argv = ["method-names", broken, "--like", work / "tf1"]
    else:
        broken = copy_model(work / "tf1", work / "broken")
        argv = {
            "inspect": ["inspect", broken],
            "verify": ["verify", broken, work / "tf2"],
            "wrap-metagraph": ["wrap-metagraph", broken, "--out", out],
        }[command]
    named = build(broken)
    assert_one_line_error(capfd, work, argv, names=str(named), out_dir=out)


def test_broken_original_for_method_names_like(tf, work, capfd):
    original = copy_model(work / "tf1", work / "original")
    _pb_cut("half")(original)
    assert_one_line_error(
        capfd, work, ["method-names", work / "tf2", "--like", original], names=str(original / "saved_model.pb")
    )


def test_broken_b_for_verify(tf, work, capfd):
    b = copy_model(work / "tf2", work / "b")
    _garbage_index(b)
    assert_one_line_error(capfd, work, ["verify", work / "tf1", b], names=str(b))


def test_inspect_reports_what_it_can(work, capfd):
    """inspect reads no checkpoint: a missing variables/ is described, not an error; loops are harmless."""
    model = work / "tf1"
    shutil.rmtree(model / "variables")
    (model / "assets" / "loop").symlink_to(model / "assets")  # a loop through a folder link
    (model / "self").symlink_to("self")  # a link to itself
    (model / "assets" / "foo.txt").unlink()
    (model / "assets" / "foo.txt").symlink_to("foo.txt")  # the asset itself is a loop
    before = snapshot(work)
    rc, out, err = run(capfd, ["inspect", model])
    assert rc == 0 and not [line for line in err.splitlines() if line.startswith("smmigrate:")], err
    assert "the graph has variables but there is no variables/ folder: the export is incomplete" in out
    assert "asset file(s) missing from assets/: foo.txt" in out
    assert snapshot(work) == before


# --------------------------------------------------------------------------- hostile graph files
META = ("bad_half_plus_two", "export.meta")  # y = 0.5 x + 2; V1 checkpoint `export` beside it


@pytest.fixture
def graph(tmp_path, tf_serving):
    """tmp_path/in/bad (the bad_half_plus_two MetaGraph + V1 checkpoint), the multiply sample, the TF2 model."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    copy_model(tf_serving / META[0], inputs / "bad")
    copy_model(SAMPLE, inputs / "multiply")
    copy_model(tf_serving / TF2, inputs / "tf2")
    return inputs


def _meta_cut(cut):
    def make(g: Path) -> Path:
        data = (g / "bad" / META[1]).read_bytes()
        p = g / "bad" / f"cut{cut}.meta"
        p.write_bytes(data[:cut])
        return p

    return make


def _garbage_graph(suffix):
    def make(g: Path) -> Path:
        p = g / f"garbage{suffix}"
        if suffix == ".pbtxt":
            p.write_text('node { name: "x" op: "Placeholder" attr { key: "dtype" value { type: \n')
        else:
            p.write_bytes(random.Random(11).randbytes(4000))
        return p

    return make


def _empty_graph(g: Path) -> Path:
    p = g / "empty.pb"
    p.write_bytes(b"")
    return p


def _graph_is_a_folder(g: Path) -> Path:
    p = g / "model.meta"
    p.mkdir()
    return p


GRAPH_FILES = {
    # (cuts that land on a field boundary of a bare MetaGraphDef parse as a smaller, valid one)
    "meta cut after 1 byte": _meta_cut(1),
    "meta cut after 64 bytes": _meta_cut(64),
    "meta cut in half": _meta_cut(2026),
    "meta missing its last byte": _meta_cut(-1),
    "garbage .pb": _garbage_graph(".pb"),
    "garbage .pbtxt": _garbage_graph(".pbtxt"),
    "empty file": _empty_graph,
    "a folder named .meta": _graph_is_a_folder,
}


@pytest.mark.parametrize("command", ["inspect", "verify", "wrap-metagraph"])
@pytest.mark.parametrize("case", list(GRAPH_FILES))
def test_broken_graph_file(tf, graph, capfd, case, command):
    path = GRAPH_FILES[case](graph)
    out = graph.parent / "out"
    ckpt = graph / "bad" / "export"
    argv = {
        "inspect": ["inspect", path],
        "verify": ["verify", path, graph / "tf2", "--a-checkpoint", ckpt],
        "wrap-metagraph": ["wrap-metagraph", path, ckpt, "--out", out],
    }[command]
    assert_one_line_error(capfd, graph, argv, names=str(path), out_dir=out)


def test_checkpoint_of_another_graph(tf, graph, capfd):
    meta, out = graph / "bad" / META[1], graph.parent / "out"
    other = graph / "multiply" / "multiply_values.ckpt"
    for argv in (
        ["wrap-metagraph", meta, other, "--out", out],
        ["verify", meta, graph / "tf2", "--a-checkpoint", other],
        ["verify", graph / "tf2", meta, "--b-checkpoint", other],
    ):
        line = assert_one_line_error(capfd, graph, argv, names=[str(other), "does not match graph"], out_dir=out)
        assert "pass the checkpoint saved with this graph" in line


def test_garbage_checkpoint_index(tf, graph, capfd):
    ckpt = graph / "multiply" / "multiply_values.ckpt"
    Path(f"{ckpt}.index").write_bytes(random.Random(5).randbytes(300))
    out = graph.parent / "out"
    for argv in (
        ["wrap-metagraph", graph / "multiply" / "multiply.pb", ckpt, "--out", out],
        ["verify", graph / "multiply" / "multiply.pb", graph / "tf2", "--a-checkpoint", ckpt],
    ):
        assert_one_line_error(capfd, graph, argv, names=[str(ckpt), "checkpoint cannot be read"], out_dir=out)


def test_graph_is_a_dangling_symlink_or_loop(graph, capfd):
    dangling = graph / "dangling.meta"
    dangling.symlink_to(graph / "nowhere.meta")
    loop = graph / "loop.meta"
    loop.symlink_to("loop.meta")
    for path in (dangling, loop):
        assert_one_line_error(capfd, graph, ["inspect", path], names=str(path))


# --------------------------------------------------------------------------- the real CLI
@pytest.mark.parametrize("command", ["inspect", "method-names"])
def test_real_process_prints_one_line(tf_serving, tmp_path, command):
    """In a fresh process (TensorFlow's start-up included), stderr has exactly one smmigrate line."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    target = copy_model(tf_serving / TF2, inputs / "target")
    if command == "inspect":
        _pb_cut("half")(target)
        argv = ["inspect", target]
        named = str(target / "saved_model.pb")
    else:  # passes every protobuf check, imports TensorFlow, then finds the checkpoint broken
        _garbage_index(target)
        argv = ["method-names", target, "--like", tf_serving / TF1]
        named = str(target / "variables" / "variables.index")
    before = snapshot(inputs)
    proc = subprocess.run(
        [sys.executable, "-m", "smmigrate", *map(str, argv)], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    ours = [line for line in proc.stderr.splitlines() if line.startswith("smmigrate:")]
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and len(ours) == 1 and named in ours[0], proc.stderr
    assert snapshot(inputs) == before
