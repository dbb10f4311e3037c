"""Rule-based extraction of decisions, open items, actions and the next meeting.

Precision over recall: a decision is only recorded when the meeting said so
("vi beslutar att ...", "då är dagordningen godkänd", or a confirmation such as
"då kör vi på det" after a proposal). Negated, hedged, postponed or rejected
proposals never become decisions; they are listed as open items instead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from transcribe.minutes import cues
from transcribe.minutes.dates import When, find_whens, format_sv
from transcribe.minutes.model import Action, Decision, Evidence, NextMeeting, OpenItem
from transcribe.minutes.phrasing import (
    content_clause,
    decision_sentence,
    first_person,
    indirect_question,
    proposal_clause,
    strip_discourse,
    strip_tail,
    task_phrase,
    to_infinitive,
)
from transcribe.minutes.text import capitalise, content_words, sentences, stem
from transcribe.transcript import Segment, Transcript

LOOKBACK_UTTS = 8
LOOKBACK_S = 150.0
LOW_LOGPROB = -1.0
_WH = re.compile(r"^(?:\w+,?\s+)?(?:vem|vilka|vilken|vilket|när|hur|var|vad|varför)\b")
_YESNO = re.compile(r"^(?:\w+,?\s+)?(?:ska|kan|borde|bör|vill|är|har|skulle|orkar|hinner|passar|funkar|får)\s+"
                    r"(?:vi|du|ni|jag|man|någon|alla|det|den)\b")


@dataclass
class Utt:
    """One sentence of one speaker turn (it may span several ASR segments): the unit every rule looks at."""

    idx: int
    segs: list[Segment]
    text: str
    low: str
    speaker: str | None
    name: str | None
    turn: int
    _whens: list[When] | None = None

    @property
    def seg(self) -> Segment:
        return self.segs[0]

    @property
    def start(self) -> float:
        return self.segs[0].start

    @property
    def end(self) -> float:
        return self.segs[-1].end

    @property
    def is_question(self) -> bool:
        low = self.low.rstrip()
        if low.endswith("?"):
            return True
        if low.endswith((".", "!")):
            return False
        return bool(_YESNO.match(strip_discourse(low)) or _WH.match(strip_discourse(low)))


@dataclass
class Extracted:
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    not_decided: list[OpenItem] = field(default_factory=list)
    next_meeting: NextMeeting | None = None


def build_utts(transcript: Transcript) -> list[Utt]:
    """Sentences over whole speaker turns, so a sentence cut across ASR segments stays whole."""
    utts: list[Utt] = []
    turns: list[list[Segment]] = []
    for seg in transcript.segments:
        if not seg.text.strip():
            continue
        if turns and turns[-1][-1].speaker == seg.speaker and seg.start - turns[-1][-1].end < 2.0:
            turns[-1].append(seg)
        else:
            turns.append([seg])
    for turn, segs in enumerate(turns):
        text, spans = "", []
        for seg in segs:
            piece = seg.text.strip()
            text += (" " if text else "") + piece
            spans.append((len(text) - len(piece), len(text), seg))
        name = transcript.speaker_name(segs[0].speaker) or None if segs[0].speaker else None
        pos = 0
        for sent in sentences(text):
            start = text.find(sent, pos)
            end = start + len(sent)
            pos = end
            covered = [seg for a, b, seg in spans if a < end and start < b] or [segs[0]]
            utts.append(Utt(len(utts), covered, sent, sent.lower(), segs[0].speaker, name, turn))
    return utts


def evidence(u: Utt) -> list[Evidence]:
    return [Evidence(segment_id=s.id, speaker=s.speaker, speaker_name=u.name, start=s.start, end=s.end,
                     quote=s.text.strip() if len(s.text) <= 400 else u.text) for s in u.segs]


def _evidence_list(utts: list[Utt]) -> list[Evidence]:
    seen: dict[int, Evidence] = {}
    for u in sorted(utts, key=lambda x: x.idx):
        for e in evidence(u):
            seen.setdefault(e.segment_id, e)
    return sorted(seen.values(), key=lambda e: e.start)


def audio_doubt(utts: list[Utt]) -> str | None:
    """Why the audio behind these sentences should be checked, if it should."""
    for s in (seg for u in utts for seg in u.segs):
        if s.overlap:
            return "Flera talar samtidigt"
        if s.repaired:
            return "Transkriptionen reparerades här"
        if (s.avg_logprob is not None and s.avg_logprob < LOW_LOGPROB) or (
            s.no_speech_prob is not None and s.no_speech_prob > 0.6
        ):
            return "Osäker igenkänning"
    return None


def _negated(low: str, start: int, content_start: int) -> bool:
    """A negation around a cue ('vi har inte beslutat', 'vi beslutar inte'), not inside its content."""
    before = re.split(r"[,.;:!?]|\bmen\b|\butan\b", low[max(0, start - 25) : start])[-1]
    return bool(cues.NEG.search(before) or cues.NEG.search(low[start:content_start]))


def _is_agreement(u: Utt) -> bool:
    return bool(cues.AGREEMENT.search(u.low)) and len(u.low.split()) <= 8


def _substantive(u: Utt) -> bool:
    return len(content_words(u.text)) >= 2 and not _is_agreement(u)


def _stems(text: str) -> set[str]:
    return {stem(w) for w in content_words(text)}


def _similar(a: str, b: str, threshold: float = 0.5) -> bool:
    sa, sb = _stems(a), _stems(b)
    if not sa or not sb:
        return False
    return len(sa & sb) / min(len(sa), len(sb)) >= threshold


def _split_clauses(rest: str) -> list[str]:
    """'att höja avgiften, och att måla fasaden' -> two decisions."""
    parts = re.split(r",?\s+och\s+att\s+|;\s*(?:och\s+)?(?:att\s+)?", rest)
    return [p for p in (x.strip() for x in parts) if p]


class RuleExtractor:
    """One pass over the sentences, keeping the recent proposals as context."""

    def __init__(self, transcript: Transcript, meeting_date: dt.date | None) -> None:
        self.t = transcript
        self.ref = meeting_date or dt.date.today()
        self.utts = build_utts(transcript)
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
            u._whens = find_whens(u.text, self.ref) if re.search(r"\d|dag|den |om |kl|vecka|morgon|jul|nästa|"
                                                                 r"halv|kvart|över|höst|vår|efter|före", u.low) else []
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
            if cues.PROPOSAL.search(v.low) and len(content_words(v.text)) >= 2 and not cues.UNDECIDED.search(v.low) \
                    and not _WH.match(strip_discourse(v.low)) and not cues.AGENDA_PROPOSAL.search(v.low):
                return v, objections
            if fallback is None and _substantive(v) and not v.is_question and not re.search(
                r"\b(?:vad\s+(?:tycker|säger)\s+ni|några\s+invändningar|någon\s+som\s+(?:har|är))\b", v.low
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
        reason = extra or audio_doubt(item_utts)
        return reason is not None, reason

    # ------------------------------------------------------------------ decisions
    def _add_decision(self, text: str, proposer: Utt | None, utts: list[Utt], conf: float,
                      extra_review: str | None = None) -> None:
        for d in self.out.decisions:
            if _similar(d.text, text, 0.75):
                d.evidence = _merge_evidence(d.evidence, _evidence_list(utts))
                return
        for o in self.out.not_decided:
            if o.reason == "Förslaget avslogs" and _similar(o.text, text, 0.3) and \
                    utts[-1].start - o.evidence[-1].end <= 120:
                o.evidence = _merge_evidence(o.evidence, _evidence_list(utts))
        needs, reason = self._review(utts, extra_review)
        self.out.decisions.append(Decision(
            id=f"d{len(self.out.decisions) + 1}", text=text, proposed_by=proposer.name if proposer else None,
            evidence=_evidence_list(utts), confidence=conf if not needs else min(conf, 0.6),
            needs_review=needs, review_reason=reason,
        ))

    def _add_open(self, text: str, reason: str, utts: list[Utt], conf: float = 0.6) -> None:
        text = text.rstrip(" .,")
        for o in self.out.not_decided:
            if _similar(o.text, text, 0.6):
                o.evidence = _merge_evidence(o.evidence, _evidence_list(utts))
                o.reason = reason
                return
        needs, why = self._review(utts)
        self.out.not_decided.append(OpenItem(
            id=f"o{len(self.out.not_decided) + 1}", text=text, reason=reason, evidence=_evidence_list(utts),
            confidence=conf, needs_review=needs, review_reason=why,
        ))

    def _explicit_decision(self, u: Utt) -> bool:
        """'Vi beslutar att ...', 'Då beslutar styrelsen att ... och att ...'."""
        for verb, pat in cues.DECISION_WITH_CONTENT:
            m = pat.search(u.low)
            if not m:
                continue
            if _negated(u.low, m.start(), m.start("rest")) or u.is_question:
                return False
            head = u.low[: m.start("rest")]
            if cues.REPORTED.search(head) or re.search(r"\b(?:om|ifall|kanske|eventuellt|skulle)\b", head[-40:]):
                return False
            if re.search(r"\b(?:beslutade|bestämde)\b", head) and any(
                cues.REPORTED.search(v.low) for v in [u, *self._window(u, back=3)]
            ):
                return False  # "Vad beslutade ni förra gången?" - "Vi beslutade att ...": reported
            rest = u.text[m.start("rest") :]
            if re.match(r"^\s*(?:det|detta|så)\b", rest.lower()) and len(content_words(rest)) < 3:
                return False  # "vi bestämmer det": a confirmation
            if cues.NEXT_MEETING.search(rest.lower()) and self.whens(u):
                return True  # the next meeting's date has its own section
            gd = m.groupdict()
            body = capitalise(gd["body"]) if gd.get("body") and gd["body"] != "vi" else "Mötet"
            made = False
            for part in _split_clauses(rest):
                clause = content_clause(part, gd.get("prep") or "", u.name)
                if len(clause.split()) >= 2:
                    self._add_decision(decision_sentence(clause, verb, body), u, [u], 0.9)
                    made = True
            return made
        return False

    def _approval(self, u: Utt) -> bool:
        """'Då är dagordningen godkänd' -> 'Dagordningen godkändes.'"""
        m = cues.APPROVAL.search(u.low)
        if not m or u.is_question or cues.NEG.search(u.low[m.start() : m.end()]):
            return False
        np = u.text[m.start("np") : m.end("np")]
        pending = self.pending.pop(u.idx, None)
        utts = [u] + (pending[1] if pending else [])
        self._add_decision(f"{capitalise(np)} {cues.APPROVAL_PAST[m.group('part')]}.", u, utts, 0.85)
        return True

    def _negative_decision(self, u: Utt) -> bool:
        """'Då säger vi nej till plattformen': decided against, and the proposal was rejected."""
        m = cues.NEGATIVE_DECISION.search(u.low)
        if not m or u.is_question:
            return False
        proposal, _ = self._find_proposal(u, strict=True)
        clause = self._clause(proposal) if proposal else None
        utts = [x for x in (proposal, u) if x is not None]
        if clause and re.match(r"^att\s+\w+", clause):
            text = decision_sentence("att inte " + clause[4:])
        elif m.group("x"):
            text = f"Mötet sade nej till {strip_tail(u.text[m.start('x') : m.end('x')])}."
        else:
            return False
        self._add_decision(text, proposal, utts, 0.8)
        if proposal is not None and clause:
            self.used.add(proposal.idx)
            self._add_open(f"Förslaget {clause}", "Förslaget avslogs", utts, 0.8)
        return True

    def _confirmation(self, u: Utt) -> bool:
        m = cues.CONFIRMATION.search(u.low)
        weak = False
        if not m:
            m = cues.WEAK_CONFIRMATION.search(u.low)
            weak = True
        if not m or u.is_question or _negated(u.low, m.start(), m.end()):
            return False
        if cues.UNDECIDED.search(u.low) or cues.REJECTED.search(u.low):
            return False
        pending = self.pending.pop(u.idx, None)
        if pending is not None:
            proposal, objections = pending[0], []
        else:
            proposal, objections = self._find_proposal(u, strict=weak)
        if weak and (proposal is None or proposal.speaker == u.speaker or objections):
            return False
        if proposal is None and self._merge_into_recent(u):
            return True
        before = u.text[: m.start()].strip(" ,")
        after = strip_tail(u.text[m.end() :].strip(" ,.:"))
        if len(content_words(before)) >= 3 and not re.match(r"^(?:ja|okej|bra|men)\b", before.lower()):
            clause, proposal = proposal_clause(before, u.name, self._addressee(u)), u
        elif len(content_words(after)) >= 3:
            # The chair summarises what was decided: "Då kör vi på det, studiebesök på Norrmetall den 14 januari."
            clause = after if re.match(r"^(?:att|om)\s", after) else f"{after}"
        elif proposal is not None:
            if _personal_commitment(proposal.low) and not cues.PROPOSAL.search(proposal.low):
                return False  # "jag skriver utkastet" - "kör på det": an action, not a decision
            clause = self._clause(proposal)
        else:
            return False
        if not clause or len(clause.split()) < 2:
            return False
        if proposal is not None and proposal is not u and _WH.match(strip_discourse(proposal.low)):
            return False  # an open question cannot be confirmed into a decision
        if proposal is not None:
            self.used.add(proposal.idx)
            if cues.NEXT_MEETING.search(proposal.low) and self.whens(proposal) and proposal is not u:
                return True
        extra = "Invändningar före beslutet" if objections else None
        conf = 0.75 if not objections else 0.55
        utts = [x for x in (proposal, u) if x is not None] + (pending[1] if pending else [])
        self._add_decision(decision_sentence(clause), proposal, utts, conf, extra)
        return True

    def _merge_into_recent(self, u: Utt) -> bool:
        """'Då är det beslutat' right after a decision already recorded: more evidence, not a new one."""
        if not self.out.decisions:
            return False
        last = self.out.decisions[-1]
        if u.start - last.evidence[-1].end <= 60:
            last.evidence = _merge_evidence(last.evidence, _evidence_list([u]))
            return True
        return False

    def _call_for_decision(self, u: Utt) -> bool:
        """'Är vi överens om att X?' answered by agreement from others, without objection."""
        if not (cues.CALL_FOR_DECISION.search(u.low) and u.is_question):
            return False
        agreed: list[Utt] = []
        for v in self.utts[u.idx + 1 : u.idx + 5]:
            if v.start - u.end > 60 or (v.speaker == u.speaker and agreed):
                break
            if v.speaker == u.speaker:
                continue
            if cues.REJECTED.search(v.low) or cues.UNDECIDED.search(v.low) or re.match(r"^\s*(?:nej|nja)\b", v.low):
                return False
            if _is_agreement(v):
                agreed.append(v)
        if not agreed:
            return False
        m = re.search(r"\böverens\s+om\s+(?:att\s+)?(?P<rest>.+)", u.low)
        proposal: Utt | None = u
        clause: str | None = None
        if m and len(content_words(m.group("rest"))) >= 2:
            clause = content_clause(u.text[m.start("rest") :], "att", u.name)
        elif cues.PROPOSAL.search(u.low) and len(content_words(u.text)) >= 3:
            clause = self._clause(u)  # "Kan vi godkänna dagordningen?"
        else:
            proposal, objections = self._find_proposal(u, strict=True)
            if proposal is None or objections:
                return False
            clause = self._clause(proposal)
        if not clause or len(clause.split()) < 2:
            return False
        self.used.add(proposal.idx)
        closing = next((v for v in self.utts[agreed[-1].idx + 1 : agreed[-1].idx + 4]
                        if v.speaker == u.speaker and (cues.CONFIRMATION.search(v.low) or cues.APPROVAL.search(v.low))),
                       None)
        if closing is not None:  # the chair's "då har vi bestämt det" will record it
            self.pending[closing.idx] = (proposal, [u, agreed[0]])
            return True
        self._add_decision(decision_sentence(clause), proposal, [proposal, u, agreed[0]], 0.7)
        return True

    def _declarative(self, u: Utt) -> bool:
        """'I stället flyttar vi driftstarten till februari': a plan stated as fact, flagged for review."""
        low = re.sub(r"^(?:(?:ja|okej|bra|nej)\b[\s,]*)+", "", u.low)
        m = cues.DECLARATIVE_INVERTED.match(low) or cues.DECLARATIVE_DIRECT.match(low)
        if not m or u.is_question or cues.TENTATIVE.search(u.low) or cues.REPORTED.search(u.low):
            return False
        if cues.AGENDA_TALK.search(m.group("rest")) or cues.HEDGE.search(u.low.replace(" inte ", " ")):
            return False
        if re.match(r"(?:ofta|alltid|ibland|vanligtvis|normalt|oftast|sällan|brukar)\b", m.group("rest")):
            return False  # a habit, not a decision
        verb = re.sub(r"\s+", " ", m.group("v")).split(" ")
        inf = " ".join([to_infinitive(verb[0])] + verb[1:])
        rest = strip_tail(u.text[len(u.text) - len(m.group("rest")) :])
        neg = "inte " if m.group("neg") else ""
        clause = first_person(f"att {neg}{inf} {rest}", u.name)
        self._add_decision(decision_sentence(clause), u, [u], 0.6, "Beslutet uttrycktes som en plan")
        return True

    def _permission(self, u: Utt) -> bool:
        """'Så du får gå den': permission given to the person one is talking to."""
        m = cues.PERMISSION.search(u.low)
        if not m or u.is_question or cues.NEG.search(u.low[max(0, m.start() - 12) : m.start()]):
            return False
        other = next((v for v in self._window(u, back=12) if v.speaker != u.speaker), None)
        if other is None or not other.name:
            return False
        rest = strip_tail(u.text[m.start("v") : m.end("rest")])
        if re.search(r"\b(?:den|det|dem)$", rest):
            topic = self._topic_before(u)
            if topic:
                rest = re.sub(r"\b(?:den|det|dem)$", topic, rest)
        self._add_decision(f"{other.name} får {rest}.", u, [u], 0.6, "Beslutet uttrycktes som ett tillstånd")
        return True

    def _topic_before(self, u: Utt) -> str | None:
        """'Och så kursen i projektledning som du frågade om.' -> 'kursen i projektledning'."""
        for v in self._window(u, back=3):
            if v.turn != u.turn:
                break
            m = re.match(r"^(?:och\s+så|sen|angående|när\s+det\s+gäller|vad\s+gäller)\s+(?P<np>.+?)"
                         r"(?:\s+som\b.*)?[.?!]*$", v.low)
            if m:
                return v.text[m.start("np") : m.end("np")]
        return None

    def _not_decided(self, u: Utt) -> bool:
        if cues.NO_DECISIONS_PLANNED.search(u.low):
            return True
        if self._unpromised(u):
            return True
        if u.is_question:
            return False  # "Kan vi inte bestämma att ...?" asks; it does not leave anything open
        undecided = cues.UNDECIDED.search(u.low)
        rejected = cues.REJECTED.search(u.low)
        if not undecided and not rejected:
            return False
        postponed = re.search(r"skjut|vänta|avvakt|bordl|parker|på\s+is|återkomm|ta\s*upp|senare|igen", u.low)
        if rejected and not undecided:
            reason = "Förslaget avslogs"
        else:
            reason = "Frågan sköts upp" if postponed else "Inget beslut fattades"
        own = re.search(r"\bförslaget\s+(?P<q>(?:om|att)\s+[^.,;]+?)\s+(?:är|har)\s+(?:därmed\s+|alltså\s+)?"
                        r"(?:avslag|avslog|fallit|röstats)", u.low)
        if own:
            self._add_open(f"Förslaget {u.text[own.start('q') : own.end('q')]}", reason, [u], 0.8)
            return True
        # Content in the sentence itself: "vi har inte bestämt om vi ska byta leverantör".
        own = re.search(r"\b(?:bestämt|beslutat|bestämmer|beslutar|överens|beslut|återkomma|återkommer|"
                        r"skjuta\s+upp|skjuter\s+upp|avvakta)\s+(?:oss\s+)?(?:(?:ännu|heller|något|någonting)\s+)*"
                        r"(?P<q>(?:om|hur|när|vem|var|vilken|vilket|vilka)\s+.+)", u.low)
        if own and len(content_words(own.group("q"))) >= 2 and not re.match(r"om\s+(?:det|detta|den)\b",
                                                                             own.group("q")):
            q = first_person(strip_tail(u.text[own.start("q") :]), u.name)
            self._add_open("Frågan " + q, reason, [u])
            return True
        proposal, _ = self._find_proposal(u, strict=True)
        question = self._open_question(u) if undecided else None
        if question is not None and (proposal is None or proposal.idx > question.idx):
            # "Vem ska leda arbetet?" - opinions - "vi bestämmer ingenting om det i dag": the question stays open.
            self.used.add(question.idx)
            self._add_open(f"Frågan om {indirect_question(question.text)}", reason, [question, u])
            return True
        if proposal is None:
            return bool(undecided) or bool(re.match(r"^\s*nej\b", u.low))
        clause = self._clause(proposal)
        if not clause:
            return bool(undecided)
        self.used.add(proposal.idx)
        self._add_open(f"Förslaget {clause}", reason, [proposal, u])
        return True

    def _open_question(self, u: Utt) -> Utt | None:
        """The policy question ('Vem ska ...?', 'Hur gör vi med ...?') an undecided remark refers to."""
        for v in self._window(u, back=16):
            if v.idx in self.used:
                return None
            if v.is_question and _WH.match(strip_discourse(v.low)) and re.search(r"\b(?:ska|bör|borde|gör\s+vi)\b",
                                                                                 v.low):
                return v
        return None

    def _unpromised(self, u: Utt) -> bool:
        """'Kan du lova att X?' - 'Nej, det kan jag inte lova': X stays open."""
        if not re.search(r"\bkan\s+(?:jag\s+)?inte\s+(?:lova|garantera)\b", u.low) or _personal_commitment(u.low):
            return False
        for v in self._window(u, back=4):
            if v.speaker == u.speaker:
                continue
            if not v.is_question:
                break
            q = strip_tail(strip_discourse(v.text))
            m = re.match(r"^(?:kan|vill)\s+(?:du|ni)\s+(?:lova|garantera)\s+(?:att\s+)?(?P<x>.+)$", q, re.IGNORECASE)
            if m:
                subject = "Frågan om " + m.group("x")
            elif re.match(r"^(?:ska|blir|får)\s+(?:vi|ni|det|man)\b", q.lower()):
                subject = "Frågan om " + (proposal_clause(q, v.name) or q)
            elif re.match(r"^vad\s+händer\b", q.lower()):
                subject = "Frågan " + q[:1].lower() + q[1:]
            else:
                break
            self._add_open(subject, "Inget beslut fattades", [v, u], 0.5)
            return True
        return False

    # ------------------------------------------------------------------ actions
    def _task_for_anaphor(self, u: Utt) -> tuple[str | None, Utt | None]:
        """What 'det' refers to in 'jag tar det': the nearest request, need, proposal or topic."""
        window = self._window(u, back=6)
        for v in window:
            m = cues.REQUEST.search(v.low) or cues.NEED.search(v.low)
            if m:
                req = next(g for g in m.groups() if g)
                if re.match(r"^(?:det|den|detta)\b", req):
                    continue  # "vem tar det?" refers further back
                start = v.low.find(req)
                return task_phrase(strip_tail(v.text[start:] if start >= 0 else req), v.name), v
            pm = cues.PASSIVE_NEED.search(v.low)
            if pm:
                verb = pm.group("v")[:-1]  # göras -> göra
                subj = re.sub(r"^(?:så\s+|och\s+)?(?:en\s+del\s+av\s+)?", "", pm.group("subj")).strip()
                return capitalise(f"{verb}{pm.group('rest')} {subj}".replace("  ", " ")), v
            if cues.PROPOSAL.search(v.low) and _substantive(v) and v.turn != u.turn:
                clause = self._clause(v)
                if clause:
                    return capitalise(re.sub(r"^att\s+", "", clause)), v
        return None, None

    def _topic_np(self, u: Utt) -> str | None:
        for v in self._window(u, back=3):
            m = cues.TOPIC.search(v.low)
            if m:
                np = strip_tail(v.text[m.start("np") : m.end("np")])
                return re.split(r",", np)[0]
        return None

    def _add_action(self, what: str, owner: str | None, utts: list[Utt], conf: float,
                    review: str | None = None, no_due: bool = False) -> None:
        what = _strip_due(what)
        if not what:
            return
        due_when, due_text = (None, None) if no_due else self._due(utts)
        for a in self.out.actions:
            if a.owner == owner and _similar(a.what, what, 0.5):
                a.evidence = _merge_evidence(a.evidence, _evidence_list(utts))
                if a.due is None and due_when is not None:
                    a.due, a.due_text = due_when, due_text
                return
        needs, reason = self._review(utts, review)
        self.out.actions.append(Action(
            id=f"a{len(self.out.actions) + 1}", what=what, owner=owner, due=due_when, due_text=due_text,
            evidence=_evidence_list(utts), confidence=conf if not needs else min(conf, 0.6),
            needs_review=needs, review_reason=reason,
        ))

    def _due(self, utts: list[Utt]) -> tuple[dt.date | None, str | None]:
        """The deadline: in the commitment, the speaker's next sentences, then the request."""
        main = max(utts, key=lambda x: x.idx)
        order = [main] + self._same_segment_after(main, 2) + sorted((x for x in utts if x is not main),
                                                                     key=lambda x: -x.idx)
        vague: tuple[dt.date | None, str | None] | None = None
        for u in order:
            for w in self.whens(u):
                if w.date is None and w.kind != "vague":
                    continue
                prep = cues.DEADLINE_PREP.search(u.low[: w.start])
                text = ((prep.group("prep") + " ") if prep else "") + w.text
                if w.kind == "vague":
                    if prep and vague is None:
                        vague = (None, text.strip())
                    continue
                return w.date, text.strip()
        return vague or (None, None)

    def _hedge(self, u: Utt) -> str | None:
        """'bare' for no firm commitment, 'timing' for a commitment without a promised date, else None."""
        texts = [u.low] + [v.low for v in self._same_segment_after(u, 1)]
        if any(cues.TIMING_HEDGE.search(t) for t in texts):
            return "timing"
        if cues.HEDGE.search(u.low):
            return "bare"
        if any(re.match(r"^(?:men\s+)?(?:jag\s+kan\s+inte\s+lova|det\s+kan\s+jag\s+inte\s+lova|jag\s+ska\s+försöka)"
                        r"(?:\s+det)?\s*[.!]?$", t) for t in texts[1:]):
            return "bare"
        return None

    def _commit(self, what: str | None, u: Utt, src: Utt | None, owner: str | None, conf: float) -> None:
        if not what:
            return
        utts = [x for x in (src, u) if x is not None]
        hedge = self._hedge(u)
        if hedge == "bare":
            self._add_open(f"{what} (inget fast åtagande från {owner or 'talaren'})", "Inget fast åtagande", utts, 0.5)
        elif hedge == "timing":
            self._add_action(what, owner, utts, conf, "Inget löfte om när", no_due=True)
        else:
            self._add_action(what, owner, utts, conf)

    def _actions(self, u: Utt) -> None:
        if u.is_question:
            return
        low = u.low
        # 1. "jag tar det" / "det fixar jag": the task comes from the request before it.
        if cues.COMMIT_ANAPHOR.search(low):
            what, src = self._task_for_anaphor(u)
            self._commit(what, u, src, u.name, 0.8)
            return
        fm = cues.COMMIT_FRONTED.match(strip_discourse(low))
        if fm and _action_verb(fm.group("v"), fm.group("rest")):
            what, src = self._task_for_anaphor(u)
            if what is None:
                np = self._topic_np(u)
                what = capitalise(f"{to_infinitive(fm.group('v'))} {np}") if np else None
            self._commit(what, u, src, u.name, 0.75)
            return
        # 2. "jag skickar ut protokollet senast fredag".
        m = re.search(r"\bjag\b", low)
        if m and _personal_commitment(low[m.start() :]):
            self._commit(task_phrase(strip_tail(u.text[m.start() :]), u.name), u, None, u.name, 0.8)
            return
        # 3. "Vi gör riskbedömningen tillsammans ... klar senast torsdag": the speaker commits the group.
        if self._group_commitment(u):
            return
        # 4. Named participants take tasks: "Karin tar det", "Lotta fixar integrationen, Omid skriver testfallen".
        for clause in re.split(r",\s*(?:och\s+)?|\s+och\s+(?=[A-ZÅÄÖ])", u.text):
            self._named_action(u, clause)
        # 5. "Kan du ...?" answered "ja" by the person asked.
        if _is_agreement(u) and cues.ACCEPT_REQUEST.search(low) and not cues.HEDGE.search(low):
            for v in self._window(u, back=2):
                if v.speaker == u.speaker:
                    continue
                rm = re.search(r"\b(?:kan|skulle|vill|orkar|hinner)\s+du\s+(?:kunna\s+|ta\s+och\s+)?(?P<r>.+)", v.low)
                if rm and v.is_question:
                    what = task_phrase(strip_tail(v.text[rm.start("r") :]), None)
                    words = what.lower().split()
                    if words and _action_verb(words[0], " ".join(words[1:])):
                        self._add_action(what, u.name, [v, u], 0.75)
                break

    def _group_commitment(self, u: Utt) -> bool:
        m = re.match(r"^(?:\w+,?\s+){0,2}?vi\s+(?P<v>[a-zåäö]+)\b(?P<rest>[^.?!]*)", strip_discourse(u.low))
        if not m or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low) or cues.REPORTED.search(u.low):
            return False
        verb, rest = m.group("v"), m.group("rest")
        if not (_action_verb(verb, rest) or verb in ("gör", "genomför")) or verb in ("ska", "kan", "har"):
            return False
        due = next((w for w in self.whens(u) if w.date is not None
                    and re.search(r"\b(?:senast|till|innan|före|inför)\s*$", u.low[: w.start])), None)
        if due is None:
            return False  # without a deadline "vi gör X" is talk, not a task
        start = u.low.find(m.group("v"), m.start("v"))
        what = task_phrase("vi " + strip_tail(u.text[len(u.text) - len(u.low) + start :]), u.name)
        what = re.split(r",\s*(?:och\s+)?(?:den|det|de)\s+ska", what)[0]
        self._add_action(what, u.name, [u], 0.6, "Flera ansvariga; talaren angiven")
        return True

    def _named_action(self, u: Utt, clause: str) -> None:
        low = clause.lower()
        person = self._named_person(low)
        if not person or cues.HEDGE.search(low) or "?" in clause:
            return
        label, name, _, e = person
        tail = low[e:]
        if re.match(r"^\s*,?\s*(?:du\s+)?(?:tar|fixar|ordnar|sköter|kollar)\s+(?:hand\s+om\s+)?(?:det|den|detta)\b",
                    tail):
            what, src = self._task_for_anaphor(u)
            if what:
                self._add_action(what, name, [x for x in (src, u) if x is not None], 0.7)
            return
        m = re.match(r"^\s*(?:(?:ska|får|kan)\s+)?(?:ansvarar|ansvara|tar\s+ansvar(?:et)?)\s+för\s+(?P<t>.+)", tail)
        if m:
            self._add_action("Ansvara för " + strip_tail(clause[e + m.start("t") :]), name, [u], 0.7)
            return
        m = re.match(r"^\s+(?:(?:ska|får)\s+)?(?P<v>[a-zåäö]+)(?P<t>(?:\s+[^.?!]*)?)$", tail)
        if m and _action_verb(m.group("v"), m.group("t")) and label != u.speaker:
            what = task_phrase(strip_tail(clause[e + m.start("v") :]), name)
            self._add_action(what, name, [u], 0.7)

    # ------------------------------------------------------------------ next meeting
    def _is_next_meeting(self, u: Utt) -> re.Match[str] | None:
        return cues.NEXT_MEETING.search(u.low) or cues.NEXT_MEETING_ACRONYM.search(u.text)

    def _next_meeting(self) -> None:
        candidates: list[tuple[When, list[Utt]]] = []
        vague: tuple[When, Utt] | None = None
        for u in self.utts:
            m = self._is_next_meeting(u)
            if not m:
                continue
            deadline = cues.NEXT_MEETING_DEADLINE.search(u.low)
            whens = [w for w in self.whens(u) if w.date is not None]
            if whens:
                candidates.append((_best_when(whens, m.start()), [u]))
                self._attach_time(candidates[-1], u)
                continue
            own_vague = [w for w in self.whens(u) if w.kind == "vague"
                         and not re.match(r"nästa\s+(?:möte|gång|träff)", w.text.lower())]
            if own_vague and not deadline:
                vague = (own_vague[0], u)
            if deadline and not cues.SCHEDULING.search(u.low[: deadline.start()]):
                continue
            if not (u.is_question or cues.SCHEDULING.search(u.low)):
                continue
            for v in self.utts[u.idx + 1 : u.idx + 7]:
                if v.start - u.end > 90:
                    break
                ws = [w for w in self.whens(v) if w.date is not None
                      and not re.search(r"\b(?:senast|till|innan|före|inför)\s*$", v.low[: w.start])]
                if ws:  # several dates may be tried in turn: "den fjärde?" - "nej" - "den elfte då?"
                    candidates.append((_best_when(ws, 0), [u, v]))
                    self._attach_time(candidates[-1], v)
        chosen = self._settle(candidates)
        if chosen is not None:
            w, utts = chosen
            value = w.value
            needs, reason = self._review(utts)
            self.out.next_meeting = NextMeeting(
                id="n1", when=value, text=format_sv(value), evidence=_evidence_list(utts),
                confidence=0.85 if len(utts) == 1 else 0.7, needs_review=needs, review_reason=reason,
            )
        elif vague is not None:
            w, u = vague
            self.out.next_meeting = NextMeeting(
                id="n1", when=None, text=w.text, evidence=_evidence_list([u]), confidence=0.5,
                needs_review=True, review_reason="Datum för nästa möte kunde inte tolkas",
            )

    def _attach_time(self, cand: tuple[When, list[Utt]], u: Utt) -> None:
        """A clock time said just after the date ('klockan tio då?' - 'ja') joins the date."""
        w, utts = cand
        if w.time is not None:
            return
        for v in self.utts[u.idx + 1 : u.idx + 4]:
            times = [t for t in self.whens(v) if t.time is not None and t.date is None]
            if times and not cues.DATE_REJECT.search(v.low):
                nxt = self.utts[v.idx + 1] if v.idx + 1 < len(self.utts) else None
                if nxt is not None and nxt.speaker != v.speaker and cues.DATE_REJECT.search(nxt.low):
                    continue
                w.time = times[0].time
                utts.append(v)
                return
            if self.whens(v):
                return

    def _settle(self, candidates: list[tuple[When, list[Utt]]]) -> tuple[When, list[Utt]] | None:
        """The last proposed date nobody turned down."""
        kept: list[tuple[When, list[Utt]]] = []
        for w, utts in candidates:
            last = utts[-1]
            following = self.utts[last.idx + 1 : last.idx + 3]
            own_next = [v for v in following if v.speaker == last.speaker]
            replies = [v for v in following if v.speaker != last.speaker]
            # A reply answers the date only if the date was the speaker's last word (not another question).
            reply = replies[0] if replies and (not own_next or own_next[0].idx > replies[0].idx) else None
            rejected = reply is not None and bool(cues.DATE_REJECT.search(reply.low)) and not self.whens(reply)
            if last.is_question and reply is not None and re.match(r"^\s*nej\b", reply.low):
                rejected = True
            if not rejected:
                if reply is not None and cues.DATE_CONFIRM.search(reply.low):
                    utts = utts + [reply]
                kept.append((w, utts))
        return kept[-1] if kept else None

    # ------------------------------------------------------------------ driver
    def run(self) -> Extracted:
        for u in self.utts:
            handled = (self._explicit_decision(u) or self._approval(u) or self._negative_decision(u)
                       or self._not_decided(u))
            if not handled:
                _ = (self._confirmation(u) or self._call_for_decision(u) or self._declarative(u)
                     or self._permission(u))
            self._actions(u)
        self._next_meeting()
        self._resolve_next_meeting_dues()
        return self.out

    def _resolve_next_meeting_dues(self) -> None:
        nm = self.out.next_meeting
        if nm is None or nm.when is None:
            return
        day = nm.when.date() if isinstance(nm.when, dt.datetime) else nm.when
        for a in self.out.actions:
            if a.due is None and a.due_text and re.search(r"nästa\s+(?:\w*möte|gång|\w*träff)", a.due_text.lower()):
                a.due = day


