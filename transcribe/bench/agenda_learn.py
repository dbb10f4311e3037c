"""Train the learned item-start scorer (transcribe/agenda/learned.py) and measure it leaving each author out.

Reads the dev agenda meetings only: the author map (`transcribe/agenda/data/dev_authors.json`: which fresh author
wrote which dev meeting, the early meetings without an author section as one group, and each author's first-sight
starts as `samples/agenda/README.md` recorded them) must name exactly the meetings whose truth says `dev`, or
nothing runs. Training rows: every (item, sentence) pair of an item with a true start, on the true transcript and at
simulated WER 0.1 (seed 2); a pair is a start when its sentence lies in the turn the item truly starts in, within
10 s of it. The model is scikit-learn's gradient-boosted trees (which ranked held-out authors' starts better than a
logistic regression on the same features, leaving each author out); its trees are written as arrays to
`learned.WEIGHTS_PATH`.

    python -m transcribe.bench.agenda_learn            # train on every dev meeting, write the weights
    python -m transcribe.bench.agenda_learn --check    # every dev meeting with the shipped weights and without
    python -m transcribe.bench.agenda_learn --loao     # per author: trained without them, starts within 10 s
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from transcribe.agenda import learned
from transcribe.agenda.align import align_agenda
from transcribe.agenda.parse import Agenda, parse_agenda
from transcribe.agenda.units import build_units
from transcribe.bench.agenda import (
    TOLERANCE_S,
    load_samples,
    naive_alignment,
    noisy_transcript,
    score_alignment,
    true_transcript,
)
from transcribe.bench.decision_models import tree_arrays
from transcribe.minutes.scorer import Trees
from transcribe.transcript import Transcript

AUTHORS_PATH = Path(learned.__file__).parent / "data" / "dev_authors.json"
TRAIN_SEED = 2  # the noisy training copy; the measure at WER 0.1 uses seed 1
GAIN = 0.5  # evidence added per unit of log-odds (chosen leaving each author out, of 0.5 and 1)
CAP = 3.0
_NONE = np.zeros(0)
OFF = learned.StartModel(Trees(*[_NONE] * len(Trees.FIELDS)), 0.0, 0.0, 0.0)  # the hand evidence alone


def authors() -> dict[str, dict[str, Any]]:
    return json.loads(AUTHORS_PATH.read_text(encoding="utf-8"))["authors"]


def dev_meetings() -> dict[str, tuple[Path, dict[str, Any]]]:
    """The dev agenda meetings, by id; the author map must name exactly these."""
    dev = {t["id"]: (d, t) for d, t in load_samples() if t["agenda"]["split"] == "dev"}
    mapped = {m for a in authors().values() for m in a["meetings"]}
    if mapped != set(dev):
        raise ValueError(f"author map and dev split differ: {sorted(mapped ^ set(dev))}")
    return dev


@contextlib.contextmanager
def using(model: learned.StartModel) -> Iterator[None]:
    """Align with `model` in place of the shipped weights."""
    token = learned.ACTIVE.set(model)
    try:
        yield
    finally:
        learned.ACTIVE.reset(token)


def training_rows(agenda: Agenda, transcript: Transcript, truth: dict[str, Any]) -> tuple[list, list]:
    """(features, is a start) for every pair of an item with a true start, from the evidence as the aligner reads
    it (with the hand evidence alone)."""
    seen: list[dict[tuple[int, int], list[float]]] = []
    token = learned.SEEN.set(seen)
    try:
        with using(OFF):
            align_agenda(agenda, transcript)
    finally:
        learned.SEEN.reset(token)
    feats = seen[0]
    units = build_units(transcript)
    parents = {it.parent for it in agenda.items if it.parent}
    leaves = [it for it in agenda.items if it.number not in parents]
    starts = {i["number"]: i["start"] for i in truth["agenda"]["items"] if i["treated"] and i["start"] is not None}
    X, y = [], []
    for k, it in enumerate(leaves):
        if it.number not in starts:
            continue
        at = next((u for u in units if u.start >= starts[it.number] - 0.05), None)
        for i, u in enumerate(units):
            X.append(feats[(k, i)])
            y.append(int(at is not None and u.seg_id == at.seg_id and abs(u.start - at.start) <= TOLERANCE_S))
    return X, y


def fit(X: list, y: list) -> learned.StartModel:
    clf = HistGradientBoostingClassifier(max_iter=150, max_depth=4, learning_rate=0.1, random_state=0)
    clf.fit(np.asarray(X, dtype=np.float64), np.asarray(y))
    trees, baseline = tree_arrays(clf)
    return learned.StartModel(trees, baseline, GAIN, CAP)


def conditions(truth: dict[str, Any]) -> dict[str, Transcript]:
    clean = true_transcript(truth)
    return {
        "true": clean,
        "train": noisy_transcript(clean, 0.1, TRAIN_SEED)[0],
        "wer_0.1": noisy_transcript(clean, 0.1, 1)[0],
    }


def loao(meetings: dict[str, tuple[Path, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Per author: starts within 10 s of the model trained without their meetings, of the hand evidence alone, and
    of the naive baseline, true and WER 0.1 seed 1; with the first-sight figure recorded."""
    data, rows = {}, {}
    for m, (d, truth) in meetings.items():
        agenda = parse_agenda(d / truth["agenda"]["agenda_file"])
        data[m] = (agenda, truth, conditions(truth))
        rows[m] = [training_rows(agenda, data[m][2][c], truth) for c in ("true", "train")]
    out = []
    for name, a in authors().items():
        X = [x for m in meetings if m not in a["meetings"] for X_, _ in rows[m] for x in X_]
        y = [v for m in meetings if m not in a["meetings"] for _, y_ in rows[m] for v in y_]
        model = fit(X, y)
        row: dict[str, Any] = {"author": name, "first_sight": a.get("first_sight"), "items": 0, "naive": 0}
        for m in a["meetings"]:
            agenda, truth, conds = data[m]
            row["items"] += score_alignment(naive_alignment(agenda, conds["true"]), truth)["items"]
            row["naive"] += score_alignment(naive_alignment(agenda, conds["true"]), truth)["starts_within_10s"]
            for label, mdl in (("learned", model), ("rules", OFF)):
                with using(mdl):
                    for c in ("true", "wer_0.1"):
                        al = align_agenda(agenda, conds[c])
                        key = f"{label}_{c}"
                        row[key] = row.get(key, 0) + score_alignment(al, truth)["starts_within_10s"]
        print(json.dumps(row), file=sys.stderr, flush=True)
        out.append(row)
    return out


