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
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, overload

import libcst as cst

from .diagnostics import Diagnostic
from .fsutil import atomic_write_bytes

if TYPE_CHECKING:
    from .codemods._base import SavedModelCodemod

MARKER = b"saved_model"
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

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "changed": self.status == CHANGED,
            "status": self.status,
            "diagnostics": [d.to_json() for d in self.diagnostics],
            "error": self.error,
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
        for tag, i1, _i2, j1, j2 in self._ops:
            if j1 <= idx < j2 or (j1 == j2 == idx):
                if tag == "equal":
                    return i1 + (idx - j1) + 1
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
) -> tuple[bytes, list[Diagnostic]]: ...
@overload
def transform_module_source(
    source: str,
    classes: Sequence[type[SavedModelCodemod]],
    path: str = ...,
    project_facts: Sequence[object] | None = ...,
    facts_out: list | None = ...,
) -> tuple[str, list[Diagnostic]]: ...
def transform_module_source(
    source: bytes | str,
    classes: Sequence[type[SavedModelCodemod]],
    path: str = "<string>",
    project_facts: Sequence[object] | None = None,
    facts_out: list | None = None,
) -> tuple[bytes | str, list[Diagnostic]]:
    """Run `classes` over `source`; returns (new source of the same type, diagnostics).

    `project_facts` are the facts collected over every file of the run (see codemods/_facts.py);
    None means "this file alone". Raises `RewriteFailure` when the input does not parse or the
    output would not.
    """
    if isinstance(source, bytes):
        import io
        import tokenize

        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(source).readline)
            source.decode(encoding)
        except (SyntaxError, UnicodeDecodeError, LookupError) as exc:
            raise RewriteFailure(
                Diagnostic(
                    "SM001",
                    f"cannot be decoded ({exc}); left unchanged: add a PEP 263 coding cookie or fix the encoding",
                )
            ) from None
    try:
        # CPython's parser first: it is fast, its messages are the ones users know, and it rejects
        # nesting deep enough to overflow libcst's native parser's stack (a crash, not an error).
        ast.parse(source)
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
                "SM001", f"cannot be decoded ({exc}); left unchanged: add a PEP 263 coding cookie or fix the encoding"
            )
        ) from None
    try:
        module = cst.parse_module(source)
    except RecursionError:
        raise RewriteFailure(_too_deep()) from None
    except cst.ParserSyntaxError as exc:
        # CPython accepted the source above (its errors are reported there, with the messages
        # users know); this is syntax libcst's grammar lacks, located by libcst.
        raise RewriteFailure(
            Diagnostic(
                "SM002",
                "does not parse as Python 3 (syntax error); left unchanged: fix the syntax "
                "(Python 2 code needs 2to3 first) or exclude the file with --exclude",
                exc.editor_line,
                exc.editor_column,
            )
        ) from None
    except (UnicodeDecodeError, LookupError, SyntaxError) as exc:
        raise RewriteFailure(
            Diagnostic(
                "SM001", f"cannot be decoded ({exc}); left unchanged: add a PEP 263 coding cookie or fix the encoding"
            )
        ) from None

    from .codemods._base import SharedMetadata

    shared = SharedMetadata()
    code = module.code  # generated once per change: code generation is a large share of the cost
    if project_facts is None:
        project_facts = _facts_of(module, path, classes, shared, code)
        if facts_out is not None:  # the file's own facts, for the files rewritten after it
            facts_out.extend(project_facts)
    diagnostics: list[Diagnostic] = []
    maps: list[_LineMap] = []
    for cls in classes:
        if not _triggered(cls, code):
            continue
        codemod = cls(path, project_facts)
        before = module
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                module = codemod.transform_module(module, fresh=not maps, shared=shared)
        except RecursionError:
            raise RewriteFailure(_too_deep()) from None
        except Exception as exc:  # a bug in a codemod must not take the whole run down
            raise RewriteFailure(
                Diagnostic(
                    "SM005",
                    f"internal error in codemod {cls.NAME} ({exc.__class__.__name__}: {exc}); file left unchanged, "
                    "please report it",
                )
            ) from None
        for diag in codemod.diagnostics:
            line, related = diag.line, diag.related_line
            for line_map in reversed(maps):
                line = line_map.back(line)
                related = line_map.back(related) if related is not None else None
            diagnostics.append(replace(diag, line=line, related_line=related))
        if module is not before:
            new_code = module.code
            if new_code != code:
                maps.append(_LineMap(code, new_code))
                code = new_code
            else:
                module = before  # keep the parser's tree: no copies needed for the next codemod

    new_code = code
    original_code = source if isinstance(source, str) else None
    if not maps:
        return source, diagnostics
    try:
        ast.parse(new_code)
    except SyntaxError as exc:
        raise RewriteFailure(
            Diagnostic(
                "SM003",
                f"the rewritten code would not parse ({exc.msg} at line {exc.lineno}); file left unchanged, please "
                "report it",
            )
        ) from None
    if original_code is not None:
        return new_code, diagnostics
    return new_code.encode(module.encoding), diagnostics


