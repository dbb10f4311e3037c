"""Speech recognition with faster-whisper, in bounded memory and guarded against loops.

Long recordings are cut into windows at quiet points so RAM does not grow with
meeting length. The decoding settings (`TUNED`) were chosen on the dev sample
meetings only and are measured against plain faster-whisper on held-out audio
by `python -m transcribe.bench.decoding`; `AsrOptions(decoding="plain")` runs
faster-whisper's own defaults (only the language forced) for that comparison.
The meeting's own words (participants, agenda, --vocabulary) go to Whisper as an
initial prompt and as hotwords; a passage where Whisper wrote that prompt back instead
of the speech is decoded again without it. Whisper base on Swedish sometimes repeats a phrase
until the window ends: we decode without conditioning on the previous text (the
usual trigger), keep the compression-ratio fallback, and collapse any repetition
that still gets through, marking the segment as repaired. Speech the VAD found but the
decoder skipped is decoded again on its own. Finally (`after_decoding`), a loop running across passages is kept
once, Swedish non-words are replaced by the nearest common word or meeting term, and uncommon words heard unsure
are dropped (`transcribe.lexfix`).
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import ctranslate2
import numpy as np
from faster_whisper.tokenizer import _LANGUAGE_CODES as WHISPER_LANGUAGES
from faster_whisper.vad import VadOptions, get_speech_timestamps

from transcribe.audio import Audio
from transcribe.config import cpu_threads, enforce_offline
from transcribe.errors import BadOption, InputIsDirectory, InputNotFound, ModelCorrupt, ModelMissing
from transcribe.lexfix import correct_transcript
from transcribe.models import resolve
from transcribe.repetition import collapse_across_passages, collapse_repetitions, find_repetition
from transcribe.transcript import Segment, Transcript, Word

log = logging.getLogger(__name__)

WINDOW_S = 15 * 60.0  # audio handed to the decoder at once
SEARCH_S = 20.0  # where to look for a quiet cut point before the window end


DECODINGS = ("tuned", "plain")
# faster-whisper's own default: the precision the model was saved in, where the device computes it (the bundled
# base is saved as float16, which a CPU runs as float32). Plain decoding uses it; the product runs int8 on CPU.
PLAIN_COMPUTE_TYPE = "default"


@dataclass
class AsrOptions:
    language: str = "sv"
    beam_size: int = 5
    vocabulary: list[str] = field(default_factory=list)
    vad: bool = True
    compute_type: str = "int8"
    word_timestamps: bool = True
    decoding: str = "tuned"  # or "plain": faster-whisper's defaults, for comparison
    correct_words: bool = True  # tuned only: the text repairs after decoding (loops across passages, lexfix)


def check_language(code: str) -> None:
    """Refuse a language Whisper does not know before any decoding (its own refusal is an English traceback)."""
    if code not in WHISPER_LANGUAGES:
        raise BadOption(f"okänt språk {code!r} för --language; ange en språkkod som sv, en, fi, da eller no")


def plain_options(language: str = "sv") -> AsrOptions:
    """Plain faster-whisper, the one baseline every bench compares with: its own defaults with the language
    forced, the model at its own precision (PLAIN_COMPUTE_TYPE), no text repairs."""
    return AsrOptions(language=language, decoding="plain", compute_type=PLAIN_COMPUTE_TYPE, correct_words=False)


# Chosen on the dev samples' audio only (python -m transcribe.bench.decoding --set dev); plain differs in these.
TUNED: dict[str, object] = {
    # Conditioning on the previous text carried one window's misrecognition into the next (dev: fewer right words).
    "condition_on_previous_text": False,
    "compression_ratio_threshold": 2.2,  # a looping window is decoded again at a higher temperature
    # The VAD already removed non-speech. Whisper's own no-speech/low-logprob skip then only drops real
    # but poorly recognised speech (dev: 20 % of the words lost, WER 0.83 -> 0.77 without it, and faster).
    "no_speech_threshold": None,
    "log_prob_threshold": None,
    "vad_parameters": {"min_silence_duration_ms": 500, "speech_pad_ms": 200},
}


@dataclass
class AsrStats:
    load_s: float = 0.0
    decode_s: float = 0.0
    repaired_segments: int = 0
    windows: int = 0
    corrected_words: int = 0
    redecoded_gaps: int = 0


def read_vocabulary(path: Path) -> list[str]:
    """One term per line; blank lines and #comments ignored. An empty file is an empty list."""
    path = Path(path)
    if not path.exists():
        raise InputNotFound(f"ordlistan {path} finns inte")
    if path.is_dir():
        raise InputIsDirectory(f"{path} är en katalog, inte en ordlista")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (UnicodeDecodeError, OSError) as exc:
        raise BadOption(f"--vocabulary {path} går inte att läsa som text (UTF-8, en term per rad)") from exc
    return [ln.strip() for ln in lines if ln.strip() and not ln.strip().startswith("#")]


