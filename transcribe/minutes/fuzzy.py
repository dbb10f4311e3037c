"""Tolerant matching of the words the minutes rules hinge on, for transcripts with recognition errors.

Whisper misspells exactly the words the rules need ("desember", "fjordonde",
"beslutte", "Jilmas") and glues others together ("tiondedecember"). Before the
rules run, each sentence is repaired towards a small lexicon: month and weekday
names, ordinals and clock words, decision and meeting cues, and the meeting's own
vocabulary (participants, series members, agenda terms). A repair needs both
similarity (edit distance, or an equal Swedish phonetic key) and a context that
expects that kind of word (a month after an ordinal, a decision verb after "vi"),
so ordinary words are left alone. Every repair is reported, so the item built on
it can be flagged for a check against the audio.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

from transcribe.minutes import cues
from transcribe.sv.calendar import MONTHS, WEEKDAYS
from transcribe.sv.numbers import CARDINALS, ORDINALS
from transcribe.sv.text import stopwords

KNOWN_ZIPF = 3.2  # wordfreq Zipf: about once per 600 000 words of Swedish text
_TOKEN = re.compile(r"[0-9A-Za-zÅÄÖåäöÉéÜü]+")

MONTH_WORDS = tuple(list(MONTHS)[:12])
WEEKDAY_WORDS = tuple(WEEKDAYS) + tuple(f"{d}en" for d in WEEKDAYS)
ORDINAL_WORDS = tuple(w for w in ORDINALS if " " not in w)
NUMBER_WORDS = tuple(w for w in CARDINALS if " " not in w)
CLOCK_WORDS = ("klockan", "halv", "kvart")
# Decision and meeting cues in the forms the rules look for (see cues.py).
DECISION_WORDS = (
    "beslutar",
    "beslutat",
    "beslutade",
    "besluta",
    "beslutades",
    "bestämmer",
    "bestämt",
    "bestämde",
    "bestämma",
    "överens",
    "enades",
    "enats",
    "klubbat",
    "klubbar",
    "godkänd",
    "godkänt",
    "godkända",
    "fastställd",
    "avslår",
    "styrelsen",
    "förslaget",
    "föreslår",
)
MEETING_WORDS = ("nästa", "möte", "mötet", "träffas", "senast", "sammanträde")
COMMIT_WORDS = ("skickar", "bokar", "ringer", "kontaktar", "sammanställer", "beställer", "undersöker", "informerar")
NEGATIONS = frozenset({"inte", "ej", "icke", "aldrig", "inget", "inga", "ingen", "ingenting"})
# Negative-polarity words: they normally need a negation; without one, an "inte" may have been lost.
NPI = re.compile(r"\b(?:heller|alls|längre|någonting|något|några|någon)\b")

_DET_SLIPS = frozenset({"dit", "ditt", "ded", "dett", "dé"})
_CONFIRM_VERBS = frozenset({"bestämmer", "beslutar", "bestämt", "beslutat", "kör", "vi", "gör", "klubbar", "säger"})
_JOINERS = frozenset({"och", "eller", "till", "med", "i", "på", "om", "för", "av", "klockan", "kl"})
_UNITS = frozenset({"dag", "dagar", "vecka", "veckor", "veckan", "månad", "månader", "år", "timme", "timmar"})
DAYPART_WORDS = ("förmiddagen", "eftermiddagen", "morgonen", "kvällen")


# "Då kör <ni> på det", "Då inför <ni> dubbelkontroll": after the chair's "Då <verb>" the subject is the meeting;
# "Då får ni kommentera" gives the others a turn, so modal and auxiliary verbs are left alone.
_NOT_CLOSING_VERBS = frozenset(
    "får fick kan kunde ska skulle vill måste bör borde behöver har hade är var blir blev går kommer brukar".split()
)
_LEAD_WORDS = frozenset("ja nej okej ok bra tack och men jo toppen".split())


def _chair_closing(before: list[str]) -> bool:
    """The words before a "ni" are the chair's inverted "Då <verb>" at the head of the sentence."""
    if len(before) < 2 or before[-2] not in ("då", "så") or any(w not in _LEAD_WORDS for w in before[:-2]):
        return False
    verb = before[-1]
    return bool(re.fullmatch(r"[a-zåäö]{2,}r", verb)) and verb not in _NOT_CLOSING_VERBS


