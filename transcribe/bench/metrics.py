"""Word error rates and diarisation errors of a run against the samples' ground truth.

Every metric is a small pure function so it can be checked on hand-made cases with known
answers (tests/test_evaluate.py) before it is trusted on real runs. Texts are compared in
their spoken form (`transcribe.sv.spoken.normalise`): the scripts say numbers, Whisper
writes digits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jiwer
import numpy as np
from scipy.optimize import linear_sum_assignment

from transcribe.sv.spoken import normalise

if TYPE_CHECKING:
    from pyannote.core import Annotation

# --------------------------------------------------------------------------- WER and cpWER


@dataclass(frozen=True)
class WordErrors:
    """Edit counts on normalised words; summed over meetings they give a micro-averaged WER."""

    substitutions: int
    deletions: int
    insertions: int
    ref_words: int

    @property
    def errors(self) -> int:
        return self.substitutions + self.deletions + self.insertions

    @property
    def wer(self) -> float:
        if self.ref_words == 0:
            return 0.0 if self.errors == 0 else float("inf")
        return self.errors / self.ref_words

    def __add__(self, other: WordErrors) -> WordErrors:
        return WordErrors(self.substitutions + other.substitutions, self.deletions + other.deletions,
                          self.insertions + other.insertions, self.ref_words + other.ref_words)  # fmt: skip


def word_errors(ref: str, hyp: str) -> WordErrors:
    """Substitutions, deletions and insertions of `hyp` against `ref`, both normalised."""
    r, h = normalise(ref), normalise(hyp)
    if not r or not h:  # jiwer refuses empty strings; the answer is obvious anyway
        return WordErrors(0, len(r.split()), len(h.split()), len(r.split()))
    out = jiwer.process_words(r, h)
    return WordErrors(out.substitutions, out.deletions, out.insertions, len(r.split()))


def wer(ref: str, hyp: str) -> float:
    """Word error rate on normalised text (jiwer)."""
    return word_errors(ref, hyp).wer


@dataclass(frozen=True)
class CpWer:
    """Concatenated minimum-permutation WER: errors under the best speaker mapping."""

    errors: int
    ref_words: int
    mapping: dict[str, str | None]  # reference speaker -> hypothesis speaker (None: unmatched)

    @property
    def wer(self) -> float:
        if self.ref_words == 0:
            return 0.0 if self.errors == 0 else float("inf")
        return self.errors / self.ref_words


def cpwer_details(ref_by_speaker: Mapping[str, str], hyp_by_speaker: Mapping[str, str]) -> CpWer:
    """Best one-to-one speaker mapping by Hungarian assignment on edit counts.

    Each speaker's words are concatenated. The cost matrix is padded to a square
    with dummy speakers, so an unmatched reference speaker costs all its words
    (deletions) and an unmatched hypothesis speaker all its words (insertions).
    """
    refs, hyps = list(ref_by_speaker), list(hyp_by_speaker)
    ref_len = [len(normalise(ref_by_speaker[r]).split()) for r in refs]
    hyp_len = [len(normalise(hyp_by_speaker[h]).split()) for h in hyps]
    n = max(len(refs), len(hyps))
    if n == 0:
        return CpWer(0, 0, {})
    cost = np.zeros((n, n), dtype=np.int64)
    for i in range(n):
        for j in range(n):
            if i < len(refs) and j < len(hyps):
                cost[i, j] = word_errors(ref_by_speaker[refs[i]], hyp_by_speaker[hyps[j]]).errors
            elif i < len(refs):
                cost[i, j] = ref_len[i]
            elif j < len(hyps):
                cost[i, j] = hyp_len[j]
    rows, cols = linear_sum_assignment(cost)
    mapping: dict[str, str | None] = {r: None for r in refs}
    for i, j in zip(rows, cols, strict=True):
        if i < len(refs) and j < len(hyps):
            mapping[refs[i]] = hyps[j]
    return CpWer(int(cost[rows, cols].sum()), sum(ref_len), mapping)


def cpwer(ref_by_speaker: Mapping[str, str], hyp_by_speaker: Mapping[str, str]) -> float:
    """cpWER: total errors under the best speaker permutation / total reference words."""
    return cpwer_details(ref_by_speaker, hyp_by_speaker).wer


# --------------------------------------------------------------------------- diarisation


def load_rttm(path: Path | str, uri: str | None = None) -> Annotation:
    """All SPEAKER lines of an RTTM file as one Annotation (file ids are ignored)."""
    from pyannote.core import Annotation, Segment  # pyannote loads torch: only when diarisation is scored

    path = Path(path)
    ann = Annotation(uri=uri or path.stem)
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        parts = line.split()
        if len(parts) >= 8 and parts[0] == "SPEAKER":
            start, dur = float(parts[3]), float(parts[4])
            if dur > 0:
                ann[Segment(start, start + dur), i] = parts[7]
    return ann


def _annotation(x: Any) -> Annotation:
    if isinstance(x, (str, Path)):
        return load_rttm(x)
    if hasattr(x, "to_annotation"):  # transcribe.diarize.base.Diarization
        return x.to_annotation()
    return x


@dataclass(frozen=True)
class DiarScores:
    """DER and JER with the components needed to total them over meetings."""

    der: float
    jer: float
    total: float  # reference speech, seconds (after collars)
    missed: float
    false_alarm: float
    confusion: float
    jer_speakers: float  # number of reference speakers scored by JER
    jer_error: float  # sum of per-speaker JER
    true_speakers: int
    found_speakers: int

    @property
    def speaker_count_error(self) -> int:
        return self.found_speakers - self.true_speakers


def diarization_scores(ref: Any, hyp: Any, collar: float = 0.25, duration: float | None = None) -> DiarScores:
    """DER (overlap scored) and JER with pyannote.metrics; `ref`/`hyp` are RTTM paths,
    Annotations or Diarization objects. Scored over [0, duration], else over both extents."""
    from pyannote.core import Segment, Timeline  # pyannote loads torch: only when diarisation is scored
    from pyannote.metrics.diarization import DiarizationErrorRate, JaccardErrorRate

    r, h = _annotation(ref), _annotation(hyp)
    extent = (r.get_timeline() | h.get_timeline()).extent() if (r or h) else Segment(0, 0)
    uem = Timeline([Segment(0, duration)] if duration else [extent])
    d = DiarizationErrorRate(collar=collar, skip_overlap=False)(r, h, uem=uem, detailed=True)
    j = JaccardErrorRate(collar=collar)(r, h, uem=uem, detailed=True)
    return DiarScores(
        der=float(d["diarization error rate"]),
        jer=float(j["jaccard error rate"]),
        total=float(d["total"]),
        missed=float(d["missed detection"]),
        false_alarm=float(d["false alarm"]),
        confusion=float(d["confusion"]),
        jer_speakers=float(j["speaker count"]),
        jer_error=float(j["speaker error"]),
        true_speakers=len(r.labels()),
        found_speakers=len(h.labels()),
    )


def der(ref: Any, hyp: Any, collar: float = 0.25, duration: float | None = None) -> float:
    """Diarisation error rate, collar 0.25 s, overlapping speech scored."""
    return diarization_scores(ref, hyp, collar, duration).der


def jer(ref: Any, hyp: Any, collar: float = 0.25, duration: float | None = None) -> float:
    """Jaccard error rate, collar 0.25 s."""
    return diarization_scores(ref, hyp, collar, duration).jer


def total_diarization(scores: Iterable[DiarScores]) -> dict[str, float]:
    """DER/JER over several meetings, as pyannote.metrics would accumulate them."""
    scores = list(scores)
    total = sum(s.total for s in scores)
    err = sum(s.missed + s.false_alarm + s.confusion for s in scores)
    spk = sum(s.jer_speakers for s in scores)
    return {
        "der": err / total if total else 0.0,
        "jer": sum(s.jer_error for s in scores) / spk if spk else 0.0,
        "speaker_count_exact": sum(s.speaker_count_error == 0 for s in scores) / len(scores) if scores else 0.0,
    }
