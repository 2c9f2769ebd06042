"""Reliability of `rewrite` on whole trees: killed at random moments it leaves every file either
byte-identical or fully rewritten; hostile trees (huge files, unreadable files, loops) give
one-line errors and leave files unchanged."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smmigrate.cli import main

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from gen_tree import generate  # noqa: E402


def _snapshot(tree: Path) -> dict[str, bytes]:
    return {p.relative_to(tree).as_posix(): p.read_bytes() for p in sorted(tree.rglob("*.py"))}


@pytest.fixture(scope="module")
def tree_states(tmp_path_factory):
    base = tmp_path_factory.mktemp("kill")
    before = base / "before"
    generate(before, 120, 0.8, seed=3)  # enough files that a kill lands mid-run, small enough for the fast tier
    after = base / "after"
    shutil.copytree(before, after)
    # the engine's write path is what is under test; one fast codemod keeps each run short
    assert main(["rewrite", "-q", "--only", "compat-names", "-j", "2", str(after)]) in (0, 1)
    return base, _snapshot(before), _snapshot(after)


@pytest.mark.parametrize("seed", range(4))
def test_killed_rewrite_leaves_files_whole(tree_states, seed):
    base, before, after = tree_states
    changed = [k for k in before if before[k] != after[k]]
    assert len(changed) > 60
    work = base / f"run{seed}"
    shutil.copytree(base / "before", work)
    delay = random.Random(seed).uniform(0.3, 1.2)
    proc = subprocess.Popen(
        [sys.executable, "-m", "smmigrate", "rewrite", "-q", "--only", "compat-names", "-j", "2", str(work)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(delay)
    os.killpg(proc.pid, signal.SIGKILL)  # the parent and its worker processes, mid-flight
    proc.wait()
    now = _snapshot(work)
    assert set(now) == set(before)  # temporary files never end in .py
    for name, data in now.items():
        assert data in (before[name], after[name]), f"{name} is neither the original nor the rewrite"
    # a rerun finishes the job and agrees with an uninterrupted run
    assert main(["rewrite", "-q", "--only", "compat-names", "-j", "2", str(work)]) in (0, 1)
    assert _snapshot(work) == after


def test_huge_single_file(tmp_path, capsys):
    body = "import tensorflow as tf\n" + "".join(
        f"b{i} = tf.saved_model.builder.SavedModelBuilder(p{i})\n" for i in range(5000)
    )
    f = tmp_path / "huge.py"
    f.write_text(body)
    assert main(["rewrite", "--only", "compat-names", str(f)]) == 1
    text = f.read_text()
    assert text.count("tf.compat.v1.saved_model.Builder(") == 5000
    assert "SavedModelBuilder" not in text


@pytest.mark.parametrize(
    "expr, code",
    [
        ("(" * 3000 + "tf.saved_model.tag_constants.SERVING" + ")" * 3000, "SM002"),  # crashed libcst's parser
        (" + ".join(["tf.saved_model.tag_constants.SERVING"] * 20000), "SM006"),  # beyond the recursion limit
    ],
)
def test_deeply_nested_expressions_fail_cleanly(tmp_path, capsys, expr, code):
    src = "import tensorflow as tf\nx = " + expr + "\n"
    f = tmp_path / "deep.py"
    f.write_text(src)
    assert main(["rewrite", "--only", "compat-names", str(f)]) == 2
    err = capsys.readouterr().err
    assert f.read_text() == src
    assert "deep.py:" in err and f" {code} " in err


def test_unreadable_and_unwritable_files(tmp_path, capsys):
    if os.geteuid() == 0:
        # root reads everything; an unreadable file is simulated by a dangling symlink
        (tmp_path / "unreadable.py").symlink_to(tmp_path / "gone.py")
    else:
        f = tmp_path / "unreadable.py"
        f.write_text("import tensorflow as tf\ntf.saved_model.tag_constants.SERVING\n")
        f.chmod(0)
    ok = tmp_path / "ok.py"
    ok.write_text("import tensorflow as tf\nT = tf.saved_model.tag_constants.SERVING\n")
    code = main(["rewrite", "--only", "compat-names", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "unreadable.py:1:1: SM001 cannot be read" in err
    assert ok.read_text().endswith("T = tf.saved_model.SERVING\n")