def phonetic_key(word: str) -> str:
    """A rough Swedish sound key: spellings of the same sounds share a key ('sj/skj/stj', 'ck/k', 'e/ä')."""
    w = word.lower()
    for a, b in (
        ("skj", "X"),
        ("stj", "X"),
        ("sch", "X"),
        ("sj", "X"),
        ("sk", "SK"),
        ("tj", "C"),
        ("kj", "C"),
        ("ch", "X"),
        ("sh", "X"),
        ("gj", "J"),
        ("hj", "J"),
        ("dj", "J"),
        ("lj", "J"),
        ("ph", "f"),
        ("th", "t"),
        ("dt", "t"),
        ("ck", "k"),
        ("qu", "kv"),
        ("q", "k"),
        ("x", "ks"),
        ("z", "s"),
        ("w", "v"),
        ("rs", "S"),
        ("ng", "N"),
        ("gn", "Nn"),
    ):
        w = w.replace(a, b)
    w = re.sub(r"^k(?=[eiyäö])", "C", w)
    w = re.sub(r"^g(?=[eiyäö])", "J", w)
    w = re.sub(r"^y(?=[aeiouåäö])", "J", w)  # "Yilmaz" / "Jilmas"
    w = re.sub(r"c(?=[eiy])", "s", w).replace("c", "k").replace("j", "J")
    w = w.translate(str.maketrans({"å": "o", "u": "o", "ä": "e", "é": "e", "y": "i", "ö": "O", "ü": "i"}))
    w = re.sub(r"(?<=[^aeioO])h", "", w)
    w = re.sub(r"(.)\1+", r"\1", w)  # double letters
    w = re.sub(r"d$", "", w) if len(w) > 4 else w  # a soft final d ("godkänd"/"godkänn")
    return w


def similar(a: str, b: str, min_ratio: float = 0.8) -> bool:
    """Same word despite a recognition slip: close spelling, or the same sound key for longer words."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    if Levenshtein.normalized_similarity(a, b) >= min_ratio:
        return True
    return len(a) >= 5 and phonetic_key(a) == phonetic_key(b)


@dataclass(frozen=True)
class Repair:
    heard: str
    meant: str
    kind: str  # month, weekday, ordinal, number, clock, decision, meeting, name, term, split

    def describe(self) -> str:
        if not self.heard:
            return f'"{self.meant}" hördes inte och lades till'
        if not self.meant:
            return f'"{self.heard}" lästes bort'
        return f'"{self.heard}" lästes som "{self.meant}"'


@dataclass
class Lexicon:
    """The words worth repairing towards, by kind; `names` and `terms` come from the meeting's vocabulary."""

    names: dict[str, str] = field(default_factory=dict)  # lower-case name part -> display form
    terms: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_meeting(cls, names: Iterable[str] = (), vocabulary: Iterable[str] = ()) -> Lexicon:
        lex = cls()
        for full in [*names, *vocabulary]:
            for part in _TOKEN.findall(full or ""):
                if len(part) >= 3 and part[:1].isupper():
                    lex.names.setdefault(part.lower(), part)
                elif len(part) >= 6:
                    lex.terms.setdefault(part.lower(), part)
        return lex


# Swedish endings: a word that differs from a lexicon word only by these is an inflection, not a slip.
_ENDINGS = frozenset({"", "a", "e", "s", "t", "d", "n", "en", "et", "na", "ar", "er", "or", "de", "da", "des", "ade",
                      "as", "ens", "ets", "ns", "ts", "ande", "ende", "are", "re"})  # fmt: skip


def inflection(word: str, other: str) -> bool:
    """'godkänna' / 'godkända', 'måndags' / 'måndag': the same word bent, so nothing to repair."""
    n = len(os.path.commonprefix([word, other]))
    return n >= 4 and word[n:] in _ENDINGS and other[n:] in _ENDINGS


