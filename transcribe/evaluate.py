"""Scores for transcripts, diarisation and minutes against the samples' ground truth.

Every metric is a small pure function so it can be checked on hand-made cases
with known answers (tests/test_evaluate.py) before it is trusted on real runs.

Text normalisation (applied identically to reference and hypothesis):
lower case; abbreviations expanded ("kl." -> "klockan", "%" -> "procent");
**digits are spelled out as Swedish words**, because the sample scripts (and
speakers) say numbers while Whisper writes digits:

- a number preceded by "den", followed by a month name, or written "14:e"/"1:a"
  is an ordinal: "den 14 december" -> "den fjortonde december";
- a bare four-digit number 1100-2099 (not 2000) is read as a year, hundreds
  style: "2026" -> "tjugohundratjugosex", "1990" -> "nittonhundranittio";
- other numbers are compound cardinals, thousands groups may be separated by a
  space: "80 000" -> "åttiotusen", "1 500" -> "tusenfemhundra", "21" -> "tjugoett";
- "14.30"/"14:30" -> "fjorton trettio", "2,5" -> "två komma fem".

Then punctuation is removed (so "bank-id" == "bankid") and whitespace collapsed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jiwer
import numpy as np
from scipy.optimize import linear_sum_assignment

if TYPE_CHECKING:
    from pyannote.core import Annotation

# --------------------------------------------------------------------------- Swedish numbers

_ONES = ["noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
         "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton"]  # fmt: skip
_TENS = {20: "tjugo", 30: "trettio", 40: "fyrtio", 50: "femtio", 60: "sextio", 70: "sjuttio", 80: "åttio",
         90: "nittio"}  # fmt: skip
_ORD_ONES = ["nollte", "första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde",
             "tionde", "elfte", "tolfte", "trettonde", "fjortonde", "femtonde", "sextonde", "sjuttonde", "artonde",
             "nittonde"]  # fmt: skip
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")  # fmt: skip


def _below_thousand(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens * 10] + (_ONES[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    head = ("" if hundreds == 1 else _ONES[hundreds]) + "hundra"
    return head + (_below_thousand(rest) if rest else "")


def swedish_cardinal(n: int) -> str:
    """Compound Swedish cardinal: 21 -> "tjugoett", 1500 -> "tusenfemhundra", 2e6 -> "två miljoner"."""
    if n < 0:
        return "minus " + swedish_cardinal(-n)
    if n < 1000:
        return _below_thousand(n)
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        head = ("" if thousands == 1 else _below_thousand(thousands)) + "tusen"
        return head + (_below_thousand(rest) if rest else "")
    millions, rest = divmod(n, 1_000_000)
    head = "en miljon" if millions == 1 else f"{swedish_cardinal(millions)} miljoner"
    return head + (" " + swedish_cardinal(rest) if rest else "")


def swedish_year(n: int) -> str:
    """Years said in hundreds: 2026 -> "tjugohundratjugosex" (as the sample scripts say them)."""
    hundreds, rest = divmod(n, 100)
    return _below_thousand(hundreds) + "hundra" + (_below_thousand(rest) if rest else "")


def swedish_ordinal(n: int) -> str:
    """Swedish ordinal: 1 -> "första", 14 -> "fjortonde", 21 -> "tjugoförsta", 30 -> "trettionde"."""
    if n < 20:
        return _ORD_ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens * 10] + (_ORD_ONES[ones] if ones else "nde")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = ("" if hundreds == 1 else _ONES[hundreds]) + "hundra"
        return head + (swedish_ordinal(rest) if rest else "de")
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        return swedish_cardinal(thousands * 1000) + (swedish_ordinal(rest) if rest else "de")
    return swedish_cardinal(n) + "te"  # "miljonte"; rare enough not to spell further


_MONTH_RE = "|".join(MONTHS)
_ABBREVIATIONS = {
    r"\bkl\.?(?=\s|$)": "klockan",
    r"\bt\.\s?ex\.?": "till exempel",
    r"\bbl\.\s?a\.?": "bland annat",
    r"\bca\.?(?=\s|$)": "cirka",
    r"\bosv\.?": "och så vidare",
    r"\bnr\.?(?=\s|$)": "nummer",
    r"%": " procent",
    r"&": " och ",
}
# "80 000", "1 500 000": thousands groups separated by a (no-break) space.
_GROUPED = re.compile(r"(?<![\d,.:])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?![\d,])")
_SUFFIX_ORD = re.compile(r"\b(\d+):?(?:e|a)\b")
_CLOCK = re.compile(r"\b(\d{1,2})[.:](\d{2})\b")
_DECIMAL = re.compile(r"\b(\d+),(\d+)\b")
_DEN_ORD = re.compile(r"\bden (\d{1,2})\b")
_MONTH_ORD = re.compile(rf"\b(\d{{1,2}})\.? (?=(?:{_MONTH_RE})\b)")
_YEAR = re.compile(r"\b(1[1-9]\d\d|20\d\d)\b")
_NUMBER = re.compile(r"\d+")


def _decimals(digits: str) -> str:
    """ "5" -> "fem", "25" -> "tjugofem", "05" -> "noll fem" (as decimals are read aloud)."""
    if digits.startswith("0"):
        return " ".join(_ONES[int(d)] for d in digits)
    return swedish_cardinal(int(digits))


def _spell_numbers(text: str) -> str:
    text = _GROUPED.sub(lambda m: swedish_cardinal(int(re.sub(r"\D", "", m.group(1)))), text)
    text = _SUFFIX_ORD.sub(lambda m: swedish_ordinal(int(m.group(1))), text)
    text = _DEN_ORD.sub(lambda m: "den " + swedish_ordinal(int(m.group(1))), text)
    text = _MONTH_ORD.sub(lambda m: swedish_ordinal(int(m.group(1))) + " ", text)
    text = _CLOCK.sub(lambda m: f"{swedish_cardinal(int(m.group(1)))} {swedish_cardinal(int(m.group(2)))}", text)
    text = _DECIMAL.sub(lambda m: f"{swedish_cardinal(int(m.group(1)))} komma {_decimals(m.group(2))}", text)
    text = _YEAR.sub(lambda m: swedish_year(int(m.group(1))) if m.group(1) != "2000" else "tvåtusen", text)
    return _NUMBER.sub(lambda m: swedish_cardinal(int(m.group(0))), text)


class _SpellNumbers(jiwer.AbstractTransform):
    def process_string(self, s: str) -> str:
        return _spell_numbers(s)


_NORMALISE = jiwer.Compose(
    [
        jiwer.ToLowerCase(),
        jiwer.SubstituteRegexes(_ABBREVIATIONS),
        _SpellNumbers(),
        jiwer.SubstituteRegexes({r"/": " ", r"[-‐–—]": ""}),  # "bank-id" -> "bankid", "och/eller" -> two words
        jiwer.RemovePunctuation(),
        jiwer.RemoveMultipleSpaces(),
        jiwer.Strip(),
    ]
)


def normalise(text: str) -> str:
    """Lower case, numbers spelled out (see module doc), no punctuation, single spaces."""
    return _NORMALISE(text or "")


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
    from pyannote.core import Annotation, Segment

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
    from pyannote.core import Segment, Timeline
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


# --------------------------------------------------------------------------- minutes matching

# A predicted item matches a true one when the Dice coefficient of their content stems
# is at least MIN_DICE and Dice + TIME_BONUS * (share of the item's evidence time inside
# the true item's turn) reaches MATCH_THRESHOLD. The truth is a paraphrase, so text alone
# is strict (Dice >= 0.3); evidence from the right turn lets a looser wording (Dice >= 0.1)
# count. See bench/README.md for how these were chosen.
MATCH_THRESHOLD = 0.3
MIN_DICE = 0.1
TIME_BONUS = 0.2

_NEGATIONS = {"inte", "ej", "ingen", "inget", "inga", "icke", "aldrig", "nej"}


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from stop_words import get_stop_words

    numbers = {swedish_cardinal(n) for n in range(0, 101)} | {swedish_ordinal(n) for n in range(1, 32)}
    keep = _NEGATIONS | numbers | set(MONTHS)  # they change what a decision says
    return frozenset(normalise(w) for w in get_stop_words("swedish")) - keep


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("swedish")


def content_stems(text: str) -> frozenset[str]:
    """Swedish stems of the words that carry meaning (stopwords out, negations and numbers kept)."""
    stop = _stopwords()
    return frozenset(_stemmer().stemWords([w for w in normalise(text).split() if w not in stop]))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


Span = tuple[float, float]


def _inside(truth: Span, evidence: Sequence[Span]) -> float:
    """Share of the evidence time that lies inside the true item's turn (0..1)."""
    a, b = truth
    total = sum(max(0.0, e - s) for s, e in evidence)
    if total <= 0:
        return 0.0
    return sum(max(0.0, min(e, b) - max(s, a)) for s, e in evidence) / total


