"""A word-error model learned from the real recogniser, to test the minutes on noisy transcripts.

`learn` aligns the recogniser's output with the true transcript (normalised words, as for WER)
and counts what goes wrong: substitutions, deletions and insertions, which words turn into
which, how often two words come out glued together, and how the loss rate differs for the
words the minutes depend on (negations, numbers, dates, names, decision cues). It also keeps
the word probabilities the recogniser gave to right and wrong words, per local error density, and how
errors follow errors (`transcribe/errorconfidence.py`).

`corrupt` applies such a model to a true transcript at a chosen word error rate: each word
errs with a probability scaled from its class's learned rate, so a "inte" is lost as often
(relatively) as the recogniser loses it, errors following errors as often (relative to the rate) as
the recogniser's do, and each heard word's probability drawn from what the recogniser gave a right or
wrong word with as many errors around it. The result is deterministic for (model, rate, seed).
The learned model is small and committed (`data/errormodel.json`), so the benchmark and the
tests never rerun speech recognition.
"""

from __future__ import annotations

import json
import math
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from transcribe import errorconfidence
from transcribe.fsutil import atomic_write_text
from transcribe.sv.calendar import MONTHS, WEEKDAYS
from transcribe.sv.numbers import CARDINALS, ORDINALS
from transcribe.sv.spoken import normalise
from transcribe.transcript import Segment, Transcript, Word

MODEL_PATH = Path(__file__).parent / "minutes" / "data" / "errormodel.json"
RATES = (0.05, 0.1, 0.2, 0.3, 0.5)
BINS = 10  # word-probability histogram bins over [0, 1]
MAX_WORD_ERROR = 0.9
MAX_LOCAL_WER = 0.6  # passages learned from (see learn_pair)

NEGATIONS = frozenset({"inte", "ej", "icke", "aldrig", "inget", "inga", "ingen", "ingenting", "nej"})
CUES = frozenset(
    {"beslutar", "beslutat", "beslutade", "beslutades", "bestämmer", "bestämt", "bestämde", "överens",
     "enades", "klubbat", "godkänd", "godkänt", "godkända", "föreslår", "förslaget", "nästa", "möte", "mötet",
     "senast", "klockan", "ses", "träffas", "ska", "tar", "skickar", "bokar"}
)  # fmt: skip
CLASSES = ("negation", "number", "date", "name", "cue", "other")
_DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | {f"{d}en" for d in WEEKDAYS}
_NUMBER_WORDS = frozenset(CARDINALS) | frozenset(ORDINALS) | {"halv", "kvart", "hundra", "tusen"}


def word_class(word: str, names: frozenset[str] = frozenset()) -> str:
    """Which kind of word it is, for the loss rates: the kinds the minutes depend on, else 'other'."""
    w = word.lower()
    if w in NEGATIONS:
        return "negation"
    if w.isdigit() or w in _NUMBER_WORDS:
        return "number"
    if w in _DATE_WORDS:
        return "date"
    if w in names:
        return "name"
    if w in CUES:
        return "cue"
    return "other"


@dataclass
class ErrorModel:
    """Counts from aligning recogniser output with the truth; see the module docstring."""

    n_ref: int = 0  # true words aligned
    kept_ref: int = 0  # true words in the passages learned from
    hits: int = 0
    subs: int = 0
    dels: int = 0
    ins: int = 0
    merges: int = 0  # two true words heard as one ("tionde december" -> "tiondedecember")
    near_subs: int = 0  # substitutions spelled close to the true word (similarity >= 0.5)
    classes: dict[str, dict[str, int]] = field(default_factory=dict)  # class -> n, sub, del
    confusions: dict[str, dict[str, int]] = field(default_factory=dict)  # true word -> heard word -> count
    inserted: dict[str, int] = field(default_factory=dict)
    prob_right: list[int] = field(default_factory=lambda: [0] * BINS)
    prob_wrong: list[int] = field(default_factory=lambda: [0] * BINS)
    logprob_ratio: float = 0.4  # segment avg_logprob / mean log word probability (median)
    sources: list[str] = field(default_factory=list)
    # errors after errors and word probabilities per local error density (errorconfidence.empty); {}: not learned
    confidence: dict = field(default_factory=dict)

    @property
    def wer(self) -> float:
        return (self.subs + self.dels + self.ins) / self.kept_ref if self.kept_ref else 0.0

    def class_rate(self, kind: str) -> float:
        """Share of this class's true words that were lost or changed (overall rate when too few seen)."""
        c = self.classes.get(kind) or {}
        n = c.get("n", 0)
        overall = (self.subs + self.dels) / self.kept_ref if self.kept_ref else 0.0
        if n < 10:
            return overall
        return (c.get("sub", 0) + c.get("del", 0)) / n

    def summary(self) -> dict[str, object]:
        """Rates a person can read: WER, error mix, and loss rate per word class."""
        errors = max(1, self.subs + self.dels + self.ins)
        return {
            "sources": self.sources, "ref_words": self.n_ref, "learned_from_words": self.kept_ref,
            "wer_of_learned_passages": round(self.wer, 3),
            "mix": {"sub": round(self.subs / errors, 3), "del": round(self.dels / errors, 3),
                    "ins": round(self.ins / errors, 3)},
            "merges": self.merges,
            "loss_rate": {k: round(self.class_rate(k), 3) for k in CLASSES},
            "top_confusions": sorted(((a, b, n) for a, d in self.confusions.items() for b, n in d.items()),
                                     key=lambda x: -x[2])[:12],
        }  # fmt: skip

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @classmethod
    def load(cls, path: Path | str = MODEL_PATH) -> ErrorModel:
        return cls(**json.loads(Path(path).read_text(encoding="utf-8")))


