"""Benchmark section "uncertainty": do the review page's marks point at real recognition errors?

Each recognised word is labelled right or wrong by aligning the transcript with the sample's
true text (jiwer). A marking rule is judged by the share of words it marks (a page where most
words are marked says nothing), its precision (marked words that are wrong) and its recall
(wrong words that are marked). The baseline is the fixed cut p < 0.5; the graded rule marks
p < min(0.5, RATIO × the meeting's median). RATIO is swept on the dev samples only and
reported on the held-out ones.

Transcribing is slow, so `python -m transcribe.bench.uncertainty record` writes the transcripts
once into samples/cache/uncertainty/; the section reads them and is skipped without them.

`python -m transcribe.bench.uncertainty errormodel ASR_DIR` asks whether the error model's words look like
the real recogniser's (`ASR_DIR/<id>.json`: recognised dev meetings, as `python -m transcribe.errormodel`
learns from): the share of right words below the unsure cut, of wrong words, and how well a word's
probability tells right from wrong (AUROC), in the real output and in the simulation of the same meetings
at the rate the recogniser reached on each, also in passages of 15 true words by their own error rate; and
the simulation at WER 0.1 / 0.2 / 0.3, where the recogniser on the espeak audio has no counterpart.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import jiwer

from transcribe import confidence
from transcribe.bench.core import BenchArgs, section, truth_transcript
from transcribe.config import SAMPLES_DIR
from transcribe.errorconfidence import auroc
from transcribe.errormodel import ErrorModel, aligned, corrupt_transcript, dev_pairs
from transcribe.pipeline import PipelineOptions, run_pipeline
from transcribe.transcript import Transcript

CACHE = SAMPLES_DIR / "cache" / "uncertainty"
DEV = ("natverk-1", "natverk-2")
HELDOUT = ("heldout/idrott", "heldout/samrad")
SWEEP = (0.4, 0.5, 0.6, 0.7, 0.8)
PASSAGE = 15  # true words per passage (as errormodel.learn_pair)
BANDS = ((0.0, 0.5), (0.5, 0.75), (0.75, 0.9), (0.9, 9.0))  # passages by their own error rate
RATES = (0.1, 0.2, 0.3)  # simulated rates reported (the real recogniser on the dev audio is never this good)


def _norm(word: str) -> str:
    return re.sub(r"[^\w]+", "", word.lower())


def labelled_words(transcript: Transcript, truth_text: str) -> list[tuple[float, bool]]:
    """(probability, recognised wrongly) for every recognised word."""
    hyp_words = [(w.probability, _norm(w.text)) for s in transcript.segments for w in s.words if _norm(w.text)]
    ref = " ".join(n for w in truth_text.split() if (n := _norm(w)))
    hyp = " ".join(n for _, n in hyp_words)
    wrong = [True] * len(hyp_words)
    for chunk in jiwer.process_words(ref, hyp).alignments[0]:
        if chunk.type == "equal":
            for i in range(chunk.hyp_start_idx, chunk.hyp_end_idx):
                wrong[i] = False
    return [(p, bad) for (p, _), bad in zip(hyp_words, wrong, strict=True)]


def score(words: list[tuple[float, bool]], cut: float) -> dict[str, float]:
    marked = [bad for p, bad in words if p < cut]
    n_wrong = sum(bad for _, bad in words)
    return {
        "marked_share": round(len(marked) / len(words), 3) if words else 0.0,
        "precision": round(sum(marked) / len(marked), 3) if marked else 0.0,
        "recall": round(sum(marked) / n_wrong, 3) if n_wrong else 0.0,
    }


def _meeting(sample: str) -> tuple[list[tuple[float, bool]], float] | None:
    cached = CACHE / f"{sample.replace('/', '-')}.json"
    truth = SAMPLES_DIR / sample / "truth.txt"
    if not cached.is_file() or not truth.is_file():
        return None
    transcript = Transcript.from_json(cached.read_text(encoding="utf-8"))
    return labelled_words(transcript, truth.read_text(encoding="utf-8")), confidence.level(transcript).median


def _split(samples: tuple[str, ...], ratios: tuple[float, ...]) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    for sample in samples:
        got = _meeting(sample)
        if got is None:
            continue
        words, median = got
        rows[sample] = {
            "words": len(words), "wrong_share": round(sum(b for _, b in words) / len(words), 3),
            "median_p": round(median, 3), "baseline_fixed_0.5": score(words, confidence.LOW_WORD),
            **{f"graded_{r}": score(words, min(confidence.LOW_WORD, r * median)) for r in ratios},
        }  # fmt: skip
    return rows


@section("uncertainty")
def uncertainty_section(args: BenchArgs) -> dict[str, Any]:
    """Marks on the review page: fixed cut vs the meeting-relative cut (RATIO chosen on dev)."""
    dev = _split(DEV, SWEEP)
    if not dev:
        return {"skipped": "run `python -m transcribe.bench.uncertainty record` first"}
    return {"ratio": confidence.RATIO, "dev": dev, "heldout": _split(HELDOUT, (confidence.RATIO,))}


def record() -> None:
    """Transcribe the dev and held-out samples once (slow) into the cache the section reads."""
    CACHE.mkdir(parents=True, exist_ok=True)
    options = PipelineOptions(diarizer="none", minutes_backend="none", recognise_voices=False)
    for sample in DEV + HELDOUT:
        with tempfile.TemporaryDirectory() as work:
            result = run_pipeline(SAMPLES_DIR / sample / "meeting.ogg", Path(work), options)
        (CACHE / f"{sample.replace('/', '-')}.json").write_text(result.transcript.to_json(), encoding="utf-8")


def _passages(events: list[tuple[str, float | None]]) -> list[tuple[float, list[tuple[str, float | None]]]]:
    """The events cut into passages of PASSAGE true words, each with its own error rate."""
    out: list[list[tuple[str, float | None]]] = [[]]
    refs = 0
    for e in events:
        if e[0] != "ins":
            refs += 1
            if refs > PASSAGE:
                out.append([])
                refs = 1
        out[-1].append(e)
    return [(sum(k != "hit" for k, _ in p) / max(1, sum(k != "ins" for k, _ in p)), p) for p in out if p]


def _stats(events: list[tuple[str, float | None]]) -> dict[str, Any]:
    right = [p for k, p in events if k == "hit" and p is not None]
    wrong = [p for k, p in events if k not in ("hit", "del") and p is not None]
    refs = sum(k != "ins" for k, _ in events)

    def below(ps: list[float]) -> float | None:
        return round(sum(p < confidence.LOW_WORD for p in ps) / len(ps), 3) if ps else None

    area = auroc(right, wrong)
    return {"wer": round(sum(k != "hit" for k, _ in events) / refs, 3) if refs else None,
            "right_words": len(right), "wrong_words": len(wrong), "right_unsure": below(right),
            "wrong_unsure": below(wrong), "auroc": round(area, 3) if area is not None else None}  # fmt: skip


def _banded(per_meeting: list[list[tuple[str, float | None]]], band: tuple[float, float]) -> dict[str, Any]:
    return _stats([e for ev in per_meeting for w, p in _passages(ev) if band[0] <= w < band[1] for e in p])


def real_vs_simulated(asr_dir: Path, model: ErrorModel, samples_dir: Path = SAMPLES_DIR,
                      seeds: tuple[int, ...] = (1, 2, 3)) -> dict[str, Any]:  # fmt: skip
    """Real recogniser output against the error model on the same meetings (see the module docstring)."""
    ids = sorted(p.stem for p in asr_dir.glob("*.json") if (samples_dir / p.stem / "truth.json").exists())
    real, matched, by_rate = [], [], {r: [] for r in RATES}
    for sid, ref, hyp, names in dev_pairs(asr_dir, samples_dir, ids):
        events = aligned(ref, hyp)
        real.append(events)
        truth = truth_transcript(json.loads((samples_dir / sid / "truth.json").read_text(encoding="utf-8")))
        said = " ".join(s.text for s in truth.segments)
        rate = min(0.8, sum(k != "hit" for k, _ in events) / max(1, sum(k != "ins" for k, _ in events)))
        for seed in seeds:
            matched.append(aligned(said, corrupt_transcript(truth, model, round(rate, 3), seed, names)[0]))
            for r in RATES:
                by_rate[r].append(aligned(said, corrupt_transcript(truth, model, r, seed, names)[0]))
    return {
        "meetings": ids,
        "whole_meetings": {"real": _stats([e for ev in real for e in ev]),
                           "simulated_at_their_rate": _stats([e for ev in matched for e in ev])},
        "passages_by_own_error_rate": {f"{lo:g}-{hi:g}": {"real": _banded(real, (lo, hi)),
                                                           "simulated_at_their_rate": _banded(matched, (lo, hi))}
                                       for lo, hi in BANDS},
        "simulated_at": {f"{r:g}": _stats([e for ev in by_rate[r] for e in ev]) for r in RATES},
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["record", "report", "errormodel"])
    parser.add_argument("asr_dir", nargs="?", type=Path, help="errormodel: the recognised dev meetings (<id>.json)")
    parser.add_argument("--from-dir", type=Path, help="copy <dir>/<sample>/transcript.json instead of transcribing")
    opts = parser.parse_args()
    if opts.command == "errormodel":
        if opts.asr_dir is None or not opts.asr_dir.is_dir():
            parser.error("errormodel needs ASR_DIR, a folder of recognised dev meetings")
        print(json.dumps(real_vs_simulated(opts.asr_dir, ErrorModel.load()), ensure_ascii=False, indent=1))
        return
    if opts.command == "record":
        if opts.from_dir:
            CACHE.mkdir(parents=True, exist_ok=True)
            for sample in DEV + HELDOUT:
                src = opts.from_dir / sample.split("/")[-1] / "transcript.json"
                if src.is_file():
                    (CACHE / f"{sample.replace('/', '-')}.json").write_text(src.read_text(encoding="utf-8"))
        else:
            record()
    report = uncertainty_section(BenchArgs())
    print(report)


if __name__ == "__main__":
    main()
