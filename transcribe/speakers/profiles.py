"""Voice profiles: one JSON file per person with voice embeddings, never audio.

A profile is what lets the next meeting say "this is Johan" without anyone
typing it again. It stores only L2-normalised speaker embeddings (a voice
print cannot be played back), the encoder that made them (GE2E and pyannote
vectors live in different spaces and must never be compared), how many
samples and seconds of speech stand behind it, and when it was made/updated.
Each sample is also kept as heard through other channels (telephone, rooms,
noise; `channels.py`), so a voice enrolled in one room is known in another.
Every write is atomic; deleting a profile deletes every embedding of that
person (the right to be forgotten).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pydantic import BaseModel, Field

from transcribe import audit
from transcribe.audio import Audio, check_input_path, decode
from transcribe.config import data_dir
from transcribe.diarize import embed_segments
from transcribe.diarize.channel import ChannelParams, band_limited, high_band_db
from transcribe.errors import BadOption, SilentAudio
from transcribe.fsutil import PRIVATE_DIR, PRIVATE_FILE, atomic_write_text, private_dir
from transcribe.meeting import counting_transcript
from transcribe.speakers.channels import variants
from transcribe.transcript import Transcript
from transcribe.vad import speech_regions

# The embedded diariser's encoder (Resemblyzer GE2E, 256 dims, mean of 1.5 s windows).
GE2E = "resemblyzer-ge2e-256"
# Speech per stored embedding: long enough to be stable, short enough to keep several per meeting.
CHUNK_S = 10.0
MIN_CHUNK_S = 3.0
# Oldest samples drop out beyond this, so a profile follows a voice that changes over the years.
MAX_EMBEDDINGS = 64
# Less speech than this (a few words) is a blurred voice that other people come close to: such a profile
# names only on a clearer match (`match.Z_NAMED_THIN`), and enrolling says so.
THIN_ENROLMENT_S = 5.0
# Less speech than this, measured after voice activity detection and without overlapping speech, is too
# little to be trusted with a name: the profile is kept as weak (it proposes "Anna?", and names only on a score
# no other person's speech came near: `match.Z_NAMED_WEAK`) and grows as confirmed speech is added
# (`speakers enroll-meeting`, "Spara röstprofiler" in review).
MIN_ENROLMENT_S = 5.0
# Less than this (a word or two) is a profile that never names, however clear the match (`match.py`).
BRIEF_ENROLMENT_S = 2.0
# Speech heard through a telephone band joins a profile that already knows the voice as recorded only as that
# channel's samples (`ProfileDirectory.add`, `heard_through`): kept with the microphone samples, it drew the
# profile's own voice towards every voice over a line (see `embed_voice`).
TELEPHONE = "telephone"
# Less than this (under one 1.5 s window of the encoder: a word or two) is refused when enrolled from a recording;
# speech a reviewer confirmed is kept to grow on, but a profile holding less proposes nothing (`match.py`).
MIN_VOICE_S = 1.5


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Profile(BaseModel):
    name: str
    encoder: str = GE2E
    embeddings: list[list[float]] = Field(default_factory=list)
    n_samples: int = 0
    seconds: float = 0.0
    created: dt.datetime = Field(default_factory=_now)
    updated: dt.datetime = Field(default_factory=_now)
    # Where samples came from ("meeting:natverk-1", "file:intro.wav"), for the person's own overview.
    sources: list[str] = Field(default_factory=list)
    # The same samples through other channels ({"telephone": [...], ...}); empty in profiles enrolled
    # before channel variants existed, which are then compared as recorded only (re-enrol to add them).
    variants: dict[str, list[list[float]]] = Field(default_factory=dict)
    # Of `seconds`, speech heard over a line after the voice as recorded (`ProfileDirectory.add`): it grows the
    # telephone channel only, so it lets the profile name over a line, not in a room (`voice_seconds`).
    line_seconds: float = 0.0

    def centroid(self) -> np.ndarray:
        """The profile's voice as recorded: normalised mean of its samples."""
        return _mean_direction(self.embeddings)

    def centroids(self) -> dict[str, np.ndarray]:
        """{channel: the voice through it}: "clean" (as recorded) and every stored variant."""
        out = {"clean": self.centroid()}
        out.update({name: _mean_direction(rows) for name, rows in self.variants.items() if rows})
        return out