# --------------------------------------------------------------------------- learning


def _norm_words(words: Iterable[tuple[str, float | None]]) -> list[tuple[str, float | None]]:
    """Normalise each recognised word as WER does; a word spelled into several keeps its probability."""
    out: list[tuple[str, float | None]] = []
    for text, p in words:
        out.extend((t, p) for t in normalise(text).split())
    return out


def _bin(p: float) -> int:
    return min(BINS - 1, max(0, int(p * BINS)))


Event = tuple[str, str | None, str | None, float | None]  # (hit|sub|del|ins|merge, true word, heard, probability)


def _events(ref: list[str], hyp: list[tuple[str, float | None]]) -> list[Event]:
    """Word alignment as a list of events."""
    out: list[Event] = []
    for op in Levenshtein.opcodes(ref, [w for w, _ in hyp]):
        r, h = ref[op.src_start : op.src_end], hyp[op.dest_start : op.dest_end]
        if op.tag == "equal":
            out += [("hit", a, b, p) for a, (b, p) in zip(r, h, strict=True)]
        elif op.tag == "delete":
            out += [("del", a, None, None) for a in r]
        elif op.tag == "insert":
            out += [("ins", None, b, p) for b, p in h]
        else:
            for i, a in enumerate(r):
                if i < len(h):
                    glued = i + 1 < len(r) and Levenshtein.normalized_similarity(a + r[i + 1], h[i][0]) >= 0.8
                    out.append(("merge" if glued else "sub", a, h[i][0], h[i][1]))
                else:
                    out.append(("del", a, None, None))
            out += [("ins", None, b, p) for b, p in h[len(r) :]]
    return out


