"""Files written so that a failed or concurrent build never leaves a broken one behind."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO


def atomic_write(target: Path, write: Callable[[Path], object], mode: int = 0o644) -> None:
    """Call `write(tmp)` for a temp file beside `target`, then rename it over `target`.

    The rename is atomic on one file system, so readers see the old file or the new one,
    never half of either; on any failure the temp file is removed and `target` is untouched.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file where the folder should be: say so, not "File exists"
        raise NotADirectoryError(
            errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(target.parent)
        ) from None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        write(tmp_path)
        os.chmod(tmp_path, mode)
        os.replace(tmp_path, target)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def atomic_write_bytes(target: Path, data: bytes) -> None:
    atomic_write(target, lambda tmp: tmp.write_bytes(data))


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on `path` (created if needed) for the `with` block, so
    two builds of the same notes take turns."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def describe_os_error(exc: OSError) -> str:
    """`No space left on device`, `Permission denied`, …: what happened, for a message."""
    if exc.strerror:
        return exc.strerror
    code = exc.errno or (exc.args[0] if exc.args and isinstance(exc.args[0], int) else 0)
    if code:
        return os.strerror(code)
    return str(exc) or type(exc).__name__


def read_regular(path: Path) -> bytes:
    """A file's bytes; OSError for a FIFO, device or folder, which would block or never end."""
    with open_regular(path) as handle:
        return handle.read()


def open_regular(path: Path) -> BinaryIO:
    """A file opened for reading; OSError for a FIFO, device or folder (see read_regular)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    handle = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        handle.close()
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    return handle


def file_stamp(path: Path | str) -> tuple[int, int] | None:
    """A written file's size and modification time (ns), or None when it is gone: what tells
    a file this process recorded from one something else has replaced since."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns
