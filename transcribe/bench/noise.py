"""The noise curve: how the minutes hold up as the transcript gets worse.

True transcripts are corrupted with the error model learned from the real recogniser
(transcribe/errormodel.py) at word error rates 0.05-0.5, several seeds each, on two sets:
the dev meetings (samples/<id>/, the dev meetings of samples/agenda/ and samples/minutes-dev/),
on which the rules are tuned, and the held-out meetings (samples/heldout/), which are only
measured. For every rate the report gives decision and action precision/recall, owner
accuracy, next-meeting exactness, false decisions (and those on meetings that decided
nothing), and the share of decisions resting on a passage whose negation was lost that
were flagged "Kontrollera mot ljudet". The extractor as it was ("before": no repairs, no
negation checks) runs in the same pass as the robust one ("after", with the learned decision
scorer of minutes/scorer.py when its model file is present), so the gain is measured, not claimed.

    transcribe bench --noise-curve
    python -m transcribe.bench.noise [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from transcribe.bench import matching, metrics
from transcribe.bench.core import SAMPLES_DIR, participants, section, truth_transcript
from transcribe.confidence.items import score_minutes as flag_uncertain
from transcribe.errormodel import RATES, ErrorModel, corrupt_transcript
from transcribe.minutes import extract_minutes
from transcribe.minutes.cues import NEG
from transcribe.sv.text import stems
from transcribe.transcript import Transcript

HELDOUT_DIR = SAMPLES_DIR / "heldout"
AGENDA_DIR = SAMPLES_DIR / "agenda"
MINUTES_DEV_DIR = SAMPLES_DIR / "minutes-dev"
SEEDS = (1, 2, 3)


def load_meetings(root: Path = HELDOUT_DIR) -> list[dict[str, Any]]:
    """truth.json of every meeting under `root` (samples/heldout/<id>/ or samples/<id>/)."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(root).glob("*/truth.json"))]


def dev_meetings(samples: Path = SAMPLES_DIR) -> list[dict[str, Any]]:
    """The meetings the rules may be tuned on: the samples, the dev agenda meetings and the minutes dev set."""
    agenda = [m for m in load_meetings(samples / "agenda") if (m.get("agenda") or {}).get("split") == "dev"]
    return [*load_meetings(samples), *agenda, *load_meetings(samples / "minutes-dev")]


def draft(transcript: Transcript, truth: dict[str, Any], robust: bool) -> tuple[Any, set[str]]:
    """Minutes as the pipeline makes them (rules, then the word-probability flags), and the ids the rules flagged."""
    day = dt.date.fromisoformat(truth["date"]) if truth.get("date") else None
    minutes = extract_minutes(transcript, meeting_date=day, vocabulary=participants(truth), robust=robust)
    by_rules = {d.id for d in minutes.decisions if d.needs_review}
    return flag_uncertain(minutes, transcript), by_rules


def _zero() -> dict[str, float]:
    keys = (
        "dec_tp",
        "dec_truth",
        "dec_pred",
        "act_tp",
        "act_truth",
        "act_pred",
        "owner_ok",
        "next_exact",
        "runs",
        "false_dec",
        "false_dec_nothing",
        "neg_items",
        "neg_flagged",
        "neg_flagged_rules",
        "wer_sum",
        "flagged",
        "items",
    )
    return dict.fromkeys(keys, 0.0)


def score_run(truth: dict[str, Any], minutes: Any, transcript: Transcript, lost_neg_segments: set[int],
              acc: dict[str, float], by_rules: set[str] = frozenset()) -> None:  # fmt: skip
    """Add one draft's scores to the running totals `acc`."""
    t = truth["truth"]
    names = {sp.label: sp.name for sp in transcript.speakers if sp.name}
    s = matching.score_minutes(t, minutes, names)
    acc["dec_tp"] += s["decisions"]["tp"]
    acc["dec_truth"] += s["decisions"]["n_truth"]
    acc["dec_pred"] += s["decisions"]["n_predicted"]
    acc["act_tp"] += s["actions"]["tp"]
    acc["act_truth"] += s["actions"]["n_truth"]
    acc["act_pred"] += s["actions"]["n_predicted"]
    acc["owner_ok"] += s["actions"]["owner_correct"]
    acc["next_exact"] += bool(s["next_meeting"]["exact"])
    acc["false_dec"] += s["false_decisions"]["count"]
    if not t.get("decisions"):
        acc["false_dec_nothing"] += len(minutes.decisions)
    acc["runs"] += 1
    for d in minutes.decisions:
        # inverted: a negation was lost where the decision was heard, and the decision reads as positive
        if {e.segment_id for e in d.evidence} & lost_neg_segments and not NEG.search(d.text.lower()):
            acc["neg_items"] += 1
            acc["neg_flagged"] += bool(d.needs_review)
            acc["neg_flagged_rules"] += d.id in by_rules
    items = [*minutes.decisions, *minutes.actions]
    acc["items"] += len(items)
    acc["flagged"] += sum(bool(x.needs_review) for x in items)


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def summarise(acc: dict[str, float]) -> dict[str, Any]:
    return {
        "wer_measured": _ratio(acc["wer_sum"], acc["runs"]),
        "decisions": {"precision": _ratio(acc["dec_tp"], acc["dec_pred"]) if acc["dec_pred"] else 1.0,
                      "recall": _ratio(acc["dec_tp"], acc["dec_truth"])},
        "actions": {"precision": _ratio(acc["act_tp"], acc["act_pred"]) if acc["act_pred"] else 1.0,
                    "recall": _ratio(acc["act_tp"], acc["act_truth"])},
        "owner_accuracy": _ratio(acc["owner_ok"], acc["act_tp"]),
        "next_meeting_exact": _ratio(acc["next_exact"], acc["runs"]),
        "false_decisions": int(acc["false_dec"]),
        "false_decisions_deciding_nothing": int(acc["false_dec_nothing"]),
        "lost_negation_decisions": int(acc["neg_items"]),
        "lost_negation_flagged": _ratio(acc["neg_flagged"], acc["neg_items"]),
        # flagged by the rules alone, before the word-probability checks of transcribe.confidence
        "lost_negation_flagged_by_rules": _ratio(acc["neg_flagged_rules"], acc["neg_items"]),
        "items_flagged": _ratio(acc["flagged"], acc["items"]),
        "runs": int(acc["runs"]),
    }  # fmt: skip


