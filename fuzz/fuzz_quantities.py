"""Fuzz the quantity parser and the reading of figures: spans inside the text and in order,
values finite, ranges ordered as written."""
import math

import atheris

with atheris.instrument_imports():
    from _common import main
    from linter.metrics import statements
    from linter.quantities import parse

ALPHABET = "0123456789.,%％万亿千百十一二两三五九〇零点之分个张人元吨亩公里平方米千瓦左右以上约超—-~至到年月第增长下降目标今年，。、；：\n "


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    if fdp.ConsumeBool():
        text = "".join(ALPHABET[b % len(ALPHABET)] for b in fdp.ConsumeBytes(fdp.remaining_bytes()))
    else:
        text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    last = 0
    for q in parse(text):
        assert last <= q.start < q.end <= len(text), q
        assert math.isfinite(q.value) and (q.high is None or math.isfinite(q.high)), q
        last = q.end
    for s in statements(text, 2026):
        assert 0 <= s.clause_start <= s.quantity.start


if __name__ == "__main__":
    main(test_one_input)
