"""Which § a decision (or action) was settled under: the item being treated at its own sentence.

The rules extractor cites whole passages, and the aligner starts an item at the head of the turn that
announces it (a reply like "Klubbat." opens the same turn). A decision the chair states before the
transition in that turn ("Då beslutar vi så, och går vidare till punkt fem", "Klubbat. Nästa punkt …")
closes the item before, so the decision is placed by the sentence that says it, not by its passage's
start, and one said ahead of the announcement belongs to the item treated before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transcribe.agenda.align import Alignment, Unit
from transcribe.agenda.numbers import number_refs
from transcribe.agenda.parse import standard_kinds
from transcribe.agenda.phrases import ANNOUNCEMENT, SETTLES
from transcribe.agenda.topics import overlap, title_stems
from transcribe.sv.text import content_words, stem, stems

EPS = 0.01  # item times are rounded to 1/100 s
NAMED_SHARE = 0.5  # a decision names an item when it says more than this share of its title words
# When a decision is to be carried out names a time, not a topic: "… ett brev om fibern till alla hushåll före
# midsommar" is no decision on midsummer
# A decision filed by the meeting's own words: "under punkt åtta", "skriv det under ekonomin" (a verb of writing or
# filing before "under", or "under punkt"; not "under stora gången", "under stoppet")
_FILED = re.compile(r"\bunder (?:punkt|paragraf)\b|\b(?:skriv\w*|för\w* in|lägg\w*|notera\w*) (?:\w+ ){0,3}under\b")
# The decision just made filed by a pronoun in a later turn: "Är det budgeten, det vi beslutar nu?" – "Ja. Skriv det
# under budgeten, Maria."
_FILED_IT = re.compile(r"\b(?:skriv\w*|för\w* in|lägg\w*|notera\w*) (?:det|den|detta|dem) (?:\w+ ){0,2}?under\b")
_FILING = re.compile(r"\btill handlingarna\b")
_NOT_FILED = {"open", "chair", "secretary", "adjusters", "quorum", "agenda", "close"}
LATER_TURNS = 3  # the turns after a decision in which the meeting may still say where it is written
_WHEN = re.compile(r"\b(?:före|innan|efter|senast|till och med|från och med|inför)\s+\w+")


def saying_sentence(text: str, units: list[Unit]) -> Unit:
    """The sentence of a passage that says the decision: the most of its words, else the passage's first."""
    words = stems(text)
    best = max(units, key=lambda u: len(overlap(words, u.stems)))
    return best if overlap(words, best.stems) else units[0]


def settled_under(
    alignment: Alignment, units: list[Unit], segment_id: int, text: str, at: float, cited: Sequence[int] = ()
) -> str | None:
    """The item number a decision `text`, cited last by `segment_id` (starting at `at`), belongs to; None for
    Övrigt. When the last citation does not say the decision (the chair moving on: "Då går vi tillbaka till
    punkt sju"), the sentence of an earlier `cited` segment, or of the turn just before them, that says it
    does."""
    own = [u for u in units if u.seg_id == segment_id]
    if not own:
        return alignment.item_at(at)
    u = saying_sentence(text, own)
    words = stems(text)
    first = min((i for i, v in enumerate(units) if v.seg_id in {*cited, segment_id}), default=0)
    before = units[first - 1].seg_id if first > 0 else None  # the turn just before the first citation
    earlier = [v for v in units if v.seg_id in {*cited, before} and v.seg_id != segment_id]
    opens = any(s.start is not None and abs(s.start - u.start) < EPS for s in alignment.items if s.treated)
    if earlier and (len(overlap(words, u.stems)) <= 1 or opens):  # the last citation does not say it, beyond the
        # verb, or opens the next item ("Ja, så blir det. Förmiddag … för temat." – "Nu kom mejlet från
        # förvaltningen …" cited with it): the earlier sentence that says it settles it
        v = saying_sentence(text, earlier)
        if len(overlap(words, v.stems)) > 1:
            u = v
    filed = next((f for v in own if (f := filed_under(alignment, units, v)) is not None), None)
    filed = filed or filed_later(alignment, units, own[-1])
    if filed is not None:  # "… till handlingarna, under punkt åtta.", "Maja, skriv det under ekonomin."
        return filed
    back = alignment.returned_at(u.start + EPS)
    if back is not None:  # said after the talk went back to an item begun before: that item's decision
        return back
    number = alignment.item_at(u.start + EPS)
    span = alignment.item(number) if number else None
    if span is None or span.start is None or span.announced is None:
        return filed_report(alignment, standard_home(alignment, number, text), text)
    before = u.start < span.announced - EPS  # a reply ahead of the announcement, in the turn opening the item
    if not before and abs(u.start - span.announced) < EPS:  # "Då beslutar vi så och går vidare till …"
        cue = ANNOUNCEMENT.search(u.low)
        before = cue is not None and bool(SETTLES.search(u.low[: cue.start()]))
    before = before or any(v is u for v in lead_in(alignment, units, number))
    number = alignment.item_at(span.start - EPS) if before else number
    number = named_instead(alignment, number, stems(_WHEN.sub(" ", text.lower()))) or number
    return filed_report(alignment, standard_home(alignment, number, text), text)