def curve(meetings: list[dict[str, Any]], model: ErrorModel, rates: tuple[float, ...] = RATES,
          seeds: tuple[int, ...] = SEEDS) -> dict[str, Any]:  # fmt: skip
    """Per rate (0.0 = the true transcript) the scores of the extractor before and after, on the same noise."""
    out: dict[str, Any] = {}
    for rate in (0.0, *rates):
        accs = {"before": _zero(), "after": _zero()}
        for truth in meetings:
            clean = truth_transcript(truth)
            for seed in seeds if rate else (0,):
                if rate:
                    noisy, corr = corrupt_transcript(clean, model, rate, seed, participants(truth))
                    lost = {seg.id for seg, c in zip(noisy.segments, corr, strict=True) if c.lost_negations}
                else:
                    noisy, lost = clean, set()
                wer = metrics.wer(" ".join(s.text for s in clean.segments), " ".join(s.text for s in noisy.segments))
                for which, acc in accs.items():
                    minutes, by_rules = draft(noisy, truth, robust=which == "after")
                    score_run(truth, minutes, noisy, lost, acc, by_rules)
                    acc["wer_sum"] += wer
        out[f"{rate:g}"] = {k: summarise(v) for k, v in accs.items()}
    return out


_NEGATION_WORD = re.compile(r"\s*\b(?:inte|ej|aldrig)\b", re.IGNORECASE)


def _sentence_at(text: str, pos: int) -> str:
    start = max(text.rfind(c, 0, pos) for c in ".!?") + 1
    ends = [i for i in (text.find(c, pos) for c in ".!?") if i >= 0]
    return text[start : min(ends) if ends else len(text)]


def negation_stress(meetings: list[dict[str, Any]]) -> dict[str, Any]:
    """Each "inte"/"ej"/"aldrig" of the true transcript removed in turn (text only, no word probabilities).

    A decision heard in that segment that now reads as positive is an inverted decision; the share of them
    flagged "Kontrollera mot ljudet" is what the rules alone achieve when nothing in the audio betrays the loss.
    """
    out = {which: {"variants": 0, "inverted": 0, "flagged": 0, "changed": 0, "changed_flagged": 0}
           for which in ("before", "after")}  # fmt: skip
    for truth in meetings:
        clean = truth_transcript(truth)
        day = dt.date.fromisoformat(truth["date"]) if truth.get("date") else None
        # a decision the true transcript gives word for word was not changed by the removal ("changed" leaves it out)
        as_said = {which: {d.text for d in extract_minutes(clean, meeting_date=day, vocabulary=participants(truth),
                                                            robust=which == "after").decisions}
                   for which in out}  # fmt: skip
        for k, seg in enumerate(clean.segments):
            for m in _NEGATION_WORD.finditer(seg.text):
                text = seg.text[: m.start()] + seg.text[m.end() :]
                segs = [*clean.segments[:k], seg.model_copy(update={"text": text}), *clean.segments[k + 1 :]]
                noisy = clean.model_copy(update={"segments": segs})
                for which, acc in out.items():
                    minutes = extract_minutes(noisy, meeting_date=day, vocabulary=participants(truth),
                                              robust=which == "after")  # fmt: skip
                    acc["variants"] += 1
                    for d in minutes.decisions:
                        if seg.id not in {e.segment_id for e in d.evidence} or NEG.search(d.text.lower()):
                            continue
                        if stems(d.text) & stems(_sentence_at(seg.text, m.start())):  # that sentence was read
                            acc["inverted"] += 1
                            acc["flagged"] += bool(d.needs_review)
                            if d.text not in as_said[which]:
                                acc["changed"] += 1
                                acc["changed_flagged"] += bool(d.needs_review)
                            if not d.needs_review:
                                acc.setdefault("unflagged", []).append(d.text)
    for acc in out.values():
        acc["flagged_share"] = _ratio(acc["flagged"], acc["inverted"])
        acc["changed_flagged_share"] = _ratio(acc["changed_flagged"], acc["changed"])
    return out


