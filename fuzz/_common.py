"""Shared by the harnesses: run one under atheris with a bounded number of runs.

    python fuzz/fuzz_decode.py -atheris_runs=1000000      # a long run
    python fuzz/fuzz_decode.py fuzz/corpus/decode          # grow a corpus folder

libFuzzer options pass through (-max_len, -timeout, -rss_limit_mb …). A crash is any exception
other than the ones the function documents; libFuzzer prints it and writes the input to
``crash-*`` in the working folder.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(test_one_input) -> None:
    import atheris
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
