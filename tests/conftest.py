"""Shared pytest fixtures.

`tf_serving` finds the TensorFlow Serving test artifacts (read-only) at ``../shared/fixtures``
or at ``$SMMIGRATE_FIXTURES``; tests that need them skip with the reason when the folder is
absent. `fixture_copy(name)` copies one into a temporary folder, because nothing may write into
the shared originals.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FIXTURES = ROOT.parent / "shared" / "fixtures"


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
