"""Reading files and writing fixes back without ever losing data.

A fix is written to a temporary file in the same folder, flushed to disk,
given the original's permission bits and renamed over the original, so a
crash leaves either the old file or the new one, never half of each. We
refuse to write when the file changed since we read it, and we do not write
through a symbolic link (the link could point outside the repository).
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class FileChanged(Exception):
    pass


class WriteRefused(Exception):
    pass


def read_bytes(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def _discard(tmp) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it: a reader sees the old
    file or the new one, never half of one (cache entries, baselines; two processes may write
    the same entry at once)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:
        _discard(tmp)
        raise


def write_atomic(path: Path, data: bytes, expected: bytes) -> None:
    """Replace ``path``'s content with ``data`` if it still holds ``expected``."""
    if path.is_symlink():
        raise WriteRefused("it is a symbolic link; fix the file it points to instead")
    st = path.stat()
    if read_bytes(path) != expected:
        raise FileChanged("the file changed while it was being linted")
    folder = path.parent
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".reportlint-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        os.replace(tmp, path)
    except BaseException:
        _discard(tmp)
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
