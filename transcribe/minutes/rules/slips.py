"""Commitment words read as meant: the "jag", the "det" and the task verb a recogniser misheard.

A task rests on three short words ("jag skickar det"), and they are the ones a recogniser
slips on: "jeg", "ded", "byder". The decision rules get their cue words repaired in fuzzy.py;
this does the same for commitments, on a view of the sentence the action rules read. A word
is changed only where a commitment expects it (a subject before a verb, a pronoun object
before "jag", a verb after "jag") and only when it is no ordinary Swedish word or the
recogniser was unsure of it, so a true transcript reads as it was said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from transcribe.minutes import cues
from transcribe.minutes.fuzzy import Repair, known_word
from transcribe.minutes.phrasing import is_present_verb, to_infinitive
from transcribe.minutes.rules.nextheard import may_have_been

_TOKEN = re.compile(r"[A-Za-zÅÄÖåäöÉé-]+")
_MODAL = frozenset({"ska", "kan", "får", "måste"})
_PRONOUNS = frozenset({"det", "den", "dem"})
_ANAPHOR_VERBS = frozenset({"gör", "tar", "fixar", "ordnar", "sköter", "kollar", "löser"})
_ANAPHOR_INFINITIVES = frozenset({"göra", "ta", "fixa", "ordna", "sköta", "kolla", "lösa"})
_SUBJECTS = frozenset("jag vi ni du de dom han hon man det den dem detta vem någon alla sen sedan då så".split())
_REPLY = frozenset({"ja", "jo", "okej", "absolut", "visst", "bra", "tack", "och", "men"})
_TIME_WORDS = frozenset({"senast", "till", "på", "i", "innan", "före", "nu", "direkt", "efter", "imorgon", "idag"})
# Function words a task verb may follow without being one: never read as a verb.
_NOT_VERB = frozenset({"ska", "kan", "har", "är", "var", "får", "vill", "måste", "inte", "också", "gärna", "bara",
                       "nog", "då", "så", "det", "den", "dem", "och", "att", "i", "på", "till", "med"})  # fmt: skip


@lru_cache(maxsize=1)
def _verb_forms() -> dict[str, str]:
    """Present and infinitive forms of the task verbs -> infinitive ("skickar", "skicka", "byter" -> "byta")."""
    heads = set(cues.ACTION_VERBS) | {p.split()[0] for p in cues.PARTICLE_VERBS}
    forms: dict[str, str] = {}
    for inf in heads:
        forms[inf] = inf
        forms[inf + "r"] = inf  # skickar
        if inf.endswith("a"):
            forms[inf[:-1] + "er"] = inf  # byter, köper
    return forms


def tolerant_verb(word: str, min_ratio: float = 0.75) -> str | None:
    """The task verb a misheard word most likely was, in the heard form's tense ("byder" -> "byter")."""
    w = word.lower()
    forms = _verb_forms()
    if w in forms or len(w) < 4:
        return w if w in forms else None
    hit = process.extractOne(w, tuple(forms), scorer=Levenshtein.normalized_similarity, score_cutoff=min_ratio)
    return hit[0] if hit else None


def _slip(word: str, unsure: frozenset[str]) -> bool:
    """A word that may be misheard: unknown to Swedish, or one the recogniser was unsure of."""
    return word in unsure or not known_word(word)


def _jag_slip(word: str, unsure: frozenset[str]) -> bool:
    """'jeg', 'jak', 'jön' before a verb: a slip of "jag" (one letter off, or a "j" word no Swedish has)."""
    near = Levenshtein.distance(word, "jag") <= 1 or (len(word) == 3 and word[0] == "j" and not known_word(word))
    return word not in ("ja", "jag", "jo") and 2 <= len(word) <= 4 and near and _slip(word, unsure)


# Words that are no clause's first part on their own: a statement opened by one and then its verb ("<Med> gör
# inbjudan …", "<Att> reserverar tio exemplar …") lost the subject they were heard for (Swedish puts one part,
# never a bare preposition or conjunction, before the verb)
_NO_CONSTITUENT = frozenset({"med", "att", "för", "av", "om", "till", "på", "i", "från", "hos", "åt", "mot", "som"})


def _task_verb(word: str) -> bool:
    """A task verb in the present ("gör", "reserverar"), not a plural noun that looks like one ("fredagar")."""
    return word in ("gör", "tar") or to_infinitive(word) in _verb_forms()


def _jag_heard_as(word: str, nxt: str, keep: frozenset[str], after: str = "") -> bool:
    """'<Johan> ringer henne i morgon', '<Är> sätter upp en skylt', '<Med> reserverar tio exemplar': a clause-first
    word the recogniser has been seen to make of "jag", or one that cannot stand alone before a verb (never a
    participant's name, never "en", which opens "En tar kaffet, en tar bullarna") before a present-tense verb that
    is no auxiliary."""
    return (
        word not in keep
        and word not in ("en", "jag")
        and ("jag" in may_have_been(word) or (word in _NO_CONSTITUENT and after not in _SUBJECTS and _task_verb(nxt)))
        and is_present_verb(nxt)
        and nxt not in _NOT_VERB
        and nxt not in ("heter", "kommer", "tror", "tycker", "vet")
    )


