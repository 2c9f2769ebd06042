"""Jupyter notebooks for `rewrite`: the code cells as one Python module, and back.

Code cells are joined (so an import in cell 1 resolves a name used in cell 5) with a marker
comment before each cell. IPython-only lines (``%magic``, ``!shell``, ``x = !cmd``, ``obj?``) are
swapped for placeholder statements while the codemods run and restored afterwards; cells starting
with a ``%%`` cell magic are not Python and are left out. Everything else in the notebook (outputs,
metadata, markdown cells, key order, indentation of the JSON) is kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from .errors import SmmigrateError

_MARKER = "# smmigrate-cell {index} -- do not edit"
_MARKER_RE = re.compile(r"^# smmigrate-cell (\d+) -- do not edit$")
_PLACEHOLDER = "__smmigrate_ipython_line__({index})"
_PLACEHOLDER_RE = re.compile(r"__smmigrate_ipython_line__\((\d+)\)")
# cell magics whose body is ordinary Python run in the kernel's namespace
_PYTHON_CELL_MAGICS = {"time", "timeit", "capture", "prun", "debug"}
_IPYTHON_LINE = re.compile(r"^\s*(?:[%!]|[\w.]+\s*=\s*[%!])|\?\s*$")  # includes the %%time line


class NotebookError(SmmigrateError):
    pass


@dataclass
class CellMapping:
    index: int  # index into notebook["cells"]
    number: int  # 1-based number among all cells, as Jupyter users count them
    start_line: int  # first line of the cell's code in the joined module (1-based)
    line_count: int


def _cell_source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _set_cell_source(cell: dict, text: str) -> None:
    if isinstance(cell.get("source"), list):
        cell["source"] = text.splitlines(keepends=True)
    else:
        cell["source"] = text


def _detect_indent(raw: str) -> int | None:
    for line in raw.splitlines()[1:3]:
        stripped = line.lstrip(" ")
        if stripped.startswith('"'):
            return len(line) - len(stripped)
    return None


def rewrite_notebook(
    data: bytes, path: str, transform: Callable[[str, list[CellMapping]], tuple[str, list]]
) -> tuple[bytes, list, list[CellMapping]]:
    """Apply `transform` ((source, cell mapping) -> (new source, diagnostics)) to the notebook's code cells.

    Returns the new notebook bytes (identical to `data` when nothing changed), the diagnostics
    (lines in joined-module coordinates) and the cell mapping to translate them.
    """
    try:
        raw = data.decode("utf-8")
        nb = json.loads(raw)
        cells = nb["cells"]
        if not isinstance(cells, list):
            raise TypeError("cells is not a list")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise NotebookError(
            f"{path}: not a valid notebook ({exc.__class__.__name__}: {exc}); fix or exclude it"
        ) from None

    ipython_lines: list[str] = []
    chunks: list[str] = []
    mapping: list[CellMapping] = []
    line = 1
    for index, cell in enumerate(cells):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        src = _cell_source(cell)
        lines = src.split("\n")
        if src.lstrip().startswith("%%"):
            magic = src.lstrip()[2:].split(None, 1)[0] if src.lstrip()[2:].strip() else ""
            if magic not in _PYTHON_CELL_MAGICS or not lines[0].lstrip().startswith("%%"):
                continue  # %%bash, %%writefile, ...: not Python for this kernel
        for i, text in enumerate(lines):
            if _IPYTHON_LINE.search(text) and not text.lstrip().startswith("#"):
                indent = text[: len(text) - len(text.lstrip())]
                lines[i] = indent + _PLACEHOLDER.format(index=len(ipython_lines))
                ipython_lines.append(text)
        body = "\n".join(lines)
        if body.endswith("\n"):
            body = body[:-1]  # the cell's final newline is restored from the original on the way back
        chunks.append(_MARKER.format(index=index) + "\n" + body + "\n")
        mapping.append(CellMapping(index, index + 1, line + 1, body.count("\n") + 1))
        line += 2 + body.count("\n")
    if not chunks:
        return data, [], mapping

    joined = "".join(chunks)
    new_joined, diagnostics = transform(joined, mapping)
    if new_joined == joined:
        return data, diagnostics, mapping

    # Split back by markers; every marker must have survived, in order.
    new_sources: dict[int, list[str]] = {}
    current: int | None = None
    for text in new_joined.split("\n"):
        marker = _MARKER_RE.match(text)
        if marker:
            current = int(marker.group(1))
            new_sources[current] = []
        elif current is not None:
            new_sources[current].append(text)
        elif text.strip():
            raise NotebookError(f"{path}: the rewrite moved code across notebook cells; notebook left unchanged")
    if current is not None and new_sources[current] and new_sources[current][-1] == "":
        new_sources[current].pop()  # the joined module's final newline
    if list(new_sources) != [c.index for c in mapping]:
        raise NotebookError(f"{path}: the rewrite moved code across notebook cells; notebook left unchanged")

    seen: list[int] = []
    for cell_map in mapping:
        cell = cells[cell_map.index]
        old = _cell_source(cell)
        text = "\n".join(new_sources[cell_map.index]) + ("\n" if old.endswith("\n") else "")

        def restore(match: re.Match) -> str:
            n = int(match.group(1))
            seen.append(n)
            return ipython_lines[n].lstrip()

        text = re.sub(r"(?<![\w.])" + _PLACEHOLDER_RE.pattern, restore, text)
        if text != old and not old.startswith("\n"):
            text = text.lstrip("\n")  # blank lines the rewrite put before a definition that now opens the cell
        if text != old and not old.endswith("\n\n"):  # ... or after one that now ends it
            text = text.rstrip("\n") + ("\n" if old.endswith("\n") and text.strip() else "")
        if text != old:
            _set_cell_source(cell, text)
    if sorted(seen) != list(range(len(ipython_lines))):
        raise NotebookError(f"{path}: the rewrite would drop IPython magics or shell lines; notebook left unchanged")

    json_indent = _detect_indent(raw)
    out = json.dumps(nb, indent=json_indent if json_indent is not None else 1, ensure_ascii=False)
    if raw.endswith("\n"):
        out += "\n"
    return out.encode("utf-8"), diagnostics, mapping


def locate(mapping: list[CellMapping], line: int) -> tuple[int | None, int]:
    """Joined-module line -> (cell number, line within the cell)."""
    for cell in mapping:
        if cell.start_line <= line < cell.start_line + cell.line_count:
            return cell.number, line - cell.start_line + 1
    return None, line
