"""Conversations of real human voices with exact truth, for diarisation and voice profiles.

The espeak-ng sample meetings have strongly shaped synthetic voices; a diariser
tuned on them alone says little about real people. This builds conversations
from LibriSpeech readers (one ~12.5 s utterance per reader in
`../shared/data/librispeech-train-clean`, CC BY 4.0):

- each utterance is cut into phrases at its pauses; a turn is 1-4 consecutive
  phrases of one reader (cycling through them, so long conversations reuse a
  reader's phrases at other cut points and levels);
- turns are laid out with 0.15-1.2 s pauses, and about 10 % of them start
  0.3-1.5 s before the previous turn ends (overlapping speech);
- each reader gets a level offset in -6..+6 dB (plus +-1 dB per turn);
- a condition is applied: clean, reverb (a synthetic room per reader),
  noise (pink + hum at 12-18 dB SNR), telephone (300-3400 Hz, 8 kHz, mu-law)
  or far (one reader 10-14 dB quieter with a long reverberant tail);
- a dev-only stress set (`stress=True`) makes far, noise and telephone harsher (`STRESS`): a far voice
  quieter than any standard one, lower SNR; it draws its own layouts, and the standard conversations
  stay byte-identical (the harsher ranges replace the bounds of the same random draws);
- a dev-only many-speaker set (`many=True`): 6-8 dev readers over a telephone line or in noise, at the
  standard ranges, 2-6 minutes, with layouts of its own: where voices get merged, to study the count;
- the RTTM holds one line per stretch of speech, at its exact sample position:
  pauses inside a phrase (frames within 10 dB of the reader's noise floor) are
  not speech.

Readers are split by a fixed rule (see `group_of`): even LibriSpeech reader id =
"dev" (the only voices to tune on), odd id = "heldout" (report only).

    python -m samples.conversations --group dev --count 10 --out samples/cache/conversations
    python -m samples.conversations --group dev --stress --count 9 --out samples/cache/conversations
    python -m samples.conversations --group dev --many --count 12 --out samples/cache/conversations
    python -m samples.conversations --espeak-plain --out samples/cache/espeak-plain

Output is deterministic for a given seed, group and index.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.signal import butter, fftconvolve, resample_poly, sosfilt

SR = 16_000
SAMPLES_DIR = Path(__file__).resolve().parent
REPO_DIR = SAMPLES_DIR.parent
SHARED_POOL = REPO_DIR.parent / "shared" / "data" / "librispeech-train-clean"
TEST_POOL = REPO_DIR / "tests" / "data" / "librispeech"
CONDITIONS = ("clean", "reverb", "noise", "telephone", "far")
STRESS_CONDITIONS = ("far", "noise", "telephone")
MANY_CONDITIONS = ("telephone", "noise")
MANY = {"min_speakers": 6, "max_speakers": 8, "min_minutes": 2.0, "max_minutes": 6.0}
# dB ranges of the conditions: the far voice's attenuation, the noise condition's SNR, the telephone line's
# noise under the speech (a fixed 35 dB in the standard set, no draw).
STANDARD = {"far_db": (10.0, 14.0), "noise_snr": (12.0, 18.0)}
STRESS = {"far_db": (14.0, 22.0), "noise_snr": (5.0, 10.0), "line_snr": (18.0, 26.0)}
GROUPS = ("dev", "heldout")
OVERLAP_SHARE = 0.10
LEVEL_DB = 6.0
TARGET_DBFS = -23.0  # speech RMS before the reader's level offset
# Bumped when the truth of the same audio changes: cached conversations of an older truth are rebuilt.
TRUTH_VERSION = 3


def group_of(reader_id: int | str) -> str:
    """The fixed split: even LibriSpeech reader id -> "dev", odd -> "heldout"."""
    return "dev" if int(reader_id) % 2 == 0 else "heldout"


def pool(root: Path | None = None) -> Path:
    """The reader pool: ../shared/data when present, else the few files copied for tests."""
    if root is not None:
        return Path(root)
    return SHARED_POOL if SHARED_POOL.is_dir() else TEST_POOL


def readers(root: Path | None = None, group: str | None = None) -> list[tuple[str, Path]]:
    """(reader id, flac path) sorted by id, optionally of one group."""
    out = []
    for path in sorted(pool(root).glob("*.flac")):
        rid = path.name.split("-")[0]
        if group is None or group_of(rid) == group:
            out.append((rid, path))
    return sorted(out, key=lambda r: int(r[0]))


def _seed(*parts: Any) -> int:
    return int.from_bytes(hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()[:8], "big")


# ----------------------------------------------------------------------------- phrases


def load_flac(path: Path) -> np.ndarray:
    import soundfile as sf

    x, sr = sf.read(str(path), dtype="float32", always_2d=False)
    if x.ndim > 1:
        x = x.mean(axis=1)
    if sr != SR:
        x = resample_poly(x, SR, sr).astype(np.float32)
    return x


@dataclass(frozen=True)
class Phrase:
    """A stretch of one reader's utterance and where in it the reader is actually speaking."""

    audio: np.ndarray
    spans: tuple[tuple[int, int], ...]  # speech sample spans within `audio` (pauses left out)


