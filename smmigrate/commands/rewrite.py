"""`smmigrate rewrite PATH...`: run the codemods over files, folders, notebooks or stdin.

Code and diffs go to stdout; "rewrote X", diagnostics and the summary go to stderr. Exit codes:
0 nothing to change, 1 files changed (or would change) or manual work reported, 2 any error.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from ..errors import ExitCode

if TYPE_CHECKING:  # rich is optional (the `rich` extra) and imported only at a terminal
    from rich.console import Console
    from rich.progress import Progress, TaskID

NAME = "rewrite"
HELP = "rewrite TF1 SavedModel code (.py, .ipynb, folders, '-' for stdin) into TF2"
DESCRIPTION = (
    "Rewrite TF1 SavedModel call sites into TF2 in place (atomically), or show the change with --diff. "
    "Sites that cannot be migrated are reported as 'path:line:col: SMnnn message'. "
    "Exit codes: 0 nothing to change, 1 files changed / would change / manual work reported, 2 error."
)


def _names(values):
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(out)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders (recursive) or '-' for stdin → stdout")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--diff", action="store_true", help="print a unified diff; write nothing")
    mode.add_argument("--check", action="store_true", help="write nothing; exit 1 if anything would change")
    p.add_argument("-j", "--jobs", type=int, default=None, metavar="N", help="processes to use (default: CPU count)")
    p.add_argument(
        "--only", action="append", metavar="NAME", help="run only these codemods (repeatable, comma-separated)"
    )
    p.add_argument(
        "--skip", action="append", metavar="NAME", help="do not run these codemods (repeatable, comma-separated)"
    )
    p.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="skip files/folders matching GLOB (repeatable)"
    )
    p.add_argument(
        "--report-json", metavar="FILE", help="write every result (per file: changed, diagnostics, error) as JSON"
    )
    p.add_argument(
        "--list-codemods", action="store_true", help="list the codemods and their diagnostic codes, then exit"
    )
    p.add_argument("-q", "--quiet", action="store_true", help="only diagnostics, errors and the summary on stderr")


def _list_codemods() -> ExitCode:
    from ..codemods import REGISTRY

    for name, cls in REGISTRY.items():
        print(f"{name}: {cls.DESCRIPTION}")
        for code, title in cls.CODES.items():
            print(f"    {code} {title}")
    return ExitCode.OK


def run(args: argparse.Namespace) -> ExitCode:
    from ..codes import Severity, severity
    from ..errors import UsageError
    from ..rewrite import CHANGED, FAILED, RewriteOptions, process_bytes, rewrite_paths

    if args.list_codemods:
        return _list_codemods()
    if not args.paths:
        raise UsageError("rewrite: give at least one PATH (a file, a folder, or '-' for stdin)")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("rewrite: --jobs must be at least 1")
    options = RewriteOptions(
        only=_names(args.only),
        skip=_names(args.skip),
        write=not (args.diff or args.check),
        diff=args.diff,
        exclude=tuple(args.exclude),
    )
    from ..codemods import REGISTRY

    unknown = [n for n in (*options.only, *options.skip) if n not in REGISTRY]
    if unknown:
        raise UsageError(f"rewrite: unknown codemod {', '.join(unknown)}; see smmigrate rewrite --list-codemods")

    if args.paths == ["-"]:
        results = [_stdin(options, args, process_bytes)]
    elif "-" in args.paths:
        raise UsageError("rewrite: '-' (stdin) cannot be combined with other paths")
    else:
        missing = [p for p in args.paths if not _exists(p)]
        if missing:
            raise UsageError(f"rewrite: {missing[0]}: no such file or folder")
        results = []
        with _Output(args) as output:
            for result in rewrite_paths(args.paths, options, jobs=args.jobs):
                results.append(result)
                output.result(result)

    scanned = len(results)
    changed = sum(r.status == CHANGED for r in results)
    failed = sum(r.status == FAILED for r in results)
    manual = sum(severity(d.code) is Severity.MANUAL for r in results if r.status != FAILED for d in r.diagnostics)
    native = sum(r.mode == "native" for r in results)
    compat = sum(r.mode == "compat" for r in results)
    verb = "rewritten" if options.write else "would be rewritten"
    print(
        f"smmigrate: {scanned} file{'s' * (scanned != 1)} scanned, {changed} {verb}, "
        f"{manual} site{'s' * (manual != 1)} need{'s' * (manual == 1)} manual work, {failed} failed"
        + (f"; TensorFlow modules: {native} native TF2, {compat} in TF1 compatibility mode" if native + compat else ""),
        file=sys.stderr,
    )
    if args.report_json:
        _write_report(args.report_json, results, scanned, changed, manual, failed, native, compat)
    if failed:
        return ExitCode.ERROR
    return ExitCode.CHANGED if changed or manual else ExitCode.OK


def _exists(path: str) -> bool:
    import os

    return os.path.exists(path)


def _stdin(options, args, process_bytes):
    data = sys.stdin.buffer.read()
    new, result = process_bytes(data, "<stdin>", options)
    if args.diff:
        if result.diff:
            sys.stdout.write(result.diff)
    elif not args.check:
        sys.stdout.buffer.write(new)
        sys.stdout.flush()
    for diag in result.diagnostics:
        print(diag.format(), file=sys.stderr)
    return result


def _fancy(stream) -> bool:
    """Progress bars and colours only for a person at a terminal: not when piped, not under CI,
    not with NO_COLOR, and only when `rich` is installed (an optional extra)."""
    import importlib.util
    import os

    if os.environ.get("CI") or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty() and importlib.util.find_spec("rich") is not None
    except (AttributeError, ValueError):
        return False


class _Output:
    """Prints results as they arrive: plain text when piped, a progress bar and coloured diffs at a TTY."""

    def __init__(self, args) -> None:
        self.args = args
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        self.diff_console: Console | None = None
        self.err_console: Console | None = None

    def __enter__(self):
        if _fancy(sys.stdout) and self.args.diff:
            from rich.console import Console

            self.diff_console = Console(file=sys.stdout, highlight=False)
        if _fancy(sys.stderr):
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            from ..rewrite import iter_files

            total = sum(1 for _ in iter_files(self.args.paths, tuple(self.args.exclude)))
            self.err_console = Console(file=sys.stderr, highlight=False)
            if total > 1:
                progress = Progress(
                    TextColumn("smmigrate rewrite"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TimeElapsedColumn(),
                    console=self.err_console,
                    transient=True,
                )
                self.task = progress.add_task("files", total=total)
                progress.start()
                self.progress = progress
        return self

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.stop()

    def _err(self, text: str, style: str | None = None) -> None:
        if self.err_console is not None:
            self.err_console.print(text, style=style, markup=False, soft_wrap=True)
        else:
            print(text, file=sys.stderr)

    def result(self, result) -> None:
        from ..rewrite import CHANGED, FAILED

        if result.diff:
            if self.diff_console is not None:
                from rich.text import Text

                for line in result.diff.splitlines():
                    style = (
                        "green"
                        if line.startswith("+")
                        else "red"
                        if line.startswith("-")
                        else "cyan"
                        if line.startswith("@@")
                        else None
                    )
                    if line.startswith(("+++", "---")):
                        style = "bold"
                    self.diff_console.print(Text(line, style=style or ""), soft_wrap=True)
            else:
                sys.stdout.write(result.diff)
                sys.stdout.flush()
        elif result.status == CHANGED and not self.args.quiet:
            verb = "would rewrite" if self.args.check else "rewrote"
            self._err(f"{verb} {result.path}")
        for diag in result.diagnostics:
            self._err(diag.format(), "red" if result.status == FAILED else "yellow")
        if self.progress is not None and self.task is not None:
            self.progress.advance(self.task)


def _write_report(path, results, scanned, changed, manual, failed, native, compat) -> None:
    from ..fsutil import atomic_write_bytes

    report = {
        "summary": {
            "scanned": scanned,
            "changed": changed,
            "manual": manual,
            "failed": failed,
            "native": native,
            "compat": compat,
        },
        "files": [r.to_json() for r in results],
    }
    atomic_write_bytes(path, (json.dumps(report, indent=2) + "\n").encode("utf-8"))
