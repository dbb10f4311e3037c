"""The diariser's telephone back-end (`transcribe.diarize.voicespace`): shipped, chosen by name, and over a
telephone line it tells real readers' windows apart better than raw GE2E cosines and the profiles' back-end."""

from __future__ import annotations

import numpy as np
import pytest

from transcribe.audio import Audio
from transcribe.bench import metrics
from transcribe.bench.speaker_items import conversations
from transcribe.bench.train_backend import over_line, separation
from transcribe.diarize import voicespace
from transcribe.diarize.base import Diarization, Turn
from transcribe.diarize.embedded import EmbeddedDiarizer, Params, window_embeddings
from transcribe.speakers.backend import load


def test_the_telephone_back_end_ships_beside_the_diariser() -> None:
    b = load(voicespace.TELEPHONE_BACKEND)
    assert b is not None and b.dim == 256
    x = np.random.default_rng(0).normal(size=(5, 256))
    tel, prof = voicespace.project(x, "telephone"), voicespace.project(x, "profiles")
    assert np.allclose(np.linalg.norm(tel, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(tel, prof, atol=1e-3)  # its own matrix, not the profiles'


def test_an_unknown_space_is_refused_and_a_missing_file_leaves_raw_cosines(monkeypatch, tmp_path) -> None:
    with pytest.raises(ValueError, match="okänd röstrymd"):
        voicespace.project(np.ones((1, 256)), "mikrofon")
    monkeypatch.setitem(voicespace.BACKENDS, "telephone", tmp_path / "saknas.npz")
    x = np.random.default_rng(1).normal(size=(3, 256))
    assert np.allclose(voicespace.project(x, "telephone"), x / np.linalg.norm(x, axis=1, keepdims=True), atol=1e-6)


def test_over_a_line_the_test_readers_windows_stand_apart_better_through_the_telephone_back_end() -> None:
    conv = conversations()
    rows, who = [], []
    for rid, flac in conv.readers(conv.TEST_POOL):
        a = over_line(conv.load_flac(flac), rid, 0, 30.0)
        w = window_embeddings(a, [(0.0, a.duration)], Params())
        rows.append(w.embedding)
        who += [rid] * len(w)
    x, who = np.concatenate(rows), np.array(who)
    assert len(set(who)) >= 3
    raw, _ = separation(x, who)
    profiles, _ = separation(voicespace.project(x, "profiles"), who)
    telephone, _ = separation(voicespace.project(x, "telephone"), who)
    assert telephone > max(raw, profiles)


def test_a_call_of_three_real_voices_is_partitioned_through_the_telephone_back_end(tmp_path) -> None:
    conv = conversations()
    c = conv.build(conv.Spec("dev", 0, 0, 3, 2.0, "telephone"), conv.TEST_POOL)
    audio = Audio.from_array(c.audio, tmp_path)
    d = EmbeddedDiarizer(threads=1)
    regions, w = d.windows(audio)
    cp = d.clustering_params(w)
    assert cp.voice_space == "profiles" and cp.partition is not None and cp.partition.voice_space == "telephone"
    hyp = d.label(regions, w, None, 1, None)
    truth = Diarization([Turn(a, b, s) for a, b, s in c.turns])
    assert len(hyp.labels) == 3
    assert metrics.der(truth, hyp, duration=audio.duration) <= 0.10
