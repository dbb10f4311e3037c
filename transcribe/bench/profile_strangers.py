"""The tail of strangers' scores, measured on hundreds of trials instead of a handful.

The profile benches enrol every other dev reader by id, so each conversation holds the same few pairs of
profile and stranger: a threshold chosen on them leaves a margin over a handful of strangers. Here the dev
readers are enrolled in rotation: each seed enrols another random half of the group's readers (seed 0: the
bench's own half, every other by id), the rest are strangers, and every conversation is matched again as the
product matches it (anchors, pieces, fused scores; `profiles_real.figures`). The conversations are the
one-meeting bench's and the growth bench's two meetings (`--growth`), all dev.

Reported per seed and summed: names right, wrong names, strangers named and proposed, and the tail of the
normalised scores that decided the strangers' labels (the 95th, 99th and 99.5th percentiles and the
highest), apart for profiles that name (accepted) and weak ones; `worst`: the most name-like strangers and
wrong names, with the profile's seconds and the channel, to read what kind of voice reaches the bar.

    python -m transcribe.bench.profile_strangers --seeds 6 --growth
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from transcribe.bench.profile_enrolment import reader_profiles
from transcribe.bench.profile_growth import label_matches, meeting_items
from transcribe.bench.profiles_real import Labelled, anchor, figures, label_truth, labelled_group, labelled_items
from transcribe.speakers.profiles import Profile, weak

TOTALS = ("enrolled_present", "named_correctly", "wrong_confident_names", "stranger_labels", "strangers_named",
          "strangers_proposed", "proposals", "proposals_right")  # fmt: skip


def rotation(readers: list[str], seed: int) -> list[str]:
    """The readers enrolled in one rotation: seed 0 the bench's own half (every other by id), else a random half."""
    if seed == 0:
        return readers[::2]
    order = np.random.default_rng(seed).permutation(len(readers))
    return sorted((readers[i] for i in order[: len(readers) // 2]), key=int)


def trials(labelled: list[Labelled], profiles: list[Profile], enrolled: set[str], **params: Any) -> list[dict]:
    """Every label with a truth, matched as the product matches it: whose it is, what it got, how clearly."""
    by_name = {p.name: p for p in profiles}
    out = []
    for lab in labelled:
        truth_of = label_truth(lab.item, lab.hyp)
        for label, m in label_matches(lab, profiles, **params).items():
            who = truth_of.get(label)
            if who is None or m.name is None and m.norm is None:
                continue
            p = by_name.get(m.name) if m.name else None
            out.append({"item": lab.item.id, "label": label, "truth": who, "stranger": who not in enrolled,
                        "status": m.status, "name": m.name, "z": m.norm, "pieces": m.pieces, "line": lab.line,
                        "profile_s": None if p is None else round(p.seconds, 1),
                        "weak": None if p is None else weak(p, lab.line)})  # fmt: skip
    return out


def tail(z: list[float]) -> dict[str, Any]:
    v = np.array([x for x in z if x is not None and np.isfinite(x)])
    if not len(v):
        return {"n": 0}
    q = {f"p{p:g}": round(float(np.percentile(v, p)), 2) for p in (95, 99, 99.5)}
    return {"n": len(v), **q, "max": round(float(v.max()), 2)}


def stranger_report(labelled: list[Labelled], seeds: int, **params: Any) -> dict[str, Any]:
    """Figures and the stranger tail over `seeds` rotations of the enrolled half (see the module docstring)."""
    readers = sorted({r for lab in labelled for r in lab.item.truth().labels()}, key=int)
    per_seed, totals, all_trials = [], dict.fromkeys(TOTALS, 0), []
    for seed in range(seeds):
        enrolled = rotation(readers, seed)
        profiles = reader_profiles(enrolled)
        anchored = [anchor(lab, profiles) for lab in labelled]
        f = figures(anchored, profiles, offered=enrolled, **params)
        per_seed.append({"seed": seed, **{k: f[k] for k in TOTALS}, "highest_stranger_z": f["highest_stranger_z"]})
        totals = {k: totals[k] + f[k] for k in TOTALS}
        all_trials += [{"seed": seed, **t} for t in trials(anchored, profiles, set(enrolled), **params)]
        print(f"seed {seed}: {per_seed[-1]}", file=sys.stderr, flush=True)
    strangers = [t for t in all_trials if t["stranger"]]
    wrong = [t for t in all_trials if t["status"] == "named" and t["name"] != t["truth"]]
    return {"seeds": seeds, "totals": totals, "per_seed": per_seed,
            "stranger_tail": {"all": tail([t["z"] for t in strangers]),
                              "accepted_profile": tail([t["z"] for t in strangers if t["weak"] is False]),
                              "weak_profile": tail([t["z"] for t in strangers if t["weak"]])},
            "worst": sorted(strangers, key=lambda t: -(t["z"] or -99))[:8] + wrong, "trials": all_trials}  # fmt: skip


def dev_conversations(count: int, growth: int) -> list[Labelled]:
    """The one-meeting bench's dev conversations and, with `growth`, that many of the growth bench's two meetings."""
    out = labelled_group("real_dev", count)
    for meeting in ("m1", "m2") if growth else ():
        out += labelled_items(meeting_items("real_dev", growth, meeting))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=30)
    ap.add_argument("--growth", type=int, default=10, help="growth bench conversations too (0: none)")
    ap.add_argument("--seeds", type=int, default=6)
    ap.add_argument("--json", type=Path)
    ns = ap.parse_args(argv)
    report = stranger_report(dev_conversations(ns.count, ns.growth), ns.seeds)
    if ns.json:
        ns.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k not in ("worst", "trials")}, indent=1))
    for t in report["worst"]:
        print(t)
    return 0


if __name__ == "__main__":
    sys.exit(main())
