"""A profile enrolled from a second or so of speech is kept: it shows a clear match as "Anna?" for the reviewer
and never names; under MIN_VOICE_S (a single word) it proposes nothing (hand-made embeddings, as in
test_profile_weak_names)."""

from __future__ import annotations

from tests.test_profile_fused import decide, shipped
from tests.test_profile_weak_names import IDENTITY, NEAR, enrolled_for, heard_at
from transcribe.speakers.match import Z_NAMED_WEAK
from transcribe.speakers.profiles import MIN_VOICE_S, Profile, weak_profile_line


def test_a_second_of_enrolment_proposes_a_clear_match_and_never_names(monkeypatch) -> None:
    shipped(monkeypatch, IDENTITY)
    clear = heard_at((Z_NAMED_WEAK + 0.2, float("inf")))
    m = decide(clear, enrolled_for(1.2), cohort=NEAR)
    assert (m.status, m.name) == ("proposed", "Anna")
    m = decide(clear, enrolled_for(MIN_VOICE_S - 0.3), cohort=NEAR)
    assert m.status == "anonymous" and m.name is None


def test_the_weak_line_of_a_second_of_speech_says_it_proposes() -> None:
    second = weak_profile_line(Profile(name="Bo", seconds=1.2))
    assert '"Bo?"' in second and "bara namnet" in second
    word = weak_profile_line(Profile(name="Bo", seconds=MIN_VOICE_S - 0.3))
    assert "inte heller" in word and '"Bo?"' not in word
