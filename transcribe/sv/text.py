"""Swedish words: sentences, tokens, stems, stopwords and how much two texts share.

Two kinds of stem serve two purposes. `stem` is Snowball's, used within one meeting.
`match_stem` also drops the definite "-an" Snowball keeps ("skolan" stays while
"skolorna" becomes "skol"), so the same topic meets across meetings; with it, stems are
compared with a prefix rule ("sammanställ" ~ "sammanställning").

Two stopword lists likewise: `stopwords` (the stop-words package and spoken fillers) for
what a passage says, `topic_stopwords` (also procedure, dates and clock words) for what
a series of meetings talks about.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib.resources import files

import snowballstemmer
from stop_words import get_stop_words
from wordfreq import zipf_frequency

from transcribe.sv.calendar import MONTH_NAMES, WEEKDAY_NAMES
from transcribe.sv.numbers import is_compound

_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=\S)")
# Abbreviations whose dot never ends a sentence ("t.ex. Anna", "kl. 18.30", "ca. tio").
_ABBREVIATIONS = frozenset(
    """t.ex. bl.a. p.g.a. pga. d.v.s. dvs. s.k. sk. kl. ca. resp. jfr. enl. ang. f.d. fd. t.o.m. fr.o.m. o.d.
    i.st.f. istf. m.a.o. mao. nr. tel. fig. kap. prof. dir. ordf. sekr. vs.""".split()
)
# These close a list, and often the sentence with it ("… papper osv. Sedan …"): a capital after ends it.
_LIST_ENDS = frozenset("o.s.v. osv. m.m. etc. m.fl. mfl. o.dyl.".split())
_LONGEST_ABBREVIATION = max(len(a) for a in _ABBREVIATIONS | _LIST_ENDS) + 1  # with an opening quote
# Letters between dots ("E.S.", "U.S.A."): a person's initials or a name in letters, which may
# close a clause ("en flicka i sjuan, E.S. Hon har …") or stand inside one ("med E.S. när hon …").
_DOTTED = re.compile(r"^(?:[^\W\d_]{1,3}\.){2,}$")
# "A. Berg", but also "alternativ A. Fyra röster."; "I", "Å", "Ö" and "E" are words of their own.
_INITIAL = re.compile(r"^[A-DF-HJ-ZÄ]\.$")
EVERYDAY_ZIPF = 5.0  # wordfreq Zipf: about once per 100 000 words ("fyra", "kolla"); surnames lie below
_TOKEN = re.compile(r"[0-9a-zåäöéü]+(?:[-:][0-9a-zåäöéü]+)*", re.IGNORECASE)
_WORD = re.compile(r"[0-9a-zåäöéü]+(?:-[0-9a-zåäöéü]+)*", re.IGNORECASE)  # "NTI:s" -> "nti", "s"
# Meeting talk that carries no topic: fillers, procedure, reporting verbs, dates and clock words.
_TOPIC_STOP = frozenset(
    """ja jaha jo nej nä mm mhm hm hmm öh eh äh alltså liksom typ väl ju nog ok okej precis absolut exakt visst
    självklart faktiskt egentligen tycker tror tänker känns känner menar sa vet undrar ser tar ta låter håller
    fortfarande jätte väldigt ganska hela ändå förstås möte mötet mötets möten gång gången gånger punkt punkten
    sak saker grej hej tack allihop klockan halv kvart vecka veckan""".split()
) | frozenset([*MONTH_NAMES, *WEEKDAY_NAMES, *(f"{d}en" for d in WEEKDAY_NAMES)])
MIN_PREFIX = 5  # two match stems this long that are prefix-related count as one word


def ends_sentence(word: str, next_word: str, *, cased: bool = True) -> bool:
    """Whether `word`'s final punctuation ends the sentence, given the word after it.

    A dot after an abbreviation ("t.ex.", "kl.", "ca.") never does; after "osv." or letters between
    dots ("E.S.") only when a capital follows; after a capital letter only when the next word is no
    name ("A. Berg" goes on, "alternativ A. Fyra." and "trapphus B. Det …" end). `cased`: whether
    the text writes capitals at all.
    """
    if not word or word[-1] not in ".!?":
        return False
    if word[-1] != "." or (len(word) > _LONGEST_ABBREVIATION and "." not in word[:-1]):
        return True
    bare = word.lstrip("\"'(«”“")
    low = bare.lower()
    if low in _ABBREVIATIONS:
        return False
    if low in _LIST_ENDS or _DOTTED.match(bare):
        return next_word[:1].isupper() or not cased
    if _INITIAL.match(bare) and next_word[:1].isupper():
        follower = next_word.lower().strip(".,;:!?\"'»”")
        return follower in stopwords() or zipf_frequency(follower, "sv") >= EVERYDAY_ZIPF
    return True


def sentences(text: str) -> list[str]:
    """Split on sentence punctuation, not at abbreviations; ASR output without punctuation stays one sentence.

    In text without capitals (lower-cased for matching) a capital cannot tell, so only the fixed
    abbreviations hold a sentence together there.
    """
    parts = [p.strip() for p in _SENT_SPLIT.split(text.strip())]
    cased = text != text.lower()
    out: list[str] = []
    for part in parts:
        if not part:
            continue
        if out and not ends_sentence(out[-1].rsplit(None, 1)[-1], part.split(None, 1)[0], cased=cased):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def tokens(text: str) -> list[str]:
    """Lower-case words; "14:30", "NTI:s" and "bank-id" stay one token."""
    return [t.lower() for t in _TOKEN.findall(text)]


def word_tokens(text: str) -> list[str]:
    """Lower-case words, split at a colon ("NTI:s" -> "nti", "s"), as topics are matched across meetings."""
    return [t.lower() for t in _WORD.findall(text)]


def data_lines(name: str) -> list[str]:
    """Non-comment lines of a bundled Swedish word list (transcribe/sv/data)."""
    text = files("transcribe.sv").joinpath("data", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def library_stopwords() -> frozenset[str]:
    """The stop-words package's Swedish list."""
    return frozenset(get_stop_words("swedish"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return library_stopwords() | frozenset(data_lines("fillers_sv.txt"))


@lru_cache(maxsize=1)
def topic_stopwords() -> frozenset[str]:
    return library_stopwords() | _TOPIC_STOP


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("swedish")


@lru_cache(maxsize=50000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


@lru_cache(maxsize=8192)
def match_stem(word: str) -> str:
    """Snowball stem, plus the definite "-an" Snowball keeps (skolan -> skol)."""
    s = stem(word)
    if len(s) > 5 and s.endswith("an"):
        s = s[:-2]
    return s


def content_words(text: str) -> list[str]:
    """Tokens worth clustering on: no stopwords, fillers, digits or very short words."""
    stop = stopwords()
    return [t for t in tokens(text) if t not in stop and len(t) > 2 and not t[0].isdigit()]


def stems(text: str) -> set[str]:
    """The stems of a text's content words: two sentences on one matter share some, however each bends them."""
    return {stem(w) for w in content_words(text)}


def topic_tokens(text: str) -> list[str]:
    """Words that can name a topic across meetings: no meeting talk, dates, digits or number words."""
    stop = topic_stopwords()
    return [t for t in word_tokens(text) if t not in stop and len(t) > 2 and not t[0].isdigit() and not is_compound(t)]


def topic_stems(text: str) -> list[str]:
    return [match_stem(t) for t in topic_tokens(text)]


def capitalise(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def finish_sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip().rstrip(",;: ")
    if text and text[-1] not in ".!?":
        text += "."
    return capitalise(text)


# --------------------------------------------------------------------------- similarity


def dice(a: Iterable[str], b: Iterable[str]) -> float:
    """Dice coefficient of two sets of stems; two empty sets are alike (1.0)."""
    sa, sb = set(a), set(b)
    return 2 * len(sa & sb) / (len(sa) + len(sb)) if sa or sb else 1.0


def containment(a: Iterable[str], b: Iterable[str]) -> float:
    """Share of the smaller set found in the other (0 when either is empty)."""
    sa, sb = set(a), set(b)
    return len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0


def related(a: str, b: str) -> bool:
    """Same match stem, or one a prefix of the other and both long enough to mean it."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= MIN_PREFIX and long_.startswith(short)


def shared_stems(a: Iterable[str], b: Iterable[str]) -> set[str]:
    """Stems of `a` that have a related stem in `b`."""
    bs = set(b)
    return {x for x in set(a) if any(related(x, y) for y in bs)}


class StemIndex:
    """BM25 over match-stemmed documents; scores are normalised by the query's self-score to 0..1."""

    def __init__(self, docs: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.docs = [list(d) for d in docs]
        self.k1, self.b = k1, b
        self.n = len(self.docs)
        self.avgdl = (sum(len(d) for d in self.docs) / self.n) if self.n else 1.0
        df: dict[str, int] = {}
        for d in self.docs:
            for s in set(d):
                df[s] = df.get(s, 0) + 1
        self.df = df

    def idf(self, term: str) -> float:
        n_t = self.df.get(term, 0)
        return math.log(1 + (self.n - n_t + 0.5) / (n_t + 0.5))

    def _tf(self, doc: Sequence[str], term: str) -> int:
        return sum(1 for s in doc if related(s, term))

    def score(self, query: Sequence[str], i: int) -> float:
        doc = self.docs[i]
        dl = len(doc) or 1
        total = 0.0
        for term in set(query):
            tf = self._tf(doc, term)
            if tf:
                total += self.idf(term) * tf * (self.k1 + 1) / (tf + self.k1 * (1 - self.b + self.b * dl / self.avgdl))
        return total

    def scores(self, query: Sequence[str]) -> list[float]:
        """BM25 of every document, divided by the best a document could reach (all terms, tf=1)."""
        ceiling = sum(self.idf(t) for t in set(query)) or 1.0
        return [min(1.0, self.score(query, i) / ceiling) for i in range(self.n)]
