"""The voice-profile bench clusters a telephone recording as the product does: its cached windows carry
the recording's channel measure, also when they were cached before the channel was measured."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import soundfile as sf

from samples import conversations as conv
from transcribe.bench import profiles_real
from transcribe.bench.speaker_items import Item
from transcribe.diarize.clustering import BAND_LIMITED_PARAMS
from transcribe.diarize.embedded import EmbeddedDiarizer


def test_windows_cached_without_the_channel_measure_get_it_and_a_telephone_call_its_clustering(
    tmp_path: Path, monkeypatch
) -> None:
    x = {rid: conv.load_flac(path) for rid, path in conv.readers(conv.TEST_POOL)}
    wav = tmp_path / "meeting.wav"
    sf.write(str(wav), conv.telephone(np.concatenate([x["5322"], x["254"]])), conv.SR, subtype="PCM_16")
    item = Item("real_dev", "call", wav, tmp_path / "truth.rttm")
    digest = hashlib.sha256(wav.read_bytes()).hexdigest()
    monkeypatch.setattr(profiles_real, "WINDOW_CACHE", tmp_path / "win")
    (tmp_path / "win").mkdir()
    n = 4  # windows as an older bench cached them: no channel measure among them
    np.savez(tmp_path / "win" / "call.npz", regions=np.array([[0.0, len(x["5322"]) / conv.SR]]),
             start=np.arange(n, dtype=float), end=np.arange(n, dtype=float) + 1.6, region=np.zeros(n, int),
             embedding=np.eye(n, 256, dtype=np.float32), sha256=digest)  # fmt: skip
    d = EmbeddedDiarizer()
    _, w = profiles_real.cached_windows(d, item, digest)
    assert w.high_band_db is not None and w.high_band_db < d.params.band.limit_db
    assert d.clustering_params(w) is BAND_LIMITED_PARAMS
    with np.load(tmp_path / "win" / "call.npz") as z:  # measured once, then kept with the windows
        assert float(z["high_band_db"]) == w.high_band_db
