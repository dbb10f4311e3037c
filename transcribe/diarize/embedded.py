"""The default diariser: Silero speech regions, GE2E voice embeddings plus prosody, clustering.

Everything it needs ships inside installed packages (faster-whisper's Silero VAD,
Resemblyzer's pretrained GE2E encoder), so it works offline out of the box.

Speaker encoders place similar synthetic or same-gender voices close together,
so each 1.5 s window is described by four views: the GE2E embedding, median f0,
level and the long-term spectral shape (cepstral mean). Each view's distance is
measured in units of its own within-speaker spread, estimated from neighbouring
windows of one speech region (almost always one speaker), so no view dominates
by scale and one clustering threshold carries over between recordings.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from transcribe.audio import Audio
from transcribe.diarize.base import (
    Diarization,
    Progress,
    Turn,
    check_speaker_counts,
    l2_normalise,
    relabel_by_appearance,
)

log = logging.getLogger(__name__)

SR = 16_000
FPS = 100  # Resemblyzer mel frames per second (10 ms hop)
N_FFT = 400  # 25 ms analysis window
# The GE2E LSTM on batches of 1.5 s windows gains little from a second thread, and
# spinning OpenMP threads slow down badly when the cores are shared: measured 0.6 s
# per audio minute with one thread against 2.6-4.8 s with two on a busy 2-core box.
ENCODER_THREADS = 1


@dataclass(frozen=True)
class Params:
    window: float = 1.5  # seconds per embedding window
    hop: float = 0.75
    min_region: float = 0.3  # shorter speech regions get no window of their own
    chunk_windows: int = 3  # consecutive windows averaged into one clustering item
    # view weights: GE2E embedding, median f0, level, cepstral shape
    w_embedding: float = 1.0
    w_f0: float = 0.5
    w_level: float = 0.15
    w_cepstrum: float = 1.0
    threshold: float = 1.8  # average-linkage distance, in within-speaker units
    min_speaker: float = 4.0  # seconds of speech below which a free-count cluster is not a speaker
    max_items: int = 2000  # cluster at most this many items; the rest join the nearest centroid
    min_turn: float = 1.0  # shorter within-region speaker flips are smoothed away
    merge_gap: float = 0.3  # same-speaker turns closer than this are joined


# ----------------------------------------------------------------------------- encoder


@functools.cache
def encoder():  # -> resemblyzer.VoiceEncoder (imported lazily: it pulls in torch)
    """Resemblyzer's GE2E encoder, loaded once per process (the weights ship with the package)."""
    from resemblyzer import VoiceEncoder

    return VoiceEncoder(device="cpu", verbose=False).eval()


@contextlib.contextmanager
def torch_threads(n: int) -> Iterator[None]:
    """Run with `n` intra-op threads and restore the caller's setting afterwards."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(max(1, n))
    try:
        yield
    finally:
        torch.set_num_threads(before)


@functools.cache
def _mel_basis() -> np.ndarray:
    import librosa

    return librosa.filters.mel(sr=SR, n_fft=N_FFT, n_mels=40).astype(np.float32).T


def _power_frames(x: np.ndarray) -> np.ndarray:
    """Hann-windowed power spectra, 25 ms every 10 ms, centred like librosa's stft.

    The same frames as Resemblyzer's `wav_to_mel_spectrogram`, computed with numpy
    directly: librosa's stft costs seconds of one-off set-up per process.
    """
    xp = np.pad(np.asarray(x, dtype=np.float32), N_FFT // 2)
    if len(xp) < N_FFT:
        xp = np.pad(xp, (0, N_FFT - len(xp)))
    frames = np.lib.stride_tricks.sliding_window_view(xp, N_FFT)[:: SR // FPS]
    return np.abs(np.fft.rfft(frames * _hann(), axis=1)) ** 2


@functools.cache
def _hann() -> np.ndarray:
    from scipy.signal import get_window

    return get_window("hann", N_FFT, fftbins=True).astype(np.float32)


def _mel(x: np.ndarray, power: np.ndarray | None = None) -> np.ndarray:
    """Resemblyzer's mel frames (n, 40), volume-normalised to -30 dBFS as in its training."""
    power = _power_frames(x) if power is None else power
    rms = float(np.sqrt(np.mean(x**2))) if len(x) else 0.0
    gain = (10 ** (-30 / 20) / rms) ** 2 if rms > 1e-6 else 1.0
    return (power @ _mel_basis() * gain).astype(np.float32)


