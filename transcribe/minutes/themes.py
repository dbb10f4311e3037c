"""Themes by keyword clustering: stemmed TF-IDF over segments, k-means, extractive summaries.

No model, so it is instant and deterministic; headings are the cluster's top
keywords in their most frequent spoken form, paragraphs its most central sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from transcribe.minutes.model import Evidence, Theme
from transcribe.minutes.theme_words import noun_words
from transcribe.sv.calendar import MONTHS, WEEKDAYS
from transcribe.sv.numbers import CARDINALS, ORDINALS
from transcribe.sv.text import capitalise, content_words, sentences, stem
from transcribe.transcript import Segment, Transcript

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer

MIN_WORDS = 3
_GREETING = re.compile(r"\b(?:hej|välkomna|välkommen|tack\s+för|god\s+(?:morgon|kväll|dag))\b", re.IGNORECASE)
MAX_THEMES = 6
SEGMENTS_PER_THEME = 8


@lru_cache(maxsize=20000)
def _stem(word: str) -> str:
    return stem(word)


_DATE_WORDS = frozenset(
    list(CARDINALS)
    + list(ORDINALS)
    + list(MONTHS)
    + [w + s for w in WEEKDAYS for s in ("", "en", "ar", "s")]
    + "klockan kl halv kvart vecka veckan veckor datum tid gånger kväll förmiddag eftermiddag".split()
    # the times of day and year: when something happens, not what
    + "morgon morgonen kvällen natten dag dagen dagar helgen helg månad månaden".split()
    + "år året fjol våren sommar sommaren somras höst hösten höstas vintern".split()
    # How the meeting decides is not what it is about.
    + [
        "förslag",
        "förslaget",
        "föreslår",
        "föreslå",
        "beslut",
        "beslutar",
        "besluta",
        "beslutade",
        "beslutat",
        "bestämmer",
        "bestämma",
        "bestämt",
        "bestämde",
        "skjuter",
        "röstar",
        "emot",
        "överens",
        "välkomna",
        "allihop",
        "hej",
        "fråga",
        "frågan",
        "frågor",
        "sammanfatta",
        "håller",
        "fortsätta",
        "börjar",
        "sist",
    ]
)


def _theme_words(text: str, names: frozenset[str], nouns: frozenset[str] | None = None) -> list[str]:
    """Content words (the meeting's nouns, when given) minus names and date/number words."""
    return [w for w in content_words(text) if (nouns is None or w in nouns) and w not in names and w not in _DATE_WORDS]


def _name_words(transcript: Transcript) -> frozenset[str]:
    words: set[str] = set()
    for info in transcript.speakers:
        for part in (info.name or "").lower().split():
            words |= {part, part + "s"}
    return frozenset(words)


def _n_clusters(n_docs: int) -> int:
    return max(1, min(MAX_THEMES, round(n_docs / SEGMENTS_PER_THEME)))


def _heading(keywords: list[str]) -> str:
    if not keywords:
        return "Övrigt"
    if len(keywords) == 1:
        return capitalise(keywords[0])
    return capitalise(", ".join(keywords[:-1]) + " och " + keywords[-1])


def extract_themes(transcript: Transcript, n_keywords: int = 3) -> list[Theme]:
    """A few themes, in order of first appearance, each with evidence segments."""
    names = _name_words(transcript)
    nouns = noun_words(s.text for s in transcript.segments)

    def analyse(text: str) -> list[str]:
        return [_stem(w) for w in _theme_words(text, names, nouns)]

    docs = [
        s
        for s in transcript.segments
        if len(_theme_words(s.text, names)) >= MIN_WORDS and _theme_words(s.text, names, nouns)
    ]
    if len(docs) < 2:
        return []
    # scikit-learn takes seconds to import: load it when themes are made, not with every CLI command
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=analyse, sublinear_tf=True, min_df=1, max_df=0.6 if len(docs) > 10 else 1.0)
    try:
        x = vec.fit_transform([s.text for s in docs])
    except ValueError:  # empty vocabulary
        return []
    vocab = np.array(vec.get_feature_names_out())
    k = min(_n_clusters(len(docs)), x.shape[0])
    if k > 1:
        labels = KMeans(n_clusters=k, n_init=4, random_state=0).fit_predict(x)
    else:
        labels = np.zeros(len(docs), dtype=int)
    surface: dict[str, Counter[str]] = {}
    spoken_by: dict[str, set[str]] = {}
    for s in docs:
        for w in _theme_words(s.text, names, nouns):
            surface.setdefault(_stem(w), Counter())[w] += 1
            spoken_by.setdefault(_stem(w), set()).add(s.speaker)
    total_speech = sum(s.duration for s in transcript.segments if s.text.strip()) or 1.0
    themes: list[Theme] = []
    for c in range(k):
        idx = np.where(labels == c)[0]
        if len(idx) < 2 and k > 1:
            continue
        sub = x[idx]
        centroid = np.asarray(sub.mean(axis=0)).ravel()
        top = _recurring_top(vocab, centroid, spoken_by, n_keywords)
        keywords = [surface[t].most_common(1)[0][0] if t in surface else t for t in top]
        norm = np.linalg.norm(centroid) or 1.0
        sims = np.asarray(sub @ (centroid / norm)).ravel()
        order = idx[np.argsort(-sims)]
        segs = [docs[i] for i in idx]
        central = [docs[i] for i in order[:3]]
        paragraph = _paragraph(central[:2], vec, centroid / norm)
        raised: list[str] = []
        for s in sorted(segs, key=lambda s: s.start):
            name = transcript.speaker_name(s.speaker)
            if name and name not in raised:
                raised.append(name)
            if len(raised) == 2:
                break
        themes.append(
            Theme(
                heading=_heading(keywords),
                paragraph=paragraph,
                mentions=len(segs),
                share_of_speaking_time=min(1.0, round(sum(s.duration for s in segs) / total_speech, 3)),
                raised_by=raised,
                keywords=keywords,
                evidence=[Evidence.of(s, transcript) for s in sorted(central, key=lambda s: s.start)],
                confidence=float(round(min(1.0, max(0.1, float(sims.mean()))), 2)),
            )
        )
    themes.sort(key=lambda t: t.evidence[0].start)
    for i, t in enumerate(themes, 1):
        t.id = f"t{i}"
    return themes


def _recurring_top(vocab: np.ndarray, centroid: np.ndarray, spoken_by: dict[str, set[str]], n: int) -> list[str]:
    """The cluster's heaviest words, those more than one speaker said first."""
    ranked = [vocab[i] for i in np.argsort(-centroid) if centroid[i] > 0]
    shared = [t for t in ranked if len(spoken_by.get(t, ())) > 1]
    return (shared + [t for t in ranked if t not in shared])[:n]


def _paragraph(segs: list[Segment], vec: TfidfVectorizer, direction: np.ndarray) -> str:
    """The most central sentence of each of the most central segments, in time order."""
    picked: list[tuple[float, str]] = []
    for s in segs:
        sents = [x for x in sentences(s.text) if len(content_words(x)) >= 2] or [s.text.strip()]
        sents = [x for x in sents if not _GREETING.search(x)] or sents
        scores = np.asarray(vec.transform(sents) @ direction).ravel()
        picked.append((s.start, sents[int(np.argmax(scores))]))
    text = " ".join(t for _, t in sorted(picked))
    return text if len(text) <= 400 else text[:397].rsplit(" ", 1)[0] + " …"
