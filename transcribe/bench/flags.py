"""Benchmark section "flags": does "Kontrollera mot ljudet" point at the minutes items that are wrong?

A flag helps the secretary only when it is selective: if nine items in ten are flagged, the flag
says nothing. Every decision, action and next meeting of a draft is labelled right or wrong
against the meeting's truth: a decision is right when it matches a true decision and says the same
about negation (a lost "inte" inverts it); an action when it matches a true action with the right
owner and due date; the next meeting when its date and time are exact. Then, per scorer:

- share flagged: flagged items / items;
- precision: wrong items among the flagged ones (what a flag is worth);
- recall: wrong items that are flagged (what the secretary is warned of);
- wrong among unflagged: the risk of trusting an item without a flag;
- lost negation: decisions heard where a negation was lost that read as positive, and how many are flagged
  (as the noise curve counts them); inverted: those of them that are wrong, the dangerous ones.

The drafts come from the true transcripts corrupted by the error model learned from the real
recogniser (WER 0-0.3, its word probabilities drawn from what that recogniser gave right and wrong
words), and from the real recogniser's own transcripts where the benchmark has cached them
(samples/cache/decoding/<id>/tuned-*.json, the newest per meeting, and samples/cache/agenda/<id>/).
The error model draws every right word's probability alike, but the real recogniser hears the words
beside a word it dropped less surely (on the dev meetings: median p 0.43 against 0.60, p < 0.3 for
39 % against 19 %); so the right words beside a simulated deletion get their probabilities from what
the real recogniser gave such words on the dev meetings, else a lost "inte" would leave no trace at all.
Three scorers run on the same drafts: the extractor's own flags ("rules"), the naive rule "any word
below p 0.5 in the item's passage" ("any_unsure_word") and the product's (`confidence.items`).
The thresholds are chosen on the dev meetings; the held-out ones are only measured.

    python -m transcribe.bench.flags [--dev-only] [--quick] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

from transcribe.bench import matching
from transcribe.bench.core import SAMPLES_DIR, participants, section, truth_transcript
from transcribe.bench.noise import dev_meetings, load_meetings
from transcribe.confidence import LOW_WORD
from transcribe.confidence.items import score_minutes
from transcribe.errormodel import NEGATIONS, ErrorModel, corrupt_transcript
from transcribe.minutes import extract_minutes
from transcribe.minutes.cues import NEG
from transcribe.minutes.model import Minutes
from transcribe.sv.spoken import normalise
from transcribe.transcript import Transcript

RATES = (0.0, 0.1, 0.2, 0.3)
SEEDS = (1, 2, 3)
BINS = 10  # word-probability histogram bins over [0, 1]
DECODING_CACHE = SAMPLES_DIR / "cache" / "decoding"
AGENDA_CACHE = SAMPLES_DIR / "cache" / "agenda"
Scorer = Callable[[Minutes, Transcript], Minutes]


def any_unsure_word(minutes: Minutes, transcript: Transcript) -> Minutes:
    """The naive baseline: flag an item when any word of its evidence segments is below p 0.5."""
    out = minutes.model_copy(deep=True)
    unsure = {s.id for s in transcript.segments if any(w.probability < LOW_WORD for w in s.words)}
    for item in [*out.decisions, *out.actions, *([out.next_meeting] if out.next_meeting else [])]:
        if {e.segment_id for e in item.evidence} & unsure:
            item.needs_review = True
    return out


SCORERS: dict[str, Scorer] = {
    "rules": lambda m, _t: m,
    "any_unsure_word": any_unsure_word,
    "product": score_minutes,
}


@dataclass
class Tally:
    items: int = 0
    flagged: int = 0
    wrong: int = 0
    wrong_flagged: int = 0
    lost_negation: int = 0
    lost_negation_flagged: int = 0
    inverted: int = 0  # lost negation and wrong: the decision says the opposite of what was decided
    inverted_flagged: int = 0

    def add(self, flagged: bool, wrong: bool, lost_negation: bool) -> None:
        self.items += 1
        self.flagged += flagged
        self.wrong += wrong
        self.wrong_flagged += wrong and flagged
        self.lost_negation += lost_negation
        self.lost_negation_flagged += lost_negation and flagged
        self.inverted += lost_negation and wrong
        self.inverted_flagged += lost_negation and wrong and flagged

    def summary(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {**asdict(self), "share_flagged": ratio(self.flagged, self.items),
                "precision": ratio(self.wrong_flagged, self.flagged), "recall": ratio(self.wrong_flagged, self.wrong),
                # the risk of trusting an unflagged item; a flag that means something keeps it well below precision
                "wrong_among_unflagged": ratio(self.wrong - self.wrong_flagged, self.items - self.flagged),
                "lost_negation_flagged_share": ratio(self.lost_negation_flagged, self.lost_negation),
                "inverted_flagged_share": ratio(self.inverted_flagged, self.inverted)}  # fmt: skip


def _neg(text: str) -> bool:
    return bool(NEG.search(text.lower()))


def labels(truth: dict[str, Any], minutes: Minutes, transcript: Transcript,
           lost_segments: set[int]) -> list[tuple[str, bool, bool, bool]]:  # fmt: skip
    """(kind, flagged, wrong, reads positive where a negation was lost) for every item of the draft."""
    t = truth["truth"]
    out: list[tuple[str, bool, bool, bool]] = []
    decisions = matching.decision_scores(t, minutes.decisions)
    truth_of = {p.predicted: t["decisions"][p.truth]["text"] for p in decisions.pairs}
    for j, d in enumerate(minutes.decisions):
        wrong = j not in truth_of or _neg(truth_of[j]) != _neg(d.text)
        lost = bool({e.segment_id for e in d.evidence} & lost_segments) and not _neg(d.text)
        out.append(("decision", d.needs_review, wrong, lost))
    names = {sp.label: sp.name for sp in transcript.speakers if sp.name}
    actions = matching.action_scores(t, minutes.actions, names)
    right = set()
    for p in actions.match.pairs:
        a, pred = t["actions"][p.truth], minutes.actions[p.predicted]
        owner = names.get(pred.owner, pred.owner) if pred.owner else None
        if matching.same_person(a.get("owner"), owner) and matching.as_date(a.get("due")) == pred.due:
            right.add(p.predicted)
    out += [("action", a.needs_review, j not in right, False) for j, a in enumerate(minutes.actions)]
    if minutes.next_meeting is not None:
        exact = matching.next_meeting_exact(t.get("next_meeting"), minutes.next_meeting)["exact"]
        out.append(("next_meeting", minutes.next_meeting.needs_review, not exact, False))
    return out


def draft(transcript: Transcript, truth: dict[str, Any]) -> Minutes:
    """The rules' draft, before the word-probability flags."""
    day = dt.date.fromisoformat(truth["date"]) if truth.get("date") else None
    names = participants(truth)
    return extract_minutes(transcript, meeting_date=day, vocabulary=names)


