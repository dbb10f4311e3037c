"""Negation safety: a decision must never come out confidently inverted because an "inte" was lost.

A recogniser drops short function words most easily, and "inte" is one. A decision read
without its negation looks perfectly well formed, so the text alone cannot tell; the
passage around it can. These checks give a reason to check the audio when:

* the decision clause holds a word that normally needs a negation ("att anordna något
  sommarläger", "heller", "alls", "längre");
* the passage around it argues against the same thing ("vi har inte hittat några ledare",
  "jag vill inte byta"), so the decision may have been a refusal;
* the decision cue itself was repaired from a misheard word (low word probabilities right
  around the decision verb are checked by transcribe/confidence/items.py);
* the same decision is stated both with and without a negation.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from transcribe.minutes import cues
from transcribe.minutes.fuzzy import known_word, lost_negation_hint
from transcribe.minutes.model import REVIEW_PREFIX
from transcribe.minutes.rules.utterances import Utt, stems
from transcribe.sv.calendar import MONTHS, WEEKDAYS
from transcribe.sv.numbers import CARDINALS, ORDINALS
from transcribe.sv.text import stem

PREFIX = REVIEW_PREFIX
_AGAINST = (cues.NEG, cues.REJECTED, cues.HEDGE, cues.UNDECIDED)
_CUE_KINDS = frozenset({"decision", "split"})


def negative(text: str) -> bool:
    return bool(cues.NEG.search(text.lower()))


def polarity_conflict(a: str, b: str) -> bool:
    """The same decision said once with and once without a negation."""
    return negative(a) != negative(b)


_DATE_STEMS = frozenset(stem(w) for w in [*MONTHS, *WEEKDAYS, *ORDINALS, *CARDINALS, "klockan", "vecka", "veckan"])
_NOT_AGAINST = re.compile(r"\binte\s+(?:bara|minst|enbart|endast)\b|\bvarför\s+inte\b")
# Who takes part, not what is decided: the board that does not vote on its own discharge ("Styrelsens ledamöter
# röstar inte.", "… har inte deltagit i beslutet"), one who is away ("Revisorn är inte här i kväll", "kunde inte komma")
_WHO_TAKES_PART = re.compile(
    r"\b(?:röstar|deltar|deltog|röstade)\s+inte(?=\s*(?:$|[.,;!]|i\s+(?:beslutet|omröstningen)))"
    r"|\binte\s+(?:deltagit|röstat|deltar|röstar)\s+i\s+(?:beslutet|omröstningen)"
    r"|\b(?:är|var)\s+inte\s+(?:här|på\s+plats|närvarande)\b|\b(?:kunde|kan|hann|ville)\s+inte\s+komma\b"
)
# A negation only inside a clause that gives a reason, a purpose or a description ("…, annars hinner vi inte
# planera", "så att ingen behöver stå utanför", "nycklar som vi inte vet vem som har") says why something is done,
# not that it is refused; a refusal negates its main clause ("Det går inte, eftersom …"). A condition ("om grannarna
# inte klagar") may be what was decided against, so it still counts.
_SUBCLAUSE = re.compile(
    r"\b(?:annars|så\s+att|för\s+att|eftersom|därför\s+att|när|innan|tills|utan\s+att|som)\b[^,.;:!?]*"
)
_BARE_NO = re.compile(r"^\W*nej(?:\W+(?:nej|tack))?\W*$")
# "Några frågor? Nej.", "Finns det andra förslag? – Inga.": none to a question asking whether there is any
_NONE = re.compile(r"^\W*(?:nej|nä|inga|ingen|inget|ingenting)(?:\W+(?:nej|tack))?\W*$")
_ANY_ASKED = re.compile(
    r"^\W*(?:\w+,\s+)?(?:(?:och|men|så)\s+)?(?:några|något|någon|fler|finns\s+det|är\s+det\s+någon|"
    r"har\s+(?:någon|ni|du)\s+(?:några|något|någon|fler|mer)|frågor|synpunkter|kommentarer|invändningar)\b"
)
# "Nej, det vet jag.", "Nej, jag förstår.": agreeing with something negative just said, no refusal
# "Några invändningar? Nej.", "Några andra förslag? – Nej.": a "no" to a call for objections is assent
_OBJECTIONS_ASKED = re.compile(
    r"\b(?:några|någon|inga|ingen|något)\s+(?:\w+\s+)?(?:invändningar|invändning|förslag|synpunkter|emot|annan|annat)"
    r"|\bnågon\s+som\s+(?:är\s+)?(?:emot|invänder|har\s+invändningar)|\bnågot\s+mer\b"
)
_KNOWN_NO = re.compile(r"^\W*nej\W+(?:(?:det|jag)\s+)?(?:vet|förstår|hör|håller\s+med)(?:\s+jag)?\b")
# Words that need a negation before them in the same clause: "vi tar emot fler uppdrag förrän fakturorna är
# betalda" lost the "inte" of "inte ... förrän"; "ens" and "någonsin" likewise.
_NPI_CLAUSE = re.compile(r"\b(?:förrän|ens|någonsin)\b")
# A change decided, and the speaker's next words keep things as they are ("vi höjer <inte> gränsen. Den ligger kvar
# på tvåhundra."): the change contradicts its own turn.
_CHANGE = re.compile(
    r"\b(?:höj|sänk|ök|minsk|ändr|byt|flytt|förläng|förkort|utök|inför|stäng|avveckl|lägg\w*\s+ner|ta\w*\s+bort)"
    r"[a-zåäö]*\b"
)
_UNCHANGED = re.compile(
    r"\b(?:ligger|står|blir|är|finns|får\s+vara)\s+kvar\b|\boförändrad\w*|\bsom\s+(?:i\s+dag|idag|förut|tidigare)\b"
    r"|\bbehåller\s+vi\b|\bvi\s+behåller\b"
)
# "Ingen invänder?", "Någon emot?": the call for objections by its verb, the word before it the one that matters
_CALL_SLOT = re.compile(r"^\W*(?P<q>[a-zåäö]+)\s+(?:som\s+)?(?:invänder|emot|har\s+invändningar)\b")
# Leaving something out: a proposal to skip what the decision then states plainly ("Jag tycker vi hoppar över
# det digitala" - "Då blir det så, <inget> digitalt möte")
_DROPS = re.compile(
    r"\b(?:hoppa\w*\s+över|stryk\w*|stryka|ställ\w*\s+in|slopa\w*|skippa\w*|avstå\w*\s+från|låt\w*\s+bli|"
    r"lägg\w*\s+ner|avveckla\w*|strunta\w*\s+i|ta\s+bort|tar\s+bort|struk\w*)\b"
)
_SUGGESTED = re.compile(r"\b(?:föreslår|förslag\w*|tycker|vi)\b")
# "röstar <nej> till förslaget": a vote is for or against, and the word that said which was lost
_VOTE_LOST = re.compile(r"\brösta\w*\s+(?!ja\b|nej\b|för\b|emot\b|på\b|om\b|igenom\b|blankt\b)\w+\s+till\b")
# What an answer to a call for objections sounds like; a short reply with none of it was not heard as said
_ANSWER = re.compile(
    r"\b(?:nej|nä|nix|nope|ja|jo|japp|inga|ingen|inget|okej|ok|bra|kör|absolut|visst|tyst|mm|instämmer|bifall|"
    r"emot|invänd\w*|förslag|håller|gärna|självklart)\b"
)


def _topic(text: str) -> set[str]:
    """What the sentence is about: its content stems, dates and numbers left out."""
    return {s for s in stems(text) if len(s) >= 4 and s not in _DATE_STEMS}


def _same(x: str, y: str) -> bool:
    """The same word or the same root of a compound: six letters in common ('semesterönskemål' / 'sommarsemest')."""
    if x == y:
        return True
    if min(len(x), len(y)) < 6:
        return False
    m = SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y))
    return m.size >= 6


def _overlap(a: set[str], b: set[str]) -> bool:
    """Shared topic, compounds and derivations included ('uppgradera' / 'uppgradering', 'läkemedelsrum')."""
    return any(_same(x, y) for x in a for y in b)


def shared_topic(a: str, b: str) -> int:
    """How many topic words the two share, counted on the side with more ('semesterönskemålen' is two)."""
    ta, tb = _topic(a), _topic(b)
    return max(sum(any(_same(x, y) for y in tb) for x in ta), sum(any(_same(y, x) for x in ta) for y in tb))


def _against(low: str) -> bool:
    """A refusal, a negation or a hedge ('inte bara', 'inte minst' are neither)."""
    if _KNOWN_NO.match(low) and not cues.NEG.search(low[4:]):
        return False
    low = _WHO_TAKES_PART.sub(" ", _NOT_AGAINST.sub(" ", low))
    if cues.NEG.search(_SUBCLAUSE.sub(" ", low)):
        return True
    return any(rx.search(low) for rx in _AGAINST if rx is not cues.NEG)


def _needs_negation(body: str) -> str | None:
    """The word of the decision that normally needs a negation before it, when none is there."""
    if lost_negation_hint(body):
        return "något/några/heller"
    vote = _VOTE_LOST.search(body)
    if vote is not None:
        return vote.group(0)
    m = _NPI_CLAUSE.search(body)
    if m and not cues.NEG.search(body[: m.start()]):
        return m.group(0)
    return None


def _kept_as_is(text: str, own: list[Utt], nearby: list[Utt]) -> Utt | None:
    """The sentence right after the decision, in the same turn, that keeps unchanged what the decision changes."""
    if not _CHANGE.search(text.lower()) or not own:
        return None
    stated = max(own, key=lambda u: u.idx)
    after = [v for v in nearby if v.turn == stated.turn and 0 < v.idx - stated.idx <= 1]
    return next((v for v in after if _UNCHANGED.search(v.low) and not cues.NEG.search(v.low)), None)


def _unheard_answer(own: list[Utt], nearby: list[Utt]) -> str | None:
    """The call for objections the decision rests on, whose answer was not heard: a short reply that answers
    nothing ("Några invändningar? Dritt."), or none at all after a call that lost its question mark."""
    if not own:
        return None
    first, last = min(u.idx for u in own), max(u.idx for u in own)
    by_idx = {v.idx: v for v in nearby}
    for v in nearby:  # the call before the decision, or just after it ("… behörigen kallad. Någon som invänder?")
        if not (first - 3 <= v.idx <= last + 1):
            continue
        slot = _CALL_SLOT.search(v.low)
        if slot is not None and (v.uncertain(slot.group("q")) or not known_word(slot.group("q"))):
            return v.text  # "<Inken> invänder?": the call itself not heard whole
        if not _OBJECTIONS_ASKED.search(v.low):
            continue
        reply = by_idx.get(v.idx + 1)
        # a call that lost its question mark asks whether there are any; "Ingen säger emot.", "Jag hör inga
        # invändningar.", "Inga synpunkter." state that there are none: the answer, heard
        unanswered = reply is None or reply.idx in {u.idx for u in own}
        if not v.low.rstrip().endswith("?") and not cues.NEG.search(v.low) and unanswered:
            return v.text
        words = re.findall(r"\w+", reply.low) if reply is not None else []
        if reply is not None and reply.idx not in {u.idx for u in own} and len(words) <= 2:
            if not _ANSWER.search(reply.low):
                return f"{v.text} {reply.text}"
    return None


def _proposed_dropped(text: str, own: list[Utt], nearby: list[Utt]) -> str | None:
    """A proposal, just before, to leave out what the decision states plainly, with no word of leaving out."""
    if _DROPS.search(text.lower()) or not own:
        return None
    first, last, topic = min(u.idx for u in own), max(u.idx for u in own), _topic(text)
    for v in nearby:  # the proposal may be part of the decision's own evidence, before the words that settled it
        if first - 3 <= v.idx < last and _SUGGESTED.search(v.low) and _DROPS.search(v.low):
            if _overlap(topic, _topic(v.low[_DROPS.search(v.low).end() :])):
                return v.text if len(v.text) <= 70 else v.text[:67] + "…"
    return None


def doubt(text: str, own: list[Utt], nearby: list[Utt]) -> str | None:
    """Why this (positive) decision may be an inverted refusal; None when nothing suggests it."""
    if negative(text):
        return None
    body = re.sub(r"^\S+\s+(?:beslutade|enades\s+om|sade)\s+", "", text.lower())
    word = _needs_negation(body)
    if word is not None:
        return PREFIX + f'beslutet innehåller "{word}" utan nekande – ett "inte" kan ha fallit bort'
    kept = _kept_as_is(text, own, nearby)
    if kept is not None:
        return PREFIX + f'samma tur säger att allt blir som förut ("{kept.text}") – ett "inte" kan ha fallit bort'
    unheard = _unheard_answer(own, nearby)
    if unheard is not None:
        return PREFIX + f'svaret på frågan om invändningar hördes inte ("{unheard}")'
    dropped = _proposed_dropped(text, own, nearby)
    if dropped is not None:
        return PREFIX + f'förslaget var att avstå ("{dropped}") – ett "inte/inget" kan ha fallit bort'
    for u in own:
        repaired = [r for r in u.repairs if r.kind in _CUE_KINDS]
        if repaired:
            return PREFIX + f"beslutsordet hördes otydligt ({repaired[0].describe()})"
    topic = _topic(text)
    own_ids = {u.idx for u in own}
    stated = max(own, key=lambda u: u.idx) if own else None
    # "Nej. Vi har inte folk. Jag föreslår att ... Är alla med?" - "Ja." - "Då är det beslutat.": a bare "Nej" just
    # before the proposal counts as much as one before the last words that settled it
    saying = [u for u in own if u is not stated and _overlap(topic, _topic(u.text))]
    asked = {v.idx + 1 for v in nearby if v.is_question and _OBJECTIONS_ASKED.search(v.low)}
    any_asked = {v.idx + 1 for v in nearby if v.is_question and _ANY_ASKED.match(v.low)}
    for v in nearby:
        if v.idx in own_ids or v.is_question or (v.idx in asked and _BARE_NO.match(v.low)):
            continue
        if v.idx in any_asked and _NONE.match(v.low):  # "there are none" to a call for more, not a refusal
            continue
        # "Nej. Jag föreslår att vi säger nej. Styrelsen beslutar att godkänna ...": a refusal just before, same turn
        adjacent = stated is not None and v.turn == stated.turn and 0 < stated.idx - v.idx <= 2
        if _BARE_NO.match(v.low) and any(v.turn == u.turn and 0 < u.idx - v.idx <= 2 for u in saying):
            adjacent = True
        if _against(v.low) and (adjacent or _overlap(topic, _topic(v.text))):
            quote = v.text if len(v.text) <= 70 else v.text[:67] + "…"
            return PREFIX + f'samtalet runt beslutet talar emot det ("{quote}") – ett "inte" kan ha fallit bort'
    return None
