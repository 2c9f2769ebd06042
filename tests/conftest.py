"""Shared pytest fixtures, and the `tf` marker put on every test that needs TensorFlow.

A test is marked `tf` (so `pytest -m "not tf"` runs without TensorFlow installed) when it uses
the `tf`, `tf_serving` or `fixture_copy` fixture; when it, or a fixture it uses, calls
`pytest.importorskip("tensorflow")` or refers to a part of smmigrate that needs TensorFlow
installed (`smmigrate.models`, `smmigrate._proto`, whose schemas ship with TensorFlow, and
`smmigrate.inspect_model`); or when its module imports TensorFlow or one of the test helpers that
run it (`progrun`, the program runner; `_graphgen` and `_helpers_models`, which build TF
artifacts). Nothing is marked by hand: a new test is classified by what it uses.

`tf_serving` finds the TensorFlow Serving test artifacts (read-only) at ``../shared/fixtures``
or at ``$SMMIGRATE_FIXTURES``; tests that need them skip with the reason when the folder is
absent. `fixture_copy(name)` copies one into a temporary folder, because nothing may write into
the shared originals.
"""

from __future__ import annotations

import inspect
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FIXTURES = ROOT.parent / "shared" / "fixtures"


TF_FIXTURES = frozenset({"tf", "tf_serving", "fixture_copy"})
TF_HELPERS = frozenset({"progrun", "_graphgen", "_helpers_models"})  # tests/ modules that run or import TensorFlow


TF_LIBRARY = ("smmigrate.models", "smmigrate._proto", "smmigrate.inspect_model")  # need TensorFlow installed


def _origin(value) -> str | None:
    name = value.__name__ if inspect.ismodule(value) else getattr(value, "__module__", None)
    return name if isinstance(name, str) else None


def _module_needs_tf(module) -> bool:
    for value in vars(module).values():
        name = _origin(value)
        if name is not None and (name.split(".")[0] == "tensorflow" or name in TF_HELPERS):
            return True
    return False


def _names_used(code) -> set[str]:
    """Global and attribute names a function's code (and the code nested in it) refers to."""
    names = set(code.co_names)
    for const in code.co_consts:
        if inspect.iscode(const):
            names |= _names_used(const)
    return names


def _constants(code) -> set[object]:
    found = {c for c in code.co_consts if isinstance(c, str)}
    for const in code.co_consts:
        if inspect.iscode(const):
            found |= _constants(const)
    return found


def _uses_tf_library(function, module) -> bool:
    names = _names_used(function.__code__)
    if "importorskip" in names and "tensorflow" in _constants(function.__code__):  # importorskip("tensorflow")
        return True
    if any(name.startswith(TF_LIBRARY) for name in names):  # `from smmigrate.models import ...` inside the test
        return True
    if "smmigrate" in names and names & {lib.rsplit(".", 1)[1] for lib in TF_LIBRARY}:  # `from smmigrate import _proto`
        return True
    for name in names:
        origin = _origin(vars(module).get(name))
        if origin is not None and origin.startswith(TF_LIBRARY):
            return True
    return False


def needs_tf(item: pytest.Item) -> bool:
    """Whether `item` needs TensorFlow (see the module docstring)."""
    if TF_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    module = getattr(item, "module", None)
    if module is None:
        return False
    function = getattr(item, "function", None)
    if _module_needs_tf(module) or (function is not None and _uses_tf_library(function, module)):
        return True
    # the fixtures it uses, by the same rules (e.g. a fixture that builds artifacts with TensorFlow)
    info = getattr(item, "_fixtureinfo", None)
    for defs in info.name2fixturedefs.values() if info is not None else ():
        for fixturedef in defs:
            func = getattr(fixturedef, "func", None)
            home = inspect.getmodule(func) if func is not None else None
            if func is not None and home is not None and _uses_tf_library(func, home):
                return True
    return False


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if needs_tf(item):
            item.add_marker(pytest.mark.tf)


def fixtures_root() -> Path:
    return Path(os.environ.get("SMMIGRATE_FIXTURES", DEFAULT_FIXTURES))


@pytest.fixture(scope="session")
def tf_serving() -> Path:
    path = fixtures_root() / "tf-serving"
    if not path.is_dir():
        pytest.skip(
            f"TF Serving fixtures not found at {path} (set SMMIGRATE_FIXTURES to the folder holding tf-serving/)"
        )
    return path


@pytest.fixture
def fixture_copy(tf_serving, tmp_path):
    """Return a function copying a tf-serving fixture folder into tmp_path (writable)."""

    def copy(name: str) -> Path:
        src = tf_serving / name
        if not src.exists():
            pytest.skip(f"fixture {name} missing under {tf_serving}")
        dst = tmp_path / name
        shutil.copytree(src, dst)
        for p in [dst, *dst.rglob("*")]:
            p.chmod(p.stat().st_mode | 0o200)
        return dst

    return copy


@pytest.fixture(scope="session")
def tf():
    """TensorFlow, imported once per test session (tests needing it are skipped without it)."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    return pytest.importorskip("tensorflow")
