"""Synthesise the sample meetings in ``samples/scripts/*.yaml`` with ground truth.

Usage::

    python -m samples.generate --all                 # every script -> samples/<id>/
    python -m samples.generate styrelse natverk-1    # some scripts
    python -m samples.generate --all --noisy         # noisy-room variants -> samples/cache/noisy/<id>/
    python -m samples.generate --long                # 20-30 min meeting -> samples/cache/long/

Each turn is spoken by ``espeak-ng`` (Swedish voice with a per-speaker variant, pitch and
speed) and reshaped by ``sox`` (pitch/formant shift, equaliser, filters) so that the
speakers sound like different people.  The turns are laid out with seeded pauses and
optional overlaps, a faint seeded noise floor is added, and the exact sample positions
of the turns become ``truth.rttm`` and ``truth.json``.

Only the standard library, PyYAML and numpy are used; espeak-ng and sox (and for no
purpose other than a fallback Opus encoder, ffmpeg) are called as subprocesses.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

SR = 16000
GENERATOR_VERSION = 1
SAMPLES_DIR = Path(__file__).resolve().parent
SCRIPTS_DIR = SAMPLES_DIR / "scripts"

DEFAULT_PAUSE = (0.3, 0.8)  # seconds between turns when a turn has no pause_after
LEAD_IN = (0.4, 0.9)  # silence before the first turn
TAIL = 0.6  # silence after the last turn
NOISE_DBFS = -50.0  # faint room-tone floor (RMS, dB full scale)
NOISY_DBFS = -30.0  # --noisy: a loud room
NOISY_REVERB = "reverb 45 50 70 100 10"  # --noisy: sox reverb (reverberance, damping, room, ...)
VORBIS_QUALITY = -1  # ~17 kbit/s at 16 kHz mono: small enough to commit
PEAK = 10 ** (-3.0 / 20)  # each turn is peak-normalised to -3 dBFS before the speaker's gain
EMOTIONS = {"frustration", "oro", "engagemang", "optimism", "handlingskraft", "glädje", "tveksamhet"}
TOP_KEYS = {"id", "title", "date", "time", "place", "series", "speakers", "turns", "truth"}
TRUTH_KEYS = {"decisions", "actions", "next_meeting", "not_decided", "themes", "mood", "questions"}


class SampleError(RuntimeError):
    """A script is invalid or a required tool is missing."""


# --------------------------------------------------------------------------- scripts


def load_script(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and validate one meeting script; returns a plain dict (dates as strings)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SampleError(f"{path}: invalid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise SampleError(f"{path}: a script must be a mapping")
    try:
        validate_script(data)
    except SampleError as exc:
        raise SampleError(f"{path}: {exc}") from exc
    return data


def script_paths(scripts_dir: Path = SCRIPTS_DIR) -> list[Path]:
    return sorted(Path(scripts_dir).glob("*.yaml"))


def load_all(scripts_dir: Path = SCRIPTS_DIR) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in (load_script(p) for p in script_paths(scripts_dir))}


def validate_script(s: dict[str, Any]) -> None:
    """Raise SampleError if the script breaks the schema (see samples/README.md)."""
    missing = {"id", "title", "date", "speakers", "turns"} - set(s)
    if missing:
        raise SampleError(f"missing keys: {sorted(missing)}")
    unknown = set(s) - TOP_KEYS
    if unknown:
        raise SampleError(f"unknown keys: {sorted(unknown)}")
    for key in ("date", "time", "next_meeting"):
        if key in s and s[key] is not None and not isinstance(s[key], str):
            raise SampleError(f"{key} must be a quoted string, got {s[key]!r}")
    speakers = s["speakers"]
    if not speakers:
        raise SampleError("no speakers")
    ids = [sp.get("id") for sp in speakers]
    if len(set(ids)) != len(ids) or not all(isinstance(i, str) and i and " " not in i for i in ids):
        raise SampleError(f"speaker ids must be unique words: {ids}")
    for sp in speakers:
        if not sp.get("name") or "voice" not in sp:
            raise SampleError(f"speaker {sp.get('id')} needs name and voice")
        v = sp["voice"]
        if not isinstance(v, dict) or "variant" not in v:
            raise SampleError(f"speaker {sp['id']}: voice needs at least a variant")
    turns = s["turns"]
    if not turns:
        raise SampleError("no turns")
    for i, t in enumerate(turns):
        if t.get("speaker") not in ids:
            raise SampleError(f"turn {i}: unknown speaker {t.get('speaker')!r}")
        if not isinstance(t.get("text"), str) or not t["text"].strip():
            raise SampleError(f"turn {i}: empty text")
        if float(t.get("overlap") or 0) < 0 or float(t.get("pause_after") or 0) < 0:
            raise SampleError(f"turn {i}: negative overlap/pause_after")
        if i == 0 and t.get("overlap"):
            raise SampleError("turn 0 cannot overlap")
    truth = s.get("truth") or {}
    unknown = set(truth) - TRUTH_KEYS
    if unknown:
        raise SampleError(f"unknown truth keys: {sorted(unknown)}")
    n = len(turns)

    def check_turn(where: str, idx: Any) -> None:
        if not isinstance(idx, int) or not 0 <= idx < n:
            raise SampleError(f"{where}: turn index {idx!r} out of range 0..{n - 1}")

    for kind in ("decisions", "not_decided"):
        for j, item in enumerate(truth.get(kind) or []):
            if not item.get("text"):
                raise SampleError(f"truth.{kind}[{j}]: no text")
            check_turn(f"truth.{kind}[{j}]", item.get("turn"))
    for j, item in enumerate(truth.get("actions") or []):
        for key in ("what", "owner"):
            if not item.get(key):
                raise SampleError(f"truth.actions[{j}]: no {key}")
        if item.get("due") is not None and not isinstance(item["due"], str):
            raise SampleError(f"truth.actions[{j}]: due must be a quoted string")
        check_turn(f"truth.actions[{j}]", item.get("turn"))
    for j, item in enumerate(truth.get("mood") or []):
        if item.get("emotion") not in EMOTIONS:
            raise SampleError(f"truth.mood[{j}]: unknown emotion {item.get('emotion')!r}")
        for idx in item.get("turns") or []:
            check_turn(f"truth.mood[{j}]", idx)
    for j, q in enumerate(truth.get("questions") or []):
        if not q.get("question"):
            raise SampleError(f"truth.questions[{j}]: no question")
        if "turn" in q:
            check_turn(f"truth.questions[{j}]", q["turn"])
        for a in q.get("answers") or []:
            for idx in a.get("turns") or []:
                check_turn(f"truth.questions[{j}].answers[{a.get('group')}]", idx)
    nm = truth.get("next_meeting")
    if nm is not None and not isinstance(nm, str):
        raise SampleError("truth.next_meeting must be a quoted string or null")


# --------------------------------------------------------------------------- tools


def _require(tool: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        hint = {"espeak-ng": "apt-get install -y espeak-ng", "sox": "apt-get install -y sox libsox-fmt-all"}
        raise SampleError(f"{tool} not found on PATH; install it ({hint.get(tool, 'apt-get install ' + tool)})")
    return exe


def _run(cmd: list[str], stdin: bytes | None = None) -> bytes:
    try:
        res = subprocess.run(cmd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise SampleError(f"cannot run {cmd[0]}: {exc}") from exc
    if res.returncode != 0:
        err = res.stderr.decode("utf-8", "replace").strip()
        raise SampleError(f"command failed ({res.returncode}): {shlex.join(cmd)}\n{err}")
    return res.stdout


def tools_available() -> bool:
    return shutil.which("espeak-ng") is not None and shutil.which("sox") is not None


# --------------------------------------------------------------------------- audio


def _seed(*parts: Any) -> int:
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(h[:8], "big")


def synth_turn(text: str, voice: dict[str, Any], tmpdir: Path) -> np.ndarray:
    """Speak `text` with espeak-ng, reshape with sox, return float32 mono 16 kHz, edges trimmed."""
    espeak = _require("espeak-ng")
    sox = _require("sox")
    variant = str(voice.get("variant") or "")
    name = "sv" if not variant or variant == "sv" else f"sv+{variant}"
    raw_wav = tmpdir / "turn_espeak.wav"
    cmd = [espeak, "-b", "1", "-v", name, "-w", str(raw_wav)]
    if voice.get("pitch") is not None:
        cmd += ["-p", str(int(voice["pitch"]))]
    if voice.get("speed") is not None:
        cmd += ["-s", str(int(voice["speed"]))]
    if voice.get("gap") is not None:  # extra pause between words, in 10 ms units
        cmd += ["-g", str(int(voice["gap"]))]
    _run(cmd, stdin=" ".join(text.split()).encode("utf-8"))
    effects = shlex.split(str(voice.get("sox") or ""))
    out = _run(
        [sox, "-R", "-D", "-V1", str(raw_wav), "-t", "raw", "-e", "floating-point", "-b", "32", "-c", "1", "-"]
        + ["gain", "-10"]
        + effects
        + ["rate", "-h", str(SR)]
    )
    x = np.frombuffer(out, dtype="<f4").astype(np.float32)
    x = _trim(x)
    peak = float(np.max(np.abs(x))) if x.size else 0.0
    if peak > 0:
        x = x * (PEAK / peak) * (10 ** (float(voice.get("gain", 0.0)) / 20))
    return x.astype(np.float32)


def _trim(x: np.ndarray, frame: int = 160, rel_db: float = -42.0, margin: int = 480) -> np.ndarray:
    """Cut the silence espeak leaves at both ends (frames quieter than rel_db below the loudest)."""
    n = len(x) // frame
    if n == 0:
        return x
    rms = np.sqrt(np.mean(x[: n * frame].reshape(n, frame) ** 2, axis=1) + 1e-12)
    voiced = np.nonzero(rms > rms.max() * 10 ** (rel_db / 20))[0]
    if voiced.size == 0:
        return x
    a = max(0, voiced[0] * frame - margin)
    b = min(len(x), (voiced[-1] + 1) * frame + margin)
    return x[a:b]


def _noise(n: int, seed: int, dbfs: float) -> np.ndarray:
    """Seeded pink-ish noise (1/f power) with the given RMS level."""
    if n <= 0:
        return np.zeros(0, dtype=np.float32)
    rng = np.random.default_rng(seed)
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1 / SR)
    shape = 1 / np.sqrt(np.maximum(f, 20.0))
    shape[f < 40] *= f[f < 40] / 40  # no DC rumble
    y = np.fft.irfft(spec * shape, n)
    y *= 10 ** (dbfs / 20) / (np.sqrt(np.mean(y**2)) + 1e-12)
    return y.astype(np.float32)


def _reverb(x: np.ndarray, tmpdir: Path, effect: str = NOISY_REVERB) -> np.ndarray:
    sox = _require("sox")
    src = tmpdir / "dry.f32"
    x.astype("<f4").tofile(src)
    fmt = ["-t", "raw", "-e", "floating-point", "-b", "32", "-c", "1", "-r", str(SR)]
    out = _run([sox, "-R", "-D", "-V1", *fmt, str(src), *fmt, "-"] + shlex.split(effect))
    y = np.frombuffer(out, dtype="<f4").astype(np.float32)
    y = y[: len(x)] if len(y) >= len(x) else np.pad(y, (0, len(x) - len(y)))
    return y


@dataclass
class Rendered:
    audio: np.ndarray  # float32 mono 16 kHz
    segments: list[dict[str, Any]]  # one per turn, with sample positions
    script: dict[str, Any]


def render_meeting(script: dict[str, Any], noisy: bool = False, tmpdir: Path | None = None) -> Rendered:
    """Synthesise all turns and lay them out; deterministic for a given script."""
    own_tmp = tmpdir is None
    tmp = Path(tempfile.mkdtemp(prefix="samples-")) if own_tmp else Path(tmpdir)
    try:
        voices = {sp["id"]: sp["voice"] for sp in script["speakers"]}
        names = {sp["id"]: sp["name"] for sp in script["speakers"]}
        rng = random.Random(_seed("layout", script["id"]))
        clips = [synth_turn(t["text"], voices[t["speaker"]], tmp) for t in script["turns"]]
        segments: list[dict[str, Any]] = []
        pos = int(round(rng.uniform(*LEAD_IN) * SR))
        cursor = pos  # end of all speech placed so far
        prev_pause = 0
        for i, (turn, clip) in enumerate(zip(script["turns"], clips, strict=True)):
            overlap = float(turn.get("overlap") or 0.0)
            if i == 0:
                start = pos
            elif overlap > 0:
                prev = segments[-1]
                start = max(prev["start_sample"] + int(0.3 * SR), prev["end_sample"] - int(round(overlap * SR)))
            else:
                start = cursor + prev_pause
            end = start + len(clip)
            segments.append(
                {
                    "turn": i,
                    "speaker": turn["speaker"],
                    "name": names[turn["speaker"]],
                    "start_sample": start,
                    "end_sample": end,
                    "text": " ".join(turn["text"].split()),
                    "overlap": overlap > 0,
                }
            )
            cursor = max(cursor, end)
            pa = turn.get("pause_after")
            prev_pause = int(round((float(pa) if pa is not None else rng.uniform(*DEFAULT_PAUSE)) * SR))
        total = cursor + int(TAIL * SR)
        speech = np.zeros(total, dtype=np.float32)
        for seg, clip in zip(segments, clips, strict=True):
            speech[seg["start_sample"] : seg["end_sample"]] += clip
        if noisy:
            speech = _reverb(speech, tmp)
        mix = speech + _noise(total, _seed("noise", script["id"], noisy), NOISY_DBFS if noisy else NOISE_DBFS)
        peak = float(np.max(np.abs(mix)))
        if peak > 0.97:
            mix *= 0.97 / peak
        return Rendered(mix.astype(np.float32), segments, script)
    finally:
        if own_tmp:
            shutil.rmtree(tmp, ignore_errors=True)


# --------------------------------------------------------------------------- truth files


def _sec(samples: int) -> float:
    return round(samples / SR, 3)


def build_truth(
    script: dict[str, Any], segments: list[dict[str, Any]], duration: float, audio_name: str, noisy: bool = False
) -> dict[str, Any]:
    segs = [
        {
            "turn": s["turn"],
            "speaker": s["speaker"],
            "name": s["name"],
            "start": _sec(s["start_sample"]),
            "end": _sec(s["end_sample"]),
            "text": s["text"],
            **({"overlap": True} if s.get("overlap") else {}),
        }
        for s in segments
    ]
    by_turn = {s["turn"]: s for s in segs}
    truth = copy.deepcopy(script.get("truth") or {})

    def stamp(item: dict[str, Any]) -> dict[str, Any]:
        s = by_turn[item["turn"]]
        item.update(start=s["start"], end=s["end"], speaker=s["speaker"])
        return item

    for kind in ("decisions", "actions", "not_decided"):
        truth[kind] = [stamp(dict(x)) for x in truth.get(kind) or []]
    for m in truth.get("mood") or []:
        if m.get("turns"):
            m["start"] = min(by_turn[t]["start"] for t in m["turns"])
            m["end"] = max(by_turn[t]["end"] for t in m["turns"])
    for q in truth.get("questions") or []:
        if "turn" in q:
            q["start"] = by_turn[q["turn"]]["start"]
        for a in q.get("answers") or []:
            a["speakers"] = sorted({by_turn[t]["speaker"] for t in a.get("turns") or []})
    truth.setdefault("next_meeting", None)
    for key in ("decisions", "actions", "not_decided", "themes", "mood", "questions"):
        truth.setdefault(key, [])
    return {
        "id": script["id"],
        "title": script.get("title"),
        "date": script.get("date"),
        "time": script.get("time"),
        "place": script.get("place"),
        "series": script.get("series"),
        "audio": audio_name,
        "sample_rate": SR,
        "duration": round(duration, 3),
        "noisy": noisy,
        "generator_version": GENERATOR_VERSION,
        "speakers": [
            {
                "id": sp["id"],
                "name": sp["name"],
                "role": sp.get("role"),
                **({"organisation": sp["organisation"]} if sp.get("organisation") else {}),
            }
            for sp in script["speakers"]
        ],
        "segments": segs,
        "truth": truth,
    }


def rttm_text(file_id: str, segments: list[dict[str, Any]]) -> str:
    lines = []
    for s in sorted(segments, key=lambda s: (s["start_sample"], s["turn"])):
        start = s["start_sample"] / SR
        dur = (s["end_sample"] - s["start_sample"]) / SR
        lines.append(f"SPEAKER {file_id} 1 {start:.3f} {dur:.3f} <NA> <NA> {s['speaker']} <NA> <NA>")
    return "\n".join(lines) + "\n"


def transcript_text(segments: list[dict[str, Any]]) -> str:
    return "\n".join(s["text"] for s in segments) + "\n"


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _wav_bytes(x: np.ndarray) -> bytes:
    import io

    pcm = np.clip(np.round(x * 32767), -32768, 32767).astype("<i2")
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SR)
        w.writeframes(pcm.tobytes())
    return buf.getvalue()


def _encode(x: np.ndarray, fmt: str, tmpdir: Path, quality: int = VORBIS_QUALITY) -> bytes:
    """Return the encoded file bytes: 'wav' (16-bit PCM) or 'ogg' (Vorbis, mono 16 kHz)."""
    wav = _wav_bytes(x)
    if fmt == "wav":
        return wav
    src = tmpdir / "mix.wav"
    src.write_bytes(wav)
    dst = tmpdir / "mix.ogg"
    _run([_require("sox"), "-R", "-V1", str(src), "-C", str(quality), str(dst)])
    return dst.read_bytes()


def write_outputs(r: Rendered, out_dir: Path, fmt: str = "ogg", noisy: bool = False) -> dict[str, Any]:
    """Encode audio and write meeting.<fmt>, truth.rttm, truth.json, truth.txt atomically."""
    out_dir = Path(out_dir)
    audio_name = f"meeting.{fmt}"
    with tempfile.TemporaryDirectory(prefix="samples-enc-") as tmp:
        data = _encode(r.audio, fmt, Path(tmp))
    truth = build_truth(r.script, r.segments, len(r.audio) / SR, audio_name, noisy=noisy)
    _atomic_write(out_dir / audio_name, data)
    _atomic_write(out_dir / "truth.rttm", rttm_text(r.script["id"], r.segments).encode())
    _atomic_write(out_dir / "truth.json", (json.dumps(truth, ensure_ascii=False, indent=2) + "\n").encode())
    _atomic_write(out_dir / "truth.txt", transcript_text(r.segments).encode())
    return truth


def generate_meeting(
    script: dict[str, Any] | str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    noisy: bool = False,
    fmt: str = "ogg",
) -> dict[str, Any]:
    """Synthesise one script (dict or YAML path) into `out_dir`; returns the truth.json dict."""
    if not isinstance(script, dict):
        script = load_script(script)
    else:
        validate_script(script)
    r = render_meeting(script, noisy=noisy)
    return write_outputs(r, Path(out_dir), fmt=fmt, noisy=noisy)


# --------------------------------------------------------------------------- long meeting

LONG_MIN, LONG_MAX = 20 * 60, 30 * 60


def generate_long(
    scripts: list[dict[str, Any]], out_dir: str | os.PathLike[str], noisy: bool = False, fmt: str = "wav"
) -> dict[str, Any]:
    """Concatenate the meetings (repeating from the start if needed) into a 20-30 minute recording."""
    if not scripts:
        raise SampleError("no scripts for --long")
    rendered = [render_meeting(s, noisy=noisy) for s in scripts]
    rng = random.Random(_seed("long"))
    parts: list[np.ndarray] = []
    segments: list[dict[str, Any]] = []
    meetings: list[dict[str, Any]] = []
    truth: dict[str, Any] = {k: [] for k in ("decisions", "actions", "not_decided", "themes", "mood", "questions")}
    truth["next_meeting"] = None
    offset = 0
    i = 0
    # every script once (as far as 30 minutes allow), then repeat from the start until 20 minutes
    while i < len(rendered) or offset < LONG_MIN * SR:
        r = rendered[i % len(rendered)]
        if offset + len(r.audio) > LONG_MAX * SR:
            break
        base = len(segments)
        for s in r.segments:
            segments.append(
                {
                    **s,
                    "turn": base + s["turn"],
                    "meeting": r.script["id"],
                    "start_sample": s["start_sample"] + offset,
                    "end_sample": s["end_sample"] + offset,
                }
            )
        sub = build_truth(r.script, r.segments, len(r.audio) / SR, "")["truth"]
        off_s = offset / SR
        for kind in ("decisions", "actions", "not_decided"):
            for item in sub[kind]:
                item = {**item, "turn": item["turn"] + base, "meeting": r.script["id"]}
                item["start"] = round(item["start"] + off_s, 3)
                item["end"] = round(item["end"] + off_s, 3)
                truth[kind].append(item)
        meetings.append(
            {
                "id": r.script["id"],
                "offset": round(off_s, 3),
                "first_turn": base,
                "duration": round(len(r.audio) / SR, 3),
            }
        )
        parts.append(r.audio)
        offset += len(r.audio)
        gap = int(round(rng.uniform(1.0, 2.0) * SR))
        parts.append(_noise(gap, _seed("long-gap", i), NOISY_DBFS if noisy else NOISE_DBFS))
        offset += gap
        i += 1
    if not meetings:
        raise SampleError("the first script alone is longer than 30 minutes")
    audio = np.concatenate(parts[:-1])  # drop the trailing gap
    speakers: dict[str, dict[str, Any]] = {}
    for r in rendered[: min(i, len(rendered))]:
        for sp in r.script["speakers"]:
            speakers.setdefault(sp["id"], sp)
    script = {
        "id": "long",
        "title": "Lång provinspelning (sammanfogade möten)",
        "date": None,
        "time": None,
        "place": None,
        "series": None,
        "speakers": list(speakers.values()),
        "truth": truth,
    }
    out = build_truth(script, segments, len(audio) / SR, f"meeting.{fmt}", noisy=noisy)
    for seg, src in zip(out["segments"], segments, strict=True):
        seg["meeting"] = src["meeting"]
    out["meetings"] = meetings
    out_dir = Path(out_dir)
    with tempfile.TemporaryDirectory(prefix="samples-enc-") as tmp:
        data = _encode(audio, fmt, Path(tmp))
    _atomic_write(out_dir / f"meeting.{fmt}", data)
    _atomic_write(out_dir / "truth.rttm", rttm_text("long", segments).encode())
    _atomic_write(out_dir / "truth.json", (json.dumps(out, ensure_ascii=False, indent=2) + "\n").encode())
    _atomic_write(out_dir / "truth.txt", transcript_text(segments).encode())
    return out


# --------------------------------------------------------------------------- CLI


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m samples.generate", description=__doc__.split("\n\n")[0])
    ap.add_argument("ids", nargs="*", help="script ids (file names in samples/scripts without .yaml)")
    ap.add_argument("--all", action="store_true", help="every script in samples/scripts")
    ap.add_argument("--out", default=str(SAMPLES_DIR), help="output root (default: the samples folder)")
    ap.add_argument("--scripts", default=str(SCRIPTS_DIR), help="folder of <id>.yaml scripts")
    ap.add_argument("--long", action="store_true", help="also build <out>/cache/long/ (20-30 min, wav)")
    ap.add_argument(
        "--noisy",
        action="store_true",
        help="noisy-room variant (loud noise + reverb), written to <out>/cache/noisy/<id>/ as wav",
    )
    ap.add_argument(
        "--format", choices=["ogg", "wav"], default=None, help="audio format (default ogg, or wav for --noisy)"
    )
    args = ap.parse_args(argv)
    out_root = Path(args.out)
    try:
        all_scripts = {p.stem: p for p in script_paths(Path(args.scripts))}
        if args.all:
            ids = list(all_scripts)
        else:
            ids = args.ids
            unknown = [i for i in ids if i not in all_scripts]
            if unknown:
                raise SampleError(f"unknown script id(s): {unknown}; have {sorted(all_scripts)}")
        if not ids and not args.long:
            ap.error("give script ids, --all or --long")
        for sid in ids:
            script = load_script(all_scripts[sid])
            if script["id"] != sid:
                raise SampleError(f"{all_scripts[sid]}: id {script['id']!r} does not match the file name")
            fmt = args.format or ("wav" if args.noisy else "ogg")
            out_dir = out_root / "cache" / "noisy" / sid if args.noisy else out_root / sid
            t = generate_meeting(script, out_dir, noisy=args.noisy, fmt=fmt)
            print(
                f"{sid}: {t['duration']:.1f} s, {len(t['speakers'])} speakers, {len(t['segments'])} turns -> {out_dir}"
            )
        if args.long:
            scripts = [load_script(p) for p in all_scripts.values()]
            scripts.sort(key=lambda s: (s["date"], s.get("time") or "", s["id"]))
            out_dir = out_root / "cache" / "long"
            t = generate_long(scripts, out_dir, noisy=args.noisy, fmt=args.format or "wav")
            print(
                f"long: {t['duration'] / 60:.1f} min, {len(t['speakers'])} speakers, "
                f"{len(t['meetings'])} meetings -> {out_dir}"
            )
    except SampleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
