"""Why an enrolled reader was not named: the first gate of the matcher that stopped them.

For each enrolled reader present in a conversation and not named by any label, the reader's own
label (the one whose time is mostly theirs) is scored as the matcher scores it (`match.score_labels`,
the product's fused scores) and checked gate by gate, in this order:

- merged: no label is mostly theirs (the diariser put their speech under someone else's label);
- weak: the profile holds under `profiles.MIN_ENROLMENT_S` s of speech and the score is under Z_NAMED_WEAK (or the
  profile under `profiles.BRIEF_ENROLMENT_S` s), so it at most proposes;
- z: the label's normalised score with their profile under Z_NAMED_FUSED;
- cos: its raw cosine under T_NAMED_FUSED;
- margin: another profile's normalised score within Z_MARGIN_FUSED;
- thin: the profile holds under THIN_ENROLMENT_S s of speech and the score is under Z_NAMED_THIN (under
  BRIEF_ENROLMENT_S s: Z_NAMED_BRIEF);
- line: the meeting came through a telephone band and the score is under Z_NAMED_LINE;
- short: fewer than MIN_PIECES pieces of speech, scored under Z_SHORT_FUSED;
- agreement: its pieces do not agree on one voice, or hold too little of its speech (`agreement.py`);
- assignment: every gate passed, yet the one-to-one pairing gave the profile to another label.

A reader with several labels of their own counts once, by the label that came closest to a name.
`within_reach`: the misses (merged ones aside) whose own score lies above every other person's score in the
group (every label with a truth against every profile not its reader's, `highest_other_z`): only those could a
threshold or a gate name without a wrong name; the rest need better evidence, not other settings.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np

from transcribe.speakers.agreement import AGREE, MIN_COVERAGE, SPLIT_COS
from transcribe.speakers.evidence import coverage
from transcribe.speakers.match import (
    FUSED,
    MIN_PIECES,
    T_NAMED_FUSED,
    Z_MARGIN_FUSED,
    Z_NAMED_BRIEF,
    Z_NAMED_FUSED,
    Z_NAMED_LINE,
    Z_NAMED_THIN,
    Z_NAMED_WEAK,
    Z_SHORT_FUSED,
    match_speakers,
    score_labels,
)
from transcribe.speakers.profiles import Profile, brief_enrolment, thin, weak

GATES = ("merged", "weak", "z", "cos", "margin", "thin", "line", "short", "agreement", "assignment")


def _gate(z: np.ndarray, raw: np.ndarray, j: int, pieces: int, share: float, split: float, held: float,
          floor: float = Z_NAMED_FUSED, line: bool = False) -> str:  # fmt: skip
    others = np.delete(z, j)
    if z[j] < Z_NAMED_FUSED:
        return "z"
    if raw[j] < T_NAMED_FUSED:
        return "cos"
    if others.size and z[j] - others.max() < Z_MARGIN_FUSED:
        return "margin"
    if z[j] < floor:  # a profile of a few words needs a clearer score
        return "thin"
    if line and z[j] < Z_NAMED_LINE:  # so does a meeting heard through a telephone band
        return "line"
    if 0 < pieces < MIN_PIECES and z[j] < Z_SHORT_FUSED:
        return "short"
    if share < AGREE or split < SPLIT_COS or held < MIN_COVERAGE:
        return "agreement"
    return "assignment"


def misses(labelled: list[Any], profiles: list[Profile], cohort: np.ndarray, truth_of: Any) -> dict[str, Any]:
    """{"gates": {gate: readers}, "rows": [one line per miss]} over the group's conversations;
    `truth_of(item, hyp)` gives {label: the reader it holds most}."""
    names = [p.name for p in profiles]
    gates: Counter[str] = Counter({g: 0 for g in GATES})
    rows = []
    missed: list[float] = []  # each miss's own score (merged ones aside)
    others = -np.inf  # the highest score of any label with a profile not its reader's
    for lab in labelled:
        hyp = lab.hyp
        truth = truth_of(lab.item, hyp)
        held = {lb: coverage(hyp.turns, lb) for lb in hyp.labels}
        line = getattr(lab, "line", False)  # heard through a telephone band (hand-made ones carry no measure)
        matches = match_speakers(hyp, profiles, pieces=lab.pieces, cohort=cohort, coverage=held, line=line)
        labels = sorted(matches)
        vectors = {lb: np.asarray(hyp.embeddings[lb], np.float32) for lb in labels}
        vectors = {lb: v / np.linalg.norm(v) for lb, v in vectors.items()}
        sc = score_labels(labels, vectors, profiles, lab.pieces, cohort, backend=FUSED)
        present = set(lab.item.truth().labels()) & set(names)
        for i, lb in enumerate(labels):
            if sc.norm is not None and lb in truth:
                others = max(others, max((float(z) for z, n in zip(sc.norm[i], names, strict=True) if n != truth[lb]),
                                         default=-np.inf))  # fmt: skip
        for reader in sorted(present, key=str):
            own = [i for i, lb in enumerate(labels) if truth.get(lb) == reader]
            if any(matches[labels[i]].status == "named" and matches[labels[i]].name == reader for i in own):
                continue
            j = names.index(reader)
            if not own or sc.norm is None:
                gates["merged"] += 1
                rows.append(f"{lab.item.id} {reader}: merged")
                continue
            i = max(own, key=lambda k: sc.norm[k, j])
            p = profiles[j]
            if weak(p, line) and (brief_enrolment(p, line) or sc.norm[i, j] < Z_NAMED_WEAK):  # only proposes
                gates["weak"] += 1
                missed.append(float(sc.norm[i, j]))
                rows.append(f"{lab.item.id} {reader}: weak ({profiles[j].seconds:.1f} s, z {sc.norm[i, j]:.2f}, "
                            f"{matches[labels[i]].status})")  # fmt: skip
                continue
            share = 1.0 if sc.support is None else float(sc.support[i, j])
            floor = Z_NAMED_BRIEF if brief_enrolment(p, line) else Z_NAMED_THIN if thin(p, line) else -np.inf
            gate = _gate(sc.norm[i], sc.raw[i], j, int(sc.pieces[i]), share, float(sc.split[i]), held[labels[i]],
                         floor, line)  # fmt: skip
            gates[gate] += 1
            missed.append(float(sc.norm[i, j]))
            rows.append(f"{lab.item.id} {reader}: {gate} (z {sc.norm[i, j]:.2f}, cos {sc.raw[i, j]:.3f}, "
                        f"{int(sc.pieces[i])} pieces, {matches[labels[i]].status})")  # fmt: skip
    return {"gates": dict(gates), "within_reach": sum(z > others for z in missed),
            "highest_other_z": round(others, 3) if np.isfinite(others) else None, "rows": rows}  # fmt: skip
