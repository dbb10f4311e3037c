"""The chair's closing that names what the meeting takes: 'Då tar vi offerten från Malmö Rör.'

After a discussion the chair often settles it with "Då <verb> vi <what>" and no decision word:
taking one of the offers or alternatives on the table, saying yes to a proposal, hiring in,
running a plan. Only those verbs with a real object count; "Då tar vi punkt fem", "Då kör vi
igång" and "Då tar vi med det" are the meeting's order, not a decision. Flagged like any plan
stated as fact.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, strip_tail, to_infinitive
from transcribe.minutes.rules.resolutions import ResolutionRules
from transcribe.minutes.rules.utterances import Utt
from transcribe.sv.text import content_words

_LEAD = r"^(?:(?:ja|okej|bra|nej)\b[\s,.]*)*(?:och\s+)?(?:då|så)\s+"
# verb said before "vi" -> the infinitive phrase of the decision
_CHOICE = re.compile(
    _LEAD + r"(?:"
    r"(?P<take>tar)\s+vi\s+(?P<np>(?:\w+\s+){0,2}?(?:offert|anbud|alternativ|förslag)\w*\b.*)"
    r"|(?P<yes>säger)\s+vi\s+ja\s+till\s+(?P<np2>.+)"
    r"|(?P<hire>hyr)\s+vi\s+in\s+(?P<np3>.+)"
    r"|(?P<run>kör)\s+vi\s+(?!på\b|igång\b|vidare\b|det\b|så\b|en\s+runda\b)(?P<np4>.+)"
    r"|(?P<out>blir)\s+det\s+(?P<np5>(?:alternativ|förslag)\w*\s+\w.*)"  # "Då blir det alternativ B, ..."
    r")"
)
_CHOSEN = re.compile(r"^(?:\w+\s+){0,2}?(?:offert|anbud|alternativ|förslag)\w*")
# "Då tar vi förslaget på nästa möte": put off, not taken
_LATER = re.compile(r"\b(?:nästa|senare|längre\s+fram|till\s+hösten|till\s+våren|efter\s+\w+\s+möte)\b")
# "Nej, det blir ingen buffé den här gången.": a matter raised (not proposed) settled in the negative
_NONE = re.compile(
    r"^(?:(?:nej|ja|okej|så)\b[\s,.]*)*(?:det\s+blir|(?P<then>då|så)\s+blir\s+det)\s+(?:alltså\s+)?(?P<no>ingen|inget|inga)\s+"
    r"(?P<what>(?!som\b|kvar\b|mer\b|fler\b)[\w-]{4,})(?P<when>(?:\s+[\w-]+){0,4})\s*[.!]?$"
)
# "Men de fyra larm vi har flyttar vi till salarna": a plan with its object said first
_FRONTED = re.compile(
    r"^(?:men\s+|och\s+)?(?P<np>(?!(?:om|antingen|eller|när|ifall|innan|det|den|dem|vi|jag|du|så|då)\b)"
    rf"(?:[\w-]+\s+){{1,5}}?)(?P<v>{cues.CHANGE_VERBS})\s+vi\s+(?!inte\b)(?P<rest>\S.*)"
)
_VERB = {"take": "anta", "yes": "säga ja till", "hire": "hyra in", "run": "genomföra", "out": "välja"}


class ChoiceRules(ResolutionRules):
    """The chair's 'Då tar vi offerten' closing, recorded into the shared state."""

    def _settled_none(self, u: Utt) -> bool:
        """'Och buffén?' - 'Nej, det blir ingen buffé den här gången.' -> that sentence is the decision.

        When the thing was proposed ("Jag föreslår att vi går över till tolvtimmarspass"), the same words turn
        the proposal down: that is the rejection rules' item, not a decision.
        """
        m = _NONE.match(u.low)
        if not m or u.is_question or cues.TENTATIVE.search(u.low) or cues.REPORTED.search(u.low):
            return False
        what = m.group("what")[:5]
        if any(cues.PROPOSAL.search(v.low) and what in v.low for v in self._window(u, back=8)):
            return False
        window = self._window(u, back=6 if m.group("then") else 4)
        others = any(v.speaker != u.speaker for v in window)
        if not any(what in v.low and (v.is_question or v.speaker != u.speaker or (m.group("then") and others))
                   for v in window):  # fmt: skip
            return False  # nothing raised it: a remark, not a matter settled
        text = "det blir " + strip_tail(u.text[len(u.text) - len(u.low) + m.start("no") :]).rstrip(" .!")
        self._add_decision(f"{text[0].upper()}{text[1:]}.", u, [u], 0.6, "Beslutet uttrycktes som en plan")
        return True

    def _fronted_plan(self, u: Utt) -> bool:
        """'Men de fyra larm vi har flyttar vi till salarna.' -> 'Mötet beslutade att flytta de fyra larm ...'."""
        m = _FRONTED.match(u.low)
        if not m or u.is_question or cues.TENTATIVE.search(u.low) or cues.REPORTED.search(u.low):
            return False
        if cues.HEDGE.search(u.low) or cues.AGENDA_TALK.search(u.low) or _LATER.search(m.group("rest")):
            return False
        np = u.text[m.start("np") : m.end("np")].strip()
        rest = strip_tail(u.text[m.start("rest") :]).rstrip(" .!")
        if not content_words(np):
            return False
        verb = re.sub(r"\s+", " ", m.group("v")).split(" ")
        inf = " ".join([to_infinitive(verb[0]), *verb[1:]])
        clause = first_person(f"att {inf} {np} {rest}", u.name)
        self._add_decision(decision_sentence(clause), u, [u], 0.6, "Beslutet uttrycktes som en plan")
        return True

    def _choice(self, u: Utt) -> bool:
        """'Då säger vi ja till samarbetet med kulturskolan.' -> 'Mötet beslutade att säga ja till ...'."""
        if self._settled_none(u) or self._fronted_plan(u):
            return True
        m = _CHOICE.match(u.low)
        if not m or u.is_question or cues.REPORTED.search(u.low):
            return False
        which = next(k for k in _VERB if m.group(k))
        at = next(m.start(g) for g in ("np", "np2", "np3", "np4", "np5") if m.group(g))
        # the proposal or alternative taken is no hedge ("Då blir det alternativ B"); any other tentative word is
        if cues.TENTATIVE.search(u.low[:at] + _CHOSEN.sub("", u.low[at:], count=1)):
            return False
        rest = strip_tail(u.text[at:]).rstrip(" .!")
        if cues.NEG.match(rest.lower()) or cues.AGENDA_TALK.search(rest.lower()) or len(content_words(rest)) < 1:
            return False
        if cues.HEDGE.search(u.low) or _LATER.search(rest.lower()):
            return False
        clause = first_person(f"att {_VERB[which]} {rest}", u.name)
        self._add_decision(decision_sentence(clause), u, [u], 0.6, "Beslutet uttrycktes som en plan")
        return True
