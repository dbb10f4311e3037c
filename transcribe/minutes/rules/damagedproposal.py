"""The proposer's "jag" misheard at the head of a proposal, read back from the grammar.

A chair often settles what a member just proposed ("Jag tycker vi sätter kodlås på grinden ..." - "Om ingen
säger något så sätter vi kodlås ..."), and the rules that read the close look back for the proposal by its head:
"jag tycker", "jag föreslår", "då vill jag att". The recogniser often hears that short "jag" as a name or a word
that is none ("<Jön> tycker vi ...", "Då vill <johan> att den som ..."), and the proposal, and with it the close,
is lost. The grammar shows the slip: before a verb of proposing or thinking with the group or an "att" after it,
or between the fronted "då"/"så" and such a verb and its "att", only a subject stands, and a word that is no
Swedish word, or a name nobody in the meeting has, heard unsure, is no subject. Then "jag" is put back and what is
read from the sentence is flagged ("<heard>" lästes som "jag"). A participant's own name ("Johan tycker vi ...")
and an everyday word heard surely are read as said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein

from transcribe.minutes.fuzzy import NEGATIONS, Repair, known_word
from transcribe.minutes.rules.cueframes import TOKEN, after_lead
from transcribe.minutes.rules.utterances import Utt, stems

_LEAD = frozenset("ja okej ok bra precis nej och men alltså".split())
# Verbs whose subject in a proposal is the speaker: "Jag tycker vi ...", "Jag föreslår att ...".
_PROPOSING = frozenset("tycker föreslår tänkte vill skulle menar anser".split())
# What must follow the verb for the sentence to be a proposal to the group ("vi", "att", "inte att", "nog att").
_AFTER = frozenset("vi att".split())
# Words the recogniser most often hears for "jag" (errors learned from the real recogniser): names and short words.
_HEARD_FOR_JAG = frozenset("jön jon johan jak jeg ja-".split())
_NEGATED = NEGATIONS | {"nej"}
_SUBJECTS = frozenset("jag vi ni du han hon hen de dom man det den alla ingen någon nån".split())


def _jag_slip(word: str, unsure: frozenset[str], names: set[str]) -> bool:
    """A heard word that cannot be the subject it stands for: unsure, and no Swedish word or a name nobody has."""
    if word in _SUBJECTS or word in names or word not in unsure:
        return False
    if word in _HEARD_FOR_JAG:
        return True
    return 2 <= len(word) <= 5 and Levenshtein.distance(word, "jag") <= 2 and not known_word(word)


def _proposal_follows(lows: list[str], at: int) -> bool:
    """After the verb at `at`: the group or an "att" within two words ("tycker vi", "tycker inte att")."""
    return any(w in _AFTER for w in lows[at + 1 : at + 3])


def proposer_jag(u: Utt, names: set[str]) -> tuple[str, list[Repair]] | None:
    """'<Jön> tycker vi sätter kodlås ...' -> 'Jag tycker vi ...'; 'Då vill <johan> att ...' -> 'Då vill jag att'."""
    if u.is_question:
        return None
    toks, lows, k = after_lead(u.text, _LEAD)
    if k + 2 >= len(lows):
        return None
    if lows[k] in ("då", "så") and lows[k + 1] in _PROPOSING and k + 3 < len(lows) and lows[k + 3] == "att":
        at = k + 2  # "Då vill <johan> att ..."
    else:
        at = k + (lows[k] == "så")  # "<Jön> tycker vi ...", "Så <jön> tycker vi ..."
        if at + 2 >= len(lows) or lows[at + 1] not in _PROPOSING or not _proposal_follows(lows, at + 1):
            # "... deras beslut, och <johan> tycker vi tackar ...": the proposal as a clause after "och"/"men"
            at = next((j + 1 for j in range(k, len(lows) - 3) if lows[j] in ("och", "men")
                       and lows[j + 2] in _PROPOSING and _proposal_follows(lows, j + 2)), -1)  # fmt: skip
            if at < 0:
                return None
    if not _jag_slip(lows[at], u.unsure, names):
        return None
    t = toks[at]
    meant = "Jag" if t.start() == 0 or u.text[: t.start()].rstrip()[-1:] in ".!?" else "jag"
    return f"{u.text[: t.start()]}{meant}{u.text[t.end() :]}", [Repair(t.group(0), "jag", "formula")]


# What may stand between "jag tycker" and its "att"/"vi": the negation and the speaker's adverbs of stance.
_STANCE = frozenset(
    "inte nog också ju väl bara faktiskt verkligen ändå absolut personligen fortfarande kanske därför alltså helst "
    "definitivt gärna snarare egentligen bestämt starkt".split()
)
# Words that need a negation before them: "... lägga något anbud" lost the "inte" the slip stands for.
_NEEDS_NOT = frozenset("något några någon någonting heller längre alls ens".split())
_HEADS = frozenset("tycker föreslår tänkte menar anser".split())
# Words no clause after "att" opens with.
_NO_CLAUSE = frozenset("i på med till att och men så för av om".split())


def proposal_slip(u: Utt) -> tuple[str, list[Repair]] | None:
    """'Jag tycker <peter> att vi ska lägga något anbud.': a word heard unsure between the proposer's head and its
    "att"/"vi" that no stance word is was put there by the recogniser; read away, or read as the lost "inte" when the
    rest needs a negation and has none ("något anbud"). The proposal then reads as one, flagged."""
    if u.is_question:
        return None
    toks, lows, k = after_lead(u.text, _LEAD)
    if k + 4 >= len(lows) or lows[k] != "jag" or lows[k + 1] not in _HEADS or lows[k + 3] not in _AFTER:
        return None
    at = k + 2
    slip = lows[at]
    if slip in _STANCE or slip in _SUBJECTS or slip not in u.unsure:
        return None
    if lows[at + 1] == "att" and lows[at + 2] in _NO_CLAUSE:
        return None  # "... att i att, så att ...": no clause follows, the sentence is a burst
    if "," in u.text[toks[at - 1].end() : toks[at + 1].start()]:
        return None  # "Jag tycker, Peter, att ...": someone addressed
    rest = set(lows[at + 1 :])
    meant = "inte" if rest & _NEEDS_NOT and not rest & _NEGATED else ""
    t, nxt = toks[at], toks[at + 1]
    fixed = u.text[: t.start()] + (f"{meant} " if meant else "") + u.text[nxt.start() :]
    return fixed, [Repair(t.group(0), meant, "formula")]


def names_of(utts: list[Utt], people: Iterable[str] = ()) -> set[str]:
    """The lower-case parts of the participants' names, speakers' and `people` (never read as a misheard "jag")."""
    return {p.lower() for n in [*(u.name for u in utts if u.name), *people] for p in re.split(r"[\s-]+", n) if p}


def answering_ja(utts: list[Utt], u: Utt, names: set[str]) -> tuple[str, list[Repair]] | None:
    """'<Hitkan>, samma priser.' after 'Jag tycker samma priser som i gårdsbutiken.': a short reply whose first word,
    set off by a comma, is no Swedish word and nobody's name, heard unsure, and whose other words echo what another
    speaker said just before, opens with the answering "Ja" the recogniser misheard."""
    toks = list(TOKEN.finditer(u.text))
    if not 2 <= len(toks) <= 6 or u.is_question:
        return None
    first = toks[0]
    word = first.group(0).lower()
    if u.text[first.end() : first.end() + 1] != "," or word not in u.unsure or len(word) < 3:
        return None
    if word in names or word in _SUBJECTS or known_word(word):
        return None
    rest = u.text[toks[1].start() :]
    if not any(v.speaker != u.speaker and stems(rest) & stems(v.text) for v in utts[max(0, u.idx - 4) : u.idx]):
        return None
    return f"Ja{u.text[first.end() :]}", [Repair(first.group(0), "Ja", "formula")]
