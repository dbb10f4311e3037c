"""The draft a user reads after `transcribe run`: numbers written as the web page writes them."""

from __future__ import annotations

import io

import docx

from transcribe.minutes.model import Emotion, Evidence, Minutes, Mood
from transcribe.minutes.render import docx_bytes, render_markdown


def _minutes() -> Minutes:
    said = Evidence(segment_id=3, speaker="SPEAKER_01", start=12.0, end=15.0, quote="Det här är jättekul!")
    return Minutes(
        title="Styrelsemöte",
        mood=Mood(
            overall="Engagerad stämning.",
            emotions=[Emotion(id="e1", emotion="engagemang", strength=0.28, evidence=[said])],
        ),
    )


def test_an_emotions_strength_is_a_percentage_not_an_english_decimal() -> None:
    md = render_markdown(_minutes())
    assert "Engagemang (styrka 28 %)" in md, md
    assert "0.28" not in md
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(docx_bytes(_minutes()))).paragraphs)
    assert "Engagemang (styrka 28 %)" in text and "0.28" not in text
    assert "Engagemang (strength 28 %)" in render_markdown(_minutes(), lang="en")