def _too_deep() -> Diagnostic:
    return Diagnostic(
        "SM006",
        "too deeply nested to rewrite safely (beyond Python's recursion limit); left unchanged: "
        "split the expression, or exclude the file with --exclude",
    )


def _triggered(cls, code: str) -> bool:
    """A codemod whose TRIGGERS words are all absent cannot apply: skip its analysis entirely."""
    return not cls.TRIGGERS or any(word in code for word in cls.TRIGGERS)


def _facts_of(module: cst.Module, path: str, classes, shared=None, code: str | None = None) -> list[object]:
    facts: list[object] = []
    code = module.code if code is None else code
    for cls in classes:
        if not _triggered(cls, code):
            continue
        with contextlib.suppress(Exception):  # facts only add precision; never fail a file over them
            facts.extend(cls.collect_facts(module, path, shared))
    return facts


def collect_file_facts(path: str, options: RewriteOptions) -> list[object]:
    """Facts of one file on disk (empty when it is unreadable, unparsable or has no SavedModel code)."""
    if path.endswith(".ipynb"):
        return []
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        if MARKER not in data:
            return []
        classes = [c for c in _codemods(options) if c.collect_facts.__func__ is not _BASE_COLLECT]
        words = {w.encode() for c in classes for w in c.TRIGGERS}
        if not classes or (words and not any(w in data for w in words)):
            return []  # nothing here any codemod has facts about: not worth a parse
        return _facts_of(cst.parse_module(data), path, classes)
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
    if MARKER not in data:
        return data, result
    result.parsed = True
    classes = _codemods(options)
    try:
        if path.endswith(".ipynb"):
            from .notebook import NotebookError, locate, rewrite_notebook

            def transform(text: str):
                return transform_module_source(text, classes, path, project_facts)

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
            new, diagnostics = transform_module_source(data, classes, path, project_facts, result.facts)
            result.diagnostics = [d.with_path(path) for d in diagnostics]
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


def process_file(path: str, options: RewriteOptions, project_facts: Sequence[object] | None = None) -> FileResult:
    """Rewrite one file on disk (in place unless `options.write` is False)."""
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
    if result.status == CHANGED and options.write:
        try:
            atomic_write_bytes(path, new)
        except OSError as exc:
            result.status = FAILED
            result.error = f"cannot be written ({exc.strerror or exc}); check permissions"
            result.diagnostics.append(Diagnostic("SM001", result.error, path=path))
    return result


_WORKER_FACTS: list | None = None


def _set_worker_facts(facts) -> None:
    global _WORKER_FACTS
    _WORKER_FACTS = facts


def _process_with_worker_facts(args) -> FileResult:
    path, options = args
    return process_file(path, options, _WORKER_FACTS)


def _facts_star(args) -> list[object]:
    return collect_file_facts(*args)


from .codemods._base import SavedModelCodemod as _Base  # noqa: E402

_BASE_COLLECT = vars(_Base)["collect_facts"].__func__  # a codemod without facts inherits it


def rewrite_paths(
    paths: Sequence[str], options: RewriteOptions = RewriteOptions(), jobs: int | None = None
) -> Iterator[FileResult]:
    """Rewrite every file under `paths`; yields one `FileResult` per file.

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

    consume_words = {w.encode() for c in consumers for w in c.TRIGGERS}
    produce_words = {w.encode() for c in producers for w in c.TRIGGERS}

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
        produces = not produce_words or any(w in data for w in produce_words)
        return consumes, produces and not path.endswith(".ipynb")

    classified = {p: roles(p) for p in files}
    first = [p for p in files if not classified[p][0]]
    second = [p for p in files if classified[p][0]]
    both = [p for p in second if classified[p][1]]
    facts: list = []
    for result in _run(first, options, jobs, None):
        facts.extend(result.facts)
        yield result
    if both:
        facts.extend(_collect(both, options, jobs))
    yield from _run(second, options, jobs, facts)


def _collect(files: list[str], options: RewriteOptions, jobs: int) -> list:
    if jobs <= 1 or len(files) <= 1:
        return [f for p in files for f in collect_file_facts(p, options)]
    with _pool(files, jobs, None) as pool:
        return [
            f for fs in pool.map(_facts_star, [(p, options) for p in files], chunksize=_chunk(files, jobs)) for f in fs
        ]


def _run(files: list[str], options: RewriteOptions, jobs: int, facts: list | None) -> Iterator[FileResult]:
    if jobs <= 1 or len(files) <= 1:
        for path in files:
            yield process_file(path, options, facts)
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
