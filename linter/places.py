"""Document facts of the place-name family: the year, the places named, and whose report it is.

``jurisdiction`` infers the division a report belongs to, in this order of trust:

1. stated: the configuration's ``context: {jurisdiction: …}``, ``--jurisdiction``, or a
   front-matter line ``jurisdiction: …`` at the top of the file;
2. the title and opening: a name right before ``第N届人民代表大会``, ``人民政府(区长|市长…)``,
   ``政府工作报告`` or ``人民政府`` in the first lines, which every government report has;
3. a report that speaks for the whole country (national cues from ``rules/data/places.yaml``:
   我国, 国务院, 中華民國 …) and names no division more is *national*: it has no own place;
4. failing that, frequency: the division named most, when it clearly leads (and outnumbers
   the national cues); how the report refers to itself (我区, 我市 …) weighs in.

When nothing is certain the jurisdiction is unknown, and the place-name rules stay silent.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .context import Context, fact
from .gazetteer import Entry, Gazetteer, Match, load

HEAD_CHARS = 4000     # the title and opening of a report

# What follows a name in a report's title or opening, and how much it proves.
_TITLE = [
    (re.compile(r"第[一二三四五六七八九十百零〇\d]{1,4}[届屆](?:人民代表大[会會]|人大)"), 5, "its people's congress"),
    (re.compile(r"人民政府(?:代)?(?:[区區市县縣省旗州盟]長|[区市县省旗州盟]长|主席)"), 5, "its head of government"),
    (re.compile(r"(?:人民)?政府工作[报報]告"), 4, "the report title"),
    (re.compile(r"人民政府"), 2, "its government"),
]
# How a report refers to itself: 全区, 我市 … and the kind of division each means.
_SELF = re.compile(r"(?<![安健完齐齊周万萬保])[我全本]([区區县縣市省旗州盟国國])")
_SELF_KIND = {"区": "区", "區": "区", "县": "县", "縣": "县", "市": "市", "省": "省", "旗": "旗",
              "州": "州", "盟": "盟", "国": "国", "國": "国"}
_YEAR = re.compile(r"((?:19|20)\d{2})年(?:\d{1,2}月\d{1,2}日在|[^\n。]{0,20}?政府工作[报報]告)")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)


def kind_of(e: Entry) -> str:
    """The kind a name says it is: 区, 县, 市, 省, 旗, 州, 盟 (autonomous regions count as 省)."""
    n = e.name
    if e.level == 1:
        return "市" if n.endswith("市") else "省"
    for k in ("区", "县", "市", "旗", "州", "盟"):
        if n.endswith(k):
            return k
    return "县" if e.level == 3 else "市"


@dataclass
class Jurisdiction:
    entry: Entry | None = None            # the report's own division (None: national or unknown)
    status: str = "unknown"               # own | national | unknown
    source: str = ""                      # stated | title | frequency
    ancestors: list[Entry] = field(default_factory=list)
    year: int | None = None
    evidence: list[str] = field(default_factory=list)
    own_codes: set[str] = field(default_factory=set)
    family_codes: set[str] = field(default_factory=set)     # own, ancestors, descendants

    @property
    def known(self) -> bool:
        return self.entry is not None

    def describe(self) -> str:
        if self.entry is None:
            return {"national": "national (no own division)", "unknown": "unknown"}[self.status]
        chain = "".join(a.name for a in reversed(self.ancestors)) + self.entry.name
        return f"{chain} ({self.entry.code})"


@dataclass
class PlaceIndex:
    """Every place name in a document, masks applied, names nested in longer names dropped
    (overlapping ones, like 根河 and 河北 in 扎根河北, are both kept)."""

    matches: list[Match]
    by_start: dict[int, list[Match]]
    by_end: dict[int, list[Match]]


@fact
def doc_year(ctx: Context) -> int | None:
    stated = _stated(ctx).get("year")
    if stated:
        return int(stated)
    m = _YEAR.search(ctx.doc.text, 0, HEAD_CHARS)
    return int(m.group(1)) if m else None


@fact
def places(ctx: Context) -> PlaceIndex:
    g = load()
    text = ctx.doc.prose.text
    masked_until = -1
    mask_spans: list[tuple[int, int]] = []
    found = g.find(text)
    for m in found:
        if not m.entries:
            mask_spans.append((m.start, m.end))
    kept = []
    mi = 0
    reach = -1   # end of the longest name so far: a name inside it (漯河 in 漯河市) is part of it
    for m in found:
        if not m.entries:
            continue
        if m.end <= reach:
            continue
        reach = m.end
        # Drop names inside a mask (长治 in 长治久安); masks are sorted by start.
        while mi < len(mask_spans) and mask_spans[mi][1] <= m.start:
            mi += 1
        masked_until = mask_spans[mi] if mi < len(mask_spans) else None
        if masked_until and masked_until[0] <= m.start and m.end <= masked_until[1]:
            continue
        kept.append(m)
    by_start: dict[int, list[Match]] = {}
    by_end: dict[int, list[Match]] = {}
    for m in kept:
        by_start.setdefault(m.start, []).append(m)
        by_end.setdefault(m.end, []).append(m)
    return PlaceIndex(kept, by_start, by_end)


def _stated(ctx: Context) -> dict:
    """Context the user stated: settings from config/CLI, then front matter in the file."""
    out = dict(ctx.settings.get("context") or {})
    m = _FRONT_MATTER.match(ctx.doc.text)
    if m:
        for line in m.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip() in ("jurisdiction", "year") and key.strip() not in out:
                out[key.strip()] = value.strip().strip("'\"")
    return out


@fact
def jurisdiction(ctx: Context) -> Jurisdiction:
    g = load()
    year = ctx.doc_year
    # A report of unknown year is read as current: its names are today's names.
    lookup_year = min(year, g.max_year) if year else g.max_year
    stated = _stated(ctx).get("jurisdiction")
    if stated:
        if str(stated).strip() in ("national", "全国", "全國"):
            return Jurisdiction(status="national", source="stated", year=year,
                                evidence=["stated as national"])
        cands = g.lookup(str(stated), lookup_year)
        if len(cands) != 1:
            # Ambiguous or unknown: the config validation reports it; stay silent here.
            return Jurisdiction(status="unknown", source="stated", year=year,
                                evidence=[f"stated {stated!r} names {len(cands)} divisions"])
        return _resolved(g, cands[0], "stated", [f"stated: {stated}"], year)
    text = ctx.doc.prose.text
    index: PlaceIndex = ctx.places
    self_kinds: Counter = Counter()     # weighted: 我市/本市 speak in the report's voice,
    said: Counter = Counter()           # 全市 is often a comparison (居全省前列)
    for m in _SELF.finditer(text):
        if _SELF_KIND[m.group(1)] != "国":
            self_kinds[_SELF_KIND[m.group(1)]] += 1 if m.group(0)[0] == "全" else 3
            said[m.group(0)] += 1
    title = _title_evidence(g, text, index, lookup_year)
    if title:
        best = _choose(g, title, self_kinds, index, lookup_year)
        if best is not None:
            entry, reasons = best
            return _resolved(g, entry, "title", reasons + _self_note(said), year)
    cues = _national_cues(text)
    freq = _by_frequency(g, index, self_kinds, said, lookup_year)
    # Cues count double: a country's report names its regions often (臺灣 in a national speech).
    if cues >= 3 and (freq is None or 2 * cues >= freq[2]):
        return Jurisdiction(status="national", source="national cues", year=year,
                            evidence=[f"the text speaks for the country ({cues} national cues such as 我国)"])
    if freq is not None:
        entry, reasons, _ = freq
        return _resolved(g, entry, "frequency", reasons, year)
    return Jurisdiction(status="unknown", year=year,
                        evidence=["no title naming the division, and no division clearly leads the text"])


def _title_evidence(g: Gazetteer, text: str, index: PlaceIndex, year) -> dict[int, list[str]]:
    """Entry index -> reasons, for names the opening presents as the report's own."""
    out: dict[int, list[str]] = {}
    scores: Counter = Counter()
    for m in index.matches:
        if m.start >= HEAD_CHARS:
            break
        for rx, weight, what in _TITLE:
            if rx.match(text, m.end):
                for i in m.entries:
                    e = g.entry(i)
                    if e.valid_in(year) or year is None:
                        scores[i] += weight
                        line = text.count("\n", 0, m.start) + 1
                        out.setdefault(i, []).append(f"line {line}: '{m.text}' before {what}")
                break
    return {i: out[i] for i in scores}


