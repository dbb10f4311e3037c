"""The voices the voice-profile benches run on: which readers are the bench's people, their pools of
conversation speech (never the enrolled half), the conversations built from them, and the background
cohort shipped with the product (dev readers the bench never uses). See `bench.profiles_real`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from transcribe.audio import Audio
from transcribe.bench.profile_enrolment import BENCH_DIR, reader_parts
from transcribe.bench.speaker_items import Item, conversations
from transcribe.speakers.cohort import CHANNELS, COHORT_PATH
from transcribe.speakers.profiles import embed_voice

POOL_VERSION = 1  # bumped when the enrol/test cut changes: conversations are rebuilt in a new folder
# Minutes per conversation: a reader has ~6 s of speech left after enrolment, repeated in every turn,
# so longer conversations add cost, not evidence. 2-4 min keeps 30 dev conversations affordable.
MINUTES = (2.0, 4.0)


def bench_reader(rid: str) -> bool:
    """Dev readers with id % 4 == 2 (and every held-out reader) are the bench's people; dev readers
    with id % 4 == 0 are the background cohort shipped with the product, never in a bench conversation."""
    return int(rid) % 2 == 1 or int(rid) % 4 == 2


def split_pool(split: str) -> Path:
    """A reader pool of the bench readers' conversation parts only: enrolled speech never reappears."""
    return write_pool(BENCH_DIR / f"pool-v{POOL_VERSION}" / split, split, "test", lambda rid: reader_parts(rid)[1])


def write_pool(d: Path, split: str, suffix: str, audio: Callable[[str], np.ndarray]) -> Path:
    """One FLAC file per bench reader of `split` in `d` (`<id>-<suffix>.flac`, written once, atomically)."""
    import soundfile as sf  # only the bench writes audio files

    conv = conversations()
    d.mkdir(parents=True, exist_ok=True)
    for rid, _ in conv.readers(None, split):
        path = d / f"{rid}-{suffix}.flac"
        if bench_reader(rid) and not path.exists():
            tmp = d / f"{rid}-{suffix}.tmp.flac"
            sf.write(str(tmp), audio(rid), conv.SR, format="FLAC")
            tmp.replace(path)
    return d


def bench_items(group: str, count: int) -> list[Item]:
    """The group's conversations built from the split pool (same specs as the diarisation bench)."""
    conv = conversations()
    split = group.removeprefix("real_")
    if not conv.readers(None, split) or conv.pool() != conv.SHARED_POOL:
        return []  # the full reader pool lives in ../shared/data
    root = split_pool(split)
    out = []
    for spec in conv.corpus(split, count, min_minutes=MINUTES[0], max_minutes=MINUTES[1]):
        d = conv.ensure(spec, BENCH_DIR / f"conversations-v{POOL_VERSION}-{MINUTES[0]:g}-{MINUTES[1]:g}min", root=root)
        out.append(Item(group, spec.id, d / "meeting.wav", d / "truth.rttm"))
    return out


def build_cohort(path: Path = COHORT_PATH) -> Path:
    """The background cohort shipped with the product: dev readers with id % 4 == 0, whole utterance,
    clean and through each channel variant (embeddings only). Never a bench reader (`bench_reader`)."""
    conv = conversations()
    rows, names = [], []
    with tempfile.TemporaryDirectory(prefix="bench-cohort-") as tmp:
        for rid, flac in conv.readers(None, "dev"):
            if bench_reader(rid):
                continue
            audio = Audio.from_array(conv.load_flac(flac), Path(tmp) / rid)
            voice = embed_voice(audio, [(0.0, audio.duration)])
            heard = [voice.vectors.mean(axis=0)] + [voice.variants[c].mean(axis=0) for c in CHANNELS[1:]]
            rows.append(np.stack(heard))
            names.append(rid)
    x = np.stack(rows)
    x /= np.linalg.norm(x, axis=2, keepdims=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, embeddings=x.astype(np.float16), channels=np.array(CHANNELS), readers=np.array(names))
    return path
