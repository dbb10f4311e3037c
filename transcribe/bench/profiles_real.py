"""Voice profiles on real voices: who is named, who is named wrongly, whether strangers stay anonymous.

Protocol, per group of LibriSpeech conversations (`samples/conversations.py`; dev = even reader id,
the only voices thresholds were chosen on; held-out = odd id, report only): every other reader who
appears in the group (sorted by id) is enrolled from the first `ENROL_S` seconds of their own clean
utterance, the rest are strangers. The labels the diariser finds in each conversation are matched
against those profiles (`transcribe.speakers.match`); a label's truth is the reader it overlaps most.

- named_share: enrolled readers present in a conversation whom a label names correctly;
  named_or_proposed_share: ... or, failing that, proposes with their own name ("Anna?");
- wrong_confident_names: labels named as someone they are not (must be 0);
- strangers_named / strangers_proposed: labels of non-enrolled readers given a name / a "Name?";
- baseline: the previous scoring in the same run (profiles as recorded only, thresholds 0.87/0.78,
  margin 0.03).

Caveat: each reader has one ~12.5 s utterance, so the 8 s enrolled are also among the phrases the
conversation is built from (there under the conversation's condition, level and overlaps). Enrolment
and test are not independent recordings; what the figures do measure is the channel mismatch
(clean enrolment against telephone, rooms, noise, a far speaker) and the diariser's labels.

`sweep` prints named share and wrong names over thresholds and margins: how match.py's constants
were chosen on dev conversations.

    python -m transcribe.bench.profiles_real --group real_dev --count 30 --sweep
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from transcribe.audio import Audio
from transcribe.bench.core import SAMPLES_DIR
from transcribe.bench.speaker_items import conversations, items
from transcribe.diarize.base import Diarization
from transcribe.diarize.embedded import EmbeddedDiarizer, Windows
from transcribe.speakers.match import MARGIN, T_NAMED, T_PROPOSED, match_speakers, score_matrix
from transcribe.speakers.profiles import Profile, embed_voice

ENROL_S = 8.0  # seconds of a reader's own utterance enrolled as their voice profile
BASELINE = {"t_named": 0.87, "t_proposed": 0.78, "margin": 0.03}  # the scoring before channel variants
WINDOW_CACHE = SAMPLES_DIR / "cache" / "profile-bench" / "win"


def reader_profiles(readers: Iterable[str], root: Path | None = None) -> list[Profile]:
    """One profile per reader from the first `ENROL_S` seconds of their own (clean) utterance."""
    conv = conversations()
    paths = dict(conv.readers(root))
    out = []
    with tempfile.TemporaryDirectory(prefix="bench-enrol-") as tmp:
        for rid in readers:
            x = conv.load_flac(paths[rid])[: int(ENROL_S * conv.SR)]
            audio = Audio.from_array(x, Path(tmp) / rid)
            voice = embed_voice(audio, [(0.0, audio.duration)])
            variants = {k: v.tolist() for k, v in voice.variants.items()}
            out.append(Profile(name=rid, embeddings=voice.vectors.tolist(), n_samples=len(voice.vectors),
                               seconds=voice.seconds, variants=variants))  # fmt: skip
    return out


def as_recorded(profiles: list[Profile]) -> list[Profile]:
    """The same profiles without channel variants: the baseline's view."""
    return [p.model_copy(update={"variants": {}}) for p in profiles]


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


def figures(labelled: list[tuple[Any, Diarization]], profiles: list[Profile], **thresholds: float) -> dict[str, Any]:
    """Naming figures of one scoring over the group's conversations (see the module docstring)."""
    enrolled = {p.name for p in profiles}
    present = named_right = wrong = strangers = strangers_named = strangers_proposed = 0
    proposed = proposed_right = only_proposed = 0
    for item, hyp in labelled:
        truth_of = label_truth(item, hyp)
        matches = match_speakers(hyp, profiles, **thresholds)
        present += len(set(item.truth().labels()) & enrolled)
        right: dict[str, set[str]] = {"named": set(), "proposed": set()}
        for lb, m in matches.items():
            if m.status in right and truth_of.get(lb) == m.name:
                right[m.status].add(str(m.name))
        named_right += len(right["named"])
        only_proposed += len(right["proposed"] - right["named"])
        for lb, m in matches.items():
            who = truth_of.get(lb)
            wrong += m.status == "named" and m.name != who
            proposed += m.status == "proposed"
            proposed_right += m.status == "proposed" and m.name == who
            if who is not None and who not in enrolled:
                strangers += 1
                strangers_named += m.status == "named"
                strangers_proposed += m.status == "proposed"
    return {"enrolled_present": present, "named_correctly": named_right,
            "named_share": round(named_right / present, 3) if present else None,
            # ... or, if not named, shown with their own name as a proposal ("Anna?") for the reviewer
            "named_or_proposed_share": round((named_right + only_proposed) / present, 3) if present else None,
            "wrong_confident_names": wrong, "proposals": proposed, "proposals_right": proposed_right,
            "stranger_labels": strangers, "strangers_named": strangers_named,
            "strangers_proposed": strangers_proposed,
            "strangers_anonymous_share": round(1 - (strangers_named + strangers_proposed) / strangers, 3)
            if strangers else None}  # fmt: skip


