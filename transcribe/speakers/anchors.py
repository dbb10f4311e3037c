"""Enrolled voices as anchors: a known voice the diariser merged into someone else's label is split out.

Diarisation clusters voices without knowing anyone; when two people sound alike (over a telephone
line, in a far corner of a room) it can give both one label, and the enrolled one can then never be
named. Once profiles exist, each turn of the meeting (`MIN_TURN_S` or longer, trimmed at its ends)
is embedded and scored against them like a piece of a label (`match.piece_scores`: closest channel,
normalised against the cohort). A label's turns that match one profile clearly (normalised >=
`Z_TURN`, cosine >= `T_TURN`, that profile their best) and together last `MIN_SPLIT_S` seconds
or more leave the label, unless the label is that person's as a whole (its turns' QUANTILE score,
as labels are scored, reaches Z_NAMED_RAW): they go to the label that is that person's, else to a new
label. Every label is then matched as usual, so a name still needs the ordinary thresholds. Without
profiles, or without audio, nothing changes.

Chosen on the 30 dev conversations (`python -m transcribe.bench.profiles_real --count 30`): among
turns of 1.9 s or more, a turn matching a profile at normalised >= 4 and cosine >= 0.8 was another
person 1 time in 274; groups of a label's turns at >= 3.5 were another person twice (the highest
such turn at 3.91, telephone speech), from 4.0 up never. With Z_TURN anywhere from 3.5 to 5.0 every
moved turn went to its own voice and 52 of 82 enrolled readers were named instead of 50 (two
readers a telephone conversation's diarisation had merged, and one reader split in two labels
joined again); 4.5 keeps a step of margin over the wrong groups. Since the diariser splits such
merged clusters itself (a cluster cut where a split follows its turns), the anchors still moved 9
turns on dev, all to their own voice, but changed no name there: they remain the safety net for a
known voice the diariser keeps merged.
Turns are scored as labels are, on fused scores (`match.FUSED`: raw cosines and the back-end, their
normalised scores averaged; the thresholds above kept): on the same 30 dev conversations 4 turns of
one telephone conversation moved, all to their own voice, and one more reader was named (56 -> 57
of 82, 0 wrong, no stranger named). Lower thresholds (4.0 / 0.75 down to 3.0 / 0.72) moved 8-21
turns, all to their own voice, but named no one more.
A label is a voice's home only when its turns long enough to judge hold `agreement.MIN_COVERAGE` of
its speech: otherwise its short turns may be someone else's, and the label could not be named after
the voice anyway. On the dev conversations a far reader's 1 s turns made up most of a label whose
one judged turn was another reader's 16.6 s (normalised 10.5): that turn now gets a label of its own
and its reader a name (56 -> 57 of 82, 0 wrong, no stranger named, the most name-like stranger 2.80
as before; 5 turns moved, all to their own voice).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from transcribe.audio import Audio
from transcribe.diarize import embed_segments
from transcribe.diarize.base import Diarization, Turn, l2_normalise
from transcribe.speakers.agreement import MIN_COVERAGE
from transcribe.speakers.cohort import cohort as shipped_cohort
from transcribe.speakers.evidence import TRIM_S
from transcribe.speakers.match import COHORT_TOP, FUSED, QUANTILE, Z_NAMED_RAW, piece_scores
from transcribe.speakers.profiles import Profile

Z_TURN = 4.5  # a turn's normalised score with the profile
T_TURN = 0.80  # ... and its cosine
MIN_TURN_S = 1.9  # shorter turns are too little speech to judge alone
MIN_SPLIT_S = 6.0  # seconds of matching turns before a label gives them up
MAX_TURN_S = 8.0  # a long turn is judged by its middle this long
MAX_LABEL_S = 240.0  # ... and a label by this much of its speech at most: the cost stays bounded in meeting length


@dataclass(frozen=True)
class TurnEvidence:
    """The turns judged (indices into the diarisation's turns) and their unit embeddings."""

    index: list[int]
    embeddings: np.ndarray  # (turns, dim)


def turn_spans(turns: Sequence[Turn]) -> list[tuple[int, tuple[float, float]]]:
    """(index, span) of the turns long enough to judge: trimmed at both ends, a long one to its middle;
    at most `MAX_LABEL_S` seconds per label, its turns taken evenly over the meeting."""
    by_label: dict[str, list[tuple[int, tuple[float, float]]]] = {}
    for i, t in enumerate(turns):
        if t.end - t.start < MIN_TURN_S:
            continue
        a, b = t.start + TRIM_S, t.end - TRIM_S
        if b - a > MAX_TURN_S:
            mid = (a + b) / 2
            a, b = mid - MAX_TURN_S / 2, mid + MAX_TURN_S / 2
        by_label.setdefault(t.speaker, []).append((i, (a, b)))
    out = []
    for spans in by_label.values():
        mean_s = sum(b - a for _, (a, b) in spans) / len(spans)
        keep = max(1, int(MAX_LABEL_S / mean_s))
        if len(spans) > keep:
            spans = [spans[k] for k in np.linspace(0, len(spans) - 1, keep).round().astype(int)]
        out += spans
    return sorted(out)


def turn_evidence(audio: Audio, turns: Sequence[Turn]) -> TurnEvidence:
    """One GE2E embedding per judged turn (see `turn_spans`)."""
    index, rows = [], []
    for i, span in turn_spans(turns):
        try:
            rows.append(embed_segments(audio, [span]))
        except ValueError:
            continue
        index.append(i)
    return TurnEvidence(index, np.stack(rows) if rows else np.zeros((0, 256), np.float32))


def judged_share(turns: Sequence[Turn]) -> dict[str, float]:
    """{label: share of its speech in turns of MIN_TURN_S or longer}, the turns anchors can judge."""
    total: dict[str, float] = {}
    judged: dict[str, float] = {}
    for t in turns:
        total[t.speaker] = total.get(t.speaker, 0.0) + t.duration
        judged[t.speaker] = judged.get(t.speaker, 0.0) + (t.duration if t.duration >= MIN_TURN_S else 0.0)
    return {label: judged[label] / s if s > 0 else 0.0 for label, s in total.items()}


def known_turns(turns: Sequence[Turn], evidence: TurnEvidence, profiles: list[Profile],
                cohort: np.ndarray | None = None) -> dict[int, str]:  # fmt: skip
    """{turn index: the label it moves to} (see the module docstring): the label that is mostly that
    known voice already, else a new one named after the first free SPEAKER_nn."""
    cohort = shipped_cohort() if cohort is None else cohort
    if not len(evidence.index) or not profiles:
        return {}
    # fused scores, as labels are judged (`match.FUSED`): a turn moves only when both views agree
    raw, z = piece_scores(evidence.embeddings, profiles, cohort, COHORT_TOP, backend=FUSED)
    if z is None:  # no cohort for these vectors: no anchor is sure enough
        return {}
    best = np.argmax(z, axis=1)
    spoken: dict[str, list[int]] = {}  # label -> rows of its judged turns
    hits: dict[tuple[str, str], list[int]] = {}
    for k, i in enumerate(evidence.index):
        spoken.setdefault(turns[i].speaker, []).append(k)
        j = int(best[k])
        if z[k, j] >= Z_TURN and raw[k, j] >= T_TURN:
            hits.setdefault((turns[i].speaker, profiles[j].name), []).append(i)
    # Whom each label is closest to as a whole (its turns' QUANTILE, as labels are scored): that
    # voice's turns stay, and a label close to a voice at Z_NAMED_RAW is where that voice's turns go.
    closest = {}
    for label, rows in spoken.items():
        q = np.quantile(z[rows], QUANTILE, axis=0)
        closest[label] = (profiles[int(np.argmax(q))].name, float(q.max()))
    # A label whose turns long enough to judge hold under MIN_COVERAGE of its speech is no one's home:
    # it could not be named after the voice (`agreement.py`), and its short turns may be another's.
    judged = judged_share(turns)
    home = {name: label for label, (name, q) in sorted(closest.items(), key=lambda kv: kv[1][1])
            if q >= Z_NAMED_RAW and judged.get(label, 0.0) >= MIN_COVERAGE}  # fmt: skip
    labels = {t.speaker for t in turns}
    numbers = {int(lb.rsplit("_", 1)[-1]) for lb in labels if lb.rsplit("_", 1)[-1].isdigit()}
    fresh = (f"SPEAKER_{n:02d}" for n in range(10_000) if n not in numbers and f"SPEAKER_{n:02d}" not in labels)
    out: dict[int, str] = {}
    for (label, name), idx in sorted(hits.items()):
        seconds = sum(turns[i].duration for i in idx)
        if seconds >= MIN_SPLIT_S and home.get(name) != label:
            home.setdefault(name, next(fresh))
            out.update(dict.fromkeys(idx, home[name]))
    return out


def split_known_voices(diarization: Diarization, evidence: TurnEvidence, profiles: list[Profile],
                       cohort: np.ndarray | None = None) -> Diarization:  # fmt: skip
    """The diarisation with known voices split out of labels that hold them with someone else."""
    turns = list(diarization.turns)
    moved = known_turns(turns, evidence, profiles, cohort)
    if not moved:
        return diarization
    rows = dict(zip(evidence.index, evidence.embeddings, strict=True))
    out = [Turn(t.start, t.end, moved.get(i, t.speaker)) for i, t in enumerate(turns)]
    embeddings = dict(diarization.embeddings)
    for label in set(moved.values()) - set(embeddings):
        embeddings[label] = l2_normalise(np.mean([rows[i] for i, lb in moved.items() if lb == label], axis=0))
    return Diarization(turns=out, embeddings=embeddings)
