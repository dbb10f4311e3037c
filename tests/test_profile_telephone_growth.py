"""Speech heard through a telephone band grows a profile's telephone channel, not the voice as recorded.

GE2E carries the line as well as the voice: a profile whose recorded voice was grown with a telephone
meeting's confirmed speech drew other voices over a line towards it (on the real-voice bench a stranger
was named at 3.26 who had scored 2.08 before the growth).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from samples import conversations as conv
from tests.voices import unit
from transcribe.audio import Audio
from transcribe.speakers.profiles import TELEPHONE, ProfileDirectory, embed_voice


def memory_audio(x: np.ndarray) -> Audio:
    return Audio(path=Path("memory.wav"), samples=(np.clip(x, -1, 1) * 32767).astype(np.int16))


def test_speech_through_a_telephone_line_is_marked_as_heard_through_it() -> None:
    rng = np.random.default_rng(3)
    x = (0.1 * rng.standard_normal(6 * conv.SR)).astype(np.float32)  # energy up to 8 kHz, as a microphone hears
    room = memory_audio(x)
    line = memory_audio(conv.telephone(x))  # 300-3400 Hz, 8 kHz, mu-law
    assert embed_voice(room, [(0.0, room.duration)]).heard_through is None
    assert embed_voice(line, [(0.0, line.duration)]).heard_through == TELEPHONE


def test_a_profile_takes_telephone_speech_as_its_telephone_channel_only(tmp_path: Path) -> None:
    directory = ProfileDirectory(tmp_path / "speakers")
    directory.add("Anna", [unit(1)], 6.0, channel_variants={TELEPHONE: [unit(2)], "room": [unit(3)]})
    p = directory.add("Anna", [unit(4), unit(5)], 12.0, channel_variants={TELEPHONE: [unit(6), unit(7)]},
                      heard_through=TELEPHONE)  # fmt: skip
    assert np.allclose(p.centroid(), unit(1), atol=1e-5)  # the voice as recorded is unchanged
    assert len(p.variants[TELEPHONE]) == 3 and np.allclose(p.variants[TELEPHONE][1:], [unit(4), unit(5)], atol=1e-5)
    assert len(p.variants["room"]) == 1
    assert p.seconds == 18.0  # the speech counts towards naming
    # A first sample heard over a line is the only voice the profile has: kept as its voice, as before.
    q = directory.add("Bo", [unit(8)], 7.0, channel_variants={TELEPHONE: [unit(9)]}, heard_through=TELEPHONE)
    assert np.allclose(q.centroid(), unit(8), atol=1e-5) and len(q.variants[TELEPHONE]) == 1
