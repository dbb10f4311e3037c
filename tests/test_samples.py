"""Tests for the synthetic sample meetings (samples/generate.py and samples/scripts/*.yaml)."""

from __future__ import annotations

import json
import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest
import yaml

from samples import generate as gen
from samples.generate import SampleError, generate_meeting, load_script

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted((ROOT / "samples" / "scripts").glob("*.yaml"))
NETWORK = ["natverk-1", "natverk-2", "natverk-3"]
EXPECTED = {"natverk-1", "natverk-2", "natverk-3", "styrelse", "projekt", "apt", "uppfoljning", "ej-beslut"}

needs_tts = pytest.mark.skipif(
    shutil.which("espeak-ng") is None or shutil.which("sox") is None,
    reason="espeak-ng and sox are needed to synthesise audio (apt-get install espeak-ng sox)",
)

SMALL = {
    "id": "liten",
    "title": "Litet testmöte",
    "date": "2026-11-18",
    "time": "18:00",
    "place": "Umeå",
    "series": None,
    "speakers": [
        {
            "id": "anna",
            "name": "Anna Test",
            "role": "ordförande",
            "voice": {"variant": "f5", "pitch": 62, "speed": 175, "sox": "pitch 250 treble +3"},
        },
        {
            "id": "bo",
            "name": "Bo Test",
            "role": "ledamot",
            "voice": {"variant": "m1", "pitch": 30, "speed": 165, "sox": "pitch -350 bass +5"},
        },
    ],
    "turns": [
        {"speaker": "anna", "text": "Hej och välkomna. Jag heter Anna och är ordförande."},
        {"speaker": "bo", "text": "Tack. Då beslutar vi att måla om trapphuset i vår."},
    ],
    "truth": {
        "decisions": [{"text": "Trapphuset målas om i vår.", "turn": 1}],
        "actions": [{"what": "Ta in offerter", "owner": "Bo Test", "due": "2026-12-04", "turn": 1}],
        "next_meeting": "2026-12-14T18:30",
        "not_decided": [],
    },
}


