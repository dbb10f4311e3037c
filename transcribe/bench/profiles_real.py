"""Voice profiles on real voices: who is named, who is named wrongly, whether strangers stay anonymous.

Protocol, per group of LibriSpeech conversations (`samples/conversations.py`; dev = readers with
id % 4 == 2, the only voices thresholds were chosen on; held-out = odd id, report only; dev readers
with id % 4 == 0 are the impostor cohort shipped with the product and never appear here). Each
reader's one ~12.5 s utterance is cut at a pause near its middle: the first half is the enrolment,
the second half is all the conversations are built from (a pool of their own, 2-4 min each: a
reader has ~6 s left, so longer ones would only repeat it). Enrolment and test thus never share
speech. Every other reader who appears in the group (sorted by id) is enrolled, the rest are
strangers. The labels the diariser finds in each conversation are matched against those profiles
(`transcribe.speakers.match`, each label's pieces from `speakers.evidence`); a label's truth is the
reader it overlaps most.

- enrolment (`bench.profile_enrolment`): the readers offered for enrolment (every other reader), how many were
  accepted (`profiles.MIN_ENROLMENT_S` s of speech or more), kept weak (they only propose) or refused (under
  `profiles.MIN_VOICE_S`); the enrolment half is embedded as the product embeds a recording (speech only);
- named_share: readers offered for enrolment present in a conversation whom a label names correctly (a
  refused reader counts as present and is never a stranger); named_share_of_accepted: the same among the
  readers whose enrolment was accepted (accepted_present, named_accepted): both denominators, always;
  named_or_proposed_share: ... or, failing that, proposes with their own name ("Anna?");
- wrong_confident_names: labels named as someone they are not (must be 0);
- strangers_named / strangers_proposed: labels of non-enrolled readers given a name / a "Name?";
- anchors: turns moved out of a label because they clearly match another enrolled voice
  (`transcribe.speakers.anchors`, as the product does before matching), and how many of them went
  to their own voice; without_anchors: the figures of the diariser's labels as they came;
- highest_stranger_z: the margin of safety, the normalised score of the most name-like stranger
  label against Z_NAMED;
- previous: the scoring before pieces and cohort (the label's centroid, 0.86 / 0.84, margin 0.05);
- baseline: the naive scoring (profiles as recorded only, 0.87 / 0.78, margin 0.03), same run.
- without_agreement: the product's scoring without the check that a label's pieces agree on one voice
  and hold most of its speech (`speakers.agreement`); mixed_labels / mixed_labels_unchecked:
  hand-made labels of two voices (`bench.mixed_labels`) and how many got a name, with and without it;
- without_strong_scores: the product's scoring without a strong normalised score standing in for the
  cosine (`match.Z_STRONG_RAW`); without_both: neither (the scoring before both were added).
- the product scores each piece both on raw GE2E cosines and through the trained back-end
  (`speakers/backend.py`, fitted on the cohort readers only: `python -m transcribe.bench.train_backend`)
  and averages the two normalised scores (`match.FUSED`); raw_cosines / through_backend: the same
  labels matched in one view alone; previous and baseline use raw GE2E cosines.
- without_short_rules: without the rules for short enrolments (weak profiles, `match.Z_NAMED_THIN`, `..._BRIEF`);
  enrolment_curve (`--enrolment-curve`): the figures with every enrolment cut to its first 1-6 s of speech;
- misses: for each enrolled reader present and not named, the first gate that stopped them
  (`bench.profile_misses`: merged by the diariser, normalised score, cosine, margin, short speech,
  agreement, assignment), counted and listed;
- corpus / by_enrolment: the seconds behind each profile (one utterance per reader, 1.6-17 s, so a
  reader is enrolled from 1.2-9.5 s on dev) and the figures of readers enrolled from 5 s or more apart
  from those under (`bench.profile_separation`); scores: same/different-person separation on the
  product's fused scores; by_condition: the figures of each recording condition apart (clean, reverb,
  noise, telephone, far); `--quick`: these and the baseline only;
- conversations are clustered as the product clusters them: the window cache carries the recording's
  channel measure (`diarize.channel`), so a telephone recording goes through its own clustering.

Before this protocol the enrolled 8 s were also in the conversations (21 of 24 held-out readers named).

`sweep` prints named share and wrong names over a grid of settings: how match.py's constants were
chosen on dev conversations.

    python -m transcribe.bench.profiles_real --group real_dev --count 30 --sweep
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import itertools
import json
import math
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from transcribe.bench.mixed_labels import mixed_label_figures
from transcribe.bench.profile_enrolment import (  # noqa: F401  (reader_parts: read from here by the tests)
    BENCH_DIR,
    NO_SHORT_RULES,
    enrolment_curve,
    enrolment_quality,
    reader_parts,
    reader_profiles,
)
from transcribe.bench.profile_misses import misses

# The bench's voices and conversations (profile_pool.py); named here too, for the benches that read them from here.
from transcribe.bench.profile_pool import (  # noqa: F401
    MINUTES,
    POOL_VERSION,
    bench_items,
    bench_reader,
    build_cohort,
    split_pool,
    write_pool,
)
from transcribe.bench.profile_separation import (
    by_condition,
    by_enrolment,
    calibration,
    calibration_by_enrolment,
    corpus_facts,
    pair_scores,
)
from transcribe.bench.speaker_items import Item
from transcribe.diarize import channel
from transcribe.diarize.base import Diarization
from transcribe.diarize.embedded import EmbeddedDiarizer, Windows
from transcribe.speakers.anchors import Z_TURN, TurnEvidence, split_known_voices, turn_evidence
from transcribe.speakers.cohort import CHANNELS, COHORT_PATH, cohort
from transcribe.speakers.evidence import coverage, label_pieces
from transcribe.speakers.match import (
    MIN_PIECES,
    T_NAMED_FUSED,
    Z_MARGIN_FUSED,
    Z_NAMED_FUSED,
    Z_PROPOSED_FUSED,
    match_speakers,
)
from transcribe.speakers.profiles import Profile, weak

AGREEMENT_OFF = {"agree": 0.0, "split_cos": -1.0, "min_coverage": 0.0}  # pieces need not agree on one voice
UNCHECKED = {**AGREEMENT_OFF, "z_strong": math.inf}  # ... nor a strong normalised score stand in for the cosine
# the scoring before channel variants (raw GE2E cosines, no back-end)
BASELINE = {"t_named": 0.87, "t_proposed": 0.78, "margin": 0.03, "backend": False, **UNCHECKED}
WINDOW_CACHE = BENCH_DIR / "win"
TALKED_S = 10.0  # enrolled readers who spoke this long in a conversation are counted apart too
NO_COHORT = np.zeros((0, len(CHANNELS), 256), np.float32)  # the previous scoring: raw thresholds alone


def as_recorded(profiles: list[Profile]) -> list[Profile]:
    """The same profiles without channel variants: the baseline's view."""
    return [p.model_copy(update={"variants": {}}) for p in profiles]


