"""Non-words in the recogniser's output, replaced by the nearest Swedish word or meeting term.

Whisper base often writes a Swedish-looking string that is no word at all ("försjan",
"fundrkötterka") one or two letters away from the word said ("förslag", "undersköterska").
A word that is frequent in written Swedish (wordfreq) or one of the meeting's own terms is
left as heard; anything rarer is replaced by the closest entry of a lexicon of common Swedish
words plus the meeting's terms, when one lies within a third of its letters (fewest edits,
then the meeting's terms, then the more frequent word). Digits, numbers and short tokens are
never touched. The thresholds were chosen on the dev meetings' decodings only
(`python -m transcribe.bench.decoding --set dev`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import distance, process
from wordfreq import top_n_list, zipf_frequency

from transcribe.transcript import Segment, Transcript, Word

KNOWN_ZIPF = 2.5  # at least this frequent in written Swedish: a real word, kept as heard
LEXICON_ZIPF = 2.5  # replacements come from words at least this frequent (about 58 000 words)
LEXICON_SIZE = 100_000  # wordfreq's list, most frequent first
MAX_EDIT_SHARE = 0.34  # at most a third of the heard token's letters changed
MIN_LETTERS = 3  # "jo", "ni", "å": too short to tell a slip from another word

_PARTS = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)
_LETTERS = re.compile(r"^[^\W\d_]+$")
_TERM = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def swedish_lexicon() -> tuple[str, ...]:
    """Common Swedish words (letters only), most frequent first."""
    words = top_n_list("sv", LEXICON_SIZE)
    return tuple(w for w in words if _LETTERS.match(w) and zipf_frequency(w, "sv") >= LEXICON_ZIPF)


def meeting_terms(vocabulary: list[str]) -> dict[str, str]:
    """The single words of the meeting's vocabulary, lower case -> as written ("hedström" -> "Hedström")."""
    return {t.lower(): t for v in vocabulary for t in _TERM.findall(v) if len(t) >= MIN_LETTERS}


class Corrector:
    """Replaces non-words by the nearest common word or meeting term; `changes` counts the replacements."""

    def __init__(self, vocabulary: list[str] | None = None) -> None:
        self.terms = meeting_terms(vocabulary or [])
        common = swedish_lexicon()
        self.choices = list(common) + sorted(set(self.terms) - set(common))
        self.changes = 0

    def word(self, token: str) -> str:
        """`token` with its core replaced when it is no word; leading space and punctuation are kept."""
        lead, core, trail = _PARTS.match(token).groups()
        fixed = self._core(core)
        if fixed is None:
            return token
        self.changes += 1
        return f"{lead}{fixed}{trail}"

    def _core(self, core: str) -> str | None:
        low = core.lower()
        if len(low) < MIN_LETTERS or not _LETTERS.match(low) or low in self.terms:
            return None
        if zipf_frequency(low, "sv") >= KNOWN_ZIPF:
            return None
        limit = max(1, int(MAX_EDIT_SHARE * len(low)))
        found = process.extract(low, self.choices, scorer=distance.Levenshtein.distance, score_cutoff=limit,
                                limit=25)  # fmt: skip
        if not found:
            return None
        best = min(found, key=lambda c: (c[1], c[0] not in self.terms, -zipf_frequency(c[0], "sv")))[0]
        if best in self.terms:
            return self.terms[best]
        return best.capitalize() if core[:1].isupper() else best


def correct_transcript(transcript: Transcript, vocabulary: list[str] | None = None) -> tuple[Transcript, int]:
    """The transcript with its non-words replaced (timestamps and probabilities kept), and how many were."""
    fix = Corrector(vocabulary)
    segments = [_correct_segment(seg, fix) for seg in transcript.segments]
    return transcript.model_copy(update={"segments": segments}), fix.changes


def _correct_segment(seg: Segment, fix: Corrector) -> Segment:
    if seg.words:
        words = [w.model_copy(update={"text": fix.word(w.text)}) for w in seg.words]
        return seg.model_copy(update={"words": words, "text": _joined(words)})
    return seg.model_copy(update={"text": " ".join(fix.word(t) for t in seg.text.split())})


def _joined(words: list[Word]) -> str:
    return "".join(w.text for w in words).strip()
