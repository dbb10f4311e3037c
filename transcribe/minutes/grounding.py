"""Grounding: a language model's minutes item stands only if the passages it cites say it.

A model can cite a segment that exists and still write something nobody said (a
copied prompt example, an invented person, a placeholder, a date off by a week).
Each item is checked against the text of the segments it cites:

* its content words, stemmed, must occur in the cited text (numbers compared
  spelled out, compounds matched by their parts);
* an owner must be a participant or a name said in the passage or next to it;
* a date or time must parse from the passage or its neighbours to the same value;
* a decision's passage (or the reply right after it) must carry a decision cue,
  and one that says nothing was decided removes it;
* placeholders ("...", "att …") and text close to the prompt's example are rejected.

An item that fails is dropped with its reason; one that passes with a doubt is flagged.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from transcribe.minutes import cues
from transcribe.minutes.dates import find_whens, parse_when
from transcribe.minutes.llm_prompts import EXAMPLE_DATES, EXAMPLE_OWNERS, EXAMPLE_TEXTS
from transcribe.minutes.model import Evidence
from transcribe.sv.spoken import normalise
from transcribe.sv.text import containment, content_words, sentences, stem, tokens
from transcribe.transcript import Segment, Transcript

NEIGHBOURS = 2  # segments either side where a date or a name may be said
# Minutes vocabulary a faithful item may add without anyone saying it.
GENERIC = frozenset(
    stem(w)
    for w in """
    mötet möte mötets beslutade beslutades beslut besluta beslutar bestämde bestämdes enades enats överens
    styrelsen gruppen nätverket deltagarna föreslog förslaget förslag fråga frågan ansvarig ansvarar
    godkände godkändes godkänna ärendet punkten sköts upp avslogs avslog fattades
""".split()
)
PLACEHOLDER = re.compile(r"\.\.\.|…|\[[^\]]*\]|<[^>]*>|\b(?:xxx|lorem|ipsum|todo)\b", re.IGNORECASE)
EMPTY_TAIL = re.compile(r"\b(?:att|om|för|till|med|och)\s*[.…]*\s*$", re.IGNORECASE)


@dataclass
class Verdict:
    """Whether an item stands; `reason` says why not, `flag` what a reviewer should check."""

    ok: bool
    reason: str | None = None
    flag: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    owner: str | None = None
    due: dt.date | None = None
    when: dt.datetime | dt.date | None = None


def stems_of(text: str) -> set[str]:
    return {stem(w) for w in content_words(normalise(text))}


def similar(a: str, b: str, threshold: float = 0.5) -> bool:
    """Share of the shorter text's stems that the other one has too."""
    sa, sb = stems_of(a), stems_of(b)
    return bool(sa and sb) and containment(sa, sb) >= threshold


def copies(text: str, example: str) -> bool:
    """Half or more of the example's specific words (minutes vocabulary aside) reappear in `text`."""
    mine, theirs = stems_of(text) - GENERIC, stems_of(example) - GENERIC
    return bool(mine and theirs) and containment(mine, theirs) >= 0.5


def _supported(word: str, cited: set[str], cited_tokens: set[str]) -> bool:
    if word in cited or word in GENERIC:
        return True
    if len(word) < 4:
        return False
    # Swedish compounds: "avgiften" in "medlemsavgiften", "kallelse" in "årsmöteskallelsen".
    return any(word in t for t in cited_tokens) or any(len(c) >= 4 and c in word for c in cited)


def unsupported_words(text: str, cited_text: str) -> list[str]:
    """Content words of `text` the cited text does not contain (after stemming, numbers spelled out)."""
    cited_norm = normalise(cited_text)
    cited_tokens = set(tokens(cited_norm))
    cited = {stem(w) for w in cited_tokens}
    words = content_words(normalise(text))
    return [w for w in dict.fromkeys(words) if not _supported(stem(w), cited, cited_tokens)]


def _without_dates(text: str, ref: dt.date) -> str:
    """The text with its date and time expressions cut out (those are checked as dates)."""
    out, pos = [], 0
    for w in find_whens(text, ref):
        out.append(text[pos : w.start])
        pos = w.end
    out.append(text[pos:])
    return " ".join(out)


