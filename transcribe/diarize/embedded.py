"""The default diariser: Silero speech regions, GE2E window embeddings, per-recording clustering.

Everything it needs ships inside installed packages (faster-whisper's Silero VAD,
Resemblyzer's pretrained GE2E encoder), so it works offline out of the box.

All speech is covered by 1.5 s windows every 0.5 s. Nothing is fitted to a set
of sample voices: the full-length windows (shorter ones join the nearest speaker
afterwards) are clustered by average linkage at a cosine threshold scaled to how far
apart the recording's voices are (`transcribe.diarize.clustering`; auto-tuned spectral clustering of
embeddings centred per recording is selectable; average linkage on centred
embeddings scored dev DER 0.17-0.27 against 0.063 uncentred), clusters too small to be a speaker
absorbed (`transcribe.diarize.absorb`), clusters of overlapped speech given to the speakers around them
(`transcribe.diarize.overlap`), the count honouring --min/--max-speakers (a given --speakers N keeps the N
largest clusters of the same threshold and lets the rest join them; a split test of each
cluster is selectable, `Params.split`). A recording whose speech comes through a telephone band
(`transcribe.diarize.channel`, measured once per recording) is clustered through the speaker back-end,
small voices of 4 s or more told apart there too (of 2 s or more further apart, through the diariser's own
telephone back-end), and a cluster whose two halves follow the speaker turns
and stand apart through the back-end is split in two (`clustering.BAND_LIMITED_PARAMS`); with the count so
found, the voices are partitioned through the diariser's own telephone back-end (`voicespace`) and each window's
speaker settled by VBx in a PLDA space (`vbxrefine`, `plda`); a re-segmentation along the turns is selectable
(`reseg`). Window labels are then smoothed (a speaker turn shorter than `min_turn` inside one speech region is a
flicker, not a turn), and words are re-segmented later in `assign.py`.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import numpy as np

from transcribe.audio import Audio
from transcribe.diarize import channel, clustering, countcheck, overlap, reseg, split, vbxrefine, voicecue, voicespace
from transcribe.diarize.absorb import absorb_small
from transcribe.diarize.base import (
    Diarization,
    Progress,
    check_speaker_counts,
    l2_normalise,
    relabel_by_appearance,
)
from transcribe.diarize.clustering import BAND_LIMITED_PARAMS, ClusterParams
from transcribe.diarize.turns import smooth, to_turns
from transcribe.vad import QuietSpeech, speech_regions

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
    hop: float = 0.5
    min_region: float = 0.3  # shorter speech regions get no window of their own
    # Consecutive windows of one region averaged into one clustering item, once a recording has at
    # least `chunk_from` windows (about a minute of speech). On the dev conversations pairs took DER
    # 0.133 -> 0.120 and the exact count 40 -> 50 %; on the 30 s two-voice pyannote recording (42
    # windows) the averaged items fell under the AHC threshold as one voice, so short recordings keep
    # every window as an item.
    chunk: int = 2
    chunk_from: int = 120
    # Re-assign each window to its nearest (centred) speaker centroid after clustering. Off: on the dev
    # conversations it cost DER (0.117 -> 0.120) and a tenth of the exact counts, and the pyannote
    # recording 0.09 -> 0.12: one nearest-centroid pass lets a large speaker pull in a small one's windows.
    refine: bool = False
    # Seconds of speech below which a free-count cluster is not a speaker ... On 30 dev conversations
    # (truth without pauses) 8 -> 6 took DER 0.069 -> 0.063, worst 0.25 -> 0.20; 5 found fewer counts.
    # Eight 0.4-1 min dev conversations: exact count 62 -> 75 %, DER 0.089 -> 0.093.
    min_speaker: float = 6.0
    # ... or this share of all speech, whichever is smaller: short meetings. On eight 0.4-1 min dev
    # conversations (2-3 readers) 0.1 found the exact count in 75 %, 0.2 in all (DER 0.058 -> 0.021).
    min_speaker_share: float = 0.2
    # ... unless it is a distinct voice: at least `distinct_s` seconds of full-length windows, and its
    # windows less alike to every speaker kept than `distinct_cos`, measured against how alike each
    # cluster's own windows are (`clustering.voice_similarity`). Dev clusters under 10 s: readers' own
    # at 0.56-0.80 (most below 0.76), fragments of a larger voice at 0.75-0.86. On 40 dev conversations
    # 4 s / 0.76 found the exact count in 80 %, 3 s in 77.5 % (a far reader's reverberant tail kept).
    # With overlapped speech no longer kept as a voice (`overlap_max_s`) and the per-recording threshold,
    # on 40 dev + 24 dev-stress conversations 2/2.5/3/3.5/4 s found the exact count in 80/81/80/80/78 %
    # (DER 0.059/0.059/0.059/0.059/0.060; 40 dev alone 85 % at each): 3 s, the middle.
    distinct_s: float = 3.0
    distinct_cos: float = 0.76  # raw windows; the clustering's own bound through the back-end comes first
    # The split test (`transcribe.diarize.split`): a free-count cluster whose two parts (each `split_s`
    # seconds or more) follow its speaker turns becomes two speakers. Off here (on over a telephone band:
    # `clustering.BAND_LIMITED_PARAMS`): on 28 dev and dev-stress
    # conversations it split three merged-voice clusters rightly (noise 0.160 -> 0.060, telephone 0.357
    # -> 0.119) but three clusters of one reader too (clean 0.055 -> 0.280, telephone 0.055 -> 0.283).
    split: bool = False
    # ... and parts less alike than this (`clustering.voice_similarity`). At 0.89 only the two right
    # splits of the 52 remained (40 dev: DER 0.048 -> 0.046, exact count 77.5 -> 80 %), but the wrong
    # ones stood at 0.897-0.902: too narrow a margin to turn the test on.
    split_cos: float = 1.0
    split_s: float = 8.0
    # Windows shorter than this (speech regions under 1.5 s: a breath, a phrase's tail, a "ja") do not
    # shape the clusters; they join the nearest speaker afterwards. Their embeddings gather in clusters
    # of their own whatever the voice: on 20 dev conversations every small cluster made of a speaker's
    # fragments held 0-29 % full-length windows, every small cluster of a real speaker 57-100 %.
    min_window: float = 1.0
    # Clusters of overlapped speech (`transcribe.diarize.overlap`): under `overlap_max_s` seconds with
    # `overlap_share` of their speech between two other speakers of one region; None: kept. On 40 dev
    # conversations (with the adaptive threshold) exact count 80 -> 82.5 %, DER 0.0493 unchanged.
    overlap_max_s: float | None = 10.0
    overlap_share: float = 0.4
    min_turn: float = 1.0  # shorter within-region speaker flips are smoothed away
    merge_gap: float = 0.3  # same-speaker turns closer than this are joined
    batch: int = 256  # windows per encoder batch (bounded memory)
    # Silero speech probability for the speech regions. At 0.5 it missed a third of the speech of a
    # far-field dev conversation and a fifth of a telephone one, most of the remaining DER; 0.4 took
    # dev DER 0.122 -> 0.094 (exact count 50 -> 70 %), own samples 0.003 -> 0.005.
    vad_threshold: float = 0.4
    # Quiet or far-away speech the threshold missed, found against each recording's own noise floor
    # (`transcribe.vad.QuietSpeech`); None: the threshold alone. On 30 dev conversations DER 0.063 ->
    # 0.051, worst 0.20 -> 0.16 (a far reader's miss 0.19 -> 0.04); own samples and plain espeak
    # voices unchanged. A global threshold of 0.3 instead made the worst dev recording worse. Its
    # level-normalised pass and onset extension: on the 12 dev stress conversations missed speech
    # 0.021 -> 0.009 (a far voice 0.99 -> 0.04 missed), on the 40 standard dev 0.0096 -> 0.0055; false
    # alarm 0.0022 -> 0.0022 and 0.0029 -> 0.0030 (speech regions alone, collar 0.25).
    quiet: QuietSpeech | None = field(default_factory=QuietSpeech)
    # Region edges within this many dB of the recording's noise floor cut off (`vad.trim_to_floor`), or
    # None: Silero's edges as they come. At 3 dB it cut the false alarm of 9 of 10 dev conversations,
    # but one lost a speaker (DER 0.045 -> 0.091; mean of the ten 0.0376 -> 0.0381), the own samples
    # went 0.005 -> 0.014 and the pyannote recording 0.092 -> 0.105: off by default.
    vad_trim_db: float | None = None
    clustering: ClusterParams = field(default_factory=ClusterParams)
    # Recordings whose speech comes through a telephone-like band (`transcribe.diarize.channel`) are
    # clustered with this instead (`clustering.BAND_LIMITED_PARAMS`: through the speaker back-end); None:
    # `clustering` for every channel.
    band_limited_clustering: ClusterParams | None = BAND_LIMITED_PARAMS
    band: channel.ChannelParams = field(default_factory=channel.ChannelParams)


PROFILE_WINDOW, PROFILE_HOP = 1.5, 0.75  # voice profiles keep their own, stable windowing


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


# ----------------------------------------------------------------------------- windows


@dataclass
class Windows:
    """GE2E embeddings of sliding windows over the speech regions."""

    start: np.ndarray  # (n,) seconds
    end: np.ndarray
    region: np.ndarray  # index into the speech regions
    embedding: np.ndarray  # (n, 256) GE2E, L2-normalised, not centred
    high_band_db: float | None = None  # the speech's energy above the telephone band (`channel.measure`)
    cues: np.ndarray | None = None  # (n, k) the second speaker cue (`voicecue.window_cues`), where measured

    def __len__(self) -> int:
        return len(self.start)

    def subset(self, mask: np.ndarray) -> Windows:
        cues = None if self.cues is None else self.cues[mask]
        e = self.embedding[mask]
        return Windows(self.start[mask], self.end[mask], self.region[mask], e, self.high_band_db, cues)


def _window_starts(n_frames: int, win: int, hop: int) -> list[int]:
    if n_frames <= win:
        return [0]
    starts = list(range(0, n_frames - win + 1, hop))
    if starts[-1] + win < n_frames:
        starts.append(n_frames - win)  # last window flush with the region's end
    return starts


def window_embeddings(
    audio: Audio,
    regions: list[tuple[float, float]],
    params: Params = Params(),
    progress: Progress | None = None,
) -> Windows:
    """Embed sliding windows over each speech region, a bounded batch at a time."""
    win, hop = int(params.window * FPS), int(params.hop * FPS)
    starts: list[float] = []
    ends: list[float] = []
    reg: list[int] = []
    embs: list[np.ndarray] = []
    pending: list[np.ndarray] = []
    for r, (a, b) in enumerate(regions):
        if b - a < params.min_region:
            continue
        mel = _mel(audio.float32(a, b))
        for s in _window_starts(len(mel), win, hop):
            e = min(s + win, len(mel))
            starts.append(a + s / FPS)
            ends.append(min(b, a + e / FPS))
            reg.append(r)
            pending.append(mel[s:e])
        if len(pending) >= params.batch:
            embs.append(_embed_mels(pending))
            pending.clear()
        if progress:
            progress(b)
    if pending:
        embs.append(_embed_mels(pending))
    return Windows(
        start=np.asarray(starts),
        end=np.asarray(ends),
        region=np.asarray(reg, dtype=int),
        embedding=np.concatenate(embs) if embs else np.zeros((0, 256), np.float32),
    )


def chunk_groups(w: Windows, size: int) -> list[np.ndarray]:
    """Consecutive windows of one region, `size` at a time: one steadier item, no overlapping twins.

    Overlapping neighbours are near duplicates; as separate items they crowd each
    other's nearest neighbours and chain the affinity graph along time.
    """
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


# ----------------------------------------------------------------------------- diariser


class EmbeddedDiarizer:
    """Offline diariser built only from what installed packages ship."""

    name = "embedded"

    def __init__(self, params: Params | None = None, threads: int = ENCODER_THREADS) -> None:
        self.params = params or Params()
        self.threads = threads

    def windows(self, audio: Audio, progress: Progress | None = None) -> tuple[list[tuple[float, float]], Windows]:
        """Speech regions and their window embeddings (the costly part, reusable across counts)."""

        p = self.params
        regions = speech_regions(audio, threshold=p.vad_threshold, quiet=p.quiet, trim_db=p.vad_trim_db)
        with torch_threads(self.threads):
            w = window_embeddings(audio, regions, self.params, progress)
        w = replace(w, high_band_db=channel.measure(audio, regions, p.band))
        cp = self.clustering_params(w)
        if cp.cue_weight is not None or (cp.partition is not None and cp.partition.cue_weight is not None):
            w = replace(w, cues=voicecue.recording_cues(audio, regions, w.region, w.start, w.end))
        return regions, w

    def clustering_params(self, w: Windows) -> ClusterParams:
        """The clustering for this recording's channel: `band_limited_clustering` over a telephone-like band."""
        p = self.params
        if p.band_limited_clustering is not None and channel.band_limited(w.high_band_db, p.band):
            return p.band_limited_clustering
        return p.clustering

    def label(
        self, regions: list[tuple[float, float]], w: Windows, num: int | None, lo: int, hi: int | None
    ) -> Diarization:
        """Cluster the windows into speakers and turn the labels into speaker turns."""
        p = self.params
        if len(w) == 0:
            return Diarization(turns=[], embeddings={})
        if num is not None and num > len(w):
            log.warning("asked for %d speakers but the speech only supports %d; using %d", num, len(w), len(w))
            num = len(w)
        core = (w.end - w.start) >= p.min_window
        if core.sum() < max(2, num or 0):
            core[:] = True  # too little full-length speech to leave any out
        labels = np.empty(len(w), dtype=int)
        labels[core] = self.cluster_windows(w.subset(core), num, lo, hi)
        if not core.all():  # short windows join the nearest speaker (centroids of the centred windows)
            x = clustering.centre(w.embedding)
            labels[~core] = clustering.nearest(x[core], labels[core], x[~core])
        smoothed = smooth(w, labels, p.min_turn)
        if len(np.unique(smoothed)) >= min(num or lo, len(np.unique(labels))):
            labels = smoothed  # else smoothing swallowed a speaker the user asked for: keep the clustering
        turns = to_turns(w, labels, regions, p.merge_gap)
        embeddings = {str(s): l2_normalise(w.embedding[labels == s].mean(axis=0)) for s in np.unique(labels)}
        return relabel_by_appearance(turns, embeddings)

    def cluster_windows(
        self, w: Windows, num: int | None, lo: int, hi: int | None, cp: ClusterParams | None = None
    ) -> np.ndarray:
        """Speaker labels of the windows, honouring a fixed count or [lo, hi] (`cp`: the channel's clustering)."""
        p = self.params
        cp = cp or self.clustering_params(w)
        if cp.partition is not None:  # the count found with `cp`, the voices partitioned with `cp.partition`
            if num is not None:
                return self.cluster_windows(w, num, num, num, cp.partition)
            labels = self.cluster_windows(w, None, lo, hi, replace(cp, partition=None))
            num = len(np.unique(labels))
            if num < 2:
                return labels
            if cp.recount_s is not None:  # the voices the partition's own clustering holds apart
                num = min(max(num, self.voices_apart(w, cp)), hi or cp.max_speakers)
            labels = self.cluster_windows(w, num, num, num, cp.partition)  # then voices merged in it split off
            secs = np.minimum(w.end - w.start, p.hop)
            return countcheck.recount(w.embedding, labels, secs, w.region, hi or cp.max_speakers, cp.partition)
        groups = chunk_groups(w, p.chunk if len(w) >= p.chunk_from else 1)
        items = np.stack([w.embedding[g].mean(axis=0) for g in groups])
        cue_items = None
        if w.cues is not None and cp.cue_weight is not None:
            cue_items = voicecue.item_vectors(w.cues, groups, cp.cue_columns)
        # A given count still starts from the threshold's clusters: the `num` largest are the speakers
        # and the rest join them. Cutting the tree at `num` clusters instead spent clusters on outliers
        # (overlaps, coughs) and merged real voices: dev DER with the true count 0.084 -> 0.066.
        if num is not None and num > 1:
            given = replace(cp, ahc_min=cp.ahc_min_given_count)
            item_labels = clustering.cluster(items, None, num, None, given, cue_items)
        else:
            item_labels = clustering.cluster(items, num, lo, hi, cp, cue_items)
        labels = np.empty(len(w), dtype=int)
        for g, lab in zip(groups, item_labels, strict=True):
            labels[g] = lab
        if p.refine and len(np.unique(labels)) > 1:
            x = clustering.centre(w.embedding)
            labels = clustering.nearest(x, labels, x)
        if num is None:
            speech = float(np.sum(np.minimum(w.end - w.start, p.hop)))
            floor = min(p.min_speaker, p.min_speaker_share * speech)
            distinct_s = p.distinct_s if cp.distinct_s is None else cp.distinct_s
            if cp.distinct_cos is not None:  # small voices told apart through the speaker back-end
                fused = clustering.with_backend(w.embedding, cp.voice_space)
                faint = {}
                if cp.faint_s is not None:  # and briefly heard ones, further apart (`absorb`)
                    faint = {"faint_s": cp.faint_s, "faint_cos": cp.faint_cos,
                             "faint_voices": voicespace.project(w.embedding, cp.faint_space)}  # fmt: skip
                labels = absorb_small(
                    w, labels, floor, lo, distinct_s, cp.distinct_cos, voices=fused, **faint
                )  # fmt: skip
            else:
                labels = absorb_small(w, labels, floor, keep=lo, distinct_s=distinct_s, distinct_cos=p.distinct_cos)
            if p.overlap_max_s is not None:
                seconds = np.minimum(w.end - w.start, p.hop)
                labels = overlap.drop_overlaps(
                    w.embedding, w.region, seconds, labels, lo, p.overlap_max_s, p.overlap_share
                )  # fmt: skip
            if p.split or cp.split:
                labels = self.split(w, labels, hi or cp.max_speakers, cp)
            return labels
        if p.split or cp.split:  # a cluster of two voices is split before the `num` largest are taken
            seconds = np.minimum(w.end - w.start, p.hop)
            small = sum(float(seconds[labels == c].sum()) < p.min_speaker for c in np.unique(labels))
            labels = self.split(w, labels, small + num, cp)
        if len(np.unique(labels)) > num:
            labels = absorb_small(w, labels, float("inf"), keep=num)
        if cp.reseg_kappa is not None and len(np.unique(labels)) > 1:  # each window's speaker chosen again
            v = voicespace.project(w.embedding, cp.voice_space)
            labels = reseg.resegment(v, labels, w.region, cp.reseg_kappa, cp.reseg_switch, cp.reseg_gap)
        if cp.vbx_fa is not None and len(w) >= cp.vbx_min_windows and len(np.unique(labels)) > 1:  # (`vbxrefine`)
            runs = chunk_groups(w, cp.vbx_span) if cp.vbx_span > 1 else None
            labels = vbxrefine.with_params(w.embedding, labels, cp, runs)
        return labels

    def voices_apart(self, w: Windows, cp: ClusterParams) -> int:
        """The voices `cp.partition`'s threshold clustering holds apart on evidence (`clustering.voices_apart`)."""
        p, part = self.params, cp.partition or cp
        groups = chunk_groups(w, p.chunk if len(w) >= p.chunk_from else 1)
        items = np.stack([w.embedding[g].mean(axis=0) for g in groups])
        item_labels = clustering.cluster(items, None, 1, None, replace(part, ahc_min=part.ahc_min_given_count))
        labels = np.empty(len(w), dtype=int)
        for g, lab in zip(groups, item_labels, strict=True):
            labels[g] = lab
        v = voicespace.project(w.embedding, cp.faint_space)
        return clustering.voices_apart(v, labels, np.minimum(w.end - w.start, p.hop), cp.recount_s, cp.recount_cos)

    def split(self, w: Windows, labels: np.ndarray, top: int, cp: ClusterParams) -> np.ndarray:
        """The split test (`transcribe.diarize.split`), its bound through the back-end when `cp` sets one."""
        p = self.params
        seconds = np.minimum(w.end - w.start, p.hop)
        return split.with_params(w.embedding, seconds, w.region, labels, top, p.split_s, p.split_cos, cp)

    def diarize(
        self,
        audio: Audio,
        *,
        num_speakers: int | None = None,
        min_speakers: int | None = None,
        max_speakers: int | None = None,
        progress: Progress | None = None,
    ) -> Diarization:
        num, lo, hi = check_speaker_counts(num_speakers, min_speakers, max_speakers)
        regions, w = self.windows(audio, progress)
        result = self.label(regions, w, num, lo, hi)
        if progress:
            progress(audio.duration)
        return result


def embed_segments(audio: Audio, spans: list[tuple[float, float]]) -> np.ndarray:
    """One L2-normalised GE2E embedding for the given spans together (for voice profiles)."""
    mels: list[np.ndarray] = []
    win = int(PROFILE_WINDOW * FPS)
    hop = int(PROFILE_HOP * FPS)
    for a, b in spans:
        if b - a <= 0:
            continue
        mel = _mel(audio.float32(a, b))
        mels += [mel[s : s + win] for s in _window_starts(len(mel), win, hop) if len(mel[s : s + win])]
    if not mels:
        raise ValueError("no audio in the given spans")
    with torch_threads(ENCODER_THREADS):
        return l2_normalise(_embed_mels(mels).mean(axis=0))
