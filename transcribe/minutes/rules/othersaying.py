"""A word heard misspelt, read back from another saying of it in the meeting.

A matter is said more than once: proposed, answered, closed, given as a task, summed up, and its words come back
in several turns. The recogniser damages each saying on its own, and one of its commonest slips bends a word a
letter or two into no word at all ("förlåssninen", "ungdosgruppen", "bnken", "Dåe"), unsure. The same word
heard whole in another turn, where the recogniser was sure of it, shows what was said: a word no Swedish has,
heard unsure, as near one of the meeting's surely heard words in spelling as a slip is (one letter in a short
word, a fifth of a long one) and nearer that than any other, is read as it, and what is read from the sentence is
flagged ('"bnken" lästes som "bänken"'). A word of Swedish is never changed (the recogniser's word may be right),
nor a participant's name, nor a negation added; a transcript without word probabilities is left as it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

from transcribe.minutes.fuzzy import NEGATIONS, Repair, known_word
from transcribe.minutes.rules.cueframes import TOKEN
from transcribe.minutes.rules.damagedverb import verb_slot
from transcribe.minutes.rules.utterances import Utt

_SURE = 0.8  # a word heard at least this sure is a saying to read others by
_LONG = 0.8  # normalised spelling similarity a longer slip keeps to its word
_SHORT = 4  # up to this many letters: only a letter doubled or added at the end ("Deet", "påe")
_ENDINGS = frozenset("a e s t n r en et er ar or na ns es as".split()) | {""}


_NEVER = NEGATIONS | {"nej", "ja", "jo"}  # an answer or a negation is never read into a sentence


def sure_words(utts: list[Utt]) -> dict[str, str]:
    """The meeting's words heard sure (lower case -> as written: a capital kept only for a word never written
    small and capitalised inside a sentence, a name's)."""
    small: set[str] = set()
    named: dict[str, str] = {}
    for u in utts:
        for seg in u.segs:
            words = seg.words or []
            for k, w in enumerate(words):
                word = w.text.strip(" .,!?;:\"'()")
                if w.probability < _SURE or not TOKEN.fullmatch(word or "-"):
                    continue
                inside = k > 0 and not words[k - 1].text.strip().endswith((".", "?", "!"))
                if word[:1].isupper() and inside:
                    named.setdefault(word.lower(), word)
                else:
                    small.add(word.lower())
    return {**{w: w for w in small}, **{low: w for low, w in named.items() if low not in small}}


def _bent(word: str, other: str) -> bool:
    """'glasyren' / 'glasyrer', 'packas' / 'packar': the same word with another ending, no slip."""
    n = 0
    while n < min(len(word), len(other)) and word[n] == other[n]:
        n += 1
    return n >= 4 and word[n:] in _ENDINGS and other[n:] in _ENDINGS


def _added(word: str, other: str) -> bool:
    """'Deet', 'ochh': a letter doubled; 'påe', 'vie': one added at the end (not an ending: 'gårdens')."""
    if len(word) != len(other) + 1:
        return False
    return (word[:-1] == other and not _bent(word, other)) or any(
        word[k] == word[k + 1] and word[:k] + word[k + 1 :] == other for k in range(len(word) - 1))  # fmt: skip


def _nearest(word: str, sure: dict[str, str]) -> str | None:
    """The one surely heard word `word` is a slip of (see the module), or None."""
    near = [w for w in sure if _added(word, w)]
    if len(near) == 1 and not any(len(w) == len(word) and Levenshtein.distance(word, w) == 1 for w in sure):
        return sure[near[0]]  # not "ded": "de" with a letter added, or "det" with one changed
    if len(word) <= _SHORT:
        return None
    hits = process.extract(word, list(sure), scorer=Levenshtein.normalized_similarity, score_cutoff=_LONG, limit=2)
    if not hits or (len(hits) > 1 and hits[1][1] == hits[0][1]) or _bent(word, hits[0][0]):
        return None
    if hits[0][0].endswith(word) or word.endswith(hits[0][0]):
        return None  # "bokningar" / "avbokningar": a compound's last part, a word of its own
    return sure[hits[0][0]]


def _slip(word: str, u: Utt, once: set[str]) -> bool:
    """No Swedish word, and doubted: unknown to Swedish altogether (or, a short word, rare) and heard unsure here or
    said nowhere else in the meeting. A rare word of Swedish ("kortar", "bokningar") may be right as heard."""
    unknown = zipf_frequency(word, "sv") == 0 or (len(word) <= _SHORT and not known_word(word))
    return unknown and (word in u.unsure or word in once)


def misspelt(u: Utt, sure: dict[str, str], people: set[str], once: set[str]) -> tuple[str, list[Repair]] | None:
    """`u` with each word it heard misspelt read back from the meeting's sure sayings (see the module); `once`: the
    words said only once in the meeting."""
    text, repairs, shift = u.text, [], 0
    slot = verb_slot(u)
    verb = slot[0][slot[1]].start() if slot else -1  # the group's verb: read from the verbs said (damagedverb.py)
    for tok in TOKEN.finditer(u.text):
        word = tok.group(0).lower()
        if tok.start() == verb or word in sure or word in people or len(word) < 3 or not _slip(word, u, once):
            continue
        meant = _nearest(word, sure)
        if meant is None or meant.lower() in _NEVER or meant.lower() in people:
            continue
        if tok.group(0)[:1].isupper():
            meant = meant[:1].upper() + meant[1:]
        a, b = tok.start() + shift, tok.end() + shift
        text = text[:a] + meant + text[b:]
        shift += len(meant) - (b - a)
        repairs.append(Repair(tok.group(0), meant, "saying"))
    return (text, repairs) if repairs else None


def repair_misspelt(utts: list[Utt], names: Iterable[str] = ()) -> None:
    """Each sentence's misspelt words read back from the meeting's sure sayings; the repairs are added to the
    sentence's own, so what is read from it is flagged. `names`: the participants' names' parts, lower case."""
    sure = sure_words(utts)
    people = set(names)
    said = Counter(t.group(0).lower() for u in utts for t in TOKEN.finditer(u.text))
    once = {w for w, n in said.items() if n == 1}
    for u in utts:
        found = misspelt(u, sure, people, once)
        if found is not None:
            u.text, u.low = found[0], found[0].lower()
            u.repairs = [*u.repairs, *found[1]]
