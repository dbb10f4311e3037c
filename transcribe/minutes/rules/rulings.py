"""Rulings: the one who leads the meeting lays down how things are done, without a decision word.

A leader often settles a matter by stating the rule itself, and the turn structure shows it is one:

- a rule that holds from now on: "Alla beställningar skrivs i pärmen från och med i dag.", "Den lacken är slut
  för räcken, från i dag.", "Från och med i dag står ingen ensam på en stege över tre meter.";
- a rule about no one, said after others spoke on the matter: "Ingen ny står ensam.", "Ingen journalist kommer
  in när vi har öppet.";
- a member's request refused for a time: "..., men nej. Vi har inga barnkalas i år.";
- a member's promise undone and replaced: "Det där är inte ditt att lova, Håkan. ... Han får veckan för halva
  priset ...";
- a matter named first and the group's verb after it: "Den byter vi tillbaka." (after "Det är gödningen ..."),
  "Så januari stänger vi, alla tre, i år också.", "Pumpatävlingen kör vi som vanligt också, ...".

Only the one who leads the talk (the speaker of the most sentences) rules, never in a question, a condition, a
hedge or a report, and never over a sentence another rule has read. Flagged: said without a decision word.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, is_present_verb, strip_tail, to_infinitive
from transcribe.minutes.rules.utterances import Utt, stems
from transcribe.sv.text import capitalise, content_words

WHY = "Beslutet uttrycktes utan beslutsord"
_LEAD = re.compile(r"^(?:(?:ja|nej|okej|ok|bra|då|så|och|alltså)\b[\s,.!]*)+")
# From now on: "från och med i dag", "från i dag", "från och med nu", "från i kväll"
# ("från <jön> med i dag": one word between "från" and "med" is a misheard "och")
_FROM_NOW = re.compile(r"\bfrån\s+(?:[\w-]+\s+med\s+)?(?:i\s+dag|idag|nu|i\s+kväll|i\s+natt)\b")
_NOT_RULE_SUBJECT = re.compile(r"^(?:jag|du|ni|han|hon|man|de|dom|min|mitt|mina|din|ditt|dina)\b")
# "Ingen ny står ensam.", "Inga barn går ut ensamma." - no one, a noun or adjective, a verb in the present
_NO_ONE = re.compile(r"^(?:ingen|inga|inget)\s+(?P<np>[a-zåäö-]{2,})\s+(?P<v>[a-zåäö]{2,}(?:ar|er|ör|år|yr))\b")
_NOT_RULE_VERBS = frozenset(
    "har är kan ska får vill måste behöver tycker tror vet ser hör kommer blir hoppas undrar pratar säger bryr "
    "orkar hinner klarar gillar förstår minns glömmer märker verkar känner heter".split()
)
_NOT_RULE_VERBS_NO_ONE = _NOT_RULE_VERBS - {"kommer"}  # "Ingen journalist kommer in": a rule of who comes in
# Refused for a time: "Vi har inga barnkalas i år.", "Vi har ingen sommarfest i sommar."
_NONE_FOR_NOW = re.compile(
    r"^(?:vi\s+har|(?P<no>nej\W+)?det\s+blir)\s+(?:inga|ingen|inget)\s+(?P<np>[a-zåäö-]{2,}(?:\s+[a-zåäö-]+)?)\s+"
    r"(?P<scope>i\s+år|i\s+sommar|i\s+vinter|i\s+höst|i\s+vår|den\s+här\s+\w+|längre|i\s+[\w-]+)\b"
)
_SCOPES = re.compile(r"i\s+(?:år|sommar|vinter|höst|vår)$|den\s+här\s+\w+$|längre$")
_REFUSED = re.compile(r"(?:^|,\s*)(?:men\s+)?nej\s*[.!]?$|^nej\b")
# A member's promise undone: "Det där är inte ditt att lova", "det kan inte du säga ja till"
_NOT_YOURS = re.compile(
    r"\binte\s+(?:ditt|din|ert|er)\s+(?:att\s+(?:lova|bestämma)|sak|beslut)\b|"
    r"\bkan\s+(?:inte\s+du|du\s+inte)\s+(?:lova|säga\s+ja|bestämma)\b"
)
# The course set instead: a rule about no one, a permission to the one concerned
_INSTEAD = re.compile(
    r"^(?:men\s+)?(?:(?:ingen|inga|inget)\s+[a-zåäö-]+\s+[a-zåäö]+(?:ar|er|ör|år)\b|"
    r"(?:han|hon|de|dom|[A-ZÅÄÖ][a-zåäö]+)\s+får\s+(?!inte\b)\w)"
)
# A matter named first, the group's verb after it: "Den byter vi tillbaka.", "Pumpatävlingen kör vi ..."
_FRONTED = re.compile(
    r"^(?:så\s+|men\s+|och\s+)?(?P<np>den|dem|(?!(?:det|vi|jag|du|ni|om|när|då|så|nu|här|där|sen|inte|alla|allt|"
    r"ingen|inget|inga|hur|vad|var|vem)\b)[a-zåäö-]{3,})\s+(?P<v>[a-zåäö]+(?:ar|er|ör|år|yr))\s+vi\b"
    r"(?P<neg>\s+inte)?(?P<rest>[^?]*)$"
)
_NOT_FRONTED_VERBS = _NOT_RULE_VERBS | frozenset("tar väntar tittar löser gör ordnar fixar".split())
_LATER = re.compile(r"\b(?:nästa\s+(?:gång|möte|år)|senare|i\s+vår|i\s+höst|en\s+annan\s+gång|sen)\b")
_DEFINITE = re.compile(r"\b(?P<np>[a-zåäö]{4,}(?:en|et|na|erna|arna|orna)(?:\s+(?:till|för|på)\s+[a-zåäö]+)?)\b")
_NOT_NOUNS = frozenset("sorten gången dagen veckan året hela själva kanske sedan annan andra ingen".split())
_WHAT_IF = re.compile(r"\bvad\s+(?:gör|händer|gör\s+man)\s+(?:vi\s+|ni\s+|man\s+)?om\b[^?]*\?")
_NOT_NOW = re.compile(r"\bkan\s+inte\b[^.]*\bnu\b|\binte\s+nu\b")  # "jag kan inte gå med på det nu"
_PARTICLE = re.compile(r"^(tillbaka|ut|in|av|upp|ner|bort|om|på|igen)\b")
# A custom kept this year needs no discussion before it: "Pumpatävlingen kör vi som vanligt också, ..."
_CUSTOM = re.compile(r"\b(?:som\s+vanligt|i\s+år\s+också|igen\s+i\s+år|som\s+förra\s+året)\b")
_CONDITION = re.compile(r"^(?:(?:men|och)\s+)?(?:om|ifall|när|innan)\b|\b(?:om|ifall)\s+(?:vi|det|ni)\b")


class RulingRules:
    """The leader's ruling, recorded into the shared state (a RuleState mixin)."""

    def _ruling(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided or u.speaker != self.talk_leader():
            return False
        low = u.low
        said = re.sub(r"^nej\b[\s,.!]*", "", low).replace(" inte ", " ")  # a refusal's "Nej," is no hedge
        if cues.TENTATIVE.search(low) or cues.REPORTED.search(low) or cues.HEDGE.search(said):
            return False
        if self.turn_left_open(u):
            return False
        return self._from_now(u) or self._no_one(u) or self._none_for_now(u) or self._fronted(u)

    def answers_what_if(self, u: Utt) -> bool:
        """'Och vad gör vi om det är frost på morgonen?' - 'Då ställer vi in pelargonerna ...': the plan for a case
        another speaker asks about, not a decision of the meeting."""
        before = [v for v in self.utts[max(0, u.idx - 3) : u.idx] if v.turn != u.turn]
        own = [v for v in self.utts[max(0, u.idx - 2) : u.idx] if v.turn == u.turn]
        return not own and any(v.speaker != u.speaker and _WHAT_IF.search(v.low) for v in before)

    def turn_left_open(self, u: Utt) -> bool:
        """The same turn has left the matter open before it: a sentence read as not decided, or one that says so
        ("Jag kan inte bestämma det i dag.", "... jag kan inte gå med på det nu")."""
        turn = [v for v in self.utts[max(0, u.idx - 4) : u.idx] if v.turn == u.turn]
        return any(cues.UNDECIDED.search(v.low) or _NOT_NOW.search(v.low) for v in turn)

    def _others_before(self, u: Utt, back: int = 8) -> list[Utt]:
        return [v for v in self._window(u, back=back) if v.speaker != u.speaker]

    def _on_the_matter(self, u: Utt, text: str, back: int = 8) -> bool:
        """Someone else spoke on it in the turns just before (a content word or its first five letters alike)."""
        mine = stems(text) or set(re.findall(r"[a-zåäö]{2,}", text.lower()))  # "öl": too short for a stem
        for v in self._others_before(u, back):
            theirs = stems(v.text) | set(re.findall(r"[a-zåäö]{2,}", v.low))
            if mine & theirs or any(len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5] for a in mine for b in theirs):
                return True
        return False

    def _record_ruling(self, text: str, utts: list[Utt]) -> bool:
        self._add_decision(text, utts[0], utts, 0.55, WHY)
        self.used.update(v.idx for v in utts)
        return True

    def _from_now(self, u: Utt) -> bool:
        """'Alla begravningsbeställningar skrivs i pärmen från och med i dag.': a rule that holds from now."""
        if not _FROM_NOW.search(u.low) or _CONDITION.search(u.low):
            return False
        body = _LEAD.sub("", u.text).strip()
        low = body.lower()
        if _NOT_RULE_SUBJECT.match(low) or cues.is_body(low.split()[0] if low.split() else ""):
            return False  # "Jag byter koden från och med nu": one's own task; another body's rule is not ours
        if len(content_words(_FROM_NOW.sub("", low))) < 2:
            return False  # "Då gäller det från i kväll.": the closes read what it points at
        if not self._on_the_matter(u, _FROM_NOW.sub("", body), back=10) and not self.spoken_on(u, body, back=10):
            return False  # nobody spoke on it, nor answered when the leader raised it
        return self._record_ruling(capitalise(strip_tail(body).rstrip(" ,.!")) + ".", [u])

    def _no_one(self, u: Utt) -> bool:
        """'Ingen ny står ensam.': a rule about no one, after others spoke on the matter."""
        body = _LEAD.sub("", u.text).strip()
        m = _NO_ONE.match(body.lower())
        if m is None or m.group("v") in _NOT_RULE_VERBS_NO_ONE or is_present_verb(m.group("np")):
            return False
        if _CONDITION.search(body.lower()) or not self._on_the_matter(u, body, back=12):
            return False
        return self._record_ruling(capitalise(strip_tail(body).rstrip(" ,.!")) + ".", [u])

    def _none_for_now(self, u: Utt) -> bool:
        """'Jag tycker om idén, Tove, men nej. Vi har inga barnkalas i år.': a request refused for a time."""
        m = _NONE_FOR_NOW.match(re.sub(r"^(?:(?:ja|okej|ok|bra|då|så|och|alltså)\b[\s,.!]*)+", "", u.low))
        prev = self.utts[u.idx - 1] if u.idx else None
        refused = m is not None and (m.group("no") or (prev is not None and prev.turn == u.turn
                                                        and _REFUSED.search(prev.low.rstrip())))  # fmt: skip
        if m is None or not refused:
            return False
        scope = m.group("scope")
        if not _SCOPES.match(scope) and not u.uncertain(scope.split()[-1]):
            return False  # "i <mennlig>": a time heard unsure may be "i år"; "i verkstaden" is no time
        if not self._on_the_matter(u, m.group("np"), back=14):
            return False
        body = strip_tail(_LEAD.sub("", u.text)).rstrip(" ,.!")
        return self._record_ruling(capitalise(body) + ".", [u] if m.group("no") or prev is None else [prev, u])

    def _fronted(self, u: Utt) -> bool:
        """'Den byter vi tillbaka.', 'Så januari stänger vi, alla tre, i år också.': the matter named first."""
        if re.match(r"^(?:men|fast)\b", u.low):
            return False  # "Men samtalsrummet använder vi för ...": an argument against, not a ruling
        m = _FRONTED.match(re.sub(r"^(?:(?:ja|okej|ok|bra|nej)\b[\s,.!]*)+", "", u.low))
        if m is None or m.group("v") in _NOT_FRONTED_VERBS or _LATER.search(m.group("rest")):
            return False
        if _CONDITION.search(u.low) or self._summing_up_turn(u):
            return False
        low = u.low
        np = u.text[len(u.text) - len(low) + m.start("np") : len(u.text) - len(low) + m.end("np")]
        if np.lower() in ("den", "dem"):
            np = self._named_before(u) or ""
            if not np:
                return False
        elif not _CUSTOM.search(m.group("rest")) and not self._on_the_matter(u, np, back=10):
            return False
        rest = strip_tail(u.text[len(u.text) - len(low) + m.start("rest") :]).strip(" ,.!")
        neg = "inte " if m.group("neg") else ""
        verb = to_infinitive(m.group("v"))
        if (part := _PARTICLE.match(rest)) is not None:  # "Den byter vi tillbaka": byta tillbaka gödningen
            verb, rest = f"{verb} {part.group(1)}", rest[part.end() :].strip(" ,")
        clause = first_person(f"att {neg}{verb} {np.lower()} {rest}".strip(), u.name)
        return self._record_ruling(decision_sentence(re.sub(r"\s+", " ", clause)), [u])

    def _named_before(self, u: Utt) -> str | None:
        """What a fronted 'den' points at: the first thing named in the other speaker's turn just before."""
        before = next((v for v in reversed(self.utts[: u.idx]) if v.turn != u.turn), None)
        if before is None or before.speaker == u.speaker:
            return None
        for v in [x for x in self.utts[max(0, before.idx - 3) : before.idx + 1] if x.turn == before.turn]:
            for m in _DEFINITE.finditer(v.low):
                if m.group("np").split()[0] not in _NOT_NOUNS:
                    return v.text[m.start("np") : m.end("np")]
        return None
