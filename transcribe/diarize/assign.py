"""Attribute transcript words to diarised speakers.

ASR segments know nothing about speakers, and a segment often runs across a
speaker change, so attribution works per word: words are taken by start time,
each goes to the speaker whose turns overlap it most (the nearest turn when it
falls in a gap), then every sentence takes the majority speaker of its words
(a turn boundary a few hundred milliseconds off would otherwise hand a
sentence's first or last word to the neighbour). A sentence ends at . ? ! or
at a pause of `SENTENCE_PAUSE_S`, where speakers change even when the
recogniser wrote no full stop. Segments are then split where the speaker
changes, and a segment that runs over another speaker's turn by more than
`OVERLAP_S` is flagged as overlapping speech.
"""

from __future__ import annotations

import bisect

from transcribe.diarize.base import Diarization, Turn
from transcribe.transcript import Segment, Transcript, Word

OVERLAP_S = 0.3
SENTENCE_PAUSE_S = 1.0
SENTENCE_END = (".", "?", "!", "…")


class SpeakerTimeline:
    """Each speaker's turns merged into sorted, disjoint intervals for bisect look-ups."""

    def __init__(self, turns: list[Turn]) -> None:
        spans: dict[str, list[tuple[float, float]]] = {}
        for t in sorted(turns, key=lambda t: t.start):
            if t.end <= t.start:
                continue
            merged = spans.setdefault(t.speaker, [])
            if merged and t.start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], t.end))
            else:
                merged.append((t.start, t.end))
        self.starts = {s: [a for a, _ in v] for s, v in spans.items()}
        self.ends = {s: [b for _, b in v] for s, v in spans.items()}
        # speakers in order of first appearance, so ties go to whoever spoke first
        self.speakers = sorted(spans, key=lambda s: spans[s][0][0])

    def overlap(self, speaker: str, a: float, b: float) -> float:
        starts, ends = self.starts[speaker], self.ends[speaker]
        total = 0.0
        i = bisect.bisect_right(ends, a)
        while i < len(starts) and starts[i] < b:
            total += max(0.0, min(b, ends[i]) - max(a, starts[i]))
            i += 1
        return total

    def gap(self, speaker: str, a: float, b: float) -> float:
        """Distance from [a, b] to the speaker's nearest turn (0 when they overlap)."""
        starts, ends = self.starts[speaker], self.ends[speaker]
        i = bisect.bisect_right(ends, a)
        best = float("inf")
        if i < len(starts):
            best = max(0.0, starts[i] - b)
        if i > 0:
            best = min(best, max(0.0, a - ends[i - 1]))
        return best

    def speaker_for(self, a: float, b: float) -> str | None:
        if not self.speakers:
            return None
        if b > a:
            scores = {s: self.overlap(s, a, b) for s in self.speakers}
            best = max(self.speakers, key=lambda s: scores[s])
            if scores[best] > 0:
                return best
        return min(self.speakers, key=lambda s: self.gap(s, a, b))


def assign_speakers(transcript: Transcript, diarization: Diarization) -> Transcript:
    """A copy of `transcript` with speakers on words and segments, split at speaker changes."""
    out = transcript.model_copy(deep=True)
    timeline = SpeakerTimeline(diarization.turns)
    if not timeline.speakers:
        return out
    segments: list[Segment] = []
    for seg in out.segments:
        if not seg.words:
            seg.speaker = timeline.speaker_for(seg.start, seg.end)
            segments.append(seg)
            continue
        seg.words.sort(key=lambda w: w.start)
        for word in seg.words:
            word.speaker = timeline.speaker_for(word.start, word.end)
        for sentence in sentences(seg.words):
            vote = majority(sentence)
            for word in sentence:
                word.speaker = vote
        segments.extend(_split(seg))
    for seg in segments:
        seg.speaker = majority(seg.words) if seg.words else seg.speaker
        seg.overlap = seg.overlap or _overlaps_other(timeline, seg)
    out.segments = segments
    out.renumber()
    return out


def _split(seg: Segment) -> list[Segment]:
    """Split a segment into runs of consecutive words with the same speaker."""
    runs: list[list[Word]] = []
    for word in seg.words:
        if runs and runs[-1][-1].speaker == word.speaker:
            runs[-1].append(word)
        else:
            runs.append([word])
    if len(runs) == 1:
        return [seg]
    pieces = []
    for k, words in enumerate(runs):
        start = seg.start if k == 0 else words[0].start
        end = seg.end if k == len(runs) - 1 else words[-1].end
        pieces.append(
            seg.model_copy(update={"start": start, "end": max(start, end), "words": words, "text": join_words(words)})
        )
    return pieces


def join_words(words: list[Word]) -> str:
    """Words back into text: faster-whisper words carry their leading space; add one where they don't."""
    text = ""
    for w in words:
        piece = w.text
        if text and not piece[:1].isspace() and not text[-1:].isspace() and piece[:1] not in ".,!?:;)»”":
            piece = " " + piece
        text += piece
    return text.strip()


def sentences(words: list[Word]) -> list[list[Word]]:
    """Consecutive words cut after sentence-final punctuation or before a long pause."""
    out: list[list[Word]] = []
    for w in words:
        if out and out[-1] and w.start - out[-1][-1].end < SENTENCE_PAUSE_S:
            out[-1].append(w)
        else:
            out.append([w])
        if w.text.strip().endswith(SENTENCE_END):
            out.append([])
    return [s for s in out if s]


def majority(words: list[Word]) -> str | None:
    """The speaker of most of the words' time (ties: the first such speaker)."""
    totals: dict[str, float] = {}
    for w in words:
        if w.speaker is not None:
            # a tiny floor so zero-length words still count
            totals[w.speaker] = totals.get(w.speaker, 0.0) + max(w.end - w.start, 1e-3)
    return max(totals, key=lambda s: totals[s]) if totals else None


def _overlaps_other(timeline: SpeakerTimeline, seg: Segment) -> bool:
    return any(timeline.overlap(s, seg.start, seg.end) > OVERLAP_S for s in timeline.speakers if s != seg.speaker)
