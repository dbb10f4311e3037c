"""Hand-made mixed labels: would the matcher name a label that holds two voices?

The diariser's own mixed labels are few on the dev conversations, so mixes are built from its pure
labels: in each conversation, for every ordered pair of pure labels (>= `PURE` of the label's time
one reader, >= 3 pieces) of which at least one reader is enrolled, the first one's pieces (at most
`MAJOR` of them) and enough of the second one's to make up `SHARES` of the label. The mix replaces
both labels, the rest of the conversation is matched as it is. A mix named after anyone is a name
given to two voices ("named"; "named_minority": after the voice holding the smaller share).
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

import numpy as np

from transcribe.speakers.match import match_speakers
from transcribe.speakers.profiles import Profile, normalise_rows

PURE = 0.95
MAJOR = 8
SHARES = (0.2, 0.33, 0.5)


def purity(item: Any, hyp: Any) -> dict[str, tuple[str, float]]:
    """{label: (the reader holding most of its time, their share of it)}."""
    ref = item.truth()
    out = {}
    for label in hyp.labels:
        mine = hyp.to_annotation().label_timeline(label)
        cover = {who: ref.label_timeline(who).crop(mine).duration() for who in ref.labels()}
        total = sum(cover.values())
        if total > 0:
            who = max(cover, key=cover.__getitem__)
            out[label] = (who, cover[who] / total)
    return out


def mixed_label_figures(labelled: list[Any], profiles: list[Profile], cohort: np.ndarray, **params: Any
                        ) -> dict[str, dict[str, int]]:  # fmt: skip
    """{share: {"mixes", "named", "named_minority", "proposed"}} over the group's conversations."""
    enrolled = {p.name for p in profiles}
    out = {f"{s:g}": Counter() for s in SHARES}
    for lab in labelled:
        pure = [(lb, who) for lb, (who, share) in purity(lab.item, lab.hyp).items()
                if share >= PURE and len(lab.pieces.get(lb, ())) >= 3]  # fmt: skip
        for (a, ra), (b, rb) in itertools.permutations(pure, 2):
            if ra not in enrolled and rb not in enrolled:
                continue
            pa, pb = lab.pieces[a], lab.pieces[b]
            for s in SHARES:
                na = min(len(pa), MAJOR)
                nb = max(1, round(na * s / (1 - s)))
                if nb > len(pb):
                    continue
                mix = np.concatenate([pa[:na], pb[:nb]])
                pieces = {k: v for k, v in lab.pieces.items() if k not in (a, b)} | {"MIX": mix}
                vectors = {k: v for k, v in lab.hyp.embeddings.items() if k not in (a, b)}
                vectors["MIX"] = normalise_rows(mix).mean(axis=0)
                m = match_speakers(vectors, profiles, pieces=pieces, cohort=cohort, **params)["MIX"]
                c = out[f"{s:g}"]
                c["mixes"] += 1
                c["named"] += m.status == "named"
                c["named_minority"] += m.status == "named" and m.name == rb
                c["proposed"] += m.status == "proposed"
    return {k: dict(v) for k, v in out.items()}
