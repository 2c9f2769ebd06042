"""Atomic writes: a file or an export folder either appears complete or not at all.

Files are written to a temporary sibling and renamed over the target (`os.replace` is atomic on
POSIX within one filesystem). Folders (SavedModels) are built in a temporary sibling folder and
renamed into place once complete, so an interrupted run never leaves a half-written export.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import SmmigrateError


def atomic_write_bytes(path: os.PathLike | str, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data` atomically, keeping its permission bits (or setting `mode`)."""
    path = Path(path)
    if mode is None:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            mode = 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".smmigrate-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_directory(dst: os.PathLike | str, *, overwrite: bool = False) -> Iterator[Path]:
    """Yield a temporary folder beside `dst`; on success it is renamed to `dst`.

    On any exception (including KeyboardInterrupt) the temporary folder is removed and `dst` is
    left as it was. With `overwrite`, an existing `dst` is replaced only once the new one is
    complete (moved aside, new one renamed in, old one removed).
    """
    dst = Path(dst)
    if dst.exists() and not overwrite:
        raise SmmigrateError(f"{dst}: already exists; choose another output folder or remove it first")
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dst.name}.", suffix=".smmigrate-tmp", dir=dst.parent))
    try:
        yield tmp
        if dst.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{dst.name}.", suffix=".smmigrate-old", dir=dst.parent))
            old.rmdir()
            os.replace(dst, old)
            os.replace(tmp, dst)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, dst)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
