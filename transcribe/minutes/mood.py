"""Meeting mood from a Swedish emotion lexicon (data/emotions_sv.txt), overall and per theme.

Counts cue words with negation and intensifiers; strength grows with the count
relative to the meeting's length, so one "orolig" in an hour reads as weak.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transcribe.minutes.model import Emotion, Evidence, Mood, Theme
from transcribe.sv.text import data_lines, tokens
from transcribe.transcript import Segment, Transcript

NEGATIONS = frozenset({"inte", "ej", "aldrig", "inga", "inget", "ingen", "icke"})
INTENSIFIERS = frozenset(
    {
        "väldigt",
        "jätte",
        "mycket",
        "riktigt",
        "otroligt",
        "verkligen",
        "extremt",
        "så",
        "supersuper",
        "oerhört",
        "enormt",
        "himla",
    }
)
NEGATIVE = frozenset({"frustration", "oro", "tveksamhet"})
NOUNS = {
    "frustration": "frustration",
    "oro": "oro",
    "engagemang": "engagemang",
    "optimism": "optimism",
    "handlingskraft": "handlingskraft",
    "glädje": "glädje",
    "tveksamhet": "tveksamhet",
}


@dataclass(frozen=True)
class Cue:
    emotion: str
    words: tuple[str, ...]  # each may end in "*"

    def match_at(self, toks: list[str], i: int) -> bool:
        if i + len(self.words) > len(toks):
            return False
        for w, t in zip(self.words, toks[i : i + len(self.words)], strict=False):
            if w.endswith("*"):
                if not t.startswith(w[:-1]):
                    return False
            elif t != w:
                return False
        return True


@lru_cache(maxsize=1)
def lexicon() -> tuple[Cue, ...]:
    cues: list[Cue] = []
    emotion = ""
    for line in data_lines("emotions_sv.txt"):
        m = re.match(r"^\[(\w+)\]$", line)
        if m:
            emotion = m.group(1)
        elif emotion:
            cues.append(Cue(emotion, tuple(line.lower().split())))
    return tuple(cues)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[Cue]], dict[str, list[Cue]]]:
    """Cues by exact first word, and prefix cues by their first two letters (longest cues first)."""
    exact: dict[str, list[Cue]] = {}
    prefix: dict[str, list[Cue]] = {}
    for cue in sorted(lexicon(), key=lambda c: -len(c.words)):
        first = cue.words[0]
        if first.endswith("*"):
            prefix.setdefault(first[:2], []).append(cue)
        else:
            exact.setdefault(first, []).append(cue)
    return exact, prefix


def _candidates(tok: str) -> list[Cue]:
    exact, prefix = _index()
    return exact.get(tok, []) + prefix.get(tok[:2], [])


def score_text(text: str) -> dict[str, float]:
    """Weighted emotion hits in one text."""
    toks = tokens(text)
    scores: dict[str, float] = {}
    i = 0
    while i < len(toks):
        hit = next((c for c in _candidates(toks[i]) if c.match_at(toks, i)), None)
        if hit is None:
            i += 1
            continue
        window = toks[max(0, i - 3) : i]
        negated = bool(NEGATIONS & set(window)) and not (NEGATIONS & set(hit.words))
        if not negated:
            prev = toks[i - 1] if i else ""
            weight = 1.5 if prev in INTENSIFIERS or toks[i].startswith("jätte") else 1.0
            scores[hit.emotion] = scores.get(hit.emotion, 0.0) + weight
        i += len(hit.words)
    return scores


def _strength(score: float, n_segments: int) -> float:
    k = 1.0 + n_segments / 40.0
    return round(score / (score + k), 2)


def _emotions(segs: list[Segment], transcript: Transcript, theme: str | None, min_score: float) -> list[Emotion]:
    per_seg = [(s, score_text(s.text)) for s in segs]
    totals: dict[str, float] = {}
    for _, sc in per_seg:
        for e, v in sc.items():
            totals[e] = totals.get(e, 0.0) + v
    out: list[Emotion] = []
    for emotion, total in sorted(totals.items(), key=lambda kv: -kv[1]):
        if total < min_score:
            continue
        best = sorted((x for x in per_seg if emotion in x[1]), key=lambda x: -x[1][emotion])[:3]
        out.append(
            Emotion(
                emotion=emotion,
                strength=_strength(total, len(segs)),
                theme=theme,
                evidence=[Evidence.of(s, transcript) for s, _ in sorted(best, key=lambda x: x[0].start)],
                confidence=min(0.9, 0.3 + 0.1 * total),
            )
        )
    return out


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " och " + words[-1]


def describe(emotions: list[Emotion]) -> str:
    if not emotions:
        return "Saklig och neutral stämning; inga tydliga känslouttryck."
    main = [e for e in emotions if e.strength >= 0.3][:2] or emotions[:1]
    rest = [e for e in emotions if e not in main and e.strength >= 0.15][:2]
    text = "Stämningen präglades främst av " + _join([NOUNS.get(e.emotion, e.emotion) for e in main])
    if rest:
        text += ", med inslag av " + _join([NOUNS.get(e.emotion, e.emotion) for e in rest])
    return text + "."


def extract_mood(transcript: Transcript, themes: list[Theme]) -> Mood:
    segs = [s for s in transcript.segments if s.text.strip()]
    overall = _emotions(segs, transcript, None, min_score=1.0)
    by_id = {s.id: s for s in segs}
    per_theme: list[Emotion] = []
    labels = _theme_segments(transcript, themes)
    for theme in themes:
        theme_segs = [by_id[i] for i in labels.get(theme.heading, []) if i in by_id]
        found = _emotions(theme_segs, transcript, theme.heading, min_score=2.0)
        per_theme.extend(found[:1])
    emotions = overall + per_theme
    for i, e in enumerate(emotions, 1):
        e.id = f"e{i}"
    return Mood(overall=describe(overall), emotions=emotions)


def _theme_segments(transcript: Transcript, themes: list[Theme]) -> dict[str, list[int]]:
    """Segments nearest each theme by shared keywords (themes keep only a few evidence ids)."""
    out: dict[str, list[int]] = {t.heading: [] for t in themes}
    for s in transcript.segments:
        toks = set(tokens(s.text))
        best, best_n = None, 0
        for t in themes:
            n = sum(1 for k in t.keywords if k.lower() in toks)
            if n > best_n:
                best, best_n = t.heading, n
        if best is not None:
            out[best].append(s.id)
    return out
