"""Non-words in the recogniser's output, replaced by the nearest Swedish word or meeting term.

Whisper base often writes a Swedish-looking string that is no word at all ("försjan",
"fundrkötterka") one or two letters away from the word said ("förslag", "undersköterska").
A word that is frequent in written Swedish (wordfreq) or one of the meeting's own terms is
left as heard; anything rarer is replaced by the closest entry of a lexicon of common Swedish
words plus the meeting's terms, when one lies within a quarter of its letters (fewest edits,
then the meeting's terms, then the more frequent word). A non-word with no word near it that the
recogniser itself was unsure of is dropped: it is wrong whatever was said, and where nothing was
said it is an extra word a reader must strike out. So is any rare word or non-word heard with little
confidence: an everyday word (such as "inte"), a meeting term and a word a date or count is read from
("december", "torsdagen", "sjutton") always stay. Digits, numbers and short tokens are never touched.
The thresholds were chosen on the dev meetings' decodings only
(`python -m transcribe.bench.decoding --set dev`).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from rapidfuzz import distance, process
from wordfreq import get_frequency_dict, top_n_list, zipf_frequency

from transcribe.sv.calendar import MONTHS, WEEKDAYS
from transcribe.sv.numbers import is_compound, parse_number
from transcribe.sv.text import EVERYDAY_ZIPF
from transcribe.transcript import Segment, Transcript, Word

KNOWN_ZIPF = 2.5  # at least this frequent in written Swedish: a real word, kept as heard
LEXICON_ZIPF = 2.5  # replacements come from words at least this frequent (about 58 000 words)
LEXICON_SIZE = 100_000  # wordfreq's list, most frequent first
# At most a quarter of the heard token's letters changed. With unsure non-words dropped, a far "correction"
# mostly wrote a wrong word where leaving it out was better (dev, 27 meetings: pooled WER 0.838 -> 0.828
# against a third, better on 15, worse on 1; a tenth gained 0.003 more but loses two-letter repairs of long words).
MAX_EDIT_SHARE = 0.25
MIN_LETTERS = 3  # "jo", "ni", "å": too short to tell a slip from another word
# A non-word nothing corrects is dropped below this word probability (dev, 16 meetings: pooled WER 0.844 -> 0.831,
# better on all 16; it was never right there). A confidently heard one stays: a real model's rare compound
# ("fasadmålningen") is no wordfreq entry either.
DROP_BELOW_P = 0.7
# Any word below everyday frequency (or a non-word, corrected or not) heard below RARE_DROP_BELOW_P is left out:
# base mishears most of them and a correction from so little is mostly wrong too. Dev-wide, 21 meetings or first
# minutes, rarer than zipf 4 at p < 0.4: pooled WER 0.788 -> 0.763, better on 20, worse on none. Widened on the
# dev meetings decoded again (4 whole, the same with other decodings of 3): below zipf 5 at p < 0.6, pooled
# 0.730 -> 0.708, better on 4 of 4 (other decodings 0.728 -> 0.712, 3 of 3); zipf 4.5-5.5 x p 0.5-0.7: 0.706-0.716.
RARE_ZIPF = EVERYDAY_ZIPF
RARE_DROP_BELOW_P = 0.6
# The words a date, a deadline or a count is read from stay however unsure: the minutes flag them, a dropped
# month loses the date (dev: 4 of the 7 heard below p 0.6 were right, 'december' at 0.24; keeping them cost nothing).
_DATE_WORDS = frozenset(MONTHS) | {d + end for d in WEEKDAYS for end in ("", "en", "ens", "ar", "arna")}

_PARTS = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)
_LETTERS = re.compile(r"^[^\W\d_]+$")
_TERM = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def swedish_lexicon() -> tuple[str, ...]:
    """Common Swedish words (letters only), most frequent first.

    The frequencies are read from wordfreq's table at once, as `zipf_frequency` computes them
    (log10 of the frequency + 9, two decimals): asking word by word cost about 2.5 CPU-s in every
    process that corrects a transcript, the table about 0.4 s, for the same 58 000 words."""
    freqs = get_frequency_dict("sv")
    return tuple(w for w in top_n_list("sv", LEXICON_SIZE)
                 if _LETTERS.match(w) and freqs.get(w, 0.0) > 0
                 and round(math.log10(freqs[w]) + 9, 2) >= LEXICON_ZIPF)  # fmt: skip


def meeting_terms(vocabulary: list[str]) -> dict[str, str]:
    """The single words of the meeting's vocabulary, lower case -> as written ("hedström" -> "Hedström")."""
    return {t.lower(): t for v in vocabulary for t in _TERM.findall(v) if len(t) >= MIN_LETTERS}


