"""Case files: ``tests/cases/<codemod>/<case>.py`` = input, ``# output``, expected output,
optionally ``# diagnostics`` followed by ``# L:C: SMnnn message-fragment`` lines.

A case without ``# output`` must come out unchanged. A first line ``# codemods: a, b`` runs those
codemods (in registry order) instead of just the folder's one. The docs' pattern catalogue is
generated from these files too (`docs/gen_catalogue.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

CASES = Path(__file__).parent / "cases"
_DIAG = re.compile(r"^# (\d+):(\d+): (SM\d{3}) (.*)$")


@dataclass
class Case:
    path: Path
    codemods: tuple[str, ...]
    source: str
    expected: str
    diagnostics: list[tuple[int, int, str, str]] = field(default_factory=list)
    title: str = ""

    @property
    def id(self) -> str:
        return f"{self.path.parent.name}/{self.path.stem}"


def load_case(path: Path) -> Case:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    codemods = (path.parent.name.replace("_", "-"),)
    if lines and lines[0].startswith("# codemods:"):
        codemods = tuple(n.strip() for n in lines[0].split(":", 1)[1].split(",") if n.strip())
        lines = lines[1:]
    diagnostics = []
    if any(line.rstrip("\r\n") == "# diagnostics" for line in lines):
        at = max(i for i, line in enumerate(lines) if line.rstrip("\r\n") == "# diagnostics")
        for line in lines[at + 1 :]:
            match = _DIAG.match(line.rstrip("\r\n"))
            if match:
                diagnostics.append((int(match[1]), int(match[2]), match[3], match[4]))
            elif line.strip():
                raise ValueError(f"{path}: bad diagnostics line {line!r}")
        lines = lines[:at]
    marker = [i for i, line in enumerate(lines) if line.rstrip("\r\n") == "# output"]
    if marker:
        source = "".join(lines[: marker[0]])
        expected = "".join(lines[marker[0] + 1 :])
    else:
        source = expected = "".join(lines)
    title = ""
    first = source.lstrip().splitlines()[0] if source.strip() else ""
    if first.startswith("# "):
        title = first[2:].strip()
    return Case(path, codemods, source, expected, diagnostics, title)


def all_cases() -> list[Case]:
    return [load_case(p) for p in sorted(CASES.glob("*/*.py"))]