def _choose(g: Gazetteer, title: dict[int, list[str]], self_kinds: Counter, index: PlaceIndex, year):
    """The most specific title candidate that agrees with how the report refers to itself."""
    kind = self_kinds.most_common(1)[0][0] if self_kinds else None
    cands = list(title)
    if kind in ("区", "县", "市", "省", "旗", "州", "盟"):
        agreeing = [i for i in cands if kind_of(g.entry(i)) == kind]
        cands = agreeing or cands
    mentioned = Counter(c for m in index.matches for c in (g.entry(i).code for i in m.entries))

    def weight(i: int):
        e = g.entry(i)
        support = sum(mentioned[a.code] for a in g.ancestors(e))   # its parents are named too
        return (len(title[i]), e.level, support, mentioned[e.code])

    best = max(cands, key=weight)
    return g.entry(best), title[best]


def _national_cues(text: str) -> int:
    from .gazetteer import places_data
    return sum(text.count(cue) for cue in places_data().get("national_cues") or [])


def _by_frequency(g: Gazetteer, index: PlaceIndex, self_kinds: Counter, said: Counter, year):
    """The division named most, when it clearly leads; the report's voice (我市) breaks ties."""
    kind = self_kinds.most_common(1)[0][0] if self_kinds else None
    counts: Counter = Counter()        # by full name: a division renumbered over time is one place
    latest: dict[str, Entry] = {}
    for m in index.matches:
        for i in m.entries:
            e = g.entry(i)
            if year is None or e.valid_in(year):
                counts[e.name] += (1 if m.full else 0.5) * (1.5 if kind_of(e) == kind else 1)
                if e.name not in latest or e.last > latest[e.name].last:
                    latest[e.name] = e
    if not counts:
        return None
    ranked = counts.most_common(2)
    best, n = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0
    if n < 3 or n < 2 * runner:
        return None
    e = latest[best]
    voice = f"; {_fmt(said)}" if said else ""
    return e, [f"'{e.name}' is named most ({n:g} weighted mentions; next {runner:g}){voice}"], n


