"""The decoding bench section: WER of both decodings per meeting, their ratio, and decodes kept per setting."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from rich.console import Console

from transcribe import asr
from transcribe.audio import Audio
from transcribe.bench import decoding, measured
from transcribe.bench.core import BenchArgs
from transcribe.transcript import Segment, Transcript

TRUTH = {
    "duration": 10.0,
    "speakers": [{"id": "a", "name": "Karin Berg"}],
    "segments": [
        {"turn": 0, "start": 0.0, "end": 4.0, "text": "Vi ses den tionde december."},
        {"turn": 1, "start": 4.5, "end": 9.0, "text": "Karin skickar protokollet."},
    ],
}


def _meeting(root: Path, name: str) -> Path:
    d = root / name
    d.mkdir(parents=True)
    (d / "truth.json").write_text(json.dumps(TRUTH), encoding="utf-8")
    (d / "meeting.ogg").write_bytes(name.encode())
    return d


def _tr(text: str) -> Transcript:
    return Transcript(segments=[Segment(id=0, start=0.0, end=9.0, text=text)])


HEARD = {  # (meeting, mode) -> what the recogniser said; truth has 8 words
    ("m1", "plain"): "vi ses den tionde dec karin skickar",  # 1 sub, 1 del
    ("m1", "tuned"): "vi ses den 10 december karin skickar protokollet",  # digits are spoken alike: 0 errors
    ("m2", "plain"): "i se den tio de december kalle skickar protokoll",
    ("m2", "tuned"): "vi ses den tionde december kalle skickar protokollet",
}


def test_rows_means_and_ratio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dirs = [_meeting(tmp_path, "m1"), _meeting(tmp_path, "m2")]
    monkeypatch.setattr(decoding, "meeting_dirs", lambda which, ids=None: dirs)

    def fake(meeting: Path, mode: str, model: str = "base", fresh: bool = False, cut: float | None = None) -> dict:
        return {"transcript": _tr(HEARD[meeting.name, mode]), "decode_s": 5.0 if mode == "plain" else 6.0,
                "audio_s": 10.0, "cached": False}  # fmt: skip

    monkeypatch.setattr(decoding, "recognise", fake)
    out = decoding.run("heldout", export=tmp_path / "export")
    m1, m2 = out["per_meeting"]
    assert m1["ref_words"] == 8 and m1["plain"]["wer"] == pytest.approx(2 / 8, abs=1e-4) and m1["tuned"]["wer"] == 0
    assert m2["tuned"]["wer"] == pytest.approx(1 / 8, abs=1e-4) and m2["plain"]["wer"] > m2["tuned"]["wer"]
    assert out["mean_wer"]["tuned"] == pytest.approx((m1["tuned"]["wer"] + m2["tuned"]["wer"]) / 2, abs=1e-4)
    assert out["ratio"] == pytest.approx(out["mean_wer"]["tuned"] / out["mean_wer"]["plain"], abs=1e-3)
    assert out["target_met"] is True and out["rtf"] == {"plain": 0.5, "tuned": 0.6}
    assert json.loads((tmp_path / "export" / "m2.json").read_text())["segments"][0]["text"].startswith("vi ses")
    console = Console(record=True, width=160)
    decoding.print_table(out, console)
    text = console.export_text()
    assert "m1" in text and "mean" in text and "met" in text


def test_each_setting_is_decoded_once_then_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    meeting = _meeting(tmp_path, "m1")
    monkeypatch.setattr(decoding, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(decoding, "resolve", lambda name, kind: Path("/models/whisper-base"))
    monkeypatch.setattr(decoding, "decode", lambda path, tmp: SimpleNamespace(duration=10.0))
    calls: list[asr.AsrOptions] = []

    def fake_transcribe(audio, model, options, stats):
        calls.append(options)
        stats.decode_s = 2.0
        return _tr(HEARD["m1", options.decoding])

    monkeypatch.setattr(decoding.asr, "transcribe", fake_transcribe)
    first = decoding.recognise(meeting, "tuned")
    assert not first["cached"] and calls[0].vocabulary == ["Karin Berg"]
    again = decoding.recognise(meeting, "tuned")
    assert again["cached"] and again["transcript"].segments[0].text == first["transcript"].segments[0].text
    plain = decoding.recognise(meeting, "plain")  # another setting is another decode
    assert not plain["cached"] and [c.decoding for c in calls] == ["tuned", "plain"]
    assert decoding.recognise(meeting, "tuned", fresh=True)["cached"] is False


def test_the_cache_keeps_what_whisper_said_and_correction_follows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = _meeting(tmp_path, "m1")
    monkeypatch.setattr(decoding, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(decoding, "resolve", lambda name, kind: Path("/models/whisper-base"))
    monkeypatch.setattr(decoding, "decode", lambda path, tmp: SimpleNamespace(duration=10.0))
    said = "vi ses den tionde desember Karin skickar protokollet"
    monkeypatch.setattr(decoding.asr, "transcribe", lambda audio, model, options, stats: _tr(said))
    for _ in range(2):  # decoded, then read back: corrected both times
        got = decoding.recognise(meeting, "tuned")
        assert got["transcript"].segments[0].text.split()[4] == "december" and got["corrected_words"] == 1
    (cached,) = (tmp_path / "cache" / "m1").glob("tuned-*.json")
    assert "desember" in cached.read_text(encoding="utf-8")
    plain = decoding.recognise(meeting, "plain")
    assert "desember" in plain["transcript"].segments[0].text  # plain faster-whisper is left as it said


def test_a_quick_bench_does_not_decode_the_held_out_meetings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decoding, "recognise", lambda *a, **k: pytest.fail("decoded in a quick run"))
    out = decoding.decoding_section(BenchArgs(quick=True))
    assert "skipped" in out
    console = Console(record=True, width=120)
    decoding.print_table(out, console)
    assert "--decoding" in console.export_text()


def test_dev_wide_adds_the_dev_meetings_with_audio_and_never_a_held_out_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    samples = tmp_path / "samples"
    (samples / "scripts").mkdir(parents=True)
    (samples / "scripts" / "m1.yaml").write_text("id: m1\n", encoding="utf-8")
    _meeting(samples, "m1")
    _meeting(samples / "minutes-dev", "board")
    (samples / "minutes-dev" / "notes").mkdir()  # truth without audio is no meeting to decode
    (samples / "minutes-dev" / "notes" / "truth.json").write_text(json.dumps(TRUTH), encoding="utf-8")
    for name, split in (("agenda-dev", "dev"), ("agenda-held", "heldout")):
        _meeting(samples / "agenda", name)
        (samples / "agenda" / name / "agenda-truth.yaml").write_text(f"split: {split}\n", encoding="utf-8")
    _meeting(samples / "heldout", "unseen")
    monkeypatch.setattr(decoding, "SAMPLES_DIR", samples)
    monkeypatch.setattr(decoding, "HELDOUT_DIR", samples / "heldout")
    monkeypatch.setattr(decoding, "MINUTES_DEV_DIR", samples / "minutes-dev")
    monkeypatch.setattr(decoding, "AGENDA_DIR", samples / "agenda")
    assert [d.name for d in decoding.meeting_dirs("dev")] == ["m1"]
    assert [d.name for d in decoding.meeting_dirs("dev-wide")] == ["m1", "board", "agenda-dev"]
    assert [d.name for d in decoding.meeting_dirs("heldout")] == ["unseen"]


def test_a_screening_cut_keeps_whole_turns_in_audio_and_reference() -> None:
    truth = {"segments": [
        {"turn": 0, "start": 0.5, "end": 20.0, "text": "Första turen."},
        {"turn": 1, "start": 20.1, "end": 50.0, "text": "Andra turen."},
        {"turn": 2, "start": 52.0, "end": 70.0, "text": "Tredje turen."},
    ]}  # fmt: skip
    until = decoding.cut_point(truth, 60.0)
    assert 50.0 < until < 52.0  # after the second turn, before the third starts
    assert decoding.reference(truth, until) == "Första turen. Andra turen."
    assert decoding.cut_point(truth, 10.0) == pytest.approx(20.05)  # the first turn at least, not into the next
    assert decoding.cut_point(truth, None) is None and decoding.reference(truth).endswith("Tredje turen.")


def test_a_cut_is_its_own_decode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    meeting = _meeting(tmp_path, "m1")
    monkeypatch.setattr(decoding, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(decoding, "resolve", lambda name, kind: Path("/models/whisper-base"))
    full = Audio.from_array(np.zeros(16000 * 10, dtype=np.float32), tmp_path / "full")
    monkeypatch.setattr(decoding, "decode", lambda path, tmp: full)
    heard: list[float] = []

    def fake_transcribe(audio, model, options, stats):
        heard.append(audio.duration)
        return _tr("vi ses")

    monkeypatch.setattr(decoding.asr, "transcribe", fake_transcribe)
    decoding.recognise(meeting, "tuned")
    decoding.recognise(meeting, "tuned", cut=4.0)
    assert decoding.recognise(meeting, "tuned", cut=4.0)["cached"]
    assert heard == [10.0, 4.0]


def test_the_spread_counts_the_meetings_tuned_helps() -> None:
    out = decoding.spread([0.8, 0.9, 1.1, 0.95])
    assert out["better"] == 3 and out["meetings"] == 4
    assert out["ratio_quartiles"][0] < out["ratio_quartiles"][1] < out["ratio_quartiles"][2]
    assert decoding.spread([]) is None


def test_a_decode_at_another_precision_is_not_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    meeting = _meeting(tmp_path, "m1")
    monkeypatch.setattr(decoding, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(decoding, "resolve", lambda name, kind: Path("/models/whisper-base"))
    monkeypatch.setattr(decoding, "decode", lambda path, tmp: SimpleNamespace(duration=10.0))
    precisions: list[str] = []

    def fake_transcribe(audio, model, options, stats):
        precisions.append(options.compute_type)
        return _tr(HEARD["m1", options.decoding])

    monkeypatch.setattr(decoding.asr, "transcribe", fake_transcribe)
    decoding.recognise(meeting, "tuned")
    tuned_int8 = decoding.options_for
    monkeypatch.setattr(
        decoding,
        "options_for",
        lambda mode, truth: dataclasses.replace(tuned_int8(mode, truth), compute_type="float32"),
    )  # the same settings at another precision
    assert decoding.recognise(meeting, "tuned")["cached"] is False
    assert precisions == ["int8", "float32"]


def _plain_of_the_decoding_bench(meeting: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> asr.AsrOptions:
    """The options the decoding bench decodes a meeting's plain with (nothing decoded)."""
    monkeypatch.setattr(decoding, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(decoding, "resolve", lambda name, kind: Path("/models/whisper-base"))
    monkeypatch.setattr(decoding, "decode", lambda path, tmp: SimpleNamespace(duration=10.0))
    used: list[asr.AsrOptions] = []
    monkeypatch.setattr(
        decoding.asr, "transcribe", lambda audio, model, options, stats: used.append(options) or _tr("vi")
    )
    decoding.recognise(meeting, "plain")
    return used[0]


def test_plain_is_faster_whisper_as_it_loads_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    used = [_plain_of_the_decoding_bench(_meeting(tmp_path, "m1"), tmp_path, monkeypatch)]
    assert used[0].compute_type == "default"  # WhisperModel(path)'s own compute_type, not the product's int8
    assert asr.decode_kwargs(used[0]) == {"language": "sv", "word_timestamps": True}


def test_the_pipeline_bench_baseline_is_the_decoding_bench_plain(tmp_path: Path, monkeypatch) -> None:
    meeting = _meeting(tmp_path, "m1")
    used = [_plain_of_the_decoding_bench(meeting, tmp_path, monkeypatch)]
    loaded: list[tuple[str, str, str | None]] = []
    decoded: list[dict] = []

    class Plain:
        def transcribe(self, audio: str, **kwargs):
            decoded.append(kwargs)
            return iter([SimpleNamespace(text=" Vi ses i morgon.")]), SimpleNamespace(duration=10.0)

    def load(model: str, compute_type: str = "int8", device: str | None = None) -> Plain:
        loaded.append((model, compute_type, device))
        return Plain()

    monkeypatch.setattr(measured, "load_model", load)
    spec = {"kind": "baseline", "audio": str(meeting / "meeting.ogg"), "out": str(tmp_path / "run"), "model": "base"}
    (tmp_path / "run").mkdir()
    (tmp_path / "spec.json").write_text(json.dumps({**spec, "language": "sv"}), encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["worker", str(tmp_path / "spec.json")])
    measured.worker_main()
    run = json.loads((tmp_path / "run" / "run.json").read_text(encoding="utf-8"))
    assert run["text"] == "Vi ses i morgon."
    assert loaded == [("base", used[0].compute_type, "cpu")]  # the same precision as the decoding bench's plain
    assert decoded == [asr.decode_kwargs(used[0])]  # and the same decoding arguments
    assert used[0].compute_type != asr.AsrOptions().compute_type  # not the product's int8