def _best(word: str, choices: tuple[str, ...], min_ratio: float) -> str | None:
    """The closest choice, if close enough by spelling or by sound (and not merely an inflection of it)."""
    if word in choices:
        return word
    if len(word) < 4:
        return None
    hit = process.extractOne(word, choices, scorer=Levenshtein.normalized_similarity, score_cutoff=min_ratio)
    if hit is None:
        key = phonetic_key(word)
        same = [c for c in choices if len(c) >= 5 and phonetic_key(c) == key]
        hit = (same[0], 0, 0) if len(same) == 1 else None
    if hit is None or inflection(word, hit[0]):
        return None
    return hit[0]


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """Everyday words that are never repaired (they are right as they stand)."""
    return stopwords() | frozenset(CARDINALS) | frozenset(ORDINALS) | frozenset(MONTHS) | frozenset(WEEKDAYS)


@lru_cache(maxsize=20000)
def known_word(word: str) -> bool:
    """An ordinary Swedish word (frequent in written Swedish): right as heard, never repaired."""
    return zipf_frequency(word, "sv") >= KNOWN_ZIPF


def _is_number(tok: str) -> bool:
    return tok.isdigit() or tok in CARDINALS or tok in ORDINALS


def _split(tok: str) -> tuple[str, str] | None:
    """'tiondedecember' -> ('tionde', 'december'); 'klockantio' -> ('klockan', 'tio')."""
    if len(tok) < 7:
        return None
    for i in range(3, len(tok) - 2):
        a, b = tok[:i], tok[i:]
        if a in ORDINALS and _best(b, MONTH_WORDS, 0.8):
            return a, _best(b, MONTH_WORDS, 0.8) or b
        if a == "den" and (b in ORDINALS or b.isdigit()):
            return a, b
        if a in ("klockan", "kl") and (b in CARDINALS or b.isdigit()):
            return a, b
        if a in WEEKDAY_WORDS and b in ("den",):
            return a, b
        if a in CARDINALS and b in MONTH_WORDS:
            return a, b
    return None


