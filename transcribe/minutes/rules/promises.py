"""A first-person plan said where the talk asks for one: a promise without a task verb, object or deadline.

"Jag kopierar texterna i stor stil.", "Och jag kör dit bussen på måndag morgon klockan sju.", "Jag räknar på
vad nattillägget skulle kosta och återkommer.": a speaker saying in the present tense what they will do is
taking a task when the turn just before settled a matter or handed out a task, asked the speaker by name, or
when the sentence itself names a day ahead or a promise to come back. Alone, "jag <verb> …" is as often a
habit or a description ("jag börjar halv tre", "jag bor i Näsåker"), so verbs of being, moving, feeling and
thinking are left out, and a speaker just given a task who says how ("Jag lånar den av pappa.") adds none.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import is_present_verb, strip_discourse, strip_tail, task_phrase, to_infinitive
from transcribe.minutes.rules.addressed import ASKED
from transcribe.minutes.rules.attend import attends
from transcribe.minutes.rules.taskgaps import TaskGaps
from transcribe.minutes.rules.unheard import AUX
from transcribe.minutes.rules.utterances import NOT_TASKS, Utt, action_verb
from transcribe.sv.text import capitalise, content_words

_PLAN = re.compile(r"^jag\s+(?:också\s+|själv\s+|gärna\s+)?(?P<v>[a-zåäö]+)\s+(?P<rest>[^.?!]+)")
# Being, moving, feeling, thinking and wanting: "jag börjar halv tre", "jag åker dit ändå", "jag lär mig den"
_NOT_PLANS = frozenset(
    "åker går reser flyger kommer börjar slutar bor sitter står ligger sover äter dricker lever väntar gillar "
    "älskar hatar förstår minns glömmer lär behöver vill hoppas litar märker menar tänker undrar önskar orkar "
    "hinner vågar blir heter räcker röstar klarar saknar känner tror tycker vet ser hör antar förutsätter gissar "
    "håller fortsätter brukar trodde fryser svettas skäms förklarar tackar fyller förlorar vinner lutar stödjer "
    "spelar springer pratar hittar sparar träffar delar leder".split()
)  # "jag förklarar mötet avslutat", "jag fyller sjuttiofem i november", "jag lutar åt dokumentären"
# "… och återkommer.", "… och hör av mig": the speaker will come back with it
_COME_BACK = re.compile(r"\boch\s+(?:återkommer|hör\s+av\s+mig|meddelar|säger\s+till)\b")
_FROM_NOW = re.compile(r"\bfrån\s+och\s+med\s+(?:nu|i\s+dag|idag|i\s+morgon)\b")
_MAYBE = re.compile(r"\b(?:kanske|eventuellt|möjligen|möjligtvis|förmodligen)\b")
_SUITS = re.compile(r"\b(?:vore|passar|funkar|fungerar|går\s+bra)\b")
# "Jag svarar dig sen.": talk to someone in the room
_TO_THE_ROOM = re.compile(r"^(?:dig|er|mig|oss)\b")
# "Vad tycker du, Olof?": a question for a view, which asks no task
_VIEW_ASKED = re.compile(r"^(?:och\s+)?(?:vad|hur|varför|när|var|vem)\b")
# "Vem hjälper till?": a task put to the room, said in the sentence before
_WHO = re.compile(
    r"^(?:och\s+|men\s+)?vem\s+(?:hjälper\s+till|tar\s+det|gör\s+det|fixar\s+det|kan|vill|ställer\s+upp)\b"
)
# "Det gör jag, när den nya har kommit.", "Jag hjälper till.": the room's task taken on
_I_WILL = re.compile(
    r"^(?:(?:ja|jo|okej|absolut|visst)\s*,?\s+)?(?:det\s+(?:gör|tar|fixar)\s+jag|jag\s+(?:gör|tar|fixar)\s+det"
    r"|jag\s+(?:kan|hjälper\s+till|ställer\s+upp))\b(?!\s+inte)"
)
# "Och den gamla soffan bär vi till grovsoprummet.": the thing first, the group's verb after it
_WE_FRONTED = re.compile(
    r"^(?:(?:och|så|då)\s+)?(?P<obj>(?!vi\b|det\b|då\b|så\b)[a-zåäö][\w -]{2,40}?)\s+(?P<v>[a-zåäö]+r)\s+vi\s+"
    r"(?P<rest>[^.?!]*)"
)
_WE_DIRECT = re.compile(r"^(?:(?:och|så|då)\s+)?vi\s+(?P<v>[a-zåäö]+r)\s+(?P<rest>[^.?!]+)")
# what a question asks of one's presence or view, not a task: "kan du vara med?", "vill du säga något?"
_NOT_ASKED = frozenset("vara bli komma gå säga tycka tänka berätta svara höra se ta göra".split())
# "Då ställer Ali och Sofia om tunnlarna helgen den tjugofemte.": the verb first, then who does it, then what
_THEN_NAMED = re.compile(
    r"^(?:(?:och|men)\s+)?(?:då|så|sen|sedan|och\s+så)\s+(?P<v>[a-zåäö]+r)\s+"
    r"(?P<names>[A-ZÅÄÖ][a-zåäöé]+(?:\s*(?:,|och)\s+[A-ZÅÄÖ][a-zåäöé]+)*)\s+(?P<rest>[^.?!]+)",
    re.IGNORECASE,
)
_MONTHS = frozenset({"month", "vague", "week"})  # "i november": no day a promise is kept by
_HABIT_REPORT = re.compile(r"\b(?:brukar|alltid|aldrig|ibland|förut|i\s+fjol|förra)\b")
_ASKED_ROOM = re.compile(r"^(?:och\s+)?vem\s+(?:tar|hjälper|gör|kan|fixar|ordnar|vill)\b")
_SECOND_VERB = re.compile(r"\b(och|samt)\s+([a-zåäö]+(?:ar|er|ör))\b")
# "Jag köper den i veckan. Och jag gör en ny prislista i kväll.": a later sentence adding a task of its own
_ADDS_OWN = re.compile(r"^(?:och|sen|sedan|dessutom)\s+jag\b")
# "Göra det i eftermiddag": a task named by a pronoun only
_DO_IT = re.compile(r"^(?:göra|ta|fixa|ordna|sköta|ta\s+hand\s+om)\s+(?:det|den|dem|detta)\b", re.IGNORECASE)
# "Jag kan ringa dem, men jag lovar inget.": the speaker's own offer, what a later "jag gör det" stands for
_OWN_OFFER = re.compile(
    r"^(?:(?:och|men|ja|okej),?\s+)?jag\s+(?:kan|ska|måste|behöver)\s+(?P<v>[a-zåäö]+a)\s+(?P<rest>[^,.?!]+)"
)  # "Och jag måste ändra i telefonmenyn, annars … Jag gör det i morgon.": one's own need, taken on
# "Sätt upp viltkameran …", "Ring Bilia …": a sentence opened by an imperative and its object
_ORDER = re.compile(r"^(?:(?:och|så|då)\s+)?(?P<v>[a-zåäö]{2,})\s+(?P<rest>[^.?!]*[a-zåäö]{3,}[^.?!]*)")

# "Och utsuget behöver en ny filterkassett.": a need stated, what an order in reply names by a pronoun
_NEEDS = re.compile(
    r"\b(?:behöver|måste\s+ha|saknar)\s+(?P<np>(?:en|ett|nya?|några|fler)\s+[^.,;?!]+?)(?=\s+och\b|[.,;?!]|$)"
)
_PRONOUN = re.compile(r"^(?:den|det|dem)\b")
# "Bra.", "Gör det.", "Toppen!": another's first word approving what was just said
_APPROVED = re.compile(r"^(?:bra|toppen|perfekt|utmärkt|jättebra|gör\s+det|kör\s+på\s+det)\b")


class SaidPromises(TaskGaps):
    """The first-person plan read from the turn around it; it records into the shared state."""

    def _plain_promise(self, u: Utt) -> bool:
        """'Jag kopierar texterna i stor stil.' after the group settled the song: the speaker's task."""
        if u.is_question or cues.HEDGE.search(u.low) or cues.REPORTED.search(u.low) or _MAYBE.search(u.low):
            return False
        low = strip_discourse(u.low)
        m = _PLAN.match(low)
        if m is None or cues.TENTATIVE.search(low[: m.end("v")]):
            return False  # "jag skulle …"; "vad det skulle kosta" asks nothing of the promise
        verb, rest = m.group("v"), m.group("rest")
        if not is_present_verb(verb) or verb in AUX:
            return False
        if (verb in NOT_TASKS or verb in _NOT_PLANS or verb == "tar") and not action_verb(verb, rest):
            return False  # "jag räknar med …" thinks, "jag räknar på …" works it out; "jag tar nyår" chooses
        first_clause = re.split(r",", rest)[0]
        if cues.NEG.search(first_clause.split(" och ")[0]) or re.match(r"(?:att|om|som|så)\b", rest):
            return False  # "jag läser inte …"; "jag tycker att …"
        if _TO_THE_ROOM.match(rest):
            return False
        if _HABIT_REPORT.search(low) or not [w for w in content_words(rest) if w not in ("det", "den", "dem")]:
            return False
        ahead = [w for w in self.whens(u) if w.date is not None and w.date >= self.ref and w.kind not in _MONTHS]
        if any(w.date is not None and w.date < self.ref for w in self.whens(u)):
            return False  # "jag ringde dem i måndags": a time gone by
        said = bool(ahead or _COME_BACK.search(low) or _FROM_NOW.search(low) or self._day_after(u))
        if not (said or self._promise_asked(u) or self._approved_next(u)):
            return False
        earlier = [v for v in self.utts[max(0, u.idx - 2) : u.idx] if v.turn == u.turn]
        adds = _ADDS_OWN.match(u.low) is not None and bool(earlier)
        if (self._just_given(u) and not adds) or (not ahead and self._own_task_before(u)):
            return False  # "Tor, du gör det i eftermiddag." - "Okej. Jag lånar den av pappa.": how, no new task
        base = u.low.find(low)
        text = strip_tail(u.text[base + m.start("rest") : base + m.end("rest")])
        text = _SECOND_VERB.sub(lambda x: f"{x.group(1)} {to_infinitive(x.group(2))}", text)
        what = capitalise(f"{to_infinitive(verb)} {text}".strip(" ,"))
        self._add_action(what, u.name, [u], 0.6)
        return True

    def _who_helps(self, u: Utt) -> bool:
        """'Och den gamla soffan bär vi till grovsoprummet. Vem hjälper till?' - 'Det gör jag, när den nya har
        kommit.': the one who answers the room's question takes the plan said before it."""
        if u.is_question or not _I_WILL.match(u.low) or cues.HEDGE.search(u.low):
            return False
        turn = self._turn_before(u)
        if len(turn) < 2 or not turn[-1].is_question or not _WHO.match(turn[-1].low):
            return False
        plan = turn[-2]
        if plan.is_question:
            return False
        m = _WE_FRONTED.match(plan.low) or _WE_DIRECT.match(plan.low)
        verb = m.group("v") if m is not None else ""
        if m is None or not is_present_verb(verb) or verb in NOT_TASKS or verb in AUX or verb in _NOT_PLANS:
            return False
        obj = plan.text[m.start("obj") : m.end("obj")] if "obj" in m.re.groupindex else ""
        rest = strip_tail(plan.text[m.start("rest") : m.end("rest")])
        what = capitalise(" ".join(f"{to_infinitive(m.group('v'))} {obj} {rest}".split()).strip(" ,"))
        self._add_action(what, u.name, [plan, turn[-1], u], 0.7)
        return True

    def _echo_inverted(self, u: Utt) -> bool:
        """'Jelena, kan du sortera lådan före midsommar?' - 'Tandställningen rör jag inte. Men resten sorterar
        jag.': the one asked says the asked verb of themselves, in the reply's first sentences."""
        if u.is_question or cues.HEDGE.search(u.low):
            return False
        turn = self._turn_before(u)
        first = next((v for v in self.utts[max(0, u.idx - 2) : u.idx + 1] if v.turn == u.turn), u)
        asked = next((v for v in reversed(turn) if v.is_question), None)
        if asked is None or u.idx - first.idx > 1:
            return False
        rm = ASKED.search(asked.low)
        if rm is None or rm.group("r") is None:
            return False
        verb = re.match(r"[a-zåäö]+", rm.group("r"))
        named = any(self.names.get(w) == u.speaker for w in re.findall(r"[a-zåäö]+", asked.low))
        if verb is None or not named or verb.group(0) in _NOT_ASKED or not verb.group(0).endswith("a"):
            return False
        said = re.search(r"\b(?P<v>[a-zåäö]+r)\s+jag\b(?!\s+(?:inte|aldrig))", u.low)
        if said is None or to_infinitive(said.group("v")) != verb.group(0) or cues.NEG.search(u.low[: said.start()]):
            return False
        what = task_phrase(strip_tail(asked.text[rm.start("r") :]), None)
        self._add_action(what, u.name, [asked, u], 0.7)
        return True

    def _named_after_verb(self, u: Utt) -> bool:
        """'Då ringer Karin leverantören i morgon.', 'Då ställer Ali och Sofia om tunnlarna helgen den tjugofemte.':
        a statement with its verb first and the participants named after it gives each of them the task."""
        m = _THEN_NAMED.match(u.text)
        if m is None or u.is_question or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low):
            return False
        verb, rest = m.group("v").lower(), m.group("rest")
        if (
            not is_present_verb(verb)
            or verb in NOT_TASKS
            or verb in AUX
            or (verb in _NOT_PLANS and not attends(verb, rest))
        ):
            return False
        names = re.split(r"\s*(?:,|\boch\b)\s*", m.group("names"))
        people = [self._named_person(n.lower()) for n in names if n]
        if not people or any(p is None or p[0] == u.speaker or p[2] != 0 for p in people):
            return False  # "Då står bokbussen …": no participant; a name said to the speaker themselves
        if cues.NEG.match(rest.lower()) or not [w for w in content_words(rest) if w not in ("det", "den", "dem")]:
            return False
        what = capitalise(f"{to_infinitive(verb)} {strip_tail(rest)}".strip(" ,"))
        for person in people:
            if person is not None:
                self._add_action(what, person[1], [u], 0.7)
        return True

    def order_before(self, what: str, utts: list[Utt]) -> str:
        """'Sätt upp viltkameran på bryggan. Tor, du gör det i eftermiddag.': a task named only by a pronoun, said
        right after an order or the speaker's own offer in the same turn, is that order or offer (its day stays the
        task's own)."""
        if not utts:
            return what
        u = utts[-1]
        if not _DO_IT.match(what):
            return self._reply_says_more(what, utts)
        own = self._reply_names(u) if len(utts) > 1 and utts[0].is_question else None
        before = self.utts[u.idx - 1] if u.idx else None
        if before is None or before.turn != u.turn or before.is_question:
            return own or what  # "Malin, vill du ta hand om dem?" - "Gärna. Jag ringer läraren och bokar en dag."
        offer = self._own_offer(u)
        if offer is not None:  # "Jag kan ringa dem, men jag lovar inget. Jag gör det nästa vecka."
            return offer
        m = _ORDER.match(before.low)
        if m is None:
            return own or what
        verb, rest = m.group("v"), m.group("rest")
        meant = verb + "a" if not verb.endswith("a") else verb
        if not action_verb(meant, rest) or is_present_verb(verb) or verb in NOT_TASKS:
            return own or what
        at = before.low.find(rest, m.start("rest"))
        return capitalise(f"{meant} {strip_tail(before.text[at : at + len(rest)])}".strip(" ,"))

    def _reply_says_more(self, what: str, utts: list[Utt]) -> str:
        """'Kerstin, kan du skriva till klinikerna?' - 'Jag skriver ett mejl till alla enhetschefer i vården och
        lägger in instruktionen på portalen.': the one asked answers with a plan of their own that names more
        than the request did (two content words or more); how they will do it is the task."""
        asked, u = utts[0], utts[-1]
        if len(utts) < 2 or not asked.is_question or u.speaker == asked.speaker or u.turn == asked.turn:
            return what
        own = self._reply_names(u)
        own = own.split(",")[0] if own is not None else None  # the plan's own clause, not what is said of it
        if own is None or len(content_words(strip_tail(own))) < len(content_words(what)) + 2:
            return what
        return own

    def _order_to_raiser(self, u: Utt) -> bool:
        """'Och utsuget behöver en ny filterkassett. Den kostar tjugotusen.' - 'Beställ den i dag.': an order that
        opens the reply to another's need, with no name, is said to the one who raised it; a pronoun there names
        the thing needed."""
        before = self._turn_before(u)
        m = _ORDER.match(u.low)
        first = next((v for v in self.utts[max(0, u.idx - 3) : u.idx + 1] if v.turn == u.turn), u)
        if m is None or first is not u or u.is_question or not before or cues.HEDGE.search(u.low):
            return False
        verb, rest = m.group("v"), m.group("rest")
        meant = verb if verb.endswith("a") else verb + "a"
        if is_present_verb(verb) or verb in NOT_TASKS or not action_verb(meant, rest) or cues.NEG.match(rest):
            return False
        need = next((n for v in before if not v.is_question for n in [_NEEDS.search(v.low)] if n), None)
        raiser = before[-1]
        if need is None or raiser.name is None:
            return False
        at = u.low.find(rest, m.start("rest"))
        obj = strip_tail(u.text[at : at + len(rest)])
        if _PRONOUN.match(obj.lower()):
            np = need.group("np")
            obj = np + obj[obj.find(" ") :] if " " in obj else np
        self._add_action(capitalise(f"{meant} {obj}".strip(" ,")), raiser.name, [u], 0.7)
        return True

    def _own_offer(self, u: Utt) -> str | None:
        """The task the speaker offered in the sentence before in the same turn ('Jag kan ringa dem, men …'), which
        a following 'jag gör det' takes on."""
        before = self.utts[u.idx - 1] if u.idx else None
        offer = _OWN_OFFER.match(before.low) if before is not None and before.turn == u.turn else None
        if before is None or offer is None or cues.NEG.search(offer.group("rest")):
            return None
        if not action_verb(offer.group("v"), offer.group("rest")):
            return None
        rest = strip_tail(before.text[offer.start("rest") : offer.end("rest")]).strip(" ,")
        return capitalise(f"{offer.group('v')} {rest}")

    def _reply_names(self, u: Utt) -> str | None:
        """The reply's own first-person plan, in its sentence or the next of its turn, naming what a request
        said only by a pronoun ('Gärna. Jag ringer läraren och bokar en dag.')."""
        for v in [u, *self._same_segment_after(u, 1)]:
            m = _PLAN.match(strip_discourse(v.low))
            if m is None or v.is_question or cues.HEDGE.search(v.low) or cues.NEG.search(v.low):
                continue
            verb, rest = m.group("v"), m.group("rest")
            bare = not [w for w in content_words(rest) if w not in ("det", "den", "dem")]
            if not is_present_verb(verb) or verb in NOT_TASKS or verb in AUX or verb in _NOT_PLANS or bare:
                continue
            low = strip_discourse(v.low)
            base = v.low.find(low)
            text = strip_tail(v.text[base + m.start("rest") : base + m.end("rest")])
            text = _SECOND_VERB.sub(lambda x: f"{x.group(1)} {to_infinitive(x.group(2))}", text)
            return capitalise(f"{to_infinitive(verb)} {text}".strip(" ,"))
        return None

    def _day_after(self, u: Utt) -> bool:
        """'Jag gör ett med blommor. Klart på torsdag nästa vecka.': the day said in a short sentence next."""
        nxt = self._same_segment_after(u, 1)
        return (
            bool(nxt)
            and len(nxt[0].low.split()) <= 6
            and not (cues.TENTATIVE.search(nxt[0].low) or _SUITS.search(nxt[0].low))
            and any(w.date is not None and w.date >= self.ref for w in self.whens(nxt[0]))
        )  # never "Onsdag vore bra för mig.", a wish

    def _approved_next(self, u: Utt) -> bool:
        """'Men vi kan turas om med fikat … Jag gör en lista i bokstavsordning.' - 'Bra. Då börjar det med …': the
        plan that ends a turn, approved in the first word of another's next turn, is taken on."""
        nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
        if nxt is None or nxt.turn == u.turn or nxt.speaker == u.speaker:
            return False
        return _APPROVED.match(nxt.low) is not None

    def _turn_before(self, u: Utt) -> list[Utt]:
        """The other speaker's turn just before this sentence's turn (empty when this turn goes on)."""
        before = [v for v in self.utts[max(0, u.idx - 8) : u.idx] if v.turn != u.turn]
        if not before:
            return []
        last = before[-1]
        if last.speaker == u.speaker:
            return []
        return [v for v in before if v.turn == last.turn]

    def _promise_asked(self, u: Utt) -> bool:
        """The turn before settled a matter, gave another a task, asked who will, or named this speaker."""
        if any(v.turn == u.turn and v.idx < u.idx and v.is_question for v in self.utts[max(0, u.idx - 3) : u.idx]):
            return False
        turn = self._turn_before(u)
        if not turn:
            return False
        ids = {s.id for v in turn for s in v.segs}
        tasked = any(e.segment_id in ids for a in self.out.actions for e in a.evidence)
        named = u.name is not None and any(
            self.names.get(w) == u.speaker
            for v in turn
            if not (v.is_question and _VIEW_ASKED.match(v.low))
            for w in re.findall(r"[a-zåäö]+", v.low)
        )
        asked = any(_ASKED_ROOM.match(v.low) for v in turn if v.is_question)
        return tasked or named or asked or any(v.idx in self.decided for v in turn)

    def _own_task_before(self, u: Utt) -> bool:
        """'Jag ringer dem i morgon. Jag skyller på Bengt.': the speaker took a task earlier in the same turn."""
        ids = {s.id for v in self.utts[max(0, u.idx - 3) : u.idx] if v.turn == u.turn for s in v.segs}
        return any(a.owner == u.name and any(e.segment_id in ids for e in a.evidence) for a in self.out.actions)

    def _just_given(self, u: Utt) -> bool:
        """This speaker was given a task in the turn just before."""
        ids = {s.id for v in self._turn_before(u) for s in v.segs}
        return any(a.owner == u.name and any(e.segment_id in ids for e in a.evidence) for a in self.out.actions)