def _frame_db(x: np.ndarray, frame: int) -> np.ndarray:
    n = len(x) // frame
    rms = np.sqrt(np.mean(x[: n * frame].reshape(n, frame) ** 2, axis=1) + 1e-12)
    return 20 * np.log10(rms / rms.max())


def _runs(mask: np.ndarray, min_gap: int) -> list[list[int]]:
    """[start, stop) runs of True, bridging gaps shorter than `min_gap`."""
    spans: list[list[int]] = []
    for i in np.flatnonzero(mask):
        if spans and i - spans[-1][1] < min_gap:
            spans[-1][1] = int(i) + 1
        else:
            spans.append([int(i), int(i) + 1])
    return spans


def phrases(x: np.ndarray, min_pause: float = 0.2, rel_db: float = -35.0, min_len: float = 0.6,
            floor_margin_db: float = 10.0, floor_range_db: float = 15.0) -> list[Phrase]:  # fmt: skip
    """Cut speech at pauses of at least `min_pause` s (frames `rel_db` below the loudest).

    The truth inside a phrase is stricter: a frame is speech only when it also stands
    `floor_margin_db` above the utterance's noise floor (its 10th-percentile frame). Some
    readers' recordings hiss at -30 dB below their peak; by `rel_db` alone their pauses of a
    second or more would be labelled speech. A reader who hardly pauses has no floor to
    find (the 10th percentile is speech, less than `floor_range_db` under the 70th): there
    `rel_db` alone decides.
    """
    frame = SR // 100
    db = _frame_db(x, frame)
    gap = int(min_pause * 100)
    cuts = _runs(db > rel_db, gap)
    floor, level = np.percentile(db, [10, 70])
    voiced = db > (max(rel_db, floor + floor_margin_db) if level - floor >= floor_range_db else rel_db)
    out: list[tuple[np.ndarray, list[tuple[int, int]]]] = []
    prev_b = 0
    for a, b in cuts:
        piece = x[a * frame : b * frame]
        inner = [(s, e) for s, e in _runs(voiced[a:b], gap)]
        if out and len(piece) < min_len * SR:  # too short to stand alone: joins the previous phrase
            audio, spans = out[-1]
            offset = len(audio) + (a - prev_b) * frame
            spans += [(offset + s * frame, offset + e * frame) for s, e in inner]
            out[-1] = (np.concatenate([audio, np.zeros((a - prev_b) * frame, np.float32), piece]), spans)
        else:
            out.append((piece, [(s * frame, e * frame) for s, e in inner]))
        prev_b = b
    return [Phrase(p, tuple(sp)) for p, sp in out if len(p) >= 0.3 * SR]


# ----------------------------------------------------------------------------- conditions


def _rir(rng: np.random.Generator, rt60: float, direct: float = 1.0) -> np.ndarray:
    """A synthetic room impulse response: a direct path plus exponentially decaying noise."""
    n = int(rt60 * SR)
    t = np.arange(n) / SR
    tail = rng.standard_normal(n) * np.exp(-6.9 * t / rt60)
    tail[: int(0.003 * SR)] = 0.0
    sos = butter(2, 4000, "low", fs=SR, output="sos")
    tail = sosfilt(sos, tail)
    tail *= 0.35 / (np.sqrt(np.sum(tail**2)) + 1e-9)
    h = tail
    h[0] += direct
    return (h / np.sqrt(np.sum(h**2))).astype(np.float32)


