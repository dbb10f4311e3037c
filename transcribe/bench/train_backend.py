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

With --telephone it rebuilds the diariser's telephone back-end instead
(`transcribe/diarize/data/telephone_backend.npz`, `transcribe.diarize.voicespace`): the same cohort
readers, each whole utterance through the conversation generator's telephone line at two line-noise
levels (35 and 22 dB SNR, a reader's level drawn +-6 dB), cut into the diariser's own 1.5 s windows
(`embedded.window_embeddings`), WCCN at shrink 0.4 (0.05-0.8 tried: same/different AUC on pairs of
windows 0.962/0.964/0.965/0.964/0.961 at 0.1/0.2/0.4/0.6/0.8; LDA to 40-200 directions no better).
--evaluate scores same-versus-different windows of the dev readers it was not fitted on (id % 4 == 2)
through the line: AUC and EER of raw GE2E, the profiles' back-end and the telephone back-end.

    python -m transcribe.bench.train_backend --telephone [--evaluate]

With --plda it rebuilds the diariser's PLDA for VBx (`transcribe/diarize/data/telephone_plda.npz`,
`transcribe.diarize.plda`) from the same windows of the same cohort readers: LDA to 60 directions (the most 61
readers carry) after the within-reader covariance is shrunk by 0.5, then the two-covariance PLDA. --evaluate adds
the PLDA's log-likelihood ratio and the cosine in its LDA space beside the back-ends above.

    python -m transcribe.bench.train_backend --plda [--evaluate]

