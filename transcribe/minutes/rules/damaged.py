"""The chair's settling sentence damaged inside its own turn, read back from the proposal it echoes.

A chair who settles a matter repeats the proposal's verb: "Jag tycker inte vi ska ta in fler ..." - "Då tar vi
inte in några nya medlemmar ...", "Så vi skriver att ...?" - "Då skriver vi det." Under recognition errors the
verb of the settling sentence is often lost ("Då vi inte in några nya ...") or heard as a word that is no verb
("Då <lov> vi inte in ..."), and its closing "det" heard as another short word ("Då skriver vi <på>."). The
grammar shows the damage: after a fronted "då" a Swedish main clause needs its finite verb before "vi", and a
chair's echo ends with its object. The turns before show what was lost: the proposal with the same verb and the
same word after it. Each repair is kept with the sentence, so the decision read from it is flagged "Kontrollera
mot ljudet"; a proposal said with "inte" never lends its verb to a settling sentence heard without one.
"""

from __future__ import annotations

from collections.abc import Iterable

from transcribe.minutes.fuzzy import NEGATIONS, Repair, known_word
from transcribe.minutes.phrasing import to_infinitive
from transcribe.minutes.rules.cueframes import TOKEN, after_lead, infinitive, present_tense
from transcribe.minutes.rules.damagedchoice import choice_repair
from transcribe.minutes.rules.damagedproposal import answering_ja, names_of, proposal_slip, proposer_jag
from transcribe.minutes.rules.damagedverb import heard_verb, unheard_verb
from transcribe.minutes.rules.lostwe import lost_we, then_head
from transcribe.minutes.rules.othersaying import repair_misspelt
from transcribe.minutes.rules.utterances import Utt
from transcribe.sv.text import content_words

_LEAD = frozenset("ja okej ok bra precis absolut nej".split())
_MODALS = frozenset("ska skulle kan kunde borde bör vill måste får att".split())
_PERSONS = frozenset("jag du ni han hon hen de dom man vi".split())
_BACK = 6  # sentences before the settling one in which the proposal is looked for


def _finite(word: str) -> bool:
    return len(word) >= 3 and word.endswith("r") or word in ("är", "har", "var")


def _verb_before(low: str, word: str, negated: bool) -> str | None:
    """In a proposal, the verb straight before `word` (its infinitive after a modal or "att", or a present
    tense after "vi"), in the present tense; None when the proposal says "inte" before the verb and the settling
    sentence (`negated`) does not: "Jag tycker inte vi ska ta in fler" lends "tar" only to "Då vi inte in ..."."""
    toks = [t.group(0).lower() for t in TOKEN.finditer(low)]
    for j in range(1, len(toks) - 1):
        if toks[j + 1] != word:
            continue
        verb, before = toks[j], toks[max(0, j - 3) : j]
        if infinitive(verb) and any(w in _MODALS for w in before):
            present = present_tense(verb)
        elif _finite(verb) and before[-1:] == ["vi"] and known_word(verb):
            present = verb
        else:
            continue
        if present is None or (not negated and NEGATIONS & set(toks[:j])):
            return None
        return present
    return None


def _proposals(utts: list[Utt], u: Utt) -> list[Utt]:
    """The sentences before `u` in which the matter it settles was proposed, nearest first."""
    return [v for v in reversed(utts[max(0, u.idx - _BACK) : u.idx]) if u.start - v.end <= 150]


def _lost_verb(utts: list[Utt], u: Utt) -> tuple[str, list[Repair]] | None:
    """'Då vi inte in några nya medlemmar ...', 'Då <lov> vi inte in ...': the chair's "då" and "vi" with no finite
    verb between them, the word after "vi" (or after its "inte") no verb either; the verb is the one a proposal
    just before said before that same word ("... vi ska ta in fler ...")."""
    head = then_head(u, _LEAD)
    if head is None:
        return None
    toks, lows, k = head
    slot = lows[k + 1]
    we = k + 1 if slot == "vi" else k + 2
    if we != k + 1 and not (slot in u.unsure and not _finite(slot) and slot not in NEGATIONS | _PERSONS
                            and not infinitive(slot) and lows[we] == "vi"):  # fmt: skip
        return None
    after = we + 1 + (lows[we + 1] == "inte")
    if after >= len(lows) or _finite(lows[after]) or not content_words(" ".join(lows[after:])):
        return None  # "Då vi kom hem": "då" as "when", its verb after the subject
    for v in _proposals(utts, u):
        present = _verb_before(v.low, lows[after], after > we + 1)
        if present is None:
            continue
        heard = u.text[toks[k].start() : toks[we].end()]
        start, end = (toks[k + 1].start(), toks[k + 1].end()) if we != k + 1 else (toks[we].start(),) * 2
        fixed = u.text[:start] + present + (" " if we == k + 1 else "") + u.text[end:]
        meant = f"{lows[k]} {present} vi"
        return fixed, [Repair(heard if we != k + 1 else "", meant if we != k + 1 else present, "formula")]
    return None


def _lost_object(utts: list[Utt], u: Utt) -> tuple[str, list[Repair]] | None:
    """'Då skriver vi <på>.' after 'Så vi skriver att barn under tio ...?': the chair's echo of the proposal's verb,
    its closing "det" heard as another short word the recogniser was unsure of."""
    if u.is_question:
        return None
    toks, lows, k = after_lead(u.text, _LEAD)
    if len(lows) != k + 4 or lows[k] not in ("då", "så") or lows[k + 2] != "vi" or not _finite(lows[k + 1]):
        return None
    verb, last = lows[k + 1], lows[k + 3]
    if last in ("det", "så") or last not in u.unsure or len(last) > 3 or last in NEGATIONS | _PERSONS:
        return None
    stem = to_infinitive(verb)
    for v in _proposals(utts, u):
        words = [t.group(0).lower() for t in TOKEN.finditer(v.low)]
        if len(content_words(v.low)) >= 3 and (verb in words or stem in words):
            t = toks[k + 3]
            return u.text[: t.start()] + "det" + u.text[t.end() :], [Repair(t.group(0), "det", "formula")]
    return None


def repair_turns(utts: list[Utt], people: Iterable[str] = ()) -> None:
    """Each settling sentence damaged in its own turn read as meant from the proposal before it (see above); the
    repair is added to the sentence's own, so what is read from it is flagged. `people`: the participants' names
    (never read as a misheard word)."""
    names = names_of(utts, people)
    repair_misspelt(utts, names)  # a word bent into no word, read back from another saying of it first
    for u in utts:
        if any(r.kind != "saying" for r in u.repairs):
            continue
        found = choice_repair(u) or _lost_verb(utts, u) or _lost_object(utts, u) or lost_we(utts, u)
        found = found or heard_verb(utts, u)
        found = found or unheard_verb(utts, u) or proposer_jag(u, names) or answering_ja(utts, u, names)
        found = found or proposal_slip(u)
        if found is not None:
            u.text, u.low = found[0], found[0].lower()
            u.repairs = [*u.repairs, *found[1]]
