"""Actions read from sentence structure on unseen phrasings, and kept when the recogniser lost a word."""

from __future__ import annotations

import datetime as dt

from transcribe.minutes import Minutes, extract_minutes
from transcribe.transcript import Segment, SpeakerInfo, Transcript, Word

MEETING = dt.date(2026, 11, 25)  # a Wednesday
PEOPLE = {"S1": "Anna Berg", "S2": "Karin Ek", "S3": "Olof Nilsson"}


def minutes(turns: list[tuple[str, str]], unsure: frozenset[str] = frozenset()) -> Minutes:
    """One segment per turn; words in `unsure` get a low recogniser probability."""
    segs, t = [], 0.0
    for i, (spk, text) in enumerate(turns):
        toks = text.split()
        step = max(2.0, 0.4 * len(toks)) / len(toks)
        words = [
            Word(start=t + k * step, end=t + (k + 1) * step, text=" " + w,
                 probability=0.3 if w.strip(".,!?").lower() in unsure else 0.95)
            for k, w in enumerate(toks)
        ]  # fmt: skip
        segs.append(Segment(id=i, start=t, end=t + step * len(toks), text=text, speaker=spk, words=words))
        t += step * len(toks) + 0.5
    speakers = [SpeakerInfo(label=k, name=v) for k, v in PEOPLE.items()]
    return extract_minutes(Transcript(segments=segs, duration=t, speakers=speakers), meeting_date=MEETING)


def test_a_new_task_by_the_same_speaker_is_kept_a_restated_one_is_not() -> None:
    turns = [
        ("S2", "Jag kan begära siffrorna från personalavdelningen i dag."),
        ("S1", "Bra."),
        ("S2", "Tar upp bullret på skyddskommittén den tjugonde januari."),  # its "jag" lost
    ]
    got = minutes(turns).actions
    assert [a.owner for a in got] == ["Karin Ek", "Karin Ek"]
    assert "bullret" in got[1].what and got[1].needs_review
    again = [("S2", "Jag kan begära siffrorna från personalavdelningen."), ("S2", "Mejlar dem i dag.")]
    assert len(minutes(again).actions) == 1
