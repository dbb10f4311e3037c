"""The verb of the group's statement heard as a near miss, read back from the meeting's own words.

A chair settles a matter with the group's verb where Swedish puts it, straight after a sentence-first "vi" or
between a fronted "då"/"så" and "vi": "Ja, vi behåller kortläsaren.", "Då köper vi Transportern ...", "Vi bygger
ingen padelbana." The recogniser often hears that verb one or two letters off, as a word that is no verb ("vi
<båller> kortläsaren", "vi <bygge> ingen padelbana", "<köpär> vi"), and the rules, which read the group's plan
by its verb, see none. The meeting itself said the verb shortly before, as a proposal or in the talk ("Jag tycker
vi behåller kortet.", "Ska vi bygga en padelbana?"): a heard word the recogniser was unsure of, in the verb's
place, that no verb is and that is spelled or sounds like a verb said in the sentences just before, is read as
that verb in the present tense, and what is read from the sentence is flagged ("<heard>" lästes som "<verb>").
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from transcribe.minutes.fuzzy import NEGATIONS, Repair, known_word, phonetic_key
from transcribe.minutes.rules.cueframes import TOKEN, after_lead, infinitive, present_tense
from transcribe.minutes.rules.lostwe import talked_about
from transcribe.minutes.rules.utterances import Utt

_LEAD = frozenset("ja okej ok bra precis absolut nej och men".split())
_MODALS = frozenset("ska skulle kan kunde borde bör vill måste får att".split())
_PRESENT = re.compile(r"^[a-zåäö]{2,}(?:ar|er|ör|yr|år|r)$")
# Verbs that say nothing the group does: never lent to a misheard word.
_NOT_LENT = frozenset("är har var kan ska vill får måste tycker tror vet ser hör säger heter finns kommer går".split())
_BACK = 12  # sentences before in which the verb was said
_SIMILAR = 0.6  # normalised edit similarity between the heard word and the verb


def said_verbs(utts: list[Utt], u: Utt) -> dict[str, int]:
    """The verbs said in the sentences before `u`, in the present tense, with how near each was (higher nearer):
    a present after "vi"/"jag" or a modal, an infinitive after a modal or "att"."""
    out: dict[str, int] = {}
    for n, v in enumerate(utts[max(0, u.idx - _BACK) : u.idx]):
        toks = [t.group(0).lower() for t in TOKEN.finditer(v.low)]
        for j in range(1, len(toks)):
            w, before = toks[j], toks[j - 1]
            if before in _MODALS and infinitive(w):
                present = present_tense(w)
            elif before in ("vi", "jag", "man", "då", "så") and _PRESENT.match(w) and known_word(w):
                present = w
            else:
                continue
            if present and present not in _NOT_LENT and w not in v.unsure:
                out[present] = n
    return out


def verb_slot(u: Utt) -> tuple[list[re.Match[str]], int] | None:
    """Where the group's verb stands: after a sentence-first "vi", or between a fronted "då"/"så" and "vi"."""
    if u.is_question:
        return None
    toks, lows, k = after_lead(u.text, _LEAD)
    if k + 2 >= len(lows):
        return None
    if lows[k] == "vi":
        return toks, k + 1
    if lows[k] in ("då", "så") and lows[k + 2] == "vi":
        return toks, k + 1
    return None


def heard_verb(utts: list[Utt], u: Utt) -> tuple[str, list[Repair]] | None:
    """'Ja, vi <båller> kortläsaren.' after 'Jag tycker vi behåller kortet.' -> 'Ja, vi behåller kortläsaren.'."""
    found = verb_slot(u)
    if found is None:
        return None
    toks, at = found
    word = toks[at].group(0).lower()
    if word not in u.unsure or len(word) < 4 or word in NEGATIONS:
        return None
    if _PRESENT.match(word) and known_word(word):
        return None  # a verb as heard: said so
    said = said_verbs(utts, u)
    near = [(Levenshtein.normalized_similarity(word, v), n, v) for v, n in said.items()]
    near = [x for x in near if x[0] >= _SIMILAR or (len(word) >= 5 and phonetic_key(word) == phonetic_key(x[2]))]
    if not near:
        return None
    near.sort(reverse=True)
    if len(near) > 1 and near[1][0] == near[0][0]:
        return None  # two verbs as near: no telling which
    verb = near[0][2]
    t = toks[at]
    return f"{u.text[: t.start()]}{verb}{u.text[t.end() :]}", [Repair(t.group(0), verb, "formula")]


