"""The speaker benchmark's recordings, each with its exact truth RTTM, by group.

Shared by the diarisation figures (`bench.speakers`) and the voice-profile figures
(`bench.profiles_real`); see `bench.speakers` for what each group is.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transcribe.audio import Audio, decode
from transcribe.bench import metrics
from transcribe.bench.core import SAMPLES_DIR
from transcribe.config import REPO_DIR

CACHE = SAMPLES_DIR / "cache" / "speaker-bench"
OWN = ("natverk-1", "natverk-2", "natverk-3", "styrelse", "projekt", "apt", "ej-beslut", "uppfoljning")
GROUPS = ("own", "espeak_plain", "real_dev", "real_heldout", "pyannote_sample")
COUNT = 10  # conversations per real group


@dataclass(frozen=True)
class Item:
    group: str
    id: str
    audio_path: Path
    rttm: Path

    def audio(self) -> Audio:
        if self.audio_path.suffix == ".wav":
            try:
                return Audio.from_wav(self.audio_path)
            except Exception:  # noqa: BLE001 - not 16-bit mono: decode like any input
                pass
        return decode(self.audio_path, CACHE / "decoded" / self.group / self.id, check_silence=False)

    def truth(self) -> Any:
        return metrics.load_rttm(self.rttm, uri=self.id)

    def true_count(self) -> int:
        return len(self.truth().labels())


def pyannote_sample() -> tuple[Path, Path] | None:
    try:
        import pyannote.audio
    except ImportError:
        return None
    d = Path(pyannote.audio.__file__).parent / "sample"
    return (d / "sample.wav", d / "sample.rttm") if (d / "sample.wav").exists() else None


def conversations() -> Any:
    """The conversation generator, which lives in the checkout's samples/ and is not installed with the package."""
    if str(REPO_DIR) not in sys.path:
        sys.path.insert(0, str(REPO_DIR))
    return importlib.import_module("samples.conversations")


def _own_audio(folder: Path) -> Path:
    """The committed meeting.ogg, or a lossless meeting.wav where a sample set has one instead."""
    wav = folder / "meeting.wav"
    return wav if wav.exists() and not (folder / "meeting.ogg").exists() else folder / "meeting.ogg"


def conversation_dir(seed: int = 0) -> Path:
    """Where one seed's generated conversations live. A conversation's folder is named by its spec's id,
    which holds no seed, so another seed in the same folder would reuse seed 0's audio (`ensure` only
    builds what is missing): each seed gets a folder of its own, seed 0 keeps the original one."""
    base = SAMPLES_DIR / "cache" / "conversations"
    return base if seed == 0 else base.with_name(f"conversations-seed{seed}")


def items(group: str, count: int = COUNT, seed: int = 0) -> list[Item]:
    """The recordings of one group, generated into samples/cache on first use (`seed`: dev groups only;
    the held-out conversations are seed 0's)."""
    if group == "own":
        own = [s for s in OWN if (SAMPLES_DIR / s / "truth.rttm").exists()]
        return [Item(group, s, _own_audio(SAMPLES_DIR / s), SAMPLES_DIR / s / "truth.rttm") for s in own]
    if group == "espeak_plain":
        conv = conversations()
        out = []
        for sid in conv.ESPEAK_PLAIN:
            d = conv.ensure_espeak_plain(sid, SAMPLES_DIR / "cache" / "espeak-plain")
            out.append(Item(group, sid, d / "meeting.wav", d / "truth.rttm"))
        return out
    if group in ("real_dev", "real_heldout"):
        split = group.removeprefix("real_")
        if seed and split != "dev":
            raise ValueError("another seed is for dev conversations only: the held-out ones are fixed")
        conv = conversations()
        if not conv.readers(None, split) or conv.pool() != conv.SHARED_POOL:
            return []  # the full reader pool lives in ../shared/data
        specs = conv.corpus(split, count, seed)
        out = []
        for spec in specs:
            d = conv.ensure(spec, conversation_dir(seed))
            out.append(Item(group, spec.id, d / "meeting.wav", d / "truth.rttm"))
        return out
    if group == "pyannote_sample":
        found = pyannote_sample()
        return [Item(group, "sample", *found)] if found else []
    raise ValueError(f"unknown group {group!r}")
