"""Which files to lint: walking folders, include and exclude globs.

Globs follow .gitignore conventions: a pattern without ``/`` matches a file
or folder name at any depth (``*.md``, ``drafts``); one with ``/`` matches
the path relative to the configuration's folder (``archive/**/*.txt``);
``**`` spans folders. Folder symlinks are not followed, so a symlink loop
cannot trap the walk.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Iterator

from .config import DEFAULT_EXCLUDE, Config


@lru_cache(maxsize=512)
def _glob_regex(pattern: str) -> re.Pattern:
    out = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "*":
            if pattern[i:i + 3] == "**/":
                out.append("(?:.*/)?")
                i += 3
                continue
            if pattern[i:i + 2] == "**":
                out.append(".*")
                i += 2
                continue
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = pattern.find("]", i + 1)
            if j < 0:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1:j].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = j
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out) + r"\Z")


def glob_match(rel_path: str, pattern: str) -> bool:
    """Does a relative POSIX path (or one of its folders) match a gitignore-style glob?"""
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.lstrip("/").rstrip("/")
    rx = _glob_regex(pattern)
    parts = PurePosixPath(rel_path).parts
    if anchored:
        # The path itself, or any folder above it, may match.
        return any(rx.match("/".join(parts[:k])) for k in range(1, len(parts) + 1))
    return any(rx.match(part) for part in parts)


@lru_cache(maxsize=4096)
def resolved(path: Path) -> Path:
    """``path.resolve()``, remembered for a while: a run asks for each file's real path several
    times (its configuration, its excludes, its name relative to the root), and every ask
    costs a system call per folder of the path."""
    return path.resolve()


def relative_to_root(path: Path, root: Path) -> str:
    try:
        return resolved(path).relative_to(resolved(root)).as_posix()
    except ValueError:
        return path.as_posix()


def is_excluded(path: Path, config: Config) -> bool:
    rel = relative_to_root(path, config.root)
    return any(glob_match(rel, p) for p in config.exclude)


def _default_excluded(name: str) -> bool:
    return any(glob_match(name, p) for p in DEFAULT_EXCLUDE)


def walk(folder: Path, config_for) -> Iterator[Path]:
    """Files under ``folder`` that their configuration includes and does not exclude."""
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        here = Path(dirpath)
        config = config_for(here)
        dirnames[:] = sorted(d for d in dirnames
                             if not _default_excluded(d) and not is_excluded(here / d, config))
        for name in sorted(filenames):
            path = here / name
            cfg = config_for(path)
            if any(glob_match(name, p) for p in cfg.include) and not is_excluded(path, cfg):
                yield path