def dated(word: str) -> bool:
    """A month, a weekday ("torsdagen", "fredagar") or a number word ("sjutton", "tjugoförsta", "hundratjugo")."""
    return word in _DATE_WORDS or parse_number(word) is not None or is_compound(word)


class Corrector:
    """Replaces non-words by the nearest common word or meeting term; `changes` counts the replacements,
    `dropped` the unsure non-words left out (`keeps`)."""

    def __init__(self, vocabulary: list[str] | None = None) -> None:
        self.terms = meeting_terms(vocabulary or [])
        common = swedish_lexicon()
        self.choices = list(common) + sorted(set(self.terms) - set(common))
        self.changes = 0
        self.dropped = 0
        self._nearest: dict[str, str | None] = {}  # a passage repeats its non-words; each is looked up once

    def keeps(self, token: str, probability: float) -> bool:
        """False for a rare word or non-word heard with little confidence, or a non-word nothing corrects
        (`word` left it as heard) heard with some doubt."""
        low = _PARTS.match(token).group(2).lower()
        if len(low) < MIN_LETTERS or not _LETTERS.match(low) or low in self.terms or dated(low):
            return True
        if dated((self._core(low) or "").lower()):  # "desember": the date word it is corrected to
            return True
        if probability < RARE_DROP_BELOW_P and zipf_frequency(low, "sv") < RARE_ZIPF:
            self.dropped += 1
            return False
        if probability >= DROP_BELOW_P:
            return True
        if zipf_frequency(low, "sv") >= KNOWN_ZIPF or self._core(low) is not None:
            return True
        self.dropped += 1
        return False

    def word(self, token: str) -> str:
        """`token` with its core replaced when it is no word; leading space and punctuation are kept."""
        lead, core, trail = _PARTS.match(token).groups()
        fixed = self._core(core)
        if fixed is None:
            return token
        self.changes += 1
        return f"{lead}{fixed}{trail}"

    def _core(self, core: str) -> str | None:
        if core not in self._nearest:
            self._nearest[core] = self._nearest_word(core)
        return self._nearest[core]

    def _nearest_word(self, core: str) -> str | None:
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
    """The transcript with its non-words replaced or dropped (timestamps and probabilities of the others kept),
    and how many were; a passage left with no word is dropped."""
    fix = Corrector(vocabulary)
    segments = [seg for seg in (_correct_segment(seg, fix) for seg in transcript.segments) if seg.text]
    segments = [seg.model_copy(update={"id": i}) for i, seg in enumerate(segments)]
    return transcript.model_copy(update={"segments": segments}), fix.changes + fix.dropped


def _correct_segment(seg: Segment, fix: Corrector) -> Segment:
    if seg.words:  # only words carry the recogniser's confidence: text alone is corrected, never cut
        words = [w.model_copy(update={"text": fix.word(w.text)}) for w in seg.words if fix.keeps(w.text, w.probability)]
        return seg.model_copy(update={"words": words, "text": _joined(words)})
    return seg.model_copy(update={"text": " ".join(fix.word(t) for t in seg.text.split())})


def _joined(words: list[Word]) -> str:
    return "".join(w.text for w in words).strip()
