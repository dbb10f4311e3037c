"""Another body's decision told to the meeting: never this meeting's, however its verb was heard.

"Kommunen har beslutat att torget ska byggas om från augusti." tells what another body settled elsewhere. The
formula rules know it, but a close said after it ("Det är klubbat i kommunfullmäktige", "Då blir det så att …") takes
the latest sentence as its proposal, and under word errors the verb that tells it ("har beslutat") is what gets lost
("<Kommunen> i men att torget ska byggas om från augusti."). What survives is the subject: a body that is not this
meeting (a municipality, a region, a federation, an owner, a company; a compound the meeting's title does not name)
at the head of the sentence, with an "att" clause a few words after it. A plain body that may be the meeting itself
("styrelsen", "ledningen") or "de" counts only with its verb told in the perfect or past ("har bestämt", "beslutade")
and nothing settling it ("då", "så", "alltså"). A decision whose content is that clause was the other body's."""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.model import Decision
from transcribe.minutes.rules.resolutions import ResolutionRules
from transcribe.minutes.rules.utterances import Utt, stems

# Bodies that never are the meeting deciding: public bodies, owners, employers, companies.
_OTHER_NOUN = re.compile(
    r"^[a-zåäö-]*(?:kommunen|kommun|regionen|landstinget|staten|regeringen|riksdagen|länsstyrelsen|förbundet|"
    r"distriktet|förvaltningen|fullmäktige|myndigheten|verket|bolaget|företaget|koncernen|kedjan|huvudkontoret|"
    r"hyresvärden|fastighetsägaren|arbetsgivaren|banken|polisen|skolan|kyrkan)$"
)
_BODY_NOUN = re.compile(rf"^{cues.BODY_NOUN}$")
_OPENERS = r"^(?:(?:ja|nej|men|och|okej|fast|för|jo)\b[\s,.!]*)*"
# The head of a told decision: the body, up to three words, and the "att" (or colon) its content follows.
_HEAD = re.compile(_OPENERS + r"(?P<body>[a-zåäö-]+)\s+(?P<mid>(?:[a-zåäö-]+\s+){0,3}?)(?:att\s+|:\s*)(?P<clause>.+)")
# The verb telling it: "har bestämt", "hade beslutat", "beslutade", "har kommit överens om".
_TOLD = re.compile(
    r"\b(?:(?:har|hade)\s+(?:\w+\s+)?(?:beslutat|bestämt|klubbat|sagt|kommit\s+överens\s+om)|beslutade|bestämde"
    r"|klubbade)\b"
)
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

    def _told_as_other(self, u: Utt) -> str | None:
        """What `u` tells as another body's decision, from the body on ("kommunen har beslutat att torget ..."), or
        None."""
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
