"""Fuzz the Markdown/HTML/LaTeX scanner and the prose view: tokens stay inside the text, never
cross a line, and every prose span maps back to a source span in order."""
import atheris

with atheris.instrument_imports():
    from _common import main
    from linter.markup import ProseView, scan


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    result = scan(text)
    n = len(text)
    for t in result.tokens:
        assert 0 <= t.start <= t.end <= n, t
        for s, e in t.delims:
            assert t.start <= s <= e <= t.end, t
    prose = ProseView(text, result.tokens)
    m = len(prose.text)
    last = 0
    for p in range(0, m + 1, max(1, m // 50)):
        s, e = prose.to_source(p, min(p + 1, m))
        assert 0 <= s <= e <= n and s >= last, (p, s, e)
        last = s


if __name__ == "__main__":
    main(test_one_input)
