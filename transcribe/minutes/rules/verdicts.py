"""The settler's verdict after a discussion: a matter kept as it is, or a thing the meeting will not do.

When others have argued a matter, the one who leads the meeting often settles it without a decision word, by
saying that nothing changes or that something will not happen:

- kept as it is: "Prispengarna blir som förra året.", "Och startavgiften står still, trehundra kronor.",
  "Vi rör inte morgonsimmet.", "Det förblir medlemmar först på vardagar.", "Hundar bara i de två hundrummen,
  som förut.", "Receptet rör vi inte.";
- a negative decision: "Det blir ingen vinterbana på sjön i år.", "Då blir det inga nya t-shirts före
  sommaren.", "Vi inför inte AI-verktyget den här terminen.", "Då byter vi inte namn.".

Only the one who leads the talk (the speaker of the most sentences) settles this way, only after others have
spoken on the same matter, and never in a question, a condition, a hedge or a report of the past. Every
verdict is flagged for review: it was said without a decision word.
"""

from __future__ import annotations

import re
from collections import Counter

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, strip_tail, to_infinitive
from transcribe.minutes.rules.resolutions import ResolutionRules
from transcribe.minutes.rules.utterances import Utt, evidence_list, merge_evidence, stems
from transcribe.sv.text import capitalise, content_words

_LEAD = r"^(?:(?:ja|nej|okej|ok|bra|då|så|och|men|alltså|hm|mm)\b[\s,.!]*)*"
# Kept as it is: "blir som förra året", "står still", "ligger kvar", "som förut", "rör vi inte"
_KEPT = re.compile(
    r"\bblir\s+(?:det\s+)?som\s+(?:vanligt|förut|förra\s+året|i\s+fjol|de\s+alltid\s+(?:har\s+)?varit|det\s+alltid\s+(?:har\s+)?varit)\b|"
    r"\bsom\s+förut\b|\bfortsätter\s+vi\s+som\s+(?:vi\s+gör|nu|förut|vanligt)\b|\bstår\s+still\b|\bligger\s+kvar\b|\bförblir\b|\b(?:rör|ändrar)\s+vi\s+inte\b|"
    r"\bvi\s+(?:rör|ändrar)\s+inte\b|\bändras\s+inte\b|\b(?:orörd|orört|orörda|oförändrad|oförändrat|oförändrade)\b|"
    r"\b(?:får\s+(?:vara|stå|ligga)|lämnar\s+vi|låter\s+vi)\b.*\bsom\s+(?:nu|den\s+är|det\s+är|de\s+är)\b"
)
# "Det blir ingen vinterbana", "Då blir det inga nya t-shirts"
_NONE = re.compile(
    r"^(?:(?:ja|okej|ok|bra|då|så|och|men|alltså|hm|mm|ärligt\s+talat|tyvärr|faktiskt)\b[\s,.!]*)*"
    r"(?:(?:då\s+)?säger\s+vi\s+att\s+)?(?:det|då)\s+blir\s+(?:det\s+)?(?:ingen|inget|inga)\s+"
    r"(?!(?:av|mer|annat|ändring)\b)\w+"
)
# "Vi inför inte AI-verktyget", "Då byter vi inte namn"
_WE_NOT = re.compile(
    _LEAD + r"(?:vi\s+(?P<v1>[a-zåäö]{3,}(?:ar|er|ör|år))\s+inte|(?P<v2>[a-zåäö]{3,}(?:ar|er|ör|år))\s+vi\s+inte)"
    r"\s+(?P<rest>\S.*)$"
)
# Something stopped: "Så vi slutar med det.", "Vi lägger ner kvällsöppet.", "Då slutar vi med pappersfakturor."
_STOP = re.compile(
    _LEAD + r"(?:vi\s+(?:slutar\s+med|lägger\s+ner|avvecklar)|(?:då|så)\s+(?:slutar\s+vi\s+med|lägger\s+vi\s+ner))"
    r"\s+(?P<rest>\S.*)$"
)
# Something left out: "Resestipendiet står vi över i år.", "Vi hoppar över mässan i år."
_SKIP = re.compile(
    _LEAD + r"(?:(?P<np>(?!(?:det|den|dem|dom|då|så)\b)[\w-]+(?:\s+[\w-]+){0,3}?)\s+(?:står|hoppar)\s+vi\s+över"
    r"|vi\s+(?:står|hoppar)\s+över|(?:då|så)\s+(?:står|hoppar)\s+vi\s+över)\s*(?P<rest>[^?]*)$"
)
_NOT_VERBS = frozenset(
    "har ska kan får vill måste behöver tycker tror vet ser hör är går kommer blir hoppas undrar hinner orkar "
    "klarar säger menar förstår gillar bryr pratar".split()
)
# Put off, or about now only: "... och så tittar vi igen i september", "Det ändrar vi inte i kväll"
_NOT_NOW = re.compile(
    r"\b(?:tittar|ser|tar)\s+(?:vi\s+)?(?:på\s+det\s+)?(?:igen|upp)\b|\btills?\s+vidare\b|\bi\s+(?:kväll|dag)\b|"
    r"\b(?:jag|du|ni)\b|\b(?:har|hade)\s+(?:bestämt|beslutat)\b|\binformation\b|^(?:(?:ja|nej|okej|så|och|men)\b[\s,.]*)*(?:de|dom|han|hon|hen)\s|\bsamma\s+tid\b"
)
# A statement with no verb or subject of its own says what is kept: "Manuell kontroll av höga kaliumvärden, tills ..."
_VERB_OR_SUBJECT = re.compile(
    r"^(?:jag|du|vi|ni|han|hon|det|de|dom|men|och)\b|\b(?:är|blir|har|kan|ska|får|gör|går|vill|måste|tar|kör)\b"
)
_IF = re.compile(r"^(?:(?:men|och|ja|nej)\b[\s,]*)*(?:om|ifall|när)\b|\b(?:om|ifall)\s+vi\b")