@dataclass(frozen=True)
class Labelled:
    """One conversation as the matcher sees it: the truth, the diariser's labels, each label's pieces."""

    item: Any
    hyp: Diarization
    pieces: dict[str, np.ndarray]
    line: bool = False  # its speech came through a telephone band (`diarize.channel`), as the product measures it


def label_truth(item: Any, hyp: Diarization) -> dict[str, str]:
    """{label: the true reader it overlaps most}."""
    ref = item.truth()
    out = {}
    for label in hyp.labels:
        mine = hyp.to_annotation().label_timeline(label)
        cover = {who: ref.label_timeline(who).crop(mine).duration() for who in ref.labels()}
        if cover and max(cover.values()) > 0:
            out[label] = max(cover, key=cover.__getitem__)
    return out


def figures(labelled: list[Labelled], profiles: list[Profile], method: str = "pieces",
            counted: set[str] | None = None, offered: Iterable[str] = (), **params: Any) -> dict[str, Any]:  # fmt: skip
    """Naming figures of one scoring over the group's conversations (see the module docstring).

    method "pieces": each label's pieces, normalised against the cohort (the product's scoring);
    "centroid": the label's centroid and raw thresholds alone (the scoring before pieces and cohort).
    `counted`: the enrolled readers whose presence and names count (None: all; every profile is
    still matched, and wrong names and strangers are counted over all labels). `offered`: readers offered
    for enrolment whose enrolment was refused (no profile): present, counted, never strangers.
    """
    enrolled = {p.name for p in profiles} | set(offered)
    counted = enrolled if counted is None else counted & enrolled
    accepted = {p.name for p in profiles if not weak(p)} & counted  # the profiles trusted with a name
    present_accepted = named_accepted = 0
    present = named_right = wrong = strangers = strangers_named = strangers_proposed = 0
    present_talked = named_talked = 0
    stranger_z: list[float] = []  # the normalised score that decided each stranger's label
    proposed = proposed_right = only_proposed = 0
    for lab in labelled:
        item, hyp = lab.item, lab.hyp
        truth_of = label_truth(item, hyp)
        held = {lb: coverage(hyp.turns, lb) for lb in hyp.labels}
        heard = {"pieces": lab.pieces, "cohort": cohort(), "coverage": held, "line": lab.line}
        extra = heard if method == "pieces" else {}
        extra = extra or {"cohort": NO_COHORT}
        matches = match_speakers(hyp, profiles, **extra, **params)
        ref = item.truth()
        present += len(set(ref.labels()) & counted)
        present_accepted += len(set(ref.labels()) & accepted)
        talkers = {who for who in set(ref.labels()) & counted if ref.label_timeline(who).duration() >= TALKED_S}
        present_talked += len(talkers)
        right: dict[str, set[str]] = {"named": set(), "proposed": set()}
        for lb, m in matches.items():
            if m.status in right and truth_of.get(lb) == m.name:
                right[m.status].add(str(m.name))
        named_right += len(right["named"] & counted)
        named_accepted += len(right["named"] & accepted)
        named_talked += len(right["named"] & talkers)
        only_proposed += len((right["proposed"] - right["named"]) & counted)
        for lb, m in matches.items():
            who = truth_of.get(lb)
            wrong += m.status == "named" and m.name != who
            proposed += m.status == "proposed"
            proposed_right += m.status == "proposed" and m.name == who
            if who is not None and who not in enrolled:
                strangers += 1
                strangers_named += m.status == "named"
                strangers_proposed += m.status == "proposed"
                stranger_z += [m.norm] if m.norm is not None else []
    return {"enrolled_present": present, "named_correctly": named_right,
            "named_share": round(named_right / present, 3) if present else None,
            # ... of the readers present whose enrolment was accepted (not weak: `profiles.MIN_ENROLMENT_S`)
            "accepted_present": present_accepted, "named_accepted": named_accepted,
            "named_share_of_accepted": round(named_accepted / present_accepted, 3) if present_accepted else None,
            # ... or, if not named, shown with their own name as a proposal ("Anna?") for the reviewer
            # ... among those who spoke TALKED_S s or more (a name needs two ~3 s pieces of a label's speech)
            f"named_share_{TALKED_S:g}s_or_more": round(named_talked / present_talked, 3) if present_talked else None,
            "named_or_proposed_share": round((named_right + only_proposed) / present, 3) if present else None,
            "wrong_confident_names": wrong, "proposals": proposed, "proposals_right": proposed_right,
            "stranger_labels": strangers, "strangers_named": strangers_named,
            "strangers_proposed": strangers_proposed,
            # the margin of safety: how close the most name-like stranger came to Z_NAMED
            "highest_stranger_z": round(max(stranger_z), 3) if stranger_z else None,
            "strangers_anonymous_share": round(1 - (strangers_named + strangers_proposed) / strangers, 3)
            if strangers else None}  # fmt: skip


