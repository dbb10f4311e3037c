"""The shared state of one extraction pass, and the helpers every rule family uses."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from transcribe.minutes import cues
from transcribe.minutes.dates import When, find_whens
from transcribe.minutes.fuzzy import Lexicon
from transcribe.minutes.model import Decision, OpenItem
from transcribe.minutes.phrasing import (
    proposal_clause,
    strip_discourse,
)
from transcribe.minutes.rules.damaged import repair_turns
from transcribe.minutes.rules.safety import PREFIX, doubt, polarity_conflict
from transcribe.minutes.rules.utterances import (
    LOOKBACK_S,
    LOOKBACK_UTTS,
    WH,
    Extracted,
    Utt,
    audio_doubt,
    build_utts,
    evidence_list,
    merge_evidence,
    similar,
    stems,
    substantive,
)
from transcribe.minutes.scorer import DecisionScorer, shipped
from transcribe.sv.text import content_words
from transcribe.transcript import Transcript

# The next sentence takes the decision back or gives it to someone else: "det är inget beslut",
# "Det är deras beslut, vi hyr den bara", "Det är alltså inget vi bestämmer".
_DISCLAIMER = re.compile(
    r"\b(?:inget|inte\s+(?:ett|något))\s+beslut\b|\bdet\s+är\s+(?:ju\s+)?(?P<whose>deras|[a-zåäö]+(?:ns|ets))\s+beslut\b|"
    r"\binget\s+(?:som\s+)?vi\s+(?:bestämmer|beslutar)\b"
)

# A formal act's own words: two acts on other papers share only these ("Rapporten lades till handlingarna." and
# "Föregående protokoll lades till handlingarna." are two decisions, not one said twice)
_ACT_WORDS = stems("lades till handlingarna godkändes fastställdes bifölls antogs")


# A condition or a consequence is no proposal to confirm: "Men om det regnar så vill jag ha pengarna tillbaka"
# (unless the group acts on it: "Om de lägger ett eget yrkande så röstar vi för det"),
# "Då hinner folk komma efter middagen" (the verb before a subject other than the group), a need of one's own
# ("Jag måste skriva inbjudan").
_NO_PROPOSAL = re.compile(
    r"^(?:(?:men|och|ja|nej)\b[\s,]*)*(?:om|ifall)\b(?!.*\b(?:så|då)\s+[a-zåäö]+\s+vi\b)"
    r"|^(?:(?:men|och|ja)\b[\s,]*)*(?:då|så)\s+(?:kan|ska|[a-zåäö]+(?:ar|er|ir|år|är|ör|as))\s+(?!vi\b|det\b)"
    r"|^(?:[\w-]+,?\s+)?jag\s+(?:måste|behöver)\b"
)


class RuleState:
    """What one pass over the sentences knows: sentences, recent proposals, items found so far."""

    def __init__(self, transcript: Transcript, meeting_date: dt.date | None, vocabulary: Iterable[str] = (),
                 robust: bool = True, scorer: DecisionScorer | bool | None = True) -> None:  # fmt: skip
        self.t = transcript
        self.ref = meeting_date or dt.date.today()
        # robust: repair misheard cue words and check negations (see fuzzy.py); off = the plain rules.
        self.robust = robust
        # The learned second opinion on decisions (scorer.py): True = the shipped model if there is one, with robust.
        self.scorer = (shipped() if robust else None) if scorer is True else (scorer or None)
        self.decided: set[int] = set()  # sentences a rule made (part of) a decision
        self.opened: set[int] = set()  # sentences a rule left open, or whose decision was taken back
        names = [s.name for s in transcript.speakers if s.name]
        vocabulary = list(vocabulary)
        started = transcript.metadata.get("start_time") or transcript.metadata.get("time") or ""
        clock = re.match(r"^(\d{1,2})[:.](\d{2})", started)
        self.start_time = dt.time(int(clock.group(1)), int(clock.group(2))) if clock else None
        self.lexicon = Lexicon.for_meeting(names, vocabulary) if robust else None
        # Words naming this meeting's own body ("Styrgruppen för Digitalt först", "Föräldraråd"): title, vocabulary.
        own = " ".join([transcript.metadata.get("title") or "", *vocabulary]).lower()
        self.own_words = frozenset(w for w in re.findall(r"[a-zåäö]{4,}", own))
        self.utts = build_utts(transcript, self.lexicon)
        if robust:  # a settling sentence damaged in its own turn, read from the proposal it echoes
            repair_turns(self.utts, [*names, *vocabulary])
        self.used: set[int] = set()  # proposal sentences already decided or closed
        # A call for a decision ("Är vi överens?") waiting for the chair's closing words.
        self.pending: dict[int, tuple[Utt, list[Utt]]] = {}
        self.out = Extracted()
        self.names = self._name_index()
        keys = sorted(self.names, key=len, reverse=True)
        self._names_rx = re.compile(r"\b(?:" + "|".join(map(re.escape, keys)) + r")\b") if keys else None

    # ------------------------------------------------------------------ helpers
    def whens(self, u: Utt) -> list[When]:
        if u._whens is None:
            u._whens = (
                find_whens(u.text, self.ref)
                if re.search(
                    r"\d|dag|den |om |kl|vecka|morgon|jul|nästa|"
                    r"halv|kvart|över|höst|vår|efter|före|kväll|jan|feb|mars|apr|maj|jun|aug|sep|okt|nov|dec",
                    u.low,
                )
                else []
            )
        return u._whens

    def _name_index(self) -> dict[str, str]:
        """Lower-case full and first names -> speaker label; ambiguous first names dropped."""
        index: dict[str, str] = {}
        firsts: dict[str, list[str]] = {}
        for info in self.t.speakers:
            if not info.name:
                continue
            index[info.name.lower()] = info.label
            firsts.setdefault(info.name.split()[0].lower(), []).append(info.label)
        for first, labels in firsts.items():
            if len(labels) == 1:
                index.setdefault(first, labels[0])
        return index

    def _named_person(self, low: str) -> tuple[str, str, int, int] | None:
        """(label, display name, start, end) of the first participant named in the text."""
        if self._names_rx is None:
            return None
        m = self._names_rx.search(low)
        if not m:
            return None
        label = self.names[m.group(0)]
        return label, self.t.speaker_name(label), m.start(), m.end()

    def _window(self, u: Utt, back: int = LOOKBACK_UTTS) -> list[Utt]:
        out = []
        for v in reversed(self.utts[max(0, u.idx - back) : u.idx]):
            if u.start - v.end > LOOKBACK_S:
                break
            out.append(v)
        return out

    def _same_segment_after(self, u: Utt, n: int = 2) -> list[Utt]:
        return [v for v in self.utts[u.idx + 1 : u.idx + 1 + n] if v.turn == u.turn]

    def _find_proposal(self, u: Utt, strict: bool = False) -> tuple[Utt | None, list[Utt]]:
        """The proposal a confirmation or refusal refers to, and the objections in between.

        `strict` demands a real proposal cue; otherwise the latest substantive sentence will do.
        """
        objections: list[Utt] = []
        fallback: Utt | None = None
        for v in self._window(u):
            if v.idx in self.used:
                break
            if v.turn != u.turn and (
                cues.REJECTED.search(v.low) or (cues.HEDGE.search(v.low) and not cues.PROPOSAL.search(v.low))
            ):
                objections.append(v)
                continue
            if (
                cues.PROPOSAL.search(v.low)
                and len(content_words(v.text)) >= 2
                and not cues.UNDECIDED.search(v.low)
                and not WH.match(strip_discourse(v.low))
                and not cues.AGENDA_PROPOSAL.search(v.low)
            ):
                return v, objections
            if (
                fallback is None
                and substantive(v)
                and not v.is_question
                and not cues.AGREEMENT.search(v.low)  # "Absolut, det blir enklare ...": a reply, not a proposal
                and not _NO_PROPOSAL.match(v.low)  # "Men om det regnar ...", "Då hinner folk komma ..."
                and not re.search(
                    r"\b(?:vad\s+(?:tycker|säger)\s+ni|några\s+invändningar|någon\s+som\s+(?:har|är))\b", v.low
                )
            ):
                fallback = v
        return (None if strict else fallback), objections

    def _addressee(self, u: Utt) -> str | None:
        """Who 'du' means: the next other speaker to answer, else the last one before."""
        for v in self.utts[u.idx + 1 : u.idx + 5]:
            if v.speaker != u.speaker:
                return v.name
        return next((v.name for v in self._window(u, back=6) if v.speaker != u.speaker), None)

    def _clause(self, u: Utt) -> str | None:
        return proposal_clause(u.text, u.name, self._addressee(u))

    def _review(self, item_utts: list[Utt], extra: str | None = None) -> tuple[bool, str | None]:
        formula = next((r for u in item_utts for r in u.repairs if r.kind == "formula"), None)
        if formula is not None and extra and not extra.startswith(PREFIX):  # the damaged formula is said first
            return True, f"{PREFIX}{formula.describe()} ({extra})"
        reason = extra or audio_doubt(item_utts) or self._repaired(item_utts)
        return reason is not None, reason

    def _repaired(self, item_utts: list[Utt]) -> str | None:
        """A date, name or cue the item rests on was read from a misheard word."""
        repairs = [r for u in item_utts for r in u.repairs]
        return f"{PREFIX}{repairs[0].describe()}" if repairs else None

    def _nearby(self, utts: list[Utt], before: int = 6, after: int = 3) -> list[Utt]:
        lo = max(0, min(u.idx for u in utts) - before)
        hi = max(u.idx for u in utts) + after + 1
        return self.utts[lo:hi]

    # ------------------------------------------------------------------ decisions
    def disclaimed(self, utts: list[Utt]) -> bool:
        """'Vi anställer ingen innan vi vet. Nej förresten, det är inget beslut': taken back by the speaker."""
        last = max(utts, key=lambda v: v.idx)
        nxt = self.utts[last.idx + 1] if last.idx + 1 < len(self.utts) else None
        m = _DISCLAIMER.search(nxt.low) if nxt is not None and nxt.turn == last.turn else None
        whose = (m.group("whose") or "")[:-1] if m else ""
        ours = whose in cues.PLAIN_BODIES and not re.search(r"\binte\s+(?:vårt|vår)\b", nxt.low if nxt else "")
        return m is not None and not ours  # "Det är styrelsens beslut" is ours, "ledningens beslut, inte vårt" is not

    def _add_decision(
        self, text: str, proposer: Utt | None, utts: list[Utt], conf: float, extra_review: str | None = None
    ) -> None:
        if self.disclaimed(utts):
            self.opened.update(u.idx for u in utts)
            return
        if self.robust and self._matter_unheard(text, utts):
            return
        self.decided.update(u.idx for u in utts)
        for d in self.out.decisions:
            if len(stems(d.text)) < 2 <= len(stems(text)) - 1:
                continue  # "Är och beslutades." (a garbled closing) is no earlier saying of a decision with content
            if stems(d.text) & stems(text) <= _ACT_WORDS and stems(d.text) - _ACT_WORDS and stems(text) - _ACT_WORDS:
                continue  # the same act on another paper
            if similar(d.text, text, 0.75) and not (self.robust and polarity_conflict(d.text, text)):
                d.evidence = merge_evidence(d.evidence, evidence_list(utts))
                if self.robust:  # said again in another turn: more certain
                    d.confidence = min(0.95, d.confidence + 0.1)
                return
            if self.robust and similar(d.text, text, 0.6):
                if polarity_conflict(d.text, text):  # once with, once without "inte": one of them was misheard
                    d.needs_review, d.confidence = True, min(d.confidence, 0.4)
                    d.review_reason = PREFIX + "beslutet återges både med och utan nekande"
                    d.evidence = merge_evidence(d.evidence, evidence_list(utts))
                    return
                d.evidence = merge_evidence(d.evidence, evidence_list(utts))
                d.confidence = min(0.95, d.confidence + 0.1)
                return
        for o in self.out.not_decided:
            if (
                o.reason == "Förslaget avslogs"
                and similar(o.text, text, 0.3)
                and utts[-1].start - o.evidence[-1].end <= 120
            ):
                o.evidence = merge_evidence(o.evidence, evidence_list(utts))
        needs, reason = self._review(utts, extra_review)
        against = doubt(text, utts, self._nearby(utts)) if self.robust else None
        if against is not None:
            needs, reason, conf = True, against, min(conf, 0.4)
        self.out.decisions.append(
            Decision(
                id=f"d{len(self.out.decisions) + 1}",
                text=text,
                proposed_by=proposer.name if proposer else None,
                evidence=evidence_list(utts),
                confidence=conf if not needs else min(conf, 0.6),
                needs_review=needs,
                review_reason=reason,
            )
        )

    def keep_decisions(self, kept: list[Decision]) -> None:
        """The decisions a pass leaves, numbered d1, d2, … again in their order."""
        for n, d in enumerate(kept, 1):
            d.id = f"d{n}"
        self.out.decisions = kept

    def said_in(self, d: Decision) -> list[Utt]:
        """The sentences an item's evidence points at, in the order they were said (a segment may hold several)."""
        ids = {e.segment_id for e in d.evidence}
        return [u for u in self.utts if any(s.id in ids for s in u.segs)]

    @staticmethod
    def _matter_unheard(text: str, utts: list[Utt]) -> bool:
        """A decision tied together by a call or closing read from a damaged formula (formulas.py) whose matter
        was heard unsure too: half its words or more unsure where they were said. The formula read as meant says
        that something was settled; what was settled must then be heard, or the item would be a guess."""
        if not any(r.kind == "formula" for u in utts for r in u.repairs):
            return False
        words = [w.lower() for w in content_words(text)]
        unsure = [w for w in words if any(u.uncertain(w) for u in utts)]
        return not words or 2 * len(unsure) >= len(words)

    def _add_open(self, text: str, reason: str, utts: list[Utt], conf: float = 0.6) -> None:
        text = text.rstrip(" .,")
        self.opened.update(u.idx for u in utts)
        for o in self.out.not_decided:
            if similar(o.text, text, 0.6):
                o.evidence = merge_evidence(o.evidence, evidence_list(utts))
                o.reason = reason
                return
        needs, why = self._review(utts)
        self.out.not_decided.append(
            OpenItem(
                id=f"o{len(self.out.not_decided) + 1}",
                text=text,
                reason=reason,
                evidence=evidence_list(utts),
                confidence=conf,
                needs_review=needs,
                review_reason=why,
            )
        )