# The standard items' outcomes in their fixed forms, by the item's kind: the notice found in order ("Mötet ansågs
# rätt utlyst."), the agenda approved ("Dagordningen godkändes."), the board discharged ("… ansvarsfrihet")
_STANDARD_FORMS = {
    "quorum": re.compile(
        r"\b(?:mötet|stämman|årsmötet|årsstämman|föreningsstämman|sammanträdet)\s+(?:\w+\s+){0,4}?"
        r"(?:utlyst|utlysts|kallat|kallad|kallats|sammankallat|sammankallad)\b"
    ),
    "agenda": re.compile(
        r"\b(?:dagordning|föredragningslist)\w*\b.*\b(?:godkän|fastställ)|\b(?:godkän|fastställ)\w* "
        r"(?:\w+ )?(?:dagordning|föredragningslist)"
    ),  # fmt: skip
    "discharge": re.compile(r"\bansvarsfrihet\b"),
}


def standard_home(alignment: Alignment, number: str | None, text: str) -> str | None:
    """A standard item's outcome said in its fixed form belongs to the one item of that kind, when the item it was
    placed under by time is not of it ("Då är mötet rätt utlyst." under the agenda, its start set early)."""
    span = alignment.item(number) if number else None
    low = text.lower()
    kind = next((k for k, form in _STANDARD_FORMS.items() if form.search(low)), None)
    if span is None or kind is None or kind in _kinds(span.title):
        return number
    homes = [s.number for s in alignment.items if kind in _kinds(s.title) and not _parent(alignment, s.number)]
    return homes[0] if len(homes) == 1 else number


def _kinds(title: str) -> list[str]:
    """The standard kinds a title names, the discharge among them ("Fråga om ansvarsfrihet för styrelsen")."""
    return [*standard_kinds(title), *(["discharge"] if "ansvarsfrihet" in title.lower() else [])]


def _parent(alignment: Alignment, number: str) -> bool:
    return any(c.parent == number for c in alignment.items)


def filed_report(alignment: Alignment, number: str | None, text: str) -> str | None:
    """A filing puts a report or the minutes to the records: the one it names by most of its title or its head, and
    more than the item's own ("Då tackar vi Per och lägger redovisningen till handlingarna."), else, the meeting's
    formalities (the opening, an election, the notice, the agenda) are never filed: one placed there by time
    belongs to the item beside it in the agenda (the next, else the one before), whose start the alignment missed
    or set apart."""
    span = alignment.item(number) if number else None
    if span is None or not _FILING.search(text.lower()):
        return number
    leaves = [s for s in alignment.items if not any(c.parent == s.number for c in alignment.items)]
    words = stems(_FILING.split(text.lower())[0])  # what is filed, by its report's title: "lägger redovisningen …"
    said = len(overlap(stems(span.title), words, related_too=False))
    named = [  # most of its title, or its head ("redovisningen" for "Ekonomisk redovisning")
        s.number
        for s in leaves
        if s.kind not in _NOT_FILED
        and (title := stems(s.title))
        and len(hit := overlap(title, words, related_too=False)) > said
        and (len(hit) > NAMED_SHARE * len(title) or _head(s.title) in hit)
    ]
    if len(named) == 1:
        return named[0]
    if span.kind not in _NOT_FILED:
        return number
    at = next((i for i, s in enumerate(leaves) if s.number == number), None)
    if at is None:
        return number
    beside = [leaves[j] for j in (at + 1, at - 1) if 0 <= j < len(leaves)]
    return next((s.number for s in beside if s.kind not in _NOT_FILED), number)


def placed_by_matter(number: str, text: str, evidence: list[Unit], alignment: Alignment, units: list[Unit]) -> str:
    """The § of a decision read from an item's set phrases or its closing, placed like the rules' decisions
    (settled_under: said ahead of the next item's announcement, naming another item's matter) where it was
    placed by its time alone, not filed by the meeting's words or said on a return."""
    last = max(evidence, key=lambda u: u.start)
    if number != alignment.item_at(last.start + 0.01):
        return number
    cited = [u.seg_id for u in evidence]
    placed = settled_under(alignment, units, last.seg_id, text, last.start, cited) or number
    nxt = units[last.idx + 1] if last.idx + 1 < len(units) else None  # else its matter said next, in its turn and
    if (
        placed == number
        and nxt is not None
        and nxt.seg_id == last.seg_id
        and alignment.item_at(nxt.start + EPS) == number
    ):
        text = f"{text} {nxt.text}"  # item: "Då är motionen bifallen. Kopparhjulet får ett damlag."
        placed = settled_under(alignment, units, last.seg_id, text, last.start, cited) or number
    return placed


