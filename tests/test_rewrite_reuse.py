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


def test_a_withheld_rerun_starts_from_the_first_runs_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """A module that stays in TF1 compatibility mode is rewritten again without the eager codemods
    (SM121); the rerun reuses the first run's tree and analyses, and gives what a fresh parse gives."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from casefiles import load_case

    cases = sorted((Path(__file__).resolve().parent / "cases" / "compat_mode").glob("*.py"))
    withheld = [c for c in map(load_case, cases) if any(code == "SM121" for _, _, code, _ in c.diagnostics)]
    assert withheld, "case files with a withheld rewrite (SM121)"
    real_parse, real_run = rewrite._parse, rewrite._run_codemods
    parses: list[str] = []

    def counted(code: str):
        parses.append(code)
        return real_parse(code)

    def without_reuse(*args, **kwargs):
        return real_run(*args, **{**kwargs, "first": None})

    for case in withheld:
        parses.clear()
        monkeypatch.setattr(rewrite, "_parse", counted)
        reused = rewrite.rewrite_source(case.source, only=case.codemods)
        assert any(d.code == "SM121" for d in reused[1])
        assert parses and len(parses) == len(set(parses)), "the rerun parsed the same code again"
        monkeypatch.setattr(rewrite, "_run_codemods", without_reuse)
        parses.clear()
        assert rewrite.rewrite_source(case.source, only=case.codemods) == reused
        assert len(parses) > len(set(parses))  # without the reuse the same code is parsed twice
        monkeypatch.setattr(rewrite, "_run_codemods", real_run)
