"""The chair's formal act said as its result, its object named in the call before it.

At an annual meeting or a board the one who leads puts a paper or a matter to the room ("Några frågor på
verksamhetsberättelsen?", "Kan vi lägga berättelserna till handlingarna?", "Med de två ändringarna, kan vi godkänna
dagordningen?") and, after the room's short answer or its silence, says the result: with a pronoun for the paper
("Då läggs den till handlingarna.", "De läggs till handlingarna.", "Då lägger vi det till handlingarna.", "Den är
godkänd."), in the plain word order ("Vi lägger rapporten till handlingarna.", "Då tackar vi Per och lägger
redovisningen till handlingarna.", "Då läggs revisionsberättelsen till handlingarna.") or as a participle state
("Taxan är fastställd.", "Motionen är bifallen."). Filing is always the meeting's own act; a state is one only
right after such a call, since "Bygglovet är beviljat." may tell what another body did. The object is the noun
said, or for a pronoun the paper the call named, or the item's heading the leader said just before
("Föregående protokoll."). Never a question, a negation, a condition or a wish.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.rules.acceptance import weight
from transcribe.minutes.rules.utterances import Utt
from transcribe.sv.text import capitalise, content_words

_LEAD = r"^(?:(?:ja|bra|okej|tack|nej|gott|utmärkt)\b[\s,.!]*)*"
# "lägger vi rapporten", "och lägger protokollet", "läggs den", "rapporten läggs" ... "till handlingarna"; a "lägger"
# with its "vi" lost is left to the repairs, which flag it
_FILED = re.compile(
    r"\b(?:(?:lägger\s+vi|vi\s+lägger|och\s+lägger)\s+(?P<a>[\w -]{1,70}?)|läggs\s+(?P<c>[\w -]{1,70}?)"
    r"|(?P<b>[\w -]{1,70}?)\s+läggs)"
    r"\s+till\s+handlingarna\b(?P<rest>[^.!?]*)"
)
_PARTICIPLES = {
    "godkänd": "godkändes",
    "godkänt": "godkändes",
    "godkända": "godkändes",
    "fastställd": "fastställdes",
    "fastställt": "fastställdes",
    "fastställda": "fastställdes",
    "bifallen": "bifölls",
    "bifallet": "bifölls",
    "bifallna": "bifölls",
    "antagen": "antogs",
    "antaget": "antogs",
    "antagna": "antogs",
}
# "Den är godkänd.", "Då är den godkänd med det tillägget.", "Taxan är fastställd."
_STATE = re.compile(
    _LEAD + r"(?:(?:då|så|därmed|härmed)\s+är\s+(?P<pro>den|det|de|dom)"
    r"|(?P<np>den|det|de|dom|[a-zåäö-]{3,}(?:en|et|na|an|n))\s+är)\s+(?:därmed\s+|alltså\s+|härmed\s+)?"
    rf"(?P<part>{'|'.join(_PARTICIPLES)})\b(?P<rest>[^.!?]*)"
)
_PERFECTS = {
    "valt": "valde",
    "bifallit": "biföll",
    "beslutat": "beslutade",
    "fastställt": "fastställde",
    "godkänt": "godkände",
    "antagit": "antog",
    "beviljat": "beviljade",
    "avslagit": "avslog",
    "gett": "gav",
}
# "Då har årsmötet valt styrelse ... enligt förslaget.", "Då har nämnden gett förvaltningen det uppdraget."
_PERFECT = re.compile(
    _LEAD + r"(?:då|så|därmed)\s+har\s+(?P<body>vi|[a-zåäö]+(?:et|en|an|na|ige))\s+"
    rf"(?P<act>{'|'.join(_PERFECTS)})\s+(?P<rest>[^.!?]+)"
)
# The meeting found duly called in everyday words: "Då är mötet rätt kallat.", "Då har årsmötet utlysts som det
# ska.", "Då anser vi att årsmötet har kallats i rätt tid."
_CALLED = re.compile(
    _LEAD + r"(?:(?:då|så|därmed)\s+)?(?:anser\s+(?:vi|jag|mötet)\s+att\s+)?(?:(?:är|har)\s+)?"
    r"(?P<body>(?:års|förenings)?(?:mötet|stämman))\s+(?:är\s+|har\s+)?(?:(?:rätt|korrekt|stadgeenligt)\s+"
    r"(?P<p1>kallat|kallad|utlyst)|(?P<p2>kallats|utlysts)\s+(?:i\s+rätt\s+tid|som\s+det\s+ska|på\s+rätt\s+sätt"
    r"|enligt\s+stadgarna|rätt))\b"
)
# The chair handed to the one the room just elected: "Då lämnar jag över till dig, Arne.", "Då varsågod, Rune."
_HANDED = re.compile(
    r"^(?:(?:ja|bra|okej|tack)\b[\s,.!]*)*(?:[Dd]å\s+)?(?:lämnar\s+jag\s+över\s+(?:ordet\s+|klubban\s+)?till\s+"
    r"(?:dig,?\s+)?(?P<n1>[A-ZÅÄÖ][\w-]+)|[Vv]arsågod,\s+(?P<n2>[A-ZÅÄÖ][\w-]+))[.!]?"
)
_LEADS = re.compile(r"\b(?:leda|leder|ordförande|klubban|styr|håller\s+i)\b")
_PRONOUNS = frozenset("den det de dem dom".split())
_NOT_OURS = re.compile(r"\b(?:om|ifall|när|innan|kanske|skulle|borde|får\s+vi\s+se|tills)\b")
# The call's object: "Kan vi godkänna dagordningen?", "Kan vi lägga berättelserna till handlingarna?"
_CALL_ACT = re.compile(
    r"\b(?:godkänna|fastställa|lägga|anta|bifalla)\s+(?P<np>(?!det\b|den\b|dem\b)[\w -]+?)"
    r"(?:\s+till\s+handlingarna)?\s*\?$"
)
# "Några frågor på verksamhetsberättelsen?", "Något att ändra i protokollet?"
_CALL_ABOUT = re.compile(
    r"\b(?:frågor|kommentarer|synpunkter|invändningar|ändringar|ändra|tillägg)\s+(?:på|om|till|i|kring|mot)\s+"
    r"(?P<np>[\w -]+?)\s*\?$"
)
_HEADING = re.compile(r"^(?P<np>[A-ZÅÄÖ][\w-]*(?:\s+[\w-]+){0,2})(?:,\s*[A-ZÅÄÖ][\w-]*)?\.$")
_NOT_HEADING = frozenset("ja nej okej bra tack gott precis absolut självklart".split())


class FormalResults:
    """The formal act's result with its object from the call; a RuleState mixin."""

    def _formal_result(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        low = u.low
        filed = _FILED.search(low)
        state = _STATE.match(low) if filed is None else None
        if filed is None and state is None:
            return self._perfect_act(u) or self._found_called(u) or self._chair_handed(u)
        m = filed or state
        if m is None or cues.NEG.search(low[: m.end()]) or _NOT_OURS.search(low[: m.start()]):
            return False
        if cues.TENTATIVE.search(low) or cues.REPORTED.search(low):
            return False
        call = self._call_before(u)
        if state is not None and call is None:
            return False  # a state told without the room asked: perhaps another body's act
        said = (m.group("a") or m.group("b") or m.group("c") or "") if filed else (m.group("pro") or m.group("np"))
        said = re.sub(r"^(?:(?:då|så|och|vi|både)\s+)+", "", said.strip())
        if filed and said.split()[:1] and said.split()[0] in ("inte", "fram", "upp", "ner"):
            return False
        if said in _PRONOUNS or not said:
            np = self._object_called(u, call)
            if np is None:
                return False
        else:
            at = low.index(said, m.start())
            np = u.text[at : at + len(said)]
            if not content_words(np):
                return False
        rest = m.group("rest").strip(" ,")
        rest = f" {rest}" if rest and re.match(r"(?:med|under|efter|utan)\b", rest) else ""
        act = "lades till handlingarna" if filed else _PARTICIPLES[m.group("part")]
        self._add_decision(f"{capitalise(np)} {act}{rest}.", u, [u], 0.85)
        return True

    def _perfect_act(self, u: Utt) -> bool:
        """'Då har årsmötet valt styrelse ... enligt förslaget.' -> 'Årsmötet valde styrelse ... enligt förslaget.'"""
        m = _PERFECT.match(u.low)
        if m is None or cues.NEG.search(u.low) or len(content_words(m.group("rest"))) < 2:
            return False  # "Då har vi beslutat det.": a confirmation, read by the closing rules
        at = len(u.text) - len(u.low)
        body = "Mötet" if m.group("body") == "vi" else capitalise(m.group("body"))
        rest = u.text[at + m.start("rest") : at + m.end("rest")].strip(" ,")
        self._add_decision(f"{body} {_PERFECTS[m.group('act')]} {rest}.", u, [u], 0.85)
        return True

    def _found_called(self, u: Utt) -> bool:
        """'Då är mötet rätt kallat.' -> 'Mötet ansågs rätt kallat.'"""
        m = _CALLED.match(u.low)
        if m is None or cues.NEG.search(u.low[: m.end()]):
            return False
        how = "kallat" if (m.group("p1") or m.group("p2")).startswith("kalla") else "utlyst"
        self._add_decision(f"{capitalise(m.group('body'))} ansågs rätt {how}.", u, [u], 0.85)
        return True

    def _chair_handed(self, u: Utt) -> bool:
        """'Är årsmötet med på Sven-Olof?' - 'Ja.' - 'Då lämnar jag över till dig, Sven-Olof.': the chair elected."""
        m = _HANDED.match(u.text.strip())
        call = self._call_before(u)
        if m is None or call is None or not any(_LEADS.search(v.low) for v in [call, *self._window(call, back=6)]):
            return False
        person = self._named_person((m.group("n1") or m.group("n2")).lower())
        if person is None:
            return False
        self._add_decision(f"{person[1]} valdes till mötesordförande.", u, [call, u], 0.8)
        return True

    def _call_before(self, u: Utt) -> Utt | None:
        """The leader's question to the room just before `u`, with nothing but short answers between."""
        for v in self._window(u, back=4):
            if v.is_question and v.speaker == u.speaker:
                return v
            if weight(v.text) > 2:
                return None
        return None

    def _object_called(self, u: Utt, call: Utt | None) -> str | None:
        """What the pronoun stands for: the paper the call named, or the leader's heading just before."""
        for v in [call] if call is not None else []:
            m = _CALL_ACT.search(v.low) or _CALL_ABOUT.search(v.low)
            if m is not None:
                np = v.text[m.start("np") : m.end("np")]
                if not np[:1].isupper() or len(np.split()) > 1:  # "Frågor till Hanna?": a person, no paper
                    return re.sub(r"^(?:både|alla)\s+", "", np)
        for v in self._window(u, back=6):
            if v.speaker != u.speaker:
                continue
            h = _HEADING.match(v.text.strip())
            if h is not None and h.group("np").split()[0].lower() not in _NOT_HEADING:
                return h.group("np")
        return None
