"""Why agenda item starts are missed: every missed start of the dev meetings, classed by its cause.

A tuning aid beside the `agenda` bench section (dev meetings only: held-out ones stay unread). For each
condition (the true transcript, the same without the chair's item numbers, simulated WER 0.1 and 0.2 over
several seeds) each treated item whose start is not within 10 s is put in one class, the first that fits:

* `out_of_order`: the meeting took the item out of agenda order (its true start lies before an earlier item's);
* `not_placed_*`: the item was reported untreated; `no_cue` when its true start sentence has neither a
  transition, its number nor any of its title words, `unnamed_transition` when it has a transition only,
  `number_misheard` when the true text said its number and the condition's did not, else `weak`;
* `turn_early` / `turn_late`: placed one turn before or after the true start;
* `topic_pull`: placed further off, at a sentence sharing the item's title words;
* `elsewhere`: placed further off on other evidence.

`python -m transcribe.bench.agenda_misses [--seeds 5]` prints the counts and every miss.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import Any

from transcribe.agenda.align import align_agenda, build_units
from transcribe.agenda.numbers import number_refs, without_numbers
from transcribe.agenda.parse import parse_agenda
from transcribe.agenda.phrases import ANNOUNCES, OPENS_WITH, TRANSITION
from transcribe.agenda.topics import overlap, title_stems
from transcribe.bench.agenda import SEEDS, TOLERANCE_S, load_samples, noisy_transcript, true_transcript
from transcribe.transcript import Transcript


def _turn_of(t: float, starts: list[float]) -> int:
    """The index of the true turn holding time t."""
    return max((i for i, s in enumerate(starts) if s <= t + 0.05), default=0)


def classify(agenda_items: list[dict[str, Any]], transcript: Transcript, clean: Transcript, agenda: Any) -> list[dict]:
    """The missed starts of one transcript, each with its class and the sentences involved."""
    al = align_agenda(agenda, transcript)
    units = build_units(transcript)
    clean_units = build_units(clean)
    seg_starts = [s.start for s in transcript.segments]
    clean_starts = [s.start for s in clean.segments]
    parents = {i["parent"] for i in agenda_items if i["parent"]}
    leaves = [i for i in agenda_items if i["number"] not in parents]
    by_item = {it.number: it for it in agenda.items}
    treated = [i for i in leaves if i["treated"]]
    out = []
    for pos, it in enumerate(treated):
        pred = al.item(it["number"])
        placed = pred is not None and pred.treated and pred.start is not None
        if placed and abs(pred.start - it["start"]) <= TOLERANCE_S:
            continue
        earlier = [j for j in leaves[: leaves.index(it)] if j["treated"]]
        true_turn = _turn_of(it["start"], seg_starts)
        head = [u for u in units if abs(u.start - it["start"]) < 0.05 or u.seg_id == transcript.segments[true_turn].id]
        clean_head = [u for u in clean_units if u.seg_id == clean.segments[_turn_of(it["start"], clean_starts)].id]
        title = title_stems(by_item[it["number"]])
        has_num = any(r == it["number"] and s > 0 for u in head for r, s in number_refs(u.low))
        had_num = any(r == it["number"] and s > 0 for u in clean_head for r, s in number_refs(u.low))
        has_cue = any(TRANSITION.search(u.low) or ANNOUNCES.search(u.low) or OPENS_WITH.search(u.low) for u in head)
        has_title = any(overlap(title, u.stems) for u in head)
        if any(j["start"] > it["start"] for j in earlier):
            cause = "out_of_order"
        elif pred is None or not pred.treated or pred.start is None:
            if had_num and not has_num:
                cause = "not_placed_number_misheard"
            elif not (has_cue or has_num or has_title):
                cause = "not_placed_no_cue"
            elif has_cue and not (has_num or has_title):
                cause = "not_placed_unnamed_transition"
            else:
                cause = "not_placed_weak"
        else:
            off = _turn_of(pred.start, seg_starts) - true_turn
            pred_units = [u for u in units if abs(u.start - pred.start) < 0.05]
            if off == -1:
                cause = "turn_early"
            elif off == 1:
                cause = "turn_late"
            elif any(overlap(title, u.stems) for u in pred_units):
                cause = "topic_pull"
            else:
                cause = "elsewhere"
        out.append(
            {
                "item": it["number"],
                "title": it["title"],
                "cause": cause,
                "position": pos,
                "true": " | ".join(u.text for u in head)[:160],
                "placed": (pred.cue[:120] if pred is not None and pred.treated else None),
                "off_s": None if pred is None or pred.start is None else round(pred.start - it["start"], 1),
            }
        )
    return out


def tabulate(seeds: tuple[int, ...]) -> dict[str, Any]:
    """Every dev miss per condition, and the counts per cause."""
    misses: list[dict[str, Any]] = []
    for directory, truth in load_samples():
        if truth["agenda"]["split"] != "dev":
            continue
        agenda = parse_agenda(directory / truth["agenda"]["agenda_file"])
        clean = true_transcript(truth)
        items = truth["agenda"]["items"]
        bare = [s.model_copy(update={"text": without_numbers(s.text), "words": []}) for s in clean.segments]
        conditions = [("true", clean), ("true_no_numbers", clean.model_copy(update={"segments": bare}))]
        for rate in (0.1, 0.2):
            conditions += [(f"wer_{rate}/{seed}", noisy_transcript(clean, rate, seed)[0]) for seed in seeds]
        for name, tr in conditions:
            for m in classify(items, tr, clean, agenda):
                misses.append({"meeting": truth["id"], "condition": name, **m})
    counts: dict[str, Counter] = {}
    for m in misses:
        counts.setdefault(m["condition"].split("/")[0], Counter())[m["cause"]] += 1
    return {"counts": {k: dict(v.most_common()) for k, v in counts.items()}, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    prog = "python -m transcribe.bench.agenda_misses"
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=len(SEEDS), help="noise seeds per WER level (1-5)")
    args = parser.parse_args(argv)
    print(json.dumps(tabulate(SEEDS[: max(1, min(args.seeds, len(SEEDS)))]), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