def vocabulary_prompt(vocabulary: list[str], language: str = "sv") -> str | None:
    """An initial prompt that reads like a meeting agenda naming the terms."""
    if not vocabulary:
        return None
    lead = "Mötesanteckningar. Namn och platser:" if language == "sv" else "Meeting notes. Names and places:"
    return f"{lead} {', '.join(vocabulary)}."


def decode_kwargs(options: AsrOptions) -> dict[str, object]:
    """Keyword arguments for `WhisperModel.transcribe`: the tuned settings, or faster-whisper's defaults."""
    if options.decoding not in DECODINGS:
        raise BadOption(f"okänd avkodning {options.decoding!r}; välj {' eller '.join(DECODINGS)}")
    base = {"language": options.language, "word_timestamps": options.word_timestamps}
    if options.decoding == "plain":
        return base
    return {
        **base,
        **TUNED,
        "beam_size": options.beam_size,
        "vad_filter": options.vad,
        # The prompt reaches the first window; hotwords reach every window (a longer context sentence
        # in the hotwords lost right words on dev).
        "initial_prompt": vocabulary_prompt(options.vocabulary, options.language),
        "hotwords": " ".join(options.vocabulary) if options.vocabulary else None,
        "without_timestamps": False,
    }


_model_cache: dict[tuple[str, str, str], object] = {}
DECODE_SEED = 20240101
DEVICES = ("auto", "cpu", "cuda")


def cuda_device_count() -> int:
    """CUDA devices CTranslate2 can use: 0 without a GPU or without the CUDA libraries."""
    try:
        return ctranslate2.get_cuda_device_count()
    except RuntimeError:
        return 0


def pick_device(requested: str | None = None) -> tuple[str, str | None]:
    """(device, compute type): float16 on CUDA; on CPU the caller's type (int8). `auto` takes a GPU if present.

    Without an argument, $TRANSCRIBE_DEVICE (set by `run --device` / `worker --device`) decides; CPU by default.
    """
    requested = (requested or os.environ.get("TRANSCRIBE_DEVICE") or "cpu").lower()
    if requested not in DEVICES:
        raise BadOption(f"okänd enhet {requested!r} för --device; välj bland {', '.join(DEVICES)}")
    if requested == "cpu" or (requested == "auto" and cuda_device_count() == 0):
        return "cpu", None
    if cuda_device_count() == 0:
        raise BadOption(
            "--device cuda: ingen CUDA-enhet går att använda på den här datorn; använd --device cpu eller auto"
        )
    return "cuda", "float16"


