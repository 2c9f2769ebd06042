"""docs/guide.md stays in step with the code: every sub-command, every flag, every diagnostic code.

Flags are read from the real argparse parser (`smmigrate.cli.build_parser()`) and must be named in
the section of their own command; codes come from `smmigrate.diagnostics.CODES` after the codemods
have registered theirs, and each must have a row (with what to do) in a diagnostic table. Adding a
flag, a sub-command or a code without documenting it fails here.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from smmigrate.cli import build_parser

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "guide.md"


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def _section(text: str, command: str) -> str:
    m = re.search(rf"^### `smmigrate {re.escape(command)}`\n(.*?)(?=^##)", text, re.M | re.S)
    assert m, f"docs/guide.md has no '### `smmigrate {command}`' section"
    return m.group(1)


def _documented(section: str, token: str) -> bool:
    # as a whole token: `--tags` must not count as documented because `--tags-file` is
    return re.search(rf"(?<![\w-]){re.escape(token)}(?![\w-])", section) is not None


@pytest.mark.parametrize("command", sorted(_subparsers()))
def test_every_flag_is_in_its_commands_section(command):
    section = _section(GUIDE.read_text(encoding="utf-8"), command)
    sub = _subparsers()[command]
    missing = []
    for action in sub._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if action.option_strings:
            missing += [o for o in action.option_strings if not _documented(section, o)]
        else:  # positional arguments by the name --help shows
            name = action.metavar or action.dest
            if not _documented(section, name):
                missing.append(name)
    assert not missing, f"docs/guide.md, section `smmigrate {command}`, does not mention: {', '.join(missing)}"


def test_every_diagnostic_code_has_a_row_with_what_to_do():
    import smmigrate.codemods  # noqa: F401 - registers the codemods' codes
    from smmigrate.diagnostics import CODES

    text = GUIDE.read_text(encoding="utf-8")
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| (SM\d{3}) \|.*$", text, re.M)}
    missing = sorted(set(CODES) - set(rows))
    assert not missing, f"docs/guide.md has no diagnostic table row for {', '.join(missing)}"
    for code, row in rows.items():
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert len(cells) >= 3 and all(cells[:3]), f"{code}: the row needs a meaning and what to do: {row}"
    stale = sorted(set(rows) - set(CODES))
    assert not stale, f"docs/guide.md documents codes no codemod registers: {', '.join(stale)}"


def test_every_codemod_is_named():
    from smmigrate.codemods import REGISTRY

    section = _section(GUIDE.read_text(encoding="utf-8"), "rewrite")
    missing = [name for name in REGISTRY if f"`{name}`" not in section]
    assert not missing, f"docs/guide.md, section `smmigrate rewrite`, does not name codemod(s) {', '.join(missing)}"


def test_links_point_to_files_that_exist():
    text = GUIDE.read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # code, where `sig[key](**inputs)` is no link
    text = re.sub(r"`[^`\n]*`", "", text)
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
        if "://" in target:
            continue
        assert (GUIDE.parent / target).exists(), f"docs/guide.md links to missing {target}"