def _resolved(g: Gazetteer, e: Entry, source: str, evidence: list[str], year) -> Jurisdiction:
    ancestors = g.ancestors(e)
    family = {e.code} | {a.code for a in ancestors} | g.descendants_codes(e.code)
    return Jurisdiction(entry=e, status="own", source=source, ancestors=ancestors, year=year,
                        evidence=evidence, own_codes={e.code}, family_codes=family)


def _self_note(said: Counter) -> list[str]:
    return [_fmt(said)] if said else []


def _fmt(said: Counter) -> str:
    return "it refers to itself as " + ", ".join(f"{w} ×{n}" for w, n in said.most_common(4))


# --- Suspects: place names standing where the report's own is expected -------------------

# Strokes and bare shapes that too many characters share to make two characters look alike.
_TRIVIAL_COMPONENTS = frozenset("一丨丿乚丶亅乙乛十口日")


@dataclass
class Suspect:
    start: int                 # prose offsets of the name as written (漯河, or 漯河区)
    end: int
    text: str
    entries: tuple[int, ...]   # what the name (or its stem) names in the gazetteer; () for a clipped name
    kind: str                  # slot | nonexistent | lookalike | clipped
    slot: str = ""             # the slot's name (brand, story, …) when in a slot
    strength: str = ""         # strong | weak
    lookalike: bool = False
    far: bool = False          # in another province than the report's
    suggestions: tuple[str, ...] = ()
    context: str = ""          # the slot with the name in it: 平安漯河建设
    nonexistent: bool = False  # written as a division that does not exist (漯河区)


@dataclass
class _Slot:
    name: str
    strength: str
    before: re.Pattern
    after: re.Pattern | None


def _compile_slots(data: dict) -> list[_Slot]:
    import regex
    out = []
    for s in data.get("slots") or []:
        # \Z, not $: the slot word must touch the name (not end the line before it).
        before = regex.compile(f"(?:{s['before']})\\Z") if s.get("before") else None
        after = regex.compile(s["after"]) if s.get("after") else None
        out.append(_Slot(s["name"], s.get("strength", "strong"), before, after))
    return out


