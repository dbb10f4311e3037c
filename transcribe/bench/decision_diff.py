"""Decisions one version of the rules matched and another lost, per dev meeting and run.

Both versions read the same dev samples (these, whatever tree the code comes from) and the same noise: the
true transcript and its copies at the given word error rates and seeds. For every true decision matched
before and not after, the sentence each version predicted for it is printed (after: the predicted decision
sharing most evidence with the one before, if any), and every false decision gained or dropped is listed,
with the meetings deciding nothing counted apart. A change that wins on one author and loses elsewhere shows
here as a loss before it shows on held-out.

    python -m transcribe.bench.decision_diff --before /tmp/wt-old --after .            # trees (worktrees)
    python -m transcribe.bench.decision_diff --before 74392f7 --after HEAD --rates 0,0.1 --seeds 3
    python -m transcribe.bench.decision_diff --before A --after B --only maleri,gatukok --json out.json

A revision (anything `git rev-parse` knows) runs from a clean snapshot of its transcribe/ package; a folder
runs its own package. The dump of one version runs in a child process with that package first on the path,
using only functions every version since the noise curve has (dev_meetings, truth_transcript,
corrupt_transcript, decision_scores, false_decisions).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from transcribe.config import REPO_DIR, SAMPLES_DIR


def dump(rates: list[float], seeds: int, only: list[str]) -> list[dict[str, Any]]:
    """Every run's predicted decisions and which true decision each matched (this process's package)."""
    import datetime as dt

    # Loaded here, in the child, so each version's own package answers (see run_version).
    from transcribe.bench import matching  # late: the version under test
    from transcribe.bench.core import truth_transcript  # late: the version under test
    from transcribe.bench.noise import dev_meetings  # late: the version under test
    from transcribe.errormodel import ErrorModel, corrupt_transcript  # late: the version under test
    from transcribe.minutes import extract_minutes  # late: the version under test

    model = ErrorModel.load()
    out = []
    meetings = [m for m in dev_meetings() if not only or any(o in m["id"] for o in only)]
    for n, truth in enumerate(meetings, 1):
        if n % 25 == 0:
            print(f"{os.getpid()}: {n} of {len(meetings)} meetings", file=sys.stderr, flush=True)
        clean = truth_transcript(truth)
        names = [sp["name"] for sp in truth.get("speakers") or [] if sp.get("name")]
        day = dt.date.fromisoformat(truth["date"]) if truth.get("date") else None
        for rate in rates:
            for seed in range(1, seeds + 1) if rate else (0,):
                text = corrupt_transcript(clean, model, rate, seed, names)[0] if rate else clean
                minutes = extract_minutes(text, meeting_date=day, vocabulary=names, robust=True)
                match = matching.decision_scores(truth["truth"], minutes.decisions)
                by_pred = {p.predicted: p for p in match.pairs}
                out.append({
                    "meeting": truth["id"], "rate": rate, "seed": seed,
                    "nothing": not truth["truth"].get("decisions"),
                    "truth": [d["text"] for d in truth["truth"].get("decisions") or []],
                    "predicted": [{"text": d.text, "truth": by_pred[j].truth if j in by_pred else None,
                                   "score": by_pred[j].score if j in by_pred else None,
                                   "evidence": sorted({e.segment_id for e in d.evidence})}
                                  for j, d in enumerate(minutes.decisions)],
                })  # fmt: skip
    return out


def _package(rev_or_dir: str, tmp: Path) -> Path:
    """The folder whose transcribe/ runs: a directory as given, else a snapshot of the revision."""
    path = Path(rev_or_dir)
    if (path / "transcribe" / "__init__.py").is_file():
        return path.resolve()
    dest = tmp / rev_or_dir.replace("/", "_")
    dest.mkdir()
    tar = subprocess.run(["git", "-C", str(REPO_DIR), "archive", "--format=tar", rev_or_dir, "--", "transcribe"],
                         capture_output=True, check=False)  # fmt: skip
    if tar.returncode:
        raise SystemExit(f"git archive {rev_or_dir}: {tar.stderr.decode(errors='replace').strip()}")
    subprocess.run(["tar", "-x", "-C", str(dest)], input=tar.stdout, check=True)
    return dest


def run_version(root: Path, rates: list[float], seeds: int, only: list[str], out: Path) -> subprocess.Popen:
    """The dump of the package in `root` on these samples, written to `out` by a child process."""
    env = dict(os.environ, PYTHONPATH=str(root), TRANSCRIBE_SAMPLES_DIR=str(SAMPLES_DIR))
    code = ("import json, runpy, sys; m = runpy.run_path(sys.argv[1]); "
            "json.dump(m['dump'](json.loads(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4])), "
            "open(sys.argv[5], 'w'))")  # fmt: skip
    argv = [sys.executable, "-c", code, __file__, json.dumps(rates), str(seeds), json.dumps(only), str(out)]
    return subprocess.Popen(argv, cwd=root, env=env)


WEAKER = 0.05  # a match whose score fell this much is listed: the same change elsewhere may lose it


def _key(run: dict[str, Any]) -> tuple[str, float, int]:
    return run["meeting"], run["rate"], run["seed"]


def _nearest(pred: dict[str, Any], others: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The predicted decision of the other version sharing most evidence segments with `pred`."""
    ev = set(pred["evidence"])
    best = max(others, key=lambda o: len(ev & set(o["evidence"])), default=None)
    return best if best is not None and ev & set(best["evidence"]) else None


