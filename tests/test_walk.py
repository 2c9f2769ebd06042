"""`codemods._walk`: the read-only walk calls the same hooks on the same nodes in the same order as
libcst's own traversal, and `parents` is libcst's ParentNodeProvider mapping."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, ParentNodeProvider

from smmigrate.codemods._walk import parents, unique_parents, walk

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*(ROOT / "tests" / "corpus").rglob("*.py"), *(ROOT / "tests" / "cases").rglob("*.py")])
NODE_TYPES = [n for n, o in vars(cst).items() if isinstance(o, type) and issubclass(o, cst.CSTNode)]

EXTRA = """
x = f"{a!r:>{width}.{prec}f} {b=}"
async def f(*, k: int = 1, **kw) -> None:
    async with a as (b, c):
        await g(*args, **kw)
    return [i async for i in h() if i] or {k: v for k, v in d.items()}
match p:
    case [1, *rest] | {"k": _} if rest:
        pass
lambda q, /, r=2: q if r else -q
"""


def _everything(log: list) -> cst.CSTVisitor:
    """A visitor with a visit_/leave_ method for every node class (so no node is skipped)."""
    ns = {}
    for name in NODE_TYPES:
        ns[f"visit_{name}"] = lambda self, node: log.append(("visit", id(node)))
        ns[f"leave_{name}"] = lambda self, node: log.append(("leave", id(node)))
    return type("Everything", (cst.CSTVisitor,), ns)()


class _Some(cst.CSTVisitor):
    """A few hooks, one of which prunes: whitespace and punctuation are never entered."""

    def __init__(self, log: list) -> None:
        super().__init__()
        self.log = log

    def visit_Name(self, node: cst.Name) -> None:
        self.log.append(("name", id(node)))

    def visit_Call(self, node: cst.Call) -> bool:
        self.log.append(("call", id(node)))
        return len(node.args) != 1  # children skipped for one-argument calls

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.log.append(("leave def", id(node)))


def _modules():
    yield "extra", cst.parse_module(EXTRA)
    for path in SOURCES:
        try:
            yield path.name, cst.parse_module(path.read_text(encoding="utf-8"))
        except (cst.ParserSyntaxError, UnicodeDecodeError):
            continue


def test_walk_matches_libcst_traversal() -> None:
    checked = 0
    for name, module in _modules():
        for make in (_everything, _Some):
            ours: list = []
            theirs: list = []
            module.visit(make(theirs))
            walk(module, make(ours))
            assert ours == theirs, name
        checked += 1
    assert checked > 50


def test_parents_match_libcst_provider() -> None:
    for name, module in _modules():
        expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(ParentNodeProvider)
        found = parents(module)
        assert found.keys() == expected.keys(), name
        assert all(found[k] is v for k, v in expected.items()), name


def test_attribute_hooks_fall_back_to_libcst() -> None:
    seen: list[str] = []

    class Hooked(cst.CSTVisitor):
        def visit_Call_func(self, node: cst.Call) -> None:
            seen.append("func")

    walk(cst.parse_module("f(x)\ng(y)\n"), Hooked())
    assert seen == ["func", "func"]


@pytest.mark.parametrize("code", ["", "x = 1\n", "# only a comment\n"])
def test_small_modules(code: str) -> None:
    log: list = []
    theirs: list = []
    module = cst.parse_module(code)
    walk(module, _everything(log))
    module.visit(_everything(theirs))
    assert log == theirs and log[0] == ("visit", id(module))


def test_unique_parents_finds_reused_nodes() -> None:
    module = cst.parse_module("x = f(a)\ny = 2\n")
    assert unique_parents(module) == parents(module)
    stmt = module.body[0]
    reused = module.with_changes(body=[stmt, stmt])  # one statement object twice
    assert unique_parents(reused) is None
    name = cst.Name("n")
    call = cst.Call(func=name, args=[cst.Arg(name)])
    assert unique_parents(cst.Module([cst.SimpleStatementLine([cst.Expr(call)])])) is None


def test_rewrite_path_does_not_import_libcst_matchers() -> None:
    """`libcst.matchers` costs ~0.25 s of start-up: nothing on the rewrite path imports it."""
    import subprocess
    import sys

    code = (
        "import sys, smmigrate.rewrite, smmigrate.codemods; "
        "smmigrate.rewrite.rewrite_source('import tensorflow as tf\\n'); "
        "print('libcst.matchers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"