class Grounder:
    """Checks items against one transcript."""

    def __init__(self, transcript: Transcript, meeting_date: dt.date | None) -> None:
        self.transcript = transcript
        self.ref = meeting_date or dt.date.today()
        self.order = [s for s in transcript.segments if s.text.strip()]
        self.pos = {s.id: i for i, s in enumerate(self.order)}
        self.people = [(info.label, info.name) for info in transcript.speakers if info.name]

    # ------------------------------------------------------------------ passages
    def cited(self, ids: list[int]) -> list[Segment] | None:
        """The cited segments in order, or None if any id does not exist."""
        if any(i not in self.pos for i in ids):
            return None
        return sorted({self.pos[i]: self.order[self.pos[i]] for i in ids}.values(), key=lambda s: self.pos[s.id])

    def around(self, segs: list[Segment], before: int = NEIGHBOURS, after: int = NEIGHBOURS) -> list[Segment]:
        lo = max(0, min(self.pos[s.id] for s in segs) - before)
        hi = max(self.pos[s.id] for s in segs) + after
        return self.order[lo : hi + 1]

    def evidence(self, segs: list[Segment]) -> list[Evidence]:
        name = self.transcript.speaker_name
        return [Evidence(segment_id=s.id, speaker=s.speaker, speaker_name=name(s.speaker) or None,
                         start=s.start, end=s.end, quote=s.text.strip()) for s in segs]  # fmt: skip

    @staticmethod
    def joined(segs: list[Segment]) -> str:
        return " ".join(s.text.strip() for s in segs)

    def doubt(self, segs: list[Segment]) -> str | None:
        for s in segs:
            if s.overlap or (s.avg_logprob is not None and s.avg_logprob < -1.0):
                return "Osäker igenkänning"
        return None

    # ------------------------------------------------------------------ checks
    def text_reason(self, text: str, segs: list[Segment], allowed_missing: float = 0.0) -> str | None:
        """Why `text` is not grounded in `segs`, or None."""
        if PLACEHOLDER.search(text) or EMPTY_TAIL.search(text):
            return "platshållare i stället för innehåll"
        if any(copies(text, ex) for ex in EXAMPLE_TEXTS):
            return "kopia av promptens exempel"
        body = _without_dates(text, self.ref)
        words = [w for w in content_words(normalise(body)) if stem(w) not in GENERIC]
        if not words:
            return "inget innehåll"
        # The speakers' and participants' names may be written out where the speaker said "jag".
        names = " ".join(full for _, full in self.people)
        missing = unsupported_words(body, f"{self.joined(segs)} {names}")
        if len(missing) > int(len(words) * allowed_missing):
            return "innehållet sägs inte i de citerade raderna"
        if cues.NEG.search(text.lower()) and not cues.NEG.search(self.joined(segs).lower()):
            return "nekande formulering som inte finns i de citerade raderna"
        return None

    def owner(self, name: str | None, segs: list[Segment]) -> tuple[str | None, str | None, str | None]:
        """(canonical owner, rejection reason, review flag)."""
        if not name or not name.strip():
            return None, None, None
        name = name.strip()
        if any(name.lower() == x.lower() for x in EXAMPLE_OWNERS):
            return None, "kopia av promptens exempel", None
        low = name.lower()
        for label, full in self.people:
            parts = full.lower().split()
            if low in (full.lower(), label.lower()) or low in parts:
                return full, None, None
        said = set(tokens(self.joined(self.around(segs))))
        if all(t in said for t in tokens(name)):
            return name, None, "Ansvarig kunde inte kopplas till en deltagare"
        return None, "ansvarig är ingen deltagare och nämns inte i passagen", None

    def dates_said(self, segs: list[Segment]) -> list[tuple[dt.date | None, dt.time | None]]:
        return [(w.date, w.time) for s in self.around(segs) for w in find_whens(s.text, self.ref)]

    def date_value(self, value: str | None) -> tuple[dt.date | None, bool]:
        """(date, parsed) for a model's due/date string: ISO first, then spoken Swedish."""
        if not value or not value.strip():
            return None, True
        try:
            return dt.date.fromisoformat(value.strip()[:10]), True
        except ValueError:
            w = parse_when(value, self.ref)
            return (w.date, True) if w and w.date else (None, False)

    def has_decision_cue(self, segs: list[Segment]) -> tuple[bool, bool]:
        """(a decision cue in the passage or the reply right after it, the passage says nothing was decided)."""
        span = self.around(segs, before=0, after=1)
        lows = [s.text.strip().lower() for s in span]
        whole = " ".join(lows)
        found = any(p.search(whole) for _, p in cues.DECISION_WITH_CONTENT)
        found = found or any(p.search(whole) for p in (cues.CONFIRMATION, cues.APPROVAL, cues.NEGATIVE_DECISION))
        for low in lows:
            for sent in sentences(low):
                if any(p.match(sent) for p in (cues.DECLARATIVE_INVERTED, cues.DECLARATIVE_DIRECT)):
                    found = True
                if cues.WEAK_CONFIRMATION.search(sent):
                    found = True
        for a, b in zip(lows, lows[1:], strict=False):
            if cues.CALL_FOR_DECISION.search(a) and cues.AGREEMENT.search(b):
                found = True
        cited = " ".join(s.text.strip().lower() for s in segs)
        said_no = bool(cues.UNDECIDED.search(cited))
        return found, said_no

    # ------------------------------------------------------------------ items
    def _common(self, ids: list[int]) -> tuple[list[Segment] | None, Verdict | None]:
        segs = self.cited(ids)
        if segs is None:
            return None, Verdict(False, "citerar rader som inte finns")
        return segs, None

    def decision(self, text: str, ids: list[int]) -> Verdict:
        segs, bad = self._common(ids)
        if segs is None:
            return bad  # type: ignore[return-value]
        span = self.around(segs, before=0, after=1)
        reason = self.text_reason(text, span)
        if reason:
            return Verdict(False, reason)
        cue, said_no = self.has_decision_cue(segs)
        if not cue:
            why = "passagen säger att inget beslut fattades" if said_no else "inget beslut uttalas i passagen"
            return Verdict(False, why)
        flag = "Texten tyder på att inget beslut fattades" if said_no else self.doubt(segs)
        return Verdict(True, flag=flag, evidence=self.evidence(segs))

    def action(self, what: str, owner: str | None, due: str | None, ids: list[int]) -> Verdict:
        segs, bad = self._common(ids)
        if segs is None:
            return bad  # type: ignore[return-value]
        reason = self.text_reason(what, segs)
        if reason:
            return Verdict(False, reason)
        who, reason, flag = self.owner(owner, segs)
        if reason:
            return Verdict(False, reason)
        day, parsed = self.date_value(due)
        if day is not None and (day in EXAMPLE_DATES or day not in {d for d, _ in self.dates_said(segs)}):
            return Verdict(False, "datumet sägs inte i passagen")
        if not parsed and unsupported_words(due or "", self.joined(self.around(segs))):
            return Verdict(False, "tidpunkten sägs inte i passagen")
        return Verdict(True, flag=flag or self.doubt(segs), evidence=self.evidence(segs), owner=who, due=day)

    def open_item(self, text: str, ids: list[int]) -> Verdict:
        segs, bad = self._common(ids)
        if segs is None:
            return bad  # type: ignore[return-value]
        reason = self.text_reason(text, segs)
        if reason:
            return Verdict(False, reason)
        return Verdict(True, flag=self.doubt(segs), evidence=self.evidence(segs))

    def next_meeting(self, day: dt.date, clock: dt.time | None, ids: list[int]) -> Verdict:
        segs, bad = self._common(ids)
        if segs is None:
            return bad  # type: ignore[return-value]
        said = self.dates_said(segs)
        if day in EXAMPLE_DATES or day not in {d for d, _ in said}:
            return Verdict(False, "datumet sägs inte i passagen")
        if clock is not None and clock not in {t for _, t in said}:
            return Verdict(False, "klockslaget sägs inte i passagen")
        when = dt.datetime.combine(day, clock) if clock else day
        return Verdict(True, flag=self.doubt(segs), evidence=self.evidence(segs), when=when)

    def summary(self, text: str, ids: list[int]) -> Verdict:
        segs, bad = self._common(ids)
        if segs is None:
            return bad  # type: ignore[return-value]
        reason = self.text_reason(text, segs, allowed_missing=0.25)
        return Verdict(False, reason) if reason else Verdict(True, evidence=self.evidence(segs))
