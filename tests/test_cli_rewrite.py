"""`smmigrate rewrite` end to end through `smmigrate.cli.main`: every flag and exit code, folders,
notebooks, stdin, --jobs, bad files left byte-identical, and the TensorFlow-free import path."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from smmigrate.cli import main

TF1 = (
    "import tensorflow as tf\n"
    "\n"
    "builder = tf.saved_model.builder.SavedModelBuilder(path)\n"
    "builder.add_meta_graph_and_variables(sess, [tf.saved_model.tag_constants.SERVING])\n"
)
TF1_OUT = (
    "import tensorflow as tf\n"
    "\n"
    "builder = tf.compat.v1.saved_model.Builder(path)\n"
    "builder.add_meta_graph_and_variables(sess, [tf.saved_model.SERVING])\n"
)
NO_SM = "import tensorflow as tf\n\nx = tf.constant(1)\n"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        text = text.encode()
    path.write_bytes(text)
    return path


def run(capsys, *argv, only="compat-names"):
    # These tests are about the engine and the CLI, so they pin the codemod whose behaviour they
    # spell out; codemod behaviour itself is covered by the case files.
    pinned = (
        [] if (only is None or "--only" in argv or "--skip" in argv or "--list-codemods" in argv) else ["--only", only]
    )
    code = main(["rewrite", *pinned, *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_help_and_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "smmigrate" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:
        main(["rewrite", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for flag in ("--diff", "--check", "--jobs", "--only", "--skip", "--exclude", "--report-json", "--list-codemods"):
        assert flag in out


def test_no_command_is_an_error(capsys):
    assert main([]) == 2


def test_in_place_then_idempotent(tmp_path, capsys):
    f = write(tmp_path / "m.py", TF1)
    code, out, err = run(capsys, f)
    assert code == 1
    assert f.read_text() == TF1_OUT
    assert f"rewrote {f}" in err
    assert "1 file scanned, 1 rewritten, 0 sites need manual work, 0 failed" in err
    code, out, err = run(capsys, f)
    assert code == 0
    assert f.read_text() == TF1_OUT
    assert "0 rewritten" in err


def test_diff_writes_nothing(tmp_path, capsys):
    f = write(tmp_path / "m.py", TF1)
    code, out, err = run(capsys, "--diff", f)
    assert code == 1
    assert f.read_text() == TF1
    assert "-builder = tf.saved_model.builder.SavedModelBuilder(path)" in out
    assert "+builder = tf.compat.v1.saved_model.Builder(path)" in out
    assert "would be rewritten" in err


def test_check_writes_nothing(tmp_path, capsys):
    f = write(tmp_path / "m.py", TF1)
    code, out, err = run(capsys, "--check", f)
    assert (code, out) == (1, "")
    assert f"would rewrite {f}" in err
    assert f.read_text() == TF1
    assert run(capsys, "--check", write(tmp_path / "ok.py", TF1_OUT))[0] == 0


def test_file_without_saved_model_is_not_parsed(tmp_path, capsys):
    # not even valid Python: the cheap byte filter means it is never parsed
    f = write(tmp_path / "other.py", "print 'py2 without the magic word'\n")
    code, _, err = run(capsys, f)
    assert code == 0
    assert "0 failed" in err


def test_folders_skip_vcs_venv_build_and_excludes(tmp_path, capsys):
    write(tmp_path / "pkg" / "a.py", TF1)
    write(tmp_path / "pkg" / "sub" / "b.py", TF1)
    write(tmp_path / "pkg" / "notes.txt", TF1)
    skipped = [
        tmp_path / ".git" / "c.py",
        tmp_path / "build" / "c.py",
        tmp_path / "dist" / "c.py",
        tmp_path / "myenv" / "lib" / "c.py",
        tmp_path / "pkg" / "generated" / "c.py",
        tmp_path / "pkg" / "legacy_export.py",
    ]
    for p in skipped:
        write(p, TF1)
    write(tmp_path / "myenv" / "pyvenv.cfg", "home = /usr\n")
    code, _, err = run(capsys, "--exclude", "generated", "--exclude", "legacy_*.py", tmp_path)
    assert code == 1
    assert "2 files scanned, 2 rewritten" in err
    assert (tmp_path / "pkg" / "a.py").read_text() == TF1_OUT
    assert (tmp_path / "pkg" / "sub" / "b.py").read_text() == TF1_OUT
    assert (tmp_path / "pkg" / "notes.txt").read_text() == TF1
    for p in skipped:
        assert p.read_text() == TF1, p


def test_symlink_loop_is_not_followed(tmp_path, capsys):
    write(tmp_path / "a.py", TF1)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    code, _, err = run(capsys, tmp_path)
    assert code == 1 and "1 file scanned" in err


def test_stdin_to_stdout(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TF1.encode())))
    code, out, err = run(capsys, "-")
    assert code == 1
    assert out == TF1_OUT


def test_stdin_diff(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TF1.encode())))
    code, out, _ = run(capsys, "--diff", "-")
    assert code == 1 and out.startswith("--- <stdin>")


def test_jobs_two_matches_one(tmp_path, capsys):
    for i in range(6):
        write(tmp_path / "a" / f"m{i}.py", TF1)
        write(tmp_path / "b" / f"m{i}.py", TF1)
    write(tmp_path / "a" / "broken.py", "import tensorflow as tf\nx = tf.saved_model.SERVING(\n")
    write(tmp_path / "b" / "broken.py", "import tensorflow as tf\nx = tf.saved_model.SERVING(\n")
    code1, _, err1 = run(capsys, "-j", "1", tmp_path / "a")
    code2, _, err2 = run(capsys, "--jobs", "2", tmp_path / "b")
    assert code1 == code2 == 2
    assert err1.replace("/a/", "/X/") == err2.replace("/b/", "/X/")
    for i in range(6):
        assert (tmp_path / "b" / f"m{i}.py").read_text() == TF1_OUT


def test_only_skip_and_list(tmp_path, capsys):
    from smmigrate.codemods import REGISTRY

    f = write(tmp_path / "m.py", TF1)
    assert run(capsys, "--skip", ",".join(REGISTRY), f)[0] == 0  # nothing runs, nothing changes
    assert f.read_text() == TF1
    assert run(capsys, "--only", "compat-names", f)[0] == 1
    assert f.read_text() == TF1_OUT
    code, out, err = run(capsys, "--only", "no-such-codemod", f)
    assert code == 2 and "unknown codemod no-such-codemod" in err
    code, out, _ = run(capsys, "--list-codemods")
    assert code == 0
    assert "compat-names:" in out and "SM101" in out


def test_bad_arguments(tmp_path, capsys):
    assert run(capsys)[0] == 2
    code, _, err = run(capsys, tmp_path / "missing.py")
    assert code == 2 and "missing.py: no such file or folder" in err
    assert run(capsys, "-j", "0", tmp_path)[0] == 2
    with pytest.raises(SystemExit) as exc:
        main(["rewrite", "--diff", "--check", str(tmp_path)])
    assert exc.value.code == 2


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("py2.py", b"import tensorflow as tf\nprint 'exporting', tf.saved_model.tag_constants.SERVING\n", "SM002"),
        ("syntax.py", b"import tensorflow as tf\ndef f(:\n    tf.saved_model.loader.load()\n", "SM002"),
        (
            "undecodable.py",
            b"import tensorflow as tf\ns = '\xe9\xff'\nx = tf.saved_model.tag_constants.SERVING\n",
            "SM001",
        ),
    ],
)
def test_bad_files_are_reported_and_left_identical(tmp_path, capsys, name, content, code):
    f = write(tmp_path / name, content)
    rc, _, err = run(capsys, f)
    assert rc == 2
    assert f.read_bytes() == content
    assert f"{f}:" in err and f" {code} " in err
    assert "1 failed" in err


def test_latin1_cookie_crlf_and_mode_are_kept(tmp_path, capsys):
    latin = write(
        tmp_path / "latin.py",
        "# -*- coding: latin-1 -*-\nimport tensorflow as tf\nNAME = 'caf\xe9'\nT = "
        "tf.saved_model.tag_constants.SERVING\n".encode("latin-1"),
    )
    crlf = write(tmp_path / "crlf.py", TF1.replace("\n", "\r\n"))
    crlf.chmod(0o755)
    assert run(capsys, latin, crlf)[0] == 1
    assert latin.read_bytes() == (
        "# -*- coding: latin-1 -*-\nimport tensorflow as tf\nNAME = 'caf\xe9'\nT = tf.saved_model.SERVING\n".encode(
            "latin-1"
        )
    )
    assert crlf.read_bytes() == TF1_OUT.replace("\n", "\r\n").encode()
    assert stat.S_IMODE(crlf.stat().st_mode) == 0o755
    assert not [p for p in tmp_path.iterdir() if "smmigrate-tmp" in p.name]


def test_unreadable_file_in_tree(tmp_path, capsys):
    write(tmp_path / "ok.py", TF1)
    (tmp_path / "dangling.py").symlink_to(tmp_path / "nowhere.py")
    code, _, err = run(capsys, tmp_path)
    assert code == 2
    assert "dangling.py" in err and "SM001" in err
    assert (tmp_path / "ok.py").read_text() == TF1_OUT


def test_manual_work_alone_exits_one(tmp_path, capsys):
    src = "tf = try_import_tf()\nb = tf.saved_model.builder.SavedModelBuilder(p)\n"
    f = write(tmp_path / "m.py", src)
    code, _, err = run(capsys, f)
    assert code == 1
    assert f.read_text() == src
    assert f"{f}:2:5: SM101 " in err
    assert "1 site needs manual work" in err


def test_report_json(tmp_path, capsys):
    a = write(tmp_path / "a.py", TF1)
    b = write(tmp_path / "b.py", "tf = try_import_tf()\nb = tf.saved_model.builder.SavedModelBuilder(p)\n")
    c = write(tmp_path / "c.py", "import tensorflow as tf\nprint 'x', tf.saved_model\n")
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    assert run(capsys, "--report-json", report, a, b, c)[0] == 2
    data = json.loads(report.read_text())
    assert data["summary"] == {"scanned": 3, "changed": 1, "manual": 1, "failed": 1, "native": 0, "compat": 0}
    by_path = {Path(f["path"]).name: f for f in data["files"]}
    assert by_path["a.py"]["changed"] is True and by_path["a.py"]["error"] is None
    assert by_path["b.py"]["diagnostics"][0]["code"] == "SM101"
    assert by_path["c.py"]["error"] and by_path["c.py"]["changed"] is False


def _notebook(cells):
    return {
        "cells": cells,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _code(source, outputs=None):
    return {
        "cell_type": "code",
        "execution_count": 1,
        "id": "x",
        "metadata": {},
        "outputs": outputs or [],
        "source": source,
    }


def test_notebook_code_cells_only(tmp_path, capsys):
    cells = [
        {"cell_type": "markdown", "id": "m", "metadata": {}, "source": ["tf.saved_model.tag_constants.SERVING\n"]},
        _code(["%matplotlib inline\n", "import tensorflow as tf\n", "!ls /tmp\n"]),
        _code("%%bash\necho tf.saved_model.tag_constants.SERVING\n"),
        _code(
            ["files = !ls\n", "tf.saved_model.loader.load?\n", "tags = [tf.saved_model.tag_constants.SERVING]"],
            outputs=[{"name": "stdout", "output_type": "stream", "text": ["hello\n"]}],
        ),
    ]
    nb = _notebook(cells)
    f = write(tmp_path / "nb.ipynb", json.dumps(nb, indent=1) + "\n")
    code, _, err = run(capsys, f)
    assert code == 1, err
    new = json.loads(f.read_text())
    assert new["cells"][3]["source"] == [
        "files = !ls\n",
        "tf.saved_model.loader.load?\n",
        "tags = [tf.saved_model.SERVING]",
    ]
    expected = json.loads(json.dumps(nb))
    expected["cells"][3]["source"] = new["cells"][3]["source"]
    assert new == expected  # markdown, the %%bash cell, outputs and metadata untouched
    assert f.read_text().startswith('{\n "cells"')  # nbformat's 1-space indent kept
    assert run(capsys, f)[0] == 0


def test_notebook_diagnostics_name_the_cell(tmp_path, capsys):
    nb = _notebook([_code("x = 1\n"), _code("tf = try_import_tf()\nb = tf.saved_model.builder.SavedModelBuilder(p)\n")])
    f = write(tmp_path / "nb.ipynb", json.dumps(nb))
    code, _, err = run(capsys, f)
    assert code == 1
    assert f"{f}:cell 2:2:5: SM101" in err


def test_invalid_notebook(tmp_path, capsys):
    f = write(tmp_path / "nb.ipynb", '{"cells": [ "saved_model" ')
    before = f.read_bytes()
    code, _, err = run(capsys, f)
    assert code == 2 and "SM004" in err
    assert f.read_bytes() == before


def test_rewrite_never_imports_tensorflow(tmp_path):
    f = write(tmp_path / "m.py", TF1)
    script = (
        "import sys, smmigrate, smmigrate.cli\n"
        f"rc = smmigrate.cli.main(['rewrite', '--only', 'compat-names', {str(f)!r}])\n"
        "from smmigrate.codemods import REGISTRY\n"
        "bad = sorted(m for m in sys.modules if m == 'tensorflow' or m.startswith('tensorflow.'))\n"
        "print(rc, bad)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "1 []"
    assert f.read_text() == TF1_OUT


def test_python_dash_m_and_console_script(tmp_path):
    f = write(tmp_path / "m.py", TF1)
    proc = subprocess.run(
        [sys.executable, "-m", "smmigrate", "rewrite", "--check", str(f)], capture_output=True, text=True
    )
    assert proc.returncode == 1 and "would rewrite" in proc.stderr
    exe = Path(sys.executable).with_name("smmigrate")
    if exe.exists():
        proc = subprocess.run([str(exe), "rewrite", "--diff", str(f)], capture_output=True, text=True)
        assert proc.returncode == 1 and "+builder = tf.compat.v1.saved_model.Builder(path)" in proc.stdout


def test_libcst_tool_runs_our_codemod(tmp_path):
    f = write(tmp_path / "m.py", TF1)
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run(
        [sys.executable, "-m", "libcst.tool", "codemod", "--no-format", "compat_names.CompatNamesCommand", str(f)],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert proc.returncode == 0, proc.stderr
    assert f.read_text() == TF1_OUT


def _run_in_pty(argv, env):
    import pty
    import select

    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execve(sys.executable, [sys.executable, "-m", "smmigrate", *argv], env)
    chunks = []
    while True:
        ready, _, _ = select.select([fd], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace")


def test_terminal_gets_progress_and_colour_pipes_stay_plain(tmp_path):
    pytest.importorskip("rich")
    for i in range(3):
        write(tmp_path / f"m{i}.py", TF1)
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    env["TERM"] = "xterm-256color"
    code, out = _run_in_pty(["rewrite", "--only", "compat-names", "--diff", "-j", "1", str(tmp_path)], env)
    assert code == 1
    assert "\x1b[" in out  # ANSI colour / cursor control: the progress bar and the coloured diff
    assert "+builder = tf.compat.v1.saved_model.Builder(path)" in out
    piped = subprocess.run(
        [sys.executable, "-m", "smmigrate", "rewrite", "--only", "compat-names", "--diff", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert piped.returncode == 1 and "\x1b[" not in piped.stdout + piped.stderr
    code, out = _run_in_pty(["rewrite", "--only", "compat-names", "--diff", str(tmp_path)], {**env, "CI": "true"})
    assert code == 1 and "\x1b[" not in out


def test_notebook_python_cell_magics_are_rewritten_and_keep_imports(tmp_path, capsys):
    nb = _notebook(
        [
            _code("import tensorflow as tf\nfrom tensorflow.saved_model import tag_constants\n"),
            _code("%%time\nmeta = tf.saved_model.loader.load(sess, [tag_constants.SERVING], path)\n"),
            _code("%%bash\necho tf.saved_model.tag_constants.SERVING\n"),
        ]
    )
    f = write(tmp_path / "nb.ipynb", json.dumps(nb, indent=1))
    assert run(capsys, f)[0] == 1
    cells = json.loads(f.read_text())["cells"]
    assert cells[0]["source"] == "import tensorflow as tf\n"  # tag_constants now unused everywhere
    assert cells[1]["source"] == "%%time\nmeta = tf.compat.v1.saved_model.load(sess, [tf.saved_model.SERVING], path)\n"
    assert cells[2]["source"] == "%%bash\necho tf.saved_model.tag_constants.SERVING\n"


def test_notebook_messages_point_at_cells(tmp_path, capsys):
    nb = _notebook(
        [
            _code("import tensorflow as tf\nimport numpy as np\n"),
            _code(
                "with tf.Session(graph=tf.Graph()) as sess:\n    tf.saved_model.loader.load(sess, ['serve'], path)\n"
            ),
            _code("print(sess.run('y:0'))\n"),
        ]
    )
    f = write(tmp_path / "nb.ipynb", json.dumps(nb))
    code, _, err = run(capsys, f, only="native-load")
    lines = [ln for ln in err.splitlines() if " SM2" in ln]
    assert code == 1 and lines
    assert all(ln.startswith(f"{f}:cell ") for ln in lines)
    assert "(line " not in err and "(see cell 2, line 2)" in err  # joined-module lines → cells


def test_diagnostics_name_the_related_line(tmp_path, capsys):
    # the refusal shows where the session is misused and points back at the load it blocks
    src = (
        "import tensorflow as tf\n"
        "\n"
        "def f(path):\n"
        "    with tf.Session(graph=tf.Graph()) as sess:\n"
        "        tf.saved_model.loader.load(sess, ['serve'], path)\n"
        "        keep(sess)\n"
    )
    f = write(tmp_path / "m.py", src)
    code, _, err = run(capsys, "--diff", f, only="native-load")
    assert code == 1
    assert f"{f}:6:" in err and " SM202 " in err and err.rstrip().splitlines()[0].endswith("(see line 5)")


def test_notebook_native_export_across_cells_stays_in_its_cells(tmp_path, capsys):
    # the graph, the session and the export are in three cells: the TF2 code replacing them keeps
    # each piece in the cell it came from (the cell marker above the dropped `sess = ...` line too)
    nb = _notebook(
        [
            _code("import tensorflow as tf\n"),
            _code('x = tf.placeholder(tf.float32, [None], name="x")\ny = tf.multiply(x, 2.0, name="y")\n'),
            _code("sess = tf.Session()\nprint(sess.run(y, {x: [1.0]}))\n"),
            _code('!rm -rf out\ntf.saved_model.simple_save(sess, "out", inputs={"x": x}, outputs={"y": y})\n'),
        ]
    )
    f = write(tmp_path / "nb.ipynb", json.dumps(nb, indent=1))
    code, _, err = run(capsys, f, only="native-save")
    assert code == 1 and "SM004" not in err, err
    cells = [c["source"] for c in json.loads(f.read_text())["cells"]]
    assert cells[1] == ""  # placeholder and graph op: moved into the functions
    assert cells[2] == (
        '@tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])\n'
        "def serving_default(x):\n"
        '    y = tf.multiply(x, 2.0, name="y")\n'
        '    return {"y": y}\n'
        "\n\n"
        'print(serving_default(x=[1.0])["y"].numpy())\n'
    )
    assert cells[3].startswith("!rm -rf out\nmodule = tf.Module()\n") and "tf.saved_model.save(" in cells[3]
    assert run(capsys, f, only="native-save")[0] == 0  # a second run changes nothing
