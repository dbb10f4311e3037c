"""The group's commitment stated where a discussion closes, without a decision word.

After others have spoken on a matter, a member (most often the chair) settles it by saying what the
group does, in the present tense and with the group as subject:

- a negated commitment: "Vi publicerar inte namnet.", "Då tar vi inte emot några nya reptiler.",
  "Vi köper inga nya klockor, vi lagar de sju.";
- an offer accepted or refused: "Vi tackar nej.", "Ja, vi tackar ja till Lidl ...";
- a matter kept as it is: "Avgiften ligger kvar på trehundra då.", "Okej, vi låter den vara.";
- a choice between alternatives named earlier: "Okej, då tar vi Sandvik i år.", "Då blir det Ljungsbro igen";
- a vote counted in the same turn: "Då arrangerar vi den, tre mot en." (what "den" is comes from the call);
- a bare closing of what others proposed: "Tacos då.", "Halvtidsseminariet i oktober då.",
  "Inga lösa hundar första helgen.", "Så: korv, men ingen kvällsfest."

The exclusions of the other decision rules hold: a question, a condition ("om ..."), a hedge, a
report of an old decision, another body, the meeting's order, and a consequence or a prediction
("Då tappar vi turisterna") decide nothing; a turn that goes on to put the matter off ("Jag vill
fundera på det. Vi tar det efter sommaren.") did not settle it. Every decision found here is flagged
for review: it was said without a decision word.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, group_clause, strip_tail
from transcribe.minutes.rules.assent import AssentRules
from transcribe.minutes.rules.utterances import (
    Utt,
    action_verb,
    evidence_list,
    merge_evidence,
    misheard_match,
    next_turns,
    personal_commitment,
    stems,
)
from transcribe.sv.text import capitalise, content_words

WHY = "Beslutet uttrycktes utan beslutsord"
_LEAD = r"^(?:(?:ja|jo|japp|okej|ok|bra|nej|gött|precis|absolut|självklart|mm|aa|gör\s+så)\b[\s,.!:]*)*"
_ASSENT = re.compile(r"^(?:okej|ok|bra|gött|gör\s+så)\b")
_VERB = r"(?P<v>[a-zåäö]+(?:ar|er|ör|yr|år))"
_NEG = r"(?P<neg>(?:inte|inga|inget|ingen)\s+)?"
_ALSO = r"(?:alltså\s+|också\s+)?"
_WE_DIRECT = re.compile(_LEAD + rf"(?P<and>och\s+|men\s+)?vi\s+{_ALSO}{_VERB}\s+{_NEG}(?P<rest>\S.*)")
_WE_INVERTED = re.compile(_LEAD + rf"(?:och\s+|men\s+)?(?:då|så)\s+{_VERB}\s+vi\s+{_ALSO}{_NEG}(?P<rest>\S.*)")
# Verbs of talk, thought, ability, state or the meeting's order: "vi vet inte", "då kan vi inte": no commitment.
_NOT_COMMIT = frozenset(
    "har ska kan får vill måste behöver tycker tror vet ser hör är går kommer blir hoppas undrar pratar diskuterar "
    "funderar väntar försöker ses träffas börjar fortsätter säger sammanfattar avslutar hinner orkar klarar litar "
    "kollar lyssnar bestämmer beslutar hälsar brukar slutar lär menar märker förstår minns glömmer önskar äter "
    "dricker sitter står ligger heter känner räknar läser vågar lyckas verkar behövs tänker jobbar tar kör gör "
    "väljer lämnar använder".split()
)
# A consequence or a prediction: "Då tappar vi turisterna", "då sparar vi pengar".
_CONSEQUENCE = frozenset("tappar förlorar missar riskerar hamnar sparar tjänar vinner slipper drabbas".split())
# Positive plans need the group to be settling: these verbs commit by themselves.
_COMMIT_VERBS = frozenset("tackar behåller låter skippar stryker slopar".split())
# "Då kör vi som i fjol": kept as it was
_AS_BEFORE = re.compile(r"som\s+(?:i\s+fjol|förut|vanligt|tidigare|förra\s+året|hittills)\b")
# "går" and "tar" commit with their particle: "Vi går inte vidare med den", "Då tar vi inte emot fler",
# not "det går inte" or "då tar vi punkt fem".
_PARTICLE = {"går": re.compile(r"(?:inte\s+)?(?:vidare\s+med|ut\s+med|in\s+för)\b"),
             "tar": re.compile(r"(?:inte\s+)?(?:emot|bort|in|med)\b"),
             "kör": _AS_BEFORE, "gör": _AS_BEFORE}  # fmt: skip
# "den" alone, not the article of "den arabiska timmen"
_PRONOUN = re.compile(r"^(?P<p>den|det|dem|de\s+där|dom)\b(?!\s+[a-zåäö]+[ae]\s+[a-zåäö]+(?:en|et|na|n)\b)")
_OFFER = re.compile(
    r"\b(?:erbjud\w*|(?:vill|får)\s+(?:köpa|ge|skänka|sponsra|hyra)|fråga[rt]?\s+om|förfrågan|offert\w*|anbud\w*)\b"
)
_KEPT = re.compile(
    _LEAD + r"(?P<np>(?!(?:det|den|de|dom|vi|jag|du|ni|han|hon|man|allt|inget|ingen|frågan|förslaget|ärendet|"
    r"beslutet|saken|motionen)\b)(?:[\w-]+\s+){0,3}?[\w-]+)"
    r"\s+(?:ligger|står|blir|får\s+ligga|får\s+stå)\s+kvar\b(?!\s+hos\b)(?P<rest>[^?]*)$"
)
# "Okej, då tar vi Sandvik i år.", "Okej. Vi kör på Däckpartner i vinter."
_CHOICE = re.compile(
    _LEAD + r"(?:och\s+)?(?:(?:då|så)\s+(?:(?P<v>tar|kör)\s+vi|blir\s+det)|vi\s+(?P<v2>tar|kör)\s+på)\s+(?P<rest>\S.*)$"
)
# A bare closing: "Tacos då.", "Halvtidsseminariet i oktober då.", "Inga lösa hundar första helgen.", "Så: korv, ..."
_BARE = re.compile(
    r"^(?:(?:okej|ok|ja|bra|nej|gött|mm)\b[\s,.!]*)*(?:(?P<so>så|alltså)\s*:\s*)?(?P<np>\S(?:.*?\S)?)"
    r"(?P<da>,?\s+(?:då|alltså)|\s+(?:blir\s+det|det\s+blir))?\s*[.!]?$"  # "Tacos då.", "Burk det blir."
)
# How the meeting will decide, not what: "lotten då", "omröstning då"
_PROCEDURE = re.compile(r"^(?:lott\w*|omröstning\w*|röstning\w*|handuppräckning\w*|sluten\s+omröstning)\b")
# What the turn says of a name said alone: "Hon får det.", "Han får stipendiet."
_OF_NAME = re.compile(r"^(?:hon|han|hen|de|dom)\s+(?P<rest>(?:får|tar|blir|vinner|går\s+vidare)\b[^?]*)$")
_ASSENT_REPLY = re.compile(r"^(?:ja|japp|absolut|okej|ok|mm|precis|visst|självklart)\b")
_DAY_ONLY = re.compile(
    r"^(?:på\s+)?(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en|ar)?(?:\s+(?:förmiddag|eftermiddag|morgon|kväll))?$"
)
# "Ingen stjäl en trasmatta": "ingen" with a verb and its object, a claim about people, not a rule
_NO_ONE_VERB = re.compile(
    r"^(?:ingen|inget|inga)\s+[a-zåäö]+\s+(?:en|ett|den|det|de|dem|sin|sitt|sina|mig|dig|oss|er|honom|henne)\b"
)
_NO_NP_IN = re.compile(r"^(?:det\s+blir\s+)?(?:ingen|inget|inga)\b|\bblir\s+(?:det\s+)?(?:ingen|inget|inga)\b")
_NO_NP = re.compile(r"^(?:ingen|inget|inga)\s+(?P<x>\S.*)$")
_NOT_MATTERS = re.compile(
    r"^(?:ingen|inget|inga)\s+(?:fara|problem|aning|orsak|mer|mera|fler|invänd\w*|fråg\w*|annan|annat|andra|emot|"
    r"kommentar\w*|övrigt|idé|som|alls|av|där|här|skillnad|stress|brådska)\b"
)
_CLAUSE_WORDS = frozenset(
    "jag du vi ni han hon de dom man är blir har ska kan får vill går tar gör kör finns måste behöver tycker tror "
    "vet ser säger var blev hade kommer låter ligger står skulle borde bör vore tack hej nästa sen sedan punkt låt "
    "först vad vem hur när varför".split()
)
_PUT_OFF = re.compile(
    r"\b(?<!ingen\sidé\satt\s)(?<!ens\s)(?:fundera|tänka\s+på\s+det|ta(?:r)?\s+(?:det|den)\s+(?:efter|senare|nästa|i\s+höst|i\s+vår)|vänta(?:r)?\s+med)\b"
)
_FOR_NOW = re.compile(r"\bså\s+länge\b|\btills\s+vidare\b.*\bigen\b")
_NEXT_PERIOD = re.compile(r"\bnästa\s+(?:år|vecka|månad|termin|säsong|vår|höst|sommar)\b")
_CHANGED = re.compile(_LEAD + r"(?:och\s+)?(?:då|så)\s+(?:ändrar|byter|vänder)\s+vi(?:\s+på\s+det)?\s*[.!]?$")
_DEFINITE_SUBJECT = re.compile(_LEAD + r"(?P<x>[a-zåäö-]{4,}(?:en|et|na))\s+(?:är|blir|var)\b")
# A vote counted in the turn: "Vi röstar. De som är för att vi arrangerar ...? Tre. Emot? En."
_VOTE = re.compile(
    r"\bvi\s+röstar\b|\b(?:de|den|alla|vilka)\s+som\s+(?:är\s+)?för\b|\bvilka\s+vill\b|\bemot\s*\?"
    r"|\b(?:någon|några)\s+som\s+(?:har\s+(?:något|några\s+invändningar)\s+)?(?:emot|invänder)\b"
)
_NAMED_THEN_PRONOUN = re.compile(
    r"^(?:(?:och|men|sen|sedan)\s+)?(?P<x>[a-zåäö-]{4,}(?:en|et|na)(?:\s+[^,?]{0,30})?),\s+\w+\s+(?:den|det|de|dom)\b"
)
_CONDITION = re.compile(r"\b(?:om|ifall|när|innan)\b")
_HABIT = re.compile(r"\b(?:ofta|alltid|ibland|vanligtvis|normalt|oftast|sällan|brukar|varje\s+gång)\b")


def _overlap(a: set[str], b: set[str]) -> bool:
    """A stem shared, or a compound and its head ('luciatåg' - 'tåg', 'medlemsavgift' - 'avgift')."""
    return bool(a & b) or any(len(y) >= 4 and (x.endswith(y) or y.endswith(x)) for x in a for y in b if len(x) >= 4)


class CommitmentRules(AssentRules):
    """The group's commitment said where a discussion closes; recorded into the shared state."""

    def _commitment(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.decided or u.idx in self.used or not self._after_others(u):
            return False
        if cues.TENTATIVE.search(u.low) or cues.REPORTED.search(u.low) or cues.AGENDA_TALK.search(u.low):
            return False
        plain = re.sub(r"^nej\b[\s,.!]*", "", u.low).replace(" inte ", " ")  # "Nej, då skippar vi den" agrees
        if cues.HEDGE.search(plain) or _HABIT.search(u.low) or self._put_off_after(u) or _FOR_NOW.search(u.low):
            return False
        return self._kept(u) or self._choice_named(u) or self._changed(u) or self._we_commit(u) or self._bare_close(u)

    def _changed(self, u: Utt) -> bool:
        """'Okej, då ändrar vi. Vernissagen är öppen från sex till åtta. Inte till nio.': the change said next."""
        nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
        if not _CHANGED.match(u.low) or nxt is None or nxt.turn != u.turn or nxt.is_question:
            return False
        first = (nxt.low.split()[:1] or [""])[0]
        if first in _CLAUSE_WORDS or self._named_person(first) or cues.TENTATIVE.search(nxt.low):
            return False  # "Då ändrar vi. Jag skriver ett nytt schema.": a task, not the change
        if len(content_words(nxt.text)) < 2:
            return False
        text = capitalise(first_person(strip_tail(nxt.text).rstrip(" .!"), u.name)) + "."
        more = self._elaboration(nxt)
        if more:
            text = f"{text.rstrip('.')}. {capitalise(strip_tail(more[0].text).rstrip(' .!'))}."
        self._add_decision(text, u, [u, nxt, *more], 0.6, self._repaired([u]) or WHY)  # "Då byter <-vi>."
        self.used.add(u.idx)
        return True

    # ------------------------------------------------------------------ the forms
    def _we_commit(self, u: Utt) -> bool:
        """'Vi publicerar inte namnet.', 'Då tar vi inte emot ...', 'Vi tackar nej.', 'Och vi öppnar på torsdagar'."""
        direct = _WE_DIRECT.match(u.low)
        m = direct or _WE_INVERTED.match(u.low)
        if m is None:
            return False
        verb, neg, rest_low = m.group("v"), (m.group("neg") or "").strip(), m.group("rest")
        voted = any(_VOTE.search(v.low) for v in self._window(u, back=6) if v.turn == u.turn)
        called = voted and _PRONOUN.match(rest_low) is not None  # "Någon emot kursen? Nej. Då kör vi den."
        goes_on = verb in _PARTICLE and _PARTICLE[verb].match(rest_low)
        if verb in _CONSEQUENCE or (verb in _NOT_COMMIT and not (goes_on or called)):
            return False
        if _CONDITION.search(u.low[: m.start("v")]) or re.match(r"(?:om|ifall)\b", rest_low):
            return False
        if verb == "låter" and re.match(r"(?:det|den|dem|allt)\s+(?:\w+\s+)?vara\b", rest_low):
            return False  # "Vi låter det vara som det är.": nothing changes, the request before it turned down
        if re.search(r"\btill\s+handlingarna\b", rest_low):
            return False  # "Då lägger vi det till handlingarna": a formal act, the filing rules' to read
        offer = verb == "tackar" and re.match(r"(?:ja|nej)\b", rest_low)
        if verb == "tackar" and not offer:
            return False  # "vi tackar för i kväll"
        previous = self.utts[u.idx - 1] if u.idx else None
        continued = previous is not None and previous.turn == u.turn and previous.idx in self.decided
        lead = u.low[: m.start("v")]
        settling = direct and _ASSENT.match(lead) and not re.search(r"\bgärna\b", u.low)
        kept = _AS_BEFORE.match(rest_low)
        order = re.match(r"(?:tillbaka|vidare|över\s+till|till\s+(?:nästa|punkt))\b", rest_low)  # the meeting's order
        agreed = not direct and not order and re.search(r"\bdå\b", lead) and self.agreed_before(u, unrecorded=True)
        settling = settling or agreed
        if not (neg or offer or verb in _COMMIT_VERBS or continued or settling or voted or kept):
            return False  # a positive "vi köper ..." alone may be a description; it needs the group settling
        rest = strip_tail(u.text[m.start("rest") :]).rstrip(" .!,")
        topic = rest
        part = _PARTICLE[verb].match(rest.lower()) if verb in _PARTICLE else None  # "vidare med den"
        at = part.end() if part else 0
        pron = _PRONOUN.match(rest[at:].lstrip().lower())
        if pron is not None:
            what = self._referent(u, verb)
            if what is None:
                return False
            at = len(rest) - len(rest[at:].lstrip())
            rest, topic = rest[:at] + what + rest[at + pron.end() :], what
        elif offer and not re.search(r"\btill\s+\S", rest_low):
            what = self._offered(u)
            if what is None:
                return False
            said = re.match(r"^(?P<yes>ja|nej)\b(?P<tail>.*)$", rest, re.IGNORECASE)
            what = re.sub(r"^(?:sen|sedan|och\s+så|och)\s+", "", what, flags=re.IGNORECASE)
            what = re.sub(r"^(har|hade)\s+(\S+(?:\s+[a-zåäö]+)?)\s+(frågat|erbjudit)\b", r"\2 \1 \3", what)
            if said is not None and said.group("tail").strip(" ,"):  # "Vi tackar ja, med villkoret att ..."
                rest = f"{said.group('yes')} till erbjudandet ({what}){said.group('tail')}"
            else:
                rest = f"{rest} till erbjudandet: {what}"
            topic = what
        detail = " ".join(v.text for v in self._elaboration(u))
        if not (offer or voted or continued or pron) and not self._raised(u, f"{topic} {detail}", back=12):
            return False  # others raised it, unless a vote, the sentence before or a "den" points at the matter
        last = self.out.decisions[-1] if self.out.decisions else None
        if continued and not neg and last is not None and _NO_NP_IN.search(last.text.lower()):
            # "Det blir ingen ny maskin i år. Vi lagar bandet på den gamla.": what is done instead, one decision
            instead = capitalise(first_person(strip_tail(u.text).rstrip(" .!"), u.name))
            last.text = f"{last.text.rstrip('.')}. {instead}."
            last.evidence = merge_evidence(last.evidence, evidence_list([u]))
            self.used.add(u.idx)
            self.decided.add(u.idx)
            return True
        text = decision_sentence(first_person(group_clause(verb, rest, neg), u.name))
        why = self.assent_reason(u, WHY)
        self._add_decision(self._with_elaboration(text, u), u, [u, *self._elaboration(u)], 0.6, why)
        self.used.add(u.idx)
        return True

    def _kept(self, u: Utt) -> bool:
        """'Avgiften ligger kvar på trehundra då.': the matter raised is kept as it is."""
        m = _KEPT.match(u.low)
        if m is None or not self._raised(u, m.group("np")):
            return False
        said = strip_tail(u.text[m.start("np") :]).rstrip(" .!,")
        said = re.sub(r",?\s+då$", "", said)
        text = capitalise(first_person(said, u.name)) + "."
        self._add_decision(self._with_elaboration(text, u), u, [u, *self._elaboration(u)], 0.6, WHY)
        self.used.add(u.idx)
        return True

    def _choice_named(self, u: Utt) -> bool:
        """'Okej, då tar vi Sandvik i år.': one of the alternatives others named, by its name."""
        m = _CHOICE.match(u.low)
        if m is None:
            return False
        rest = strip_tail(u.text[m.start("rest") :]).rstrip(" .!,")
        head = rest.split()[0] if rest.split() else ""
        if not head[:1].isupper() or self._named_person(head.lower()):
            return False  # a name of a place, a firm or a product; a participant would be a task
        if not any(v.speaker != u.speaker and head.lower() in v.low for v in self._window(u, back=10)):
            return False
        verb = {"tar": "anlita", "kör": "köra"}.get(m.group("v") or "", "välja") if not m.group("v2") else "välja"
        text = decision_sentence(first_person(f"att {verb} {rest}", u.name))
        self._add_decision(text, u, [u], 0.6, WHY)
        self.used.add(u.idx)
        return True

    def _bare_close(self, u: Utt) -> bool:
        """'Tacos då.', 'Inga lösa hundar första helgen.', 'Så: korv, men ingen kvällsfest.'"""
        m = _BARE.match(u.low)
        if m is None:
            return False
        np_low = m.group("np").strip(" ,")
        words = re.findall(r"[\w-]+", np_low)
        if not words or len(words) > 9 or any(w in _CLAUSE_WORDS for w in words) or self._named_person(words[0]):
            return False
        if words[0] in ("och", "eller") or words[-1] in ("också", "med", "till"):
            return False  # "Och hönsen då.": the next matter opened; "Kaffet också då.": one added to the open one
        if _PROCEDURE.match(np_low):
            return False  # "Okej, lotten då.": how to decide, not what
        negative = _NO_NP.match(np_low)
        if not (m.group("da") or m.group("so") or negative) or _NOT_MATTERS.match(np_low):
            return False
        previous = self.utts[u.idx - 1] if u.idx else None
        if previous is not None and previous.is_question:
            return False  # an answer, not a closing
        nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
        said_to = re.search(r"[a-zåäö],\s+[A-ZÅÄÖ][a-zåäö]+\s*[.!]?$", u.text)
        if (said_to and u.speaker != self._leader() and not self._settled_by_others(u)) or (
            nxt is not None and nxt.turn == u.turn and re.match(r"^noterat\b", nxt.low)
        ):
            return False  # a member's "Inga elprylar, Rolf." nobody takes up; "Inga gula. Noterat.": advice noted
        if not content_words(np_low) and not negative:
            return False
        if negative and (self.hypothetical(u) or _NO_ONE_VERB.match(np_low)):
            return False  # "Ingen stjäl en trasmatta från ett bibliotek.": how people are, no rule
        if _DAY_ONLY.match(np_low) and any(
            v.speaker != u.speaker and (personal_commitment(v.low) or re.match(r"^(?:ja\b[\s,.]*)?jag\b", v.low))
            for v in self._window(u, back=4)
        ):
            return False  # "Jag tar den. Jag har inga elever på fredag förmiddag." - "Fredag, då.": the task's day
        if negative and previous is not None and previous.turn == u.turn and cues.NO_TO_ONE.match(previous.text):
            # "Nej, Sune. Inget elstängsel.": the member's suggestion turned down, no rule made
            self._add_open(capitalise(strip_tail(u.text).rstrip(" .!")), "Förslaget avslogs", [previous, u], 0.6)
            self.used.add(u.idx)
            return True
        refused = [v for v in self._window(u, back=3) if v.turn == u.turn and cues.REJECTED.search(v.low)]
        if negative and any(not cues.NEGATIVE_DECISION.search(v.low) for v in refused):
            return False  # "Det blir inte så. Absolut inte. Ingen hund.": a proposal turned down, not a rule made
        topic = negative.group("x") if negative else np_low
        wide = bool(negative or m.group("so"))
        if not self._raised(u, topic, others_only=not wide, back=8 if wide else 4):
            return False  # "Hundarna då.": a matter opened, not closed
        nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
        if (
            nxt is not None
            and nxt.turn == u.turn
            and nxt.is_question
            and not self._named_person(nxt.low.split()[0])
            and not self._is_call(nxt)
        ):
            return False  # "Mobilerna på lägret då. Ska vi samla in dem?": the matter opened for talk
        if any(self._settles(v) for v in self.utts[u.idx + 1 : u.idx + 5]):
            return False  # settled explicitly a little later: that sentence is the decision
        if self._stated_next(u, topic):
            return False  # "Okej, okej. Tolvan då." - "Då gör vi dräneringen på tolvan i år": the next turn states it
        said = u.text[m.start("np") : m.end("np")].strip(" ,")
        more = self._bare_named(u, said)
        if more is None:
            return False
        text, after = more
        self._add_decision(text, u, [u, *after], 0.6, WHY)
        self.used.update(v.idx for v in [u, *after])
        return True

    def _settled_by_others(self, u: Utt) -> bool:
        """Another speaker takes a member's close up in the next two turns ('Ja.', 'Precis.', 'Så gör vi.')."""
        return any(
            v.speaker != u.speaker and (_ASSENT_REPLY.match(v.low) or self._settles(v))
            for v in next_turns(self.utts, u)
        )

    def _proper(self, word: str) -> bool:
        """A name: written with a capital inside a sentence somewhere in the meeting and never without one, or
        said with a surname ('Elin Sundqvist först.')."""
        inside = [w for v in self.utts for w in re.findall(r"[\w-]+", v.text)[1:] if w.lower() == word.lower()]
        if inside and all(w[:1].isupper() for w in inside):
            return True
        full = re.compile(rf"\b{re.escape(capitalise(word))}\s+[A-ZÅÄÖ][a-zåäö]{{2,}}\b")
        return not inside and any(full.search(v.text) for v in self.utts)

    def _bare_named(self, u: Utt, said: str) -> tuple[str, list[Utt]] | None:
        """A name said alone ('Elin alltså.') is the winner only with what the turn says of it ('Hon får det.'),
        and the others' yes after it is its evidence; a thing said alone stands as it is."""
        nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
        if not (len(said.split()) <= 2 and self._proper(said.split()[0])):
            return capitalise(said) + ".", []
        if nxt is None or nxt.turn != u.turn or not (m := _OF_NAME.match(nxt.low)):
            return None  # "Elin." alone: a name, no matter
        yes = [v for v in self.utts[nxt.idx + 1 : nxt.idx + 4] if v.speaker != u.speaker and _ASSENT_REPLY.match(v.low)]
        return f"{said} {nxt.text[m.start('rest') :].strip().rstrip('.!')}.", [nxt, *yes]

    def unsettled(self, u: Utt) -> bool:
        """A plan-like sentence that settles nothing: a consequence ('Då tappar vi turisterna') or one the
        speaker goes on to put off in the same turn."""
        m = _WE_DIRECT.match(u.low) or _WE_INVERTED.match(u.low)
        return (m is not None and m.group("v") in _CONSEQUENCE) or self._put_off_after(u)

    def colon_items(self, rest: str) -> list[str]:
        """'vi står på julmarknaden, vi står inte vakt på nyår, och Karin bokar lokalen' -> the items the group
        decided, as one decision (a protokoll states them together); an item with a person as its doer is a task
        (the action rules read it), no decision."""
        out: list[str] = []
        for item in (x.strip() for x in re.split(r",\s*(?:och\s+)?|\s+och\s+(?=vi\s)", rest)):
            words = item.split()
            first = (words[:1] or [""])[0].lower()
            named = item[:1].isupper() and len(words) > 1 and action_verb(words[1])  # "Per skickar inbjudan"
            if not item or first in ("jag", "du", "han", "hon", "hen") or self._named_person(first) or named:
                continue
            out.append(item)
        return [", ".join(out)] if out else []

    # ------------------------------------------------------------------ context
    @staticmethod
    def _settles(v: Utt) -> bool:
        """A sentence that settles a matter in words: 'Då är det beslutat', 'Då beslutar stämman att ...'."""
        said = cues.CONFIRMATION.search(v.low) or re.search(r"\bbeslut\s*[,:]", v.low)  # "skriv: beslut, ..."
        return bool(said or any(p.search(v.low) for _, p in cues.DECISION_WITH_CONTENT))

    def _after_others(self, u: Utt) -> bool:
        """Someone else spoke just before: the sentence may close what they discussed."""
        return any(v.speaker != u.speaker for v in self._window(u, back=6))

    def _stated_next(self, u: Utt, topic: str) -> bool:
        """A member gives in ('Okej, okej. Tolvan då.') and the next speaker states the outcome on the matter."""
        turn = [v for v in self._window(u, back=3) if v.turn == u.turn]
        if not any(re.match(r"^(?:okej|ok|ja)\b", v.low) for v in [*turn, u]):
            return False
        nxt = next((v for v in self.utts[u.idx + 1 : u.idx + 4] if v.turn != u.turn), None)
        if nxt is None or nxt.speaker == u.speaker or nxt.is_question:
            return False
        if not re.match(r"^(?:då|bra|okej|så)\b", nxt.low):
            return False
        said = " ".join(v.text for v in self.utts[nxt.idx : nxt.idx + 2] if v.turn == nxt.turn and not v.is_question)
        return _overlap(stems(topic), stems(said))

    def _raised(self, u: Utt, what: str, others_only: bool = True, back: int = 8) -> bool:
        """The matter was spoken of in the sentences before (by someone else, unless said otherwise)."""
        topic = stems(what)
        if not topic:
            return False
        window = [v for v in self._window(u, back=back) if v.speaker != u.speaker or not others_only]
        if any(_overlap(topic, stems(v.text)) for v in window):
            return True
        return self.robust and any(misheard_match(what, u, v) for v in window)

    def _put_off_after(self, u: Utt) -> bool:
        """'Då tappar vi turisterna ... Jag vill fundera på det. Vi tar det efter sommaren.': not settled."""
        after = [v for v in self.utts[u.idx + 1 : u.idx + 3] if v.turn == u.turn]
        return any(cues.UNDECIDED.search(v.low) or _PUT_OFF.search(v.low) for v in after)

    def _elaboration(self, u: Utt) -> list[Utt]:
        """'Okej, vi låter den vara. Femton procent som förut.': a verbless sentence that details the decision."""
        nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
        if nxt is None or nxt.turn != u.turn or nxt.is_question:
            return []
        if not content_words(nxt.text) and not cues.NEG.match(nxt.low):
            return []  # "Inte till nio." says something, "Bra." does not
        words = re.findall(r"[\w-]+", _NEXT_PERIOD.sub("", nxt.low))
        if not words or any(w in _CLAUSE_WORDS for w in words) or words[0] in ("och", "eller"):
            return []  # a clause of its own, "Och X?" opening the next matter
        if self._named_person(words[0]):
            return []  # a task for someone
        return [nxt]

    def _with_elaboration(self, text: str, u: Utt) -> str:
        more = self._elaboration(u)
        return f"{text.rstrip('.')}: {strip_tail(more[0].text).rstrip(' .!')}." if more else text

    def _referent(self, u: Utt, verb: str) -> str | None:
        """What 'den'/'det' stands for: the object of the same verb said before ('för att vi arrangerar
        juniortävlingen?'), the subject of the sentence before in the turn ('Sammanslagningen är död.'),
        or the matter announced on its own ('Provisionen.')."""
        window = self._window(u, back=8)
        for v in window:  # "Någon som har något emot kursen som Mohammed beskriver?"
            m = re.search(r"\bemot\s+(?P<x>(?!det\b|den\b|detta\b)[^?]{4,})\?", v.low)
            if m and v.is_question and content_words(m.group("x")):
                return v.text[m.start("x") : m.end("x")].strip()
        for v in window:
            m = re.search(rf"\b{re.escape(verb[:-1])}\w*\s+(?P<x>(?!(?:det|den|dem|inte|vi|jag)\b)[^,.?!]+)", v.low)
            if m and content_words(m.group("x")):
                return v.text[m.start("x") : m.end("x")].strip()
        for v in window:  # "Och övernattningen i kyrkan i april, blir den av?"
            m = _NAMED_THEN_PRONOUN.match(v.low)
            if m and content_words(m.group("x")):
                return v.text[m.start("x") : m.end("x")].strip()
        prev = self.utts[u.idx - 1] if u.idx else None
        if prev is not None and prev.turn == u.turn:
            m = _DEFINITE_SUBJECT.match(prev.low)
            if m:
                return m.group("x")
        for v in window:
            m = re.match(r"^(?:(?:och|sen|sedan|så)\s+)?(?P<x>[\w -]{3,40}?)\s*[.?]?$", v.low)
            if m and len(m.group("x").split()) <= 4 and content_words(m.group("x")) and not self._named_person(v.low):
                if re.match(r"(?:vem|vad|hur|när|var|varför|vilken|vilket|vilka)\b", m.group("x")):
                    continue  # "Vem betalar?": a question asked, not the thing "den" stands for
                said = v.text[m.start("x") : m.end("x")].strip()
                if re.match(r"(?:den|det)\s+[a-zåäö]+(?:ar|er|ör|år)\b", said.lower()):
                    return f"{said.split()[0].lower()} som {said.split(' ', 1)[1]}"  # "den som kostar ..."
                return said if self._proper(said.split()[0]) else said[:1].lower() + said[1:]
        return None

    def _offered(self, u: Utt) -> str | None:
        """The offer a 'Vi tackar nej.' answers: 'Spelbolaget Lyckohjulet vill köpa reklam ...'."""
        for v in self._window(u, back=10):
            if v.speaker != u.speaker and _OFFER.search(v.low) and not v.is_question:
                return strip_tail(v.text).rstrip(" .!")
        return None
