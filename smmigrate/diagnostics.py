"""Diagnostics: what `rewrite` reports for a site it could not (or would not) migrate.

Every diagnostic has a stable code (``SMnnn``), a position, and a message that says why and what
to do next. Each code's title, what to do and severity are kept once, in `smmigrate.codes`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from .codes import codes_of

# code -> title of every code in use: the engine's file-level codes, then the codes of each
# registered codemod (added through ``register_codes`` when smmigrate.codemods is imported).
CODES: dict[str, str] = codes_of(None)


def register_codes(codes: dict[str, str]) -> None:
    for code, title in codes.items():
        existing = CODES.get(code)
        if existing is not None and existing != title:
            raise ValueError(f"diagnostic code {code} registered twice with different titles")
        CODES[code] = title


@dataclass(frozen=True)
class Diagnostic:
    """One site needing manual work, a note about a rewrite, or a file-level problem (see `codes.severity`)."""

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