def compare(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> dict[str, Any]:
    """Per run: true decisions lost and gained, false decisions gained and dropped (by text)."""
    after_by = {_key(r): r for r in after}
    rows: dict[str, list[dict[str, Any]]] = {
        "lost": [],
        "gained": [],
        "weakened": [],
        "false_gained": [],
        "false_dropped": [],
    }
    totals: dict[str, Counter[str]] = {"before": Counter(), "after": Counter()}
    for b in before:
        a = after_by.get(_key(b))
        if a is None:
            continue
        tag = {"meeting": b["meeting"], "rate": b["rate"], "seed": b["seed"]}
        rate = f"{b['rate']:g}"
        for which, run in (("before", b), ("after", a)):
            found = {p["truth"] for p in run["predicted"] if p["truth"] is not None}
            false = sum(p["truth"] is None for p in run["predicted"])
            totals[which][f"found {rate}"] += len(found)
            totals[which][f"predicted {rate}"] += len(run["predicted"])
            totals[which][f"false {rate}"] += false
            totals[which][f"truth {rate}"] += len(run["truth"])
            if run["nothing"]:
                totals[which][f"false deciding nothing {rate}"] += false
        fb = {p["truth"]: p for p in b["predicted"] if p["truth"] is not None}
        fa = {p["truth"]: p for p in a["predicted"] if p["truth"] is not None}
        for i in sorted(set(fb) - set(fa)):
            near = _nearest(fb[i], a["predicted"])
            rows["lost"].append({**tag, "truth": b["truth"][i], "before": fb[i]["text"],
                                 "after": near["text"] if near else None})  # fmt: skip
        for i in sorted(set(fa) & set(fb)):
            sb, sa = fb[i].get("score"), fa[i].get("score")
            if sb is not None and sa is not None and sa < sb - WEAKER:
                rows["weakened"].append({**tag, "truth": b["truth"][i], "before": fb[i]["text"], "after": fa[i]["text"],
                                         "scores": [sb, sa]})  # fmt: skip
        for i in sorted(set(fa) - set(fb)):
            near = _nearest(fa[i], b["predicted"])
            rows["gained"].append({**tag, "truth": a["truth"][i], "after": fa[i]["text"],
                                   "before": near["text"] if near else None})  # fmt: skip
        false_b = Counter(p["text"] for p in b["predicted"] if p["truth"] is None)
        false_a = Counter(p["text"] for p in a["predicted"] if p["truth"] is None)
        for text in (false_a - false_b).elements():
            rows["false_gained"].append({**tag, "text": text, "nothing": b["nothing"]})
        for text in (false_b - false_a).elements():
            rows["false_dropped"].append({**tag, "text": text, "nothing": b["nothing"]})
    return {"rows": rows, "totals": {k: dict(v) for k, v in totals.items()}}


def _print(result: dict[str, Any], show: int) -> None:
    rows = result["rows"]
    for kind, title in (("lost", "found before, lost after"), ("gained", "lost before, found after")):
        print(f"== {title}: {len(rows[kind])}")
        for r in rows[kind][:show]:
            print(f"[{r['meeting']} {r['rate']:g} s{r['seed']}] truth: {r['truth']}\n"
                  f"  before: {r['before']}\n  after:  {r['after']}")  # fmt: skip
    print(f"== still matched, the score fallen by more than {WEAKER}: {len(rows['weakened'])}")
    for r in rows["weakened"][:show]:
        print(f"[{r['meeting']} {r['rate']:g} s{r['seed']}] {r['scores'][0]} -> {r['scores'][1]} truth: {r['truth']}\n"
              f"  before: {r['before']}\n  after:  {r['after']}")  # fmt: skip
    for kind, title in (("false_gained", "false decisions gained"), ("false_dropped", "false decisions dropped")):
        print(f"== {title}: {len(rows[kind])}")
        for r in rows[kind][:show]:
            mark = " (decides nothing)" if r["nothing"] else ""
            print(f"[{r['meeting']} {r['rate']:g} s{r['seed']}]{mark} {r['text']}")
    print("== totals (before -> after)")
    before, after = result["totals"]["before"], result["totals"]["after"]
    for k in sorted(set(before) | set(after)):
        print(f"  {k}: {before.get(k, 0)} -> {after.get(k, 0)}")


def main(argv: list[str] | None = None) -> None:
    """Run both versions on the same dev samples and noise, print what the second lost and gained."""
    ap = argparse.ArgumentParser(prog="python -m transcribe.bench.decision_diff", description=main.__doc__)
    ap.add_argument("--before", required=True, help="a folder holding transcribe/, or a revision")
    ap.add_argument("--after", default=str(REPO_DIR), help="the same (default: this checkout, uncommitted included)")
    ap.add_argument("--rates", default="0,0.1", help="word error rates, 0 = the true transcript")
    ap.add_argument("--seeds", type=int, default=3, help="seeds 1..N at each rate above 0")
    ap.add_argument("--only", default="", help="meetings whose id contains one of these (comma-separated)")
    ap.add_argument("--show", type=int, default=200, help="rows printed of each kind")
    ap.add_argument("--json", help="also write the comparison here")
    ap.add_argument("--dumps", help="keep both versions' dumps in this folder (before.json, after.json)")
    ap.add_argument("--reuse-before", action="store_true", help="take before.json already in --dumps, run only after")
    args = ap.parse_args(argv)
    rates = [float(r) for r in args.rates.split(",") if r.strip()]
    only = [o for o in args.only.split(",") if o]
    with tempfile.TemporaryDirectory(prefix="decision-diff-") as tmp:
        keep = Path(args.dumps or tmp)
        keep.mkdir(parents=True, exist_ok=True)
        procs = []
        for which in ("before", "after"):
            if which == "before" and args.reuse_before and (keep / "before.json").is_file():
                continue
            root = _package(getattr(args, which), Path(tmp))
            procs.append(run_version(root, rates, args.seeds, only, keep / f"{which}.json"))
        if any(p.wait() for p in procs):
            raise SystemExit("a version's run failed")
        result = compare(*(json.loads((keep / f"{w}.json").read_text()) for w in ("before", "after")))
    _print(result, args.show)
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
