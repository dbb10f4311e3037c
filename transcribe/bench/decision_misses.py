"""Decisions the rules find on the true transcript but lose under recognition errors: which word was hit.

For every dev meeting and seed, the robust extractor runs on the true transcript and on its copy at one
word error rate (the noise curve's error model). A true decision matched on the true transcript and not on
the noisy copy is a loss; for each, the sentence it was read from is shown as said and as heard, the words
the noise changed marked <like this> (a word lost as <-word>), and the hit is put in a class: the decision
word ('beslut', 'bestämt', ...), the settling word ('då', 'kör', 'tar', 'gör', 'så'), the subject ('vi', a
body), 'att', a negation, or the content (the matter itself). The counts say which kind of hit costs most.
Each loss is also counted once by the kind of damage (`damage_kind`): a burst over most of the sentence, its cue
or settling verb hit, its subject lost, the chair's close garbled while the other speakers' turns it rests on were
heard as said, its object clause broken, or nothing hit in the sentence itself (the reply or proposal before it).

    python -m transcribe.bench.decision_misses [--rate 0.1] [--seeds 1] [--show 40]
    python -m transcribe.bench.decision_misses --calibration [--rate 0.1]   # unsure on right and wrong words
    python -m transcribe.bench.decision_misses --commit HEAD~1   # the code and dev samples of a commit
    python -m transcribe.bench.decision_misses --tree /tmp/snap  # the code of a folder holding transcribe/

By default the code and samples of this working tree run, other people's uncommitted files included; --commit
runs a clean snapshot of a commit (git archive of transcribe/ and samples/ without audio, in a temporary folder
removed afterwards), --tree the package of another folder (its samples/ when it has one, else these).

A loss that comes back when every word is heard surely was refused by a rule over an unsure word.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

from transcribe.bench import matching
from transcribe.bench.core import participants, truth_transcript
from transcribe.bench.noise import dev_meetings
from transcribe.confidence import LOW_WORD
from transcribe.config import REPO_DIR, SAMPLES_DIR
from transcribe.errormodel import ErrorModel, corrupt_transcript
from transcribe.minutes import cues, extract_minutes
from transcribe.minutes.rules import build_utts
from transcribe.sv.text import content_words, dice, sentences, stem
from transcribe.transcript import Transcript

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
    names = participants(truth)
    minutes = extract_minutes(transcript, meeting_date=day, vocabulary=names, robust=True)
    match = matching.decision_scores(truth["truth"], minutes.decisions)
    return {p.truth: minutes.decisions[p.predicted] for p in match.pairs}, minutes


def heard_surely(transcript: Transcript) -> Transcript:
    """The same words, every one heard surely: what the rules read when no word is marked unsure."""
    segs = [s.model_copy(update={"words": [w.model_copy(update={"probability": 0.99}) for w in s.words or []]})
            for s in transcript.segments]  # fmt: skip
    return transcript.model_copy(update={"segments": segs})


def losses(meetings: list[dict[str, Any]], model: ErrorModel, rate: float, seeds: tuple[int, ...]) -> list[dict]:
    """Every true decision found on the true transcript and lost at `rate`, with the sentence said and heard."""
    out = []
    for truth in meetings:
        clean = truth_transcript(truth)
        found, _ = _found(truth, clean)
        if not found:
            continue
        names = participants(truth)
        for seed in seeds:
            noisy, _ = corrupt_transcript(clean, model, rate, seed, names)
            heard, minutes = _found(truth, noisy)
            sure = _found(truth, heard_surely(noisy))[0] if set(found) - set(heard) else {}
            for i, dec in found.items():
                if i in heard:
                    continue
                pos = {s.id: k for k, s in enumerate(clean.segments)}
                ks = sorted({pos[e.segment_id] for e in dec.evidence if e.segment_id in pos})
                ids = {e.segment_id for e in dec.evidence}
                garbled = [d.text for d in minutes.decisions if ids & {e.segment_id for e in d.evidence}]
                said = " ".join(clean.segments[k].text for k in ks)
                before = range(max(0, ks[0] - 3), ks[0]) if ks else range(0)
                _, context, _ = diff(
                    " ".join(clean.segments[k].text for k in before), " ".join(noisy.segments[k].text for k in before)
                )
                span = _sentence_range(said, dec.text)
                marked, hit, elsewhere = diff(said, " ".join(noisy.segments[k].text for k in ks), span)
                out.append({"meeting": truth["id"], "seed": seed, "truth": truth["truth"]["decisions"][i]["text"],
                            "found": dec.text, "heard": marked, "hit": hit, "turn": elsewhere,
                            "context": context, "noisy": garbled, "refused": i in sure,
                            "said": _words(said)[span[0] : span[1]],
                            "turns": _turns_hit(clean, noisy, ks, span[0])})  # fmt: skip
    return out


def _turns_hit(clean: Transcript, noisy: Transcript, ks: list[int], at: int) -> tuple[int, int, bool]:
    """Of the decision's evidence segments: how many speakers' turns, how many of the others (not the one the
    decision sentence lies in, word `at` of their joined text) the noise changed, and whether they hold a reply."""
    pos, own = 0, ks[-1] if ks else -1
    for k in ks:
        n = len(_words(clean.segments[k].text))
        if pos <= at < pos + n:
            own = k
        pos += n
    others = [k for k in ks if k != own and clean.segments[k].speaker != clean.segments[own].speaker]
    hit = sum(_words(clean.segments[k].text) != _words(noisy.segments[k].text) for k in others)
    return len(others), hit, any(len(_words(clean.segments[k].text)) <= 4 for k in others)


_FINITE = re.compile(r"^[a-zåäö]{2,}(?:ar|er|ör|år|ir)$")


def damage_kind(item: dict[str, Any]) -> str:
    """The kind of damage that cost the decision, by what the noise hit in the sentence it was read from:
    a burst over most of it, its cue or settling verb, its subject, the chair's close hit while the other
    speakers' turns it rests on (a proposal, the room's "ja") were heard as said, its object clause, or
    nothing in it (a turn before or the rest of the turn)."""
    said, hit = item["said"], item["hit"]
    if not hit:
        return "elsewhere: turns before or the rest of the turn"
    if len(hit) >= max(3, len(said) / 2):
        return "burst over the sentence"
    classes = {word_class(w) for w in hit}
    head = said[:5]
    if classes & {"decision word", "settling"} or any(w in head and _FINITE.match(w) for w in hit):
        kind = "cue verb"
    elif "subject" in classes:
        kind = "subject"
    elif "negation" in classes:
        kind = "negation"
    else:
        kind = "object clause"
    others, others_hit, _ = item["turns"]
    if others and not others_hit and kind != "cue verb":
        return "close garbled, the other turns heard as said"
    return kind


def unsure_rates(meetings: list[dict[str, Any]], model: ErrorModel, rate: float, seeds: tuple[int, ...]) -> dict:
    """How often a heard word counts as unsure, right words against wrong ones (aligned with the truth per segment):
    its own probability below confidence.LOW_WORD, and as the rules count it (the word in its sentence's unsure
    set, by spelling: another "vi" of the sentence heard unsure makes this one count too)."""
    out = {k: {"words": 0, "own": 0, "counted": 0} for k in ("right", "wrong")}
    for truth in meetings:
        clean = truth_transcript(truth)
        for seed in seeds:
            noisy, _ = corrupt_transcript(clean, model, rate, seed, participants(truth))
            utts = build_utts(noisy)
            by_seg: dict[int, list[Any]] = {}
            for u in utts:
                for seg in u.segs:
                    by_seg.setdefault(seg.id, []).append(u)
            for said, seg in zip(clean.segments, noisy.segments, strict=True):
                heard = [_words(w.text)[:1] for w in seg.words or []]
                right = _aligned(_words(said.text), [h[0] if h else "" for h in heard])
                for w, tok, ok in zip(seg.words or [], heard, right, strict=True):
                    if not tok:
                        continue
                    u = next((x for x in by_seg.get(seg.id, []) if tok[0] in _words(x.low)), None)
                    acc = out["right" if ok else "wrong"]
                    acc["words"] += 1
                    acc["own"] += w.probability < LOW_WORD
                    acc["counted"] += bool(u is not None and u.uncertain(tok[0]))
    return {k: {"words": v["words"], "own_below_cut": _share(v["own"], v["words"]),
                "counted_unsure": _share(v["counted"], v["words"])} for k, v in out.items()}  # fmt: skip


def _aligned(said: list[str], heard: list[str]) -> list[bool]:
    """Which heard words are the said words (kept by the alignment)."""
    right = [False] * len(heard)
    for op in Levenshtein.opcodes(said, heard):
        if op.tag == "equal":
            right[op.dest_start : op.dest_end] = [True] * (op.dest_end - op.dest_start)
    return right


def _share(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


_AUDIO = ("*.ogg", "*.wav", "*.mp3", "*.flac", "*.m4a", "*.opus")


def snapshot(rev: str, dest: Path, repo: Path = REPO_DIR) -> None:
    """transcribe/ and samples/ (without audio) of commit `rev` written into `dest`."""
    spec = ["transcribe", "samples", *(f":(exclude){g}" for g in _AUDIO)]
    tar = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", rev, "--", *spec],
                         capture_output=True, check=False)  # fmt: skip
    if tar.returncode:
        raise SystemExit(f"git archive {rev}: {tar.stderr.decode(errors='replace').strip()}")
    subprocess.run(["tar", "-x", "-C", str(dest)], input=tar.stdout, check=True)


def run_in(root: Path, argv: list[str]) -> int:
    """This bench run with the package of `root` (its samples when it has them) in a child process."""
    if not (root / "transcribe" / "__init__.py").is_file():
        raise SystemExit(f"{root}: no transcribe/ package there")
    env = {k: v for k, v in os.environ.items() if k != "TRANSCRIBE_SAMPLES_DIR"}
    env["PYTHONPATH"] = str(root.resolve())
    if not (root / "samples").is_dir():
        env["TRANSCRIBE_SAMPLES_DIR"] = str(SAMPLES_DIR)
    cmd = [sys.executable, "-m", "transcribe.bench.decision_misses", *argv]
    return subprocess.run(cmd, cwd=root, env=env, check=False).returncode


def _elsewhere(commit: str | None, tree: str | None, argv: list[str]) -> int:
    if tree:
        return run_in(Path(tree), argv)
    with tempfile.TemporaryDirectory(prefix="decision-misses-") as tmp:
        snapshot(commit or "HEAD", Path(tmp))
        return run_in(Path(tmp), argv)


def _strip(argv: list[str], *options: str) -> list[str]:
    out, skip = [], False
    for a in argv:
        if skip:
            skip = False
        elif a in options:
            skip = True
        elif not a.startswith(tuple(f"{o}=" for o in options)):
            out.append(a)
    return out


def main(argv: list[str] | None = None) -> None:
    """Print the losses and the count of hits per word class."""
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(prog="python -m transcribe.bench.decision_misses", description=main.__doc__,
                                 epilog="Without --commit or --tree the working tree runs, uncommitted files of "
                                 "others included: figures meant for a commit message need --commit.")  # fmt: skip
    ap.add_argument("--commit", help="run a clean snapshot of this commit (its transcribe/ and dev samples)")
    ap.add_argument("--tree", help="run the package in this folder (a checkout or snapshot holding transcribe/)")
    ap.add_argument("--rate", type=float, default=0.1)
    ap.add_argument("--seeds", type=int, default=1, help="seeds 1..N")
    ap.add_argument("--show", type=int, default=40, help="losses printed in full")
    ap.add_argument("--only", default="", help="only meetings whose id contains this (or one of, comma-separated)")
    ap.add_argument("--calibration", action="store_true", help="how often right and wrong words count as unsure")
    args = ap.parse_args(argv)
    if args.commit or args.tree:
        raise SystemExit(_elsewhere(args.commit, args.tree, _strip(argv, "--commit", "--tree")))
    only = args.only.split(",")
    meetings = [m for m in dev_meetings() if any(o in m["id"] for o in only)]
    if args.calibration:
        for kind, row in unsure_rates(meetings, ErrorModel.load(), args.rate, tuple(range(1, args.seeds + 1))).items():
            print(f"{kind} words ({row['words']}): own probability below {LOW_WORD}: {row['own_below_cut']}, "
                  f"counted unsure by the rules: {row['counted_unsure']}")  # fmt: skip
        return
    lost = losses(meetings, ErrorModel.load(), args.rate, tuple(range(1, args.seeds + 1)))
    classes: Counter[str] = Counter()
    refused = 0
    for item in lost:
        kinds = {word_class(w) for w in item["hit"]}
        if not kinds:
            kinds = {"rest of the turn" if item["turn"] else "turns before" if item["context"] else "none"}
        item["kinds"] = sorted(kinds)
        classes.update(kinds)
        refused += item["refused"]
    kinds = Counter(damage_kind(item) for item in lost)
    for item in lost[: args.show]:
        print(f"[{item['meeting']} s{item['seed']}] {item['truth']}\n  found: {item['found']}\n"
              f"  heard: {item['heard']}\n  noisy draft: {item['noisy']}\n"
              f"  damage: {damage_kind(item)}; hit: {', '.join(item['kinds'])}; in the turn {item['turn']}, "
              f"before {item['context']}"
              f"{'; found when no word is marked unsure' if item['refused'] else ''}\n")  # fmt: skip
    print(
        f"{len(lost)} decisions lost at WER {args.rate:g}; losses with a hit in the decision's sentence on (a loss "
        "may count in several; else where the nearest hit was):"
    )
    for k, n in classes.most_common():
        print(f"  {k}: {n}")
    print("by kind of damage (each loss once):")
    for k, n in kinds.most_common():
        print(f"  {k}: {n}")
    print(f"found again when every word is heard surely (a rule refused an unsure word): {refused} of {len(lost)}")


if __name__ == "__main__":
    main()
