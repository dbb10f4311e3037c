"""The outcome of a discussion stated plainly, without a decision word.

After others have spoken on a matter, the member who settles it (most often the chair) often just says
how it will be:

- the outcome with "då" after others agreed: "Okej, om de kan ringa så är jag med." - "Då går Dimma i
  pension efter vårterminen, och Sessan tar nybörjargrupperna.";
- the value the talk arrived at: "Då säger vi trettio kronor mer på alla klippningar från första juni.";
- an arrangement from a day on: "Från första januari är telefonen stängd tolv till ett.",
  "Okej, från och med nu är vi två i grinden på lördagar.";
- a thing said and settled in one sentence: "Hänglås på metallcontainern varje kväll, det kör vi på.";
- the result of a vote counted in the meeting: "Vi röstar. ... Två." - "Då blir hörnan kvar.";
- a conditional plan with its fallback: "Har vi kört snö i två nätter till så öppnar vi den fjärde.
  Annars blir det den elfte.";
- an offer taken: "Då tar vi erbjudandet.", "Vi antar Nilssons offert.".

A clause that opens with its verb ("Höjer vi tappar vi folk", "Rör vi batterierna utan den är det
livsfarligt") is a condition, a hypothetical: it decides nothing. The exclusions of the other rules hold
(a question, a hedge, a report, another body, the meeting's order). Every decision found here is flagged
for review: it was said without a decision word.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, strip_tail, we_decision
from transcribe.minutes.rules.closes import ClosingRules
from transcribe.minutes.rules.commitments import WHY
from transcribe.minutes.rules.plainclose import PlainCloseRules
from transcribe.minutes.rules.utterances import Utt, stems
from transcribe.sv.numbers import COUNT_WORD
from transcribe.sv.text import capitalise, content_words

_LEAD = r"^(?:(?:ja|jo|okej|ok|bra|nej|precis|gött|toppen)\b[\s,.!]*)*"
# A clause that opens with its finite verb and a subject is a condition: "Höjer vi tappar vi folk".
_V1 = re.compile(
    r"^(?:(?:men|och|fast)\b[\s,]*)?(?!(?:kör|ta|gör|säg|skriv|ring|kolla|då|så)\b)[a-zåäö]{2,}(?:ar|er|ör|yr|år|r)"
    r"\s+(?:vi|ni|man|de|dom|folk|kunderna|medlemmarna)\b"
)
# ... and with its consequence, even when a "då" was put before it: "Då höjer vi tappar vi folk."
_V1_THEN = re.compile(
    r"^(?:(?:men|och|fast|då|så)\b[\s,]*)?[a-zåäö]{2,}(?:ar|er|ör|yr|år|r)\s+(?:vi|ni|man|de|dom)\s+(?:[^\s,]+\s+){0,6}?"
    r"(?:[a-zåäö]{2,}(?:ar|er|ör|yr|år)|är|blir|går|får|kan)\s+(?:vi|det|de|dom|man|folk)\b"
)
# "Ingen läser loggar klockan tre på natten.", "Ingen tioåring läser årtalet": how people are, not what the group
# does ("ingen" as the subject of a verb in the present; "Inga prover efter fyra", "Ingen får röka" are rules)
_NO_ONE_DOES = re.compile(
    r"^(?:(?:det\s+är\s+sant|ja|nej|okej|men|och|fast)\b[\s,.!]*)*(?:ingen|ingenting)\s+(?:[a-zåäö]+\s+)?"
    r"(?!(?:får|ska|kan|måste|behöver|bör|slipper)\b)[a-zåäö]{2,}(?:ar|er|ör|yr)\s+\S"
)
# "Då går Dimma i pension ...": the outcome stated with its own subject after "då"
_THEN_OUTCOME = re.compile(
    _LEAD + r"då\s+(?P<v>[a-zåäö]{2,}(?:ar|er|ör|år|r))\s+(?P<np>[A-ZÅÄÖa-zåäö][\w-]*)\s+(?P<rest>\S.*)$"
)
# Verbs of state, ability, saying or the meeting's order: "Då måste caféet vara öppet", "Då är det klart".
_NOT_OUTCOME_VERBS = frozenset(
    "är har kan ska får vill måste behöver tycker tror vet ser hör hinner finns kommer blir brukar "
    "säger sa undrar menar verkar känns".split()
)
# "Bra. Lagern tappas på burk.": a definite subject and a verb in the passive
_PASSIVE = re.compile(
    _LEAD + r"(?P<np>[a-zåäö-]{3,}(?:en|et|na|an|rn|ln))\s+(?P<v>[a-zåäö]{3,}(?:as|s))\s+(?P<rest>\S.*)$"
)
# "Kör på det, Ida.": a short yes to what a member wants to do
_GO_AHEAD = re.compile(
    r"^(?:(?:ja|okej|ok|bra|absolut)\b[\s,.!]*)*(?:kör\s+på\s+det|kör)(?:,\s+(?P<name>[a-zåäö-]+))?\s*[.!]?$"
)
# What a member wants to do: "Jag vill starta grupplektioner för vuxna", "Jag skulle vilja köpa en scanner"
_WANTS = re.compile(
    r"^(?:[\w-]+,?\s+)?(?:jag|vi)\s+(?:vill|skulle\s+vilja|tänkte|kunde)\s+(?!att\b|inte\b)(?P<inf>[a-zåäö]+a)\b"
)
_VALUE = re.compile(_LEAD + r"(?:och\s+)?(?:då|så)\s+säger\s+vi\s+(?!(?:så|det|nej|ja|att|inte|till)\b)(?P<rest>\S.*)$")
_FROM = re.compile(
    _LEAD + r"(?P<from>från\s+(?:och\s+med\s+)?(?:nu|i\s+dag|i\s+morgon|måndag|nästa\s+\w+|första\s+\w+|"
    r"den\s+\w+(?:\s+\w+)?|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
    r"december))\s*,?\s+(?P<v>är|blir|har|gäller|kör|tar|gör|öppnar|stänger)\s+(?P<rest>\S.*)$"
)
_FRONTED_SETTLING = re.compile(r"^(?P<what>.*\S)\s*,\s*(?:det|så)\s+(?:kör\s+vi\s+på|gör\s+vi)\s*[.!]?$")
_VOTE_CALL = re.compile(
    r"\bvi\s+röstar\b|\bräck(?:er)?\s+upp\s+(?:hand|händer)|\b(?:vilka|vem|de\s+som|den\s+som)\s+(?:är\s+)?för\b|\bvilka\s+vill\b"
)
_NUMBER = rf"(?:ett|en|{COUNT_WORD})"
# A count: "Två mot två.", "Ett, två, tre.", "En röst för.", "Tjugotvå för styrelsens förslag och nio för Olles.",
# "Då blir det sju för A och fem för B."
_COUNT = re.compile(
    rf"\b{_NUMBER}\s+mot\s+{_NUMBER}\b|^{_NUMBER}(?:[\s,.]+{_NUMBER})*\s*[.!]?$"
    rf"|^{_NUMBER}\s+(?:röst\w*\s+)?(?:för|emot)\b"
    rf"|\b{_NUMBER}\s+för\s+[\w-]+\s*(?:,\s*(?:och\s+)?|\s+och\s+){_NUMBER}\s+för\b"
)
# A hand raised, said: "Här.", "Jag.", "Och jag.", "Jag också."
_HAND = re.compile(r"^(?:och\s+)?(?:här|jag|ja)(?:\s+också)?\s*[.!]?$")
_TALLY = re.compile(rf"\b{_NUMBER}\s+mot\s+{_NUMBER}\b")
_OFFER_NOUN = r"(?:offert|anbud|erbjudande|förslag)\w*"
_TAKEN = re.compile(
    _LEAD
    + r"(?:(?:då|så)\s+(?P<v1>tar|antar)\s+vi|vi\s+(?P<v2>tar|antar))\s+(?P<np>(?:[\w-]+\s+){0,2}?"
    + _OFFER_NOUN
    + r"(?:\s+\S+){0,6}?)\s*[.!]?$"
)
_LEADING_SO = re.compile(r"^(?:sen|sedan|och\s+så|och)\s+", re.IGNORECASE)
_PLAIN_OFFER = re.compile(r"^(?:erbjudandet|offerten|anbudet|förslaget)$")
_CONDITION = re.compile(
    r"^(?:(?:men|och|ja|okej)\b[\s,]*)*(?P<cond>(?:om|ifall)\s+.+?|[a-zåäö]{2,}(?:ar|er|ör|år|r)\s+(?:vi|det|de|dom|man|[a-zåäö]+(?:en|et|na))\s+.+?)"
    r",?\s+så\s+(?P<v>[a-zåäö]{2,}(?:ar|er|ör|år|r))\s+vi\s+(?P<rest>\S.*)$"
)


_IF = re.compile(r"\b(?:om|ifall)\s+(?:inte\s+)?(?:vi|det|de|dom|han|hon|man|ni|du|jag|[a-zåäö]+(?:en|et|na))\b")
# "Då blir hörnan kvar" -> "Hörnan blir kvar": the outcome with its subject first, as minutes state it
_THEN_VERB_SUBJECT = re.compile(
    r"^(?:(?:ja|okej|ok|bra|nej)\b[\s,.!]*)*då\s+(?P<v>[a-zåäö]+)\s+(?P<np>[A-ZÅÄÖ][\w-]*|[a-zåäö-]+(?:en|et|na|an))\b",
    re.IGNORECASE,
)


def _subject_first(text: str) -> str:
    text = text.strip().rstrip(" .!,")
    m = _THEN_VERB_SUBJECT.match(text)
    if m is None or m.group("np").lower() in ("det", "den", "vi", "man"):
        return capitalise(text)
    return capitalise(f"{m.group('np')} {m.group('v').lower()}{text[m.end() :]}")


class OutcomeRules(ClosingRules, PlainCloseRules):
    """The outcome of a discussion said plainly; recorded into the shared state."""

    @staticmethod
    def hypothetical(u: Utt) -> bool:
        """'Höjer vi tappar vi folk.', 'Släpper vi ut dem nu blir det gropar.': a condition, no statement; and
        'Ingen svarar på mejl.': a remark on how people are, no plan of the group's."""
        if u.is_question:
            return False
        return any(rx.match(u.low) is not None for rx in (_V1, _V1_THEN, _NO_ONE_DOES))

    def _outcome(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        if self._plain_close(u):  # "Okej. Vi lägger övningen på Remmene ...", "... Seniorerna tar tre och fyra. Punkt."
            return True
        if cues.REPORTED.search(u.low) or cues.AGENDA_TALK.search(u.low) or cues.HEDGE.search(u.low):
            return False
        if self._conditional_plan(u):
            return True
        if self.hypothetical(u) or cues.TENTATIVE.search(u.low):
            return False
        if not self._after_others(u):
            return self._vote_outcome(u)  # hands counted by name in the caller's own turn
        return (
            self._go_ahead(u)
            or self._vote_outcome(u)
            or self._passive_outcome(u)
            or self._offer_taken(u)
            or self._said_value(u)
            or self._from_on(u)
            or self._fronted_settling(u)
            or self._then_outcome(u)
            or self._leader_close(u)
        )

    # ------------------------------------------------------------------ the forms
    def _conditional_plan(self, u: Utt) -> bool:
        """'Har vi kört snö i två nätter till så öppnar vi lördagen den fjärde. Annars blir det den elfte.'"""
        m = _CONDITION.match(u.low)
        nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
        if m is None or nxt is None or nxt.turn != u.turn or not re.match(r"^annars\b", nxt.low):
            return False
        if m.group("v") in _NOT_OUTCOME_VERBS or m.group("v") in ("tappar", "förlorar", "riskerar", "slipper"):
            return False
        text = f"{capitalise(strip_tail(u.text).rstrip(' .!'))}. {capitalise(strip_tail(nxt.text).rstrip(' .!'))}."
        self._add_decision(first_person(text, u.name), u, [u, nxt], 0.6, WHY)
        self.used.update((u.idx, nxt.idx))
        return True

    def _vote_outcome(self, u: Utt) -> bool:
        """The first statement of the matter after a vote counted in the meeting: 'Då blir hörnan kvar.'"""
        calls = [v for v in self._window(u, back=20) if _VOTE_CALL.search(v.low) and v.speaker == u.speaker]
        call = calls[-1] if calls else None  # the first of the caller's (newest first): "Vi röstar. ... Vem är för?"
        if call is None or any(v.idx in self.decided for v in self.utts[call.idx : u.idx]):
            return False
        between = self.utts[call.idx + 1 : u.idx]
        hands = sum(1 for v in between if v.speaker != u.speaker and _HAND.match(v.low))
        if _VOTE_CALL.search(u.low) or not (any(_COUNT.search(v.low) for v in between) or hands >= 2):
            return False  # the call itself, or no count yet: "Räck upp handen ...", "Och nu Olles."
        low = re.sub(_LEAD, "", u.low)
        first = (low.split() or [""])[0]
        prev = self.utts[u.idx - 1] if u.idx else None
        tallied = prev is not None and prev.turn == u.turn and _TALLY.search(prev.low) is not None
        if _COUNT.search(low) or first in ("jag", "du", "ni", "han", "hon") or self._named_person(first):
            return False
        if first == "vi" and not tallied:
            return False  # "Tre mot två. Vi köper setet från Karlstad, ...": the group's choice right after the count

        options = {v.low.strip(" ?") for v in between if v.is_question and len(v.low.split()) <= 3}
        if low.strip(" .!") in options:  # "Havsörn? ... Fyra. Skarven? ... En. Havsörn.": the option that won
            count = next((c.group(0) for v in between if (c := _TALLY.search(v.low))), "")
            said = capitalise(strip_tail(u.text).rstrip(" .!"))
            self._add_decision(f"{said}, efter omröstning{' ' + count if count else ''}.", u, [call, u], 0.7, WHY)
            self.used.add(u.idx)
            return True
        if not re.search(r"\b(?:blir|är|går|får|ligger|står|[a-zåäö]{3,}(?:ar|er|ör|s))\b", low):
            return False  # no verb: a count or a call, not the outcome
        if re.search(r"\b(?:jag|du)\b", low) or len(content_words(u.text)) < 1:
            return False
        asked = " ".join(v.text for v in self.utts[max(0, call.idx - 3) : u.idx] if v.idx != u.idx)
        if not (stems(u.text) & stems(asked)) and not self._raised(u, u.text, others_only=False, back=10):
            return False
        said = _subject_first(first_person(strip_tail(u.text), u.name))
        count = next((c.group(0) for v in between if (c := _TALLY.search(v.low))), "")
        as_said = u.text[len(u.low) - len(low) :]
        text = we_decision(strip_tail(as_said[:1].lower() + as_said[1:]), u.name)
        text = text or f"{said}, efter omröstning{' ' + count if count else ''}."
        self._add_decision(text, u, [call, u], 0.7, WHY)
        self.used.add(u.idx)
        return True

    def _offer_taken(self, u: Utt) -> bool:
        """'Då tar vi erbjudandet.', 'Vi antar Nilssons offert.': the offer on the table accepted."""
        m = _TAKEN.match(u.low)
        if m is None or re.match(r"(?:att|så)\b", m.group("np")):
            return False
        np = strip_tail(u.text[m.start("np") : m.end("np")]).rstrip(" .!,")
        if _PLAIN_OFFER.match(np.lower()) and (offered := self._offered(u)) is not None:
            np = f"{np} ({_LEADING_SO.sub('', offered)})"
        elif not self._raised(u, np, back=12):
            return False
        self._add_decision(decision_sentence(first_person(f"att anta {np}", u.name)), u, [u], 0.6, WHY)
        self.used.add(u.idx)
        return True

    def _said_value(self, u: Utt) -> bool:
        """'Då säger vi trettio kronor mer på alla klippningar från första juni.': what the talk arrived at."""
        m = _VALUE.match(u.low)
        if m is None:
            return False
        rest = strip_tail(u.text[m.start("rest") :]).rstrip(" .!,")
        if len(content_words(rest)) < 2 or not self._raised(u, rest, back=10):
            return False
        self._add_decision(capitalise(first_person(rest, u.name)) + ".", u, [u], 0.6, WHY)
        self.used.add(u.idx)
        return True

    def _from_on(self, u: Utt) -> bool:
        """'Från första januari är telefonen stängd tolv till ett.': an arrangement from a day on."""
        m = _FROM.match(u.low)
        if m is None or _IF.search(u.low):
            return False
        said = strip_tail(u.text[m.start("from") :]).rstrip(" .!,")
        if len(content_words(said)) < 3 or not self._raised(u, u.text[m.start("rest") :], back=10):
            return False
        self._add_decision(capitalise(first_person(said, u.name)) + ".", u, [u], 0.6, WHY)
        self.used.add(u.idx)
        return True

    def _fronted_settling(self, u: Utt) -> bool:
        """'Hänglås på metallcontainern varje kväll, det kör vi på.': the thing and its settling in one."""
        m = _FRONTED_SETTLING.match(re.sub(_LEAD, "", u.low))
        if m is None:
            return False
        at = len(u.text) - len(u.low) + u.low.index(m.group("what"))
        what = strip_tail(u.text[at : at + len(m.group("what"))])
        if len(content_words(what)) < 2 or not self._raised(u, what, back=8):
            return False
        self._add_decision(capitalise(first_person(what.rstrip(" .!,"), u.name)) + ".", u, [u], 0.6, WHY)
        self.used.add(u.idx)
        return True

    def _go_ahead(self, u: Utt) -> bool:
        """'Jag vill starta grupplektioner för vuxna, ...' - 'Kör på det, Ida.': the member's plan is the decision."""
        m = _GO_AHEAD.match(u.low)
        if m is None:
            return False
        named = self._named_person(m.group("name")) if m.group("name") else None
        before = next((v.turn for v in self._window(u, back=6) if v.turn != u.turn), None)
        for v in self._window(u, back=6):
            if v.turn != before or v.is_question or (named is not None and v.speaker != named[0]):
                continue  # what the member just said, in the turn before
            wants = _WANTS.match(v.low)
            if wants is None:
                continue
            clause = first_person(f"att {strip_tail(v.text[len(v.text) - len(v.low) + wants.start('inf') :])}", v.name)
            if len(content_words(clause)) < 2:
                return False
            self._add_decision(decision_sentence(clause.rstrip(" .!")), v, [v, u], 0.6, WHY)
            self.used.update((u.idx, v.idx))
            return True
        return False

    def _passive_outcome(self, u: Utt) -> bool:
        """'Okej, okej. Jag köper det. Burk då.' - 'Bra. Lagern tappas på burk.': the outcome in the passive."""
        m = _PASSIVE.match(u.low)
        if m is None or m.group("v") in ("finns", "känns", "syns", "hörs", "verkar") or not self.agreed_before(u):
            return False
        if not self._raised(u, u.text, back=8):
            return False
        at = len(u.text) - len(u.low) + m.start("np")
        said = capitalise(first_person(strip_tail(u.text[at:]).rstrip(" .!,"), u.name))
        self._add_decision(said + ".", u, [u], 0.6, self.assent_reason(u, WHY))
        self.used.add(u.idx)
        return True

    def _then_outcome(self, u: Utt) -> bool:
        """'Då går Dimma i pension efter vårterminen, ...' right after another member agreed."""
        m = _THEN_OUTCOME.match(u.low)
        if m is None or m.group("v") in _NOT_OUTCOME_VERBS or m.group("np") in ("vi", "det", "jag", "du", "ni"):
            return False
        if m.group("v") in ("tappar", "förlorar", "riskerar", "slipper", "hamnar", "missar"):
            return False
        np = u.text[len(u.text) - len(u.low) + m.start("np") : len(u.text) - len(u.low) + m.end("np")]
        definite = re.search(r"(?:en|et|na|an)$", np.lower()) is not None
        if not (np[:1].isupper() or definite) or self._named_person(np.lower()):
            return False
        if not self.agreed_before(u):
            return False  # "Ja, okej. Det är sorgligt, men okej." agreed; a remark did not
        if not self._raised(u, f"{np} {m.group('rest')}", back=8):
            return False
        at = len(u.text) - len(u.low) + re.search(r"\bdå\b", u.low).start()
        text = _subject_first(first_person(strip_tail(u.text[at:]), u.name)) + "."
        self._add_decision(text, u, [u], 0.6, self.assent_reason(u, WHY))
        self.used.add(u.idx)
        return True
