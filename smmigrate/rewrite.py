"""The `rewrite` engine: find files, run the codemods on each, write atomically, report.

Per file: read bytes; skip unless they mention ``saved_model`` (every use of these APIs does);
parse once with libcst (bytes in, bytes out, so the PEP 263 encoding and line endings survive);
run the selected codemods in order; check that the result parses; write it with a temporary file
and a rename. Results are small pickleable values (`FileResult`), so `--jobs` and JSON reports
fall out naturally. Never imports TensorFlow.
"""

from __future__ import annotations

import ast
import contextlib
import difflib
import fnmatch
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, overload

import libcst as cst

from .codemods import _tfscope
from .codemods._facts import ConstantsFact, HelperFact, InlinedHelper, RunFiles, module_files
from .diagnostics import Diagnostic
from .fsutil import atomic_write_bytes

if TYPE_CHECKING:
    from .codemods._base import SavedModelCodemod

MARKER = b"saved_model"  # the default file marker of a codemod (see SavedModelCodemod.FILE_MARKERS)
SKIP_DIRS = {
    ".git",
    ".hg",
    ".svn",
    ".tox",
    ".nox",
    ".venv",
    "venv",
    ".eggs",
    "__pycache__",
    "build",
    "dist",
    "node_modules",
    ".ipynb_checkpoints",
    ".mypy_cache",
    ".pytest_cache",
    "site-packages",
}
SUFFIXES = (".py", ".ipynb")

UNCHANGED, CHANGED, FAILED = "unchanged", "changed", "failed"


@dataclass(frozen=True)
class RewriteOptions:
    only: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    write: bool = True  # False for --diff / --check
    diff: bool = False
    exclude: tuple[str, ...] = ()


@dataclass
class FileResult:
    path: str
    status: str = UNCHANGED  # unchanged | changed | failed
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    diff: str | None = None
    parsed: bool = False  # False when the file was skipped by the cheap `saved_model` filter
    facts: list = field(default_factory=list)  # this file's own facts, when it was rewritten alone
    # "native" / "compat" for a module that imports TensorFlow (see codemods/compat_mode.py), else None
    mode: str | None = None
    imports: list = field(default_factory=list)  # (module, level, line, col) of its import statements
    eager: bool = False  # a native codemod wrote eager TF2 code into it (see _settle_modes)
    # (module path, function, line of a call): other modules' graph-building functions every call of
    # which here was inlined into a native export (native-save's package helpers, see _settle_modes)
    inlined: list = field(default_factory=list)
    # (original bytes, new bytes) of an eager module whose write waits for the modes of the whole run
    pending: tuple[bytes, bytes] | None = field(default=None, repr=False)

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "changed": self.status == CHANGED,
            "status": self.status,
            "diagnostics": [d.to_json() for d in self.diagnostics],
            "error": self.error,
            "mode": self.mode,
        }


