"""What a diarised label offers as evidence of a voice: one GE2E embedding per few seconds of its speech.

A label's single centroid hides how it was made: a cluster that mixes two people, or a short one
that is mostly someone else's overlap, still yields one confident-looking vector. Scored piece by
piece, a label is only as sure as its typical piece (`match.py` takes a low quantile of the
per-piece scores), and how many pieces there are says how much speech stands behind a name.

Pieces are ~`PIECE_S` s of the label's turns, each turn trimmed by `TRIM_S` at both ends (where
the diariser's boundary may hold the neighbour's voice); at most `MAX_PIECES` per label, spread
evenly over the meeting, so the cost stays bounded in meeting length.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from transcribe.audio import Audio
from transcribe.diarize import embed_segments
from transcribe.speakers.profiles import chunk_spans

PIECE_S = 3.0
MIN_PIECE_S = 1.5
TRIM_S = 0.2
MAX_PIECES = 40


def label_spans(turns: Iterable, label: str) -> list[tuple[float, float]]:
    """The label's turns, trimmed at both ends; turns too short to trim are left out."""
    out = []
    for t in turns:
        if t.speaker == label and t.end - t.start > 2 * TRIM_S + 0.5:
            out.append((t.start + TRIM_S, t.end - TRIM_S))
    return out


def pieces(spans: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """The spans grouped into ~PIECE_S s pieces, at most MAX_PIECES spread evenly."""
    chunks = [c for c in chunk_spans(spans, PIECE_S, MIN_PIECE_S) if sum(b - a for a, b in c) >= MIN_PIECE_S]
    if len(chunks) > MAX_PIECES:
        keep = np.linspace(0, len(chunks) - 1, MAX_PIECES).round().astype(int)
        chunks = [chunks[i] for i in keep]
    return chunks


def coverage(turns: Iterable, label: str) -> float:
    """Share of the label's speech its pieces hold (of at most MAX_PIECES pieces' worth): short turns
    give no piece, so a label of many short turns is judged on little of what it holds."""
    turns = list(turns)
    total = sum(t.end - t.start for t in turns if t.speaker == label)
    held = sum(b - a for chunk in pieces(label_spans(turns, label)) for a, b in chunk)
    return min(1.0, held / min(total, MAX_PIECES * PIECE_S)) if total > 0 else 0.0


def label_pieces(audio: Audio, turns: Iterable, labels: Iterable[str]) -> dict[str, np.ndarray]:
    """{label: (pieces, 256) L2-normalised GE2E embeddings}; a label with no piece is left out."""
    turns = list(turns)
    out = {}
    for label in labels:
        rows = []
        for chunk in pieces(label_spans(turns, label)):
            try:
                rows.append(embed_segments(audio, chunk))
            except ValueError:
                continue
        if rows:
            out[label] = np.stack(rows).astype(np.float32)
    return out
