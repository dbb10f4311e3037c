"""The order of the agenda items in the meeting: the best increasing sequence of starts, with an
item or two taken out of order where that explains the evidence better.

B[k][u] is the evidence that item k starts at unit u, less the threshold: a start is worth taking when
positive. Chairs mostly follow the agenda, but move an item when someone must leave ("Skrivelsen tar vi
nu"); a strictly monotone choice then loses the items between. An item announced strongly enough may be
taken as an exception when the items left in order then gain more than the exception costs, and only
where the item is named outright (its number, or most of its title from the chair): a jump out of order
is a strong claim, and a word shared with another item's discussion is weak evidence for it.
"""

from __future__ import annotations

NEG = -1e9
EXCEPTIONS = 2  # at most this many items taken out of order
GAIN = 0.5  # what an item taken out of order must add to the evidence: a weak start that order alone lets in is none


def ordered(B: list[list[float]], strong: float, named: list[list[bool]]) -> dict[int, int]:
    """Item -> unit: monotone, except for up to EXCEPTIONS items named at a unit whose evidence is at least
    `strong`."""
    N = len(B[0]) if B else 0
    chosen = monotone(B)
    best = sum(B[k][u] for k, u in chosen.items())
    out: dict[int, int] = {}
    for _ in range(EXCEPTIONS):
        trial: tuple[float, int, int, dict[int, int]] | None = None
        for j in range(len(B)):
            if j in out or not N:
                continue
            u = max(range(N), key=lambda i: B[j][i] if named[j][i] else NEG)
            if not named[j][u] or B[j][u] < strong or u in out.values():
                continue
            ex = {**out, j: u}
            rows = [
                [NEG] * N if k in ex else [NEG if i in ex.values() else b for i, b in enumerate(row)]
                for k, row in enumerate(B)
            ]
            rest = monotone(rows)
            total = sum(B[k][v] for k, v in rest.items()) + sum(B[k][v] for k, v in ex.items())
            if total > best + GAIN and (trial is None or total > trial[0]):
                trial = (total, j, u, rest)
        if trial is None:
            break
        best, j, u, rest = trial
        out[j] = u
        chosen = {**rest, **out}
    return chosen


def monotone(B: list[list[float]]) -> dict[int, int]:
    """Best increasing assignment item -> unit with positive total evidence (items may be skipped)."""
    K = len(B)
    N = len(B[0]) if B else 0
    if not N:
        return {}
    NEG = -1e9
    f = [[NEG] * N for _ in range(K)]
    back: list[list[tuple[int, int] | None]] = [[None] * N for _ in range(K)]
    prefix_by_k: list[list[tuple[float, int, int]]] = []
    for k in range(K):
        prev = prefix_over(prefix_by_k, N)
        for u in range(N):
            score, pk, pu = prev[u]
            if score < 0:
                score, pk, pu = 0.0, -1, -1
            f[k][u] = B[k][u] + score
            back[k][u] = (pk, pu) if pk >= 0 else None
        pref = []
        run = (NEG, -1, -1)
        for u in range(N):
            pref.append(run)
            if f[k][u] > run[0]:
                run = (f[k][u], k, u)
        pref.append(run)
        prefix_by_k.append(pref)
    end = max(((f[k][u], k, u) for k in range(K) for u in range(N)), default=(0.0, -1, -1))
    chosen: dict[int, int] = {}
    if end[0] <= 0:
        return chosen
    k, u = end[1], end[2]
    while k >= 0:
        chosen[k] = u
        b = back[k][u]
        if b is None:
            break
        k, u = b
    return chosen


def prefix_over(prefix_by_k: list[list[tuple[float, int, int]]], N: int) -> list[tuple[float, int, int]]:
    """For each unit u, the best f over earlier items placed strictly before u."""
    out = [(-1e9, -1, -1)] * N
    for pref in prefix_by_k:
        for u in range(N):
            if pref[u][0] > out[u][0]:
                out[u] = pref[u]
    return out


