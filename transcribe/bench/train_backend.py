"""Rebuild the voice-profile back-end (`transcribe/speakers/data/backend.npz`) from dev voices only.

Training voices: the impostor-cohort readers (LibriSpeech dev readers with id % 4 == 0, never in a
bench conversation; `profiles_real.bench_reader`). Each reader's one utterance is cut into ~3 s
pieces (the size of the evidence a meeting label offers, `speakers.evidence`), and every piece is
embedded as recorded, through the enrolment channel variants (`speakers.channels`) and through the
conversation generator's conditions (reverb, background noise, telephone line, a far speaker;
`samples/conversations.py`, own seeds). Those are the within-speaker variation the back-end learns
to discount. Deterministic: fixed seeds, sorted readers; the embeddings are cached under
samples/cache so refitting is quick.

    python -m transcribe.bench.train_backend [--shrink 0.1] [--dims 0]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from transcribe.audio import Audio
from transcribe.bench.core import SAMPLES_DIR
from transcribe.bench.profiles_real import bench_reader
from transcribe.bench.speaker_items import conversations
from transcribe.diarize import embed_segments
from transcribe.speakers.backend import BACKEND_PATH, fit
from transcribe.speakers.channels import variants
from transcribe.speakers.evidence import PIECE_S

CACHE = SAMPLES_DIR / "cache" / "backend-train-v1.npz"
GENERATOR_CONDITIONS = ("reverb", "noise", "telephone", "far")
SHRINK = 0.2  # chosen on dev conversations (0.05-0.8 tried, `python -m transcribe.bench.profiles_real --sweep`)
DIMS = 0  # 0: WCCN alone, all directions kept


def _embed(x: np.ndarray, sr: int) -> np.ndarray:
    pcm = (np.clip(x, -1.0, 1.0) * 32767).astype(np.int16)  # in memory only
    one = Audio(path=Path("<training>"), samples=pcm, sample_rate=sr)
    return embed_segments(one, [(0.0, one.duration)])


def heard(x: np.ndarray, seed: int) -> dict[str, np.ndarray]:
    """A piece as recorded, through the enrolment variants and through the generator's conditions."""
    conv = conversations()
    out = {"clean": x, **variants(x)}
    for k, name in enumerate(GENERATOR_CONDITIONS):
        rng = np.random.default_rng([seed, k])
        out[f"meeting_{name}"] = conv.apply_condition(name, {"x": x}, rng, len(x), conv.STANDARD)
    return out


def training_embeddings() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(embeddings, reader ids, channel names) of every piece of every training reader, cached."""
    if CACHE.exists():
        with np.load(CACHE) as z:
            return z["embeddings"].astype(np.float32), z["readers"], z["channels"]
    conv = conversations()
    rows, who, chan = [], [], []
    n = int(PIECE_S * conv.SR)
    for rid, flac in sorted(conv.readers(None, "dev"), key=lambda r: int(r[0])):
        if bench_reader(rid):
            continue
        x = conv.load_flac(flac)
        for start in range(0, max(1, len(x) - n // 2), n):
            piece = x[start : start + n]
            if len(piece) < n // 2:
                continue
            for name, y in heard(piece, int(rid) * 1000 + start // n).items():
                rows.append(_embed(y, conv.SR))
                who.append(rid)
                chan.append(name)
        print(f"{rid}: {len(rows)} embeddings", file=sys.stderr, flush=True)
    out = np.stack(rows).astype(np.float32), np.array(who), np.array(chan)
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(CACHE, embeddings=out[0], readers=out[1], channels=out[2])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shrink", type=float, default=SHRINK)
    ap.add_argument("--dims", type=int, default=DIMS, help="LDA directions kept after WCCN (0: all)")
    ap.add_argument("--out", type=Path, default=BACKEND_PATH)
    ns = ap.parse_args(argv)
    x, readers, channels = training_embeddings()
    if not len(x):
        print("no training readers (the full pool lives in ../shared/data)", file=sys.stderr)
        return 1
    b = fit(x, readers, ns.shrink, ns.dims or None)
    print(f"{len(set(readers))} readers, {len(x)} embeddings, {len(set(channels))} channels -> {b.save(ns.out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
