"""Loops in the recogniser's output are kept once, within a passage and across passages; real repeats stay."""

from __future__ import annotations

from transcribe.asr import after_decoding
from transcribe.repetition import collapse_across_passages
from transcribe.transcript import Segment, Transcript, Word


def _transcript(*passages: tuple[str, ...]) -> Transcript:
    segments, t = [], 0.0
    for k, texts in enumerate(passages):
        words = []
        for text in texts:
            words.append(Word(start=round(t, 3), end=round(t + 0.3, 3), text=text, probability=0.9))
            t += 0.4
        segments.append(Segment(id=k, start=words[0].start, end=words[-1].end,
                                text="".join(w.text for w in words).strip(), words=words))  # fmt: skip
        t += 0.5
    return Transcript(source="x.wav", language="sv", duration=t, model="base", segments=segments)


def test_a_word_looping_over_short_passages_is_kept_once() -> None:
    heard = _transcript((" Men", " budgeten", " är", " lagd."), (" Budgeten.",), (" Budgeten.",), (" Budgeten.",),
                        (" Budgeten.",), (" Får", " jag", " säga", " något?"))  # fmt: skip
    fixed, removed = collapse_across_passages(heard)
    assert [s.text for s in fixed.segments] == ["Men budgeten är lagd.", "Budgeten.", "Får jag säga något?"]
    assert removed == 3
    assert [s.id for s in fixed.segments] == [0, 1, 2]
    last = heard.segments[-1]
    assert (fixed.segments[-1].start, fixed.segments[-1].end) == (last.start, last.end)


def test_a_phrase_looping_across_passages_goes_with_the_word_correction() -> None:
    loop = (" vi", " tar", " det")
    heard = _transcript((" Då", *loop), loop, loop, (" Tack.",))
    fixed, changed = after_decoding(heard, [])
    assert " ".join(s.text for s in fixed.segments) == "Då vi tar det Tack."
    assert changed == 6


def test_a_word_said_three_times_over_passages_stays() -> None:
    heard = _transcript((" Nej.",), (" Nej.",), (" Nej.",), (" Det", " går", " inte."))
    fixed, removed = collapse_across_passages(heard)
    assert removed == 0 and fixed == heard
