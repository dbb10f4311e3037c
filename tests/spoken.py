"""Hand-made transcripts for the minutes tests: one segment per turn, chosen words heard unsure."""

from __future__ import annotations

import datetime as dt

from transcribe.minutes import Minutes, extract_minutes
from transcribe.transcript import Segment, SpeakerInfo, Transcript, Word

MEETING = dt.date(2026, 11, 25)  # a Wednesday
PEOPLE = {"S1": "Anna Berg", "S2": "Karin Ek", "S3": "Olof Nilsson"}


def transcript(
    turns: list[tuple[str, str]],
    unsure: frozenset[str] = frozenset(),
    title: str | None = None,
    people: dict[str, str] = PEOPLE,
) -> Transcript:
    """One segment per (speaker, text) turn; words listed in `unsure` get a low recogniser probability."""
    segs, t = [], 0.0
    for i, (spk, text) in enumerate(turns):
        toks = text.split()
        d = max(2.0, 0.4 * len(toks))
        step = d / len(toks)
        words = [
            Word(start=t + k * step, end=t + (k + 1) * step, text=" " + w,
                 probability=0.3 if w.strip(".,!?").lower() in unsure else 0.95)
            for k, w in enumerate(toks)
        ]  # fmt: skip
        segs.append(Segment(id=i, start=t, end=t + d, text=text, speaker=spk, words=words))
        t += d + 0.5
    speakers = [SpeakerInfo(label=k, name=v) for k, v in people.items()]
    return Transcript(segments=segs, duration=t, speakers=speakers, metadata={"title": title} if title else {})


def minutes(
    turns: list[tuple[str, str]],
    unsure: frozenset[str] = frozenset(),
    robust: bool = True,
    title: str | None = None,
    people: dict[str, str] = PEOPLE,
) -> Minutes:
    """The draft minutes of the turns said on MEETING, read robustly (the product's default) unless told not to."""
    return extract_minutes(transcript(turns, unsure, title, people), meeting_date=MEETING, robust=robust)