def _embed_mels(batch: list[np.ndarray]) -> np.ndarray:
    """GE2E embeddings of mel windows; equal-length windows go through the LSTM together."""
    import torch

    enc = encoder()
    out = np.zeros((len(batch), 256), dtype=np.float32)
    by_len: dict[int, list[int]] = {}
    for i, m in enumerate(batch):
        by_len.setdefault(len(m), []).append(i)
    with torch.no_grad():
        for idx in by_len.values():
            mels = torch.from_numpy(np.stack([batch[i] for i in idx]))
            out[idx] = enc(mels).numpy()
    return out


# ----------------------------------------------------------------------------- features


@dataclass
class Windows:
    """Per-window features over the speech regions."""

    start: np.ndarray  # (n,) seconds
    end: np.ndarray
    region: np.ndarray  # index into the speech regions
    embedding: np.ndarray  # (n, 256) GE2E, L2-normalised
    f0: np.ndarray  # (n,) median f0 of voiced frames, semitones re 100 Hz
    level: np.ndarray  # (n,) dB of voiced frames
    cepstrum: np.ndarray  # (n, 19) mean log-mel cepstrum c1..c19 (spectral shape)

    def __len__(self) -> int:
        return len(self.start)


def _window_starts(n_frames: int, win: int, hop: int) -> list[int]:
    if n_frames <= win:
        return [0]
    starts = list(range(0, n_frames - win + 1, hop))
    if starts[-1] + win < n_frames:
        starts.append(n_frames - win)  # last window flush with the region's end
    return starts


def window_features(
    audio: Audio,
    regions: list[tuple[float, float]],
    params: Params = Params(),
    progress: Progress | None = None,
) -> Windows:
    """Embed sliding windows over each speech region, a bounded batch at a time."""
    import librosa
    import scipy.fft
    from scipy.signal import resample_poly

    win, hop = int(params.window * FPS), int(params.hop * FPS)
    starts: list[float] = []
    ends: list[float] = []
    reg: list[int] = []
    f0s: list[float] = []
    levels: list[float] = []
    ceps: list[np.ndarray] = []
    embs: list[np.ndarray] = []
    pending: list[np.ndarray] = []

    def flush() -> None:
        if pending:
            embs.append(_embed_mels(pending))
            pending.clear()

    for r, (a, b) in enumerate(regions):
        if b - a < params.min_region:
            continue
        x = audio.float32(a, b)
        spectra = _power_frames(x)
        mel = _mel(x, spectra)
        n = len(mel)
        # f0 at 8 kHz (enough for voice pitch, half the cost), 10 ms hop like the mel frames
        f0 = librosa.yin(resample_poly(x, 1, 2), fmin=60, fmax=450, sr=8000, frame_length=400, hop_length=80)
        # frame mean square (Parseval on the one-sided spectrum, window energy removed)
        power = (2 * spectra.sum(axis=1) - spectra[:, 0] - spectra[:, -1]) / (N_FFT * float(np.sum(_hann() ** 2)))
        cep = scipy.fft.dct(np.log(mel + 1e-6), type=2, norm="ortho", axis=1)[:, 1:20]
        m = min(n, len(f0), len(power))
        for s in _window_starts(n, win, hop):
            e = min(s + win, n)
            p = power[s : min(e, m)]
            voiced = p >= 0.1 * p.max() if len(p) and p.max() > 0 else np.ones(len(p), bool)
            fv = f0[s : min(e, m)][voiced]
            f0s.append(float(12 * np.log2(np.median(fv) / 100)) if len(fv) else np.nan)
            levels.append(float(10 * np.log10(np.mean(p[voiced]) + 1e-10)) if len(p) else np.nan)
            cv = cep[s : min(e, m)][voiced] if len(p) else cep[s:e]
            ceps.append(cv.mean(axis=0) if len(cv) else cep[s:e].mean(axis=0))
            starts.append(a + s / FPS)
            ends.append(min(b, a + e / FPS))
            reg.append(r)
            pending.append(mel[s:e])
        if len(pending) >= 256:
            flush()
        if progress:
            progress(b)
    flush()
    f0_arr = _fill_nan(np.asarray(f0s, dtype=np.float64))
    level_arr = _fill_nan(np.asarray(levels, dtype=np.float64))
    return Windows(
        start=np.asarray(starts),
        end=np.asarray(ends),
        region=np.asarray(reg, dtype=int),
        embedding=np.concatenate(embs) if embs else np.zeros((0, 256), np.float32),
        f0=f0_arr,
        level=level_arr,
        cepstrum=np.asarray(ceps, dtype=np.float64).reshape(-1, 19),
    )


