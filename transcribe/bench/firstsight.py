"""First sight: the minutes rules on a folder of meetings no rule has seen yet.

A new author's meetings are kept outside the repository until the round that tunes the rules is
over; this measures them where they lie, with the same scoring as the noise curve
(transcribe.bench.noise): per meeting on the true transcript (decisions and actions found / true,
predicted; the next meeting), the decisions missed and the false ones, and the totals under
recognition-like noise at the rates and seeds asked for (the robust extractor, as the product runs).

    python -m transcribe.bench.firstsight /tmp/meetings [--rates 0.1,0.2] [--seeds 1,2,3] [--json]

Exit codes: 0 measured, 2 no meetings in the folder (or a bad argument).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from transcribe.bench import matching
from transcribe.bench.core import truth_transcript
from transcribe.bench.noise import curve, draft, load_meetings
from transcribe.errormodel import ErrorModel


def meeting_row(truth: dict[str, Any]) -> dict[str, Any]:
    """One meeting on its true transcript: the scores and the texts behind them."""
    transcript = truth_transcript(truth)
    minutes, _ = draft(transcript, truth, robust=True)
    t = truth["truth"]
    names = {sp.label: sp.name for sp in transcript.speakers if sp.name}
    s = matching.score_minutes(t, minutes, names)
    hit = {p["truth"] for p in s["decisions"]["pairs"]}
    hit_act = {p["truth"] for p in s["actions"]["pairs"]}
    return {
        "id": truth["id"],
        "decisions": {k: s["decisions"][k] for k in ("tp", "n_truth", "n_predicted")},
        "actions": {k: s["actions"][k] for k in ("tp", "n_truth", "n_predicted", "owner_correct")},
        "next_meeting": s["next_meeting"],
        "missed_decisions": [d["text"] for i, d in enumerate(t.get("decisions") or []) if i not in hit],
        "false_decisions": s["false_decisions"]["texts"],
        "missed_actions": [a["what"] for i, a in enumerate(t.get("actions") or []) if i not in hit_act],
        "decides_nothing": not t.get("decisions"),
    }


def _pr(tp: int, truth: int, pred: int) -> str:
    p = f"{tp / pred:.2f}" if pred else "–"
    r = f"{tp / truth:.2f}" if truth else "–"
    return f"{p} / {r} ({tp} / {truth}, {pred})"


def _next_cell(nm: dict[str, Any]) -> str:
    if nm["exact"]:
        return "exact" if nm["truth"] else "right (none)"
    if nm["date_match"]:
        return f"date right, read {nm['predicted']}"
    return f"missed (read {nm['predicted']})"


def report(rows: list[dict[str, Any]], noisy: dict[str, Any]) -> str:
    """Markdown: the per-meeting table, the totals, the misses and the noisy totals."""
    head = "| id | decisions P / R (found / true, predicted) | actions P / R (found / true, predicted) | next meeting |"
    lines = [head, "| --- | --- | --- | --- |"]
    tot = {"d": [0, 0, 0], "a": [0, 0, 0], "next": 0}
    for r in rows:
        d, a = r["decisions"], r["actions"]
        lines.append(f"| `{r['id']}` | {_pr(d['tp'], d['n_truth'], d['n_predicted'])} | "
                     f"{_pr(a['tp'], a['n_truth'], a['n_predicted'])} | {_next_cell(r['next_meeting'])} |")  # fmt: skip
        for key, src in (("d", d), ("a", a)):
            tot[key] = [x + y for x, y in zip(tot[key], (src["tp"], src["n_truth"], src["n_predicted"]), strict=True)]
        tot["next"] += bool(r["next_meeting"]["exact"])
    lines.append(f"| all {len(rows)} | {_pr(*tot['d'])} | {_pr(*tot['a'])} | {tot['next']} of {len(rows)} exact |")
    nothing = [r for r in rows if r["decides_nothing"]]
    lines.append("")
    lines.append(f"False decisions on the {len(nothing)} meetings deciding nothing: "
                 f"{sum(r['decisions']['n_predicted'] for r in nothing)}")  # fmt: skip
    for rate, part in noisy.items():
        after = part["after"]
        lines.append(f"WER {rate}: decisions P {after['decisions']['precision']} / R {after['decisions']['recall']}, "
                     f"actions P {after['actions']['precision']} / R {after['actions']['recall']}, "
                     f"next meeting exact {after['next_meeting_exact']}, "
                     f"false on deciding-nothing {after['false_decisions_deciding_nothing']} "
                     f"({after['runs']} runs)")  # fmt: skip
    for r in rows:
        for kind in ("missed_decisions", "false_decisions", "missed_actions"):
            for text in r[kind]:
                lines.append(f"- {r['id']} {kind.replace('_', ' ')}: {text}")
    return "\n".join(lines)


def _floats(text: str) -> tuple[float, ...]:
    return tuple(float(x) for x in text.split(",") if x.strip())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m transcribe.bench.firstsight", description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path, help="a folder of <id>/truth.json")
    ap.add_argument("--rates", default="0.1", help="word error rates, comma-separated (empty: true only)")
    ap.add_argument("--seeds", default="1,2,3", help="noise seeds, comma-separated")
    ap.add_argument("--json", action="store_true", help="print the JSON instead of the tables")
    args = ap.parse_args(argv)
    try:
        rates, seeds = _floats(args.rates), tuple(int(x) for x in _floats(args.seeds))
    except ValueError:
        print(f"fel: ogiltiga tal i --rates/--seeds: {args.rates!r} {args.seeds!r}", file=sys.stderr)
        return 2
    meetings = load_meetings(args.folder) if args.folder.is_dir() else []
    if not meetings:
        print(f"fel: inga möten (<id>/truth.json) i {args.folder}", file=sys.stderr)
        return 2
    rows = [meeting_row(m) for m in meetings]
    noisy = {k: v for k, v in curve(meetings, ErrorModel.load(), rates, seeds).items() if k != "0"} if rates else {}
    if args.json:
        print(json.dumps({"meetings": rows, "noisy": noisy}, ensure_ascii=False, indent=1))
    else:
        print(report(rows, noisy))
    return 0


if __name__ == "__main__":
    sys.exit(main())