def learn_pair(model: ErrorModel, ref_text: str, hyp: Transcript, names: Iterable[str] = (),
               max_local_wer: float = MAX_LOCAL_WER, window: int = 15) -> None:  # fmt: skip
    """Add one meeting: the true text against the recogniser's transcript (with word probabilities).

    Only passages of `window` true words the recogniser mostly followed (local WER <= `max_local_wer`)
    are counted: where it lost the thread entirely its errors are noise, not the slips the curve simulates.
    """
    name_set = frozenset(t for n in names for t in normalise(n).split())
    ref = normalise(ref_text).split()
    hyp_words = _norm_words((w.text, w.probability) for s in hyp.segments for w in (s.words or []))
    if not hyp_words:
        hyp_words = _norm_words((t, None) for s in hyp.segments for t in s.text.split())
    ratios = []
    for seg in hyp.segments:
        ps = [w.probability for w in seg.words or [] if w.probability]
        if ps and seg.avg_logprob is not None:
            mean_log = sum(math.log(max(p, 1e-4)) for p in ps) / len(ps)
            if mean_log < -0.01:
                ratios.append(seg.avg_logprob / mean_log)
    if ratios:
        model.logprob_ratio = round(sorted(ratios)[len(ratios) // 2], 3)
    events = _events(ref, hyp_words)
    chunks: list[list[Event]] = [[]]
    n_ref = 0
    for e in events:
        if e[1] is not None:
            n_ref += 1
            if n_ref > window:
                chunks.append([])
                n_ref = 1
        chunks[-1].append(e)
    for chunk in chunks:
        refs = sum(e[1] is not None for e in chunk)
        errors = sum(e[0] != "hit" for e in chunk)
        if not refs or errors / refs > max_local_wer:
            continue
        model.kept_ref += refs
        for kind, a, b, p in chunk:
            if p is not None:
                (model.prob_right if kind == "hit" else model.prob_wrong)[_bin(p)] += 1
            if a is not None:
                c = model.classes.setdefault(word_class(a, name_set), {"n": 0, "sub": 0, "del": 0})
                c["n"] += 1
            if kind == "hit":
                model.hits += 1
            elif kind == "ins":
                model.ins += 1
                model.inserted[b] = model.inserted.get(b, 0) + 1  # type: ignore[index]
            elif kind == "del":
                model.dels += 1
                c["del"] += 1
            else:
                model.subs += 1
                model.merges += kind == "merge"
                c["sub"] += 1
                model.confusions.setdefault(a, {})[b] = model.confusions.get(a, {}).get(b, 0) + 1  # type: ignore[arg-type,index]
                model.near_subs += Levenshtein.normalized_similarity(a, b) >= 0.5  # type: ignore[arg-type]
    model.n_ref += len(ref)


def learn_confidence(model: ErrorModel, ref_text: str, hyp: Transcript) -> None:
    """Add one meeting's word probabilities with their local error density and its errors after errors (all
    passages: where the recogniser lost the thread is where its words are least sure); errorconfidence.finish
    turns them into the model's few numbers."""
    if not model.confidence:
        model.confidence = errorconfidence.empty()
    events = aligned(ref_text, hyp)
    errorconfidence.add(model.confidence, [k for k, _ in events], [p for _, p in events])


def aligned(ref_text: str, hyp: Transcript) -> list[tuple[str, float | None]]:
    """The recognised words aligned with the true text (normalised as for WER), in order: per event its kind
    ('hit', 'sub', 'merge', 'del', 'ins') and the heard word's probability (None for a deletion)."""
    hyp_words = _norm_words((w.text, w.probability) for s in hyp.segments for w in (s.words or []))
    return [(e[0], e[3]) for e in _events(normalise(ref_text).split(), hyp_words)]


# --------------------------------------------------------------------------- applying


_VOWEL_SWAPS = {"e": "ä", "ä": "e", "o": "å", "å": "o", "u": "o", "i": "e", "y": "i", "ö": "ä", "a": "e"}
_CONS_SWAPS = {"k": "g", "g": "k", "t": "d", "d": "t", "p": "b", "b": "p", "v": "f", "f": "v", "s": "z", "n": "m"}


def misspell(word: str, rng: random.Random) -> str:
    """A near miss as a recogniser makes it: a vowel or voicing changed, a letter lost, doubled or undoubled."""
    w = word
    if len(w) < 3:
        return w + rng.choice("ae")
    for _ in range(1 + (len(w) > 7 and rng.random() < 0.4)):
        i = rng.randrange(1, len(w))
        c = w[i].lower()
        choice = rng.random()
        if c in _VOWEL_SWAPS and choice < 0.45:
            w = w[:i] + _VOWEL_SWAPS[c] + w[i + 1 :]
        elif c in _CONS_SWAPS and choice < 0.7:
            w = w[:i] + _CONS_SWAPS[c] + w[i + 1 :]
        elif choice < 0.85 and len(w) > 4:
            w = w[:i] + w[i + 1 :]
        elif i + 1 < len(w) and w[i] == w[i + 1]:
            w = w[:i] + w[i + 1 :]
        else:
            w = w[:i] + w[i] + w[i:]
    return w if w != word else word[:-1]


@dataclass
class Corruption:
    """What the noise did to one segment: the words as heard, and which true negations were lost."""

    words: list[tuple[str, float]]
    lost_negations: list[str]
    errors: int


_PUNCT = re.compile(r"^(?P<w>.*?)(?P<p>[.,!?;:]*)$")


def _scale(model: ErrorModel, kinds: list[str], rate: float) -> float:
    """Factor s so that sum_i min(MAX, s * rate_class(i)) (plus insertions) averages `rate` per word."""
    errs = max(1, model.subs + model.dels)
    ins_share = model.ins / errs
    rates = [model.class_rate(k) or 1e-3 for k in kinds]
    lo, hi = 0.0, 100.0
    for _ in range(50):
        mid = (lo + hi) / 2
        expected = sum(min(MAX_WORD_ERROR, mid * r) for r in rates) * (1 + ins_share)
        lo, hi = (mid, hi) if expected < rate * len(kinds) else (lo, mid)
    return lo


def corrupt_texts(texts: Sequence[str], model: ErrorModel, rate: float, seed: int,
                  names: Iterable[str] = ()) -> list[Corruption]:  # fmt: skip
    """Recognition-like errors at word error rate `rate`; deterministic for (model, texts, rate, seed).

    Errors follow errors as the learned recogniser's do (the texts read as one passage), and every heard
    word's probability is drawn after all errors are placed, from what the recogniser gave a right or wrong
    word with as many errors around it (a model without those statistics draws from one histogram each)."""
    rng = random.Random(f"{seed}:{rate}")
    name_set = frozenset(t.lower() for n in names for t in n.split())
    toks = [t.split() for t in texts]
    kinds = [word_class(_PUNCT.match(w).group("w"), name_set) for ws in toks for w in ws]  # type: ignore[union-attr]
    s = _scale(model, kinds, rate)
    errs = max(1, model.subs + model.dels)
    ins_p = model.ins / errs
    merge_p = model.merges / max(1, model.subs)
    near_p = model.near_subs / max(1, model.subs)
    lor = errorconfidence.log_odds_ratio(model.confidence) if model.confidence else 0.0
    pool = [w for w, n in model.inserted.items() for _ in range(n)] or ["och", "det", "att"]
    events_all: list[str] = []  # every event in order: a true word kept (hit), changed (sub) or lost (del), added (ins)
    at: list[list[int]] = []  # per text, the event of each heard word
    out: list[Corruption] = []
    after_error = False
    for ws in toks:
        heard: list[tuple[str, float]] = []
        events: list[int] = []
        lost: list[str] = []
        n_err = 0
        i = 0

        def hear(text: str, kind: str, heard: list = heard, events: list = events) -> None:
            heard.append((text, 0.0))
            events.append(len(events_all))
            events_all.append(kind)

        while i < len(ws):
            m = _PUNCT.match(ws[i])
            word, punct = (m.group("w"), m.group("p")) if m else (ws[i], "")
            kind = word_class(word, name_set)
            c = model.classes.get(kind) or {}
            q = errorconfidence.burst_probability(min(MAX_WORD_ERROR, s * (model.class_rate(kind) or 1e-3)),
                                                  after_error, lor)  # fmt: skip
            if rng.random() >= q or not word:
                hear(ws[i], "hit")
                after_error = False
                i += 1
                continue
            after_error = True
            n_err += 1
            p_del = c.get("del", 0) / max(1, c.get("del", 0) + c.get("sub", 0)) if c else 0.3
            if kind == "negation":
                lost.append(word)
            if rng.random() < p_del:  # deleted: its punctuation stays with the word before
                if punct and heard:
                    heard[-1] = (heard[-1][0].rstrip(".,!?;:") + punct, heard[-1][1])
                events_all.append("del")
                i += 1
                continue
            if i + 1 < len(ws) and rng.random() < merge_p:  # glued to the next word
                nm = _PUNCT.match(ws[i + 1])
                hear(word + (nm.group("w") if nm else ws[i + 1]) + (nm.group("p") if nm else ""), "sub")
                events_all.append("del")  # the next true word, lost into this one
                n_err += 1
                i += 2
                continue
            seen = model.confusions.get(word.lower())
            if seen and rng.random() < 0.5:
                choices = [w for w, n in seen.items() for _ in range(n)]
                new = rng.choice(choices)
            elif rng.random() < near_p:
                new = misspell(word, rng)
            else:
                new = rng.choice(pool)
            if word[:1].isupper():
                new = new[:1].upper() + new[1:]
            hear(new + punct, "sub")
            i += 1
            if rng.random() < ins_p:
                hear(rng.choice(pool), "ins")
                n_err += 1
        out.append(Corruption(heard, lost, n_err))
        at.append(events)
    _draw_probabilities(model, out, events_all, at, random.Random(f"{seed}:{rate}:p"))
    return out


def _draw_probabilities(model: ErrorModel, out: list[Corruption], kinds: list[str], at: list[list[int]],
                        rng: random.Random) -> None:  # fmt: skip
    """Each heard word's probability, from the learned statistics (per local error density when learned)."""
    for c, events in zip(out, at, strict=True):
        if {"right", "wrong"} <= set(model.confidence):
            probs = errorconfidence.probabilities(model.confidence, kinds, events, rng)
        else:
            probs = [errorconfidence.sample(model.prob_wrong if kinds[e] != "hit" else model.prob_right, rng)
                     for e in events]  # fmt: skip
        c.words = [(w, p) for (w, _), p in zip(c.words, probs, strict=True)]


def corrupt_transcript(transcript: Transcript, model: ErrorModel, rate: float, seed: int,
                       names: Iterable[str] = ()) -> tuple[Transcript, list[Corruption]]:  # fmt: skip
    """A copy of `transcript` with errors, per-word probabilities and evenly spread word times."""
    segs = transcript.segments
    noisy = corrupt_texts([s.text for s in segs], model, rate, seed, names)
    new: list[Segment] = []
    for seg, c in zip(segs, noisy, strict=True):
        n = len(c.words)
        step = (seg.end - seg.start) / max(1, n)
        words = [Word(start=round(seg.start + k * step, 3), end=round(seg.start + (k + 1) * step, 3), text=" " + w,
                      probability=p) for k, (w, p) in enumerate(c.words)]  # fmt: skip
        logs = [math.log(max(p, 1e-4)) for _, p in c.words]
        avg = round(model.logprob_ratio * sum(logs) / len(logs), 4) if logs else None
        new.append(seg.model_copy(update={"text": " ".join(w for w, _ in c.words), "words": words,
                                          "avg_logprob": avg}))  # fmt: skip
    return transcript.model_copy(update={"segments": new}), noisy


# --------------------------------------------------------------------------- rebuilding the committed model


def dev_pairs(asr_dir: Path, samples_dir: Path, ids: Sequence[str]) -> list[tuple[str, str, Transcript, list[str]]]:
    """(id, true text, recognised transcript, participants) of recognised dev meetings (`asr_dir/<id>.json`)."""
    pairs = []
    for sid in ids:
        truth = json.loads((samples_dir / sid / "truth.json").read_text(encoding="utf-8"))
        ref = " ".join(s["text"] for s in sorted(truth["segments"], key=lambda s: (s["start"], s["turn"])))
        hyp = Transcript.model_validate_json((asr_dir / f"{sid}.json").read_text(encoding="utf-8"))
        pairs.append((sid, ref, hyp, [sp["name"] for sp in truth["speakers"]]))
    return pairs


def learn_dev(asr_dir: Path, samples_dir: Path, ids: Sequence[str], keep: ErrorModel | None = None) -> ErrorModel:
    """The model from recognised dev meetings and their truth; with `keep`, that model's error counts stay and only
    its confidence statistics (errorconfidence) are learned anew.

    The passage filter is the lowest of 0.6 / 0.8 / 1.0 that keeps at least half of the dev words,
    so the model describes slips rather than passages the recogniser lost entirely.
    """
    pairs = dev_pairs(asr_dir, samples_dir, ids)
    model = keep or ErrorModel()
    for limit in () if keep else (0.6, 0.8, 1.0):
        model = ErrorModel()
        for sid, ref, hyp, names in pairs:
            learn_pair(model, ref, hyp, names, max_local_wer=limit)
            model.sources.append(sid)
        if model.kept_ref >= 0.5 * model.n_ref:
            break
    model.confusions = {
        a: {b: n for b, n in sorted(d.items(), key=lambda x: -x[1])[:5]}
        for a, d in model.confusions.items()
        if word_class(a) != "other" or sum(d.values()) > 1
    }
    model.inserted = dict(Counter(model.inserted).most_common(40))
    model.confidence = {}
    for _, ref, hyp, _ in pairs:
        learn_confidence(model, ref, hyp)
    errorconfidence.finish(model.confidence)
    model.confidence["sources"] = [sid for sid, *_ in pairs]
    return model


def main(argv: Sequence[str] | None = None) -> None:
    """python -m transcribe.errormodel [--confidence-only] ASR_DIR [SAMPLES_DIR]: rebuild the committed model from
    dev meetings (--confidence-only: keep its error counts, learn only how sure the recogniser is where)."""
    args = list(sys.argv[1:] if argv is None else argv)
    only = "--confidence-only" in args
    args = [a for a in args if a != "--confidence-only"]
    if not args:
        print("usage: python -m transcribe.errormodel [--confidence-only] ASR_DIR [SAMPLES_DIR]", file=sys.stderr)
        raise SystemExit(14)
    asr_dir = Path(args[0])
    samples_dir = Path(args[1]) if len(args) > 1 else Path(__file__).resolve().parent.parent / "samples"
    ids = sorted(p.stem for p in asr_dir.glob("*.json") if (samples_dir / p.stem / "truth.json").exists())
    if not ids:
        print(f"no recognised dev meetings in {asr_dir}", file=sys.stderr)
        raise SystemExit(2)
    model = learn_dev(asr_dir, samples_dir, ids, ErrorModel.load() if only else None)
    atomic_write_text(MODEL_PATH, model.to_json())
    MODEL_PATH.chmod(0o644)  # package data, not meeting data
    print(json.dumps(model.summary(), ensure_ascii=False))


if __name__ == "__main__":
    main()
