"""Swedish lexical matching across meetings: normalised stems and overlap scores.

Snowball leaves definite forms like "skolan" unstemmed while "skolorna" becomes
"skol"; matching across meetings needs both to meet, so stems are normalised a
little further and compared with a prefix rule ("sammanställ" ~ "sammanställning").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import snowballstemmer
from stop_words import get_stop_words

_TOKEN = re.compile(r"[0-9a-zåäöéü]+(?:-[0-9a-zåäöéü]+)*", re.IGNORECASE)
# Meeting talk that carries no topic: fillers, procedure, reporting verbs.
_EXTRA_STOP = frozenset(
    """ja jaha jo nej nä mm mhm hm hmm öh eh äh alltså liksom typ väl ju nog ok okej precis absolut exakt visst
    självklart faktiskt egentligen tycker tror tänker känns känner menar sa vet undrar ser tar ta låter håller
    fortfarande jätte väldigt ganska hela ändå förstås möte mötet mötets möten gång gången gånger punkt punkten
    sak saker grej hej tack allihop januari februari mars april maj juni juli augusti september oktober november
    december måndag tisdag onsdag torsdag fredag lördag söndag måndagen tisdagen onsdagen torsdagen fredagen
    lördagen söndagen klockan halv kvart vecka veckan""".split()
)
# Spoken dates and counts ("tjugosjätte", "hundratjugo") are not topics.
_NUMBER_WORD = re.compile(
    r"^(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio|hundra|tusen)+"
    r"(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|första|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde|"
    r"nde|de)?$"
)
MIN_PREFIX = 5  # two stems this long that are prefix-related count as one word


def tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(get_stop_words("swedish")) | _EXTRA_STOP


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("swedish")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """Snowball stem, plus the definite "-an" Snowball keeps (skolan -> skol)."""
    s = _stemmer().stemWord(word.lower())
    if len(s) > 5 and s.endswith("an"):
        s = s[:-2]
    return s


def content_tokens(text: str) -> list[str]:
    stop = stopwords()
    return [
        t for t in tokens(text) if t not in stop and len(t) > 2 and not t[0].isdigit() and not _NUMBER_WORD.match(t)
    ]


def content_stems(text: str) -> list[str]:
    return [stem(t) for t in content_tokens(text)]


def related(a: str, b: str) -> bool:
    """Same stem, or one a prefix of the other and both long enough to mean it."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= MIN_PREFIX and long_.startswith(short)


def shared_stems(a: Iterable[str], b: Iterable[str]) -> set[str]:
    """Stems of `a` that have a related stem in `b`."""
    bs = set(b)
    return {x for x in set(a) if any(related(x, y) for y in bs)}


def overlap_score(a: Sequence[str], b: Sequence[str]) -> float:
    """Dice coefficient on stem sets with the prefix rule: 0..1."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return min(1.0, 2 * len(shared_stems(sa, sb)) / (len(sa) + len(sb)))


class StemIndex:
    """BM25 over stemmed documents; scores are normalised by the query's self-score to 0..1."""

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
