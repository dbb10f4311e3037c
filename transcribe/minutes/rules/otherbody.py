"""Another body's decision told to the meeting: never this meeting's, however its verb was heard.

"Kommunen har beslutat att torget ska byggas om från augusti." tells what another body settled elsewhere. The
formula rules know it, but a close said after it ("Det är klubbat i kommunfullmäktige", "Då blir det så att …") takes
the latest sentence as its proposal, and under word errors the verb that tells it ("har beslutat") is what gets lost
("<Kommunen> i men att torget ska byggas om från augusti."). What survives is the subject: a body that is not this
meeting (a municipality, a region, a federation, an owner, a company; a compound the meeting's title does not name)
at the head of the sentence, with an "att" clause a few words after it. A plain body that may be the meeting itself
("styrelsen", "ledningen") or "de" counts only with its verb told in the perfect or past ("har bestämt", "beslutade")
and nothing settling it ("då", "så", "alltså"). A decision whose content is that clause was the other body's.

Swedish puts the verb second, so the matter may come first and the body after its verb ("Men var den ska ligga
beslutar tekniska nämnden, på sitt möte i november."); a body said to decide at a time to come ("Nämnden bestämmer i
november.") decides later, elsewhere; and "Det är beslutat." followed by the body's name ("Kulturnämnden, i maj.")
confirms another body's decision, not a proposal made in the room."""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.model import Decision
from transcribe.minutes.rules.resolutions import ResolutionRules
from transcribe.minutes.rules.utterances import Utt, stems

