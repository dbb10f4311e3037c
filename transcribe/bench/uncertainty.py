"""Benchmark section "uncertainty": do the review page's marks point at real recognition errors?

Each recognised word is labelled right or wrong by aligning the transcript with the sample's
true text (jiwer). A marking rule is judged by the share of words it marks (a page where most
words are marked says nothing), its precision (marked words that are wrong) and its recall
(wrong words that are marked). The baseline is the fixed cut p < 0.5; the graded rule marks
p < min(0.5, RATIO × the meeting's median). RATIO is swept on the dev samples only and
reported on the held-out ones.

Transcribing is slow, so `python -m transcribe.bench.uncertainty record` writes the transcripts
once into samples/cache/uncertainty/; the section reads them and is skipped without them.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path
from typing import Any

import jiwer

from transcribe import confidence
from transcribe.bench.core import BenchArgs, section
from transcribe.config import SAMPLES_DIR
from transcribe.pipeline import PipelineOptions, run_pipeline
from transcribe.transcript import Transcript

CACHE = SAMPLES_DIR / "cache" / "uncertainty"
DEV = ("natverk-1", "natverk-2")
HELDOUT = ("heldout/idrott", "heldout/samrad")
SWEEP = (0.4, 0.5, 0.6, 0.7, 0.8)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["record", "report"])
    parser.add_argument("--from-dir", type=Path, help="copy <dir>/<sample>/transcript.json instead of transcribing")
    opts = parser.parse_args()
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
