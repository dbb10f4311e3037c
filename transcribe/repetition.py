"""Loops in the recogniser's output: Whisper base on Swedish sometimes repeats a phrase until its window ends.

Within a passage the repeated n-gram is collapsed to one copy as the passage is read (`collapse_repetitions`);
a loop can also run across passages, each a word or two long ("Budgeten." five times in a second on dev
meeting `apt`), which `collapse_across_passages` collapses over the whole transcript.
"""

from __future__ import annotations

import re

from transcribe.transcript import Segment, Transcript, Word

_NON_WORD = re.compile(r"[^\w]")


def _norm(tok: str) -> str:
    return _NON_WORD.sub("", tok.lower())


def find_repetition(tokens: list[str], min_repeats: int = 3, max_n: int = 8) -> tuple[int, int, int] | None:
    """First run of an n-gram repeated `min_repeats`+ times back to back: (start, n, count)."""
    norm = [_norm(t) for t in tokens]
    for n in range(1, max_n + 1):
        need = 4 if n == 1 else min_repeats  # a word said three times is often real ("nej nej nej")
        for i in range(0, len(norm) - n * need + 1):
            gram = norm[i : i + n]
            if not any(gram):
                continue
            count = 1
            while norm[i + count * n : i + (count + 1) * n] == gram:
                count += 1
            if count >= need:
                return i, n, count
    return None


def collapse_repetitions(words: list[Word]) -> tuple[list[Word], bool]:
    """Keep one copy of any looping n-gram; True when something was removed."""
    changed = False
    while True:
        hit = find_repetition([w.text for w in words])
        if hit is None:
            return words, changed
        i, n, count = hit
        words = words[: i + n] + words[i + n * count :]
        changed = True


def collapse_across_passages(transcript: Transcript) -> tuple[Transcript, int]:
    """The transcript with loops that run over several passages kept once, and how many words went.

    Only passages with words take part (a passage of text alone has no timing to place a loop by); a passage
    left with no word goes, the others keep their words' timestamps and probabilities."""
    owners = [(k, j) for k, seg in enumerate(transcript.segments) for j in range(len(seg.words))]
    words = [transcript.segments[k].words[j] for k, j in owners]
    kept, _ = collapse_repetitions(words)
    if len(kept) == len(words):
        return transcript, 0
    left = {id(w) for w in kept}
    segments: list[Segment] = []
    for seg in transcript.segments:
        if not seg.words:
            segments.append(seg)
            continue
        mine = [w for w in seg.words if id(w) in left]
        if len(mine) == len(seg.words):
            segments.append(seg)
        elif mine:
            text = "".join(w.text for w in mine).strip()
            span = {"start": mine[0].start, "end": max(mine[-1].end, mine[0].start)}
            segments.append(seg.model_copy(update={"words": mine, "text": text, **span, "repaired": True}))
    segments = [seg.model_copy(update={"id": i}) for i, seg in enumerate(segments)]
    return transcript.model_copy(update={"segments": segments}), len(words) - len(kept)
