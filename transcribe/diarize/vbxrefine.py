"""VBx re-clustering of the partition (Landini et al. 2022, "Bayesian HMM clustering of x-vector sequences"):
pyannote.audio's `VBx` over the windows in a PLDA space (`plda`), started from the diariser's own labels.

Each speaker is a Gaussian in the PLDA's latent space whose mean has the across-speaker prior diag(psi); each
window's responsibilities and each speaker's mean and weight are updated in turn (variational Bayes). `fa` scales
the windows' evidence (overlapping 1.5 s windows are far from independent, so it is well under 1), `fb` the
speakers' prior: the larger, the more a speaker with little evidence gives up its windows. pyannote's VBx has no
HMM over time (its `loopP`): the turns come in through the partition it starts from and the smoothing after it.
A speaker whose weight falls to nothing is gone; `refine` keeps the count it is given unless told otherwise.

pyannote.audio's package itself loads torch, Lightning and its pipelines (15-30 s on a loaded machine); only its
numerical module `utils/vbx.py` (numpy and scipy) is needed, and it is loaded alone from the installed package.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import io
from types import ModuleType

import numpy as np

from transcribe.diarize import plda
from transcribe.diarize.clustering import ClusterParams


@functools.cache
def vbx_module() -> ModuleType | None:
    """pyannote.audio's `utils/vbx.py`, loaded on its own; None where pyannote.audio is not installed."""
    spec = importlib.util.find_spec("pyannote.audio")  # finds the package without running its __init__
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        path = f"{root}/utils/vbx.py"
        one = importlib.util.spec_from_file_location("_pyannote_vbx", path)
        if one is None or one.loader is None:
            continue
        mod = importlib.util.module_from_spec(one)
        try:
            one.loader.exec_module(mod)
        except OSError:
            continue
        return mod
    return None


def refine(x: np.ndarray, labels: np.ndarray, model: dict[str, np.ndarray] | None, fa: float, fb: float,
           iters: int = 20, smoothing: float = 7.0, keep_count: bool = True,
           groups: list[np.ndarray] | None = None) -> np.ndarray:  # fmt: skip
    """Labels 0..k-1 of windows `x` (GE2E) after VBx started from `labels`; `labels` as they are without a model.

    `keep_count`: when VBx lets a speaker go, the labels as they were (the count was decided before).
    `groups`: runs of windows VBx takes as one (their mean, their most common label), each window then its run's.
    """
    labels = np.unique(labels, return_inverse=True)[1]
    mod = vbx_module()
    k = int(labels.max()) + 1 if len(labels) else 0
    if model is None or mod is None or k < 2:
        return labels
    if groups is not None:
        items = np.stack([x[g].mean(axis=0) for g in groups])
        start = np.array([np.bincount(labels[g], minlength=k).argmax() for g in groups])
        out = refine(items, start, model, fa, fb, iters, smoothing, keep_count)
        if len(np.unique(start)) < k or np.array_equal(out, np.unique(start, return_inverse=True)[1]):
            return labels  # no run moved (or a speaker held no run of its own): the windows' labels as they were
        full = np.empty(len(x), dtype=int)
        for g, lab in zip(groups, out, strict=True):
            full[g] = lab
        return np.unique(full, return_inverse=True)[1]
    fea = plda.latent(x, model)
    with contextlib.redirect_stdout(io.StringIO()):  # it prints a warning when its bound falls by rounding
        gamma, pi = mod.cluster_vbx(labels, fea, model["psi"], Fa=fa, Fb=fb, maxIters=iters, init_smoothing=smoothing)
    kept = np.flatnonzero(pi > 1e-7)
    new = kept[gamma[:, kept].argmax(axis=1)]
    if keep_count and len(np.unique(new)) < k:
        return labels
    return np.unique(new, return_inverse=True)[1]


def with_params(x: np.ndarray, labels: np.ndarray, cp: ClusterParams, groups: list[np.ndarray] | None = None
                ) -> np.ndarray:  # fmt: skip
    """`refine` with the shipped PLDA and the settings of `cp` (`ClusterParams.vbx_fa` and the fields after it)."""
    return refine(x, labels, plda.load(), cp.vbx_fa, cp.vbx_fb, smoothing=cp.vbx_smoothing,
                  keep_count=cp.vbx_keep_count, groups=groups)  # fmt: skip
