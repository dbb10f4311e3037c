"""The count checked in the PLDA's space over a telephone band: a speaker holding two voices is split.

Over a line average linkage merges voices that the GE2E cosine and the back-ends keep close, and VBx (`vbxrefine`)
keeps the count it is given, so a voice merged into another stays lost. In the PLDA's latent space (`plda.latent`:
the within-speaker spread the identity, the across-speaker one diag(psi)) how one voice varies counts for little, so a
speaker's windows are split in two there (Ward, then k-means) and the split is kept when the parts keep to whole turns
and their means stand apart as two voices by the PLDA.

How far apart two parts stand (`apart`): the two-covariance PLDA's log-likelihood ratio of "two voices" against
"one", each part's evidence counted as at most `Check.cap` windows. Windows of one voice overlap and repeat its few
phrases, so the evidence of many windows is not many times that of a few: counted in full, the larger single voices
scored as two. Capped, the score reads how far apart the parts' means are against how far voices stand. The turn
order moves the bound (`Check.z_gain`): parts in runs of whole turns may stand closer, parts that change from region
to region (one reader's phrases) must stand further apart.

Selectable and off (`ClusterParams.count_llr`): on cached dev telephone calls it found merged voices on the calls it
was fitted on but split a few seconds off a reader on one check call (`data/README.md`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import AgglomerativeClustering

from transcribe.diarize import plda, split, vbxrefine
from transcribe.diarize.clustering import ClusterParams

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Check:
    """When a speaker's split stands (see the module's notes)."""

    cap: float = 8.0  # windows' evidence a part counts at most
    min_llr: float = 85.0  # parts at least this far apart (`apart`) ...
    z_gain: float = 8.0  # ... less this per deviation their regions keep to runs (`split.runs_z` below 0), more above
    min_s: float = 2.5  # seconds of speech each part holds at least
    min_turns: int = 1  # judged turns (speech regions of three windows or more) over the speaker
    min_consistency: float = 0.95  # share of those turns' windows in their turn's majority part


def _log_evidence(n: float, s: np.ndarray, psi: np.ndarray) -> float:
    """log p(n windows with latent sum s | one voice), less the terms every partition shares."""
    return float(np.sum(-0.5 * np.log1p(n * psi) + 0.5 * psi * s**2 / (1.0 + n * psi)))


def apart(a: np.ndarray, b: np.ndarray, psi: np.ndarray, cap: float = 4.0) -> float:
    """PLDA log-likelihood ratio "two voices" over "one" of latent windows `a`, `b`, each counted as `cap` at most."""
    na, nb = min(float(len(a)), cap), min(float(len(b)), cap)
    sa, sb = a.mean(axis=0) * na, b.mean(axis=0) * nb
    return _log_evidence(na, sa, psi) + _log_evidence(nb, sb, psi) - _log_evidence(na + nb, sa + sb, psi)


def two_parts(latent: np.ndarray, iters: int = 10) -> np.ndarray:
    """0/1 labels of a speaker's windows split in two in the PLDA's space: Ward, then k-means from it."""
    part = AgglomerativeClustering(n_clusters=2, linkage="ward").fit_predict(latent)
    for _ in range(iters):
        means = np.stack([latent[part == k].mean(axis=0) for k in (0, 1)])
        new = ((latent[:, None, :] - means[None]) ** 2).sum(axis=-1).argmin(axis=1)
        if len(np.unique(new)) < 2 or np.array_equal(new, part):
            break
        part = new
    return part


def split_voices(latent: np.ndarray, labels: np.ndarray, seconds: np.ndarray, region: np.ndarray, hi: int,
                 psi: np.ndarray, check: Check = Check()) -> np.ndarray:  # fmt: skip
    """Labels with each speaker whose split stands (`Check`) cut in two, largest first, at most `hi` speakers.

    A part is not split again: a voice's part of a few seconds scored as far from the rest of it as two voices do.
    """

    def cut(c: int, idx: np.ndarray) -> np.ndarray | None:
        if float(seconds[idx].sum()) < 2 * check.min_s or len(idx) < 8:
            return None
        part = two_parts(latent[idx])
        if min(float(seconds[idx[part == k]].sum()) for k in (0, 1)) < check.min_s:
            return None
        consistency, turns = split.turn_consistency(part, region[idx])
        z = split.runs_z(part, region[idx])
        llr = apart(latent[idx[part == 0]], latent[idx[part == 1]], psi, check.cap)
        log.debug("speaker %d: parts %d/%d windows, %d turns, consistency %.2f, runs z %.1f, llr %.1f",
                  c, int((part == 0).sum()), int((part == 1).sum()), turns, consistency, z, llr)  # fmt: skip
        if turns < check.min_turns or consistency < check.min_consistency or llr < check.min_llr + check.z_gain * z:
            return None
        return part

    return split.split_largest(labels, seconds, hi, cut, again=False)  # its parts are not tried again


def recount(x: np.ndarray, labels: np.ndarray, seconds: np.ndarray, region: np.ndarray, hi: int, cp: ClusterParams
            ) -> np.ndarray:  # fmt: skip
    """The partition's labels of GE2E windows `x` with merged voices split off (`split_voices` at `cp.count_llr`), VBx
    run again from the new labels (`cp`'s settings) when the count grew; as they are without the shipped PLDA."""
    model = plda.load()
    if cp.count_llr is None or model is None or len(x) < 8:
        return labels
    latent = plda.latent(x, model)
    out = split_voices(latent, labels, seconds, region, hi, model["psi"], Check(min_llr=cp.count_llr))
    if len(np.unique(out)) == len(np.unique(labels)):
        return labels
    if cp.vbx_fa is not None and len(x) >= cp.vbx_min_windows:
        out = vbxrefine.with_params(x, out, cp)
    return out
