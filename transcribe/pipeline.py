"""The meeting pipeline, top to bottom: decode, transcribe, diarise, assign speakers, name, minutes.

Each stage writes its result atomically into a work directory together with a
fingerprint of its inputs and options. Run again on the same work directory
(after a crash, a kill or a changed option) and finished stages are reused, so an
interrupted job resumes where it stopped and gives the same output.
"""

from __future__ import annotations

import hashlib
import json
import logging
import resource
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from transcribe import asr
from transcribe.agenda import parse_agenda
from transcribe.agenda.heading import agenda_heading, fill_metadata
from transcribe.audio import Audio, cache_key, decode, probe
from transcribe.confidence.items import score_minutes
from transcribe.diarize import check_diarizer, load_diarizer
from transcribe.diarize.assign import assign_speakers
from transcribe.diarize.base import Diarization, check_speaker_counts
from transcribe.diarize.naming import apply_names, propose_names
from transcribe.errors import BadOption
from transcribe.fsutil import atomic_write_text
from transcribe.minutes import check_backend, extract_minutes
from transcribe.minutes.openai_client import resolve_endpoint
from transcribe.minutes.protokoll import build_protokoll, resolve_style
from transcribe.speakers import recognise
from transcribe.transcript import Transcript
from transcribe.vocabulary import counter_for, meeting_vocabulary

log = logging.getLogger(__name__)

STAGES = ("decode", "transcribe", "diarize", "minutes")

# (stage, seconds of audio done, audio duration) -> None
ProgressFn = Callable[[str, float, float], None]


@dataclass
class PipelineOptions:
    model: str = "base"
    language: str = "sv"
    vocabulary: list[str] = field(default_factory=list)
    beam_size: int = 5
    compute_type: str = "int8"
    diarizer: str = "embedded"  # "none" skips diarisation
    diarizer_model: str | None = None
    num_speakers: int | None = None
    min_speakers: int | None = None
    max_speakers: int | None = None
    speaker_names: dict[str, str] = field(default_factory=dict)
    auto_names: bool = True
    recognise_voices: bool = True  # match speakers against enrolled voice profiles
    minutes_backend: str = "rules"  # rules | llm | merge | auto | none
    minutes_model: str | None = None
    llm_url: str | None = None  # the team's OpenAI-compatible server; else $TRANSCRIBE_LLM_URL / llm.toml
    llm_model: str | None = None
    llm_allow_remote: bool | None = None
    title: str | None = None
    meeting_date: date | None = None
    place: str | None = None
    agenda: str | None = None  # dagordning (txt/md/docx): recognition vocabulary and the protokoll's §§
    series: str | None = None  # a series' earlier meetings give their people and recurring terms as vocabulary
    voice_names: bool = False  # enrolled voice profiles' names as vocabulary (people who may attend)
    minutes_style: str | None = None  # rapport | protokoll; None: protokoll when there is an agenda

    def validate(self) -> None:
        asr.check_language(self.language)
        check_speaker_counts(self.num_speakers, self.min_speakers, self.max_speakers)
        check_diarizer(self.diarizer)
        if self.diarizer == "pyannote":  # a missing pipeline is said now, not after the transcription
            # pyannote's backend loads torch and the speaker encoder: imported only when it is chosen
            from transcribe.diarize.pyannote_backend import resolve_pipeline_dir

            resolve_pipeline_dir(self.diarizer_model)
        resolve_style(self.minutes_style, has_agenda=False)  # an unknown style is refused here
        check_backend(self.minutes_backend)
        if self.minutes_backend not in ("rules", "none"):
            resolve_endpoint(self.llm_url, self.llm_model, self.llm_allow_remote)  # refuse a remote server early


@dataclass
class PipelineResult:
    transcript: Transcript
    minutes: Any | None  # transcribe.minutes.model.Minutes
    diarization: Any | None
    duration: float
    timings: dict[str, float]
    reused: list[str]
    peak_rss_mb: float
    protokoll: Any | None = None  # transcribe.minutes.protokoll.Protokoll, for the protokoll style


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _fingerprint(*parts: Any) -> str:
    blob = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