def _best_when(whens: list[When], pos: int) -> When:
    """Prefer a spelled-out day and month with a time over 'nästa tisdag'; then the nearest."""
    rank = {"dmy": 0, "iso": 0, "slash": 1, "wd_day": 1, "week": 2, "den_day": 2}
    return min(whens, key=lambda w: (w.time is None, rank.get(w.kind, 3), abs(w.start - pos)))


def _merge_evidence(a: list[Evidence], b: list[Evidence]) -> list[Evidence]:
    ids = {e.segment_id for e in a}
    return sorted(a + [e for e in b if e.segment_id not in ids], key=lambda e: e.start)


def _action_verb(word: str, rest: str = "") -> bool:
    """An infinitive or present-tense task verb, with its particle when it needs one."""
    w = to_infinitive(word.lower()) if word else ""
    if w in cues.ACTION_VERBS:
        return True
    nxt = rest.split()[:1]
    return bool(nxt) and f"{w} {nxt[0]}" in cues.PARTICLE_VERBS


_NOT_TASKS = frozenset({"bara", "säga", "säger", "tycker", "tror", "menar", "vet", "undrar", "tänker", "ser", "hör",
                        "heter", "jobbar", "är", "har", "hade", "var", "känner", "hoppas", "räknar", "förstår"})