def _tally(runs: list[tuple[dict[str, Any], Transcript, set[int]]], scorers: dict[str, Scorer]) -> dict[str, Any]:
    tallies = {name: {k: Tally() for k in ("all", "decision", "action", "next_meeting")} for name in scorers}
    for truth, transcript, lost in runs:
        minutes = draft(transcript, truth)
        for name, scorer in scorers.items():
            for kind, flagged, wrong, lost_neg in labels(truth, scorer(minutes, transcript), transcript, lost):
                tallies[name][kind].add(flagged, wrong, lost_neg)
                tallies[name]["all"].add(flagged, wrong, lost_neg)
    return {name: {k: t.summary() for k, t in by.items()} for name, by in tallies.items()}


def _reference(truth: dict[str, Any]) -> list[str]:
    return normalise(
        " ".join(s["text"] for s in sorted(truth["segments"], key=lambda s: (s["start"], s["turn"])))
    ).split()


def _plain(word: str) -> str:
    return re.sub(r"[^\w]", "", word.lower())


def _beside_deletions(ref: list[str], hyp: list[str]) -> tuple[set[int], set[int]]:
    """Indices of the heard words that are right, and of those beside a deleted true word."""
    right, beside = set(), set()
    for op in Levenshtein.opcodes(ref, hyp):
        if op.tag == "equal":
            right.update(range(op.dest_start, op.dest_end))
        elif op.tag == "delete":
            beside.update((op.dest_start - 1, op.dest_start))
    return right, beside & right