def measure(meetings: list[dict[str, Any]], model: ErrorModel, seeds: tuple[int, ...]) -> dict[str, Any]:
    """The curve and the negation stress test of one set of meetings."""
    return {"meetings": [m["id"] for m in meetings], "curve": curve(meetings, model, RATES, seeds),
            "negation_stress": negation_stress(meetings)}  # fmt: skip


@section("noise_curve")
def noise_curve_section(args: Any) -> dict[str, Any]:
    """Dev and held-out meetings under recognition-like noise; see the module docstring.

    The held-out figures stay at the top level ("meetings", "curve", "negation_stress");
    the dev figures, the ones to tune on, are under "dev".
    """
    heldout, dev = load_meetings(), dev_meetings()
    if not heldout and not dev:
        return {"skipped": f"no meetings in {HELDOUT_DIR} or {SAMPLES_DIR}"}
    model = ErrorModel.load()
    seeds = SEEDS[:1] if getattr(args, "quick", False) else SEEDS
    out: dict[str, Any] = {"seeds": list(seeds), "error_model": model.summary()}
    if heldout:
        out.update(measure(heldout, model, seeds))
    if dev:
        out["dev"] = measure(dev, model, seeds)
    return out


def _cell(x: Any) -> str:
    return "–" if x is None else (f"{x:.2f}" if isinstance(x, float) else str(x))


def _table(part: dict[str, Any], title: str, console: Console) -> None:
    table = Table("WER", "measured", "dec P", "dec R", "act P", "act R", "owner", "next exact", "false dec",
                  "false dec (ej beslut)", "lost 'inte' flagged", box=box.MARKDOWN,
                  title=f"{title}: {', '.join(part['meetings'])} (before → after)")  # fmt: skip
    for rate, row in part["curve"].items():
        b, a = row["before"], row["after"]

        def pair(*keys: str, b: dict = b, a: dict = a) -> str:
            x, y = b, a
            for k in keys:
                x, y = x[k], y[k]
            return f"{_cell(x)} → {_cell(y)}"

        flagged = (
            f"{pair('lost_negation_flagged')} (rules {pair('lost_negation_flagged_by_rules')}, "
            f"n={a['lost_negation_decisions']})"
        )
        table.add_row(rate, _cell(a["wer_measured"]), pair("decisions", "precision"), pair("decisions", "recall"),
                      pair("actions", "precision"), pair("actions", "recall"), pair("owner_accuracy"),
                      pair("next_meeting_exact"), pair("false_decisions"), pair("false_decisions_deciding_nothing"),
                      flagged)  # fmt: skip
    console.print(table)
    stress = part.get("negation_stress")
    if stress:
        b, a = stress["before"], stress["after"]
        console.print(f"Each 'inte' removed in turn (text only): inverted decisions {b['inverted']} → {a['inverted']}, "
                      f"flagged {_cell(b['flagged_share'])} → {_cell(a['flagged_share'])}; of them changed by the "
                      f"removal {b.get('changed')} → {a.get('changed')}, flagged "
                      f"{_cell(b.get('changed_flagged_share'))} → {_cell(a.get('changed_flagged_share'))}")  # fmt: skip


def print_curve(result: dict[str, Any], console: Console | None = None) -> None:
    """One markdown table per set: dev (tuned on) first, then held-out (only measured), per rate before -> after."""
    console = console or Console(width=max(Console().width, 200))
    if "curve" not in result and "dev" not in result:
        console.print(result.get("skipped", "noise curve: nothing to show"))
        return
    if "dev" in result:
        _table(result["dev"], "Noise curve, DEV meetings (tuned on)", console)
    if "curve" in result:
        _table(result, "Noise curve, HELD-OUT meetings (never tuned on)", console)


def main(argv: list[str] | None = None) -> None:
    """`python -m transcribe.bench.noise [--quick] [--dev-only | --heldout-only]`: the curve (JSON with --json)."""
    ap = argparse.ArgumentParser(prog="python -m transcribe.bench.noise", description=main.__doc__)
    ap.add_argument("--quick", action="store_true", help="one seed per rate")
    ap.add_argument("--dev-only", action="store_true", help="only the dev meetings (for tuning)")
    ap.add_argument("--heldout-only", action="store_true", help="only the held-out meetings (to report)")
    ap.add_argument("--json", action="store_true", help="print the JSON instead of the tables")
    args = ap.parse_args(argv)
    if args.dev_only:
        seeds = SEEDS[:1] if args.quick else SEEDS
        result: dict[str, Any] = {"seeds": list(seeds), "dev": measure(dev_meetings(), ErrorModel.load(), seeds)}
    elif args.heldout_only:
        seeds = SEEDS[:1] if args.quick else SEEDS
        result = {"seeds": list(seeds), **measure(load_meetings(), ErrorModel.load(), seeds)}
    else:
        result = noise_curve_section(args)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print_curve(result)


if __name__ == "__main__":
    main()