def repair_sentence(text: str, lex: Lexicon | None = None) -> tuple[str, list[Repair]]:
    """Repair the cue words of one sentence; returns the new text (same casing style) and the repairs made."""
    lex = lex or Lexicon()
    toks = list(_TOKEN.finditer(text))
    if not toks:
        return text, []
    words = [m.group(0) for m in toks]
    lows = [w.lower() for w in words]
    out = list(words)
    repairs: list[Repair] = []
    common = _common()

    def put(i: int, meant: str, kind: str) -> None:
        if meant.lower() == lows[i]:
            return
        shown = meant[:1].upper() + meant[1:] if words[i][:1].isupper() else meant
        repairs.append(Repair(words[i], shown, kind))
        out[i] = shown
        lows[i] = meant

    for i, low in enumerate(lows):
        if low.isdigit():
            continue
        prev = lows[i - 1] if i else ""
        nxt = lows[i + 1] if i + 1 < len(lows) else ""
        split = None if low in common else _split(low)
        if split:
            put(i, " ".join(split), "split")
            continue
        # "den fjortonde januari <?> två": the clock word between a date and an hour was misheard
        if (
            prev in MONTH_WORDS
            and (nxt in ("halv", "kvart") or CARDINALS.get(nxt, 99) <= 12)
            and low not in _JOINERS
            and low not in CLOCK_WORDS  # "februari, halv tolv" is a clock time already
        ):
            put(i, "klockan", "clock")
            continue
        # "då är dit beslutat", "bestämmer vi dit": "det" heard as "dit" is the commonest slip (errormodel.json)
        prev2 = lows[i - 2] if i > 1 else ""
        if low in _DET_SLIPS and (nxt in DECISION_WORDS or (prev in ("vi", "på") and prev2 in _CONFIRM_VERBS)):
            put(i, "det", "decision")
            continue
        # "ni beslutar": the recogniser hears "vi" as "ni" often (errormodel.json); a meeting decides as "vi"
        if low == "ni" and (nxt in DECISION_WORDS or prev in DECISION_WORDS or _chair_closing(lows[:i])):
            put(i, "vi", "decision")
            continue
        # "onsdag om två <han>": after a weekday, "om" and a count, only weeks make sense
        count = CARDINALS.get(prev, 0) if i >= 3 and lows[i - 2] == "om" and lows[i - 3] in WEEKDAY_WORDS else 0
        if 1 <= count <= 9 and low not in _UNITS:
            put(i, "vecka" if count == 1 else "veckor", "unit")
            continue
        if low in common or known_word(low):
            continue
        # "samma <riktet>": a word no one says after "samma" in a date is "tid"
        if prev == "samma":
            put(i, "tid", "clock")
            continue
        # "klockan åtta på <kvälen>": the part of the day decides the hour
        if prev == "på":
            hit = _best(low, DAYPART_WORDS, 0.8)
            if hit:
                put(i, hit, "clock")
                continue
        # "att" after a decision verb ("beslutar adt renovera")
        if prev in DECISION_WORDS and len(low) <= 3 and Levenshtein.distance(low, "att") == 1:
            put(i, "att", "att")
            continue
        # month after a number or ordinal ("fjortonde desember")
        if _is_number(prev) or prev in ("den",):
            hit = _best(low, MONTH_WORDS, 0.75)
            if hit:
                put(i, hit, "month")
                continue
        # ordinal after "den" or before a month
        if prev == "den" or nxt in MONTH_WORDS or _best(nxt, MONTH_WORDS, 0.75):
            hit = _best(low, ORDINAL_WORDS, 0.8)
            # "den <sedonde> september": between "den" and a month, a looser match will do
            after = lows[i + 1 : i + 3]
            if hit is None and prev == "den" and any(w in MONTH_WORDS for w in after):
                hit = _best(low, ORDINAL_WORDS, 0.75)
            if hit:
                put(i, hit, "ordinal")
                continue
        # weekday after a deadline preposition or before "den"
        if (
            prev in ("på", "senast", "till", "nästa", "i", "om", "före", "kommande", "sista")
            or nxt == "den"
            or (
                prev in ORDINAL_WORDS and nxt == "i"  # "första <tisdagän> i maj"
            )
        ):
            hit = _best(low, WEEKDAY_WORDS, 0.75)
            if hit:
                put(i, hit, "weekday")
                continue
        # "klockan" before a number, a number after "klockan"
        if _is_number(nxt) or nxt in ("halv", "kvart"):
            hit = _best(low, CLOCK_WORDS, 0.7)
            if hit:
                put(i, hit, "clock")
                continue
        if prev in ("klockan", "halv") or (prev in ("över", "i") and lows[i - 2] == "kvart"):
            hit = _best(low, NUMBER_WORDS, 0.75)
            if hit:
                put(i, hit, "number")
                continue
        # decision cues after a deciding body, or before "att"/"om"/"vi"
        if cues.is_body(prev) or nxt in ("att", "om", "vi") or prev in ("då", "så", "har", "är", "det", "alla"):
            hit = _best(low, DECISION_WORDS, 0.75)
            if hit:
                put(i, hit, "decision")
                continue
        if prev in ("nästa",) or nxt in ("möte", "mötet"):
            hit = _best(low, MEETING_WORDS, 0.75)
            if hit:
                put(i, hit, "meeting")
                continue
        if prev == "jag":
            hit = _best(low, COMMIT_WORDS, 0.8)
            if hit:
                put(i, hit, "commit")
                continue
        if lex.names and len(low) >= 4:
            hit = _best(low, tuple(lex.names), 0.8)
            if hit:
                put(i, lex.names[hit], "name")
                continue
        if lex.terms and len(low) >= 6:
            hit = _best(low, tuple(lex.terms), 0.85)
            if hit:
                put(i, lex.terms[hit], "term")
    if not repairs:
        return text, []
    pieces, pos = [], 0
    for m, new in zip(toks, out, strict=True):
        pieces.append(text[pos : m.start()])
        pieces.append(new)
        pos = m.end()
    pieces.append(text[pos:])
    return "".join(pieces), repairs


def lost_negation_hint(low: str) -> bool:
    """A negative-polarity word without a negation before it: 'vi anordnar något sommarläger' lost its 'inte'."""
    m = NPI.search(low)
    if not m:
        return False
    before = low[: m.start()]
    return not any(w in NEGATIONS for w in re.findall(r"\w+", before)) and not re.search(r"\b(?:om|för|i)\s*$", before)