def voice_seconds(profile: Profile, line: bool = False) -> float:
    """The speech behind the profile's voice as a meeting hears it: as recorded in a room, all of it over a `line`."""
    return profile.seconds if line else round(profile.seconds - profile.line_seconds, 1)


def thin(profile: Profile, line: bool = False) -> bool:
    """Was the profile enrolled from less than THIN_ENROLMENT_S s of speech (0: not recorded)?"""
    return 0 < voice_seconds(profile, line) < THIN_ENROLMENT_S


def weak(profile: Profile, line: bool = False) -> bool:
    """Is the profile built from less usable speech than MIN_ENROLMENT_S s (0: not recorded)?"""
    return 0 < voice_seconds(profile, line) < MIN_ENROLMENT_S


def brief_enrolment(profile: Profile, line: bool = False) -> bool:
    """Was the profile enrolled from under BRIEF_ENROLMENT_S s of speech (a word or two; 0: not recorded)?"""
    return 0 < voice_seconds(profile, line) < BRIEF_ENROLMENT_S


def seconds_sv(seconds: float) -> str:
    """Seconds as a Swedish reader writes them: "2,1", "5"."""
    return f"{seconds:.1f}".removesuffix(".0").replace(".", ",")


def speech_needed(profile: Profile) -> float:
    """Seconds of speech the profile still lacks to name anyone (0: enough)."""
    return round(max(0.0, MIN_ENROLMENT_S - voice_seconds(profile)), 1) if weak(profile) else 0.0


def weak_profile_line(profile: Profile) -> str:
    """What enrolling and listing say of a profile too small to be trusted with a name (one line)."""
    line = (
        f"Röstprofilen för {profile.name} är svag: {seconds_sv(voice_seconds(profile))} s tal, "
        f"{seconds_sv(MIN_ENROLMENT_S)} s behövs för att namnge säkert ({seconds_sv(max(speech_needed(profile), 0.1))} "
        f"s till)"
    )
    if voice_seconds(profile) < MIN_VOICE_S:
        return line + f"; under {seconds_sv(MIN_VOICE_S)} s föreslår den inte heller namnet."
    if brief_enrolment(profile):
        return line + f'; tills dess föreslår den bara namnet ("{profile.name}?").'
    return line + f'; tills dess föreslår den namnet ("{profile.name}?") och namnger bara vid en mycket tydlig likhet.'


def enrolment_summary(done: Mapping[str, Profile]) -> str:
    """What saving a meeting's voices says: each profile's samples, then one line per profile still weak."""
    names = ", ".join(f"{name} ({p.n_samples})" for name, p in sorted(done.items()))
    weak_ones = [weak_profile_line(p) for _, p in sorted(done.items()) if weak(p)]
    return " ".join([names + "." if weak_ones else names, *weak_ones])


def refusal_line(seconds: float) -> str:
    """Why an enrolment was refused (one line)."""
    return (f"Röstprovet är för kort: {seconds_sv(seconds)} s tal, minst {seconds_sv(MIN_VOICE_S)} s behövs för en "
            f"röstprofil ({seconds_sv(MIN_ENROLMENT_S)} s för att den ska namnge)")  # fmt: skip


def _mean_direction(rows: Sequence[Sequence[float]]) -> np.ndarray:
    v = np.asarray(rows, dtype=np.float32).mean(axis=0)
    return v / max(float(np.linalg.norm(v)), 1e-12)