# Said of a matter: it is not this meeting's to decide ("Det kan vi inte bestämma här", "Omar, vi kan inte bestämma
# vad hyresvärden ska göra", "Det är inte vårt beslut", "Det är inte vi som bestämmer", "Det är deras beslut", "Det
# är inte upp till oss"); read anywhere in a close's own turn, and at the opening of the answer to a ruling.
NOT_OURS_WORDS = (
    r"(?:det|den|det\s+där)\s+kan\s+(?:inte\s+vi|vi\s+inte)\s*(?:(?:bestämma|besluta)\b|[,.!]|$)"
    r"|\b(?:kan|får)\s+(?:inte\s+)?vi\s+inte\s+(?:bestämma|besluta|ändra)\b"
    r"|\bvi\s+kan\s+(?:ju\s+)?inte\s+(?:bestämma|besluta)\s+(?:vad|åt|över)\b"
    r"|(?:det|den|det\s+där)\s+är\s+(?:ju\s+)?inte\s+(?:vårt|ert|ditt|mötets)\s+beslut"
    # the cleft with any deciding verb: "det är inte vi här som sätter avgiften", "det är inte vi som stänger en lab"
    r"|(?:det\s+är\s+)?(?:ju\s+)?inte\s+(?:vi|ni|du)\s+(?:här\s+)?som\s+(?:bestämmer|beslutar|sätter|väljer|avgör"
    r"|stänger|godkänner|beviljar|styr)\b"
    r"|det\s+är\s+(?:ju\s+)?inte\s+upp\s+till\s+(?:oss|er|dig|mötet)"
    r"|(?:det\s+är\s+)?(?:ju\s+)?\bderas\s+(?:beslut|regel|sak)\b"
)
NOT_OURS = re.compile(NOT_OURS_WORDS)
# The say told to be another's: the cleft naming who decides ("Det är ju riks som bestämmer avgiften", "Det är jag och
# banken som bestämmer det") or the deciding verb before its subject ("Det bestämmer inköp, vi har ett avtal."); never
# "vi", "ni" or "du", which hand the matter to the room.
SAY_ELSEWHERE = re.compile(
    r"\bdet\s+är\s+(?:ju\s+)?(?!(?:vi|ni|du)\b)(?P<who>[a-zåäö-]+(?:\s+och\s+[a-zåäö-]+)?)\s+som\s+"
    r"(?:bestämmer|beslutar|avgör|sätter|styr|godkänner|beviljar)\b"
    r"|^(?:(?:men|nej|ja)\b[\s,]*)*det\s+(?:bestämmer|beslutar|avgör)\s+"
    r"(?!(?:vi|ni|du|jag|inte|nog|väl|ju|alltså|då|sen|senare)\b)[a-zåäö-]+\s*(?:[,.!]|$)"
)
# A body said to decide at the close of the speaker's own sentence: "Rådet ger bara en rekommendation här, skolan
# bestämmer."
_DECIDES_LAST = re.compile(r",\s*(?:men\s+)?(?P<body>[a-zåäö-]+)\s+(?:bestämmer|beslutar|avgör)\s*[.!]?$")
# Bodies that never are the meeting deciding: public bodies, owners, employers, companies.
_OTHER_NOUN = re.compile(
    r"^[a-zåäö-]*(?:kommunen|kommun|regionen|landstinget|staten|regeringen|riksdagen|länsstyrelsen|förbundet|"
    r"distriktet|förvaltningen|fullmäktige|myndigheten|verket|bolaget|företaget|koncernen|kedjan|huvudkontoret|"
    r"hyresvärden|fastighetsägaren|arbetsgivaren|banken|polisen|skolan|kyrkan)$"
)
_BODY_NOUN = re.compile(rf"^{cues.BODY_NOUN}$")
# What another body is to do, read as the meeting's decision: "Mötet beslutade att kommunen plogar gatan bättre." (the
# body said alone, not a compound that may be the meeting's own name: "Plantskolan säljer …")
_OTHERS_DEED = re.compile(
    r"^(?:mötet\s+beslutade\s+att\s+)?(?:kommunen|regionen|landstinget|staten|regeringen|länsstyrelsen|hyresvärden|"
    r"fastighetsägaren|arbetsgivaren|banken|polisen)\s+(?:inte\s+)?(?!har\b|hade\b)[a-zåäö]+(?:ar|er|r)\b"
)
_OPENERS = r"^(?:(?:ja|nej|men|och|okej|fast|för|jo)\b[\s,.!]*)*"
# Who decides what (or that no one does), told in the present with a question word after the verb: "Anstalten
# bestämmer vilka dagar som är öppna.", "Ingen bestämmer om laddstolpar, verkar det som." ("om" after another than
# no one is left alone: "Nämnden beslutar om bidraget" may decide it)
_DECIDES_WHAT = re.compile(
    _OPENERS + r"(?P<body>[a-zåäö-]+)\s+(?:bestämmer|beslutar|avgör)\s+(?:själv\s+)?"
    # (an "att" the misheard-word repair put in before the question word)
    r"(?:att\s+(?=vilk|hur\b|när\b|vad\b))?(?P<q>vilka|vilken|vilket|hur|när|var|vad|om)\b"
)
# The head of a told decision: the body, up to three words, and the "att" (or colon) its content follows.
_HEAD = re.compile(_OPENERS + r"(?P<body>[a-zåäö-]+)\s+(?P<mid>(?:[a-zåäö-]+\s+){0,3}?)(?:att\s+|:\s*)(?P<clause>.+)")
# The verb telling it: "har bestämt", "hade beslutat", "beslutade", "har kommit överens om".
_TOLD = re.compile(
    r"\b(?:(?:har|hade)\s+(?:\w+\s+)?(?:beslutat|bestämt|klubbat|sagt|kommit\s+överens\s+om)|beslutade|bestämde"
    r"|klubbade)\b"
)
# The matter first, the verb, then the body: "... beslutar tekniska nämnden, på sitt möte i november"
_INVERTED = re.compile(
    r"^(?P<matter>.*\S)\s+(?:beslutar|bestämmer|avgör|har\s+beslutat|har\s+bestämt|beslutade|bestämde)\s+"
    r"(?P<body>(?:[a-zåäö]+(?:a|s)\s+)?[a-zåäö-]+)\b"
)
# A body said to decide at a time to come: "Nämnden bestämmer i november.", "Kommunen beslutar om det efter nyår."
_LATER = re.compile(
    _OPENERS + r"(?:(?:men|och)\s+)?(?P<body>(?:[a-zåäö]+(?:a|s)\s+)?[a-zåäö-]+)\s+(?:beslutar|bestämmer|avgör)\s+"
    r"(?:(?:om\s+)?(?:det|den|saken|frågan)\s+|att\s+(?=(?:i|på|efter)\s+[a-zåäö]+\s*[.!]?$))?(?!i\s+enlighet|på\s+förslag)(?:i|på|efter|under|nästa|senare|sen|först)\b"
)
# "Det är beslutat." (or "bestämt", "klart"): said of another's decision when the body is named right after it
_IS_DECIDED = re.compile(r"^(?:(?:ja|jo|nej|men)\b[\s,.!]*)*det\s+är\s+(?:redan\s+)?(?:beslutat|bestämt)\s*[.!]?$")
# A permit another body granted, told as how things stand: "Glassbilen har tillstånd från kommunen." (the body lost
# after "från" under word errors: "Glassbilen har tillstånd från.")
_GRANTED = re.compile(
    _OPENERS + r"(?!(?:vi|jag|ni|du)\b)[a-zåäö-]+(?:\s+[a-zåäö-]+)?\s+har\s+(?:fått\s+)?(?:[a-zåäö]+\s+){0,2}?"
    r"(?:tillstånd|bygglov|lov|dispens|klartecken|godkännande)\s+(?:från|av)\b(?:\s+(?P<body>[a-zåäö-]+))?"
)
_PERSONS = frozenset("vi jag ni du man det den de dom mötet".split())  # the room itself, or no subject at all
_SETTLING = re.compile(r"\b(?:då|så|härmed|därmed|alltså|nu)\b")
# Words heard where a verb stood that can be no verb: "<Kommunen> i men att ..."
_NO_VERB = frozenset("i på för och men att en ett som av till om från med det den de".split())
_GENERIC = frozenset(stems("mötet beslutade beslutar beslut"))


