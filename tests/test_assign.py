"""Attributing words and segments to diarised speakers."""

from __future__ import annotations

from transcribe.diarize.assign import assign_speakers, join_words
from transcribe.diarize.base import Diarization, Turn
from transcribe.transcript import Segment, Transcript, Word


def words(*items: tuple[float, float, str]) -> list[Word]:
    return [Word(start=a, end=b, text=f" {t}") for a, b, t in items]


def seg(i: int, ws: list[Word], **kw: object) -> Segment:
    return Segment(id=i, start=ws[0].start, end=ws[-1].end, text=join_words(ws), words=ws, **kw)


def test_segment_split_where_speaker_changes() -> None:
    ws = words((0.0, 0.5, "Hej"), (0.5, 1.0, "allihop."), (1.2, 1.6, "Tack,"), (1.6, 2.0, "Maria."))
    t = Transcript(segments=[seg(0, ws, avg_logprob=-0.2)])
    d = Diarization([Turn(0.0, 1.1, "SPEAKER_00"), Turn(1.1, 2.5, "SPEAKER_01")])
    out = assign_speakers(t, d)
    assert [s.text for s in out.segments] == ["Hej allihop.", "Tack, Maria."]
    assert [s.speaker for s in out.segments] == ["SPEAKER_00", "SPEAKER_01"]
    assert [s.id for s in out.segments] == [0, 1]
    assert out.segments[1].start == 1.2 and out.segments[1].avg_logprob == -0.2
    assert all(w.speaker == "SPEAKER_01" for w in out.segments[1].words)
    assert t.segments[0].speaker is None  # input untouched


def test_word_in_gap_goes_to_nearest_turn_and_majority_by_duration() -> None:
    ws = words((0.0, 1.0, "ett"), (1.0, 2.0, "två"), (4.8, 4.9, "tre"))
    t = Transcript(segments=[seg(0, ws)])
    d = Diarization([Turn(0.0, 2.0, "SPEAKER_00"), Turn(5.0, 6.0, "SPEAKER_01")])
    out = assign_speakers(t, d)
    assert [w.speaker for s in out.segments for w in s.words] == ["SPEAKER_00", "SPEAKER_00", "SPEAKER_01"]
    assert out.segments[0].speaker == "SPEAKER_00"


def test_overlap_flag_keeps_segment() -> None:
    ws = words((0.0, 1.0, "Jag"), (1.0, 2.0, "tycker"), (2.0, 3.0, "att"))
    t = Transcript(segments=[seg(0, ws)])
    d = Diarization([Turn(0.0, 3.0, "SPEAKER_00"), Turn(2.2, 2.9, "SPEAKER_01"), Turn(4.0, 5.0, "SPEAKER_01")])
    out = assign_speakers(t, d)
    assert len(out.segments) == 1
    assert out.segments[0].speaker == "SPEAKER_00"
    assert out.segments[0].overlap is True
    short = assign_speakers(t, Diarization([Turn(0.0, 3.0, "SPEAKER_00"), Turn(2.8, 4.0, "SPEAKER_01")]))
    assert short.segments[0].overlap is False  # 0.2 s is a boundary wobble, not overlap


def test_segments_without_words_and_empty_diarization() -> None:
    t = Transcript(segments=[Segment(id=0, start=3.0, end=4.0, text="Ja.")])
    out = assign_speakers(t, Diarization([Turn(0.0, 3.3, "SPEAKER_00"), Turn(3.3, 4.2, "SPEAKER_01")]))
    assert out.segments[0].speaker == "SPEAKER_01"
    assert assign_speakers(t, Diarization([])).segments[0].speaker is None


def test_join_words_without_leading_spaces() -> None:
    assert join_words([Word(start=0, end=1, text="Hej"), Word(start=1, end=2, text=","),
                       Word(start=2, end=3, text="du")]) == "Hej, du"  # fmt: skip
