"""Tasks settled in two turns: a member offers or is told, another says so.

"Men jag kan nämna det för dem." - "Gör det.": an offer said as a statement is the offerer's task once
another speaker tells them to do it ("Gör det.", "Ja tack, gör det innan …", "Ja, gör det") or welcomes it
in the first words of the next turn ("Jag kan göra en skylt." - "Gärna.", "Det tackar vi för."); a bare "ja"
or "bra" is not enough, since a statement may only be a thought. "Och fråga om Elin vill spela." - "Det gör jag.": an
imperative put to no one by name is the task of the one who answers that they will do it.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import strip_discourse, strip_tail, task_phrase, to_infinitive
from transcribe.minutes.rules.addressed import NOT_ASKED, TAKEN_ON, AddressedTasks, task_verb
from transcribe.minutes.rules.attend import attends
from transcribe.minutes.rules.utterances import NOT_TASKS, Utt, strip_due
from transcribe.sv.text import capitalise, content_words

# "Gör det.", "Ja tack, gör det innan den ramlar ner", "Okej, gör det då."
_DO_IT = re.compile(
    r"^(?:(?:ja|jo|okej|ok|bra|absolut|gärna)(?:\s+tack)?\s*,?\s+)?gör\s+det\b(?!\s+(?:inte|sen|senare)\b)"
)
# "Gärna.", "Ja tack.", "Det tackar vi för.", "Toppen, tack.": the offer welcomed (never a bare "ja" or "bra")
_WELCOMED = re.compile(
    r"^(?:(?:ja|jo|okej|åh)\s*,?\s+)?(?:gärna|ja\s+tack|tack|det\s+tackar\s+vi\s+för|toppen|perfekt|jättebra|"
    r"utmärkt|snällt|superbra)\b(?!\s*,?\s*(?:men|fast|nej)\b)"
)
# "jag kan nämna det för dem", "Och så kan jag skruva fast högtalarna", "jag vill köra dem tio gånger"
_OFFERED = re.compile(
    r"(?:\bjag\s+(?:kan|ska|vill|skulle\s+kunna)|\bkan\s+jag)\s+(?:också\s+|gärna\s+|ju\s+)?(?P<v>[a-zåäö]+)"
    r"(?P<rest>[^.?!]*)"
)
# "Det gör jag.", "Ja, det gör jag.", "Det fixar jag."
_WILL_DO = re.compile(
    r"^(?:(?:ja|jo|okej|absolut|visst)\s*,?\s+)?(?:det\s+(?:gör|fixar|ordnar|tar)\s+jag|jag\s+(?:gör|fixar|ordnar)\s+det)\b"
    r"(?!\s+(?:inte|aldrig|redan|nu)\b)"
)  # "Skriv in det, Kalle." - "Jag gör det i dag innan jag går hem."
# "Och fråga om Elin vill spela.", "Ring dem i morgon.": an imperative opening the sentence
_IMPERATIVE = re.compile(r"^(?:(?:och|men|så|då)\s+)?(?P<v>[a-zåäö]{3,})\s+(?P<rest>[^.?!]+)")
_IMPERATIVES = {"ring": "ringa", "skriv": "skriva", "köp": "köpa", "skicka": "skicka", "fråga": "fråga",
                "kolla": "kolla", "boka": "boka", "mejla": "mejla", "beställ": "beställa", "hör": "höra",
                "prata": "prata", "ta": "ta", "be": "be", "kontakta": "kontakta", "kör": "köra"}  # fmt: skip
# "För" opening a phrase, not the imperative of "föra": "För protokollets skull, ...", "För övrigt ...", "För att ..."
_FOR_PHRASE = re.compile(r"^(?:(?:och|men|så|då)\s+)?för\s+(?:\S+\s+skull|övrigt|att|det\s+(?:första|andra|tredje))\b")
_NOT_OFFERS = frozenset({"inte", "aldrig", "tyvärr", "nog", "kanske"})
# "Kan du göra det?": a task asked for by a pronoun, said before as a need
_DO_THAT = re.compile(r"^(?:göra|fixa|ordna|sköta|ta\s+hand\s+om|ta|kolla)\s+(?:det|den|dem|detta)\b(?:\s+också)?\W*$")
# "Leden dit måste märkas om", "Då borde checklistan uppdateras också": a thing that needs doing, said passively
_SUBJ = r"(?!det\b|vi\b|jag\b|du\b|ni\b|han\b|hon\b|de\b|man\b|någon\b)[a-zåäö][\w\s-]{2,50}?"
_MODAL = r"(?:måste|behöver|borde|bör|ska)"
_PASSIVE = (
    re.compile(rf"(?:^|,\s*|\b(?:och|men)\s+)(?P<subj>{_SUBJ})\s+{_MODAL}\s+(?:också\s+)?(?P<v>[a-zåäö]{{3,}}as)\b"
               r"(?P<rest>[^.,;?!]*)"),
    re.compile(rf"^(?:\w+,?\s+)?(?:då|så|nu)\s+{_MODAL}\s+(?P<subj>{_SUBJ})\s+(?:också\s+)?(?P<v>[a-zåäö]{{3,}}as)\b"
               r"(?P<rest>[^.,;?!]*)"),
)  # fmt: skip


# "Helena och Daniel, kan ni skriva en halv sida var om varför?": two or more named, asked together
_GROUP_ASK = re.compile(
    r"^(?P<names>[A-ZÅÄÖ][a-zåäöé]+(?:(?:,\s*|\s+och\s+)[A-ZÅÄÖ][a-zåäöé]+)+),\s+(?:kan|vill|skulle|orkar|hinner)\s+"
    r"ni\s+(?:kunna\s+)?(?P<r>[a-zåäö]+a\b[^?]*)\?"
)


class OfferedTasks(AddressedTasks):
    """Two-turn tasks; they record into the shared state."""

    def _offer_said(self, u: Utt) -> bool:
        """'Men jag kan nämna det för dem, att de ska akta pelaren.' - 'Gör det.': the offerer's task; also when
        another joined the offer in between ('Jag kan åka och titta på det.' - 'Ja, vi kan åka nästa vecka.' -
        'Gör det.') or the answer is the offered verb itself ('Men jag kan fråga.' - 'Fråga.')."""
        prev = self.utts[u.idx - 1] if u.idx > 0 else None
        said = strip_discourse(u.low)
        if prev is None or prev.speaker == u.speaker or prev.is_question or prev.turn == u.turn:
            return False
        turns = [t for t in dict.fromkeys(v.turn for v in reversed(self.utts[: u.idx]))][:2]
        found = next(((v, m) for v in reversed(self.utts[: u.idx]) if v.turn in turns and v.speaker != u.speaker
                      for m in [_OFFERED.search(v.low)] if m), None)  # fmt: skip
        if found is None:
            return False
        src, offer = found
        utts = [src, u]
        verb, rest = to_infinitive(offer.group("v")), offer.group("rest")
        echoed = re.match(r"^(?P<imp>[a-zåäö]+)\b", said)
        echo = echoed is not None and echoed.group("imp") in (verb, verb[:-1]) and len(said.split()) <= 3
        welcomed = _WELCOMED.match(said) or _WELCOMED.match(u.low)
        if not (_DO_IT.match(said) or echo or (src.turn == prev.turn and welcomed and not cues.NEG.search(said))):
            return False
        words = rest.split()
        then = re.match(r"\s*och\s+(\w+)(.*)", rest)  # "jag kan åka och titta på det"
        acts = task_verb(verb, rest) or (then is not None and task_verb(then.group(1), then.group(2)))
        acts = acts or attends(verb, rest)  # "Jag kan gå domarkursen." - "Gör det."
        bare = re.fullmatch(r"\s*(?:det|den|dem|honom|henne)?\s*", strip_due(rest).lower())  # "Jag kan ta honom."
        if (verb in NOT_ASKED or verb in NOT_TASKS or not (acts or bare)
                or _NOT_OFFERS & set(words[:2]) or cues.HEDGE.search(offer.string)):  # fmt: skip
            return False
        at = src.low.find(rest, offer.start("rest"))
        what = strip_tail(src.text[at : at + len(rest)] if at >= 0 else rest).strip(" ,")
        what = re.split(r",\s+(?:den|det|de|så|för|eftersom)\s|\s+innan\s+jag\b", what)[0]
        if not content_words(strip_due(what)):
            pronoun = re.fullmatch(r"(?:det|den|dem|honom|henne)?", strip_due(what).strip().lower())
            if not pronoun or re.search(r"\b(?:det|den|dem)\s+(?:kan|ska|vill)\s+jag\b", src.low):
                return False  # "Det kan jag göra i helgen": what "det" is, the anaphor rules read
            how = self._how_offered(src)  # "Jag kan ta honom. Jag visar runt och går igenom säkerheten …"
            if how is None:
                return False
            verb, what, said = how
            utts = [src, u] if said is None else [src, said, u]
        self._add_action(capitalise(f"{verb} {what}".strip()), src.name, utts, 0.7)
        return True

    def _how_offered(self, src: Utt) -> tuple[str, str, Utt | None] | None:
        """What a bare offer ('Jag kan ta honom.', 'Men jag kan fråga.') stands for: the offerer's next sentence
        saying what they will do, else the statement just before it."""
        nxt = self._same_segment_after(src, 1)
        m = re.match(r"^(?:och\s+)?jag\s+(?P<v>[a-zåäö]+r)\s+(?P<rest>[^.?!]+)", nxt[0].low) if nxt else None
        if m is not None and m.group("v") not in NOT_TASKS and not cues.NEG.search(m.group("rest")):
            rest = strip_tail(nxt[0].text[m.start("rest") :]).rstrip(" .!")
            rest = re.sub(r"\boch\s+(\w+(?:ar|er|år))\b", lambda x: "och " + to_infinitive(x.group(1)), rest)
            return to_infinitive(m.group("v")), rest, nxt[0]
        before = self.utts[src.idx - 1] if src.idx > 0 else None
        if before is not None and before.turn == src.turn and len(content_words(before.text)) >= 2:
            verb = to_infinitive(_OFFERED.search(src.low).group("v"))  # type: ignore[union-attr]
            return verb, f"({strip_tail(before.text).rstrip(' .!')})", None
        return None

    def _imperative_taken(self, u: Utt) -> bool:
        """'Och fråga om Elin vill spela.' - 'Det gör jag.': the imperative, the answerer's task."""
        prev = self.utts[u.idx - 1] if u.idx > 0 else None
        if prev is None or prev.speaker == u.speaker or prev.is_question or not _WILL_DO.match(u.low):
            return False
        said = [v for v in reversed(self.utts[: u.idx]) if v.turn == prev.turn and not v.is_question]
        src, m = next(((v, m) for v in said for m in [_IMPERATIVE.match(v.low)] if m and m.group("v") in _IMPERATIVES),
                      (None, None))  # fmt: skip
        if src is None or m is None or not content_words(m.group("rest")) or cues.HEDGE.search(src.low):
            return False
        verb = _IMPERATIVES[m.group("v")]
        at = src.low.find(m.group("rest"), m.start("rest"))
        self._add_action(capitalise(f"{verb} {strip_tail(src.text[at:]).strip(' ,')}"), u.name, [src, u], 0.7)
        return True

    def _imperative_echoed(self, u: Utt) -> bool:
        """'Flytta den efter mötet, bara.' - 'Ja, ja. Jag flyttar den.': the one who answers with the imperative's
        own verb in the first person takes the task, in the words of the imperative."""
        mine = [v for v in self.utts[: u.idx] if v.turn == u.turn]
        before = [v for v in self.utts[: u.idx] if v.turn < u.turn]
        if not before or any(len(v.low.split()) > 3 for v in mine) or before[-1].speaker == u.speaker:
            return False
        said = re.match(r"^(?:(?:ja|jo|okej|visst)\s*,?\s+)*jag\s+(?P<v>[a-zåäö]+r)\b", u.low)
        if said is None or cues.NEG.search(u.low) or cues.HEDGE.search(u.low):
            return False
        heard = to_infinitive(said.group("v"))
        for v in (x for x in reversed(before) if x.turn == before[-1].turn and not x.is_question):
            m = _IMPERATIVE.match(v.low)
            if m is None or _FOR_PHRASE.match(v.low):
                continue
            if re.match(r"(?:vi|jag|du|ni|man|de|dom|han|hon)\b", m.group("rest")):
                continue  # "Då gör vi så.": a statement with its verb first, no imperative
            if heard in (m.group("v"), m.group("v") + "a") and not cues.HEDGE.search(v.low):
                at = v.low.find(m.group("rest"), m.start("rest"))
                self._add_action(capitalise(f"{heard} {strip_tail(v.text[at:]).strip(' ,')}"), u.name, [v, u], 0.7)
                return True
        return False

    def _need_meant(self, v: Utt) -> str | None:
        """'Då borde checklistan uppdateras också.' - 'Kan du göra det?': the need said just before a request
        that names its task by a pronoun is the task asked for."""
        rm = re.search(r"\b(?:kan|skulle|vill|hinner)\s+du\s+(?P<r>[^?]+)", v.low)
        if rm is None or not _DO_THAT.match(rm.group("r").strip()):
            return None
        for x in self._window(v, back=3):
            m = _PASSIVE[0].search(x.low) or _PASSIVE[1].search(x.low)
            if m is not None and not x.is_question and not cues.NEG.search(x.low):
                subj = m.group("subj").strip()
                rest = re.sub(r"\b(?:också|ju|nog|igen)\b", " ", m.group("rest"))
                return capitalise(" ".join(f"{m.group('v')[:-1]}{rest} {subj}".split()))
        return None

    def _when_answered(self, u: Utt) -> bool:
        """'Leden dit måste märkas om.' - 'När kan du göra det?' - 'På lördag, om vädret håller.': asked when,
        the one asked answers with a day in the first words of the turn, and so takes the need on."""
        prev = self.utts[u.idx - 1] if u.idx > 0 else None
        if prev is None or prev.turn == u.turn or prev.speaker == u.speaker or not prev.is_question:
            return False
        if not re.match(r"^(?:\w+,\s+)?när\s+(?:kan|hinner)\s+du\b", prev.low) or cues.NEG.search(u.low):
            return False
        if not any(w.date is not None and w.start <= 4 for w in self.whens(u)) or cues.HEDGE.search(u.low):
            return False
        what = self._need_meant(prev)
        if what is None:
            return False
        self._add_action(what, u.name, [prev, u], 0.7)
        return True

    def _group_asked(self, u: Utt) -> bool:
        """'Helena och Daniel, kan ni skriva en halv sida var?' - 'Ja. Till fredag.' - 'Ja. Fredag.': each one
        named who takes it on in the first words of their own turn gets the task (the others named may answer
        first)."""
        first = next((v for v in reversed(self.utts[: u.idx]) if v.turn != u.turn), None)
        if u.is_question or first is None or self.utts[u.idx - 1].turn == u.turn:
            return False  # only the reply's first sentence
        dated = any(w.date is not None for w in self.whens(u)) and len(content_words(u.text)) <= 2
        if not (TAKEN_ON.match(u.low) or dated) or cues.NEG.search(u.low) or cues.HEDGE.search(u.low):
            return False
        turns: list[int] = []
        for v in reversed(self.utts[: u.idx]):
            if v.turn == u.turn:
                continue
            if v.turn not in turns:
                turns.append(v.turn)
            if len(turns) > 3:
                return False
            m = _GROUP_ASK.match(v.text)
            if m is None:
                continue
            named = [self._named_person(n.lower()) for n in re.split(r",\s*|\s+och\s+", m.group("names"))]
            labels = {p[0] for p in named if p is not None}
            between = {x.speaker for x in self.utts[v.idx + 1 : u.idx] if x.turn not in (v.turn, u.turn)}
            if u.speaker not in labels or not between <= labels or not task_verb(m.group("r").split()[0], m.group("r")):
                return False
            self._add_action(task_phrase(strip_tail(m.group("r"))), u.name, [v, u], 0.7)
            return True
        return False