def group_readers(labelled: list[Labelled]) -> tuple[list[str], list[str]]:
    """(every reader of the group, the enrolled ones: every other by id)."""
    readers = sorted({r for lab in labelled for r in lab.item.truth().labels()}, key=int)
    return readers, readers[::2]


# before pieces, cohort and back-end
PREVIOUS = {"method": "centroid", "t_named": 0.86, "t_proposed": 0.84, "margin": 0.05, "backend": False, **UNCHECKED}


def profile_scores(labelled: list[Labelled], quick: bool = False
                   ) -> tuple[list[tuple[float, float, bool]], dict[str, Any]]:  # fmt: skip
    """Enrol every other reader of the group and match each conversation's labels against them.

    Returns score pairs for calibration, and the naming figures with the previous scoring's and the
    naive baseline's, all in the same run (`quick`: the product's figures, the split by enrolment and
    the baseline only, without the scorings beside them and the hand-made mixed labels).
    """
    readers, enrolled = group_readers(labelled)
    profiles = reader_profiles(enrolled)
    anchored = [anchor(lab, profiles) for lab in labelled]
    fig = functools.partial(figures, offered=enrolled)  # a refused reader is no stranger
    out = {"enrolled": len(enrolled), "strangers_in_pool": len(readers) - len(enrolled),
           "enrolment": enrolment_quality(enrolled, profiles), **fig(anchored, profiles),
           "thresholds": {"named": T_NAMED_FUSED, "proposed": T_NAMED_FUSED, "z_margin": Z_MARGIN_FUSED,
                          "z_named": Z_NAMED_FUSED, "z_proposed": Z_PROPOSED_FUSED, "min_pieces": MIN_PIECES,
                          "z_turn": Z_TURN},
           "corpus": corpus_facts(profiles), "by_enrolment": by_enrolment(fig, anchored, profiles),
           "by_condition": by_condition(fig, anchored, profiles),
           "baseline": fig(labelled, as_recorded(profiles), method="centroid", **BASELINE)}  # fmt: skip
    if quick:
        return pair_scores(anchored, profiles, cohort(), label_truth), out
    out |= {"raw_cosines": fig(anchored, profiles, backend=False),
           "through_backend": fig(anchored, profiles, backend=True),
           "without_agreement": fig(anchored, profiles, **AGREEMENT_OFF),
           "without_strong_scores": fig(anchored, profiles, z_strong=math.inf),
           "without_short_rules": fig(anchored, profiles, **NO_SHORT_RULES),
           "without_both": fig(anchored, profiles, **UNCHECKED),
           "misses": misses(anchored, profiles, cohort(), label_truth),
           "mixed_labels": mixed_label_figures(anchored, profiles, cohort()),
           "mixed_labels_unchecked": mixed_label_figures(anchored, profiles, cohort(), **AGREEMENT_OFF),
           "anchors": anchor_figures(labelled, anchored),
           "without_anchors": fig(labelled, profiles),
           "previous": fig(labelled, profiles, **PREVIOUS)}  # fmt: skip
    return pair_scores(anchored, profiles, cohort(), label_truth), out