def load_model(model: str = "base", compute_type: str = "int8", device: str | None = None):
    """Load (and cache per process) a CTranslate2 Whisper model from a local directory."""
    enforce_offline()
    path = resolve(model, kind="whisper")
    device, gpu_type = pick_device(device)
    compute_type = gpu_type or compute_type
    key = (str(path), device, compute_type)
    if key not in _model_cache:
        from faster_whisper import WhisperModel

        # A window that loops is decoded again at a higher temperature, which samples. CTranslate2 seeds each
        # decoding thread once, at its first sample, from the process's seed (random unless set): a fixed
        # seed before the model's threads exist makes a job resumed in a new process give the same text.
        ctranslate2.set_random_seed(DECODE_SEED)
        try:
            _model_cache[key] = WhisperModel(
                str(path),
                device=device,
                compute_type=compute_type,
                cpu_threads=cpu_threads(),
                local_files_only=True,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            msg = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
            if "No such file" in msg:
                raise ModelMissing(
                    f"Whisper-modellen i {path} är ofullständig ({msg}); hämta eller importera den igen"
                ) from exc
            raise ModelCorrupt(
                f"Whisper-modellen i {path} går inte att läsa in ({msg}); kör 'transcribe models verify'"
            ) from exc
    return _model_cache[key]


# --- repetition guard --------------------------------------------------------

_TOKEN = re.compile(r"\S+")


def _text_of(words: Iterable[Word]) -> str:
    return "".join(w.text for w in words).strip()


# --- windowing -----------------------------------------------------------------


def quiet_point(audio: Audio, start: float, end: float, frame_s: float = 0.1) -> float:
    """The lowest-energy frame between start and end: a cut there rarely splits a word."""
    x = audio.float32(start, end)
    n = int(frame_s * audio.sample_rate)
    frames = len(x) // n
    if frames < 2:
        return end
    energy = (x[: frames * n].reshape(frames, n) ** 2).mean(axis=1)
    return start + (int(np.argmin(energy)) + 0.5) * frame_s


def windows(audio: Audio, window_s: float = WINDOW_S) -> list[tuple[float, float]]:
    total = audio.duration
    spans, start = [], 0.0
    while total - start > window_s + SEARCH_S:
        cut = quiet_point(audio, start + window_s - SEARCH_S, start + window_s)
        spans.append((start, cut))
        start = cut
    spans.append((start, total))
    return spans


# --- transcription ---------------------------------------------------------------


def transcribe(
    audio: Audio,
    model: str = "base",
    options: AsrOptions | None = None,
    progress: Callable[[float], None] | None = None,
    stats: AsrStats | None = None,
    window_s: float = WINDOW_S,
) -> Transcript:
    """Transcribe `audio`; `progress` receives seconds of audio done."""
    options = options or AsrOptions()
    stats = stats if stats is not None else AsrStats()
    t0 = time.perf_counter()
    whisper = load_model(model, options.compute_type)
    stats.load_s = time.perf_counter() - t0
    kwargs = decode_kwargs(options)
    guard = options.decoding != "plain"

    segments: list[Segment] = []
    t1 = time.perf_counter()
    for w_start, w_end in windows(audio, window_s):
        stats.windows += 1
        pieces, _info = whisper.transcribe(audio.float32(w_start, w_end), **kwargs)
        first = len(segments)
        for piece in pieces:
            seg = _to_segment(piece, w_start, len(segments), guard)
            span = (w_start + piece.start, w_start + piece.end)
            if seg is not None and guard and echoes_prompt(seg.text, span[1] - span[0], kwargs):
                again = _without_context(whisper, audio, span, kwargs, len(segments))
                stats.repaired_segments += 1
                segments.extend(again)
            elif seg is not None:
                stats.repaired_segments += int(seg.repaired)
                segments.append(seg)
            if progress:
                progress(min(w_start + piece.end, audio.duration))
        if guard and kwargs.get("vad_filter"):
            for gap in skipped_speech(audio, (w_start, w_end), segments[first:], kwargs.get("vad_parameters")):
                again = _without_context(whisper, audio, gap, kwargs, len(segments))
                stats.redecoded_gaps += 1
                segments.extend(again)
            segments[first:] = sorted(segments[first:], key=lambda seg: seg.start)
        if progress:
            progress(w_end)
    segments = [seg.model_copy(update={"id": i}) for i, seg in enumerate(segments)]
    transcript = Transcript(
        source="",
        language=options.language,
        duration=audio.duration,
        model=str(model),
        segments=segments,
    )
    if guard and options.correct_words:
        transcript, stats.corrected_words = after_decoding(transcript, options.vocabulary, options.language)
    stats.decode_s = time.perf_counter() - t1
    return transcript


def after_decoding(transcript: Transcript, vocabulary: list[str], language: str = "sv") -> tuple[Transcript, int]:
    """The text repairs on the decoder's output, cheap enough to apply anew to a kept decode: a loop running
    across passages kept once, then (Swedish) non-words corrected or dropped; with how many words changed."""
    transcript, collapsed = collapse_across_passages(transcript)
    if language != "sv":
        return transcript, collapsed
    transcript, corrected = correct_transcript(transcript, vocabulary)
    return transcript, collapsed + corrected


# --- prompt echo ------------------------------------------------------------------

_WORD = re.compile(r"\w+")
ECHO_SHARE = 0.6  # share of a passage's words taken from the prompt and hotwords
ECHO_WORDS_PER_S = 1.0  # speech runs at 2-3 words a second; an echo spans long audio with a few words


def echoes_prompt(text: str, seconds: float, kwargs: dict[str, object]) -> bool:
    """True when Whisper wrote its prompt back instead of the speech (dev: the first 90 s of a meeting
    came out as the participants' names): mostly prompt words, far too few for the audio they span."""
    context = " ".join(str(kwargs.get(k) or "") for k in ("initial_prompt", "hotwords")).lower()
    words = _WORD.findall(text.lower())
    if not context.strip() or not words:
        return False
    prompt = set(_WORD.findall(context))
    share = sum(w in prompt for w in words) / len(words)
    return share >= ECHO_SHARE and len(words) / max(seconds, 1e-3) < ECHO_WORDS_PER_S


# --- skipped speech ---------------------------------------------------------------

GAP_MIN_S = 2.0  # speech this long outside every decoded passage was skipped by the decoder
WORD_REACH_S = 0.3  # word timestamps are rough: a word covers this much speech either side
# What happens after decoding, for the bench's cache key: a change here means the cached output is stale.
REPAIRS = f"guard+echo+gaps(passages,{GAP_MIN_S}s)"


def skipped_speech(audio: Audio, window: tuple[float, float], segments: list[Segment],
                   vad_parameters: dict[str, object] | None) -> list[tuple[float, float]]:  # fmt: skip
    """Stretches the VAD calls speech but no decoded word covers (dev: whole turns of 5-15 s went missing,
    a sixth of the words). Whisper drops them when a 30 s chunk holds more than it can follow; decoded
    on their own they come back."""
    w_start, w_end = window
    opts = VadOptions(**(vad_parameters or {}))
    spans = get_speech_timestamps(audio.float32(w_start, w_end), opts, sampling_rate=audio.sample_rate)
    # A decoded passage covers its whole span: inside it the words' own timestamps are too rough to trust.
    covered = sorted([(w.start - WORD_REACH_S, w.end + WORD_REACH_S) for seg in segments for w in seg.words]
                     + [(seg.start, seg.end) for seg in segments])  # fmt: skip
    gaps: list[tuple[float, float]] = []
    for sp in spans:
        cursor, end = w_start + sp["start"] / audio.sample_rate, w_start + sp["end"] / audio.sample_rate
        for a, b in covered:
            if b <= cursor or a >= end:
                continue
            if a - cursor >= GAP_MIN_S:
                gaps.append((cursor, a))
            cursor = max(cursor, b)
        if end - cursor >= GAP_MIN_S:
            gaps.append((cursor, end))
    return gaps


def _without_context(whisper, audio: Audio, span: tuple[float, float], kwargs: dict[str, object],
                     first_id: int) -> list[Segment]:  # fmt: skip
    """The passage decoded again with no prompt and no hotwords, marked as repaired."""
    pieces, _info = whisper.transcribe(audio.float32(*span), **{**kwargs, "initial_prompt": None, "hotwords": None})
    out: list[Segment] = []
    for piece in pieces:
        seg = _to_segment(piece, span[0], first_id + len(out))
        if seg is not None:
            out.append(seg.model_copy(update={"repaired": True}))
    return out


def _to_segment(piece, offset: float, seg_id: int, guard: bool = True) -> Segment | None:
    words = [
        Word(
            start=round(offset + w.start, 3),
            end=round(offset + w.end, 3),
            text=w.word,
            probability=round(w.probability, 4),
        )
        for w in (piece.words or [])
    ]
    repaired = False
    if words:
        if guard:
            words, repaired = collapse_repetitions(words)
        text = _text_of(words)
    else:
        tokens = _TOKEN.findall(piece.text)
        hit = find_repetition(tokens) if guard else None
        if hit:
            i, n, count = hit
            tokens = tokens[: i + n] + tokens[i + n * count :]
            repaired = True
        text = " ".join(tokens)
    if not any(ch.isalnum() for ch in text):  # "– – – –", "...": marks the decoder wrote over noise, not speech
        return None
    start = words[0].start if words else round(offset + piece.start, 3)
    end = words[-1].end if words else round(offset + piece.end, 3)
    return Segment(
        id=seg_id,
        start=start,
        end=max(end, start),
        text=text.strip(),
        words=words,
        avg_logprob=round(piece.avg_logprob, 4),
        no_speech_prob=round(piece.no_speech_prob, 4),
        repaired=repaired,
    )