With --cues it measures whether a voice's pitch (`voicecue.pitch_latent`, the median log-F0 of a window) adds to the
PLDA what GE2E over the line does not carry: the pitch prior fitted on the cohort readers' windows over the line, then
same-versus-different on the check readers (id % 4 == 2) for single windows and for stretches of 4 and 8 windows (a
cluster's part), by the PLDA's log-likelihood ratio, by the pitch dimension's and by both summed.

    python -m transcribe.bench.train_backend --cues
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
from transcribe.diarize import embed_segments, plda, voicecue
from transcribe.diarize.embedded import Params, torch_threads, window_embeddings
from transcribe.diarize.voicespace import TELEPHONE_BACKEND, project
from transcribe.speakers.backend import BACKEND_PATH, fit
from transcribe.speakers.channels import variants
from transcribe.speakers.evidence import PIECE_S

CACHE = SAMPLES_DIR / "cache" / "backend-train-v1.npz"
GENERATOR_CONDITIONS = ("reverb", "noise", "telephone", "far")
SHRINK = 0.2  # chosen on dev conversations (0.05-0.8 tried, `python -m transcribe.bench.profiles_real --sweep`)
DIMS = 0  # 0: WCCN alone, all directions kept
TELEPHONE_CACHE = SAMPLES_DIR / "cache" / "telephone-backend-windows-v1.npz"
PITCH_CACHE = SAMPLES_DIR / "cache" / "telephone-pitch-windows-v1.npz"
TELEPHONE_SHRINK = 0.4
LINE_SNR_DB = (35.0, 22.0)  # the standard conversations' line noise and the stress set's middle
PLDA_DIMS = 60  # chosen on the check readers (id % 4 == 2): LLR AUC 0.950/0.959/0.961 at 20/40/60 (shrink 0.3)
PLDA_SHRINK = 0.5  # 0.05/0.3/0.5/0.8 at 60 directions: AUC 0.956/0.961/0.962/0.962, EER 0.115/0.109/0.108/0.108


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


def over_line(x: np.ndarray, rid: str, k: int, snr_db: float) -> Audio:
    """A reader's utterance over the generator's telephone line, at a drawn level and line noise."""
    conv = conversations()
    rng = np.random.default_rng([int(rid), k, 7])
    level = conv.TARGET_DBFS + rng.uniform(-conv.LEVEL_DB, conv.LEVEL_DB)
    y = x * 10 ** (level / 20) / (np.sqrt(np.mean(x**2)) + 1e-9)
    rms = float(np.sqrt(np.mean(y[np.abs(y) > 1e-4] ** 2)))
    y = conv.telephone(y + conv.pink(len(y), rng) * rms * 10 ** (-snr_db / 20))
    y = y + conv.pink(len(y), rng) * 10 ** (-62 / 20)
    pcm = (np.clip(y, -1.0, 1.0) * 32767).astype(np.int16)  # in memory only
    return Audio(path=Path("<line>"), samples=pcm, sample_rate=conv.SR)


def line_windows() -> tuple[np.ndarray, np.ndarray]:
    """(window embeddings, reader ids) of every dev reader over the line, cached; trainers and testers both."""
    if TELEPHONE_CACHE.exists():
        with np.load(TELEPHONE_CACHE) as z:
            return z["embeddings"].astype(np.float32), z["readers"]
    conv = conversations()
    rows, who = [], []
    with torch_threads(1):
        for rid, flac in conv.readers(None, "dev"):
            x = conv.load_flac(flac)
            for k, snr in enumerate(LINE_SNR_DB):
                a = over_line(x, rid, k, snr)
                w = window_embeddings(a, [(0.0, a.duration)], Params())
                rows.append(w.embedding)
                who += [rid] * len(w)
            print(f"{rid}: {len(who)} windows", file=sys.stderr, flush=True)
    out = np.concatenate(rows).astype(np.float32), np.array(who)
    TELEPHONE_CACHE.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(TELEPHONE_CACHE, embeddings=out[0], readers=out[1])
    return out


def line_pitch(readers: np.ndarray) -> np.ndarray:
    """Median log-F0 (NaN: unvoiced) of each of `line_windows`' windows (`readers`: theirs), cached: the same
    utterances over the same line, windows of `Params()` laid as the diariser lays them over one region."""
    if PITCH_CACHE.exists():
        with np.load(PITCH_CACHE) as z:
            if len(z["logf0"]) == len(readers):
                return z["logf0"]
    conv, p = conversations(), Params()
    out = np.full(len(readers), np.nan)
    for rid, flac in conv.readers(None, "dev"):
        idx = np.flatnonzero(readers == rid)
        x = conv.load_flac(flac)
        for k, snr in enumerate(LINE_SNR_DB):  # both passes hold as many windows (`line_windows`)
            part = idx[k * len(idx) // 2 : (k + 1) * len(idx) // 2]
            a = over_line(x, rid, k, snr)
            starts = np.minimum(np.arange(len(part)) * p.hop, max(0.0, a.duration - p.window))
            out[part] = voicecue.window_cues(a.float32(0.0, a.duration), 0.0, starts, starts + p.window)[:, 0]
    PITCH_CACHE.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(PITCH_CACHE, logf0=out, readers=readers)
    return out


def pitch_prior(logf0: np.ndarray, readers: np.ndarray, clip: float = 0.3) -> voicecue.PitchPrior:
    """The spread of voices' median log-F0 and of one voice's windows around it (cut at `clip`)."""
    meds, dev = [], []
    for r in np.unique(readers):
        v = logf0[(readers == r) & ~np.isnan(logf0)]
        meds.append(np.median(v))
        dev.append(np.clip(v - np.median(v), -clip, clip))
    return voicecue.PitchPrior(float(np.mean(meds)), float(np.std(meds)), float(np.concatenate(dev).std()), clip)


def stretches(idx: np.ndarray, k: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Two stretches of `k` consecutive windows of one reader's windows `idx` that share no audio (a window spans
    three hops): what a speaker's two parts hold in a conversation, one run of phrases against another."""
    n = len(idx)
    while True:
        a, b = rng.integers(0, n - k + 1, size=2)
        if abs(int(a) - int(b)) >= k + 2:
            return idx[a : a + k], idx[b : b + k]


def cue_separation(draws: int = 4000) -> int:
    """AUC of same/different reader for groups of windows: the PLDA, the pitch dimension, both (see the notes)."""
    from sklearn.metrics import roc_auc_score

    x, readers = line_windows()
    logf0 = line_pitch(readers)
    cohort = np.array([not bench_reader(r) for r in readers])
    prior = pitch_prior(logf0[cohort], readers[cohort])
    print(f"pitch prior (cohort): {prior}")
    model = plda.load()
    if model is None:
        return 1
    lat = plda.latent(x, model)
    z, zpsi = voicecue.pitch_latent(logf0, prior)
    test = np.array([int(r) % 4 == 2 for r in readers])
    rng = np.random.default_rng(0)
    for k in (1, 4, 8):
        pool = [np.flatnonzero(test & (readers == r)) for r in np.unique(readers[test])]
        pool = [p for p in pool if len(p) >= 2 * k + 6]
        s_plda, s_pitch, same = [], [], []
        for _ in range(draws):
            i = int(rng.integers(len(pool)))
            ga, gb = stretches(pool[i], k, rng)
            if rng.random() < 0.5:  # a stretch of another reader
                j = (i + 1 + int(rng.integers(len(pool) - 1))) % len(pool)
                gb = stretches(pool[j], k, rng)[0]
            same.append(np.isin(gb, pool[i]).all())
            root = np.sqrt(k)  # a mean of k windows: within variance 1/k, so scaled by sqrt(k) the across one k psi
            s_plda.append(plda.llr(lat[ga].mean(0) * root, lat[gb].mean(0) * root, model["psi"] * k))
            s_pitch.append(plda.llr(z[ga].mean() * root, z[gb].mean() * root, zpsi * k))
        s_plda, s_pitch = np.array(s_plda), np.array(s_pitch)
        aucs = [roc_auc_score(same, s) for s in (s_plda, s_pitch, s_plda + 0.5 * s_pitch, s_plda + s_pitch)]
        print(f"{k} window(s) a group: AUC PLDA {aucs[0]:.4f}, pitch {aucs[1]:.4f}, PLDA + pitch/2 {aucs[2]:.4f}, "
              f"PLDA + pitch {aucs[3]:.4f} ({len(pool)} readers)")  # fmt: skip
    return 0


def separation(x: np.ndarray, who: np.ndarray, pairs: int = 200_000) -> tuple[float, float]:
    """(AUC, EER) of cosines of same-reader pairs against different-reader pairs (seeded draws)."""
    from sklearn.metrics import roc_auc_score, roc_curve

    rng = np.random.default_rng(0)
    x = x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-12)
    i, j = rng.integers(len(x), size=(2, pairs))
    diff = np.sum(x[i] * x[j], axis=1)[who[i] != who[j]]
    same = []
    for r in np.unique(who):
        m = np.flatnonzero(who == r)
        a, b = rng.choice(m, 400), rng.choice(m, 400)
        same.append(np.sum(x[a[a != b]] * x[b[a != b]], axis=1))
    s = np.concatenate([diff, *same])
    y = np.r_[np.zeros(len(diff)), np.ones(len(s) - len(diff))]
    fpr, tpr, _ = roc_curve(y, s)
    return float(roc_auc_score(y, s)), float(fpr[np.argmin(np.abs(fpr - (1 - tpr)))])


def separation_llr(z: np.ndarray, who: np.ndarray, psi: np.ndarray, pairs: int = 200_000) -> tuple[float, float]:
    """(AUC, EER) of the PLDA's log-likelihood ratios of latent windows `z`, drawn as `separation` draws them."""
    from sklearn.metrics import roc_auc_score, roc_curve

    rng = np.random.default_rng(0)
    i, j = rng.integers(len(z), size=(2, pairs))
    m = who[i] != who[j]
    diff = plda.llr(z[i[m]], z[j[m]], psi)
    same = []
    for r in np.unique(who):
        k = np.flatnonzero(who == r)
        a, b = rng.choice(k, 400), rng.choice(k, 400)
        same.append(plda.llr(z[a[a != b]], z[b[a != b]], psi))
    s = np.concatenate([diff, *same])
    y = np.r_[np.zeros(len(diff)), np.ones(len(s) - len(diff))]
    fpr, tpr, _ = roc_curve(y, s)
    return float(roc_auc_score(y, s)), float(fpr[np.argmin(np.abs(fpr - (1 - tpr)))])


def fit_plda(out: Path, evaluate: bool) -> int:
    x, readers = line_windows()
    cohort = np.array([not bench_reader(r) for r in readers])
    model = plda.fit(x[cohort], readers[cohort], PLDA_DIMS, PLDA_SHRINK)
    print(f"{len(set(readers[cohort]))} readers, {int(cohort.sum())} windows over the line -> {plda.save(model, out)}")
    if evaluate:
        test = np.array([int(r) % 4 == 2 for r in readers])
        model = plda.load.__wrapped__(out)
        spaces = (("raw GE2E", lambda v: v), ("profiles", project), ("telephone", lambda v: project(v, "telephone")),
                  ("PLDA's LDA space", lambda v: plda.transform(v, model)))  # fmt: skip
        for name, f in spaces:
            auc, eer = separation(f(x[test]), readers[test])
            print(f"{name}: same/different AUC {auc:.4f}, EER {eer:.4f} ({int(test.sum())} windows)")
        auc, eer = separation_llr(plda.latent(x[test], model), readers[test], model["psi"])
        print(f"PLDA log-likelihood ratio: same/different AUC {auc:.4f}, EER {eer:.4f}")
    return 0


def telephone(shrink: float, out: Path, evaluate: bool) -> int:
    x, readers = line_windows()
    cohort = np.array([not bench_reader(r) for r in readers])
    b = fit(x[cohort], readers[cohort], shrink)
    print(f"{len(set(readers[cohort]))} readers, {int(cohort.sum())} windows over the line -> {b.save(out)}")
    if evaluate:
        test = np.array([int(r) % 4 == 2 for r in readers])
        for name, f in (("raw GE2E", lambda v: v), ("profiles", project), ("telephone", b.project)):
            auc, eer = separation(f(x[test]), readers[test])
            print(f"{name}: same/different AUC {auc:.4f}, EER {eer:.4f} ({int(test.sum())} windows)")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shrink", type=float, default=SHRINK)
    ap.add_argument("--dims", type=int, default=DIMS, help="LDA directions kept after WCCN (0: all)")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--telephone", action="store_true", help="rebuild the diariser's telephone back-end")
    ap.add_argument("--plda", action="store_true", help="rebuild the diariser's PLDA for VBx")
    ap.add_argument("--evaluate", action="store_true", help="with --telephone/--plda: AUC/EER on readers not fitted")
    ap.add_argument("--cues", action="store_true", help="does pitch add to the PLDA? (AUC on readers not fitted)")
    ns = ap.parse_args(argv)
    if ns.cues:
        return cue_separation()
    if ns.plda:
        return fit_plda(ns.out or plda.TELEPHONE_PLDA, ns.evaluate)
    if ns.telephone:
        shrink = TELEPHONE_SHRINK if ns.shrink == SHRINK else ns.shrink
        return telephone(shrink, ns.out or TELEPHONE_BACKEND, ns.evaluate)
    ns.out = ns.out or BACKEND_PATH
    x, readers, channels = training_embeddings()
    if not len(x):
        print("no training readers (the full pool lives in ../shared/data)", file=sys.stderr)
        return 1
    b = fit(x, readers, ns.shrink, ns.dims or None)
    print(f"{len(set(readers))} readers, {len(x)} embeddings, {len(set(channels))} channels -> {b.save(ns.out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