def profile_report(group: str, count: int, labelled: list[Labelled] | None = None, quick: bool = False
                   ) -> dict[str, Any]:  # fmt: skip
    """The voice-profile figures of a group (`transcribe bench`, `python -m transcribe.bench.profiles_real`)."""
    labelled = labelled_group(group, count) if labelled is None else labelled
    if not labelled:
        return {"conversations": 0}
    pairs, report = profile_scores(labelled, quick)
    return {"conversations": len(labelled), "minutes": list(MINUTES), **report, "scores": calibration(pairs),
            "scores_by_enrolment": calibration_by_enrolment(pairs)}  # fmt: skip


def sweep(labelled: list[Labelled], profiles: list[Profile]) -> list[dict[str, Any]]:
    """Named share, wrong names and stranger proposals over a grid of settings (dev data only)."""
    rows = []
    # raw GE2E cosines (backend False, and fused scores) sit near 0.8, cosines through the back-end near 0.4
    grid = [(b, t) for b in (False, "fused") for t in (0.72, 0.75, 0.78)] + [(True, t) for t in (0.26, 0.36, 0.46)]
    for (backend, t_named), z_named in itertools.product(grid, (2.5, 2.75, 3.0, 3.25, 3.5)):
        f = figures(labelled, profiles, z_named=z_named, t_named=t_named, t_proposed=t_named, backend=backend)
        rows.append({"backend": backend, "z_named": z_named, "t_named": t_named,
                     **{k: f[k] for k in ("named_share", "wrong_confident_names", "strangers_named",
                                          "strangers_proposed", "proposals", "proposals_right")}})  # fmt: skip
    return rows


# ----------------------------------------------------------------------------- running on its own


def cached_windows(d: EmbeddedDiarizer, item: Item, digest: str) -> tuple[list[tuple[float, float]], Windows]:
    """The recording's speech regions and windows, with its channel measure (`diarize.channel`) as the
    product's diariser carries it: a telephone recording is clustered as the product clusters it."""
    path = WINDOW_CACHE / f"{item.id}.npz"
    z = dict(np.load(path)) if path.exists() else None
    if z is not None and "sha256" in z and str(z["sha256"]) == digest:
        regions = [(float(a), float(b)) for a, b in z["regions"]]
        if "high_band_db" not in z:  # cached before the channel was measured: measured now, the windows kept
            z["high_band_db"] = channel.measure(item.audio(), regions, d.params.band)
            np.savez(path, **z)
        w = Windows(z["start"], z["end"], z["region"], z["embedding"], float(z["high_band_db"]))
        return regions, w
    regions, w = d.windows(item.audio())
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, regions=np.array(regions), start=w.start, end=w.end, region=w.region, embedding=w.embedding,
             high_band_db=np.float64(w.high_band_db), sha256=digest)  # fmt: skip
    return regions, w


def _pieces(item: Item, hyp: Diarization, digest: str) -> dict[str, np.ndarray]:
    """The labels' piece embeddings (`speakers.evidence`), cached per recording and diarisation."""
    key = hashlib.sha256((digest + hyp.to_json()).encode()).hexdigest()[:16]
    path = BENCH_DIR / "pieces" / f"{item.id}-{key}.npz"
    if path.exists():
        with np.load(path) as z:
            return {k: z[k] for k in z.files}
    found = label_pieces(item.audio(), hyp.turns, hyp.labels)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, **found)
    return found