@dataclass(frozen=True)
class Pair:
    truth: int
    predicted: int
    score: float


@dataclass
class MatchResult:
    """One-to-one matching of predicted items to true items."""

    pairs: list[Pair]
    n_truth: int
    n_predicted: int

    @property
    def tp(self) -> int:
        return len(self.pairs)

    @property
    def precision(self) -> float:
        """1.0 when nothing was predicted: no claim, no wrong claim."""
        return self.tp / self.n_predicted if self.n_predicted else 1.0

    @property
    def recall(self) -> float:
        """1.0 when there was nothing to find."""
        return self.tp / self.n_truth if self.n_truth else 1.0

    @property
    def unmatched_predicted(self) -> list[int]:
        hit = {p.predicted for p in self.pairs}
        return [i for i in range(self.n_predicted) if i not in hit]

    def to_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "tp": self.tp, "n_truth": self.n_truth,
                "n_predicted": self.n_predicted, "pairs": [asdict(p) for p in self.pairs]}  # fmt: skip


def similarity(truth_text: str, predicted_text: str, truth_span: Span | None = None,
               evidence: Sequence[Span] | None = None) -> float:  # fmt: skip
    """Matching score (see MATCH_THRESHOLD); 0 when the texts share too little."""
    d = dice(content_stems(truth_text), content_stems(predicted_text))
    if d < MIN_DICE:
        return 0.0
    bonus = TIME_BONUS * _inside(truth_span, evidence) if truth_span and evidence else 0.0
    return d + bonus