def group_readers(labelled: list[tuple[Any, Diarization]]) -> tuple[list[str], list[str]]:
    """(every reader of the group, the enrolled ones: every other by id)."""
    readers = sorted({r for item, _ in labelled for r in item.truth().labels()}, key=int)
    return readers, readers[::2]


def pair_scores(labelled: list[tuple[Any, Diarization]], profiles: list[Profile]) -> list[tuple[float, bool]]:
    """(score, same person?) of every label with a truth against every profile, as match.py scores them."""
    pairs = []
    for item, hyp in labelled:
        truth_of = label_truth(item, hyp)
        labels = [lb for lb in hyp.embeddings if lb in truth_of]
        vectors = {lb: hyp.embeddings[lb] / np.linalg.norm(hyp.embeddings[lb]) for lb in labels}
        scores = score_matrix(labels, vectors, profiles)
        for i, lb in enumerate(labels):
            pairs += [(float(scores[i, j]), p.name == truth_of[lb]) for j, p in enumerate(profiles)]
    return pairs


def profile_scores(labelled: list[tuple[Any, Diarization]]) -> tuple[list[tuple[float, bool]], dict[str, Any]]:
    """Enrol every other reader of the group and match each conversation's labels against them.

    Returns (score, same person?) pairs for calibration, and the naming figures with the baseline's.
    """
    readers, enrolled = group_readers(labelled)
    profiles = reader_profiles(enrolled)
    out = {"enrolled": len(enrolled), "strangers_in_pool": len(readers) - len(enrolled),
           **figures(labelled, profiles),
           "thresholds": {"named": T_NAMED, "proposed": T_PROPOSED, "margin": MARGIN},
           "baseline": figures(labelled, as_recorded(profiles), **BASELINE)}  # fmt: skip
    return pair_scores(labelled, profiles), out


def calibration(pairs: list[tuple[float, bool]]) -> dict[str, Any]:
    same = np.array([s for s, ok in pairs if ok])
    diff = np.array([s for s, ok in pairs if not ok])

    def stats(v: np.ndarray) -> dict[str, float]:
        if not len(v):
            return {}
        q = {f"p{p}": round(float(np.percentile(v, p)), 3) for p in (1, 5, 50, 95, 99)}
        return {"n": len(v), "min": round(float(v.min()), 3), **q, "max": round(float(v.max()), 3)}

    return {"same_person": stats(same), "different_person": stats(diff)}


def sweep(labelled: list[tuple[Any, Diarization]], profiles: list[Profile]) -> list[dict[str, Any]]:
    """Named share, wrong names and stranger proposals over a grid of thresholds (dev data only)."""
    rows = []
    for margin in (0.0, 0.03, 0.05, 0.08):
        for t_named in (0.82, 0.84, 0.86, 0.88, 0.90):
            for t_proposed in (0.78, 0.80, 0.82):
                f = figures(labelled, profiles, t_named=t_named, t_proposed=min(t_proposed, t_named), margin=margin)
                rows.append({"margin": margin, "t_named": t_named, "t_proposed": t_proposed,
                             **{k: f[k] for k in ("named_share", "wrong_confident_names", "strangers_proposed",
                                                  "proposals", "proposals_right")}})  # fmt: skip
    return rows


# ----------------------------------------------------------------------------- running on its own


def labelled_group(group: str, count: int) -> list[tuple[Any, Diarization]]:
    """Diarise a group's conversations (free speaker count); window embeddings cached across runs."""
    d = EmbeddedDiarizer()
    out = []
    for item in items(group, count):
        path = WINDOW_CACHE / f"{item.id}.npz"
        digest = hashlib.sha256(item.audio_path.read_bytes()).hexdigest()  # a regenerated recording is re-embedded
        z = np.load(path) if path.exists() else None
        if z is not None and "sha256" in z and str(z["sha256"]) == digest:
            regions = [(float(a), float(b)) for a, b in z["regions"]]
            w = Windows(z["start"], z["end"], z["region"], z["embedding"])
        else:
            regions, w = d.windows(item.audio())
            path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(path, regions=np.array(regions), start=w.start, end=w.end, region=w.region, embedding=w.embedding,
                     sha256=digest)  # fmt: skip
        out.append((item, d.label(regions, w, None, 1, None)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--group", default="real_dev", choices=("real_dev", "real_heldout"))
    ap.add_argument("--count", type=int, default=10)
    ap.add_argument("--sweep", action="store_true", help="threshold grid (dev only: this is how they are chosen)")
    ap.add_argument("--json", type=Path)
    ns = ap.parse_args(argv)
    if ns.sweep and ns.group != "real_dev":
        ap.error("--sweep chooses thresholds: dev conversations only")
    labelled = labelled_group(ns.group, ns.count)
    pairs, report = profile_scores(labelled)
    report["scores"] = calibration(pairs)
    if ns.sweep:
        report["sweep"] = sweep(labelled, reader_profiles(group_readers(labelled)[1]))
        for r in report["sweep"]:
            print(" ".join(f"{k}={v}" for k, v in r.items()))
    if ns.json:
        ns.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "sweep"}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