def _write_script(tmp_path: Path, script: dict, name: str = "liten") -> Path:
    p = tmp_path / f"{name}.yaml"
    p.write_text(yaml.safe_dump(script, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return p


def _rttm(path: Path) -> list[tuple[float, float, str]]:
    rows = []
    for line in path.read_text().splitlines():
        f = line.split()
        assert f[0] == "SPEAKER" and len(f) == 10, line
        rows.append((float(f[3]), float(f[3]) + float(f[4]), f[7]))
    return rows


def _wav(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 16000)
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768


def _f0(x: np.ndarray, sr: int = 16000) -> float:
    """Median autocorrelation pitch of the voiced frames."""
    out = []
    for i in range(0, len(x) - 640, 320):
        fr = x[i : i + 640] - x[i : i + 640].mean()
        if np.sqrt(np.mean(fr**2)) < 0.02:
            continue
        ac = np.correlate(fr, fr, "full")[639:]
        k = sr // 400 + int(np.argmax(ac[sr // 400 : sr // 60]))
        if ac[k] > 0.4 * ac[0]:
            out.append(sr / k)
    return float(np.median(out))


# ---------------------------------------------------------------- committed scripts (no audio tools needed)


def test_all_expected_scripts_exist():
    assert {p.stem for p in SCRIPTS} >= EXPECTED


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_committed_script_parses_and_truth_is_valid(path: Path):
    s = load_script(path)  # validates speakers, turn indices, emotions, dates as strings
    assert s["id"] == path.stem
    assert 2 <= len(s["speakers"]) <= 6
    n = len(s["turns"])
    used = {t["speaker"] for t in s["turns"]}
    assert used == {sp["id"] for sp in s["speakers"]}, "every speaker speaks"
    truth = s["truth"]
    for kind in ("decisions", "actions", "not_decided"):
        for item in truth.get(kind) or []:
            assert 0 <= item["turn"] < n
    for a in truth.get("actions") or []:
        assert a["owner"] in {sp["name"] for sp in s["speakers"]}
        assert a["due"] is None or len(a["due"]) == 10
    assert s["date"][:7] in {"2026-11", "2026-12", "2027-01"}
    nm = truth.get("next_meeting")
    assert nm is None or (len(nm) == 16 and nm[:10] > s["date"])
    # the time of day must survive YAML (18:00 unquoted would become an int)
    assert isinstance(s["time"], str) and len(s["time"]) == 5


def test_ej_beslut_has_no_decisions():
    s = load_script(ROOT / "samples" / "scripts" / "ej-beslut.yaml")
    assert s["truth"]["decisions"] == []
    assert len(s["truth"]["not_decided"]) >= 2
    assert s["truth"]["next_meeting"]


def test_network_series_shares_speakers_and_voices():
    scripts = [load_script(ROOT / "samples" / "scripts" / f"{i}.yaml") for i in NETWORK]
    ref = {sp["id"]: sp for sp in scripts[0]["speakers"]}
    for s in scripts:
        assert s["series"] == "natverk-skelleftea"
        assert {sp["id"]: sp for sp in s["speakers"]} == ref, s["id"]
        questions = [q for q in s["truth"]["questions"] if q["question"] == "Vem ska leda arbetet?"]
        assert questions, s["id"]
        q = questions[0]
        assert "leda arbetet" in s["turns"][q["turn"]]["text"]
        groups = {a["group"] for a in q["answers"]}
        assert groups <= {"regionen", "kommunen", "skolan"} and len(groups) >= 2
        answered = [t for a in q["answers"] for t in a["turns"]]
        assert len(answered) == len(set(answered)) >= 3
        assert len({s["turns"][t]["speaker"] for t in answered}) >= 3
        for a in q["answers"]:
            for t in a["turns"]:
                assert a["group"] in s["turns"][t]["text"].lower(), (s["id"], t)


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_committed_outputs_match_script(path: Path):
    """samples/<id>/ must be regenerated whenever its script changes."""
    out = ROOT / "samples" / path.stem
    if not (out / "truth.json").exists():
        pytest.skip(f"{out} not generated (python -m samples.generate {path.stem})")
    s = load_script(path)
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    assert [(g["speaker"], g["text"]) for g in truth["segments"]] == [
        (t["speaker"], " ".join(t["text"].split())) for t in s["turns"]
    ]
    for kind in ("decisions", "actions", "not_decided"):
        assert [x["turn"] for x in truth["truth"][kind]] == [x["turn"] for x in s["truth"].get(kind) or []]
    assert truth["truth"]["next_meeting"] == s["truth"].get("next_meeting")
    rows = _rttm(out / "truth.rttm")
    segs = sorted(truth["segments"], key=lambda g: (g["start"], g["turn"]))
    assert len(rows) == len(segs)
    for (a, b, k), g in zip(rows, segs, strict=True):
        assert k == g["speaker"] and abs(a - g["start"]) < 0.002 and abs(b - g["end"]) < 0.002
    assert 90 <= truth["duration"] <= 240
    assert (out / "meeting.ogg").stat().st_size < 1_000_000
    txt = (out / "truth.txt").read_text(encoding="utf-8").splitlines()
    assert txt == [g["text"] for g in truth["segments"]]


def test_committed_audio_is_small():
    total = sum(p.stat().st_size for p in (ROOT / "samples").glob("*/meeting.ogg"))
    assert total < 5_000_000


def test_bad_turn_index_is_rejected(tmp_path: Path):
    bad = json.loads(json.dumps(SMALL))
    bad["truth"]["decisions"][0]["turn"] = 5
    with pytest.raises(SampleError, match="out of range"):
        load_script(_write_script(tmp_path, bad))
    bad = json.loads(json.dumps(SMALL))
    bad["turns"][1]["speaker"] = "okänd"
    with pytest.raises(SampleError, match="unknown speaker"):
        load_script(_write_script(tmp_path, bad))


# ---------------------------------------------------------------- synthesis (needs espeak-ng + sox)


@needs_tts
def test_small_script_audio_matches_rttm(tmp_path: Path):
    path = _write_script(tmp_path, SMALL)
    truth = generate_meeting(path, tmp_path / "ogg")
    rows = _rttm(tmp_path / "ogg" / "truth.rttm")
    assert [r[2] for r in rows] == ["anna", "bo"]
    end = max(r[1] for r in rows)
    dur = float(
        subprocess.run(
            ["soxi", "-D", str(tmp_path / "ogg" / "meeting.ogg")], capture_output=True, text=True, check=True
        ).stdout
    )
    rate = subprocess.run(
        ["soxi", "-r", str(tmp_path / "ogg" / "meeting.ogg")], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert rate == "16000"
    assert end < dur <= end + 1.0
    assert abs(dur - truth["duration"]) < 0.05
    # the same in wav, exactly
    generate_meeting(path, tmp_path / "wav", fmt="wav")
    x = _wav(tmp_path / "wav" / "meeting.wav")
    assert abs(len(x) / 16000 - truth["duration"]) < 1e-3
    # speech where the RTTM says so, near-silence in the lead-in
    s0 = truth["segments"][0]
    assert np.sqrt(np.mean(x[int(s0["start"] * 16000) : int(s0["end"] * 16000)] ** 2)) > 0.03
    assert np.sqrt(np.mean(x[: int(s0["start"] * 16000) - 800] ** 2)) < 0.01


@needs_tts
def test_truth_items_carry_times(tmp_path: Path):
    truth = generate_meeting(_write_script(tmp_path, SMALL), tmp_path / "out")
    on_disk = json.loads((tmp_path / "out" / "truth.json").read_text(encoding="utf-8"))
    assert on_disk == truth
    seg = truth["segments"][1]
    for kind in ("decisions", "actions"):
        item = truth["truth"][kind][0]
        assert (item["start"], item["end"], item["speaker"]) == (seg["start"], seg["end"], "bo")
    assert truth["speakers"] == [
        {"id": "anna", "name": "Anna Test", "role": "ordförande"},
        {"id": "bo", "name": "Bo Test", "role": "ledamot"},
    ]
    assert truth["truth"]["next_meeting"] == "2026-12-14T18:30"
    assert (tmp_path / "out" / "truth.txt").read_text(encoding="utf-8").splitlines() == [
        t["text"] for t in SMALL["turns"]
    ]


@needs_tts
def test_turns_overlap_only_when_asked(tmp_path: Path):
    script = json.loads(json.dumps(SMALL))
    script["turns"].append({"speaker": "anna", "text": "Ja, precis, så gör vi.", "overlap": 0.6})
    script["turns"].append({"speaker": "bo", "text": "Bra.", "pause_after": 0.2})
    script["turns"].append({"speaker": "anna", "text": "Då avslutar vi mötet."})
    truth = generate_meeting(_write_script(tmp_path, script), tmp_path / "out", fmt="wav")
    segs = truth["segments"]
    for a, b in zip(segs, segs[1:], strict=False):
        if b.get("overlap"):
            assert b["start"] < a["end"]
            assert abs((a["end"] - b["start"]) - 0.6) < 0.002
        else:
            assert b["start"] >= a["end"] + 0.19
    assert abs(segs[4]["start"] - segs[3]["end"] - 0.2) < 0.002
    rows = _rttm(tmp_path / "out" / "truth.rttm")
    overlapping = [(r1, r2) for r1, r2 in zip(rows, rows[1:], strict=False) if r2[0] < r1[1]]
    assert len(overlapping) == 1


@needs_tts
def test_generation_is_deterministic(tmp_path: Path):
    path = _write_script(tmp_path, SMALL)
    generate_meeting(path, tmp_path / "a")
    generate_meeting(path, tmp_path / "b")
    for name in ("truth.rttm", "truth.json", "truth.txt", "meeting.ogg"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


@needs_tts
def test_speakers_have_different_pitch(tmp_path: Path):
    truth = generate_meeting(_write_script(tmp_path, SMALL), tmp_path / "out", fmt="wav")
    x = _wav(tmp_path / "out" / "meeting.wav")
    f0 = {s["speaker"]: _f0(x[int(s["start"] * 16000) : int(s["end"] * 16000)]) for s in truth["segments"]}
    assert f0["anna"] > 1.8 * f0["bo"], f0


@needs_tts
def test_cli_noisy_and_long(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    _write_script(scripts, SMALL)
    out = tmp_path / "out"
    assert gen.main(["liten", "--scripts", str(scripts), "--out", str(out)]) == 0
    assert (out / "liten" / "meeting.ogg").exists()
    assert gen.main(["liten", "--noisy", "--scripts", str(scripts), "--out", str(out)]) == 0
    clean = json.loads((out / "liten" / "truth.json").read_text(encoding="utf-8"))
    noisy = json.loads((out / "cache" / "noisy" / "liten" / "truth.json").read_text(encoding="utf-8"))
    assert noisy["noisy"] is True and noisy["segments"] == clean["segments"]
    x = _wav(out / "cache" / "noisy" / "liten" / "meeting.wav")
    assert np.sqrt(np.mean(x[:4000] ** 2)) > 0.01  # loud room tone in the lead-in
    monkeypatch.setattr(gen, "LONG_MIN", 20)
    monkeypatch.setattr(gen, "LONG_MAX", 60)
    assert gen.main(["--long", "--scripts", str(scripts), "--out", str(out)]) == 0
    long = json.loads((out / "cache" / "long" / "truth.json").read_text(encoding="utf-8"))
    assert 20 <= long["duration"] <= 60 and len(long["meetings"]) >= 2
    y = _wav(out / "cache" / "long" / "meeting.wav")
    assert abs(len(y) / 16000 - long["duration"]) < 1e-3
    rows = _rttm(out / "cache" / "long" / "truth.rttm")
    assert len(rows) == len(long["segments"]) == 2 * len(long["meetings"])
    second = long["meetings"][1]
    seg = long["segments"][second["first_turn"]]
    assert abs(seg["start"] - (second["offset"] + clean["segments"][0]["start"])) < 0.002
    dec = [d for d in long["truth"]["decisions"] if d["meeting"] == "liten"]
    assert len(dec) == len(long["meetings"]) and dec[1]["turn"] == second["first_turn"] + 1
    assert gen.main(["okänd", "--scripts", str(scripts), "--out", str(out)]) == 1