def _turns(item: Item, hyp: Diarization) -> TurnEvidence:
    """The turns' embeddings (`speakers.anchors`), cached per recording and diarisation."""
    digest = hashlib.sha256(item.audio_path.read_bytes()).hexdigest()
    key = hashlib.sha256((digest + hyp.to_json()).encode()).hexdigest()[:16]
    path = BENCH_DIR / "turns" / f"{item.id}-{key}.npz"
    if path.exists():
        with np.load(path) as z:
            return TurnEvidence([int(i) for i in z["index"]], z["embeddings"])
    found = turn_evidence(item.audio(), hyp.turns)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, index=np.array(found.index, dtype=int), embeddings=found.embeddings)
    return found


def anchor(lab: Labelled, profiles: list[Profile]) -> Labelled:
    """The conversation with enrolled voices split out of labels they share (`speakers.anchors`)."""
    hyp = split_known_voices(lab.hyp, _turns(lab.item, lab.hyp), profiles)
    if hyp is lab.hyp:
        return lab
    digest = hashlib.sha256(lab.item.audio_path.read_bytes()).hexdigest()
    return Labelled(lab.item, hyp, _pieces(lab.item, hyp, digest), lab.line)


def anchor_figures(before: list[Labelled], after: list[Labelled]) -> dict[str, Any]:
    """Turns moved by the anchors: how many, how many seconds, how many belonged to the voice they went to."""
    moved = right = 0
    seconds = 0.0
    for a, b in zip(before, after, strict=True):
        if a.hyp is b.hyp:
            continue
        truth_of = label_truth(b.item, b.hyp)
        ref = b.item.truth()
        for t0, t1 in zip(a.hyp.turns, b.hyp.turns, strict=True):
            if t0.speaker != t1.speaker:
                moved += 1
                seconds += t1.duration
                span = Diarization([t1]).to_annotation().get_timeline()
                cover = {who: ref.label_timeline(who).crop(span).duration() for who in ref.labels()}
                right += bool(cover) and max(cover, key=cover.__getitem__) == truth_of.get(t1.speaker)
    return {
        "conversations_changed": sum(a.hyp is not b.hyp for a, b in zip(before, after, strict=True)),
        "turns_moved": moved,
        "seconds_moved": round(seconds, 1),
        "turns_moved_to_their_voice": right,
    }


def labelled_group(group: str, count: int) -> list[Labelled]:
    """Diarise a group's conversations (free speaker count); embeddings cached across runs."""
    return labelled_items(bench_items(group, count))


def labelled_items(items: Iterable[Item]) -> list[Labelled]:
    """Diarise these conversations as the product does (free speaker count); embeddings cached across runs."""
    d = EmbeddedDiarizer()
    out = []
    for item in items:
        digest = hashlib.sha256(item.audio_path.read_bytes()).hexdigest()  # a regenerated recording is re-embedded
        regions, w = cached_windows(d, item, digest)
        hyp = d.label(regions, w, None, 1, None)
        out.append(Labelled(item, hyp, _pieces(item, hyp, digest), channel.band_limited(w.high_band_db)))
        print(f"{item.id}: {len(hyp.labels)} labels", file=sys.stderr, flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--group", default="real_dev", choices=("real_dev", "real_heldout"))
    ap.add_argument("--count", type=int, default=10)
    ap.add_argument("--sweep", action="store_true", help="threshold grid (dev only: this is how they are chosen)")
    ap.add_argument("--enrolment-curve", action="store_true", help="also with enrolments cut to 2-5 s")
    ap.add_argument("--quick", action="store_true", help="the product's figures and the baseline only (iteration)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--build-cohort", action="store_true", help=f"rebuild {COHORT_PATH.name} from the cohort readers")
    ns = ap.parse_args(argv)
    if ns.build_cohort:
        print(build_cohort())
        return 0
    if ns.sweep and ns.group != "real_dev":
        ap.error("--sweep chooses thresholds: dev conversations only")
    labelled = labelled_group(ns.group, ns.count)
    report = profile_report(ns.group, ns.count, labelled, ns.quick)
    if ns.sweep:
        profiles = reader_profiles(group_readers(labelled)[1])
        report["sweep"] = sweep([anchor(lab, profiles) for lab in labelled], profiles)  # as the product sees them
        for r in report["sweep"]:
            print(" ".join(f"{k}={v}" for k, v in r.items()))
    if ns.enrolment_curve:
        enrolled = group_readers(labelled)[1]
        profiles = reader_profiles(enrolled)
        report["enrolment_curve"] = enrolment_curve(
            [anchor(lab, profiles) for lab in labelled],
            enrolled,
            functools.partial(figures, offered=enrolled),
            label_truth,
        )
    if ns.json:
        ns.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "sweep"}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
