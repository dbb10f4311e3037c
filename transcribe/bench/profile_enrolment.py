"""The profile bench's enrolments: each reader's enrolment half, its speech as the product measures it,
and what the product does with an enrolment too short to be trusted.

Each reader's one utterance is cut at a pause near its middle (`cut_point`): the first half enrols, the
second half is all the conversations are built from. The enrolment half is embedded as the product embeds a
recording (`profiles.speech_spans`: voice activity detection, pauses left out), so a profile's seconds are
the speech behind it, not the silence around it; before, the half was embedded whole, pauses and all, and
its seconds counted them. An enrolment of under `profiles.MIN_ENROLMENT_S` s of speech is kept as a weak
profile (it proposes, never names); one without any speech is refused.

`enrolment_quality`: the readers offered for enrolment, how many were accepted, kept weak or refused.
`enrolment_curve`: the figures with every enrolment cut to its first 1-6 s of speech, with and without the
rules for short enrolments, and the same/different separation at each length: how MIN_ENROLMENT_S was chosen.
"""

from __future__ import annotations

import hashlib
import math
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

from transcribe.audio import Audio
from transcribe.bench.core import SAMPLES_DIR
from transcribe.bench.profile_separation import calibration, pair_scores
from transcribe.bench.speaker_items import conversations
from transcribe.errors import BadOption
from transcribe.speakers import channels
from transcribe.speakers.cohort import cohort
from transcribe.speakers.profiles import (
    MIN_ENROLMENT_S,
    MIN_VOICE_S,
    Profile,
    VoiceSample,
    embed_voice,
    speech_spans,
    weak,
)

BENCH_DIR = SAMPLES_DIR / "cache" / "profile-bench"
# The rules for short enrolments switched off: every profile names at the ordinary thresholds.
ENROL_VERSION = 1  # bumped when enrolment embeds speech differently (`profiles.embed_voice`, `speech_spans`)
NO_SHORT_RULES: dict[str, Any] = {"z_thin": -math.inf, "brief": (-math.inf,) * 2, "min_enrolment": 0.0}


def cut_point(x: np.ndarray, sr: int = 16_000, quiet_s: float = 0.25) -> int:
    """Sample index of the quietest `quiet_s` stretch in the middle fifth of an utterance: a pause."""
    n = max(1, int(quiet_s * sr))
    energy = np.convolve(np.asarray(x, dtype=np.float64) ** 2, np.ones(n) / n, "same")
    lo, hi = int(0.4 * len(x)), int(0.6 * len(x))
    return lo + int(np.argmin(energy[lo:hi])) if hi > lo else len(x) // 2


def reader_parts(rid: str, root: Path | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(enrolment part, conversation part) of a reader's one utterance, cut at a pause near its middle."""
    conv = conversations()
    x = conv.load_flac(dict(conv.readers(root))[rid])
    cut = cut_point(x, conv.SR)
    return x[:cut], x[cut:]


def first_seconds(spans: list[tuple[float, float]], seconds: float | None) -> list[tuple[float, float]]:
    """The spans cut to their first `seconds` of speech (None: all of them)."""
    if seconds is None:
        return spans
    out, left = [], seconds
    for a, b in spans:
        if left <= 0:
            break
        out.append((a, min(b, a + left)))
        left -= out[-1][1] - a
    return out


def _enrolment_key(rid: str, seconds: float | None) -> str:
    """A cache key that changes with the enrolment's cut, its VAD and the channel variants' code."""
    code = Path(channels.__file__).read_bytes()
    return hashlib.sha256(code + f"{rid}:{seconds}:vad-v{ENROL_VERSION}".encode()).hexdigest()[:16]


def reader_profile(rid: str, root: Path | None = None, seconds: float | None = None) -> Profile | None:
    """A reader's profile from the speech of their enrolment half (its first `seconds` of speech), as
    `speakers enroll` builds one from a recording; None when it holds under MIN_VOICE_S s of speech (refused)."""
    profile = _embedded(rid, root, seconds)
    return profile if profile is not None and profile.seconds >= MIN_VOICE_S else None


def _embedded(rid: str, root: Path | None, seconds: float | None) -> Profile | None:
    """The reader's enrolment speech embedded (None: no speech found); cached."""
    path = BENCH_DIR / "enrol" / f"{rid}-{_enrolment_key(rid, seconds)}.json"
    if root is None and path.exists():
        text = path.read_text(encoding="utf-8")
        return Profile.model_validate_json(text) if text.strip() != "null" else None
    part = reader_parts(rid, root)[0]
    with tempfile.TemporaryDirectory(prefix="bench-enrol-") as tmp:
        audio = Audio.from_array(part, Path(tmp) / rid)
        try:
            voice = embed_voice(audio, first_seconds(speech_spans(audio), seconds))
        except BadOption:
            profile = None
        else:
            profile = profile_of(rid, voice)
    if root is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(profile.model_dump_json() if profile else "null", encoding="utf-8")
    return profile


def profile_of(rid: str, voice: VoiceSample) -> Profile:
    variants = {k: v.tolist() for k, v in voice.variants.items()}
    return Profile(name=rid, embeddings=voice.vectors.tolist(), n_samples=len(voice.vectors),
                   seconds=voice.seconds, variants=variants)  # fmt: skip


def reader_profiles(readers: Iterable[str], root: Path | None = None, seconds: float | None = None) -> list[Profile]:
    """One profile per reader whose enrolment half holds speech (`reader_profile`)."""
    return [p for p in (reader_profile(rid, root, seconds) for rid in readers) if p is not None]


def enrolment_quality(offered: list[str], profiles: list[Profile]) -> dict[str, Any]:
    """Readers offered for enrolment; accepted (MIN_ENROLMENT_S s of speech or more), kept weak, refused."""
    kept = {p.name for p in profiles}
    secs = sorted(p.seconds for p in profiles)
    return {"readers_offered": len(offered), "accepted": sum(not weak(p) for p in profiles),
            "weak": sum(weak(p) for p in profiles), "refused": sum(r not in kept for r in offered),
            "min_enrolment_s": MIN_ENROLMENT_S,
            "speech_s": {"min": secs[0], "median": float(np.median(secs)), "max": secs[-1]} if secs else {},
            }  # fmt: skip


CURVE_KEYS = ("named_correctly", "named_accepted", "wrong_confident_names", "strangers_named", "strangers_proposed",
              "proposals_right", "highest_stranger_z")  # fmt: skip


def enrolment_curve(anchored: list[Any], enrolled: list[str], figures: Callable[..., dict[str, Any]],
                    truth_of: Callable[[Any, Any], dict[str, str]],
                    lengths: Iterable[float] = (1, 1.5, 2, 3, 4, 5, 6)) -> dict[str, Any]:  # fmt: skip
    """Figures with each enrolment cut to its first seconds of speech, as the product scores them and without
    the rules for short enrolments (`NO_SHORT_RULES`), and the same/different separation at that length."""
    out = {}
    for secs in lengths:
        profiles = reader_profiles(enrolled, seconds=secs)
        now, plain = figures(anchored, profiles), figures(anchored, profiles, **NO_SHORT_RULES)
        sep = calibration(pair_scores(anchored, profiles, cohort(), truth_of))["normalised"]
        sep = {k: sep.get(k) for k in ("auc", "eer", "same_above_every_different")}
        out[f"{secs:g}s"] = {"now": {k: now.get(k) for k in CURVE_KEYS},
                             "without_short_rules": {k: plain.get(k) for k in CURVE_KEYS},
                             "separation": sep}  # fmt: skip
    return out