def _pink(n: int, rng: np.random.Generator) -> np.ndarray:
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1 / SR)
    y = np.fft.irfft(spec / np.sqrt(np.maximum(f, 30.0)), n)
    return (y / (np.sqrt(np.mean(y**2)) + 1e-12)).astype(np.float32)


def pink(n: int, rng: np.random.Generator) -> np.ndarray:
    """Unit-RMS pink noise of `n` samples (the generator's line and floor noise), for trainers outside this module."""
    return _pink(n, rng)


def telephone(x: np.ndarray) -> np.ndarray:
    """300-3400 Hz, 8 kHz sampling and 8-bit mu-law, back at 16 kHz."""
    sos = butter(4, [300, 3400], "band", fs=SR, output="sos")
    y = resample_poly(sosfilt(sos, x), 1, 2)
    mu = 255.0
    peak = float(np.max(np.abs(y))) or 1.0
    z = np.sign(y / peak) * np.log1p(mu * np.abs(y / peak)) / np.log1p(mu)
    z = np.round(z * 127) / 127
    y = np.sign(z) * np.expm1(np.abs(z) * np.log1p(mu)) / mu * peak
    return resample_poly(y, 2, 1).astype(np.float32)[: len(x)]


# ----------------------------------------------------------------------------- conversations


@dataclass(frozen=True)
class Spec:
    group: str
    index: int
    seed: int
    speakers: int
    minutes: float
    condition: str
    stress: bool = False  # the harsher dev-only ranges of `STRESS`
    many: bool = False  # the dev-only many-speaker set (`MANY`)

    @property
    def id(self) -> str:
        group = f"{self.group}stress" if self.stress else f"{self.group}many" if self.many else self.group
        return f"{group}-{self.index:02d}-{self.speakers}spk-{self.condition}"

    def seed_parts(self, kind: str) -> tuple[Any, ...]:
        """What seeds this spec's draws; the dev-only sets' own layouts never repeat a standard one."""
        return (
            (kind, self.group, self.seed, self.index)
            + (("stress",) if self.stress else ())
            + (("many",) if self.many else ())
        )


def corpus(group: str, count: int, seed: int = 0, min_speakers: int = 2, max_speakers: int = 8,
           min_minutes: float = 2.0, max_minutes: float = 10.0, stress: bool = False,
           many: bool = False) -> list[Spec]:  # fmt: skip
    """`count` conversation specs of one group: speakers and minutes seeded, conditions in turn.

    With `stress`, the dev-only stress set: far, noise and telephone in turn, at the `STRESS` ranges.
    With `many`, the dev-only many-speaker set: telephone and noise in turn, `MANY` speakers and minutes.
    """
    if group not in GROUPS:
        raise ValueError(f"group must be one of {GROUPS}")
    if (stress or many) and group != "dev":
        raise ValueError("the stress and many-speaker sets are built from dev readers only")
    if stress and many:
        raise ValueError("one dev-only set at a time")
    conditions = STRESS_CONDITIONS if stress else MANY_CONDITIONS if many else CONDITIONS
    if many:
        min_speakers, max_speakers = MANY["min_speakers"], MANY["max_speakers"]
        min_minutes, max_minutes = MANY["min_minutes"], MANY["max_minutes"]
    specs = []
    for i in range(count):
        rng = np.random.default_rng(_seed(*Spec(group, i, seed, 0, 0.0, "", stress, many).seed_parts("spec")))
        speakers = int(rng.integers(min_speakers, max_speakers + 1))
        minutes = round(float(rng.uniform(min_minutes, max_minutes)), 2)
        specs.append(Spec(group, i, seed, speakers, minutes, conditions[i % len(conditions)], stress, many))
    return specs


@dataclass
class Conversation:
    id: str
    audio: np.ndarray  # float32, 16 kHz
    turns: list[tuple[float, float, str]]  # exact speech spans (pauses left out): start, end, reader id
    spec: dict[str, Any]

    def rttm(self) -> str:
        return "".join(f"SPEAKER {self.id} 1 {a:.3f} {b - a:.3f} <NA> <NA> {s} <NA> <NA>\n" for a, b, s in self.turns)