def _fill_nan(x: np.ndarray) -> np.ndarray:
    if len(x) and np.isnan(x).any():
        x[np.isnan(x)] = np.nanmedian(x) if not np.isnan(x).all() else 0.0
    return x


# ----------------------------------------------------------------------------- distances


@dataclass
class Views:
    """Features of clustering items (chunks of windows) and the within-speaker scales."""

    embedding: np.ndarray  # (n, 256) L2-normalised
    scalars: np.ndarray  # (n, 2) f0, level, divided by their within-speaker spread
    cepstrum: np.ndarray  # (n, 19) divided by per-dimension within-speaker spread
    ref: np.ndarray  # (2,) within-speaker distance of the embedding and cepstrum views

    def take(self, idx: np.ndarray) -> Views:
        return Views(self.embedding[idx], self.scalars[idx], self.cepstrum[idx], self.ref)


def _neighbour_pairs(w: Windows) -> np.ndarray:
    """(i, j) pairs of non-overlapping neighbouring windows in one speech region.

    Neighbours within one region are almost always the same speaker, so their
    differences measure a view's within-speaker spread on this very recording.
    """
    pairs = []
    for i in range(len(w) - 1):
        for j in range(i + 1, min(i + 4, len(w))):
            if w.region[j] != w.region[i]:
                break
            if w.start[j] >= w.end[i] - 0.05:
                pairs.append((i, j))
                break
    if len(pairs) < 5:  # very short recording: overlapping neighbours are better than nothing
        pairs = [(i, i + 1) for i in range(len(w) - 1) if w.region[i] == w.region[i + 1]]
    if len(pairs) < 2:
        pairs = [(i, i + 1) for i in range(len(w) - 1)]
    return np.asarray(pairs, dtype=int).reshape(-1, 2)


def _cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.clip(1.0 - l2_normalise(a) @ l2_normalise(b).T, 0.0, 2.0)


def build_views(w: Windows, groups: list[np.ndarray]) -> Views:
    """Average windows into items and scale each view by its within-speaker spread."""
    pairs = _neighbour_pairs(w)
    scalars = np.stack([w.f0, w.level], axis=1)
    if len(pairs):
        i, j = pairs[:, 0], pairs[:, 1]
        s_scale = np.median(np.abs(scalars[i] - scalars[j]), axis=0)
        c_scale = np.median(np.abs(w.cepstrum[i] - w.cepstrum[j]), axis=0)
        emb_ref = float(np.median(1.0 - np.sum(w.embedding[i] * w.embedding[j], axis=1)))
        cep_ref = float(np.median(np.linalg.norm((w.cepstrum[i] - w.cepstrum[j]) / (c_scale + 1e-6), axis=1)))
    else:
        s_scale, c_scale, emb_ref, cep_ref = np.array([1.5, 2.0]), np.ones(19), 0.2, 4.0
    # floors keep a perfectly steady (synthetic) view from turning tiny differences into huge ones
    s_scale = np.maximum(s_scale, [0.3, 0.5])
    c_scale = np.maximum(c_scale, 1e-3)
    emb_ref = max(emb_ref, 0.02)
    cep_ref = max(cep_ref, 1e-3)
    emb = np.stack([w.embedding[g].mean(axis=0) for g in groups])
    return Views(
        embedding=l2_normalise(emb),
        scalars=np.stack([scalars[g].mean(axis=0) for g in groups]) / s_scale,
        cepstrum=np.stack([w.cepstrum[g].mean(axis=0) for g in groups]) / c_scale,
        ref=np.array([emb_ref, cep_ref]),
    )


def distances(a: Views, b: Views, params: Params) -> np.ndarray:
    """Weighted mean of the per-view distances, each in within-speaker units."""
    from scipy.spatial.distance import cdist

    d = params.w_embedding * _cosine(a.embedding, b.embedding) / a.ref[0]
    d += params.w_f0 * cdist(a.scalars[:, :1], b.scalars[:, :1])
    d += params.w_level * cdist(a.scalars[:, 1:], b.scalars[:, 1:])
    d += params.w_cepstrum * cdist(a.cepstrum, b.cepstrum) / a.ref[1]
    return d / (params.w_embedding + params.w_f0 + params.w_level + params.w_cepstrum)


# ----------------------------------------------------------------------------- clustering


