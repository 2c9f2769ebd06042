"""Every case file under tests/cases/ (see tests/casefiles.py): exact output, diagnostics,
output parses, and a second run changes nothing."""

from __future__ import annotations

import ast

import pytest
from casefiles import all_cases

from smmigrate.rewrite import rewrite_source

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case):
    out, diagnostics = rewrite_source(case.source, only=case.codemods)
    assert out == case.expected
    ast.parse(case.expected)
    got = [(d.line, d.col, d.code) for d in diagnostics]
    want = [(line, col, code) for line, col, code, _ in case.diagnostics]
    assert got == want, "\n".join(d.format(case.id) for d in diagnostics)
    for d, (_, _, _, fragment) in zip(diagnostics, case.diagnostics, strict=True):
        assert fragment in d.message, f"{d.message!r} does not contain {fragment!r}"
    again, _ = rewrite_source(out, only=case.codemods)
    assert again == out, "second run changed the output (not idempotent)"


def test_every_codemod_has_cases():
    from smmigrate.codemods import REGISTRY

    covered = {c.path.parent.name.replace("_", "-") for c in CASES}
    assert set(REGISTRY) <= covered, f"codemods without case files: {set(REGISTRY) - covered}"