class RewriteFailure(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


# --- line mapping: diagnostics from later codemods point at lines of the original file ----------


class _LineMap:
    """Maps line numbers of a transformed text back to the text it was made from."""

    def __init__(self, before: str, after: str) -> None:
        self._texts: tuple[str, str] | None = (before, after)
        self._ops: list = []

    def back(self, line: int) -> int:
        if self._texts is not None:  # diffed only when a later codemod reports something
            before, after = self._texts
            self._ops = difflib.SequenceMatcher(
                None, before.splitlines(), after.splitlines(), autojunk=False
            ).get_opcodes()
            self._texts = None
        idx = line - 1
        for tag, i1, i2, j1, j2 in self._ops:
            if j1 <= idx < j2:
                if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                    return i1 + (idx - j1) + 1  # unchanged, or changed in place line by line
                return i1 + 1
        for _tag, i1, _i2, j1, j2 in self._ops:  # past the last line: where lines were deleted
            if j1 == j2 == idx:
                return i1 + 1
        return line


# --- transforming source -----------------------------------------------------------------------


def _codemods(options: RewriteOptions):
    from . import codemods

    return codemods.select(options.only or None, options.skip or None)


@overload
def transform_module_source(
    source: bytes,
    classes: Sequence[type[SavedModelCodemod]],
    path: str = ...,
    project_facts: Sequence[object] | None = ...,
    facts_out: list | None = ...,
    info: dict | None = ...,
    label: Callable[[int], str] | None = ...,
) -> tuple[bytes, list[Diagnostic]]: ...
@overload
def transform_module_source(
    source: str,
    classes: Sequence[type[SavedModelCodemod]],
    path: str = ...,
    project_facts: Sequence[object] | None = ...,
    facts_out: list | None = ...,
    info: dict | None = ...,
    label: Callable[[int], str] | None = ...,
) -> tuple[str, list[Diagnostic]]: ...
def transform_module_source(
    source: bytes | str,
    classes: Sequence[type[SavedModelCodemod]],
    path: str = "<string>",
    project_facts: Sequence[object] | None = None,
    facts_out: list | None = None,
    info: dict | None = None,
    label: Callable[[int], str] | None = None,
) -> tuple[bytes | str, list[Diagnostic]]:
    """Run `classes` over `source`; returns (new source of the same type, diagnostics).

    `project_facts` are the facts collected over every file of the run (see codemods/_facts.py);
    None means "this file alone". `info`, when given, receives the module's ``mode`` ("native" /
    "compat", see codemods/compat_mode.py) and its ``imports``. `label` names a line of `source` in
    messages (notebooks: "cell N, line L"; default "line N"). Raises `RewriteFailure` when the
    input does not parse or the output would not.

    A module that ends in TF1 compatibility mode gets no eager TF2 code: when a codemod that writes
    such code (``EAGER_OUTPUT``) changed it, the module is rewritten again without those codemods
    and SM121 says why.
    """
    text, encoding = _decode(source)
    _check_syntax(text)
    active = [cls for cls in classes if _applies(cls, text)]
    label = label or (lambda line: f"line {line}")
    first: dict = {}  # the first parse of the run and its analyses, for the reruns below
    new_text, diagnostics, mode = _run_codemods(text, active, path, project_facts, facts_out, label, first=first)
    withheld: list = []
    while mode.mode == "compat":
        # until no eager rewrite is left in a module that stays in compatibility mode (withholding
        # one can leave another eager rewrite behind: a load planned against an export now TF1)
        more = [cls for cls in mode.changed if getattr(cls, "EAGER_OUTPUT", False) and cls not in withheld]
        if not more:
            break
        withheld.extend(more)
        again = [cls for cls in active if cls not in withheld]
        withheld_names = frozenset(cls.NAME for cls in withheld)
        new_text, diagnostics, mode = _run_codemods(
            text, again, path, project_facts, None, label, withheld_names, first=first
        )
    if withheld:
        names = ", ".join(cls.NAME for cls in withheld)
        line, col = mode.first_site or (1, 1)
        diagnostics.append(
            Diagnostic(
                "SM121",
                f"{names} would have migrated code in this module to eager TF2, but the module keeps TF1 graph "
                "code and so runs in TF1 compatibility mode, where eager TF2 code cannot run; that rewrite was "
                "withheld. Migrate the module's other graph code (SM120), then rerun",
                line,
                col,
            )
        )
    if info is not None:
        info["mode"] = mode.mode
        info["imports"] = mode.imports
        info["eager"] = any(getattr(cls, "EAGER_OUTPUT", False) for cls in mode.changed)
        info["inlined"] = mode.inlined
    if new_text == text:
        return source, diagnostics
    try:
        _tfscope.parse(new_text)  # the text passes may have parsed it already
    except SyntaxError as exc:
        raise RewriteFailure(
            Diagnostic(
                "SM003",
                f"the rewritten code would not parse ({exc.msg} at line {exc.lineno}); file left unchanged, "
                "please report it",
            )
        ) from None
    if isinstance(source, str):
        return new_text, diagnostics
    return new_text.encode(encoding), diagnostics


def _decode(source: bytes | str) -> tuple[str, str]:
    """(text, encoding) of a module's source; bytes are decoded by their PEP 263 cookie / BOM."""
    if isinstance(source, str):
        return source, "utf-8"
    import io
    import tokenize

    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(source).readline)
        return source.decode(encoding), encoding
    except (SyntaxError, UnicodeDecodeError, LookupError) as exc:
        raise RewriteFailure(
            Diagnostic(
                "SM001",
                f"cannot be decoded ({exc}); left unchanged: add a PEP 263 coding cookie or fix the encoding",
            )
        ) from None


def _check_syntax(source: str) -> None:
    # CPython's parser first: it is fast, its messages are the ones users know, and it rejects
    # nesting deep enough to overflow libcst's native parser's stack (a crash, not an error).
    # The text passes that run next reuse its tree.
    try:
        _tfscope.remember(source, ast.parse(source))
    except SyntaxError as syn:
        raise RewriteFailure(
            Diagnostic(
                "SM002",
                f"does not parse as Python 3 ({syn.msg}); left unchanged: fix the syntax "
                "(Python 2 code needs 2to3 first) or exclude the file with --exclude",
                syn.lineno or 1,
                syn.offset or 1,
            )
        ) from None
    except (RecursionError, MemoryError):
        raise RewriteFailure(_too_deep()) from None
    except (UnicodeDecodeError, LookupError, ValueError) as exc:
        raise RewriteFailure(
            Diagnostic(
                "SM001",
                f"cannot be decoded ({exc}); left unchanged: add a PEP 263 coding cookie or fix the encoding",
            )
        ) from None


@dataclass
class _Outcome:
    mode: str | None = None
    first_site: tuple[int, int] | None = None  # (line, col) in the original text
    imports: list = field(default_factory=list)
    changed: list = field(default_factory=list)  # codemod classes that changed the code
    inlined: list = field(default_factory=list)  # (path, function, line): other modules' helpers inlined here


