"""An item taken up again after the talk moved on: "Då går vi tillbaka till punkt fem", "Får jag gå tillbaka till
skyddsronden en sekund?", "Förlåt, en sak till om kassan som jag glömde", "Apropå lösenorden, jag glömde en sak".

When the item was already begun before (evidence enough for a start earlier on), the return starts nothing: the
item keeps its first start, and what is decided in the passage the return opens is filed under it (settle.py).
When it was not ("Punkt nio tar vi före åtta" … "Då går vi tillbaka till punkt åtta"), the return is its start
as any transition is. The passage runs to the next item's start, the next announcement, or the end of the turn
that settles something in it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from transcribe.agenda.numbers import number_refs
from transcribe.agenda.parse import AgendaItem
from transcribe.agenda.phrases import ANNOUNCES, CONCLUDES, OPENS_WITH, SETTLES
from transcribe.agenda.topics import overlap, title_stems
from transcribe.sv.text import content_words, stem

LATER_ON = re.compile(r"\b(?:senare|sedan|sen|efteråt|nästa|(?<!nu )när|i slutet)\b")  # not "nu när vi vet …"

IN_ORDER = re.compile(r"\btillbaka till (?:\w+ )?(?:ordningen|dagordningen|föredragningslistan|listan)\b")

if TYPE_CHECKING:  # align.py imports this module
    from transcribe.agenda.align import Unit

RETURNS = re.compile(
    r"\b(?:(?:gå|går|gick|hoppa|hoppar|komma|kommer|vända|vänder) (?:\w+ )?tillbaka till|^\W*(?:\w+\W+)?tillbaka till"
    r"|tillbaka till (?:punkt|ärende|paragraf)|återgå\w* till"
    r"|(?:ta|tar|tas) (?:vi |jag )?upp (?:\w+ ){1,3}igen\b|^\W*(?:(?:och|så|då)\W+)?\w+ igen\b"
    r"|(?:får|kan|ska|måste) (?:jag|vi) återkomma till|(?:jag|vi) (?:får|kan|ska|måste) återkomma till"
    r"|(?:jag|vi) återkommer (?:nu )?till"
    r"|återvänd\w* till|(?:en|ytterligare en) (?:sak|grej|fråga|detalj) till om|^\W*(?:och )?apropå"
    r"|\bvi (?:hoppade|har hoppat) över (?!att\b)|\bvi (?:glömde|har glömt) (?!att\b|bort\b))\b"
)  # an item "passed over" that was begun before is taken up again: "Välkommen, Per. Vi hoppade över ekonomin."

# The item a return comes before, said first: "Innan övriga frågor: ekonomin igen", "Innan vi tar övriga frågor,
# tillbaka till ekonomin" (the return is read after it, and the item named in it is not the one taken up)
BEFORE_CLAUSE = re.compile(
    r"^\W*(?:(?:men|och|så|då)\s+)?(?:innan|före)\s+(?:vi\s+(?:tar|går\s+(?:över\s+)?till|kommer\s+till)\s+)?"
    r"[^,:;.!?]{1,40}?[,:;]\s*"
)


def return_cues(units: list[Unit], leaves: list[AgendaItem]) -> list[tuple[int, int]]:
    """(unit, item) for each sentence that takes an item up again: the item its number names after the cue, else
    the one item whose title words (or everyday words for its topic) are said after it."""
    titles = [title_stems(it) for it in leaves]
    out = []
    for i, u in enumerate(units):
        low = BEFORE_CLAUSE.sub("", u.low, count=1)
        m = RETURNS.search(low)
        if m is None:
            continue
        rest = low[m.start() :]
        if LATER_ON.search(rest) or IN_ORDER.search(rest):  # "Vi får återkomma till det senare": put off, not taken
            continue  # up again; "Då går vi tillbaka till ordningen": the agenda's order resumed, not its approval
        refs = [ref for ref, sign in number_refs(rest) if sign > 0]
        hit = [k for k, it in enumerate(leaves) if it.number in refs]
        if not hit:
            words = {stem(w) for w in content_words(rest)}
            shared = [(len(overlap(t, words)), k) for k, t in enumerate(titles)]
            top = max((n for n, _ in shared), default=0)
            hit = [k for n, k in shared if n == top] if top else []
        if len(hit) > 1:  # "återkomma till ekonomin nu när vi vet vad fasaden kostar": the one named first
            order = [stem(w) for w in content_words(rest)]
            first = {k: min(j for j, w in enumerate(order) if overlap(titles[k], {w})) for k in hit}
            hit = [k for k in hit if first[k] == min(first.values())]
        if len(hit) == 1 and leaves[hit[0]].kind != "open":  # the opening is never gone back to
            out.append((i, hit[0]))
    return out


def begun_before(
    B: list[list[float]],
    named: list[list[bool]],
    units: list[Unit],
    at: int,
    k: int,
    threshold: float,
    strong: float,
    turns: list[float],
) -> bool:
    """Item k had evidence enough for a start (B >= 0) in an earlier turn than the return at `at`, and was not
    struck or put off since ("Punkt sju om simhallen väntar vi med": evidence below nothing, B < -threshold).
    Not in a turn that names another item outright (`strong`): "Taket tar vi före midsommarfirandet" takes the
    roof, and midsummer is only the item it goes before. The evidence must say the item was begun there: it was
    named, or the talk turned there (`turns`); a title word said inside another item's talk ("Då har vi två
    förslag, styrelsens femhundra …" under the fee) began nothing, and "Då går vi tillbaka till åttan, val av
    styrelse." after the motions taken before the elections is the elections' start."""
    put_off = [j for j in range(at) if B[k][j] < -threshold]
    since = put_off[-1] if put_off else -1
    other = {
        units[j].seg_id
        for j in range(since + 1, at)
        if any(named[i][j] and B[i][j] >= strong for i in range(len(B)) if i != k)
    }
    skip = {units[at].seg_id, units[since].seg_id if put_off else None, *other}
    return any(
        B[k][j] >= 0 and (named[k][j] or turns[j] >= 1.0) for j in range(since + 1, at) if units[j].seg_id not in skip
    )