def _shares(a: set[str], b: set[str]) -> bool:
    """A stem in common, or two forms of one word ('lotteri' - 'lotteriet'): the first five letters alike."""
    return bool(a & b) or any(len(x) >= 5 and len(y) >= 5 and x[:5] == y[:5] for x in a for y in b)


class VerdictRules(ResolutionRules):
    """The leader's verdict after a discussion; the rules record into the shared state."""

    def _verdict(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided or u.speaker != self._leader():
            return False
        low = u.low
        if cues.TENTATIVE.search(low) or cues.REPORTED.search(low) or _IF.search(low):
            return False
        if cues.HEDGE.search(low.replace(" inte ", " ")) or _NOT_NOW.search(low) or cues.NEXT_MEETING.search(low):
            return False
        if re.search(r"[a-zåäö],\s+[A-ZÅÄÖ][a-zåäö]+\s*[.!]?$", u.text) or self._summing_up_turn(u):
            return False  # "Som vanligt, Fredrik.": said to one member; "Då sammanfattar jag. ...": a summary
        we = _WE_NOT.match(low)
        if we and (we.group("v1") or we.group("v2")) in _NOT_VERBS:
            we = None
        stop, skip = _STOP.match(low), _SKIP.match(low)
        if not (we or stop or skip or _NONE.match(low) or _KEPT.search(low)) or not self._argued(u):
            return False
        prev = self.utts[u.idx - 1] if u.idx else None
        if prev is not None and prev.turn == u.turn and cues.NO_TO_ONE.match(prev.text):
            # "Nej, Viktor. Det blir ingen försäljning.": the member's own proposal turned down, no rule made
            self._add_open(capitalise(strip_tail(u.text).rstrip(" .!")), "Förslaget avslogs", [prev, u], 0.6)
            self.used.add(u.idx)
            return True
        if skip:
            np = u.text[skip.start("np") : skip.end("np")] + " " if skip.group("np") else ""
            if re.match(
                r"[A-ZÅÄÖ][a-zåäö-]+(?:et|en|na|n)\s", np
            ):  # "Resestipendiet står vi över": the sentence's capital
                np = np[:1].lower() + np[1:]
            what = f"{np}{strip_tail(u.text[skip.start('rest') :])}".strip(" ,.!")
            if len(content_words(what)) < 1 or re.fullmatch(r"(?:det|den|dem|dom)(?:\s.*)?", what.lower()):
                return False
            self.used.add(u.idx)
            text = decision_sentence(first_person(f"att stå över {what}", u.name))
            self._add_decision(text, u, [u], 0.55, "Beslutet uttrycktes utan beslutsord")
            return True
        if stop:
            text, said = self._stopped(u, stop)
            if not text:
                return False
            self.used.update(v.idx for v in said)
            self._add_decision(text, u, said, 0.55, "Beslutet uttrycktes utan beslutsord")
            return True
        if we:
            verb = we.group("v1") or we.group("v2")
            rest = strip_tail(u.text[we.start("rest") :])
            text = decision_sentence(first_person(f"att inte {to_infinitive(verb)} {rest}", u.name))
        else:
            lead = r"^(?:(?:ja|nej|okej|ok|bra|då|så|och|men|alltså|hm|mm|ärligt\s+talat|tyvärr|faktiskt)\b[\s,.!]*)+"
            lead += r"(?:säger\s+vi\s+att\s+)?"
            text = re.sub(lead, "", u.text.strip(), flags=re.IGNORECASE)
            text = strip_tail(text).strip(" ,.")
            inverted = re.match(r"(?P<v>blir|fortsätter|står|ligger)\s+(?P<s>det|vi)\b", text, re.IGNORECASE)
            if inverted:  # "Då blir det som vanligt, ..." -> "Det blir som vanligt, ..."
                text = f"{inverted.group('s')} {inverted.group('v').lower()}{text[inverted.end() :]}"
            text = text[:1].upper() + text[1:] + "."
            nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
            head = nxt.low.split(",")[0] if nxt is not None and nxt.turn == u.turn and not nxt.is_question else ""
            if len(content_words(head)) >= 2 and not _VERB_OR_SUBJECT.search(head):
                text = f"{text} {capitalise(strip_tail(nxt.text).strip(' ,.!'))}."  # "... som vi gör. Manuell kontroll"
                self.used.add(nxt.idx)
        self.used.add(u.idx)
        prev = self.utts[u.idx - 1] if u.idx else None
        last = self.out.decisions[-1] if self.out.decisions else None
        if prev is not None and prev.turn == u.turn and last is not None and prev.idx in self.decided:
            if any(e.start <= prev.start < e.end or prev.start <= e.start < prev.end for e in last.evidence):
                # "Vi chansar inte med isen. Det blir ingen vinterbana på sjön i år.": one verdict said twice
                last.text = f"{last.text} {text}"
                last.evidence = merge_evidence(last.evidence, evidence_list([u]))
                self.decided.add(u.idx)
                return True
        self._add_decision(text, u, [u], 0.55, "Beslutet uttrycktes utan beslutsord")
        return True

    def _stopped(self, u: Utt, stop: re.Match[str]) -> tuple[str, list[Utt]]:
        """'Så vi slutar med det. Inga fler cyklar säljs härifrån.': what stops, from the pronoun's next sentence."""
        rest = strip_tail(u.text[stop.start("rest") :]).strip(" ,.!")
        verb = "sluta med" if "slutar" in stop.group(0) else "lägga ner" if "lägger" in stop.group(0) else "avveckla"
        text = decision_sentence(first_person(f"att {verb} {rest}", u.name))
        if not re.fullmatch(r"(?:det|den|dem|dom|det\s+där|den\s+där)", rest.lower()):
            return text, [u]
        nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
        if nxt is None or nxt.turn != u.turn or nxt.is_question or len(content_words(nxt.text)) < 2:
            return "", []  # "Vi slutar med det.": what "det" is, is said nowhere near
        return f"{text} {capitalise(first_person(strip_tail(nxt.text).strip(' ,.!'), u.name))}.", [u, nxt]

    def _summing_up_turn(self, u: Utt) -> bool:
        turn = [v for v in self.utts[max(0, u.idx - 4) : u.idx + 1] if v.turn == u.turn]
        return any(re.search(r"\b(?:sammanfatta\w*|summer\w*|sammanfattningsvis)\b", v.low) for v in turn)

    def _leader(self) -> str | None:
        """Who leads the talk: the speaker of the most sentences."""
        if not hasattr(self, "_leader_cache"):
            counts = Counter(v.speaker for v in self.utts if v.speaker)
            self._leader_cache = counts.most_common(1)[0][0] if counts else None
        return self._leader_cache

    def _argued(self, u: Utt) -> bool:
        """Others spoke on the matter just before: two of them, one sharing a content word with the verdict's turn
        or with what the leader said on it before."""
        window = self._window(u, back=12)
        others = {v.speaker for v in window if v.speaker != u.speaker}
        turn = [v for v in self.utts[max(0, u.idx - 3) : u.idx + 3] if v.turn == u.turn]
        own = [v for v in self._window(u, back=20) if v.speaker == u.speaker]  # the leader on it, from its opening
        topic = {s for v in [u, *turn, *own] for s in stems(v.text)}
        shared = any(v.speaker != u.speaker and _shares(topic, stems(v.text)) for v in window)
        return len(others) >= 2 and shared