def check_name(name: str) -> str:
    """A person's display name, whitespace-normalised; refuses empty or control characters."""
    clean = " ".join(str(name).split())
    if not clean or len(clean) > 120 or any(unicodedata.category(c).startswith("C") for c in clean):
        raise BadOption(f"ogiltigt talarnamn {name!r}: 1–120 skrivbara tecken")
    return clean


def file_stem(name: str) -> str:
    """ASCII slug plus a hash of the case-folded name: readable, and 'Åsa' never collides with 'Asa'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40] or "speaker"
    return f"{slug}-{hashlib.sha1(name.casefold().encode()).hexdigest()[:8]}"


def normalise_rows(vectors: Sequence[Sequence[float]] | np.ndarray) -> np.ndarray:
    x = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
    if x.size == 0 or not np.all(np.isfinite(x)):
        raise ValueError("embeddings must be finite and non-empty")
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


class ProfileDirectory:
    """The speaker directory: `data_dir()/speakers/*.json` unless another root is given."""

    def __init__(self, root: Path | None = None) -> None:
        if root is None:
            root = data_dir() / "speakers"
        self.root = Path(root)

    def _path(self, name: str) -> Path:
        return self.root / f"{file_stem(check_name(name))}.json"

    def list(self, encoder: str | None = None) -> list[Profile]:
        if not self.root.is_dir():
            return []
        out = []
        for path in sorted(self.root.glob("*.json")):
            try:
                p = Profile.model_validate_json(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # a damaged file must not stop recognition of everyone else
            if p.embeddings and (encoder is None or p.encoder == encoder):
                out.append(p)
        return sorted(out, key=lambda p: p.name.casefold())

    def __len__(self) -> int:
        return len(self.list())

    def get(self, name: str) -> Profile | None:
        path = self._path(name)
        if not path.exists():
            return None
        return Profile.model_validate_json(path.read_text(encoding="utf-8"))

    def add(self, name: str, embeddings: Sequence[Sequence[float]] | np.ndarray, seconds: float,
            source: str = "", encoder: str = GE2E,
            channel_variants: Mapping[str, np.ndarray] | None = None,
            heard_through: str | None = None) -> Profile:  # fmt: skip
        """Create the profile or append samples (and their channel variants) to it; returns the saved profile.

        `heard_through`: the channel the speech came through (`TELEPHONE`: a band-limited recording). A profile
        that already holds speech as recorded takes such samples as that channel's only; a new one keeps them
        as its voice (the only one it has), as before."""
        name = check_name(name)
        rows = normalise_rows(embeddings)
        extra = {k: normalise_rows(v) for k, v in (channel_variants or {}).items()}
        if any(v.shape != rows.shape for v in extra.values()):
            raise ValueError("each channel variant needs one embedding per sample")
        with self._locked():
            profile = self.get(name) or Profile(name=name, encoder=encoder)
            if profile.encoder != encoder:
                raise BadOption(
                    f"röstprofilen för {name} gjordes med {profile.encoder}, inte {encoder}; glöm den först"
                )
            if profile.embeddings and len(profile.embeddings[0]) != rows.shape[1]:
                raise BadOption(f"{name}: röstavtryckets storlek {rows.shape[1]} skiljer sig från profilens")
            if heard_through and profile.embeddings:  # the voice as heard over that channel, not as recorded
                rows, extra = np.zeros((0, rows.shape[1]), np.float32), {heard_through: rows}
                profile.line_seconds = round(profile.line_seconds + float(seconds), 1)
            profile.embeddings = (profile.embeddings + rows.round(6).tolist())[-MAX_EMBEDDINGS:]
            for k, v in extra.items():
                profile.variants[k] = (profile.variants.get(k, []) + v.round(6).tolist())[-MAX_EMBEDDINGS:]
            profile.n_samples = len(profile.embeddings)
            profile.seconds = round(profile.seconds + float(seconds), 1)
            profile.updated = _now()
            if source and source not in profile.sources:
                profile.sources.append(source)
            atomic_write_text(self._path(name), profile.model_dump_json(indent=1))
        return profile

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """One writer at a time (CLI, web and workers may enrol at once): no lost update.

        The folder holds voice data: owner-only (0700), also when an older version made it 0755.
        """
        private_dir(self.root)
        st = self.root.stat()
        if st.st_mode & 0o777 != PRIVATE_DIR and st.st_uid == os.getuid():
            os.chmod(self.root, PRIVATE_DIR)
        fd = os.open(self.root / ".lock", os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        with os.fdopen(fd, "a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def forget(self, name: str) -> Profile | None:
        """Delete the person's profile file (all embeddings); returns what was deleted."""
        path = self._path(name)
        with self._locked():
            if not path.exists():
                return None
            profile = Profile.model_validate_json(path.read_text(encoding="utf-8"))
            path.unlink()
        return profile