def build(spec: Spec, root: Path | None = None) -> Conversation:
    """Lay out one conversation: readers, turns, pauses, overlaps, levels, condition."""
    rng = np.random.default_rng(_seed(*spec.seed_parts("conv")))
    pool_readers = readers(root, spec.group)
    if len(pool_readers) < spec.speakers:
        raise ValueError(f"{spec.group}: {len(pool_readers)} readers, {spec.speakers} wanted")
    chosen = [pool_readers[i] for i in sorted(rng.choice(len(pool_readers), spec.speakers, replace=False))]
    voices = {rid: phrases(load_flac(path)) for rid, path in chosen}
    ids = [rid for rid, _ in chosen]
    level = {rid: float(rng.uniform(-LEVEL_DB, LEVEL_DB)) for rid in ids}
    share = rng.dirichlet(np.full(len(ids), 2.0))  # some people talk more than others
    cursor_phrase = {rid: int(rng.integers(len(voices[rid]))) for rid in ids}
    target = spec.minutes * 60 * SR
    placed: list[tuple[int, np.ndarray, str]] = []  # (start sample, phrase audio, reader)
    spoken: list[tuple[int, int, str]] = []  # the truth: speech sample spans, reader
    pos = int(rng.uniform(0.3, 1.0) * SR)
    prev_start, prev_end, prev = pos, pos, None
    order = list(ids)
    rng.shuffle(order)
    n_turns = 0
    while prev_end < target:
        if n_turns < len(ids):  # everyone speaks once early on, as in a round of introductions
            who = order[n_turns]
        else:
            w = share.copy()
            w[ids.index(prev)] = 0.0
            who = ids[int(rng.choice(len(ids), p=w / w.sum()))]
        n = int(rng.integers(1, 5))
        pieces = []
        for _ in range(n):
            k = cursor_phrase[who] % len(voices[who])
            pieces.append(voices[who][k])
            cursor_phrase[who] += 1
        gain = 10 ** ((TARGET_DBFS + level[who] + rng.uniform(-1, 1)) / 20)
        if prev is not None and rng.random() < OVERLAP_SHARE:
            ov = min(rng.uniform(0.3, 1.5), 0.5 * (prev_end - prev_start) / SR, 0.5 * len(pieces[0].audio) / SR)
            start = prev_end - int(ov * SR)
        else:
            start = prev_end + int(rng.uniform(0.15, 1.2) * SR)
        t = start
        for j, p in enumerate(pieces):
            if j:
                t += int(rng.uniform(0.1, 0.35) * SR)
            rms = float(np.sqrt(np.mean(p.audio**2))) or 1.0
            placed.append((t, p.audio * (gain / rms), who))
            spoken += [(t + a, t + b, who) for a, b in p.spans]
            t += len(p.audio)
        prev_start, prev_end, prev = start, max(prev_end, t), who
        n_turns += 1
    total = prev_end + int(0.8 * SR)
    tracks = {rid: np.zeros(total, np.float32) for rid in ids}
    for s, p, who in placed:
        tracks[who][s : s + len(p)] += p
    mix = apply_condition(spec.condition, tracks, rng, total, STRESS if spec.stress else STANDARD)
    peak = float(np.max(np.abs(mix)))
    if peak > 0.97:
        mix *= 0.97 / peak
    turns = sorted((a / SR, b / SR, who) for a, b, who in spoken)
    info = {
        **{k: v for k, v in asdict(spec).items() if k not in ("stress", "many") or v},
        "truth_version": TRUTH_VERSION,
        "readers": ids,
        "levels_db": {k: round(v, 1) for k, v in level.items()},
    }
    return Conversation(spec.id, mix.astype(np.float32), [(round(a, 3), round(b, 3), w) for a, b, w in turns], info)