class OtherBodyReports(ResolutionRules):
    """Reads whether a decision found is another body's, told to the meeting."""

    def told_elsewhere(self, d: Decision, made: list[Utt]) -> bool:
        """The content of `d` is what a sentence among `made` tells as another body's decision."""
        said = stems(d.text) - _GENERIC
        if not said:
            return False
        for u in made:
            told_as = self._told_as_other(u)
            if told_as is None:
                continue
            told = stems(told_as)
            shared = said & told
            if told and 2 * len(shared) >= len(told) and 2 * len(shared) >= len(said):
                return True
        return False

    @staticmethod
    def others_deed(d: Decision) -> bool:
        """`d` says what another body does ('… bestämmer att hyresvärden sätter upp skyltar'): no meeting decides
        that for another; it can ask, which is worded with the meeting as the one who acts."""
        return bool(_OTHERS_DEED.match(d.text.lower()))

    def says_elsewhere(self, d: Decision, made: list[Utt]) -> bool:
        """`d`'s own words say that a body not this meeting, or no one, decides the matter ('Rådet ger bara en
        rekommendation här, skolan bestämmer.', 'det är kommunen som beslutar om det', 'Anstalten bestämmer vilka
        dagar …'): a remark on who holds the say."""
        low = d.text.lower()
        if (m := _DECIDES_LAST.search(low)) and self._body_elsewhere(m["body"]):
            return True
        said = stems(d.text) - _GENERIC
        for u in made:  # who decides what, no decision ("Styrelsen bestämmer att …" decides)
            if (
                (m := _DECIDES_WHAT.match(u.low))
                and m["body"] not in _PERSONS
                and (m["q"] != "om" or m["body"] == "ingen")  # ("Nämnden beslutar om bidraget" may decide)
                and 2 * len(said & stems(u.text)) >= len(said)
            ):
                return True
        m = SAY_ELSEWHERE.search(low)
        return m is not None and m["who"] is not None and self._body_elsewhere(m["who"].split()[-1])

    def confirmed_elsewhere(self, made: list[Utt]) -> bool:
        """A sentence among `made` is "Det är beslutat." with a body not this meeting named next in the same turn."""
        for u in made:
            nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
            if nxt is None or nxt.turn != u.turn or not _IS_DECIDED.match(u.low):
                continue
            first = (re.findall(r"[a-zåäö-]+", nxt.low) or [""])[0]
            if self._body_elsewhere(first):
                return True
        return False

    def _body_elsewhere(self, body: str) -> bool:
        """`body` (its last word the noun) names a body that is not this meeting: a public body, an owner or a
        company, or a body the meeting's title does not name ("tekniska nämnden", "kulturnämnden")."""
        words = body.split()
        noun = words[-1] if words else ""
        if noun in ("vi", "de", "dom", "jag", "du", "ni") or not noun:
            return False
        if _OTHER_NOUN.match(noun):
            return True
        return bool(_BODY_NOUN.match(noun)) and (len(words) > 1 or not self._body_is_own(noun))

    def _told_as_other(self, u: Utt) -> str | None:
        """What `u` tells as another body's decision, from the body on ("kommunen har beslutat att torget ..."),
        the whole sentence when the body follows its verb or decides later, or None."""
        if (m := _GRANTED.match(u.low)) and (m["body"] is None or self._body_elsewhere(m["body"])):
            return u.low  # granted by another body, told as how things stand
        if (m := _LATER.match(u.low)) and (_OTHER_NOUN.match(noun := m["body"].split()[-1]) or _BODY_NOUN.match(noun)):
            return u.low  # a decision to come, whoever takes it
        if (
            (m := _INVERTED.match(u.low))
            and self._body_elsewhere(m["body"])
            and not _SETTLING.fullmatch(re.sub(_OPENERS, "", m["matter"]).strip(" ,"))
        ):
            return u.low
        m = _HEAD.match(u.low)
        if m is None:
            return None
        body, mid = m["body"], m["mid"].split()
        if body == "vi" or "vi" in mid or "jag" in mid:
            return None  # the meeting's own word ("Vi har bestämt att ...")
        told = bool(_TOLD.search(m["mid"]))
        if body in ("de", "dom") or self._body_is_own(body):
            # perhaps the meeting itself: only a decision told, nothing settling it now
            return u.low[m.start("body") :] if told and not _SETTLING.search(u.low[: m.start("clause")]) else None
        if not (_OTHER_NOUN.match(body) or _BODY_NOUN.match(body)):
            return None
        if told or len(mid) <= 2 and all(w in _NO_VERB or u.uncertain(w) for w in mid):
            return u.low[m.start("body") :]  # another body: its verb told, or lost where only no verb stands
        return None
