"""Items left open: a proposal declined, postponed or not decided, and the question it answered."""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import first_person, indirect_question, proposal_clause, strip_discourse, strip_tail
from transcribe.minutes.rules.resolutions import ResolutionRules
from transcribe.minutes.rules.utterances import WH, Utt, personal_commitment
from transcribe.sv.text import content_words

# "Nej, vi öppnar inte på söndagar": the "nej" agrees with the group's own negated commitment
_GROUP_NO = re.compile(r"^nej\b[\s,.!]*(?:då\s+)?vi\s+[a-zåäö]{3,}(?:ar|er|ör|år)\s+(?:inte|inga|inget|ingen)\b")


class OpenItemRules(ResolutionRules):
    """Rules that record what a meeting did not decide; the decision rules build on them."""

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
        if rejected and not undecided and _GROUP_NO.match(u.low) and not cues.REJECTED.search(u.low[4:]):
            return False  # "Nej, vi öppnar inte på söndagar.": the group's negated commitment, read as a decision
        postponed = re.search(r"skjut|vänta|avvakt|bordl|parker|på\s+is|återkomm|ta\s*upp|senare|igen", u.low)
        if rejected and not undecided:
            reason = "Förslaget avslogs"
        else:
            reason = "Frågan sköts upp" if postponed else "Inget beslut fattades"
        own = re.search(
            r"\bförslaget\s+(?P<q>(?:om|att)\s+[^.,;]+?)\s+(?:är|har)\s+(?:därmed\s+|alltså\s+)?"
            r"(?:avslag|avslog|fallit|röstats)",
            u.low,
        )
        if own:
            self._add_open(f"Förslaget {u.text[own.start('q') : own.end('q')]}", reason, [u], 0.8)
            return True
        # Content in the sentence itself: "vi har inte bestämt om vi ska byta leverantör".
        own = re.search(
            r"\b(?:bestämt|beslutat|bestämmer|beslutar|överens|beslut|återkomma|återkommer|"
            r"skjuta\s+upp|skjuter\s+upp|avvakta)\s+(?:oss\s+)?(?:(?:ännu|heller|något|någonting)\s+)*"
            r"(?P<q>(?:om|hur|när|vem|var|vilken|vilket|vilka)\s+.+)",
            u.low,
        )
        if (
            own
            and len(content_words(own.group("q"))) >= 2
            and not re.match(r"om\s+(?:det|detta|den)\b", own.group("q"))
        ):
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
            if (
                v.is_question
                and WH.match(strip_discourse(v.low))
                and re.search(r"\b(?:ska|bör|borde|gör\s+vi)\b", v.low)
            ):
                return v
        return None

    def _unpromised(self, u: Utt) -> bool:
        """'Kan du lova att X?' - 'Nej, det kan jag inte lova': X stays open."""
        if not re.search(r"\bkan\s+(?:jag\s+)?inte\s+(?:lova|garantera)\b", u.low) or personal_commitment(u.low):
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