def fill_gaps(
    B: list[list[float]],
    chosen: dict[int, int],
    said: list[list[bool]],
    blocked: list[bool],
    floor: float,
    struck: set[int],
) -> dict[int, int]:
    """Items the agenda puts between two placed ones, with weaker evidence than a start needs: each takes its
    best sentence above `floor` inside that gap that `said` its words, in agenda order; not a `blocked`
    sentence (one that ends an item) nor an item `struck` somewhere. Where the chair's words were weak or
    misheard, order says where to look, and a word shared with a later item cannot pull a start out of order;
    a bare "nu har vi …" with none of the item's words starts nothing."""
    used = set(chosen.values())
    placed = in_order(chosen)
    out: dict[int, int] = {}
    for (u1, k1), (u2, k2) in zip(placed, placed[1:], strict=False):
        missing = [k for k in range(k1 + 1, k2) if k not in chosen and k not in struck]
        cols = [i for i in range(u1 + 1, u2) if i not in used and not blocked[i]]
        if not missing or not cols:
            continue
        sub = [[B[k][i] - floor if said[k][i] else NEG for i in cols] for k in missing]
        for r, c in monotone(sub).items():
            out[missing[r]] = cols[c]
    return out


def turn_gaps(
    B: list[list[float]],
    chosen: dict[int, int],
    turns: list[float],
    kept: list[bool],
    weight: float,
    aside: dict[int, int] | None = None,
    turn_of: list[int] | None = None,
) -> dict[int, int]:
    """Items the agenda puts between two placed ones (or before the first, after the last) with too little
    evidence of their own: inside that gap, in agenda order, each may take a sentence where the talk turns to a
    new item (`turns`, boundaries.py, worth `weight`), its own evidence added; of two equal sentences the
    earlier, as the next item follows the one before. Not an item struck somewhere (`kept` false), nor one
    placed `aside` (taken out of order, its sentence taken too), nor a sentence of the turn that began the item
    before the gap (`turn_of`: each sentence's turn; "Revisorerna. Inga, varsågod." hands that item over)."""
    N = len(B[0]) if B else 0
    aside = aside or {}
    used = set(chosen.values()) | set(aside.values())
    placed = [(-1, -1), *in_order(chosen), (N, len(B))]
    out: dict[int, int] = {}
    for (u1, k1), (u2, k2) in zip(placed, placed[1:], strict=False):
        missing = [k for k in range(k1 + 1, k2) if k not in chosen and k not in aside and kept[k]]
        cols = [
            i
            for i in range(u1 + 1, u2)
            if i not in used and turns[i] and (turn_of is None or u1 < 0 or turn_of[i] != turn_of[u1])
        ]
        if not missing or not cols:
            continue
        late = 0.01 / len(cols)
        sub = [[B[k][i] + weight * turns[i] - late * c for c, i in enumerate(cols)] for k in missing]
        for r, c in monotone(sub).items():
            out[missing[r]] = cols[c]
    return out


def in_order(chosen: dict[int, int]) -> list[tuple[int, int]]:
    """The placed (unit, item) pairs that follow the agenda's order, by time: the longest run of increasing
    items. An item taken out of order ("Innan pjäsen, jag har en sak om nya medlemmar") bounds no gap: the
    items the agenda puts before it still lie between their neighbours in order."""
    placed = sorted((u, k) for k, u in chosen.items())
    best: list[list[tuple[int, int]]] = []
    for pair in placed:
        prev = max((run for run in best if run[-1][1] < pair[1]), key=len, default=[])
        best.append([*prev, pair])
    return max(best, key=len, default=[])


def taken_early(
    B: list[list[float]],
    chosen: dict[int, int],
    named: list[list[bool]],
    strong: float,
    turns: list[float],
    kept: list[bool],
    weight: float,
    waited: list[int | None] | None = None,
    turn_of: list[int] | None = None,
) -> dict[int, int]:
    """An item named outright and taken before the items the agenda puts ahead of it, which follow where the talk
    turns ("Innan pjäsen, jag har en sak om nya medlemmar" – "Pjäsen då." – "Och så Folkets hus."): the ordered
    choice keeps it in order and loses those items; set aside as taken out of order, it lets at least two more
    of them take the turns after it. One put off earlier in the meeting (`waited`: item -> the sentence that put
    it off, "… så avskjutningsplanen väntar tills han är här") and taken up later with strong evidence was moved by
    the meeting itself: set aside, it need let only one more item in. The chosen starts, with the turns' items
    added."""
    best = {**chosen, **turn_gaps(B, chosen, turns, kept, weight, turn_of=turn_of)}
    for j, u in sorted(chosen.items()):
        moved = waited is not None and waited[j] is not None and waited[j] < u
        if not (named[j][u] or moved) or B[j][u] < strong:
            continue
        rest = {k: v for k, v in chosen.items() if k != j}
        trial = {**rest, j: u, **turn_gaps(B, rest, turns, kept, weight, aside={j: u}, turn_of=turn_of)}
        if len(trial) >= len(best) + (1 if moved else 2):
            best = trial
    return best
