"""How sure we are of what the transcript and the minutes say, and what a person must check.

Whisper gives every word a probability. A minutes item is only as certain as
the words it rests on, and a few words carry most of the meaning: a negation
("inte", "ej", "aldrig", "inga", "ingen"), a number, a date, a name. One lost
"inte" turns "vi har inte bestämt att bygga om skolan" into a decision that
was never made, so decisions get a dedicated check: a negation with low
probability, or any low-probability word (or unexplained silence) right
around the decision verb, where a negation could have been, flags the item
whatever its other scores.

Item confidence = extraction certainty (the extractor's own confidence)
x recognition certainty (the lower of the mean word probability of the item's
own words and the weakest cue word) x attribution certainty (share of words
whose speaker agrees with their segment's, lowered where people talk at once).
An item is flagged (needs_review=True, a review_reason saying why: "Kontrollera
mot ljudet: ordet "inte" hördes osäkert (p=0.31)") when a word that carries its
meaning is unsure relative to the meeting (below a share of the meeting's median
probability, never above the fixed cut), when its own words as a whole are,
or when extraction x attribution is below REVIEW_BELOW. An unsure word elsewhere
in the passage does not flag it: on a poorly heard meeting that flags everything.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

from transcribe.confidence.reasons import say
from transcribe.transcript import Segment, Transcript, Word

LOW_WORD = 0.5  # a word below this is uncertain: marked ==…== in the transcript, flagged in minutes items
LOW_PASSAGE = 0.5  # mean word probability of a segment (or an item's words) below this: check the passage
NEGATION_LOW = 0.6  # a negation, or a word beside a decision verb, below this: always check
CUE_LOW = 0.5  # a number, date or name below this: check
REVIEW_BELOW = 0.45  # extraction x attribution certainty below this: check
RATIO = 0.6  # review page: a word below RATIO x the meeting's median probability is clearly worse than the meeting
# (chosen on the dev samples: bench section "uncertainty", transcribe.bench.uncertainty)
# Minutes items: a word is unsure below min(fixed cut, ratio x the meeting's median word probability).
# The review page's RATIO, chosen on the real recogniser's dev transcripts; on the dev meetings of the
# bench section "flags" (transcribe.bench.flags) ratios 0.3-0.8 move the share flagged by a few points
# only, and every inverted decision stays flagged at each of them.
SLOT_RATIO = RATIO  # a negation, or a word beside the decision verb where a lost "inte" would have stood
CUE_RATIO = RATIO  # the decision verb, a number, date or name among the item's own words
PASSAGE_RATIO = RATIO  # the mean of the item's own words
STRONG = 0.5  # review page: a word below half the meeting's cut is marked more strongly
GAP_S = 0.25  # silence between two words beside a decision verb; Whisper leaves >= 0.1 s inside a phrase
# in 0.1 % of word pairs on the samples, so a gap there suggests a word it could not hear
OVERLAP_FACTOR = 0.75
MAX_REASONS = 3
LOW_LOGPROB = -1.0  # a segment whose mean token log-probability is below this was heard unsurely
# (Whisper's own failure cut; on the dev meetings of bench "flags" -1.5 halves the rules' flags but leaves
# inverted decisions unflagged, so it stays)
NO_SPEECH_HIGH = 0.6  # a segment Whisper itself thinks is likely not speech

NEGATIONS = frozenset({"inte", "ej", "icke", "aldrig", "inga", "ingen", "inget", "ingenting", "knappast"})


# ----------------------------------------------------------------------------- word and passage flags


@dataclass(frozen=True)
class WordFlag:
    segment_id: int
    index: int  # position in the segment's words
    text: str
    start: float
    end: float
    probability: float


@dataclass(frozen=True)
class PassageFlag:
    segment_id: int
    start: float
    end: float
    mean_probability: float | None
    reason: str


@dataclass
class Flags:
    words: list[WordFlag] = field(default_factory=list)
    passages: list[PassageFlag] = field(default_factory=list)

    def segment_ids(self) -> set[int]:
        return {w.segment_id for w in self.words} | {p.segment_id for p in self.passages}


def mean_probability(words: Iterable[Word]) -> float | None:
    probs = [w.probability for w in words if w.text.strip()]
    return sum(probs) / len(probs) if probs else None


def word_flags(transcript: Transcript, threshold: float = LOW_WORD, passage_threshold: float = LOW_PASSAGE) -> Flags:
    """Low-probability words, and passages (segments) whose mean word probability is low or that were repaired."""
    flags = Flags()
    for seg in transcript.segments:
        for i, w in enumerate(seg.words):
            if w.text.strip() and w.probability < threshold:
                flags.words.append(WordFlag(seg.id, i, w.text.strip(), w.start, w.end, round(w.probability, 3)))
        mean = mean_probability(seg.words)
        reasons = []
        if seg.repaired:
            reasons.append(say("repaired"))
        if mean is not None and mean < passage_threshold:
            reasons.append(say("passage_unsure", p=f"{mean:.2f}"))
        if reasons:
            flags.passages.append(PassageFlag(seg.id, seg.start, seg.end, None if mean is None else round(mean, 3),
                                              "; ".join(reasons)))  # fmt: skip
    return flags


@dataclass(frozen=True)
class Level:
    """The meeting's median word probability and the cut below which a word is marked on the review page.

    A fixed cut marks nearly every word of a poorly recognised meeting, so the marks say nothing; the
    cut follows the meeting's own level and never rises above LOW_WORD.
    """

    median: float
    cut: float

    def grade(self, p: float) -> int:
        """0 sure; 1 uncertain by the fixed cut only; 2 clearly worse than the meeting; 3 far worse."""
        if p < self.cut * STRONG:
            return 3
        if p < self.cut:
            return 2
        return 1 if p < LOW_WORD else 0


def level(transcript: Transcript, ratio: float = RATIO) -> Level:
    probs = [w.probability for s in transcript.segments for w in s.words if w.text.strip()]
    median = statistics.median(probs) if probs else 1.0
    return Level(median=median, cut=min(LOW_WORD, ratio * median))


def segment_doubt(seg: Segment) -> str | None:
    """Why the audio behind one segment should be checked, if it should (the minutes rules ask this)."""
    if seg.overlap:
        return "Flera talar samtidigt"
    if seg.repaired:
        return "Transkriptionen reparerades här"
    if (seg.avg_logprob is not None and seg.avg_logprob < LOW_LOGPROB) or (
        seg.no_speech_prob is not None and seg.no_speech_prob > NO_SPEECH_HIGH
    ):
        return "Osäker igenkänning"
    return None