def check(meetings: dict[str, tuple[Path, dict[str, Any]]]) -> dict[str, Any]:
    """Starts within 10 s on every dev meeting with the shipped weights and with the hand evidence alone."""
    shipped = learned.load()
    if shipped is None:
        raise SystemExit(f"no weights at {learned.WEIGHTS_PATH}")
    out: dict[str, Any] = {}
    for m, (d, truth) in meetings.items():
        agenda = parse_agenda(d / truth["agenda"]["agenda_file"])
        conds = conditions(truth)
        for label, mdl in (("learned", shipped), ("rules", OFF)):
            with using(mdl):
                for c in ("true", "wer_0.1"):
                    got = score_alignment(align_agenda(agenda, conds[c]), truth)["starts_within_10s"]
                    out.setdefault(m, {})[f"{label}_{c}"] = got
        print(m, out[m], file=sys.stderr, flush=True)
    out["all"] = {k: sum(r[k] for r in out.values()) for k in next(iter(out.values()))}
    return out


def table(rows: list[dict[str, Any]]) -> str:
    head = "| author | items | first sight (rules then) | naive | rules now, true | learned LOAO, true | rules now, WER 0.1 | learned LOAO, WER 0.1 |"  # noqa: E501
    lines = [head, "| --- | " + " | ".join(["---"] * 7) + " |"]
    for r in rows:
        fs = f"{r['first_sight'][0]}/{r['first_sight'][1]}" if r["first_sight"] else "–"
        cells = [r["author"], r["items"], fs, r["naive"], r["rules_true"], r["learned_true"]]
        lines.append("| " + " | ".join(map(str, [*cells, r["rules_wer_0.1"], r["learned_wer_0.1"]])) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--loao", action="store_true", help="measure leaving each author out; writes no weights")
    ap.add_argument("--check", action="store_true", help="every dev meeting with the shipped weights and without")
    ap.add_argument("--json", type=Path, help="write the per-author rows here (with --loao)")
    args = ap.parse_args(argv)
    meetings = dev_meetings()
    if args.check:
        print(json.dumps(check(meetings), indent=1))
        return 0
    if args.loao:
        rows = loao(meetings)
        print(table(rows))
        if args.json:
            args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
        return 0
    X, y = [], []
    for d, truth in meetings.values():
        agenda = parse_agenda(d / truth["agenda"]["agenda_file"])
        conds = conditions(truth)
        for c in ("true", "train"):
            Xm, ym = training_rows(agenda, conds[c], truth)
            X += Xm
            y += ym
    model = fit(X, y)
    model.save(learned.WEIGHTS_PATH, sorted(meetings))
    print(f"{len(y)} pairs, {sum(y)} starts, {len(meetings)} dev meetings -> {learned.WEIGHTS_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