def _run_codemods(
    text: str,
    classes,
    path: str,
    project_facts,
    facts_out,
    label: Callable[[int], str],
    withheld: frozenset[str] = frozenset(),
    first: dict | None = None,
) -> tuple[str, list[Diagnostic], _Outcome]:
    """Run `classes` in order over `text`: text passes on the text, the others on one libcst tree
    that is parsed only when the first of them runs (and again only after a text pass changed it).

    `first` carries the run's first parse between runs over the same module: the first run records
    its code, tree and analyses there; a rerun (codemods withheld, SM121) that parses the same code
    starts from them instead."""
    from .codemods._base import SharedMetadata

    outcome = _Outcome()
    diagnostics: list[Diagnostic] = []
    maps: list[_LineMap] = []
    code = text
    module: cst.Module | None = None
    shared = SharedMetadata()
    fresh = True
    # names already undefined in `code`: computed on the first change; None once `code` cannot be
    # checked (it does not compile), when nothing is checked any more
    undefined: set | None = _NOT_YET

    def back(line: int) -> int:
        for line_map in reversed(maps):
            line = line_map.back(line)
        return line

    for cls in classes:
        if not _triggered(cls, code):
            continue
        codemod = cls(path, project_facts if project_facts is not None else ())
        codemod.line_label = lambda line: label(back(line))  # for line numbers inside messages
        # compat-mode may drop a module's own graph-mode switch once eager TF2 code replaced its graph code
        codemod.eager_changed = any(getattr(c, "EAGER_OUTPUT", False) for c in outcome.changed)
        codemod.withheld = withheld  # codemods whose rewrite of this module was withheld (SM121)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if getattr(cls, "TEXT_PASS", False):
                    new_code = codemod.transform_text(code)
                    module = None if new_code != code else module
                else:
                    if module is None:
                        kept = _ANALYSED.pop((path, code), None) if _ANALYSED else None
                        if first and first["code"] == code:  # a rerun: the first run's parse
                            module, shared = first["module"], first["shared"].snapshot()
                        elif kept is not None:  # parsed and analysed when its facts were collected
                            module, shared = kept  # type: ignore[assignment]
                        else:
                            module = _parse(code)
                        if first is not None and not first:
                            shared.get(module, True)  # (what the first codemod does) the tables to keep
                            first.update(code=code, module=module, shared=shared.snapshot())
                        fresh = True
                    shared.know_code(module, code)
                    if project_facts is None:
                        project_facts = _facts_of(module, path, classes, shared, code)
                        if facts_out is not None:  # the file's own facts, for the files rewritten after it
                            facts_out.extend(project_facts)
                        codemod.project_facts = tuple(project_facts)
                    before = module
                    module = codemod.transform_module(module, fresh=fresh, shared=shared)
                    fresh = False
                    new_code = module.code if module is not before else code
                    if new_code == code:
                        module = before  # keep the parser's tree: no copies needed for the next codemod
        except RewriteFailure:
            raise
        except RecursionError:
            raise RewriteFailure(_too_deep()) from None
        except Exception as exc:  # a bug in a codemod must not take the whole run down
            raise RewriteFailure(
                Diagnostic(
                    "SM005",
                    f"internal error in codemod {cls.NAME} ({exc.__class__.__name__}: {exc}); "
                    "file left unchanged, please report it",
                )
            ) from None
        found = codemod.diagnostics
        if new_code != code:
            if undefined is _NOT_YET:
                undefined = _undefined_names(code)
            after, broken = _names_check(undefined, new_code) if undefined is not None else (None, [])
            if broken:  # the change is dropped: as if this codemod had changed nothing
                found = [_broken_name(cls.NAME, broken[0], _LineMap(code, new_code))]
                new_code = code
                module = None if getattr(cls, "TEXT_PASS", False) else before
            else:
                undefined = after
        for diag in found:  # lines of this codemod's input, mapped back to the file's
            related = back(diag.related_line) if diag.related_line is not None else None
            diagnostics.append(replace(diag, line=back(diag.line), related_line=related))
        mode = getattr(codemod, "mode", None)
        if mode is not None:
            outcome.mode = mode
            sites = getattr(codemod, "graph_sites", [])
            if sites:
                outcome.first_site = (back(sites[0].line), sites[0].col)
            outcome.imports = [(m, lvl, back(line), col) for m, lvl, line, col in getattr(codemod, "imports", [])]
        if new_code != code:
            outcome.inlined.extend(getattr(codemod, "inlined_elsewhere", ()))
            outcome.changed.append(cls)
            maps.append(_LineMap(code, new_code))
            code = new_code
    return code, diagnostics, outcome


def _parse(code: str) -> cst.Module:
    try:
        return cst.parse_module(code)
    except RecursionError:
        raise RewriteFailure(_too_deep()) from None
    except cst.ParserSyntaxError as exc:
        raise RewriteFailure(
            Diagnostic(
                "SM002",
                "does not parse as Python 3 (syntax error); left unchanged: fix the syntax "
                "(Python 2 code needs 2to3 first) or exclude the file with --exclude",
                exc.editor_line,
                exc.editor_column,
            )
        ) from None


_NOT_YET: set = set()  # a marker: the names of the code have not been checked yet


def _undefined_names(code: str) -> set | None:
    """Names undefined in `code` (see smmigrate/namecheck.py); None when it cannot be checked."""
    from .namecheck import undefined_names

    try:
        return undefined_names(code)
    except (SyntaxError, ValueError):
        return None


def _names_check(known: set, new_code: str) -> tuple[set | None, list[tuple[str, int, int]]]:
    """(undefined names of `new_code` or None, the reads a change left unbound)."""
    from .namecheck import check

    return check(known, new_code)