def deletion_neighbours(runs: list[tuple[dict[str, Any], Transcript, set[int]]]) -> list[int]:
    """Histogram of the probabilities the real recogniser gave right words beside a word it dropped."""
    hist = [0] * BINS
    for truth, transcript, _ in runs:
        heard = [(t, w.probability) for s in transcript.segments for w in s.words for t in normalise(w.text).split()]
        _, beside = _beside_deletions(_reference(truth), [t for t, _ in heard])
        for i in beside:
            hist[min(BINS - 1, int(heard[i][1] * BINS))] += 1
    return hist


def mark_deletions(clean: Transcript, noisy: Transcript, hist: list[int], model: ErrorModel,
                   rng: random.Random) -> Transcript:  # fmt: skip
    """A copy of `noisy` whose right words beside a deleted word have probabilities drawn from `hist`."""
    segments = []
    for c, n in zip(clean.segments, noisy.segments, strict=True):
        words = [w.model_copy() for w in n.words]
        _, beside = _beside_deletions([_plain(t) for t in c.text.split()], [_plain(w.text) for w in words])
        for i in sorted(beside):
            words[i].probability = round(min(0.999, (rng.choices(range(BINS), hist)[0] + rng.random()) / BINS), 4)
        logs = [math.log(max(w.probability, 1e-4)) for w in words]
        avg = round(model.logprob_ratio * sum(logs) / len(logs), 4) if logs else None
        segments.append(n.model_copy(update={"words": words, "avg_logprob": avg}))
    return noisy.model_copy(update={"segments": segments})


def noise_runs(meetings: list[dict[str, Any]], model: ErrorModel, rate: float, seeds: tuple[int, ...],
               neighbours: list[int] | None = None) -> list[tuple[dict[str, Any], Transcript, set[int]]]:  # fmt: skip
    """(truth, noisy transcript, segments whose negation was lost) per meeting and seed; with `neighbours`
    (a histogram from `deletion_neighbours`) the words beside a deletion are heard as the real recogniser hears them."""
    runs = []
    for truth in meetings:
        clean = truth_transcript(truth)
        if not rate:
            runs.append((truth, clean, set()))
            continue
        names = participants(truth)
        for seed in seeds:
            noisy, corr = corrupt_transcript(clean, model, rate, seed, names)
            if neighbours and sum(neighbours):
                noisy = mark_deletions(clean, noisy, neighbours, model, random.Random(f"{seed}:{rate}:beside"))
            runs.append((truth, noisy, {s.id for s, c in zip(noisy.segments, corr, strict=True) if c.lost_negations}))
    return runs


def lost_negation_segments(truth: dict[str, Any], transcript: Transcript) -> set[int]:
    """Segments of a recognised transcript where a true negation was deleted or misheard (word alignment)."""
    ref = _reference(truth)
    hyp = [(w, s.id) for s in transcript.segments for w in normalise(s.text).split()]
    if not hyp:
        return set()
    lost: set[int] = set()
    ref_words = ref
    for op in Levenshtein.opcodes(ref_words, [w for w, _ in hyp]):
        if op.tag == "equal":
            continue
        heard = {w for w, _ in hyp[op.dest_start : op.dest_end]}
        if any(w in NEGATIONS and w not in heard for w in ref_words[op.src_start : op.src_end]):
            lost.add(hyp[min(op.dest_start, len(hyp) - 1)][1])
    return lost


def _newest(paths: list[Path]) -> Path | None:
    return max(paths, key=lambda p: p.stat().st_mtime) if paths else None


def real_runs(meetings: list[dict[str, Any]]) -> list[tuple[dict[str, Any], Transcript, set[int]]]:
    """The meetings the real recogniser's output is cached for: decoding bench (newest tuned), agenda bench."""
    runs = []
    for truth in meetings:
        mid = truth.get("id", "")
        path = _newest(sorted((DECODING_CACHE / mid).glob("tuned-*.json")))
        if path is not None:
            transcript = Transcript.model_validate(json.loads(path.read_text(encoding="utf-8"))["transcript"])
        elif (AGENDA_CACHE / mid / "transcript.json").is_file():
            transcript = Transcript.from_json((AGENDA_CACHE / mid / "transcript.json").read_text(encoding="utf-8"))
        else:
            continue
        runs.append((truth, transcript, lost_negation_segments(truth, transcript)))
    return runs


