"""One source for each diagnostic code: smmigrate/codes.py.

Every code a codemod declares is in the table with the same title (a new codemod's own `CODES`
dict fails here until its codes are added to the table); the docs' tables are generated from it;
the summary line counts only the codes that mean manual work."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from smmigrate.cli import main
from smmigrate.codemods import REGISTRY
from smmigrate.codes import CODES, Severity, codes_of, severity
from smmigrate.diagnostics import CODES as IN_USE

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("gen_codes", ROOT / "docs" / "gen_codes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_codemod_code_is_in_the_table():
    for name, cls in REGISTRY.items():
        for code, title in cls.CODES.items():
            assert code in CODES, f"{name}: {code} is not in smmigrate/codes.py"
            assert CODES[code].codemod == name, f"{code} is declared by {name} but listed for {CODES[code].codemod}"
            assert CODES[code].title == title, f"{name}: the title of {code} differs from smmigrate/codes.py"


def test_every_table_code_is_in_use():
    assert set(IN_USE) == set(CODES), "codes in the table that no codemod declares, or the other way round"
    for name in {entry.codemod for entry in CODES.values()} - {None}:
        assert set(codes_of(name)) == set(REGISTRY[name].CODES)


def test_every_code_says_what_to_do():
    for entry in CODES.values():
        assert entry.title and entry.todo and entry.severity in Severity


def test_docs_tables_are_generated_from_the_table():
    gen = _generator()
    for path, generated in gen.targets():
        text = path.read_text(encoding="utf-8")
        assert gen.replaced(text, generated, path) == text, f"{path.name} is stale: run `python docs/gen_codes.py`"
        for code, entry in CODES.items():
            assert f"| {code} | {entry.severity} |" in text


def test_prune_note_is_not_manual_work():
    assert severity("SM220") is Severity.NOTE
    assert severity("SM203") is Severity.MANUAL
    assert severity("SM002") is Severity.ERROR


HARDCODED_NAMES = """import tensorflow as tf

def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})
"""


def test_summary_counts_only_manual_work(tmp_path, capsys):
    """A note (SM220: rewritten with `.prune`) is reported, but the summary says no manual work."""
    f = tmp_path / "client.py"
    f.write_text(HARDCODED_NAMES)
    assert main(["rewrite", "--diff", "--only", "native-load", str(f)]) == 1
    err = capsys.readouterr().err
    assert " SM220 " in err
    assert "1 would be rewritten, 0 sites need manual work, 0 failed" in err
    f.write_text(HARDCODED_NAMES.replace('feed_dict={"x:0": batch}', "feed_dict=feeds"))
    assert main(["rewrite", "--diff", "--only", "native-load", str(f)]) == 1
    err = capsys.readouterr().err
    assert " SM203 " in err and "1 site needs manual work" in err