def _broken_name(codemod: str, first: tuple[str, int, int], line_map: _LineMap) -> Diagnostic:
    """SM007 at the first read the change left unbound, as a line of the code before the change."""
    name, line, col = first
    return Diagnostic(
        "SM007",
        f"codemod {codemod} would leave `{name}` undefined here (its binding was removed or never added); "
        "its change to this file was not applied — please report this with the file",
        line_map.back(line),
        col,
    )


def _too_deep() -> Diagnostic:
    return Diagnostic(
        "SM006",
        "too deeply nested to rewrite safely (beyond Python's recursion limit); left unchanged: "
        "split the expression, or exclude the file with --exclude",
    )


def _triggered(cls, code: str) -> bool:
    """A codemod whose TRIGGERS words are all absent (or whose `wants` says no) cannot apply: skip
    its analysis entirely."""
    return (not cls.TRIGGERS or any(word in code for word in cls.TRIGGERS)) and cls.wants(code)


def _applies(cls, text: str) -> bool:
    """A codemod looks at a file only when one of its FILE_MARKERS words is in it."""
    return any(word in text for word in cls.FILE_MARKERS)


def _markers(classes) -> set[bytes]:
    return {word.encode() for cls in classes for word in cls.FILE_MARKERS}


def _wanted(data: bytes, classes) -> bool:
    """Worth parsing: some selected codemod's file marker is in the bytes."""
    return any(word in data for word in _markers(classes))


def _facts_of(
    module: cst.Module, path: str, classes, shared=None, code: str | None = None, project_facts: Sequence[object] = ()
) -> list[object]:
    facts: list[object] = []
    code = module.code if code is None else code
    if shared is not None:
        shared.know_code(module, code)
    for cls in classes:
        if not _triggered(cls, code):
            continue
        with contextlib.suppress(Exception):  # facts only add precision; never fail a file over them
            facts.extend(cls.collect_facts(module, path, shared, project_facts))
    return facts


# (path, text) -> (tree, its SharedMetadata) of files whose facts were collected in this process
# before they are rewritten (`--jobs 1`): the rewrite reuses the parse and the analyses while the
# text it parses is the same. Bounded; an entry is dropped when used.
_ANALYSED: dict[tuple[str, str], tuple[cst.Module, object]] = {}
_ANALYSED_MAX = 64


def collect_file_facts(
    path: str, options: RewriteOptions, keep: bool = False, project_facts: Sequence[object] = ()
) -> list[object]:
    """Facts of one file on disk (empty when it is unreadable, unparsable or has no SavedModel code).
    With `keep`, its tree and analyses are kept for the rewrite of the same text in this process.
    `project_facts`: the facts known so far (of the files rewritten first)."""
    if path.endswith(".ipynb"):
        return []
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        if MARKER not in data:
            return []
        classes = [c for c in _codemods(options) if c.collect_facts.__func__ is not _BASE_COLLECT]
        words = {w.encode() for c in classes for w in (c.FACT_TRIGGERS or c.TRIGGERS)}
        if not classes or (words and not any(w in data for w in words)):
            return []  # nothing here any codemod has facts about: not worth a parse
        text, _ = _decode(data)
        for cls in _codemods(options):  # facts are taken from the code the fact codemods will see
            if getattr(cls, "TEXT_PASS", False) and min(c.ORDER for c in classes) > cls.ORDER and _applies(cls, text):
                text = cls(path).transform_text(text)
        from .codemods._base import SharedMetadata

        # one wrapper for all of them: the session bridge's facts and native-save's share one plan
        module, shared = cst.parse_module(text), SharedMetadata()
        facts = _facts_of(module, path, classes, shared, text, project_facts)
        if keep and len(_ANALYSED) < _ANALYSED_MAX:
            _ANALYSED[(path, text)] = (module, shared)
        return facts
    except Exception:
        return []


def rewrite_source(code: str, *, only: Sequence[str] = (), skip: Sequence[str] = ()) -> tuple[str, list[Diagnostic]]:
    """Library entry point: rewrite one module's source text; returns (new text, diagnostics)."""
    options = RewriteOptions(only=tuple(only), skip=tuple(skip))
    new, diagnostics = transform_module_source(code, _codemods(options))
    return new, diagnostics


# --- files -------------------------------------------------------------------------------------


def _is_venv(path: Path) -> bool:
    return (path / "pyvenv.cfg").exists()