def chunk_groups(w: Windows, size: int) -> list[np.ndarray]:
    """Consecutive windows of one region, `size` at a time: their mean is a steadier voice estimate."""
    groups: list[np.ndarray] = []
    current: list[int] = []
    for i in range(len(w)):
        if current and (w.region[i] != w.region[current[0]] or len(current) >= size):
            groups.append(np.asarray(current))
            current = []
        current.append(i)
    if current:
        groups.append(np.asarray(current))
    return groups


def cluster(v: Views, durations: np.ndarray, params: Params, num: int | None, lo: int, hi: int | None) -> np.ndarray:
    """Average-linkage clustering of items; the count comes from the threshold unless fixed.

    With the count free, clusters holding less than `min_speaker` seconds of speech
    (an overlap, a cough, a lone "ja") are unreliable and join their nearest speaker.
    """
    from sklearn.cluster import AgglomerativeClustering

    n = len(v.embedding)
    if n == 1:
        return np.zeros(1, dtype=int)
    idx = np.arange(n)
    if n > params.max_items:  # bounded memory: cluster an even subsample, then assign the rest
        idx = np.linspace(0, n - 1, params.max_items).round().astype(int)
    sub = v.take(idx)
    d = distances(sub, sub, params)
    np.fill_diagonal(d, 0.0)
    d = (d + d.T) / 2

    def fit(k: int | None) -> np.ndarray:
        kw = {"n_clusters": k} if k else {"n_clusters": None, "distance_threshold": params.threshold}
        return AgglomerativeClustering(metric="precomputed", linkage="average", **kw).fit_predict(d)

    if num is not None:
        labels = fit(min(num, len(idx)))
    else:
        labels = _absorb_small(fit(None), d, durations[idx], params.min_speaker)
        k = len(np.unique(labels))
        bounded = min(max(k, lo), hi if hi is not None else len(idx), len(idx))
        if bounded < lo:
            log.warning("asked for at least %d speakers but the speech only supports %d", lo, bounded)
        if bounded != k:  # --min/--max-speakers override the threshold's count
            labels = fit(bounded)
    labels = np.unique(labels, return_inverse=True)[1]
    if len(idx) == n:
        return labels
    full = np.empty(n, dtype=int)
    full[idx] = labels
    rest = np.setdiff1d(np.arange(n), idx)
    for part in np.array_split(rest, max(1, len(rest) // 1000)):
        full[part] = _nearest(distances(v.take(part), sub, params), labels)
    return full


def _nearest(d: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Cluster with the smallest mean distance (average linkage) for each row of `d`."""
    ids = np.unique(labels)
    mean_d = np.stack([d[:, labels == c].mean(axis=1) for c in ids], axis=1)
    return ids[mean_d.argmin(axis=1)]


def _absorb_small(labels: np.ndarray, d: np.ndarray, durations: np.ndarray, min_speaker: float) -> np.ndarray:
    totals = {c: float(durations[labels == c].sum()) for c in np.unique(labels)}
    big = [c for c, t in totals.items() if t >= min_speaker]
    if not big or len(big) == len(totals):
        return labels
    keep = np.isin(labels, big)
    out = labels.copy()
    out[~keep] = _nearest(d[np.ix_(~keep, keep)], labels[keep])
    return out


# ----------------------------------------------------------------------------- resegmentation


def refine(w: Windows, labels: np.ndarray, params: Params) -> np.ndarray:
    """Re-assign each window to its nearest speaker centroid, then smooth short flips.

    Clustering items span up to `chunk_windows` windows; this recovers speaker
    changes inside an item, and the smoothing undoes single noisy windows.
    """
    speakers = np.unique(labels)
    if len(speakers) > 1:
        singles = [np.array([i]) for i in range(len(w))]
        members = [np.flatnonzero(labels == s) for s in speakers]
        wv, cv = build_views(w, singles), build_views(w, members)
        labels = speakers[distances(wv, cv, params).argmin(axis=1)]
    return smooth(w, labels, params.min_turn)


def smooth(w: Windows, labels: np.ndarray, min_turn: float) -> np.ndarray:
    """Within each speech region, absorb runs shorter than `min_turn` into a longer neighbour."""
    labels = labels.copy()
    for r in np.unique(w.region):
        idx = np.flatnonzero(w.region == r)
        while True:
            runs = _runs(labels[idx])
            if len(runs) < 2:
                break
            durs = [w.end[idx[b - 1]] - w.start[idx[a]] for a, b, _ in runs]
            k = int(np.argmin(durs))
            if durs[k] >= min_turn:
                break
            left = durs[k - 1] if k > 0 else -1.0
            right = durs[k + 1] if k + 1 < len(runs) else -1.0
            a, b, _ = runs[k]
            labels[idx[a:b]] = runs[k - 1][2] if left >= right else runs[k + 1][2]
    return labels


def _runs(x: np.ndarray) -> list[tuple[int, int, int]]:
    """(start, stop, value) of runs of equal values."""
    runs: list[tuple[int, int, int]] = []
    a = 0
    for i in range(1, len(x) + 1):
        if i == len(x) or x[i] != x[a]:
            runs.append((a, i, int(x[a])))
            a = i
    return runs


def to_turns(w: Windows, labels: np.ndarray, regions: list[tuple[float, float]], merge_gap: float) -> list[Turn]:
    """Speaker turns: window labels spread over their regions, split where the label changes."""
    turns: list[Turn] = []
    centres = (w.start + w.end) / 2
    for r, (a, b) in enumerate(regions):
        idx = np.flatnonzero(w.region == r)
        if len(idx) == 0:  # too short to embed: the speaker of the nearest window in time
            if len(centres) == 0:
                continue
            near = int(np.argmin(np.abs(centres - (a + b) / 2)))
            turns.append(Turn(a, b, str(labels[near])))
            continue
        t0 = a
        for _s, e, lab in _runs(labels[idx]):
            t1 = b if e == len(idx) else float((centres[idx[e - 1]] + centres[idx[e]]) / 2)
            turns.append(Turn(t0, t1, str(lab)))
            t0 = t1
    turns.sort(key=lambda t: t.start)
    merged: list[Turn] = []
    for t in turns:
        if merged and merged[-1].speaker == t.speaker and t.start - merged[-1].end <= merge_gap:
            merged[-1] = Turn(merged[-1].start, max(merged[-1].end, t.end), t.speaker)
        else:
            merged.append(t)
    return merged


# ----------------------------------------------------------------------------- diariser


class EmbeddedDiarizer:
    """Offline diariser built only from what installed packages ship."""

    name = "embedded"

    def __init__(self, params: Params | None = None, threads: int = ENCODER_THREADS) -> None:
        self.params = params or Params()
        self.threads = threads

    def diarize(
        self,
        audio: Audio,
        *,
        num_speakers: int | None = None,
        min_speakers: int | None = None,
        max_speakers: int | None = None,
        progress: Progress | None = None,
    ) -> Diarization:
        from transcribe.vad import speech_regions

        num, lo, hi = check_speaker_counts(num_speakers, min_speakers, max_speakers)
        p = self.params
        regions = speech_regions(audio)
        with torch_threads(self.threads):
            w = window_features(audio, regions, p, progress)
        if len(w) == 0:
            if progress:
                progress(audio.duration)
            return Diarization(turns=[], embeddings={})
        groups = chunk_groups(w, p.chunk_windows)
        if num is not None and num > len(groups):
            log.warning(
                "asked for %d speakers but the speech only supports %d; using %d", num, len(groups), len(groups)
            )
            num = len(groups)
        durations = np.array([w.end[g[-1]] - w.start[g[0]] for g in groups])
        item_labels = cluster(build_views(w, groups), durations, p, num, lo, hi)
        labels = np.empty(len(w), dtype=int)
        for g, lab in zip(groups, item_labels, strict=True):
            labels[g] = lab
        refined = refine(w, labels, p)
        if len(np.unique(refined)) >= min(num or lo, len(np.unique(labels))):
            labels = refined  # else smoothing swallowed a speaker the user asked for: keep the clustering
        turns = to_turns(w, labels, regions, p.merge_gap)
        embeddings = {str(s): l2_normalise(w.embedding[labels == s].mean(axis=0)) for s in np.unique(labels)}
        if progress:
            progress(audio.duration)
        return relabel_by_appearance(turns, embeddings)


def embed_segments(audio: Audio, spans: list[tuple[float, float]]) -> np.ndarray:
    """One L2-normalised GE2E embedding for the given spans together (for voice profiles)."""
    mels: list[np.ndarray] = []
    win = int(Params().window * FPS)
    hop = int(Params().hop * FPS)
    for a, b in spans:
        if b - a <= 0:
            continue
        mel = _mel(audio.float32(a, b))
        mels += [mel[s : s + win] for s in _window_starts(len(mel), win, hop) if len(mel[s : s + win])]
    if not mels:
        raise ValueError("no audio in the given spans")
    with torch_threads(ENCODER_THREADS):
        return l2_normalise(_embed_mels(mels).mean(axis=0))
