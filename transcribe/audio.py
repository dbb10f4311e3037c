"""Decoding any recording to 16 kHz mono, checked, in bounded memory.

ffprobe (through pydub's `mediainfo_json`) inspects the file by content, not by
its extension; ffmpeg decodes it once to a 16-bit 16 kHz mono WAV in a cache
directory. The samples are then memory-mapped, so a three-hour meeting costs
disk, not RAM, and stages read the stretch they need as float32.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from transcribe.errors import (
    CorruptAudio,
    EmptyInput,
    InputIsDirectory,
    InputNotFound,
    InputTooLarge,
    MissingTool,
    NotAudio,
    SilentAudio,
)

log = logging.getLogger(__name__)

SAMPLE_RATE = 16_000
DEFAULT_MAX_BYTES = 2 * 1024**3  # 2 GiB, same default as the web upload limit
DEFAULT_MAX_SECONDS = 6 * 3600.0
SILENCE_DBFS = -60.0


@dataclass(frozen=True)
class MediaInfo:
    """What ffprobe says about a recording before we decode it."""

    path: Path
    format_name: str
    duration: float
    sample_rate: int
    channels: int
    codec: str
    size_bytes: int


@dataclass
class Audio:
    """16 kHz mono audio backed by a memory-mapped int16 WAV file."""

    path: Path
    samples: np.ndarray  # int16 memmap
    sample_rate: int = SAMPLE_RATE

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate

    def float32(self, start: float = 0.0, end: float | None = None) -> np.ndarray:
        """Samples between `start` and `end` seconds as float32 in [-1, 1]."""
        a = max(0, int(round(start * self.sample_rate)))
        b = len(self.samples) if end is None else min(len(self.samples), int(round(end * self.sample_rate)))
        return np.asarray(self.samples[a:b], dtype=np.float32) / 32768.0

    @classmethod
    def from_wav(cls, path: Path) -> Audio:
        path = Path(path)
        with wave.open(str(path), "rb") as wf:
            if wf.getsampwidth() != 2 or wf.getnchannels() != 1:
                raise CorruptAudio(f"{path} är ingen WAV-fil i 16 bitar mono")
            rate = wf.getframerate()
            frames = wf.getnframes()
        offset, _ = _wav_data_chunk(path)
        samples = (
            np.memmap(path, dtype="<i2", mode="r", offset=offset, shape=(frames,))
            if frames
            else np.zeros(0, dtype=np.int16)
        )
        return cls(path=path, samples=samples, sample_rate=rate)

    @classmethod
    def from_array(cls, data: np.ndarray, directory: Path, sample_rate: int = SAMPLE_RATE) -> Audio:
        """Wrap in-memory float samples (tests, synthetic input) as a WAV-backed Audio."""
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / "audio.wav"
        pcm = np.clip(np.asarray(data, dtype=np.float32), -1.0, 1.0)
        write_wav(path, (pcm * 32767).astype(np.int16), sample_rate)
        return cls.from_wav(path)


def write_wav(path: Path, pcm: np.ndarray, sample_rate: int = SAMPLE_RATE) -> None:
    with wave.open(str(path), "wb") as wf:
        wf.setnchannels(1)
        wf.setsampwidth(2)
        wf.setframerate(sample_rate)
        wf.writeframes(np.ascontiguousarray(pcm, dtype="<i2").tobytes())


def _wav_data_chunk(path: Path) -> tuple[int, int]:
    """Byte offset and declared size of the 'data' chunk, so the samples can be memory-mapped."""
    with open(path, "rb") as fh:
        header = fh.read(12)
        if header[:4] != b"RIFF" or header[8:12] != b"WAVE":
            raise CorruptAudio(f"{path}: ingen WAV-fil")
        while True:
            chunk = fh.read(8)
            if len(chunk) < 8:
                raise CorruptAudio(f"{path}: WAV-filen saknar ljuddata (data-block)")
            size = int.from_bytes(chunk[4:8], "little")
            if chunk[:4] == b"data":
                return fh.tell(), size
            fh.seek(size + (size & 1), os.SEEK_CUR)


def wav_is_truncated(path: Path) -> bool:
    """A WAV whose header promises more samples than the file holds was cut short."""
    with open(path, "rb") as fh:
        head = fh.read(12)
    if head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return False
    try:
        offset, size = _wav_data_chunk(path)
    except CorruptAudio:
        return True
    # 0 and 0xFFFFFFFF are what streaming recorders write when they never knew the size.
    return size not in (0, 0xFFFFFFFF) and offset + size > path.stat().st_size + 1


def require_ffmpeg() -> None:
    for tool in ("ffmpeg", "ffprobe"):
        if shutil.which(tool) is None:
            raise MissingTool(f"{tool} saknas: installera det med 'apt-get install -y ffmpeg'")


def check_input_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, what: str = "en inspelning") -> Path:
    """An input file that exists, is no folder, holds something and is not too large; `what` it should be."""
    path = Path(path)
    if not path.exists():
        raise InputNotFound(f"filen finns inte: {path}")
    if path.is_dir():
        raise InputIsDirectory(f"{path} är en katalog, inte {what}")
    size = path.stat().st_size
    if size == 0:
        raise EmptyInput(f"{path} är tom (0 byte)")
    if size > max_bytes:
        raise InputTooLarge(f"{path} är {size / 1024**3:.1f} GB, över gränsen {max_bytes / 1024**3:.1f} GB")
    return path


def probe(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, max_seconds: float = DEFAULT_MAX_SECONDS) -> MediaInfo:
    """Inspect a recording by content. Raises a UserError for anything we cannot decode."""
    path = check_input_path(path, max_bytes)
    require_ffmpeg()
    # pydub warns at import when ffmpeg is missing: loaded only after require_ffmpeg() said it is there.
    from pydub.utils import mediainfo_json

    try:
        info = mediainfo_json(str(path), read_ahead_limit=-1)
    except Exception as exc:  # pydub raises plain exceptions on ffprobe JSON errors
        raise _unreadable(path) from exc
    streams = [s for s in info.get("streams", []) if s.get("codec_type") == "audio"]
    fmt = info.get("format", {})
    if not streams and any(s.get("codec_type") == "video" for s in info.get("streams", [])):
        raise NotAudio(f"{path} innehåller inget ljudspår (bara video?)")
    if not streams:  # nothing, or only what ffprobe guessed from noise (data, subtitles)
        raise _unreadable(path)
    stream = streams[0]
    if not int(stream.get("channels") or 0):  # what ffprobe guesses from noise named .mp3: no channels
        raise NotAudio(f"{path} är inte en ljudfil, eller är skadad")
    duration = _float(stream.get("duration")) or _float(fmt.get("duration")) or 0.0
    if duration > max_seconds:
        raise InputTooLarge(f"{path} är {duration / 3600:.1f} h lång, över gränsen {max_seconds / 3600:.1f} h")
    return MediaInfo(
        path=path,
        format_name=str(fmt.get("format_name", "")),
        duration=duration,
        sample_rate=int(_float(stream.get("sample_rate")) or 0),
        channels=int(stream.get("channels") or 0),
        codec=str(stream.get("codec_name", "")),
        size_bytes=path.stat().st_size,
    )


def _unreadable(path: Path) -> CorruptAudio | NotAudio:
    """What ffprobe could not read: an MP4/M4A/MOV container (by its first box, whatever the file is called)
    is a recording whose app stopped before finishing the file; anything else is no audio."""
    with open(path, "rb") as fh:
        if fh.read(12)[4:8] == b"ftyp":
            return CorruptAudio(f"{path} är avkortad eller skadad: inspelningen avslutades inte ordentligt")
    return NotAudio(f"{path} är inte en ljudfil, eller är skadad")


def _float(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def cache_key(path: Path) -> str:
    """Content hash of the input (first/last MiB + size), stable across renames."""
    h = hashlib.sha256()
    size = path.stat().st_size
    h.update(str(size).encode())
    with open(path, "rb") as fh:
        h.update(fh.read(1 << 20))
        if size > 2 << 20:
            fh.seek(-(1 << 20), os.SEEK_END)
            h.update(fh.read(1 << 20))
    return h.hexdigest()[:16]


def decode(
    path: Path,
    workdir: Path | None = None,
    progress: Callable[[float], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    check_silence: bool = True,
) -> Audio:
    """Decode `path` to 16 kHz mono int16 WAV in `workdir` and memory-map it.

    `progress` receives decoded seconds as ffmpeg reports them.
    """
    info = probe(path, max_bytes=max_bytes)
    if wav_is_truncated(info.path):
        raise CorruptAudio(f"{path} är avkortad: WAV-huvudet utlovar mer ljud än filen innehåller")
    workdir = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="protokoll-"))
    workdir.mkdir(parents=True, exist_ok=True)
    target = workdir / "audio.wav"
    if target.exists():  # an earlier, completed decode of the same job (rename is atomic)
        audio = Audio.from_wav(target)
    else:
        tmp = workdir / ".audio.wav.part"
        cmd = [
            "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
            "-i", str(info.path), "-map", "0:a:0", "-vn", "-ac", "1", "-ar", str(SAMPLE_RATE),
            "-c:a", "pcm_s16le", "-f", "wav", "-progress", "pipe:1", str(tmp),
        ]  # fmt: skip
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        for line in proc.stdout:
            if progress and line.startswith("out_time_us="):
                value = _float(line.split("=", 1)[1])
                if value is not None and value >= 0:
                    progress(value / 1e6)
        stderr = proc.stderr.read() if proc.stderr else ""
        if proc.wait() != 0 or not tmp.exists():
            tmp.unlink(missing_ok=True)
            log.info("ffmpeg could not decode %s: %s", path, stderr.strip()[-500:])
            raise CorruptAudio(f"{path} är skadad och kan inte avkodas")
        os.replace(tmp, target)
        audio = Audio.from_wav(target)
    if audio.duration < 0.1:
        raise EmptyInput(f"{path} innehåller inget ljud (0 sekunder)")
    if info.duration and audio.duration < 0.5 * info.duration - 1.0:
        raise CorruptAudio(f"{path} är trasig: bara {audio.duration:.1f} s av {info.duration:.1f} s gick att avkoda")
    if check_silence and is_silent(audio):
        raise SilentAudio(f"{path} är tyst: inget tal att transkribera")
    return audio


def is_silent(audio: Audio, threshold_dbfs: float = SILENCE_DBFS) -> bool:
    """True when no 1-second block rises above `threshold_dbfs` RMS."""
    block = audio.sample_rate
    step = 10 * block  # scan in 10 s pieces to keep memory flat
    for a in range(0, len(audio.samples), step):
        piece = np.asarray(audio.samples[a : a + step], dtype=np.float32) / 32768.0
        n = len(piece) // block
        if n == 0:
            blocks = [piece]
        else:
            blocks = list(piece[: n * block].reshape(n, block)) + ([piece[n * block :]] if len(piece) % block else [])
        for b in blocks:
            if len(b) and 20 * np.log10(np.sqrt(np.mean(b**2)) + 1e-12) > threshold_dbfs:
                return False
    return True
