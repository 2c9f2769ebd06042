"""docs/catalogue.md is generated from the case files and must match them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("gen_catalogue", ROOT / "docs" / "gen_catalogue.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_catalogue_is_up_to_date():
    gen = _generator()
    current = gen.OUTPUT.read_text(encoding="utf-8") if gen.OUTPUT.exists() else ""
    assert current == gen.render(), "docs/catalogue.md is stale: run `python docs/gen_catalogue.py`"


def test_catalogue_lists_every_case():
    gen = _generator()
    text = gen.render()
    for case in gen.all_cases():
        assert f"`tests/cases/{case.path.parent.name}/{case.path.name}`" in text
