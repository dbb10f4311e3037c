"""How far apart a person's own scores and other people's lie, and what the reader pool holds.

Separation: every diarised label with a truth is scored against every profile as the product scores
it (`match.score_labels` on fused normalised scores, the pieces' QUANTILE), each pair a same-person
or a different-person pair. Beside the percentiles, `same_above_every_different` counts the
same-person pairs that lie above the highest different-person score: the pairs any threshold could
name without a single wrong name, whatever other rule stands beside it. `d_prime`: the distance of
the two means in their pooled spread; `auc`: the chance that a same-person pair outscores a
different-person pair; `eer`: the error rate where wrong rejections and wrong acceptances are equal.
`scores_by_enrolment` gives the same figures for profiles of THIN_ENROLMENT_S s or more and of less.

Corpus: the pool (`../shared/data/librispeech-train-clean`) holds one utterance per reader, 1.6-17 s;
the profile bench cuts it at a pause near its middle, so a reader's enrolment is about half of it.
`corpus_facts` lists the seconds each enrolled reader's enrolment holds, and `by_enrolment` splits the
naming figures by it: a reader whose whole utterance is 2.7 s is enrolled from 1.2 s, far from the
30-60 s the README asks of a user.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.stats import rankdata

from transcribe.speakers.match import FUSED, score_labels
from transcribe.speakers.profiles import THIN_ENROLMENT_S, Profile


def pair_scores(labelled: list[Any], profiles: list[Profile], cohort: np.ndarray,
                truth_of: Callable[[Any, Any], dict[str, str]], backend: Any = FUSED
                ) -> list[tuple[float, float, bool, float]]:  # fmt: skip
    """(cosine, normalised score, same person?, the profile's seconds of enrolment) of every label with
    a truth against every profile."""
    pairs = []
    for lab in labelled:
        truth = truth_of(lab.item, lab.hyp)
        labels = [lb for lb in lab.hyp.embeddings if lb in truth]
        vectors = {lb: lab.hyp.embeddings[lb] / np.linalg.norm(lab.hyp.embeddings[lb]) for lb in labels}
        sc = score_labels(labels, vectors, profiles, lab.pieces, cohort, backend=backend)
        for i, lb in enumerate(labels):
            pairs += [(float(sc.raw[i, j]), float(sc.norm[i, j]) if sc.norm is not None else float("nan"),
                       p.name == truth[lb], p.seconds) for j, p in enumerate(profiles)]  # fmt: skip
    return pairs


def _stats(v: np.ndarray) -> dict[str, float]:
    v = v[np.isfinite(v)]
    if not len(v):
        return {}
    q = {f"p{p}": round(float(np.percentile(v, p)), 3) for p in (1, 5, 50, 95, 99)}
    return {"n": len(v), "min": round(float(v.min()), 3), **q, "max": round(float(v.max()), 3)}


def auc_eer(same: np.ndarray, diff: np.ndarray) -> tuple[float, float]:
    """(area under the ROC curve, equal error rate) of same- against different-person scores."""
    ranks = rankdata(np.concatenate([same, diff]))  # ties share their mean rank
    auc = (ranks[: len(same)].sum() - len(same) * (len(same) + 1) / 2) / (len(same) * len(diff))
    cuts = np.unique(np.concatenate([same, diff]))
    miss = np.searchsorted(np.sort(same), cuts, side="left") / len(same)  # same-person scores under the cut
    false = 1 - np.searchsorted(np.sort(diff), cuts, side="left") / len(diff)  # others at or over it
    k = int(np.argmin(np.abs(miss - false)))
    return float(auc), float((miss[k] + false[k]) / 2)


def calibration(pairs: list[tuple[Any, ...]]) -> dict[str, Any]:
    """Percentiles of same- and different-person cosines and normalised scores, and their separation."""
    out: dict[str, Any] = {}
    for k, key in ((0, "cosine"), (1, "normalised")):
        same = np.array([p[k] for p in pairs if p[2]])
        diff = np.array([p[k] for p in pairs if not p[2]])
        out[key] = {"same_person": _stats(same), "different_person": _stats(diff)}
        same, diff = same[np.isfinite(same)], diff[np.isfinite(diff)]
        if len(same) and len(diff):
            spread = np.sqrt(0.5 * (same.var() + diff.var()))
            out[key]["same_above_every_different"] = int((same > diff.max()).sum())
            out[key]["d_prime"] = round(float((same.mean() - diff.mean()) / max(spread, 1e-9)), 3)
            auc, eer = auc_eer(same, diff)
            out[key] |= {"auc": round(auc, 4), "eer": round(eer, 4)}
    return out


def calibration_by_enrolment(pairs: list[tuple[float, float, bool, float]]) -> dict[str, Any]:
    """`calibration` of the pairs with a profile of THIN_ENROLMENT_S s or more, and of less."""
    more, less = [p for p in pairs if p[3] >= THIN_ENROLMENT_S], [p for p in pairs if p[3] < THIN_ENROLMENT_S]
    return {
        f"enrolled_{THIN_ENROLMENT_S:g}s_or_more": calibration(more),
        f"enrolled_under_{THIN_ENROLMENT_S:g}s": calibration(less),
    }


def corpus_facts(profiles: list[Profile]) -> dict[str, Any]:
    """Seconds of speech behind each enrolled reader's profile: the most the one utterance allows."""
    secs = np.array([p.seconds for p in profiles], dtype=float)
    if not len(secs):
        return {}
    return {"enrolment_s": {"min": round(float(secs.min()), 1), "median": round(float(np.median(secs)), 1),
                            "max": round(float(secs.max()), 1)},
            f"enrolled_under_{THIN_ENROLMENT_S:g}s": sorted(p.name for p in profiles if p.seconds < THIN_ENROLMENT_S),
            "utterances_per_reader": 1}  # fmt: skip


def by_enrolment(figures: Callable[..., dict[str, Any]], labelled: list[Any], profiles: list[Profile]
                 ) -> dict[str, Any]:  # fmt: skip
    """Enrolled readers named, split by how much speech their profile holds (all profiles still enrolled:
    only who counts as present changes)."""
    out = {}
    for key, keep in ((f"enrolled_{THIN_ENROLMENT_S:g}s_or_more", lambda s: s >= THIN_ENROLMENT_S),
                      (f"enrolled_under_{THIN_ENROLMENT_S:g}s", lambda s: s < THIN_ENROLMENT_S)):  # fmt: skip
        counted = {p.name for p in profiles if keep(p.seconds)}
        f = figures(labelled, profiles, counted=counted)
        out[key] = {k: f[k] for k in ("enrolled_present", "named_correctly", "named_share", "named_or_proposed_share")}
    return out


CONDITION_KEYS = ("enrolled_present", "named_correctly", "named_share", "wrong_confident_names", "stranger_labels",
                  "strangers_named", "strangers_proposed", "highest_stranger_z")  # fmt: skip


def by_condition(figures: Callable[..., dict[str, Any]], labelled: list[Any], profiles: list[Profile]
                 ) -> dict[str, Any]:  # fmt: skip
    """The naming figures of each recording condition apart (clean, reverb, noise, telephone, far: the last
    part of a conversation's id), every profile enrolled as in the whole run."""
    conditions = sorted({lab.item.id.rsplit("-", 1)[-1] for lab in labelled})
    out = {}
    for cond in conditions:
        f = figures([lab for lab in labelled if lab.item.id.rsplit("-", 1)[-1] == cond], profiles)
        out[cond] = {k: f[k] for k in CONDITION_KEYS}
    return out
