"""Decisions the rules find on the true transcript but lose under recognition errors: which word was hit.

For every dev meeting and seed, the robust extractor runs on the true transcript and on its copy at one
word error rate (the noise curve's error model). A true decision matched on the true transcript and not on
the noisy copy is a loss; for each, the sentence it was read from is shown as said and as heard, the words
the noise changed marked <like this> (a word lost as <-word>), and the hit is put in a class: the decision
word ('beslut', 'bestämt', ...), the settling word ('då', 'kör', 'tar', 'gör', 'så'), the subject ('vi', a
body), 'att', a negation, or the content (the matter itself). The counts say which kind of hit costs most.

    python -m transcribe.bench.decision_misses [--rate 0.1] [--seeds 1] [--show 40]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections import Counter
from typing import Any

from rapidfuzz.distance import Levenshtein

from transcribe.bench import matching
from transcribe.bench.core import truth_transcript
from transcribe.bench.noise import dev_meetings
from transcribe.errormodel import ErrorModel, corrupt_transcript
from transcribe.minutes import cues, extract_minutes
from transcribe.sv.text import content_words, dice, sentences, stem

_DECISION_WORD = re.compile(r"^(?:beslut\w*|bestäm\w*|klubba\w*|godkän\w*|överens|enades|fastställ\w*|antog|antas)$")
_SETTLING = frozenset("då så kör tar gör har är blir det".split())
_CLASSES = ("decision word", "settling", "subject", "att", "negation", "content")


def _words(text: str) -> list[str]:
    return re.findall(r"[\wåäöÅÄÖéü-]+", text.lower())


def word_class(word: str) -> str:
    """What a hit word was to the decision."""
    if _DECISION_WORD.match(word):
        return "decision word"
    if word in _SETTLING:
        return "settling"
    if word == "vi" or cues.is_body(word):
        return "subject"
    if word == "att":
        return "att"
    if word in ("inte", "ej", "aldrig", "inga", "ingen", "inget"):
        return "negation"
    return "content"


def _sentence_range(text: str, decision: str) -> tuple[int, int]:
    """The word range of the sentence of `text` the decision was read from (most content stems shared)."""
    want = {stem(w) for w in content_words(decision)}
    best, pos = (-1.0, 0, 0), 0
    for sent in sentences(text):
        n = len(_words(sent))
        score = dice({stem(w) for w in content_words(sent)}, want)
        if score > best[0]:
            best = (score, pos, pos + n)
        pos += n
    return best[1], best[2]


def diff(said: str, heard: str, span: tuple[int, int] | None = None) -> tuple[str, list[str], list[str]]:
    """The heard words of `span` (word range of `said`) with the changed ones marked, the true words hit in
    the span and those hit elsewhere in the text."""
    a, b = _words(said), _words(heard)
    lo, hi = span or (0, len(a))
    out: list[str] = []
    inside: list[str] = []
    outside: list[str] = []
    for op in Levenshtein.opcodes(a, b):
        near = op.src_end >= lo and op.src_start <= hi
        if op.tag == "equal":
            out += [w for k, w in enumerate(b[op.dest_start : op.dest_end]) if lo <= op.src_start + k < hi]
            continue
        for k in range(op.src_start, op.src_end):
            (inside if lo <= k < hi else outside).append(a[k])
        if near:
            out += [f"<{w}>" for w in b[op.dest_start : op.dest_end]]
            if op.tag == "delete":
                out += [f"<-{w}>" for w in a[max(lo, op.src_start) : min(hi, op.src_end)]]
    return " ".join(out), inside, outside


def _found(truth: dict[str, Any], transcript: Any) -> tuple[dict[int, Any], Any]:
    day = dt.date.fromisoformat(truth["date"]) if truth.get("date") else None
    names = [sp["name"] for sp in truth.get("speakers") or [] if sp.get("name")]
    minutes = extract_minutes(transcript, meeting_date=day, vocabulary=names, robust=True)
    match = matching.decision_scores(truth["truth"], minutes.decisions)
    return {p.truth: minutes.decisions[p.predicted] for p in match.pairs}, minutes


def losses(meetings: list[dict[str, Any]], model: ErrorModel, rate: float, seeds: tuple[int, ...]) -> list[dict]:
    """Every true decision found on the true transcript and lost at `rate`, with the sentence said and heard."""
    out = []
    for truth in meetings:
        clean = truth_transcript(truth)
        found, _ = _found(truth, clean)
        if not found:
            continue
        names = [sp["name"] for sp in truth.get("speakers") or [] if sp.get("name")]
        for seed in seeds:
            noisy, _ = corrupt_transcript(clean, model, rate, seed, names)
            heard, minutes = _found(truth, noisy)
            for i, dec in found.items():
                if i in heard:
                    continue
                pos = {s.id: k for k, s in enumerate(clean.segments)}
                ks = sorted({pos[e.segment_id] for e in dec.evidence if e.segment_id in pos})
                ids = {e.segment_id for e in dec.evidence}
                garbled = [d.text for d in minutes.decisions if ids & {e.segment_id for e in d.evidence}]
                said = " ".join(clean.segments[k].text for k in ks)
                marked, hit, elsewhere = diff(
                    said, " ".join(noisy.segments[k].text for k in ks), _sentence_range(said, dec.text)
                )
                before = range(max(0, ks[0] - 3), ks[0]) if ks else range(0)
                _, context, _ = diff(
                    " ".join(clean.segments[k].text for k in before), " ".join(noisy.segments[k].text for k in before)
                )
                out.append({"meeting": truth["id"], "seed": seed, "truth": truth["truth"]["decisions"][i]["text"],
                            "found": dec.text, "heard": marked, "hit": hit, "turn": elsewhere,
                            "context": context, "noisy": garbled})  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> None:
    """Print the losses and the count of hits per word class."""
    ap = argparse.ArgumentParser(prog="python -m transcribe.bench.decision_misses", description=main.__doc__)
    ap.add_argument("--rate", type=float, default=0.1)
    ap.add_argument("--seeds", type=int, default=1, help="seeds 1..N")
    ap.add_argument("--show", type=int, default=40, help="losses printed in full")
    ap.add_argument("--only", default="", help="only meetings whose id contains this")
    args = ap.parse_args(argv)
    meetings = [m for m in dev_meetings() if args.only in m["id"]]
    lost = losses(meetings, ErrorModel.load(), args.rate, tuple(range(1, args.seeds + 1)))
    classes: Counter[str] = Counter()
    for item in lost:
        kinds = {word_class(w) for w in item["hit"]}
        if not kinds:
            kinds = {"rest of the turn" if item["turn"] else "turns before" if item["context"] else "none"}
        item["kinds"] = sorted(kinds)
        classes.update(kinds)
    for item in lost[: args.show]:
        print(f"[{item['meeting']} s{item['seed']}] {item['truth']}\n  found: {item['found']}\n"
              f"  heard: {item['heard']}\n  noisy draft: {item['noisy']}\n"
              f"  hit: {', '.join(item['kinds'])}; in the turn {item['turn']}, before {item['context']}\n")  # fmt: skip
    print(
        f"{len(lost)} decisions lost at WER {args.rate:g}; losses with a hit in the decision's sentence on (a loss "
        "may count in several; else where the nearest hit was):"
    )
    for k, n in classes.most_common():
        print(f"  {k}: {n}")


if __name__ == "__main__":
    main()