def returned(
    units: list[Unit],
    cues: list[tuple[int, int]],
    B: list[list[float]],
    named: list[list[bool]],
    turns: list[float],
    chair: str | None,
    threshold: float,
    strong: float,
) -> None:
    """An item taken up again that was begun before: its passage starts nothing (B and named set in place)."""
    for r, k in cues:
        if begun_before(B, named, units, r, k, threshold, strong, turns):
            starts = {  # the chair starting another item ends the passage; the item's own words do not
                j
                for j, u in enumerate(units)
                if u.speaker == chair and any(b[j] >= 0 for i, b in enumerate(B) if i != k)
            }
            for j in range(r, passage_end(units, r, starts - {r}, turns)):
                for row, names in zip(B, named, strict=True):
                    row[j], names[j] = min(row[j], -threshold), False


def passage_end(units: list[Unit], r: int, starts: set[int], turns: list[float]) -> int:
    """The unit after the passage a return at `r` opens: the next of `starts` (sentences that start an item), an
    announcement, the talk turning in a later turn, or the turn after the one that settles something."""
    settled = None
    for j in range(r + 1, len(units)):
        u = units[j]
        own_turn = u.seg_id == units[r].seg_id  # "… tillbaka till punkt fem. Eva, vad föreslår du?" hands it on
        if (j in starts or turns[j] >= 1.0) and not own_turn or ANNOUNCES.search(u.low) or OPENS_WITH.search(u.low):
            return j
        if settled is not None and u.seg_id != settled:
            return j
        if settled is None and (SETTLES.search(u.low) or CONCLUDES.search(u.low)):
            settled = u.seg_id
    return len(units)


def passages(
    units: list[Unit], cues: list[tuple[int, int]], starts: dict[int, int], turns: list[float]
) -> list[tuple[int, int, int]]:
    """(first unit, unit after the last, item) of each return to an item that started before it."""
    used = set(starts.values())
    return [(r, passage_end(units, r, used, turns), k) for r, k in cues if k in starts and starts[k] < r]
