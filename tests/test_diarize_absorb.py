"""Small clusters (`transcribe.diarize.absorb`): a person who said a sentence or two stays a speaker when their
voice stands far enough from every kept one; a fragment of a kept voice joins it."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import adjusted_rand_score

from transcribe.diarize.absorb import absorb_small
from transcribe.diarize.clustering import l2, voices_apart
from transcribe.diarize.embedded import Windows

HOP = 0.5


def call(n_small: int, seed: int = 0) -> tuple[Windows, np.ndarray, np.ndarray]:
    """Two voices at length (20 s each) and a third saying `n_small` half-second windows.

    `alike`: windows where the third voice stands close to the first (as raw or fused cosines put voices
    over a line); `apart`: the same windows as a back-end that tells the three apart sees them."""
    rng = np.random.default_rng(seed)
    axes = l2(rng.normal(size=(3, 256)))
    sizes = (40, 40, n_small)
    who = np.repeat(np.arange(3), sizes)
    noise = 0.3 * l2(rng.normal(size=(len(who), 256)))
    apart = l2(axes[who] + noise)
    centre_of = np.array([0, 1, 0])  # the third voice drawn towards the first
    alike = l2(axes[centre_of[who]] + 0.15 * (who == 2)[:, None] * axes[2] + noise)
    start = np.arange(len(who)) * HOP
    return Windows(start, start + 1.5, np.arange(len(who)), alike), who, apart


def test_a_briefly_heard_voice_far_from_every_speaker_stays() -> None:
    w, who, apart = call(6)  # three seconds: under the four the distinct test needs over a line
    kw = {"min_speaker": 6.0, "distinct_s": 4.0, "distinct_cos": 0.8, "voices": w.embedding}
    assert len(np.unique(absorb_small(w, who, **kw))) == 2  # without the faint test: absorbed
    kept = absorb_small(w, who, **kw, faint_s=2.0, faint_cos=0.25, faint_voices=apart)
    assert len(np.unique(kept)) == 3 and adjusted_rand_score(who, kept) == 1.0


def test_a_fragment_of_a_kept_voice_and_a_voice_heard_too_briefly_join_a_speaker() -> None:
    w, who, apart = call(6)
    kw = {"min_speaker": 6.0, "distinct_s": 4.0, "distinct_cos": 0.8, "voices": w.embedding, "faint_s": 2.0}
    labels = np.where(who == 2, 0, who)  # the third voice taken for the first, as clustered here
    labels[:6] = 2  # and three seconds of the first voice clustered on their own
    out = absorb_small(w, labels, **kw, faint_cos=0.25, faint_voices=apart)
    assert len(np.unique(out)) == 2 and adjusted_rand_score(who == 1, out) == 1.0
    w, who, apart = call(3)  # a second and a half: too little to tell, however far apart
    out = absorb_small(w, who, **kw, faint_cos=0.25, faint_voices=apart)
    assert len(np.unique(out)) == 2


def test_the_recount_counts_voices_held_apart_not_pieces_of_one() -> None:
    """`clustering.voices_apart`: the largest cluster, then each one with enough speech that stands apart from
    every voice counted; a piece of a counted voice and a voice heard too briefly are no more voices."""
    w, who, apart = call(6)
    seconds = np.full(len(who), HOP)
    assert voices_apart(apart, who, seconds, min_s=2.0, max_cos=0.35) == 3
    assert voices_apart(apart, who, seconds, min_s=4.0, max_cos=0.35) == 2  # three seconds: too little here
    pieces = who.copy()
    pieces[40:60] = 3  # half of the second voice clustered on its own
    assert voices_apart(apart, pieces, seconds, min_s=2.0, max_cos=0.35) == 3
