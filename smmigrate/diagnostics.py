"""Diagnostics: what `rewrite` reports for a site it could not (or would not) migrate.

Every diagnostic has a stable code (``SMnnn``), a position, and a message that says why and what
to do next. The codes are listed once here so the CLI, the docs and the codemods agree on them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

# code -> (short title, what the user should do). Codemods add their own codes to this table
# through ``register_codes`` so that ``--list-codemods`` and the docs can show them.
CODES: dict[str, str] = {
    "SM001": "file could not be read or decoded",
    "SM002": "file does not parse as Python 3; left unchanged",
    "SM003": "the rewritten code would not parse; file left unchanged (please report this)",
    "SM004": "notebook is not valid JSON / nbformat; left unchanged",
    "SM005": "internal error in a codemod; file left unchanged (please report this)",
    "SM006": "too deeply nested to rewrite safely; file left unchanged",
    "SM007": "a codemod would leave a name undefined; its change to this file was not applied (please report this)",
}


def register_codes(codes: dict[str, str]) -> None:
    for code, title in codes.items():
        existing = CODES.get(code)
        if existing is not None and existing != title:
            raise ValueError(f"diagnostic code {code} registered twice with different titles")
        CODES[code] = title


@dataclass(frozen=True)
class Diagnostic:
    """One site needing manual work (or a file-level problem)."""

    code: str
    message: str
    line: int = 1
    col: int = 1  # 1-based, like compilers print it
    path: str = ""
    # another place the message is about (native-load: the load call a later use blocks); the
    # engine maps it like `line` (through earlier rewrites, into notebook cells)
    related_line: int | None = None
    related_cell: int | None = None

    def format(self, path: str | None = None) -> str:
        return f"{path or self.path}:{self.line}:{self.col}: {self.code} {self.message}{self._related()}"

    def _related(self) -> str:
        if self.related_line is None:
            return ""
        if self.related_cell is not None:
            return f" (see cell {self.related_cell}, line {self.related_line})"
        return f" (see line {self.related_line})"

    def with_path(self, path: str) -> Diagnostic:
        return replace(self, path=path)

    def to_json(self) -> dict:
        return asdict(self)
