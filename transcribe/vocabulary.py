"""The meeting's own vocabulary, assembled in one place for the recogniser and the rules.

Sources, in priority order (an earlier source wins a place when the budget runs out):

1. the user's own list (`--vocabulary`, the web upload's "Ordlista"): typed for this meeting;
2. the agenda's names and topic words: this meeting's own plan;
3. the people of the series' earlier meetings (participants, named speakers, owners), those
   seen at most meetings first: the people most likely to speak and be named;
4. the names of enrolled voice profiles, when the run is asked to use them: people who may attend;
5. the series' recurring proper nouns and topic words (places, organisations, projects) from the
   earlier meetings' approved, else draft, minutes and their reviewed, else machine, transcripts.

Whisper's text context is 448 tokens; CTranslate2 lets a window's output take min(224, 448 - prompt)
of them, so a prompt longer than about 224 tokens shortens what can be written for 30 s of speech.
The hotwords and the first window's initial prompt (asr.vocabulary_prompt) share that room, so the
list is capped to fit both together. Beyond it faster-whisper would also cut silently: the prompt
keeps its last 223 tokens, losing the lead and the first, most important, terms.
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from wordfreq import zipf_frequency

from transcribe import asr, meeting
from transcribe.agenda import agenda_vocabulary
from transcribe.errors import UserError
from transcribe.minutes.model import Minutes
from transcribe.models import resolve
from transcribe.series import store as series_store
from transcribe.speakers import ProfileDirectory
from transcribe.transcript import Transcript

if TYPE_CHECKING:
    from transcribe.pipeline import PipelineOptions

# Whisper's prompt room for hotwords and the initial prompt together: half its text context, less the
# start tokens decoding adds itself (previous-text marker, start of transcript, language, task).
PROMPT_TOKENS = 448 // 2 - 4
MAX_TERM_CHARS = 60
MIN_TERM_REPEATS = 2  # said this often in machine transcripts (once may be a misrecognition); once when reviewed
MAX_SERIES_TERMS = 40
COMMON_ZIPF = 4.5  # words Swedish text uses over ~30 per million words: Whisper writes them without help

TokenCounter = Callable[[str], int]

_CAPITALISED = re.compile(r"[A-ZÅÄÖÉÜ][\wåäöéüÅÄÖÉÜ-]*(?:\s+[A-ZÅÄÖÉÜ][\wåäöéüÅÄÖÉÜ-]*)*")
_SENTENCE_END = re.compile(r"(^|[.!?:;…\"»”–-])\s*$")
_EDGE = ".,;:!?\"'()[]«»”“ \t"


@dataclasses.dataclass
class SeriesWords:
    people: list[str] = dataclasses.field(default_factory=list)
    terms: list[str] = dataclasses.field(default_factory=list)


def clean_term(term: str) -> str:
    """One term as Whisper should see it: NFC (å stays one letter), single spaces, no edge punctuation."""
    text = " ".join(unicodedata.normalize("NFC", str(term)).split()).strip(_EDGE)
    if not text or len(text) > MAX_TERM_CHARS or any(unicodedata.category(c).startswith("C") for c in text):
        return ""
    return text


def estimate_tokens(text: str) -> int:
    """Without a tokenizer: two UTF-8 bytes a token, an over-estimate for Swedish (measured about 3)."""
    return math.ceil(len(text.encode("utf-8")) / 2)


def token_counter(model_dir: Path | None = None) -> TokenCounter:
    """The model's own tokenizer when its directory holds one, else the safe estimate."""
    path = Path(model_dir) / "tokenizer.json" if model_dir else None
    if path is None or not path.is_file():
        return estimate_tokens
    # tokenizers comes with faster-whisper; loaded here only when a model directory is at hand
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    return lambda text: len(tokenizer.encode(text, add_special_tokens=False).ids)


def prompt_tokens(vocabulary: list[str], count: TokenCounter = estimate_tokens, language: str = "sv") -> int:
    """Tokens the vocabulary takes in Whisper's prompt: initial prompt plus hotwords."""
    if not vocabulary:
        return 0
    prompt = asr.vocabulary_prompt(vocabulary, language) or ""
    return count(prompt) + count(" " + " ".join(vocabulary))


def assemble(
    *sources: Iterable[str],
    budget: int | None = PROMPT_TOKENS,
    count: TokenCounter = estimate_tokens,
    language: str = "sv",
) -> list[str]:
    """Sources in priority order -> one list: cleaned, deduplicated (case-folded), within the budget.

    A one-word term already contained in a kept name ("Maria" after "Maria Holmberg") is left out:
    the name teaches Whisper the word. A term that does not fit is skipped, a shorter later one may.
    `budget=None`: no cap (the rules read any number of names).
    """
    kept: list[str] = []
    seen: set[str] = set()
    words: set[str] = set()
    for source in sources:
        for raw in source:
            term = clean_term(raw)
            key = term.casefold()
            if not term or key in seen or (" " not in term and key in words):
                continue
            if budget is not None and prompt_tokens([*kept, term], count, language) > budget:
                continue
            kept.append(term)
            seen.add(key)
            words.update(key.split())
    return kept


# --- the series -------------------------------------------------------------------------------------