class StageStore:
    """Stage results in a work directory, each valid only for its fingerprint."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)

    def _meta(self, stage: str) -> Path:
        return self.workdir / f"{stage}.done.json"

    def path(self, stage: str, suffix: str = "json") -> Path:
        return self.workdir / f"{stage}.{suffix}"

    def valid(self, stage: str, fingerprint: str) -> bool:
        meta = self._meta(stage)
        if not meta.exists():
            return False
        try:
            return json.loads(meta.read_text()).get("fingerprint") == fingerprint
        except (OSError, ValueError):
            return False

    def finish(self, stage: str, fingerprint: str, seconds: float) -> None:
        # Written after the stage's own file: its presence means the stage is complete.
        atomic_write_text(self._meta(stage), json.dumps({"fingerprint": fingerprint, "seconds": seconds}))

    def seconds(self, stage: str) -> float:
        try:
            return float(json.loads(self._meta(stage).read_text()).get("seconds", 0.0))
        except (OSError, ValueError):
            return 0.0


def run_pipeline(
    source: Path,
    workdir: Path,
    options: PipelineOptions | None = None,
    progress: ProgressFn | None = None,
) -> PipelineResult:
    options = options or PipelineOptions()
    options.validate()
    # read before any work: a bad agenda or an unknown series fails fast; their words help the recogniser
    agenda = parse_agenda(options.agenda) if options.agenda else None
    own_dir = Path(workdir).resolve().parent  # the meeting's own folder is never its own series vocabulary
    heard, rules_names = meeting_vocabulary(options, agenda, own_dir, counter_for(options.model))
    options = replace(options, vocabulary=heard)  # capped to Whisper's prompt room; the rules read every term
    source = Path(source)
    store = StageStore(workdir)
    timings: dict[str, float] = {}
    reused: list[str] = []

    def report(stage: str) -> Callable[[float], None]:
        return lambda done: progress(stage, done, duration) if progress else None

    def stage(name: str, fingerprint: str, compute: Callable[[], Any], load: Callable[[str], Any]) -> Any:
        """The stage's result read back when its fingerprint holds, else computed, timed and written."""
        if store.valid(name, fingerprint):
            timings[name] = store.seconds(name)
            reused.append(name)
            return load(store.path(name).read_text())
        t0 = time.perf_counter()
        result = compute()
        timings[name] = time.perf_counter() - t0
        atomic_write_text(store.path(name), result.to_json())
        store.finish(name, fingerprint, timings[name])
        return result

    # 1. decode -------------------------------------------------------------------
    t0 = time.perf_counter()
    duration = probe(source).duration
    input_key = cache_key(source)
    if not store.valid("decode", input_key):  # audio.wav left by another recording (a reused --out) is decoded anew
        store.path("audio", "wav").unlink(missing_ok=True)
    audio: Audio = decode(source, store.workdir, progress=report("decode"))
    duration = audio.duration
    timings["decode"] = time.perf_counter() - t0
    store.finish("decode", input_key, timings["decode"])

    # 2. transcribe -----------------------------------------------------------------
    fp_asr = _fingerprint(
        input_key, options.model, options.language, options.vocabulary, options.beam_size, options.compute_type
    )
    transcript = stage("transcribe", fp_asr, lambda: _transcribe(audio, options, report("transcribe")),
                       Transcript.from_json)  # fmt: skip
    transcript.source = source.name
    _apply_metadata(transcript, options)
    if agenda is not None:  # the time the agenda states opens the protokoll at "kl. 19.00", as `minutes` does
        fill_metadata(transcript.metadata, agenda_heading(agenda))

    # 3. diarise and attribute ----------------------------------------------------------
    diarization = None
    fp_dia = _fingerprint(
        fp_asr,
        options.diarizer,
        options.diarizer_model,
        options.num_speakers,
        options.min_speakers,
        options.max_speakers,
    )
    if options.diarizer != "none":
        diarization = stage("diarize", fp_dia, lambda: _diarize(audio, options, report("diarize")),
                            Diarization.from_json)  # fmt: skip
        transcript = assign_speakers(transcript, diarization)
    transcript = name_speakers(transcript, options)
    if diarization is not None and options.recognise_voices:
        transcript = recognise(transcript, diarization, diarizer=options.diarizer, audio=audio)

    # 4. minutes --------------------------------------------------------------------------
    minutes = protokoll = None
    if options.minutes_backend != "none":
        t0 = time.perf_counter()
        minutes = extract_minutes(
            transcript,
            meeting_date=options.meeting_date,
            title=options.title,
            place=options.place,
            backend=options.minutes_backend,
            model_dir=Path(options.minutes_model) if options.minutes_model else None,
            vocabulary=rules_names,  # the recogniser's vocabulary, uncapped, helps the rules read names
            llm_url=options.llm_url,
            llm_model=options.llm_model,
            llm_allow_remote=options.llm_allow_remote,
        )
        minutes = score_minutes(minutes, transcript)
        if (options.minutes_style or ("protokoll" if agenda else "rapport")) == "protokoll":
            protokoll = build_protokoll(minutes, transcript, agenda)
        timings["minutes"] = time.perf_counter() - t0
        if progress:
            progress("minutes", duration, duration)
    timings["total"] = sum(v for k, v in timings.items())
    transcript.metadata["timings"] = json.dumps({k: round(v, 3) for k, v in timings.items()})
    return PipelineResult(
        transcript, minutes, diarization, duration, timings, reused, peak_rss_mb(), protokoll=protokoll
    )


