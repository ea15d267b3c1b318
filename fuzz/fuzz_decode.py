"""Fuzz file decoding: any bytes either decode or raise DecodeProblem (never anything else),
and a UTF-8 or UTF-16 text encodes back to the very bytes it was read from (what --fix relies
on to leave the untouched parts of a file as they were)."""
import atheris

with atheris.instrument_imports():
    from _common import main
    from linter.decoding import DecodeProblem, decode
    from linter.document import Document

ENCODINGS = [None, None, None, "gb18030", "big5", "utf-16-le", "latin-1"]


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    encoding = ENCODINGS[fdp.ConsumeIntInRange(0, len(ENCODINGS) - 1)]
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    try:
        d = decode(raw, encoding)
    except DecodeProblem:
        return
    doc = Document(d.text, "fuzz.txt", encoding=d.encoding, bom=d.bom)
    if d.encoding.startswith("utf"):
        assert doc.encode(doc.raw) == raw, (d.encoding, raw[:40])


if __name__ == "__main__":
    main(test_one_input)