class PlaceData:
    """rules/data/places.yaml and char_components.tsv, compiled once."""

    def __init__(self):
        import regex
        from .gazetteer import places_data
        from .resources import data_file
        data = places_data()
        self.slots = _compile_slots(data)
        self.coop_before = regex.compile(f"(?:{data['cooperation_before']})\\Z") if data.get("cooperation_before") else None
        self.not_suffix = frozenset(data.get("not_division_suffix") or [])
        self.coop_after = regex.compile(data["cooperation_after"]) if data.get("cooperation_after") else None
        self.components: dict[str, frozenset[str]] = {}
        path = data_file("char_components.tsv")
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line[0] != "#":
                    ch, parts = line.rstrip("\n").split("\t")
                    self.components[ch] = frozenset(parts.split()) - _TRIVIAL_COMPONENTS

    def chars_alike(self, a: str, b: str) -> bool:
        return bool(self.components.get(a, frozenset()) & self.components.get(b, frozenset()))

    def names_alike(self, x: str, own: str) -> bool:
        """One character apart, and the differing characters share a component (湛河/漯河)."""
        if len(x) != len(own) or x == own:
            return False
        diff = [(a, b) for a, b in zip(x, own) if a != b]
        return len(diff) == 1 and self.chars_alike(*diff[0])


_place_data: PlaceData | None = None


def place_data() -> PlaceData:
    global _place_data
    if _place_data is None:
        _place_data = PlaceData()
    return _place_data


def own_names(j: Jurisdiction, text: str = "") -> tuple[list[str], list[str]]:
    """(full names, short names) of the report's own division; the script the text writes
    them in comes first (湛河區 before 湛河区 in a traditional report)."""
    e = j.entry
    full = [e.name, *e.traditional]
    short = [e.short, *e.traditional_short] if e.short and e.short != e.name else []
    traditional = sum(text.count(n) for n in full[1:] + short[1:])
    simplified = sum(text.count(n) for n in full[:1] + short[:1])
    if traditional > simplified:
        full = full[1:] + full[:1] if len(full) > 1 else full
        short = short[1:] + short[:1] if len(short) > 1 else short
    return full, short


@fact
def place_suspects(ctx: Context) -> list[Suspect]:
    j: Jurisdiction = ctx.jurisdiction
    if not j.known:
        return []
    g = load()
    data = place_data()
    text = ctx.doc.prose.text
    index: PlaceIndex = ctx.places
    full, short = own_names(j, text)
    own_province = (j.ancestors[-1] if j.ancestors else j.entry).code
    out: list[Suspect] = []
    for m in index.matches:
        entries = [g.entry(i) for i in m.entries]
        if any(e.code in j.family_codes for e in entries):
            continue   # the name could be the report's own place, a parent or a child: trust it
        start, end, written = m.start, m.end, m.text
        nonexistent = False
        if not m.full and end < len(text) and text[end] in "区區县縣":
            # 雄安新区 is 雄安 + 新区, not 安新 + 区: the 区 of an everyday word is no suffix.
            if written + text[end] not in g.alias_entries and written[-1] + text[end] not in data.not_suffix:
                nonexistent, end, written = True, end + 1, written + text[end]
        own_forms = full if (m.full or nonexistent) else short
        lookalike = any(data.names_alike(written, o) for o in own_forms)
        found_slot = _slot_at(data, text, start, end)
        slot, context = found_slot if found_slot else (None, "")
        far = all(_province_of(g, e) != own_province for e in entries)
        suggestions = tuple(o for o in own_forms[:1])
        if slot is not None and (slot.strength == "strong" or lookalike):
            out.append(Suspect(start, end, written, m.entries, "slot", slot.name, slot.strength,
                               lookalike, far, suggestions, context, nonexistent))
        elif nonexistent:
            out.append(Suspect(start, end, written, m.entries, "nonexistent", lookalike=lookalike, far=far,
                               suggestions=suggestions if lookalike else (), nonexistent=True))
        elif lookalike and not _cooperation(data, text, start, end) and not _beside_own(text, start, end, full + short):
            out.append(Suspect(start, end, written, m.entries, "lookalike", lookalike=True, far=far,
                               suggestions=suggestions))
    out.extend(_clipped_in_lists(g, data, text, j))
    return _dedupe(out)