def match_items(
    truth_texts: Sequence[str],
    predicted_texts: Sequence[str],
    threshold: float = MATCH_THRESHOLD,
    truth_spans: Sequence[Span | None] | None = None,
    predicted_evidence: Sequence[Sequence[Span]] | None = None,
) -> MatchResult:
    """Hungarian one-to-one assignment maximising similarity; pairs below `threshold` are dropped."""
    n, m = len(truth_texts), len(predicted_texts)
    if n == 0 or m == 0:
        return MatchResult([], n, m)
    score = np.zeros((n, m))
    for i, t in enumerate(truth_texts):
        for j, p in enumerate(predicted_texts):
            span = truth_spans[i] if truth_spans else None
            ev = predicted_evidence[j] if predicted_evidence else None
            score[i, j] = similarity(t, p, span, ev)
    rows, cols = linear_sum_assignment(score, maximize=True)
    pairs = [Pair(int(i), int(j), round(float(score[i, j]), 3)) for i, j in zip(rows, cols, strict=True)
             if score[i, j] >= threshold]  # fmt: skip
    return MatchResult(pairs, n, m)


def same_person(truth_name: str | None, predicted_name: str | None) -> bool:
    """Owner check: full names equal, or a lone first name equal to the other's first name."""
    a, b = normalise(truth_name or "").split(), normalise(predicted_name or "").split()
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a[0] == b[0] and a[-1] == b[-1]


# --------------------------------------------------------------------------- scoring a minutes draft


def _evidence_spans(item: Any) -> list[Span]:
    return [(float(e.start), float(e.end)) for e in getattr(item, "evidence", None) or []]


def _truth_span(item: Mapping[str, Any]) -> Span | None:
    if item.get("start") is None or item.get("end") is None:
        return None
    return float(item["start"]), float(item["end"])


def _as_date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass
class FalseDecisions:
    """Predicted decisions that match no true decision; the worst kind matches a not-decided item."""

    texts: list[str] = field(default_factory=list)
    not_decided_texts: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.texts)

    @property
    def not_decided(self) -> int:
        return len(self.not_decided_texts)