def _subject_slip(lows: list[str], i: int, unsure: frozenset[str], keep: frozenset[str]) -> bool:
    """'<misheard> tar det.': a word the recogniser was unsure of (or no Swedish word) where a subject stands,
    before an anaphor task verb ("tar", "kan ta") and its pronoun object, with nothing or a time after."""
    if i >= len(lows) or lows[i] in _SUBJECTS or lows[i] in keep or not _slip(lows[i], unsure):
        return False
    k = i + 1
    if k < len(lows) and lows[k] in _MODAL:
        k += 1
        verb_ok = k < len(lows) and lows[k] in _ANAPHOR_INFINITIVES
    else:
        verb_ok = k < len(lows) and lows[k] in _ANAPHOR_VERBS
    if not verb_ok or k + 1 >= len(lows) or lows[k + 1] not in _PRONOUNS:
        return False
    return k + 2 == len(lows) or lows[k + 2] in _TIME_WORDS


def read_commitment(text: str, unsure: Iterable[str] = (), keep: Iterable[str] = ()) -> tuple[str, list[Repair]]:
    """The sentence with its misheard commitment words put right, and the repairs made (none: text unchanged).

    `keep`: words never read as a slip (the participants' names: "Lisa tar det" is Lisa's task)."""
    unsure = frozenset(w.lower() for w in unsure)
    keep = frozenset(w.lower() for w in keep)
    toks = list(_TOKEN.finditer(text))
    lows = [m.group(0).lower() for m in toks]
    out = [m.group(0) for m in toks]
    repairs: list[Repair] = []

    def put(i: int, meant: str, kind: str) -> None:
        shown = meant.capitalize() if out[i][:1].isupper() else meant
        repairs.append(Repair(out[i], shown, kind))
        out[i], lows[i] = shown, meant

    for i, low in enumerate(lows):
        nxt = lows[i + 1] if i + 1 < len(lows) else ""
        prev = lows[i - 1] if i else ""
        # "jeg skickar", "tar jeg": a subject slip next to a verb
        if _jag_slip(low, unsure) and (is_present_verb(nxt) or nxt in _MODAL or is_present_verb(prev)):
            put(i, "jag", "commit")
        # "ded gör jag", "ja, dät tar jag": the object before an inverted "jag"
        elif (
            low not in _PRONOUNS
            and _slip(low, unsure)
            and Levenshtein.distance(low, "det") <= 1
            and is_present_verb(nxt)
            and i + 2 < len(lows)
            and lows[i + 2] == "jag"
        ):
            put(i, "det", "commit")
    # "Jon tar det.", "<?> kan ta den på torsdag": the subject before an anaphor task verb was misheard
    for i0 in (0, 1) if len(lows) > 1 and lows[0] in _REPLY else (0,):
        if _subject_slip(lows, i0, unsure, keep) or (
            i0 + 1 < len(lows)
            and _jag_heard_as(lows[i0], lows[i0 + 1], keep, lows[i0 + 2] if i0 + 2 < len(lows) else "")
        ):
            put(i0, "jag", "commit")
            break
    # "Det gör." / "Ja, det tar.": a fronted object and its verb, the sentence ends: the "jag" was lost
    if (
        len(lows) >= 2
        and lows[-2] in _PRONOUNS
        and lows[-1] in _ANAPHOR_VERBS
        and (len(lows) == 2 or lows[-3] in ("ja", "jo", "okej", "absolut", "visst"))
        and re.search(r"[.!]\s*$", text)
    ):
        out[-1] += " jag"
        repairs.append(Repair("", "jag", "commit"))
    for i, low in enumerate(lows):
        prev = lows[i - 1] if i else ""
        prev2 = lows[i - 2] if i > 1 else ""
        after_jag = prev == "jag" or (prev in _MODAL and prev2 == "jag")
        # a verb is repaired only when it is no Swedish word at all: "heter" stays "heter" however unsure
        if not after_jag or low in _NOT_VERB or low in _verb_forms() or known_word(low):
            continue
        nxt = lows[i + 1] if i + 1 < len(lows) else ""
        if prev == "jag" and _verb_forms().get(nxt) == nxt:  # "jag <?> köpa blommorna": a lost "ska"/"kan"
            put(i, "", "commit")
            continue
        hit = tolerant_verb(low)
        if hit is not None and to_infinitive(hit) != to_infinitive(low):
            put(i, hit if prev not in _MODAL else _verb_forms()[hit], "commit")
    if not repairs:
        return text, []
    pieces, pos = [], 0
    for m, new in zip(toks, out, strict=True):
        pieces += [text[pos : m.start()], new]
        pos = m.end()
    pieces.append(text[pos:])
    return re.sub(r"\s{2,}", " ", "".join(pieces)).strip(), repairs