def lead_in(alignment: Alignment, units: list[Unit], number: str | None) -> list[Unit]:
    """The sentences that open an item's first turn ahead of the one that turns the talk to it (its title's words,
    its number, an announcement), when another item was treated just before: "Då är det så. Rådet rekommenderar
    ESA-kursen för alla i tvåan. Utrustningen i verkstaden." closes the item before in the turn that opens the next."""
    span = alignment.item(number) if number else None
    if span is None or not span.treated or span.start is None or alignment.item_at(span.start - EPS) is None:
        return []
    at = next((i for i, u in enumerate(units) if u.start >= span.start - EPS), None)
    if at is None:
        return []
    turn = [u for u in units[at:] if u.seg_id == units[at].seg_id]
    title = title_stems(span)
    names = next(
        (
            i
            for i, u in enumerate(turn)
            if overlap(title, u.stems)
            or ANNOUNCEMENT.search(u.low)
            or any(r == span.number for r, _ in number_refs(u.low))
        ),
        0,
    )
    return turn[:names]


def filed_under(alignment: Alignment, units: list[Unit], u: Unit) -> str | None:
    """The item the decision's own sentence, or the next one of the same turn, files it under by number or by
    title ("under punkt åtta", "skriv det under ekonomin"): the meeting says where it belongs."""
    leaves = [s for s in alignment.items if not any(c.parent == s.number for c in alignment.items)]
    i = units.index(u)
    for v in [w for w in units[i : i + 2] if w.seg_id == u.seg_id]:
        m = _FILED.search(v.low)
        if m is None:
            continue
        rest = v.low[m.end() :]
        refs = [ref for ref, _ in number_refs(m.group(0) + rest)]  # "under" reads as a move elsewhere: any sign
        named = [s.number for s in leaves if s.number in refs[:1]]
        if not named and not m.group(0).rstrip().endswith(("punkt", "paragraf")):
            words = stems(" ".join(rest.split()[:3]))
            named = [s.number for s in leaves if overlap(stems(s.title), words, related_too=True)]
        if len(named) == 1:
            return named[0]
    return None


def filed_later(alignment: Alignment, units: list[Unit], u: Unit) -> str | None:
    """The item a filing said by a pronoun in the next turns files the decision ending at `u` under ("Är det budgeten,
    det vi beslutar nu?" – "Ja. Skriv det under budgeten, Maria."), before the talk turns to an item or settles
    something else."""
    i = units.index(u)
    turns, seg = 0, u.seg_id
    for v in units[i + 1 :]:
        if v.seg_id != seg:
            turns, seg = turns + 1, v.seg_id
        if turns > LATER_TURNS or ANNOUNCEMENT.search(v.low):
            return None
        if _FILED_IT.search(v.low):
            return filed_under(alignment, units, v)
        if SETTLES.search(v.low) and not v.text.rstrip().endswith("?"):
            return None
    return None


def named_instead(alignment: Alignment, number: str | None, words: set[str]) -> str | None:
    """The item a decision names by its title when the item it was placed under by time is named less: one
    whose start the alignment missed, or the item just before or after (the boundary between them misplaced).
    "Då beslutar vi att ha drop-in-vaccination två kvällar" under "Föregående minnesanteckningar" belongs to
    "Influensavaccinationen", "Då är motionen bifallen. Kopparhjulet får ett damlag." under "Motion om klubbresa
    till Mallorca" to "Motion om ett damlag". Only one such item, most of its title said, and more of it than of
    the item's own."""
    leaves = [s for s in alignment.items if not any(c.parent == s.number for c in alignment.items)]
    current = next((s for s in leaves if s.number == number), None)
    if current is None:
        return None
    own = stems(current.title)
    said = len(overlap(own, words, related_too=False))
    share = said / max(len(own), 1)
    if share > NAMED_SHARE:
        return None
    placed = sorted((s for s in leaves if s.treated and s.start is not None), key=lambda s: s.start or 0.0)
    at = next((i for i, s in enumerate(placed) if s.number == number), None)
    near = {s.number for s in placed[max(0, (at or 0) - 1) : (at or 0) + 2]} if at is not None else set()
    named = [
        s
        for s in leaves
        if s.number != number
        and (not s.treated or s.number in near)
        and (title := stems(s.title))
        and len(hit := overlap(title, words, related_too=False)) > NAMED_SHARE * len(title)
        and len(hit) > said
        and len(hit) / len(title) > share
    ]
    return named[0].number if len(named) == 1 else None


def _head(title: str) -> str | None:
    """The stem of a title's last content word: what a title of several words is about."""
    words = content_words(title)
    return stem(words[-1]) if words else None