def false_decisions(truth: Mapping[str, Any], predicted: Sequence[Any],
                    threshold: float = MATCH_THRESHOLD) -> FalseDecisions:  # fmt: skip
    """Unmatched predicted decisions, and which of them restate something the meeting did NOT decide."""
    decisions = truth.get("decisions") or []
    result = match_items([d["text"] for d in decisions], [p.text for p in predicted], threshold,
                         [_truth_span(d) for d in decisions], [_evidence_spans(p) for p in predicted])  # fmt: skip
    unmatched = [predicted[j] for j in result.unmatched_predicted]
    open_items = truth.get("not_decided") or []
    against_open = match_items(
        [o["text"] for o in open_items],
        [p.text for p in unmatched],
        threshold,
        [_truth_span(o) for o in open_items],
        [_evidence_spans(p) for p in unmatched],
    )
    return FalseDecisions([p.text for p in unmatched], [unmatched[p.predicted].text for p in against_open.pairs])


def decision_scores(truth: Mapping[str, Any], predicted: Sequence[Any],
                    threshold: float = MATCH_THRESHOLD) -> MatchResult:  # fmt: skip
    """Predicted `Decision`s (anything with .text and .evidence) against truth['decisions']."""
    decisions = truth.get("decisions") or []
    return match_items([d["text"] for d in decisions], [p.text for p in predicted], threshold,
                       [_truth_span(d) for d in decisions], [_evidence_spans(p) for p in predicted])  # fmt: skip


@dataclass
class ActionScores:
    match: MatchResult
    owner_correct: int
    due_correct: int

    @property
    def owner_accuracy(self) -> float | None:
        """Share of matched actions whose owner is the right person (None when none matched)."""
        return self.owner_correct / self.match.tp if self.match.tp else None

    @property
    def due_accuracy(self) -> float | None:
        return self.due_correct / self.match.tp if self.match.tp else None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.match.to_dict(),
            "owner_accuracy": self.owner_accuracy,
            "due_accuracy": self.due_accuracy,
            "owner_correct": self.owner_correct,
            "due_correct": self.due_correct,
        }


def action_scores(
    truth: Mapping[str, Any],
    predicted: Sequence[Any],
    label_names: Mapping[str, str] | None = None,
    threshold: float = MATCH_THRESHOLD,
) -> ActionScores:
    """Predicted `Action`s (.what, .owner, .due, .evidence) against truth['actions'].

    An owner given as a speaker label is translated through `label_names` first.
    """
    actions = truth.get("actions") or []
    match = match_items([a["what"] for a in actions], [p.what for p in predicted], threshold,
                        [_truth_span(a) for a in actions], [_evidence_spans(p) for p in predicted])  # fmt: skip
    names = label_names or {}
    owners = dues = 0
    for pair in match.pairs:
        t, p = actions[pair.truth], predicted[pair.predicted]
        owner = names.get(p.owner, p.owner) if p.owner else None
        owners += same_person(t.get("owner"), owner)
        dues += _as_date(t.get("due")) == _as_date(getattr(p, "due", None))
    return ActionScores(match, owners, dues)


def next_meeting_exact(truth_when: str | None, predicted: Any) -> dict[str, Any]:
    """Exact: same date and clock time ("YYYY-MM-DDTHH:MM"), or both absent; date_match ignores the time."""
    when = getattr(predicted, "when", predicted)
    if isinstance(when, dt.datetime):
        shown = when.strftime("%Y-%m-%dT%H:%M")
    elif isinstance(when, dt.date):
        shown = when.isoformat()
    else:
        shown = None if when is None else str(when)
    return {
        "exact": (truth_when or None) == shown,
        "date_match": _as_date(truth_when) == _as_date(when),
        "truth": truth_when,
        "predicted": shown,
    }


def score_minutes(truth: Mapping[str, Any], minutes: Any, label_names: Mapping[str, str] | None = None) -> dict:
    """All minutes scores of one draft (a `transcribe.minutes.model.Minutes`) against truth.json['truth']."""
    decisions = decision_scores(truth, minutes.decisions)
    actions = action_scores(truth, minutes.actions, label_names)
    false = false_decisions(truth, minutes.decisions)
    return {
        "decisions": decisions.to_dict(),
        "actions": actions.to_dict(),
        "next_meeting": next_meeting_exact(truth.get("next_meeting"), minutes.next_meeting),
        "false_decisions": {
            "count": false.count,
            "not_decided": false.not_decided,
            "texts": false.texts,
            "not_decided_texts": false.not_decided_texts,
        },  # fmt: skip
    }
