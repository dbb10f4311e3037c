"""Swedish text helpers shared by the rules: sentences, tokens, stems, stopwords."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

import snowballstemmer
from stop_words import get_stop_words

_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=\S)")
_TOKEN = re.compile(r"[0-9a-zåäöéü]+(?:[-:][0-9a-zåäöéü]+)*", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """Split on sentence punctuation; ASR output without punctuation stays one sentence."""
    parts = [p.strip() for p in _SENT_SPLIT.split(text.strip())]
    return [p for p in parts if p]


def tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def data_lines(name: str) -> list[str]:
    """Non-comment lines of a bundled data file."""
    text = files("transcribe.minutes").joinpath("data", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(get_stop_words("swedish")) | frozenset(data_lines("fillers_sv.txt"))


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("swedish")


@lru_cache(maxsize=50000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


def content_words(text: str) -> list[str]:
    """Tokens worth clustering on: no stopwords, fillers, digits or very short words."""
    stop = stopwords()
    return [t for t in tokens(text) if t not in stop and len(t) > 2 and not t[0].isdigit()]


def capitalise(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def finish_sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip().rstrip(",;: ")
    if text and text[-1] not in ".!?":
        text += "."
    return capitalise(text)