def _transcribe(audio: Audio, options: PipelineOptions, progress: Callable[[float], None]) -> Transcript:
    stats = asr.AsrStats()
    asr_options = asr.AsrOptions(language=options.language, vocabulary=options.vocabulary,
                                 beam_size=options.beam_size, compute_type=options.compute_type)  # fmt: skip
    transcript = asr.transcribe(audio, model=options.model, options=asr_options, progress=progress, stats=stats)
    transcript.metadata.update(
        {"asr_load_s": f"{stats.load_s:.2f}", "asr_repaired_segments": str(stats.repaired_segments)}
    )
    return transcript


def _diarize(audio: Audio, options: PipelineOptions, progress: Callable[[float], None]) -> Diarization:
    diarizer = load_diarizer(options.diarizer, Path(options.diarizer_model) if options.diarizer_model else None)
    return diarizer.diarize(audio, num_speakers=options.num_speakers, min_speakers=options.min_speakers,
                            max_speakers=options.max_speakers, progress=progress)  # fmt: skip


def name_speakers(transcript: Transcript, options: PipelineOptions) -> Transcript:
    """Names from self-introductions first, then the user's explicit names win."""
    labels = transcript.speaker_labels()
    if not labels:
        return transcript
    unknown = set(options.speaker_names) - set(labels)
    if unknown:
        raise BadOption(
            f"--speaker-names anger etiketter som inspelningen saknar: {', '.join(sorted(unknown))}; "
            f"dess talare heter {', '.join(labels)}"
        )
    proposed = propose_names(transcript) if options.auto_names else {}
    auto = {label: info.name for label, info in proposed.items() if info.name}
    transcript = apply_names(transcript, auto, source="introduction")
    for info in transcript.speakers:
        if info.label in proposed and proposed[info.label].role and not info.role:
            info.role = proposed[info.label].role
    if options.speaker_names:
        transcript = apply_names(transcript, options.speaker_names, source="user")
    return transcript


def _apply_metadata(transcript: Transcript, options: PipelineOptions) -> None:
    if options.title:
        transcript.metadata["title"] = options.title
    if options.meeting_date:
        transcript.metadata["date"] = options.meeting_date.isoformat()
    if options.place:
        transcript.metadata["place"] = options.place


def options_dict(options: PipelineOptions) -> dict[str, Any]:
    return asdict(options)
