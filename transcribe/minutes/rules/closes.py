"""The settler's close after a discussion, said as a rule, a choice or a trial, with what it elaborates.

When others have argued a matter, the one who settles it often states how it will be, by the grammar of the
close rather than by a decision word, and goes on in the same turn with what follows from it:

- a rule from a point in time or until something: "Från och med nu: inga glasflaskor på bryggan. Burkar går
  bra.", "Till dess gäller det här: ingen går ut i en dräkt som läcker.", "Tills vidare gäller ...", "Då är det
  så här från och med måndag: sista lektionen slutar klockan åtta.";
- the group taking, keeping or putting something out of use, the object the talk was about: "Då tar vi
  björken från Niemis. Tolv kubik.", "Då tar vi den ur drift nu. Den båren används inte förrän den är
  lagad.", "Då har vi kapellet öppet till tio på alla helgons dag i år.", "Då tar vi in två i år.";
- a figure said alone and taken: "Trehundra. Okej. Då tar vi det för vårens kurs.";
- a limit or a state the thing will have: "Då är det tolv som mest på turen.", "Då blir medlemsbladet digitalt
  från nästa nummer ...";
- a trial with its matter: "Vi testar. Gratis parkering den dagen.";
- a negative summed up: "Så, inget ponnytrav på V75-dagen. De fyra får köra en onsdag i juni.".

Only after others spoke on the same matter, never in a question, a condition, a hedge, a report, a task of
the speaker's own or the meeting's order. Flagged: said without a decision word.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, strip_tail, to_infinitive
from transcribe.minutes.rules.commitments import WHY, CommitmentRules
from transcribe.minutes.rules.utterances import Utt, personal_commitment
from transcribe.sv.numbers import COUNT_WORD
from transcribe.sv.text import capitalise, content_words

_LEAD = r"^(?:(?:ja|okej|ok|bra|nej|precis|gött|toppen|absolut|självklart)\b[\s,.!]*)*"
# A rule in force from now or until something: "Från och med nu: ...", "Till dess gäller det här: ..."
_RULE_FROM = re.compile(
    _LEAD + r"(?:(?:då|så)\s+(?:är|blir)\s+det\s+så\s+här\s+)?"  # "Då är det så här från och med måndag: ..."
    r"(?:från\s+och\s+med\s+(?:nu|i\s+dag|i\s+kväll|(?P<when>[a-zåäö]+(?:\s+[a-zåäö]+){0,2})(?=\s*:))|från\s+nu|till\s+dess|tills\s+vidare)\s*"
    r"(?:,\s*)?(?:gäller\s+(?:det\s+här|detta|följande|det))?\s*:\s*(?P<rest>\S.*)$"
)
# "Då tar vi björken från Niemis", "Då tar vi den ur drift", "Då tar vi in två", "Då har vi kapellet öppet ..."
_TAKE = re.compile(
    _LEAD + r"(?:och\s+)?(?:då|så)\s+(?P<v>tar|har|behåller|ställer|sätter|plockar|stänger|öppnar)\s+vi\s+"
    r"(?P<neg>inte\s+)?(?P<rest>\S.*)$"
)
# What "tar vi ..." may not be: the meeting's order or a thing put off ("Då tar vi det sen", "tar vi en paus")
_NOT_TAKEN = re.compile(
    r"^(?:upp|med|och|en\s+paus|paus|nästa|punkt|först|sist|sen|senare|en\s+runda|ett\s+varv|över|itu|hand\s+om|"
    r"ställning|beslut|(?:det|den|dem)\s+(?:sen|senare|efter|nästa|till|på|i\s+(?:höst|vår|morgon)|då|också|igen|"
    r"först|med|upp|över|bara|nu\s*[.!]?$)|(?:det|den|dem)\s*[.!]?$)"
)
_HAVE_STATE = re.compile(r"\b(?:öppet|stängt|öppen|stängd|kvar|ledigt|gratis)\b")
_AMOUNT = re.compile(rf"^(?P<n>{COUNT_WORD}(?:\s+{COUNT_WORD})?)(?:\s+kronor)?\s*[.!]?$")
# "Då är det tolv som mest på turen.", "Då blir medlemsbladet digitalt från nästa nummer"
_LIMIT = re.compile(
    _LEAD + rf"(?:då|så)\s+(?:är|blir)\s+det\s+(?:max\s+|högst\s+|minst\s+)?(?P<n>{COUNT_WORD})\s+"
    r"(?P<rest>(?:som\s+(?:mest|max|högst)|max|högst|minst)\b.*)$"
)
_BECOMES = re.compile(
    _LEAD + r"(?:då|så)\s+blir\s+(?P<np>(?!(?:det|den|de|dom|vi|man|du|jag)\b)[a-zåäö-]{3,}(?:en|et|na|an))\s+"
    r"(?P<rest>(?!(?:nog|kanske|för|så|ju|väl|bra|dyr|dyrt|billig|billigt|svårt|svår|lätt|jobbigt)\b)\S.*)$"
)
_TRIAL = re.compile(
    _LEAD + r"(?:då\s+)?(?:vi|så)\s+(?:testar|provar|prövar)(?:\s+(?:vi|det))?(?:\s+(?:en\s+gång|nu))?\s*[.!]?$"
)
# A proposal put, as a statement or a question: "Vi kunde förbjuda löst krita", "Kan man inte slå ihop ...?"
_PROPOSING = re.compile(r"\b(?:vi|man)\s+(?:kunde|kan\s+ju)\b|\b(?:kan|ska|skulle)\s+(?:man|vi)\s+(?:inte\s+)?\w+")
_DOUBTED = re.compile(r"^(?:nej|nja|men|fast|jag\s+vet\s+inte|vänta|tveksamt|det\s+tror\s+jag\s+inte)\b")
_SO_NONE = re.compile(r"^(?:(?:okej|bra|ja)\b[\s,.!]*)*(?:så|alltså|då)\s*,\s*(?P<rest>(?:inget|ingen|inga)\s+\S.*)$")


class ClosingRules(CommitmentRules):
    """The settler's close said as a rule, a choice, a limit or a trial; recorded into the shared state."""

    def _leader_close(self, u: Utt) -> bool:
        if u.is_question or re.search(r"\b(?:jag|du|ni)\b", u.low) or personal_commitment(u.low):
            return False
        if cues.TENTATIVE.search(u.low) or cues.REPORTED.search(u.low) or cues.AGENDA_TALK.search(u.low):
            return False
        if self._consequence(u):
            return False
        return self._rule_from_now(u) or self._taken(u) or self._limit(u) or self._trial(u) or self._none_summed(u)

    def _consequence(self, u: Utt) -> bool:
        """'Kan man inte slå ihop linjerna?' - 'Då blir restiden en timme ...', 'Jag tycker vi borde köra gitarr i
        grupp. ... Då tar vi ner kön på ett år.': what would follow from a proposal, argued, not settled."""
        own = [v for v in self.utts[max(0, u.idx - 3) : u.idx] if v.turn == u.turn]
        if any(cues.TENTATIVE.search(v.low) or _PROPOSING.search(v.low) for v in own):
            return True
        last = next((v.turn for v in reversed(self.utts[max(0, u.idx - 8) : u.idx]) if v.turn != u.turn), None)
        before = [v for v in self.utts[max(0, u.idx - 8) : u.idx] if v.turn == last]
        if before and _DOUBTED.match(before[0].low):
            return True  # "Jag vet inte, många äldre klarar inte att boka." - "Då tar vi bort ...": not agreed
        return any(cues.TENTATIVE.search(v.low) or _PROPOSING.search(v.low) for v in before)

    def _rule_from_now(self, u: Utt) -> bool:
        """'Från och med nu: inga glasflaskor på bryggan. Burkar går bra.'"""
        m = _RULE_FROM.match(u.low)
        if m is None or not self._raised(u, u.text[m.start("rest") :], others_only=False, back=14):
            return False  # "Fyra av dräkterna läcker." - ... - "Till dess gäller det här: ingen går ut i en dräkt ..."
        if m.group("when"):  # "Då är det så här från och med måndag: sista lektionen slutar klockan åtta."
            said = u.text[m.start("rest") :]
            return self._close(u, f"Från och med {m.group('when')}: {said[:1].lower()}{said[1:]}")
        return self._close(u, u.text[m.start("rest") :])

    def _taken(self, u: Utt) -> bool:
        """'Då tar vi björken från Niemis.', 'Då tar vi den ur drift nu.', 'Då har vi kapellet öppet till tio ...'"""
        m = _TAKE.match(u.low)
        if m is None or _NOT_TAKEN.match(m.group("rest")) or re.search(r"\b(?:om|ifall|när)\b", m.group("rest")):
            return False
        if cues.PUT_OFF_LATER.search(m.group("rest")):
            return False  # "Då tar vi söndagarna nästa gång.": put off, not taken
        v, rest = m.group("v"), strip_tail(u.text[m.start("rest") :]).rstrip(" .!,")
        if v == "har" and not _HAVE_STATE.search(m.group("rest")):
            return False  # "Då har vi två alternativ": a state of things, not a choice
        if re.match(r"^(?:det|den|dem)\b", rest.lower()):
            figure = self._figure_before(u)  # "Trehundra. Okej. Då tar vi det för vårens kurs."
            taken_out = re.match(r"^(?:den|det|dem)\s+(?:ur\s+drift|ur\s+bruk|bort)\b", rest.lower())
            if figure is None and not taken_out:
                return False
            if figure:
                rest = re.sub(r"^(?:det|den|dem)\b", figure.lower(), rest, flags=re.I)
        elif not self._raised(u, rest, back=14) and not self._figure_raised(u, rest):
            return False
        neg = "inte " if m.group("neg") else ""
        clause = first_person(f"att {neg}{to_infinitive(v)} {rest}", u.name)
        return self._close(u, decision_sentence(clause), made=True)

    def _figure_raised(self, u: Utt, rest: str) -> bool:
        """The figure taken was put by someone else: 'Jag tycker att vi tar in två i år ...' - 'Då tar vi in två.'"""
        figures = set(re.findall(rf"\b{COUNT_WORD}\b", rest.lower()))
        others = [v for v in self._window(u, back=14) if v.speaker != u.speaker]
        return bool(figures) and any(figures <= set(re.findall(rf"\b{COUNT_WORD}\b", v.low)) for v in others)

    def _figure_before(self, u: Utt) -> str | None:
        """A figure said alone just before in the turn: 'Trehundra.'"""
        for v in reversed(self.utts[max(0, u.idx - 3) : u.idx]):
            if v.turn != u.turn:
                return None
            m = _AMOUNT.match(v.low)
            if m is not None:
                return capitalise(v.text.strip().rstrip(" .!"))
        return None

    def _limit(self, u: Utt) -> bool:
        """'Då är det tolv som mest på turen.', 'Då blir medlemsbladet digitalt från nästa nummer.'"""
        m = _LIMIT.match(u.low)
        if m is not None:
            said = u.text[m.start("n") :]
        elif (b := _BECOMES.match(u.low)) is not None and not cues.NEG.match(b.group("rest")):
            said = f"{u.text[b.start('np') : b.end('np')]} blir {u.text[b.start('rest') :]}"
        else:
            return False
        if not self._raised(u, said, back=14):
            return False
        return self._close(u, said)

    def _trial(self, u: Utt) -> bool:
        """'Vi testar. Gratis parkering den dagen.': a trial, its matter said next."""
        if _TRIAL.match(u.low) is None:
            return False
        nxt = self._elaborations(u)
        if not nxt or not self._raised(u, nxt[0].text, back=30):  # the matter raised earlier in the item
            return False
        text = " ".join(capitalise(strip_tail(v.text).rstrip(" .!")) + "." for v in nxt)
        self._add_decision(f"{first_person(text, u.name)[:-1]}, på prov.", u, [u, *nxt], 0.6, WHY)
        self.used.update(v.idx for v in [u, *nxt])
        return True

    def _none_summed(self, u: Utt) -> bool:
        """'Så, inget ponnytrav på V75-dagen.': a negative summed up by the settler."""
        m = _SO_NONE.match(u.low)
        if m is None or len(content_words(u.text[m.start("rest") :])) < 1:
            return False
        if not self._raised(u, u.text[m.start("rest") :], back=14):
            return False
        return self._close(u, u.text[m.start("rest") :])

    # ------------------------------------------------------------------ recording
    def _elaborations(self, u: Utt) -> list[Utt]:
        """The statements after the close in its turn that go on with it: not a task, a question or a new item."""
        out: list[Utt] = []
        for v in self.utts[u.idx + 1 : u.idx + 4]:
            low = v.low
            if v.turn != u.turn or v.is_question or v.idx in self.decided or v.idx in self.used:
                break
            if re.match(r"^(?:[\w-]+,\s+)?(?:jag|du|ni)\b", low) or personal_commitment(low):
                break
            if re.match(r"^[\w-]+,\s+", low) or cues.NEXT_MEETING.search(low) or cues.AGENDA_TALK.search(low):
                break  # "Josefin, skriv det i bokningen."
            if self._named_person(low.split()[0]):
                break  # "Tomas stänger.": a task said in passing
            if len(content_words(v.text)) < 2 and not re.search(COUNT_WORD, low):
                break  # a heading: the next item
            out.append(v)
        return out

    def _close(self, u: Utt, said: str, made: bool = False) -> bool:
        """Record the close (as said, or `made` already) with its elaborations."""
        if u.idx in self.used or u.idx in self.decided:
            return False
        more = self._elaborations(u)
        first = said if made else capitalise(first_person(strip_tail(said).rstrip(" .!,:"), u.name)) + "."
        text = " ".join([first, *(capitalise(strip_tail(v.text).rstrip(" .!")) + "." for v in more)])
        self._add_decision(text, u, [u, *more], 0.6, WHY)
        self.used.update(v.idx for v in [u, *more])
        return True