def _excluded(rel: str, patterns: Sequence[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def iter_files(paths: Iterable[str], exclude: Sequence[str] = ()) -> Iterator[str]:
    """Files to rewrite: explicit files as given; folders walked (no symlinked folders followed)."""
    seen: set[str] = set()
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                root_path = Path(root)
                keep = []
                for d in sorted(dirs):
                    rel = (root_path / d).relative_to(p).as_posix()
                    if d in SKIP_DIRS or d.endswith(".egg-info") or _is_venv(root_path / d) or _excluded(rel, exclude):
                        continue
                    keep.append(d)
                dirs[:] = keep
                for f in sorted(files):
                    if not f.endswith(SUFFIXES):
                        continue
                    full = root_path / f
                    rel = full.relative_to(p).as_posix()
                    if _excluded(rel, exclude) or str(full) in seen:
                        continue
                    seen.add(str(full))
                    yield str(full)
        else:
            if str(p) not in seen:
                seen.add(str(p))
                yield str(p)


def _unified_diff(path: str, before: bytes, after: bytes) -> str:
    def lines(data: bytes) -> list[str]:
        return data.decode("utf-8", "replace").splitlines(keepends=True)

    diff = difflib.unified_diff(
        lines(before), lines(after), fromfile=f"{path}\t(original)", tofile=f"{path}\t(rewritten)"
    )
    text = "".join(d if d.endswith("\n") else d + "\n\\ No newline at end of file\n" for d in diff)
    return text


def process_bytes(
    data: bytes, path: str, options: RewriteOptions, project_facts: Sequence[object] | None = None
) -> tuple[bytes, FileResult]:
    """Rewrite one file's bytes (`.py` or `.ipynb` by `path`); returns (new bytes, result)."""
    result = FileResult(path)
    classes = _codemods(options)
    if not _wanted(data, classes):
        return data, result
    result.parsed = True
    info: dict = {}
    try:
        if path.endswith(".ipynb"):
            from .notebook import NotebookError, locate, rewrite_notebook

            def transform(text: str, mapping):
                def label(line: int) -> str:
                    cell, in_cell = locate(mapping, line)
                    return f"cell {cell}, line {in_cell}" if cell else f"line {in_cell}"

                return transform_module_source(text, classes, path, project_facts, info=info, label=label)

            try:
                new, diagnostics, mapping = rewrite_notebook(data, path, transform)
            except NotebookError as exc:
                raise RewriteFailure(Diagnostic("SM004", str(exc).split(": ", 1)[-1])) from None
            for diag in diagnostics:
                cell, line = locate(mapping, diag.line)
                related_cell, related_line = (
                    locate(mapping, diag.related_line) if diag.related_line is not None else (None, None)
                )
                where = f"{path}:cell {cell}" if cell else path
                result.diagnostics.append(
                    replace(diag, line=line, path=where, related_line=related_line, related_cell=related_cell)
                )
        else:
            new, diagnostics = transform_module_source(data, classes, path, project_facts, result.facts, info)
            result.diagnostics = [d.with_path(path) for d in diagnostics]
        result.mode = info.get("mode")
        result.imports = info.get("imports", [])
        result.eager = info.get("eager", False)
        result.inlined = info.get("inlined", [])
    except RewriteFailure as exc:
        result.status = FAILED
        result.error = exc.diagnostic.message
        result.diagnostics = [exc.diagnostic.with_path(path)]
        return data, result
    if new != data:
        result.status = CHANGED
        if options.diff:
            result.diff = _unified_diff(path, data, new)
    return new, result


def process_file(
    path: str, options: RewriteOptions, project_facts: Sequence[object] | None = None, hold: bool = False
) -> FileResult:
    """Rewrite one file on disk (in place unless `options.write` is False). With `hold`, a module a
    native codemod wrote eager TF2 code into is not written yet: `result.pending` keeps its bytes
    until the modes of every file of the run are known (see `_settle_modes`)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return FileResult(
            path,
            FAILED,
            [Diagnostic("SM001", f"cannot be read ({reason}); check the path and permissions", path=path)],
            reason,
        )
    new, result = process_bytes(data, path, options, project_facts)
    if hold and (result.eager or (result.mode == "compat" and _offers_helpers(path, result, project_facts))):
        # an eager module waits for the modes of the run; so does one in compatibility mode whose
        # graph-building functions other modules may inline (it may lose them, and the mode, then)
        result.pending = (data, new)
        return result
    _write(result, new, options)
    return result


def _offers_helpers(path: str, result: FileResult, project_facts: Sequence[object] | None) -> bool:
    return any(
        isinstance(f, HelperFact) and f.reason is None and f.path == path
        for f in (*result.facts, *(project_facts or ()))
    )


def _write(result: FileResult, new: bytes, options: RewriteOptions) -> None:
    if result.status == CHANGED and options.write:
        try:
            atomic_write_bytes(result.path, new)
        except OSError as exc:
            result.status = FAILED
            result.error = f"cannot be written ({exc.strerror or exc}); check permissions"
            result.diagnostics.append(Diagnostic("SM001", result.error, path=result.path))


_WORKER_FACTS: list | None = None


def _set_worker_facts(facts) -> None:
    global _WORKER_FACTS
    _WORKER_FACTS = facts


def _process_with_worker_facts(args) -> FileResult:
    path, options = args
    return process_file(path, options, _WORKER_FACTS, hold=True)


def _facts_star(args) -> list[object]:
    path, options = args
    return collect_file_facts(path, options, False, _WORKER_FACTS or ())


from .codemods._base import SavedModelCodemod as _Base  # noqa: E402

_BASE_COLLECT = vars(_Base)["collect_facts"].__func__  # a codemod without facts inherits it


def rewrite_paths(
    paths: Sequence[str], options: RewriteOptions = RewriteOptions(), jobs: int | None = None
) -> Iterator[FileResult]:
    """Rewrite every file under `paths`; yields one `FileResult` per file.

    Modules into which a native codemod wrote eager TF2 code are held back until every file is
    done: one that imports, or is imported by, a module in TF1 compatibility mode inside the tree
    would run in graph mode (the switch is process-wide), so it is rewritten again without the
    native codemods (SM122) before anything is written.
    """
    held: list[FileResult] = []
    seen: list[FileResult] = []
    facts: list = []
    for result in _rewrite_paths(paths, options, jobs, facts):
        seen.append(result)
        if result.pending is not None:
            held.append(result)
        else:
            yield result
    yield from _settle_modes(held, seen, options, facts)


def _rewrite_paths(
    paths: Sequence[str], options: RewriteOptions, jobs: int | None, facts: list
) -> Iterator[FileResult]:
    """`rewrite_paths` before the modes are settled; `facts` receives the run's project facts.

    Codemods that use facts about other files (native-load asks whether an export elsewhere is
    migrated to TF2) need those facts before they run, so files are taken in two groups, each in
    path order: first the files no such codemod reacts to — they are rewritten alone and report
    their own facts — then the rest, with the facts of the whole run. Only files that both write
    SavedModels and may read them are parsed twice (once for their facts beforehand).
    """
    files = list(iter_files(paths, options.exclude))
    classes = _codemods(options)  # fail fast on unknown --only/--skip names, before forking
    producers = [c for c in classes if c.collect_facts.__func__ is not _BASE_COLLECT]
    consumers = [c for c in classes if c.USES_FACTS]
    jobs = jobs or os.cpu_count() or 1
    if len(files) <= 1 or not producers or not consumers:
        yield from _run(files, options, jobs, None)
        return

    consume_words = {
        w.encode() for c in consumers if not c.FACTS_OF_IMPORTS for w in (c.FACT_USE_TRIGGERS or c.TRIGGERS)
    }
    # codemods that use facts only about the modules a file imports: a file importing none of the run's
    # modules is rewritten with the first group (no facts pre-pass for it)
    import_words = {w.encode() for c in consumers if c.FACTS_OF_IMPORTS for w in (c.FACT_USE_TRIGGERS or c.TRIGGERS)}
    imports_run_module = _run_module_imports(files) if import_words else None
    produce_words = {w.encode() for c in producers for w in (c.FACT_TRIGGERS or c.TRIGGERS)}

    def roles(path: str) -> tuple[bool, bool]:
        """(may use facts, may produce them), from the bytes alone; read once per file."""
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            return False, False  # reported when it is processed
        if MARKER not in data:
            return False, False
        consumes = not consume_words or any(w in data for w in consume_words)
        if not consumes and imports_run_module is not None and any(w in data for w in import_words):
            consumes = imports_run_module(data)
        produces = not produce_words or any(w in data for w in produce_words)
        return consumes, produces and not path.endswith(".ipynb")

    facts.append(RunFiles(tuple(files)))  # which modules the run reads (native-save: unread ones refused)
    classified = {p: roles(p) for p in files}
    first = [p for p in files if not classified[p][0]]
    second = [p for p in files if classified[p][0]]
    both = [p for p in second if classified[p][1]]
    for result in _run(first, options, jobs, None):
        facts.extend(result.facts)
        if not result.parsed and result.path.endswith(".py") and second:
            facts.extend(_constants_of(result.path))  # a module no codemod reads (a package's config.py)
        yield result
    try:
        if both:
            facts.extend(_collect(both, options, jobs, list(facts)))
        yield from _run(second, options, jobs, facts)
    finally:
        _ANALYSED.clear()  # trees kept for files this run did not get to


def _run_module_imports(files: list[str]) -> Callable[[bytes], bool]:
    """Do a file's imports (`_imports_in`) name a module of the run? Relative imports always may."""
    names = set()
    for path in files:
        names.add(os.path.splitext(os.path.basename(path))[0])
        names.update(part for part in os.path.normpath(os.path.dirname(path)).split(os.sep)[-3:] if part)
    names.discard("__init__")

    def test(data: bytes) -> bool:
        return any(level or names & set(module.split(".")) for module, level, _, _ in _imports_in(data))

    return test


def _collect(files: list[str], options: RewriteOptions, jobs: int, known: list) -> list:
    if jobs <= 1 or len(files) <= 1:
        return [f for p in files for f in collect_file_facts(p, options, True, known)]
    with _pool(files, jobs, known) as pool:
        return [
            f for fs in pool.map(_facts_star, [(p, options) for p in files], chunksize=_chunk(files, jobs)) for f in fs
        ]


def _run(files: list[str], options: RewriteOptions, jobs: int, facts: list | None) -> Iterator[FileResult]:
    if jobs <= 1 or len(files) <= 1:
        for path in files:
            yield process_file(path, options, facts, hold=True)
        return
    # the project's facts go to each worker once (initializer), not once per file
    with _pool(files, jobs, facts) as pool:
        yield from pool.map(_process_with_worker_facts, [(p, options) for p in files], chunksize=_chunk(files, jobs))


def _chunk(files: list[str], jobs: int) -> int:
    return max(1, min(32, len(files) // (jobs * 4) or 1))


def _pool(files: list[str], jobs: int, facts: list | None):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # only for several files: start-up matters

    ctx = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    return ProcessPoolExecutor(
        max_workers=min(jobs, len(files)), mp_context=ctx, initializer=_set_worker_facts, initargs=(facts,)
    )


# --- modules of the two kinds importing each other (SM122) ------------------------------------


def _settle_modes(
    held: list[FileResult], seen: list[FileResult], options: RewriteOptions, facts: list
) -> Iterator[FileResult]:
    """Write (and yield) the held modules. An eager one that can end up in the same program as a
    module in TF1 compatibility mode — they are linked by imports inside the tree, directly or through
    other modules — is rewritten again without the native codemods (SM122): the compatibility-mode
    module's `disable_v2_behavior()` puts the whole process in graph mode, where eager TF2 code cannot
    run. A held module whose graph-building functions the run's native exports inlined everywhere they
    are called is rewritten again without them (SM324), which may leave it native; both decisions
    depend on each other, so they are repeated until neither changes (withholding only grows)."""
    if held:
        eager_codemods = tuple(c.NAME for c in _codemods(options) if getattr(c, "EAGER_OUTPUT", False))
        plain = replace(options, skip=(*options.skip, *eager_codemods))
        programs = _ImportGraph(seen)
        for index, result in enumerate(held):
            assert result.pending is not None
            script = next((d for d in result.diagnostics if d.code == "SM221"), None)
            importer = programs.importer(result) if script is not None else None
            if script is not None and importer is not None:
                # native-load changed public functions of a script that a file of this run imports
                strict = replace(options, skip=(*options.skip, "native-load"))
                data = result.pending[0]
                new, again = process_bytes(data, result.path, strict, facts)
                rel = os.path.relpath(importer, os.path.dirname(os.path.normpath(result.path)) or ".")
                message = (
                    f"native-load's rewrite withheld: {rel} imports this script and may call the functions that take "
                    "or return a session here (" + script.message.split(" of this script")[0] + "); make them private "
                    "if only this module calls them, then rerun"
                )
                again.diagnostics.append(Diagnostic("SM202", message, script.line, script.col, path=result.path))
                again.pending = (data, new)
                held[index] = result = again
                programs.replace(again)
        helpers = _HelperRemoval(held, programs)
        changed = True
        while changed:
            changed = helpers.settle(options, facts)
            for index, result in enumerate(held):
                if not result.eager:
                    continue
                reason = programs.compat_partner(result)
                if reason is None:
                    continue
                assert result.pending is not None
                data = result.pending[0]
                new, again = process_bytes(data, result.path, plain, facts)
                line, col, message = reason
                again.diagnostics.append(Diagnostic("SM122", message, line, col, path=result.path))
                again.pending = (data, new)
                held[index] = again
                programs.replace(again)
                helpers.withheld(again)
                changed = True
    for result in held:
        if result.pending is None:
            continue  # (a result is held once)
        _write(result, result.pending[1], options)
        result.pending = None
        yield result


class _HelperRemoval:
    """Graph-building functions of held modules that the run's native exports inlined at every call
    (native-save's package helpers): which ones each module loses, kept in step with the withholding."""

    def __init__(self, held: list[FileResult], programs: _ImportGraph) -> None:
        self.held = held
        self.programs = programs
        self.first: dict[str, FileResult] = {}  # module -> its result as first rewritten (keeps every function)
        self.removed: dict[str, frozenset[str]] = {}  # module -> the functions its current result lost
        self.blocked: set[str] = set()  # modules rewritten without native codemods: they keep their functions

    def wanted(self) -> dict[str, dict[str, list[tuple[str, int]]]]:
        """module -> {function: [(caller, line)]} for the functions every caller in the run inlined."""
        found: dict[str, dict[str, list[tuple[str, int]]]] = {}
        callers: dict[tuple[str, str], set[str]] = {}
        for result in self.held:
            if not result.eager:
                continue
            for path, name, line in result.inlined:
                key = os.path.normpath(path)
                found.setdefault(key, {}).setdefault(name, []).append((result.path, line))
                callers.setdefault((key, name), set()).add(os.path.normpath(result.path))
        held = {os.path.normpath(r.path) for r in self.held}
        for key in list(found):
            if key in self.blocked or key not in held:
                del found[key]  # a module written already, or one that keeps TF1 code: its functions stay
                continue
            for name in list(found[key]):
                if self._used_elsewhere(key, name, callers[(key, name)]):
                    del found[key][name]
            if not found[key]:
                del found[key]
        return found

    def _used_elsewhere(self, module: str, name: str, callers: set[str]) -> bool:
        """A file of the run importing `module`, other than the callers that inlined `name`, mentions it."""
        pattern = re.compile(rb"\b" + re.escape(name.encode()) + rb"\b")
        for importer in self.programs.importers(module):
            if importer in callers:
                continue
            result = self.programs.results.get(importer)
            data = result.pending[0] if result is not None and result.pending is not None else _read(importer)
            if data is None or pattern.search(data):
                return True
        return False

    def settle(self, options: RewriteOptions, facts: list) -> bool:
        """Rewrite the held modules whose set of removed functions changed; True when one did."""
        wanted = self.wanted()
        changed = False
        for index, result in enumerate(self.held):
            key = os.path.normpath(result.path)
            names = wanted.get(key, {})
            if frozenset(names) == self.removed.get(key, frozenset()):
                continue
            base = self.first.setdefault(key, result)
            again = base
            if names:
                assert base.pending is not None
                gone = [InlinedHelper(result.path, n, tuple(c)) for n, c in sorted(names.items())]
                new, candidate = process_bytes(base.pending[0], result.path, options, [*facts, *gone])
                candidate.pending = (base.pending[0], new)
                if candidate.status != FAILED and candidate.mode != "compat":  # without them it runs natively
                    again = candidate
                else:
                    self.blocked.add(key)  # other TF1 code keeps it in compatibility mode: nothing gained
            self.removed[key] = frozenset(names) if again is not base else frozenset()
            if again is not result:
                self.held[index] = again
                self.programs.replace(again)
                changed = True
        return changed

    def withheld(self, result: FileResult) -> None:
        """`result`, rewritten without native codemods: if it had lost functions, it has them back."""
        key = os.path.normpath(result.path)
        if key in self.first:
            self.blocked.add(key)
            self.removed[key] = frozenset()


_CONSTANT = re.compile(rb"^[A-Za-z_]\w*\s*=\s*[rRuU]?[\"']", re.MULTILINE)


def _constants_of(path: str) -> list[ConstantsFact]:
    """The module-level string constants (`_keras.module_strings`) of a file no codemod parsed: another
    module of the run may read `config.SIGNATURE_KEY`. A cheap byte test first."""
    data = _read(path)
    if data is None or not _CONSTANT.search(data):
        return []
    try:
        module = cst.parse_module(data)
    except (cst.ParserSyntaxError, ValueError, RecursionError):
        return []
    from .codemods._keras import module_strings

    strings = tuple(sorted(module_strings(module).items()))
    return [ConstantsFact(path, strings)] if strings else []


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return None


class _ImportGraph:
    """The files of one run linked by their imports of each other (in either direction)."""

    def __init__(self, results: list[FileResult]) -> None:
        self.results = {os.path.normpath(r.path): r for r in results if r.status != FAILED}
        self.edges: dict[str, list[tuple[str, str, int, int]]] = {p: [] for p in self.results}
        for path, result in self.results.items():
            for name, level, line, col in result.imports or _imports_of(path):
                for target in module_files(result.path, name, level):
                    if target in self.results and target != path:
                        self.edges[path].append((target, name, line, col))
                        self.edges[target].append((path, "", 0, 0))
                        break

    def replace(self, result: FileResult) -> None:
        """`result` stands for its file from now on (it was rewritten again)."""
        self.results[os.path.normpath(result.path)] = result

    def importers(self, module: str) -> list[str]:
        """The files of the run that import `module` (a normalised path)."""
        return [target for target, name, _, _ in self.edges.get(module, []) if not name]

    def importer(self, result: FileResult) -> str | None:
        """A file of the run that imports `result`'s module, if any."""
        start = os.path.normpath(result.path)
        for target, name, _, _ in self.edges.get(start, []):
            if not name:  # the reverse link of an import of this module
                return target
        return None

    def compat_partner(self, result: FileResult) -> tuple[int, int, str] | None:
        """(line, col, message) when a compatibility-mode module is linked to `result` by imports."""
        start = os.path.normpath(result.path)
        here = os.path.dirname(start) or "."
        for target, name, line, col in self.edges.get(start, []):  # direct imports first
            if name and self.results[target].mode == "compat":
                rel = os.path.relpath(target, here)
                return (
                    line,
                    col,
                    (
                        f"native TF2 rewrite withheld: this module imports `{name}` ({rel}), which runs in TF1 "
                        "compatibility mode; its `disable_v2_behavior()` puts the whole process in graph mode, where "
                        f"eager TF2 code cannot run. Migrate {rel}'s graph code (its SM120 note), then rerun"
                    ),
                )
        seen, queue = {start}, [start]
        while queue:
            current = queue.pop(0)
            for target, _, _, _ in self.edges.get(current, []):
                if target in seen:
                    continue
                seen.add(target)
                if self.results[target].mode == "compat" and self.results[target] is not result:
                    rel = os.path.relpath(target, here)
                    return (
                        1,
                        1,
                        (
                            f"native TF2 rewrite withheld: this module and {rel}, which runs in TF1 compatibility "
                            "mode, are linked by imports, so one program may load both; the latter's "
                            "`disable_v2_behavior()` puts the whole process in graph mode, where eager TF2 code "
                            "cannot run. Migrate "
                            f"{rel}'s graph code (its SM120 note), then rerun"
                        ),
                    )
                queue.append(target)
        return None


def _imports_of(path: str) -> list[tuple[str, int, int, int]]:
    """The imports of a file no codemod parsed (no TensorFlow in it): it may still link two modules."""
    if not path.endswith(".py"):
        return []
    data = _read(path)
    return _imports_in(data) if data is not None else []


def _imports_in(data: bytes) -> list[tuple[str, int, int, int]]:
    """(module, relative level, line, col) of a module's imports (`_tfscope.import_records`)."""
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    return _tfscope.import_records(ast.walk(tree))
