"""The chair's formal acts without a decision word: elections, a meeting declared duly convened, filing.

'Då väljer stämman Leif.', 'Då finner jag att stämman är behörigen kallad.' and 'Rapporten läggs till
handlingarna.' are decisions of the meeting.

Annual meetings elect by the chair's formula rather than by "beslutar": the body, the verb "väljer"
and the people elected, often after "Något annat förslag? Nej." The role comes from the sentence
itself ("till ordförande för ett år") or from the item the chair announced just before ("val av
ordförande för stämman"); a first name is completed from the participants' names.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import strip_tail
from transcribe.minutes.rules.resolutions import ACT_PAST, ResolutionRules
from transcribe.minutes.rules.safety import PREFIX
from transcribe.minutes.rules.utterances import Utt
from transcribe.sv.text import capitalise, content_words

_ELECTS = re.compile(
    rf"^(?:(?:ja|bra|okej|nej|tack)\b[\s,.]*)*(?:då|så|därmed|härmed)\s+(?:om)?väljer\s+"
    rf"(?P<body>vi|{cues.BODY_NOUN})(?:\s+(?:alltså|därmed|härmed|också))*\s+(?P<x>(?!att\b|det\b|om\b|bort\b)\S.*)"
)
_ROLE_IN = re.compile(r"\s+(?:till|som)\s+(?P<role>[\w -]+?)\s*$")
_ITEM = re.compile(r"\bval\s+av\s+(?P<role>[a-zåäö]+(?:\s+för\s+(?:stämman|mötet|årsmötet))?)(?P<more>[^.?!]*)")
# The protokoll's own officers are its roles (minutes.roles), not decisions.
_OFFICERS = re.compile(r"\b(?:justera\w*|sekreterare|protokollförare|rösträknare)\b")
# "Då finner jag att stämman är behörigen kallad", "Då är mötet behörigen utlyst"
_CONVENED = re.compile(
    r"^(?:(?:ja|bra|okej|nej|tack)\b[\s,.]*)*(?:(?:då|så|därmed|härmed)\s+)?"
    r"(?:(?:finner|förklarar|konstaterar)\s+jag\s+(?:att\s+)?)?(?:är\s+)?"
    r"(?P<body>(?:års|förenings)?(?:stämman|mötet))\s+(?:är\s+|för\s+)?behörigen\s+(?P<p>kallad|kallat|utlyst|utlysat)\b"
)
# "Rapporten läggs till handlingarna", "I övrigt lägger vi anteckningarna till handlingarna",
# "Då är det godkänt och läggs till handlingarna"
_FILED = re.compile(
    r"^(?:(?:ja|bra|okej|tack)\b[\s,.]*)*(?:i\s+övrigt\s+)?(?:(?:då|så|därmed)\s+)?(?:"
    r"är\s+(?:det|den|de)\s+(?P<ok>godkänd|godkänt|godkända)\s+och\s+läggs"
    r"|lägger\s+vi\s+(?P<np2>[\w -]{3,40}?)"
    r"|(?P<np>(?!(?:det|den|de|vi|jag|är)\b)[\w -]{3,40}?)\s+läggs"
    r")\s+till\s+handlingarna\s*[.!]?$"
)
# "ÄTA tolv, tilläggsisoleringen av vindsbjälklaget, den godkänner vi": the object said first, then the act
_FRONTED_ACT = re.compile(
    r"^(?:och\s+)?(?P<np>[^,]{3,60}(?:,\s*[^,]{3,60})?),\s+(?:den|det|dem|de)\s+(?P<v>godkänner|fastställer|antar)\s+"
    rf"(?P<body>vi|{cues.BODY_NOUN})\b(?P<after>\s+\w+)?"
)
_LATER = re.compile(r"\b(?:nästa|senare|sedan|sen|längre\s+fram|i\s+höst|i\s+vår|till\s+hösten|till\s+våren)\b")
_ITEM_HEAD = re.compile(r"^(?P<np>(?:[A-ZÅÄÖ]\w*)(?:\s+\w+){0,2}),")
_BARE_REPLY = re.compile(r"^\s*(?P<a>ja|nej|ingen|inga)\s*[.!]?\s*$")
_OBJECTIONS_CALLED = re.compile(
    r"\b(?:någon|några)\s+(?:som\s+är\s+)?(?:emot|invänder|invändningar)\b|\binvändningar\b"
)


class ElectionRules(ResolutionRules):
    """The chair's election formula, recorded into the shared state."""

    def _unheard_close(self, u: Utt) -> bool:
        """'Kan stämman godkänna det?' - 'Ja.' - '<Net.>': the caller's closing of a call another member answered,
        heard as a word or two the recogniser was unsure of all through (a lost "Klubbat"). What the call asked
        is decided, flagged; a clear reply ("Bra.", "Nej vänta") is read as heard and decides nothing here."""
        words = re.findall(r"[\w-]+", u.low)
        if not self.robust or u.idx < 2 or u.is_question or not 0 < len(words) <= 2:
            return False
        if not all(u.uncertain(w) for w in words) or cues.NEG.search(u.low):
            return False
        answer, call = self.utts[u.idx - 1], self.utts[u.idx - 2]
        a = _BARE_REPLY.match(answer.low)
        if a is None or answer.speaker == u.speaker or call.speaker != u.speaker or call.idx in self.used:
            return False
        if (
            not call.is_question
            or not self._is_call(call)
            or (a.group("a") == "ja") == bool(_OBJECTIONS_CALLED.search(call.low))
        ):
            return False  # "Någon emot? Ja.": an objection
        text = self._called(call)
        if not text:
            return False
        self.used.update((call.idx, answer.idx))
        self._add_decision(text, call, [call, answer, u], 0.5, f"{PREFIX}klubbningen hördes otydligt")
        return True

    def _convened(self, u: Utt) -> bool:
        """'Då finner jag att stämman är behörigen kallad.' -> 'Stämman förklarades behörigen kallad.'"""
        m = _CONVENED.match(u.low)
        if not m or self._refused(u, u.low[: m.start("p")]):
            return False
        self._add_decision(f"{capitalise(m.group('body'))} förklarades behörigen {m.group('p')}.", u, [u], 0.85)
        return True

    def _filed(self, u: Utt) -> bool:
        """'I övrigt lägger vi anteckningarna till handlingarna.' -> 'Anteckningarna lades till handlingarna.'"""
        m = _FILED.match(u.low)
        if not m or self._refused(u, u.low):
            return False
        if m.group("ok"):
            np = self._item_head(u)
            if np is None:
                return False
            text = f"{np} godkändes och lades till handlingarna."
        else:
            at = m.start("np") if m.group("np") else m.start("np2")
            np = u.text[at : at + len(m.group("np") or m.group("np2"))].strip()
            if not content_words(np):
                return False
            text = f"{capitalise(np)} lades till handlingarna."
        self._add_decision(text, u, [u], 0.85)
        return True

    def _fronted_act(self, u: Utt) -> bool:
        """'ÄTA tolv, tilläggsisoleringen av vindsbjälklaget, den godkänner vi.' -> '... godkändes.'"""
        m = _FRONTED_ACT.match(u.low)
        if not m or self._refused(u, u.low[: m.end()]) or not self._body_is_own(m.group("body")):
            return False
        if _LATER.search(u.low[m.end("body") :]):
            return False  # "Budgeten, den godkänner vi nästa gång": put off
        np = u.text[m.start("np") : m.end("np")].strip()
        if re.match(r"(?:om|när|ifall|innan|men|jag|du|vi|det)\b", np.lower()) or not content_words(np):
            return False  # "Om det stämmer, det godkänner vi": a condition, not the object
        self._add_decision(f"{capitalise(np)} {ACT_PAST[m.group('v')]}.", u, [u], 0.8)
        return True

    def _item_head(self, u: Utt) -> str | None:
        """'Föregående protokoll' from the chair's 'Föregående protokoll, har någon något att invända?'."""
        for v in self._window(u, back=4):
            if v.speaker == u.speaker and (m := _ITEM_HEAD.match(v.text.strip())) is not None:
                return m.group("np")
        return None

    def _election(self, u: Utt) -> bool:
        """'Då väljer årsmötet Anna-Karin Svensson till ordförande för ett år.' -> a decision naming who."""
        m = _ELECTS.match(u.low)
        if not m or self._refused(u, u.low[: m.start("x")]) or not self._body_is_own(m.group("body")):
            return False
        x = strip_tail(u.text[m.start("x") :]).rstrip(" .!")
        if cues.NEG.match(x.lower()) or _OFFICERS.search(x.lower()):
            return False
        if not (self._named_person(x.lower()) or re.search(r"\b[A-ZÅÄÖ][a-zåäö]+", x)):
            return False  # "Då väljer vi den billigare": a choice, not an election
        role = "" if _ROLE_IN.search(x) else self._announced_role(u)
        if role is None:
            return False  # "val av två justerare": the protokoll's roles
        if (who := self._named_person(x.lower())) and x.lower() == who[1].split()[0].lower():
            x = who[1]  # "Då väljer stämman Leif." -> the full name
        body = "Mötet" if m.group("body") == "vi" else capitalise(m.group("body"))
        self._add_decision(f"{body} valde {x}{role}.", u, [u], 0.85)
        return True

    def _announced_role(self, u: Utt) -> str | None:
        """' till ordförande för stämman' from the item announced just before ('Första punkten är val av ...');
        None when that item elects the protokoll's officers."""
        for v in self._window(u, back=4):
            if (m := _ITEM.search(v.low)) is not None:
                return None if _OFFICERS.search(m.group(0)) else f" till {m.group('role')}"
        return ""