# Short words the recogniser puts where a word was lost, and verbs that close nothing (never read as lost).
_VERBS_AS_HEARD = frozenset(
    "sa var fick tog gav såg kom gick blev hade ses hörs syns ska kan får vill bör har är gör tar går ger ser står "
    "jag inte".split()
)
# Words that never stand as the finite verb between the chair's "då" and "vi": a preposition, an article, a
# conjunction, "det"/"den" ("Då <med> vi handpenning på ...", "Då <det> vi en cykelrensning ..."). Heard there, surely
# or not, the verb was lost under them: the grammar shows it whatever the recogniser's probability ("så om", "så att"
# open clauses of their own and are left out; a person's pronoun heard surely may be someone addressed: as said).
_NO_VERB = frozenset("i på med till av för från mot vid en ett det den och men".split())
# A verb's particle may open the matter after the group only when a proposal lends the verb it goes with ("Jag
# föreslår att vi tar in två svetsare" - "Då <och> vi in två svetsare ...").
_PARTICLES = frozenset("in ut upp ner bort hem över om av".split())
_NOT_AN_OBJECT = frozenset("i på med till om för av från mot vid åt in ut upp ner bort hem över under inte att "
                           "och men så då nu också bara det den dem där här sen".split())  # fmt: skip


def _lent(utts: list[Utt], u: Utt, rest: list[str]) -> str | None:
    """The verb a proposal just before said in front of the close's first two words ("Jag föreslår att vi byter
    filten på alla åtta" for "Då <-byter> vi alla åtta"), in the present tense."""
    for v in reversed(utts[max(0, u.idx - 6) : u.idx]):
        toks = [t.group(0).lower() for t in TOKEN.finditer(v.low)]
        for j in range(len(toks) - 1):
            if toks[j : j + 2] != rest[:2]:
                continue
            for n in range(j - 1, max(0, j - 4) - 1, -1):
                w, before = toks[n], toks[n - 1] if n else ""
                asked = before == "vi" and n >= 2 and toks[n - 2] in _MODALS  # "Ska vi söka ett bord?"
                present = present_tense(w) if (before in _MODALS or asked) and infinitive(w) else w if (
                    before in ("vi", "jag") and _PRESENT.match(w) and known_word(w)) else None  # fmt: skip
                if present and present not in _NOT_LENT:
                    return None if NEGATIONS & set(toks[:n]) else present
    return None


def unheard_verb(utts: list[Utt], u: Utt) -> tuple[str, list[Repair]] | None:
    """'Då <-kör> vi gröt ...' heard as 'Då ni gröt på morgnarna.', 'Då <du> vi Bergmans litografi ...': the chair's
    verb lost between "då" and the group ("vi", or "ni" as the recogniser hears it) or heard as a word that is no
    verb, before the matter others just spoke of; read as the verb a proposal just before said in front of the
    same words, else as the chair's everyday "kör" ("Då kör vi gröt på morgnarna."). Never with a negation."""
    if u.is_question:
        return None
    toks, lows, k = after_lead(u.text, _LEAD)
    if k + 2 >= len(lows) or lows[k] not in ("då", "så"):
        return None
    swapped = False  # a verb heard as another, the proposal's verb before the same words lent
    if lows[k + 1] in ("vi", "ni"):
        we = k + 1  # the verb lost
    elif lows[k + 2] in ("vi", "ni") and lows[k + 1] in _NO_VERB:
        we = k + 2  # heard as a word that can be no verb
    elif lows[k + 2] in ("vi", "ni") and lows[k + 1] in u.unsure and lows[k + 1] not in _VERBS_AS_HEARD and not (
            _PRESENT.match(lows[k + 1]) and known_word(lows[k + 1])):  # fmt: skip
        we = k + 2  # heard as a word that is no verb
    elif lows[k + 2] in ("vi", "ni") and lows[k + 1] in u.unsure and _lent(utts, u, lows[k + 3 :]) not in (
            None, lows[k + 1]):  # fmt: skip
        # a verb heard as another, unsure, where a proposal said its own before the same words
        we, swapped = k + 2, True
    else:
        return None
    rest = lows[we + 1 :]
    particle = bool(rest) and rest[0] in _PARTICLES and len(rest) > 1
    if not rest or (rest[0] in _NOT_AN_OBJECT and not particle) or len(rest) > 8 + 8 * swapped or NEGATIONS & set(lows):
        return None
    if infinitive(rest[0]) or (_PRESENT.match(rest[0]) and known_word(rest[0])):
        return None  # "Då <kanske> vi köper ...": a verb of its own after the group
    said = u.text[toks[we + 1].start() :]
    if not talked_about(utts, u, said):
        return None
    verb = _lent(utts, u, rest)
    if particle and verb is None:
        return None  # "Då <i> vi in ...": no verb said before with that particle
    if verb is None and lows[k + 1] not in _NO_VERB and not {lows[k], lows[k + 1], lows[we], rest[0]} & u.unsure:
        return None  # no proposal lends the verb, and nothing heard unsure beside the gap: said so
    verb = verb or "kör"
    start, end = toks[k + 1].start(), toks[we].end()
    fixed = f"{u.text[:start]}{verb} vi{u.text[end:]}"
    heard = u.text[start:end]
    return fixed, [Repair("", verb, "formula") if heard == "vi" else Repair(heard, f"{verb} vi", "formula")]
