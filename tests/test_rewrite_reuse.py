"""The engine's reuse of analyses (benchmarks/README.md, corpus150): at `-j 1` a file whose facts were
collected before its rewrite keeps its tree for it; the output must be what a fresh parse gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smmigrate import rewrite

CORPUS = Path(__file__).resolve().parent / "corpus"


def _tree(tmp: Path) -> Path:
    # programs that both export and load (their facts are collected before they are rewritten)
    picked = [p for p in sorted(CORPUS.iterdir()) if p.is_dir() and _both(p)][:4]
    assert picked, "the corpus has programs that export and load"
    for program in picked:
        shutil.copytree(program, tmp / program.name)
    return tmp


def _both(program: Path) -> bool:
    text = "".join(f.read_text(encoding="utf-8") for f in program.rglob("*.py"))
    return "load" in text and ("simple_save" in text or "Builder" in text)


def _run(root: Path) -> tuple[dict[str, str], list]:
    results = list(rewrite.rewrite_paths([str(root)], rewrite.RewriteOptions(), jobs=1))
    texts = {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.py"))}
    report = sorted(
        (str(Path(r.path).relative_to(root)), r.status, [{**d.to_json(), "path": None} for d in r.diagnostics])
        for r in results
    )
    return texts, report


def test_kept_trees_give_the_fresh_parse_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = _tree(tmp_path / "kept")
    fresh = _tree(tmp_path / "fresh")
    used: list = []
    real_pop = dict.pop

    class Spy(dict):
        def pop(self, key, default=None):
            found = real_pop(self, key, default)
            if found is not None:
                used.append(key)
            return found

    monkeypatch.setattr(rewrite, "_ANALYSED", Spy())
    with_reuse = _run(kept)
    assert used, "no kept tree was reused"
    assert not rewrite._ANALYSED  # nothing left behind after the run
    monkeypatch.setattr(rewrite, "_ANALYSED_MAX", 0)
    assert _run(fresh) == with_reuse