def measure(meetings: list[dict[str, Any]], model: ErrorModel, seeds: tuple[int, ...] = SEEDS,
            scorers: dict[str, Scorer] | None = None,
            neighbours: list[int] | None = None) -> dict[str, Any]:  # fmt: skip
    """Flag quality per WER (simulated) and on the real recogniser's cached output."""
    scorers = scorers or SCORERS
    out: dict[str, Any] = {"meetings": [m.get("id") for m in meetings], "deletion_neighbours": neighbours}
    out["noise"] = {f"{r:g}": _tally(noise_runs(meetings, model, r, seeds, neighbours), scorers) for r in RATES}
    real = real_runs(meetings)
    out["real"] = {"meetings": [t.get("id") for t, _, _ in real], **_tally(real, scorers)} if real else {}
    return out


@section("flags")
def flags_section(args: Any) -> dict[str, Any]:
    """Flag quality on dev ("dev", tuned on) and held-out meetings (top level, only measured)."""
    heldout, dev = load_meetings(), dev_meetings()
    if not heldout and not dev:
        return {"skipped": f"no meetings under {SAMPLES_DIR}"}
    seeds = SEEDS[:1] if getattr(args, "quick", False) else SEEDS
    model = ErrorModel.load()
    beside = deletion_neighbours(real_runs(dev))  # learned on dev only
    out: dict[str, Any] = {
        "seeds": list(seeds),
        **(measure(heldout, model, seeds, neighbours=beside) if heldout else {}),
    }
    if dev:
        out["dev"] = measure(dev, model, seeds, neighbours=beside)
    return out


def print_table(part: dict[str, Any], title: str) -> None:
    """One line per condition and scorer: share flagged, precision, recall, lost negations flagged."""
    print(f"\n{title}: {', '.join(part['meetings'])}")
    print(f"{'condition':<10} {'scorer':<16} {'items':>5} {'wrong':>5} {'flagged':>7} {'prec':>5} {'recall':>6} "
          f"{'unflagged wrong':>15} {'lost-neg flagged':>16} {'inverted flagged':>16}")  # fmt: skip
    rows = [(f"WER {r}", by) for r, by in part["noise"].items()]
    if part.get("real"):
        rows.append(("real", {k: v for k, v in part["real"].items() if k != "meetings"}))

    def cell(x: float | None) -> str:
        return "–" if x is None else f"{x:.2f}"

    for cond, by in rows:
        for name, kinds in by.items():
            a = kinds["all"]
            neg = f"{a['lost_negation_flagged']}/{a['lost_negation']}"
            inv = f"{a['inverted_flagged']}/{a['inverted']}"
            print(f"{cond:<10} {name:<16} {a['items']:>5} {a['wrong']:>5} {cell(a['share_flagged']):>7} "
                  f"{cell(a['precision']):>5} {cell(a['recall']):>6} {cell(a['wrong_among_unflagged']):>15} "
                  f"{neg:>16} {inv:>16}")  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m transcribe.bench.flags", description=__doc__.splitlines()[0])
    ap.add_argument("--dev-only", action="store_true", help="only the dev meetings (for tuning)")
    ap.add_argument("--quick", action="store_true", help="one seed per rate")
    ap.add_argument("--json", action="store_true", help="print the JSON instead of the tables")
    a = ap.parse_args(argv)
    seeds = SEEDS[:1] if a.quick else SEEDS
    if a.dev_only:
        dev = dev_meetings()
        result: dict[str, Any] = {
            "dev": measure(dev, ErrorModel.load(), seeds, neighbours=deletion_neighbours(real_runs(dev)))
        }
    else:
        result = flags_section(a)
    if a.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    if "dev" in result:
        print_table(result["dev"], "Flag quality, DEV meetings (tuned on)")
    if "noise" in result:
        print_table(result, "Flag quality, HELD-OUT meetings (never tuned on)")


if __name__ == "__main__":
    main()