def apply_condition(
    name: str, tracks: dict[str, np.ndarray], rng: np.random.Generator, total: int, ranges: dict[str, tuple]
) -> np.ndarray:
    """The readers' tracks mixed as heard in condition `name`, its levels drawn from `ranges` (`STANDARD`/`STRESS`)."""
    ids = list(tracks)
    if name == "reverb":
        mix = sum(fftconvolve(x, _rir(rng, float(rng.uniform(0.3, 0.7))))[:total] for x in tracks.values())
    elif name == "far":
        far = ids[int(rng.integers(len(ids)))]
        mix = np.zeros(total, np.float32)
        for rid, x in tracks.items():
            if rid == far:
                x = fftconvolve(x, _rir(rng, 0.8, direct=0.3))[:total] * 10 ** (-rng.uniform(*ranges["far_db"]) / 20)
            mix = mix + x
    else:
        mix = sum(tracks.values())
    mix = np.asarray(mix, np.float32)
    speech_rms = float(np.sqrt(np.mean(mix[np.abs(mix) > 1e-4] ** 2))) if np.any(np.abs(mix) > 1e-4) else 0.01
    if name == "noise":
        snr = float(rng.uniform(*ranges["noise_snr"]))
        hum = np.sin(2 * np.pi * 50 * np.arange(total) / SR) * 0.3
        noise = _pink(total, rng) + hum.astype(np.float32)
        mix = mix + noise / np.sqrt(np.mean(noise**2)) * speech_rms * 10 ** (-snr / 20)
    elif name == "telephone":
        line = float(rng.uniform(*ranges["line_snr"])) if "line_snr" in ranges else 35.0
        mix = telephone(mix + _pink(total, rng) * speech_rms * 10 ** (-line / 20))
    mix = mix + _pink(total, rng) * 10 ** (-62 / 20)  # faint floor: digital silence is unrealistic
    return mix.astype(np.float32)


def write(conv: Conversation, out_dir: Path) -> Path:
    """meeting.wav (16-bit), truth.rttm and spec.json in out_dir/<id>/."""
    import soundfile as sf

    d = Path(out_dir) / conv.id
    d.mkdir(parents=True, exist_ok=True)
    tmp = d / "meeting.tmp.wav"
    sf.write(str(tmp), conv.audio, SR, subtype="PCM_16")
    tmp.replace(d / "meeting.wav")
    (d / "truth.rttm").write_text(conv.rttm(), encoding="utf-8")
    (d / "spec.json").write_text(json.dumps(conv.spec, indent=1) + "\n", encoding="utf-8")
    return d


def ensure(spec: Spec, out_dir: Path, root: Path | None = None) -> Path:
    """The conversation's directory, generated once."""
    d = Path(out_dir) / spec.id
    if not (d / "meeting.wav").exists() or not (d / "truth.rttm").exists() or _truth_version(d) != TRUTH_VERSION:
        write(build(spec, root), out_dir)
    return d


def _truth_version(d: Path) -> int:
    try:
        return int(json.loads((d / "spec.json").read_text(encoding="utf-8")).get("truth_version", 1))
    except (OSError, ValueError):
        return 0


# ----------------------------------------------------------------------------- espeak plain voices

ESPEAK_PLAIN = ("styrelse", "ej-beslut", "projekt", "uppfoljning", "apt")


def ensure_espeak_plain(sid: str, out_dir: Path, max_turns: int = 40) -> Path:
    """A sample script spoken by plain `sv+<variant>` voices: no sox shaping, no pitch/speed tweaks."""
    from samples.generate import load_script, render_meeting, rttm_text, write_outputs

    d = Path(out_dir) / sid
    if (d / "meeting.wav").exists() and (d / "truth.rttm").exists():
        return d
    script = load_script(SAMPLES_DIR / "scripts" / f"{sid}.yaml")
    for sp in script["speakers"]:
        sp["voice"] = {"variant": sp["voice"].get("variant", "")}
    script["turns"] = script["turns"][:max_turns]
    script["truth"] = {}
    r = render_meeting(script)
    write_outputs(r, d, fmt="wav")
    (d / "truth.rttm").write_text(rttm_text(sid, r.segments), encoding="utf-8")
    return d


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--group", choices=GROUPS, default="dev")
    ap.add_argument("--count", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=SAMPLES_DIR / "cache" / "conversations")
    ap.add_argument("--espeak-plain", action="store_true", help="the plain-voice espeak meetings instead")
    ap.add_argument("--stress", action="store_true", help="the dev-only stress set (far, noise, telephone harsher)")
    ap.add_argument("--many", action="store_true", help="the dev-only many-speaker set (6-8 voices, telephone, noise)")
    ns = ap.parse_args(argv)
    if ns.espeak_plain:
        for sid in ESPEAK_PLAIN:
            print(ensure_espeak_plain(sid, ns.out))
        return 0
    if not readers(None, ns.group):
        print(f"no LibriSpeech readers in {pool()}", file=sys.stderr)
        return 2
    for spec in corpus(ns.group, ns.count, ns.seed, stress=ns.stress, many=ns.many):
        print(ensure(spec, ns.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
