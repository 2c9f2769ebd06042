"""`codemods._positions.LazyPositions`: positions computed one statement at a time are libcst's
`PositionProvider` positions, for every node of the corpus, the case files (inputs and outputs) and
hand-written awkward layouts; and a codemod's diagnostics come out the same with and without them."""

from __future__ import annotations

import random
from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from smmigrate.codemods import _base
from smmigrate.codemods._positions import LazyPositions
from smmigrate.codemods._walk import parents
from smmigrate.rewrite import rewrite_source

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*(ROOT / "tests" / "corpus").rglob("*.py"), *(ROOT / "tests" / "cases").rglob("*.py")])

AWKWARD = [
    "x = 1; y = (\n  2\n)\n\n\n# comment\n@dec\n\n@dec2(\n  1)\nasync def f(a,\n      b):\n    '''doc'''\n"
    "    if a:\n\tpass\n    else:\n        return (\n b)\n",
    "class C:\n  def m(self):\n     with a as b, \\\n       c:\n          for i in x: y = i; z = 2\n"
    "     while q:\n         break\n     else:\n         pass\n",
    "try:\n    a = 1\nexcept E as e:\n    b = 2\nelse:\n    c = 3\nfinally:\n    d = 4\n",
    "if a: b = 1\nelif c:\n    d = 2\nelse:\n    e = 3\n",
    "match p:\n    case [1, *rest]:\n        pass\n",
    "def f():\n    pass\n# trailing comment\n",
    "\n\n# header\nimport os\r\nx = [\r\n 1]\r\ndef g():\r\n    return x\r\n",
    "x = 'é' ; y = \"ü\"\ndef h():\n    z = 'ä'; return z\n",
    "def f():\n    def g():\n        async def h():\n            async with a:\n                async for i in b:\n"
    "                    yield i\n",
    "(\n a\n)\n(b\n).c = 1\n",
]


def _full(module: cst.Module) -> dict:
    return MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)


def _sources():
    yield from AWKWARD
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        if path.parts[-3] == "cases" and "\n# output\n" in text:
            before, after = text.split("\n# output\n", 1)
            yield before + "\n"
            yield after.split("\n# diagnostics\n", 1)[0]
        else:
            yield text


def _parses(source: str) -> bool:
    try:
        cst.parse_module(source)
    except cst.ParserSyntaxError:  # a case file input that is deliberately not Python 3
        return False
    return True


@pytest.mark.parametrize("source", [s for s in _sources() if _parses(s)])
def test_lazy_positions_are_libcsts(source: str) -> None:
    module = cst.parse_module(source)
    full = _full(module)
    up = parents(module)
    lazy = LazyPositions(module, source, lambda: up)
    nodes = list(up)
    random.Random(len(source)).shuffle(nodes)  # any order of questions
    for node in nodes:
        assert lazy.get(node) == full.get(node), (type(node).__name__, source)
    # one question per fresh table: each statement generated alone
    for node in nodes[:8]:
        fresh = LazyPositions(module, source, lambda: up)
        assert fresh.get(node) == full.get(node)
        assert (node in fresh) == (node in full)
    assert lazy.get(cst.Name("not_in_the_tree")) is None


def test_unplaceable_nodes_fall_back_to_the_whole_table() -> None:
    source = "# header\nx = 1\n"
    module = cst.parse_module(source)
    up = parents(module)
    lazy = LazyPositions(module, source, lambda: up)
    assert lazy.get(module.header[0]) == _full(module)[module.header[0]]
    assert lazy._full
    wrong = LazyPositions(module, "# header\nx = 2\n", lambda: up)  # a line that is not the tree's
    assert wrong.get(module.body[0]) == _full(module)[module.body[0]]
    assert wrong._full


def test_diagnostics_the_same_without_lazy_positions(monkeypatch) -> None:
    sources = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "corpus").rglob("*.py"))]
    lazy = [rewrite_source(s) for s in sources]
    assert any(diagnostics for _, diagnostics in lazy)
    monkeypatch.setattr(_base.SharedMetadata, "code_of", lambda self, wrapper: None)
    whole = [rewrite_source(s) for s in sources]
    assert lazy == whole


@pytest.mark.parametrize("path", SOURCES[::3], ids=lambda p: p.parent.name + "/" + p.name)
def test_scopes_are_libcsts(path: Path) -> None:
    """`_base.scopes` (no batched visits, contexts by the read-only walk) is libcst's ScopeProvider."""
    from libcst.metadata import ScopeProvider

    module = cst.parse_module(path.read_text(encoding="utf-8").split("\n# output\n", 1)[0] + "\n")
    theirs = MetadataWrapper(module, unsafe_skip_copy=True).resolve(ScopeProvider)
    ours = _base.scopes(module)
    assert set(ours) == set(theirs)

    def summary(scope):
        if scope is None:
            return None
        return (
            type(scope).__name__,
            sorted((a.name, type(a.node).__name__) for a in scope.assignments),
            sorted(a.node.value for a in scope.accesses if isinstance(a.node, cst.Name)),
        )

    for node, scope in theirs.items():
        assert summary(ours[node]) == summary(scope)
        if isinstance(node, cst.Name) and scope is not None:
            assert ours[node].get_qualified_names_for(node) == scope.get_qualified_names_for(node)


def test_dedupe_copies_only_reused_nodes() -> None:
    from smmigrate.codemods._walk import dedupe, unique_parents

    module = cst.parse_module("f(a, b, c)\ng(d)\n")
    assert dedupe(module) is module  # nothing reused: the same tree
    call = module.body[0].body[0].value
    comma = call.args[0].comma
    blank = cst.EmptyLine()
    reused = module.with_changes(
        body=[
            module.body[0].with_changes(
                body=[module.body[0].body[0].with_changes(value=call.with_changes(args=[*call.args[:2], call.args[0]]))]
            ),
            module.body[1].with_changes(leading_lines=[blank, blank]),
            module.body[1],
        ]
    )
    assert unique_parents(reused) is None
    fixed = dedupe(reused)
    assert fixed.code == reused.code == "f(a, b, a, )\n\n\ng(d)\ng(d)\n"
    assert unique_parents(fixed) is not None
    kept = fixed.body[0].body[0].value.args
    assert kept[0].comma is comma and kept[1] is call.args[1]  # first occurrences are the originals
    assert kept[2] is not call.args[0] and fixed.body[2] is not module.body[1]
    assert fixed.body[1].leading_lines[0] is blank and fixed.body[1].leading_lines[1] is not blank
