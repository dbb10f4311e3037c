"""Which recognition error cost a decision: the one word whose repair brings it back.

`decision_misses` shows the sentence a lost decision was read from and which words the noise hit there; many
losses have several hits, in the close and in the turns before it, and the hit that mattered is a guess. Here it
is measured. For every true decision the robust extractor finds on the true transcript and loses on the noisy
copy, each segment near it that the noise changed is put back as said, one at a time, and the extractor runs
again; in each segment whose repair brings the decision back, each single error (a word changed, lost or added)
is put back alone. The errors that bring it back are the ones that cost it, classed by what the word was to the
decision (`error_kind`): the cue or settling word, the group's "vi" or the chair's "då", the proposer's "jag", the
answering "ja", the proposal's or close's verb, a name or number, punctuation (a sentence split or merged), or
another content word; and by where it stood (the decision's own sentence, another turn of its evidence, a turn
before). A loss that no single segment brings back needed several repairs ("several").

With `--where` each loss is only placed, without running the extractor again (fast enough for all dev meetings):
how many word errors the decision's own sentence carries, whether the other turns of its evidence were hit, and
whether the noisy minutes hold a decision from the same turns (read, but worded too far off to match) or none.

    python -m transcribe.bench.noise_losses [--rate 0.1] [--seeds 3] [--only id1,id2] [--where] [--json out.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from collections import Counter
from typing import Any

from rapidfuzz.distance import Levenshtein

from transcribe.bench import matching
from transcribe.bench.core import participants, truth_transcript
from transcribe.bench.noise import dev_meetings
from transcribe.errormodel import ErrorModel, corrupt_transcript
from transcribe.minutes import extract_minutes
from transcribe.transcript import Segment, Transcript, Word

BEFORE = 6  # segments before the decision's evidence whose repair is tried
AFTER = 1
SURE = 0.95  # the probability a word put back as said is given

_CUE = re.compile(r"^(?:beslut\w*|bestäm\w*|klubba\w*|godkän\w*|överens|enades|fastställ\w*|kör|gör|tar|blir|säger|"
                  r"kör|klart|bestämt|får)$")  # fmt: skip
_REPLY = frozenset("ja jo japp absolut visst okej bra precis nej".split())
_PROPOSING = frozenset("tycker föreslår tänkte vill skulle menar anser".split())
_FINITE = re.compile(r"^[a-zåäö]{2,}(?:ar|er|ör|år|yr)$")
_NUMBER = re.compile(r"^(?:\d+|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\w+(?:tio|ton|tusen|hundra)\w*)$")
_PUNCT = re.compile(r"[.,!?;:]")


def _bare(tok: str) -> str:
    return _PUNCT.sub("", tok).lower()


def read(truth: dict[str, Any], transcript: Transcript) -> tuple[list[Any], dict[int, Any]]:
    """The decisions the robust extractor reads, and true decision index -> the one matched to it, as the noise
    bench matches them."""
    day = dt.date.fromisoformat(truth["date"]) if truth.get("date") else None
    names = participants(truth)
    minutes = extract_minutes(transcript, meeting_date=day, vocabulary=names, robust=True)
    match = matching.decision_scores(truth["truth"], minutes.decisions)
    return list(minutes.decisions), {p.truth: minutes.decisions[p.predicted] for p in match.pairs}


def found_map(truth: dict[str, Any], transcript: Transcript) -> dict[int, Any]:
    """True decision index -> the predicted decision matched to it, as the noise bench matches them."""
    return read(truth, transcript)[1]


def _segment(seg: Segment, toks: list[str], probs: list[float]) -> Segment:
    n = max(1, len(toks))
    step = (seg.end - seg.start) / n
    words = [Word(start=round(seg.start + k * step, 3), end=round(seg.start + (k + 1) * step, 3), text=" " + t,
                  probability=p) for k, (t, p) in enumerate(zip(toks, probs, strict=True))]  # fmt: skip
    return seg.model_copy(update={"text": " ".join(toks), "words": words})


def _with(noisy: Transcript, k: int, seg: Segment) -> Transcript:
    segs = list(noisy.segments)
    segs[k] = seg
    return noisy.model_copy(update={"segments": segs})


def ops(said: str, heard: Segment) -> list[tuple[str, int, int, int, int]]:
    """The single errors between the true text and the heard words (Levenshtein opcodes on the bare tokens)."""
    a = [_bare(t) for t in said.split()]
    b = [_bare(w.text.strip()) for w in heard.words or []]
    out = [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end) for o in Levenshtein.opcodes(a, b)]
    return [o for o in out if o[0] != "equal"]


def restore_op(said: str, heard: Segment, op: tuple[str, int, int, int, int]) -> Segment:
    """The heard segment with one error put back as said (its other errors kept)."""
    src = said.split()
    toks = [w.text.strip() for w in heard.words or []]
    probs = [w.probability for w in heard.words or []]
    _, a0, a1, b0, b1 = op
    toks[b0:b1] = src[a0:a1]
    probs[b0:b1] = [SURE] * (a1 - a0)
    return _segment(heard, toks, probs)


def error_kind(said: str, heard: Segment, op: tuple[str, int, int, int, int]) -> str:
    """What the word the error hit was to the decision (see the module docstring)."""
    tag, a0, a1, b0, b1 = op
    src = said.split()
    words = [_bare(t) for t in src[a0:a1]]
    got = [_bare(w.text.strip()) for w in (heard.words or [])[b0:b1]]
    if words == got or (tag == "insert" and not words):
        return "punctuation" if words == got else "a word added"
    w = words[0] if words else ""
    nxt = _bare(src[a1]) if a1 < len(src) else ""
    prev = _bare(src[a0 - 1]) if a0 else ""
    if w in _REPLY and len(src) <= 4:
        return "the answering 'ja'" if w != "nej" else "the answering 'nej'"
    if w == "jag" and (nxt in _PROPOSING or prev in _PROPOSING):
        return "the proposer's 'jag'"
    if w in ("vi", "då", "så") or (w == "ni" and tag != "replace"):
        return f"'{w}'"
    if w in ("inte", "ej", "aldrig", "ingen", "inget", "inga"):
        return "negation"
    if _CUE.match(w):
        return "cue or settling word"
    if src[a0][:1].isupper() and a0 > 0 or _NUMBER.match(w):
        return "name or number"
    if _FINITE.match(w) and a0 <= 4:
        return "the verb"
    return "content word"


def _role(k: int, evidence: list[int], own: int) -> str:
    return "own sentence" if k == own else "evidence turn" if k in evidence else "turn before"


def explain(truth: dict[str, Any], clean: Transcript, noisy: Transcript, i: int, dec: Any) -> dict[str, Any]:
    """Which segment and which single error bring decision `i` back."""
    pos = {s.id: k for k, s in enumerate(clean.segments)}
    ev = sorted({pos[e.segment_id] for e in dec.evidence if e.segment_id in pos})
    own = ev[-1] if ev else -1
    lo, hi = max(0, (ev[0] if ev else 0) - BEFORE), min(len(clean.segments), (ev[-1] if ev else 0) + AFTER + 1)
    changed = [k for k in range(lo, hi) if [_bare(t) for t in clean.segments[k].text.split()]
               != [_bare(w.text.strip()) for w in noisy.segments[k].words or []]]  # fmt: skip
    causes: list[dict[str, Any]] = []
    critical = []
    for k in changed:
        said = clean.segments[k].text
        whole = _segment(noisy.segments[k], said.split(), [SURE] * len(said.split()))
        if i not in found_map(truth, _with(noisy, k, whole)):
            continue
        critical.append(k)
        for op in ops(said, noisy.segments[k]):
            if i in found_map(truth, _with(noisy, k, restore_op(said, noisy.segments[k], op))):
                src = said.split()
                causes.append({"where": _role(k, ev, own), "kind": error_kind(said, noisy.segments[k], op),
                               "said": " ".join(src[op[1]:op[2]]),
                               "heard": " ".join(w.text.strip() for w in (noisy.segments[k].words or [])[op[3]:op[4]]),
                               "segment": noisy.segments[k].text})  # fmt: skip
    return {"meeting": truth["id"], "truth": truth["truth"]["decisions"][i]["text"], "found": dec.text,
            "said": " ".join(clean.segments[k].text for k in ev), "heard": " ".join(noisy.segments[k].text for k in ev),
            "changed": len(changed), "critical": len(critical), "causes": causes}  # fmt: skip


def place(clean: Transcript, noisy: Transcript, dec: Any, decisions: list[Any]) -> str:
    """Where a loss stands, without running the extractor again: the errors in the decision's own (last) turn,
    whether its other evidence segments were hit, and whether a noisy decision rests on the same segments."""
    pos = {s.id: k for k, s in enumerate(clean.segments)}
    ev = sorted({pos[e.segment_id] for e in dec.evidence if e.segment_id in pos})
    hits = [len(ops(clean.segments[k].text, noisy.segments[k])) for k in ev]
    own = hits[-1] if hits else 0
    own_kind = "own turn clean" if own == 0 else "own turn 1 error" if own == 1 else (
        "own turn 2-3 errors" if own <= 3 else "own turn 4+ errors")  # fmt: skip
    others = "other turns hit" if any(hits[:-1]) else "other turns clean"
    ids = {clean.segments[k].id for k in ev}
    near = any(e.segment_id in ids for d in decisions for e in d.evidence)
    return f"{own_kind}, {others}, {'read from them (worded off)' if near else 'nothing read from them'}"


def losses(meetings: list[dict[str, Any]], model: ErrorModel, rate: float, seeds: tuple[int, ...],
           where: bool = False) -> list[dict]:  # fmt: skip
    """Each decision found on the true transcript and lost on a noisy copy: explained (see explain), or with
    `where` only placed (see place)."""
    out = []
    for truth in meetings:
        clean = truth_transcript(truth)
        found = found_map(truth, clean)
        if not found:
            continue
        names = participants(truth)
        for seed in seeds:
            noisy, _ = corrupt_transcript(clean, model, rate, seed, names)
            decisions, heard = read(truth, noisy)
            for i, dec in found.items():
                if i in heard:
                    continue
                if where:
                    out.append({"seed": seed, "meeting": truth["id"], "truth": truth["truth"]["decisions"][i]["text"],
                                "found": dec.text, "where": place(clean, noisy, dec, decisions)})  # fmt: skip
                else:
                    out.append({"seed": seed, **explain(truth, clean, noisy, i, dec)})
    return out


def label(item: dict[str, Any]) -> str:
    """One line per loss: the single errors that bring it back, or why none does."""
    if item["causes"]:
        return "; ".join(sorted({f"{c['kind']} ({c['where']})" for c in item["causes"]}))
    return "several segments" if not item["critical"] else "several errors in one segment"


def main(argv: list[str] | None = None) -> None:
    """Print each loss with the errors that cost it, and the count per kind."""
    ap = argparse.ArgumentParser(prog="python -m transcribe.bench.noise_losses", description=main.__doc__)
    ap.add_argument("--rate", type=float, default=0.1)
    ap.add_argument("--seeds", type=int, default=1, help="seeds 1..N")
    ap.add_argument("--only", default="", help="only meetings whose id contains one of these (comma-separated)")
    ap.add_argument("--where", action="store_true", help="only place each loss (no repairs tried; fast)")
    ap.add_argument("--json", default="", help="also write the losses to this file")
    args = ap.parse_args(argv)
    only = args.only.split(",")
    meetings = [m for m in dev_meetings() if any(o in m["id"] for o in only)]
    lost = losses(meetings, ErrorModel.load(), args.rate, tuple(range(1, args.seeds + 1)), args.where)
    if args.where:
        for item in lost:
            print(f"[{item['meeting']} s{item['seed']}] {item['truth']}\n  found: {item['found']}\n  {item['where']}")
        print(f"\n{len(lost)} decisions lost at WER {args.rate:g}; where:")
        for k, n in Counter(item["where"] for item in lost).most_common():
            print(f"  {k}: {n}")
        if args.json:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(lost, f, ensure_ascii=False, indent=1)
        return
    for item in lost:
        print(f"[{item['meeting']} s{item['seed']}] {item['truth']}\n  found: {item['found']}\n"
              f"  heard: {item['heard']}\n  cost by: {label(item)}")  # fmt: skip
        for c in item["causes"]:
            print(f"    {c['said'] or '-'} -> {c['heard'] or '-'}   in: {c['segment']}")
    kinds = Counter(k for item in lost for k in {c["kind"] for c in item["causes"]} or {label(item)})
    print(f"\n{len(lost)} decisions lost at WER {args.rate:g}; by the kind of the error that brings each back "
          f"(a loss may count under several):")  # fmt: skip
    for k, n in kinds.most_common():
        print(f"  {k}: {n}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(lost, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