def _read(model: type, path: Path | None) -> object | None:
    if path is None:
        return None
    try:
        return model.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # a damaged or moved meeting must not stop a new recording


def _people(transcript: Transcript | None, minutes: Minutes | None) -> set[str]:
    names: set[str] = set()
    if transcript is not None:
        names.update(s.name for s in transcript.speakers if s.name)
    if minutes is not None:
        names.update(p.name for p in minutes.participants if p.name)
        names.update(a.owner for a in minutes.actions if a.owner)
    return {clean_term(n) for n in names} - {""}


def _transcript_texts(transcript: Transcript | None) -> list[str]:
    return [s.text for s in transcript.segments] if transcript is not None else []


def _minutes_texts(minutes: Minutes | None) -> list[str]:
    if minutes is None:
        return []
    texts = [d.text for d in minutes.decisions] + [a.what for a in minutes.actions]
    texts += [o.text for o in minutes.not_decided] + [t.heading for t in minutes.themes]
    return texts + [t.paragraph for t in minutes.themes]


def uncommon(term: str) -> bool:
    """True when the term's rarest word is no everyday Swedish word."""
    return min(zipf_frequency(w, "sv") for w in term.casefold().split()) < COMMON_ZIPF


def proper_nouns(text: str) -> list[str]:
    """Capitalised words and runs of them that do not start a sentence: names, places, organisations."""
    out = []
    for m in _CAPITALISED.finditer(text):
        if _SENTENCE_END.search(text[: m.start()]):
            continue
        out.append(m.group(0))
    return out


def _topic_words(minutes: Minutes | None) -> list[str]:
    """The minutes' theme keywords long enough to be a compound Whisper may split or miss."""
    if minutes is None:
        return []
    return [k for t in minutes.themes for k in t.keywords if len(k) >= 8]


def series_words(name: str, exclude: Path | None = None) -> SeriesWords:
    """People and recurring terms of a series' meetings (unknown series: InputNotFound, exit 2)."""
    series = series_store.load(name)
    own = exclude.resolve() if exclude is not None else None
    attended: Counter[str] = Counter()
    latest: dict[str, int] = {}
    terms: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for rank, entry in enumerate(reversed(series.meetings)):  # the latest added first
        folder = Path(entry.path)
        if own is not None and folder.resolve() == own:
            continue  # a meeting is never its own vocabulary (a resumed run stays the same)
        tpath = meeting.counting_transcript(folder)
        transcript = _read(Transcript, tpath)
        found = meeting.counting_minutes(folder)
        minutes = _read(Minutes, found[0] if found else None)
        for person in _people(transcript, minutes):
            attended[person] += 1
            latest.setdefault(person, rank)
        # A reviewer read the approved minutes and a reviewed transcript: one mention there is enough.
        reviewed_text = tpath is not None and tpath != folder / meeting.TRANSCRIPT
        weighted = [(t, MIN_TERM_REPEATS if reviewed_text else 1) for t in _transcript_texts(transcript)]
        weighted += [(t, MIN_TERM_REPEATS if found and found[1] == "approved" else 1) for t in _minutes_texts(minutes)]
        found_terms = [(noun, weight) for text, weight in weighted for noun in proper_nouns(text)]
        found_terms += [(w, MIN_TERM_REPEATS) for w in _topic_words(minutes)]  # a theme's keyword recurs by definition
        for term, weight in found_terms:
            terms[term.casefold()] += weight
            spelling.setdefault(term.casefold(), term)
    people = sorted(attended, key=lambda p: (-attended[p], latest[p], p))
    names = {w for p in people for w in p.casefold().split()}
    recurring = [k for k, n in terms.most_common() if n >= MIN_TERM_REPEATS and k not in names and uncommon(k)]
    return SeriesWords(people=people, terms=[spelling[k] for k in recurring[:MAX_SERIES_TERMS]])


def profile_names(directory: ProfileDirectory | None = None) -> list[str]:
    """The enrolled voices' names."""
    return [p.name for p in (directory or ProfileDirectory()).list()]


# --- the run ----------------------------------------------------------------------------------------


def counter_for(model: str) -> TokenCounter:
    """The token counter of the Whisper model the run will use; the estimate when it cannot be found yet."""
    try:
        return token_counter(resolve(model, kind="whisper"))
    except UserError:
        return estimate_tokens  # the recogniser reports the missing model itself


def sources(options: PipelineOptions, agenda: object | None = None, own_dir: Path | None = None) -> list[list[str]]:
    """Every source the run's options name, in the priority order above."""
    words = series_words(options.series, exclude=own_dir) if options.series else SeriesWords()
    voices = options.voice_names and options.recognise_voices and options.diarizer != "none"
    return [
        list(options.vocabulary),
        agenda_vocabulary(agenda) if agenda is not None else [],
        words.people,
        profile_names() if voices else [],
        words.terms,
    ]


def meeting_vocabulary(options: PipelineOptions, agenda: object | None = None, own_dir: Path | None = None,
                       count: TokenCounter = estimate_tokens) -> tuple[list[str], list[str]]:  # fmt: skip
    """(for the recogniser, within Whisper's prompt room; for the rules, every term)."""
    found = sources(options, agenda, own_dir)
    return (
        assemble(*found, count=count, language=options.language),
        assemble(*found, budget=None, language=options.language),
    )
