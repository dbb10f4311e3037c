"""Over a telephone line voices sound alike: a meeting heard through a telephone band names a voice only on a
clearer match, and speech heard over a line lets a weak profile name over a line, not in a room (hand-made
embeddings; a hand-made back-end stands in for the shipped one)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tests.test_profile_decisions import ANNA, pieces_of
from tests.test_profile_fused import decide, shipped
from tests.test_profile_weak_names import IDENTITY, enrolled_for
from tests.voices import unit
from transcribe.speakers.match import Z_NAMED_FUSED, Z_NAMED_LINE, Z_NAMED_WEAK
from transcribe.speakers.profiles import MIN_ENROLMENT_S, TELEPHONE, ProfileDirectory, voice_seconds, weak

# strangers from a third to three quarters like Anna: her voice scores 2.7-5.3 against them
ALIKE = np.repeat(
    np.stack([pieces_of(ANNA, 1, c, 300 + k)[0] for k, c in enumerate(np.linspace(0.3, 0.75, 40))])[:, None, :], 6, 1
)


def heard_at(band: tuple[float, float]) -> np.ndarray:
    """Anna's pieces whose fused score with a full profile falls in `band`."""
    for k, cos in enumerate(np.linspace(0.99, 0.7, 60)):
        heard = pieces_of(ANNA, 12, float(cos), 700 + k)
        if band[0] <= decide(heard, enrolled_for(30.0), cohort=ALIKE).norm < band[1]:
            return heard
    raise AssertionError(f"no voice scored in {band}")


def test_a_meeting_over_a_telephone_line_names_only_a_clearer_match(monkeypatch) -> None:
    shipped(monkeypatch, IDENTITY)
    full = enrolled_for(30.0)
    usual = heard_at((Z_NAMED_FUSED + 0.1, Z_NAMED_LINE - 0.1))  # enough for a name in a room
    assert (decide(usual, full, cohort=ALIKE).status, decide(usual, full, cohort=ALIKE).name) == ("named", "Anna")
    m = decide(usual, full, cohort=ALIKE, line=True)
    assert (m.status, m.name) == ("proposed", "Anna")  # "Anna?" for the reviewer
    clear = heard_at((Z_NAMED_LINE + 0.2, Z_NAMED_WEAK - 0.2))
    m = decide(clear, full, cohort=ALIKE, line=True)
    assert (m.status, m.name) == ("named", "Anna")


def test_speech_heard_over_a_line_makes_a_weak_profile_name_over_a_line_only(tmp_path: Path, monkeypatch) -> None:
    directory = ProfileDirectory(tmp_path / "speakers")
    directory.add("Anna", [unit(1)], MIN_ENROLMENT_S - 2, channel_variants={TELEPHONE: [unit(2)]})
    p = directory.add("Anna", [unit(3), unit(4)], 20.0, channel_variants={TELEPHONE: [unit(5), unit(6)]},
                      heard_through=TELEPHONE)  # fmt: skip
    assert p.seconds == MIN_ENROLMENT_S + 18 and voice_seconds(p) == MIN_ENROLMENT_S - 2
    assert weak(p) and not weak(p, line=True)
    # a microphone meeting's speech makes it full everywhere
    q = directory.add("Anna", [unit(7)], 3.0, channel_variants={TELEPHONE: [unit(8)]})
    assert not weak(q) and not weak(q, line=True)
    # matching: the weak voice as recorded proposes in a room where a full one would name
    shipped(monkeypatch, IDENTITY)
    usual = heard_at((Z_NAMED_LINE + 0.2, Z_NAMED_WEAK - 0.2))
    grown = [pr.model_copy(update={"seconds": 30.0, "line_seconds": 30.0 - (MIN_ENROLMENT_S - 2)})
             for pr in enrolled_for(30.0)]  # fmt: skip
    assert decide(usual, grown, cohort=ALIKE).status == "proposed"
    assert decide(usual, grown, cohort=ALIKE, line=True).status == "named"