def _slot_at(data: PlaceData, text: str, start: int, end: int) -> tuple[_Slot, str] | None:
    """The first slot the name fills, and the words around it (讲好漯河故事)."""
    for slot in data.slots:
        b = slot.before.search(text, max(0, start - 8), start) if slot.before is not None else None
        if slot.before is not None and b is None:
            continue
        a = slot.after.match(text, end) if slot.after is not None else None
        if slot.after is not None and a is None:
            continue
        left = text[b.start():start] if b else ""
        right = text[end:a.end()] if a else ""
        return slot, left + text[start:end] + right.strip("，、。；：”」』） \t\n")
    return None


def _cooperation(data: PlaceData, text: str, start: int, end: int) -> bool:
    return bool((data.coop_before and data.coop_before.search(text, max(0, start - 4), start))
                or (data.coop_after and data.coop_after.match(text, end)))


def _beside_own(text: str, start: int, end: int, own: list[str]) -> bool:
    """Named right next to the report's own name (白龟湖、湛河、沙河; 沙河湛河区段): a peer, not a slip."""
    window_before = text[max(0, start - 12):start].rstrip("、，和与及 ")
    window_after = text[end:end + 12].lstrip("、，和与及 ")
    return any(window_before.endswith(o) or window_after.startswith(o) for o in own if o)


def _province_of(g: Gazetteer, e: Entry) -> str:
    chain = g.ancestors(e)
    return (chain[-1] if chain else e).code


# A list of divisions: names ending in 区/县/市/旗 joined by 、 (鹤壁、淇县、山区、淇滨区).
_LIST = re.compile(r"[\u4e00-\u9fff]{1,8}?[区县市旗](?:、[\u4e00-\u9fff]{1,8}?[区县市旗])+")
_LIST_SEPARATOR = re.compile(r"、(?<=[区县市旗]、)")


def _clipped_in_lists(g: Gazetteer, data: PlaceData, text: str, j: Jurisdiction) -> list[Suspect]:
    """Items of a list of divisions that are no division, one character off a local one (山区 for 山城区)."""
    local: set[str] | None = None
    out = []
    done = -1
    # Lists are rare: find their separators (区、) quickly, then read each list around one.
    for hit in _LIST_SEPARATOR.finditer(text):
        if hit.start() < done:
            continue
        m = _LIST.search(text, max(0, hit.start() - 9), min(len(text), hit.start() + 400))
        if m is None or m.start() > hit.start():
            continue
        done = m.end()
        if local is None:
            local = _local_names(g, j)
        items, pos = [], m.start()
        for item in m.group().split("、"):
            items.append((pos, item))
            pos += len(item) + 1
        if not any(item in local for _, item in items):
            continue   # not a list of this report's own divisions
        for k, (pos, item) in enumerate(items):
            # The first item may carry the words before the list (加快山区): try its tails.
            tails = [item[i:] for i in range(len(item) - 1)] if k == 0 else [item]
            for tail in tails:
                if tail in g.alias_entries or tail in local:
                    break
                near = sorted(n for n in local if _one_insertion(tail, n))
                if near:
                    at = pos + len(item) - len(tail)
                    out.append(Suspect(at, at + len(tail), tail, (), "clipped", suggestions=tuple(near)))
                    break
    return out


def _local_names(g: Gazetteer, j: Jurisdiction) -> set[str]:
    """Full names of the own division, its children, and (for a county) its siblings."""
    codes = {j.entry.code} | g.children_codes(j.entry.code)
    if j.entry.level == 3 and j.entry.parent:
        codes |= g.children_codes(j.entry.parent)
    names = set()
    for code in codes:
        for e in g.by_code.get(code, []):
            if e.valid_in(min(j.year, g.max_year) if j.year else g.max_year):
                names.add(e.name)
                names.update(e.traditional)
    return names


def _one_insertion(short: str, long: str) -> bool:
    """``long`` is ``short`` with one character inserted (山区 -> 山城区, 鹤山区)."""
    if len(long) != len(short) + 1:
        return False
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _dedupe(suspects: list[Suspect]) -> list[Suspect]:
    """One suspect per span (overlapping matches of the same text), by position."""
    seen: set[tuple[int, int]] = set()
    out = []
    for s in sorted(suspects, key=lambda s: (s.start, -s.end)):
        if (s.start, s.end) in seen or any(t.start <= s.start and s.end <= t.end and t.kind != "lookalike"
                                           for t in out[-3:]):
            continue
        seen.add((s.start, s.end))
        out.append(s)
    return out