# ----------------------------------------------------------------------------- embedding speech


def chunk_spans(spans: Sequence[tuple[float, float]], chunk_s: float = CHUNK_S,
                min_chunk_s: float = MIN_CHUNK_S) -> list[list[tuple[float, float]]]:  # fmt: skip
    """Group speech spans into consecutive chunks of about `chunk_s` seconds (a short tail joins the last)."""
    chunks: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    length = 0.0
    for a, b in sorted(spans):
        while b - a > 0:
            take = min(b - a, chunk_s - length)
            current.append((a, a + take))
            length += take
            a += take
            if length >= chunk_s - 1e-6:
                chunks.append(current)
                current, length = [], 0.0
    if current:
        if length < min_chunk_s and chunks:
            chunks[-1].extend(current)
        else:
            chunks.append(current)
    return chunks


def within(audio, spans: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """The spans cut to the recording (a segment may run past its end) and kept when over 0.2 s."""
    cut = [(max(0.0, a), min(audio.duration, b)) for a, b in spans]
    return [(a, b) for a, b in cut if b - a > 0.2]


def embed_speech(audio, spans: Sequence[tuple[float, float]]) -> tuple[np.ndarray, float]:
    """(one GE2E embedding per ~10 s chunk, seconds used) over the given speech spans of `audio`."""
    spans = within(audio, spans)
    vectors = []
    for chunk in chunk_spans(spans):
        try:
            vectors.append(embed_segments(audio, chunk))
        except ValueError:
            continue
    if not vectors:
        raise SilentAudio("inget tal att bygga en röstprofil av")
    return np.stack(vectors), round(sum(b - a for a, b in spans), 1)


@dataclass(frozen=True)
class VoiceSample:
    """What enrolment keeps of some speech: embeddings as recorded and through other channels."""

    vectors: np.ndarray  # (chunks, 256)
    variants: dict[str, np.ndarray]  # channel -> (chunks, 256)
    seconds: float
    heard_through: str | None = None  # TELEPHONE: the speech came through a telephone band (None: a microphone)


def embed_voice(audio, spans: Sequence[tuple[float, float]]) -> VoiceSample:
    """One GE2E embedding per ~10 s chunk of the spans, as recorded and through each channel variant.

    Speech whose energy stays inside a telephone band (`diarize.channel`) is marked `heard_through` TELEPHONE:
    GE2E carries the line as well as the voice, and on the real-voice bench a profile grown with a telephone
    meeting's confirmed speech as its recorded voice drew other voices over a line towards it (a stranger named
    at 3.26, 2.08 before the growth)."""
    spans = within(audio, spans)
    vectors: list[np.ndarray] = []
    heard: dict[str, list[np.ndarray]] = {}
    speech: list[np.ndarray] = []
    for chunk in chunk_spans(spans)[-MAX_EMBEDDINGS:]:  # a profile keeps no more: embed no more
        try:
            clean = embed_segments(audio, chunk)
        except ValueError:
            continue
        x = np.concatenate([audio.float32(a, b) for a, b in chunk])
        speech.append(x)
        for name, y in variants(x).items():
            pcm = (np.clip(y, -1.0, 1.0) * 32767).astype(np.int16)  # in memory only: nothing is written
            one = Audio(path=Path("<enrolment>"), samples=pcm, sample_rate=audio.sample_rate)
            heard.setdefault(name, []).append(embed_segments(one, [(0.0, one.duration)]))
        vectors.append(clean)
    if not vectors:
        raise SilentAudio("inget tal att bygga en röstprofil av")
    seconds = round(sum(b - a for a, b in spans), 1)
    share = int(ChannelParams().max_seconds * audio.sample_rate / len(speech))  # bounded: a part of every chunk
    line = TELEPHONE if band_limited(high_band_db(np.concatenate([x[:share] for x in speech]))) else None
    return VoiceSample(np.stack(vectors), {k: np.stack(v) for k, v in heard.items()}, seconds, line)


# ----------------------------------------------------------------------------- enrolment (explicit, audited)

# Names a person confirmed; introductions and profile matches are machine guesses and never enrol, except a weak
# profile's own name in a meeting a person approved (`grows_from_match`).
CONFIRMED_SOURCES = ("user", "reviewer")
PROFILE_SOURCE = "profile"  # a name a profile match gave (`apply.apply_matches`)


def grows_from_match(directory: ProfileDirectory, name: str, source: str | None, line: bool = False) -> bool:
    """Does a name a profile gave enrol its speech? Only a weak profile's (weak as `line` hears it): it names only on a
    match far clearer than a full one needs (`match.Z_NAMED_WEAK`), and would otherwise stay weak (dev growth bench)."""
    profile = directory.get(name) if source == PROFILE_SOURCE else None
    return profile is not None and weak(profile, line)


def _audit(action: str, name: str, user: str, detail: str) -> None:
    audit.record(action, target=f"speaker:{name}", user=user, detail=detail)


def _decoded(path: Path, workdir: Path):
    if path.suffix.lower() == ".wav":
        try:
            audio = Audio.from_wav(path)
            if audio.sample_rate == 16_000:
                return audio
        except Exception:  # not our 16 kHz mono PCM: decode it like any other file
            pass
    return decode(path, workdir)


def speech_spans(audio, start: float | None = None, end: float | None = None) -> list[tuple[float, float]]:
    """The speech of `audio` (optionally only within [start, end]) after voice activity detection:
    what enrolment embeds and counts as its seconds, pauses left out."""
    lo, hi = start or 0.0, min(end if end is not None else audio.duration, audio.duration)
    return [(max(a, lo), min(b, hi)) for a, b in speech_regions(audio) if b > lo and a < hi]


def enroll_audio(directory: ProfileDirectory, name: str, path: Path, start: float | None = None,
                 end: float | None = None, user: str = "system") -> Profile:  # fmt: skip
    """Add the speech of `path` (optionally only [start, end]) to NAME's profile."""
    name = check_name(name)
    check_input_path(Path(path))
    if start is not None and end is not None and end <= start:
        raise BadOption("--end måste komma efter --start")
    with tempfile.TemporaryDirectory(prefix="protokoll-enroll-") as tmp:  # decoded audio never outlives this
        try:
            audio = _decoded(Path(path), Path(tmp))
            voice = embed_voice(audio, speech_spans(audio, start, end))
        except SilentAudio as exc:  # the decoder speaks of transcribing; here it is a voice recording
            raise SilentAudio(f"{path}: inget tal hittades i röstinspelningen") from exc
    before = directory.get(name)
    if (before.seconds if before else 0.0) + voice.seconds < MIN_VOICE_S:
        raise BadOption(refusal_line(voice.seconds))
    profile = directory.add(name, voice.vectors, voice.seconds, source=f"file:{Path(path).name}",
                            channel_variants=voice.variants, heard_through=voice.heard_through)  # fmt: skip
    _audit_enrolment(profile, voice, Path(path).name, user)
    return profile


def _audit_enrolment(profile: Profile, voice: VoiceSample, source: str, user: str) -> None:
    """What enrolment adds, for the audit log: counts and where from, never a voice print."""
    detail = f"+{len(voice.vectors)} samples ({voice.seconds:.0f} s) from {source}; now {profile.n_samples} samples"
    _audit("profile_enroll", profile.name, user, detail)


def meeting_transcript(meeting_dir: Path) -> Path:
    """The most reviewed transcript of a meeting directory: approved version, working copy, machine output."""
    path = counting_transcript(Path(meeting_dir))
    if path is None:
        raise BadOption(f"{meeting_dir} saknar transcript.json")
    return path


def meeting_audio(meeting_dir: Path) -> Path:
    """The meeting's recording: the upload (input.*), meeting.*, or a kept decode (.work/audio.wav)."""
    meeting_dir = Path(meeting_dir)
    for pattern in ("input.*", "meeting.*", "audio.wav", ".work/audio.wav"):
        for path in sorted(meeting_dir.glob(pattern)):
            if path.is_file() and not path.name.endswith(".part"):
                return path
    raise BadOption(f"{meeting_dir} innehåller ingen inspelning (input.*, meeting.*): ange --audio SÖKVÄG")


def enroll_transcript(directory: ProfileDirectory, transcript, audio, source: str, user: str = "system",
                      audit: bool = True) -> dict[str, Profile]:  # fmt: skip
    """Enrol every speaker a person named in `transcript` (and a weak profile named: `grows_from_match`) from their
    segments of `audio`."""
    kept = CONFIRMED_SOURCES
    named = {s.label: s.name for s in transcript.speakers
             if s.name and (s.name_source in kept or grows_from_match(directory, s.name, s.name_source))}  # fmt: skip
    given = {s.name for s in transcript.speakers if s.name and s.name_source in kept}
    spans: dict[str, list[tuple[float, float]]] = {}
    for seg in transcript.segments:
        if seg.speaker in named and not seg.overlap:  # overlapping speech would carry two voices
            spans.setdefault(named[seg.speaker], []).append((seg.start, seg.end))
    done: dict[str, Profile] = {}
    for name, person_spans in spans.items():
        try:
            voice = embed_voice(audio, person_spans)
        except SilentAudio:  # a named speaker who only said "Ja.": nothing to enrol, the others still are
            continue
        if name not in given and not grows_from_match(directory, name, PROFILE_SOURCE, voice.heard_through is not None):
            continue  # a profile full over a line named this speech over one: a full profile's name, never enrolled
        done[name] = directory.add(name, voice.vectors, voice.seconds, source=source, channel_variants=voice.variants,
                                   heard_through=voice.heard_through)  # fmt: skip
        if audit:
            _audit_enrolment(done[name], voice, source, user)
    return done


def enroll_meeting(directory: ProfileDirectory, meeting_dir: Path, audio_path: Path | None = None,
                   user: str = "system") -> dict[str, Profile]:  # fmt: skip
    """Enrol the named speakers of an approved meeting directory; {name: profile} of those updated."""
    meeting_dir = Path(meeting_dir)
    transcript = Transcript.from_json(meeting_transcript(meeting_dir).read_text(encoding="utf-8"))
    if not any(s.name and s.name_source in CONFIRMED_SOURCES for s in transcript.speakers):
        raise BadOption(
            f"{meeting_dir}: ingen talare har ett namn som en person har gett; namnge dem i granskningen först"
        )
    path = Path(audio_path) if audio_path else meeting_audio(meeting_dir)
    with tempfile.TemporaryDirectory(prefix="protokoll-enroll-") as tmp:
        audio = _decoded(path, Path(tmp))
        return enroll_transcript(directory, transcript, audio, f"meeting:{meeting_dir.name}", user)


def forget(directory: ProfileDirectory, name: str, user: str = "system") -> Profile | None:
    """Delete every embedding of NAME and audit it; None when there was no profile."""
    gone = directory.forget(name)
    if gone is not None:
        _audit("profile_forget", gone.name, user, f"deleted {gone.n_samples} samples ({gone.seconds:.0f} s)")
    return gone