def _personal_commitment(low: str) -> bool:
    """'jag skickar', 'jag ska boka', 'jag tar fram': a first-person task with a task verb."""
    m = re.search(r"\bjag\s+(?:(?:ska|kan|kommer\s+att|tar\s+på\s+mig\s+att|lovar\s+att|åtar\s+mig\s+att|"
                  r"ser\s+till\s+att)\s+)?(?:också\s+|gärna\s+|då\s+|nog\s+|själv\s+)?(?P<verb>[a-zåäö]+)"
                  r"(?P<rest>[^.!?]*)", low)
    if not m or m.group("verb") in _NOT_TASKS:
        return False
    return _action_verb(m.group("verb"), m.group("rest")) and len(m.group("rest").split()) >= 1


def _strip_due(text: str) -> str:
    """Drop the deadline from a task text, it has its own field."""
    out = re.sub(r"\s*,?\s*\b(?:senast|till|innan|före|inför|på|under|om|i)\s+"
                 r"(?:nästa\s+(?:\w*möte|gång|vecka|\w*träff)|"
                 r"(?:på\s+)?(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?|i\s*morgon|imorgon|"
                 r"(?:den\s+)?\d{1,2}(?::?[ae])?\s+\w+|två\s+veckor|en\s+vecka)\b.*$", "", text,
                 flags=re.IGNORECASE)
    out = re.sub(r"\s*,?\s*\b(?:senast\s+)?(?:i\s*morgon|imorgon)\b", "", out, flags=re.IGNORECASE)
    return out.strip(" ,.") or text.strip(" ,.")
