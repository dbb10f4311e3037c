"""A PLDA model of GE2E windows for VBx (`vbxrefine`), in the two files' layout pyannote's `vbx_setup` reads.

The x-vector transform (`mean1`, `lda`, `mean2`): a window is centred on the training mean, scaled to length
sqrt(D), projected by LDA to `dims` directions, centred again and scaled to length sqrt(dims). The PLDA (`mu`, `tr`,
`psi`): in that space, `tr` maps the within-speaker covariance to the identity and the across-speaker covariance to
diag(`psi`) (two-covariance model). Both are fitted on windows labelled by reader (`fit`); one npz holds all six
arrays (float32), no pickled code, and `vbx_setup` reads it twice, once as the transform and once as the PLDA.
The diariser's own is `data/telephone_plda.npz`, fitted on dev cohort readers' windows over the telephone line
(`python -m transcribe.bench.train_backend --plda`).
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
from scipy.linalg import eigh

from transcribe.speakers.backend import unit_rows

TELEPHONE_PLDA = Path(__file__).resolve().parent / "data" / "telephone_plda.npz"


def _scatter(x: np.ndarray, who: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(within-class covariance, across-class covariance of the class means) of rows `x` labelled `who`."""
    ids, inv = np.unique(who, return_inverse=True)
    means = np.stack([x[inv == k].mean(axis=0) for k in range(len(ids))])
    within = x - means[inv]
    centred = means - means.mean(axis=0)
    return within.T @ within / len(x), centred.T @ centred / len(ids)


def transform(x: np.ndarray, model: dict[str, np.ndarray]) -> np.ndarray:
    """The x-vector transform (the same as `vbx_setup`'s): rows of length sqrt(dims)."""
    mean1, lda, mean2 = model["mean1"], model["lda"], model["mean2"]
    y = np.sqrt(lda.shape[0]) * unit_rows(np.asarray(x, dtype=np.float64) - mean1)
    return np.sqrt(lda.shape[1]) * unit_rows(y @ lda - mean2)


def fit(x: np.ndarray, who: np.ndarray, dims: int = 40, shrink: float = 0.05) -> dict[str, np.ndarray]:
    """The transform and the PLDA fitted on GE2E windows `x` labelled by speaker `who`.

    `dims`: LDA directions kept (no more than the speakers less one carry any across-speaker variance);
    `shrink`: the within-speaker covariance blended with a multiple of the identity before LDA.
    """
    x = unit_rows(np.asarray(x, dtype=np.float64))
    who = np.asarray(who)
    dims = min(dims, len(np.unique(who)) - 1, x.shape[1])
    mean1 = x.mean(axis=0)
    y = np.sqrt(x.shape[1]) * unit_rows(x - mean1)
    sw, sb = _scatter(y, who)
    sw = (1 - shrink) * sw + shrink * np.trace(sw) / len(sw) * np.eye(len(sw))
    _, vecs = eigh(sb, sw)
    lda = vecs[:, ::-1][:, :dims]
    z = y @ lda
    mean2 = z.mean(axis=0)
    model = {"mean1": mean1, "lda": lda, "mean2": mean2}
    z = transform(x, model)
    mu = z.mean(axis=0)
    w, b = _scatter(z, who)
    psi, v = eigh(b, w)  # v.T @ w @ v = I, v.T @ b @ v = diag(psi)
    order = np.argsort(psi)[::-1]
    model.update(mu=mu, tr=v[:, order].T, psi=np.maximum(psi[order], 1e-6))
    return {k: np.asarray(a, dtype=np.float32) for k, a in model.items()}


def latent(x: np.ndarray, model: dict[str, np.ndarray]) -> np.ndarray:
    """Windows in the PLDA's latent space: within-speaker covariance the identity, across diag(psi)."""
    return (transform(x, model) - model["mu"]) @ model["tr"].T.astype(np.float64)


def llr(a: np.ndarray, b: np.ndarray, psi: np.ndarray) -> np.ndarray:
    """Log-likelihood ratio same/different speaker of latent rows `a` and `b` (two-covariance PLDA)."""
    p = np.asarray(psi, dtype=np.float64)
    tot = p + 1.0
    # joint covariance per dimension: same [[tot, p], [p, tot]], different [[tot, 0], [0, tot]]
    det = tot**2 - p**2
    same = -0.5 * ((tot * (a**2 + b**2) - 2 * p * a * b) / det + np.log(det))
    diff = -0.5 * ((a**2 + b**2) / tot + 2 * np.log(tot))
    return np.sum(same - diff, axis=-1)


def save(model: dict[str, np.ndarray], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez_compressed(tmp, **{k: np.asarray(a, dtype=np.float32) for k, a in model.items()})
    tmp.replace(path)
    return path


@functools.cache
def load(path: Path = TELEPHONE_PLDA) -> dict[str, np.ndarray] | None:
    """The six arrays of a saved model; None when the file is missing or unreadable."""
    try:
        with np.load(path) as z:
            return {k: z[k].astype(np.float64) for k in ("mean1", "lda", "mean2", "mu", "tr", "psi")}
    except (OSError, KeyError, ValueError):
        return None
