"""The next meeting and the tasks under recognition errors, run by run: what was missed and what was heard.

For every dev meeting (or one author's batch) and seed, the robust extractor runs on the noise curve's noisy
copy of the true transcript. A run whose next meeting is not exact is a miss: the true and the drafted date,
whether the draft was flagged, and the sentences that speak of a date or of meeting again, as heard, the words
the noise changed marked <like this> (a word lost as <-word>). With --tasks, a true task found on the true
transcript and lost at the rate is a loss, shown with the sentence it was read from and the turn before it, and
counted by the word the noise hit there (the owner's name, the task's verb, the speaker's "jag", other words).
Each line is summed per batch, so a change can be fitted on one author's batch and checked on another's.

    python -m transcribe.bench.nextmeeting_misses [--rates 0.1,0.2] [--seeds 3] [--batch tenth,eleventh]
    python -m transcribe.bench.nextmeeting_misses --tasks --rates 0.1 --batch eleventh
    python -m transcribe.bench.nextmeeting_misses --summary --tree /tmp/wt-start   # another checkout's rules
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from transcribe.bench import matching
from transcribe.bench.core import truth_transcript
from transcribe.bench.decision_misses import diff
from transcribe.bench.noise import dev_meetings
from transcribe.errormodel import ErrorModel, corrupt_transcript
from transcribe.minutes import extract_minutes
from transcribe.minutes.dates import find_whens
from transcribe.minutes.rules.extractor import RuleExtractor
from transcribe.transcript import Transcript

# The minutes-dev and agenda meetings by author (samples/minutes-dev/README.md, samples/agenda/README.md)
BATCHES: dict[str, tuple[str, ...]] = {
    "fifteenth": ("kontaktcenter", "rontgen", "folketshus", "bensinstation", "bandyklubb", "gatufest", "strandvakter",
                  "lokalpolis", "mjolkgard", "fiskauktion", "apt-brandstationen", "pdk-skovde", "svf-enkoping"),
    "fourteenth": ("sjukhuskok", "langfardsskridsko", "godsterminal", "keramik", "lotsstation", "kaninhoppning",
                   "tolkcentral", "bokcirkel", "skatepark", "gjuteri", "of-solleftea", "spel-arvika",
                   "apt-renhallningen"),
    "thirteenth": ("angbat", "moske", "sagverk", "bilprovning", "dragspel", "bvc", "scenteknik", "optiker",
                   "pingisklubb", "torghandel", "fav-gotland", "mjf-nassjo", "sdk-kiruna"),
    "twelfth": ("snorojning", "studentbostad", "tvatteri", "biblioteksbuss", "tatuering", "flyttfirma", "fiskodling",
                "hotellstad", "vardhemskor", "sjukhusclown", "batk-karlshamn", "ef-ramsele", "lc-vetlanda"),
    "eleventh": ("blomsterhandel", "plantskola", "gatukok", "brevbarare", "djurpark", "minigolf", "skordefest",
                 "maleri", "harbarge", "stuguthyrning", "fp-lidkoping", "vn-tierp", "sg-gnosjo"),
    "tenth": ("tryckeri", "taxi", "ostmejeri", "nattvandrare", "bokhandel", "skogsagare", "sotare", "konstforening",
              "tennisklubb", "vaktbolag", "rkk-eksjo", "ibk-tranas", "ftg-mora"),
    "ninth": ("fagelklubb", "pendlarforening", "judoklubb", "fyrforening", "jazzklubb", "glasbruk", "cirkusskola",
              "akvarieforening", "husbilsklubb", "sparvagn", "vvo-storsjon", "kpr-vaxjo", "gk-ronneby"),
    "eighth": ("modelljarnvag", "dykklubb", "foraldragrupp", "radioklubb", "snickeri", "loparklubb",
               "patientforening", "begravningsbyra", "brukarrad", "vinterbad", "skr-lulea", "frk-ystad", "bk-sala"),
    "seventh": ("vindkraft", "bowlingklubb", "stadsodling", "hamnforening", "bridgeklubb", "sommarteater",
                "kanotklubb", "syjunta", "flyktingvanner", "vattenforening", "hgf-kortedala", "fsk-parlan",
                "fr-alingsas"),
}  # fmt: skip
# words that speak of meeting again: the sentences shown beside a miss
_MEETING_TALK = re.compile(r"\b(?:nästa|ses|träffas|möte\w*|\w+mötet|samma\s+tid|som\s+vanligt|klockan)\b")


def speaker_names(truth: dict[str, Any]) -> list[str]:
    """The participants' names, the vocabulary the noise curve gives the extractor."""
    return [sp["name"] for sp in truth.get("speakers") or [] if sp.get("name")]


def batch_of(mid: str) -> str:
    """The author batch a dev meeting belongs to ('other' for the older ones)."""
    return next((name for name, ids in BATCHES.items() if mid in ids), "other")


def select(batches: str, only: str) -> list[dict[str, Any]]:
    """The dev meetings of the named batches ('all' or '' for every one), or whose id holds one of `only`."""
    meetings = dev_meetings()
    if only:
        return [m for m in meetings if any(o and o in m["id"] for o in only.split(","))]
    want = {b for b in batches.split(",") if b and b != "all"}
    return [m for m in meetings if not want or batch_of(m["id"]) in want]


def _draft(truth: dict[str, Any], transcript: Transcript) -> Any:
    day = dt.date.fromisoformat(truth["date"]) if truth.get("date") else None
    return extract_minutes(transcript, meeting_date=day, vocabulary=speaker_names(truth), robust=True)


def _next_only(truth: dict[str, Any], transcript: Transcript) -> Any:
    """The next meeting from its own rules alone, without the decision and task passes before it (quicker; a
    repair those passes make on a sentence is not seen, so a figure for a commit needs the whole draft)."""
    day = dt.date.fromisoformat(truth["date"]) if truth.get("date") else None
    rules = RuleExtractor(transcript, day, vocabulary=speaker_names(truth), robust=True, scorer=False)
    rules.next_meeting_pass()
    return rules.out


def _noisy(truth: dict[str, Any], model: ErrorModel, rate: float, seed: int) -> tuple[Transcript, Transcript]:
    clean = truth_transcript(truth)
    return clean, (corrupt_transcript(clean, model, rate, seed, speaker_names(truth))[0] if rate else clean)


def _talk(clean: Transcript, noisy: Transcript, ref: dt.date | None) -> list[str]:
    """The segments that name a date or speak of meeting again, as heard, the noise's changes marked."""
    out = []
    for said, heard in zip(clean.segments, noisy.segments, strict=True):
        dated = ref is not None and any(w.date is not None or w.time is not None for w in find_whens(said.text, ref))
        if dated or _MEETING_TALK.search(said.text.lower()):
            marked, _, _ = diff(said.text, heard.text)
            out.append(f"{said.speaker} {said.start:.0f}s: {marked}")
    return out


def next_misses(meetings: list[dict[str, Any]], rates: list[float], seeds: int,
                quick: bool = False) -> tuple[list[dict], Counter]:  # fmt: skip
    """Every run whose next meeting is not exact, and per (batch, rate) the runs, exact, flagged and wrong."""
    model, out, tally = ErrorModel.load(), [], Counter()
    for truth in meetings:
        ref = dt.date.fromisoformat(truth["date"]) if truth.get("date") else None
        batch = batch_of(truth["id"])
        for rate in rates:
            for seed in range(1, seeds + 1) if rate else (0,):
                clean, noisy = _noisy(truth, model, rate, seed)
                nm = (_next_only if quick else _draft)(truth, noisy).next_meeting
                score = matching.next_meeting_exact(truth["truth"].get("next_meeting"), nm)
                key = (batch, rate)
                tally[key + ("runs",)] += 1
                tally[key + ("exact",)] += score["exact"]
                if score["exact"]:
                    continue
                flagged = nm is not None and nm.needs_review
                tally[key + ("flagged" if flagged else "confident wrong" if score["predicted"] else "none",)] += 1
                out.append({"meeting": truth["id"], "batch": batch, "rate": rate, "seed": seed,
                            "truth": score["truth"], "predicted": score["predicted"],
                            "text": nm.text if nm else None, "reason": nm.review_reason if flagged else None,
                            "talk": _talk(clean, noisy, ref)})  # fmt: skip
    return out, tally


def _found(truth: dict[str, Any], transcript: Transcript, tally: Counter | None = None,
           key: tuple = ()) -> dict[int, Any]:  # fmt: skip
    """The true tasks a draft found (true index -> task); its predicted and owners right added to `tally`."""
    minutes = _draft(truth, transcript)
    names = {sp.label: sp.name for sp in transcript.speakers if sp.name}
    scores = matching.action_scores(truth["truth"], minutes.actions, names)
    if tally is not None:
        tally[(*key, "predicted")] += len(minutes.actions)
        tally[(*key, "owners right")] += scores.owner_correct
    return {p.truth: minutes.actions[p.predicted] for p in scores.match.pairs}


def lost_word(hit: set[str], what: str, owner: str | None) -> str:
    """Which word of a lost task the noise hit in its sentences: the owner's name, the task's verb, the speaker's
    'jag', else another word (what the task is about, or words around it)."""
    low = {w.lower().strip(".,!?") for w in hit}
    first = (owner or "").split()[:1]
    if first and first[0].lower() in low:
        return "owner's name"
    verb = what.split()[0].lower() if what.split() else ""
    if verb and any(w[:4] == verb[:4] for w in low if len(w) >= 3):
        return "verb"
    if "jag" in low:
        return "jag"
    return "other words"


def task_losses(meetings: list[dict[str, Any]], rates: list[float], seeds: int) -> tuple[list[dict], Counter]:
    """Every true task found on the true transcript and lost at a rate, with the sentence said and heard."""
    model, out, tally = ErrorModel.load(), [], Counter()
    for truth in meetings:
        clean = truth_transcript(truth)
        batch = batch_of(truth["id"])
        found = _found(truth, clean, tally, (batch, 0.0))
        tally[(batch, 0.0, "true found")] += len(found)
        tally[(batch, 0.0, "true")] += len(truth["truth"].get("actions") or [])
        pos = {s.id: k for k, s in enumerate(clean.segments)}
        for rate in [r for r in rates if r]:
            for seed in range(1, seeds + 1):
                _, noisy = _noisy(truth, model, rate, seed)
                heard = _found(truth, noisy, tally, (batch, rate))
                tally[(batch, rate, "found")] += len(heard)
                for i, act in found.items():
                    if i in heard:
                        continue
                    tally[(batch, rate, "lost")] += 1
                    ks = sorted({pos[e.segment_id] for e in act.evidence if e.segment_id in pos})
                    shown = [*range(max(0, ks[0] - 1), ks[0]), *ks] if ks else []
                    lines = [f"{clean.segments[k].speaker}: {diff(clean.segments[k].text, noisy.segments[k].text)[0]}"
                             for k in shown]  # fmt: skip
                    t = truth["truth"]["actions"][i]
                    hit = {w for k in shown for w in diff(clean.segments[k].text, noisy.segments[k].text)[1]}
                    why = lost_word(hit, act.what, t.get("owner"))
                    tally[(batch, rate, f"lost: {why}")] += 1
                    out.append({"meeting": truth["id"], "batch": batch, "rate": rate, "seed": seed,
                                "truth": f"{t['what']} ({t.get('owner')})", "found": f"{act.what} ({act.owner})",
                                "heard": lines, "why": why})  # fmt: skip
    return out, tally


def _print_tally(tally: Counter, kinds: tuple[str, ...]) -> None:
    for batch, rate in sorted({k[:2] for k in tally}, key=lambda k: (k[1], k[0])):
        cells = ", ".join(f"{k} {tally[(batch, rate, k)]}" for k in kinds if (batch, rate, k) in tally)
        print(f"  {batch:9} WER {rate:g}: {cells}")


def main(argv: list[str] | None = None) -> None:
    """Print the next-meeting misses (or with --tasks the lost tasks) and the counts per batch and rate."""
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(prog="python -m transcribe.bench.nextmeeting_misses", description=main.__doc__)
    ap.add_argument("--tree", help="run the package in this folder (a checkout or worktree holding transcribe/)")
    ap.add_argument("--rates", default="0.1,0.2", help="comma-separated; 0 is the true transcript")
    ap.add_argument("--seeds", type=int, default=3, help="seeds 1..N")
    ap.add_argument("--batch", default="all", help=f"comma-separated of {', '.join(BATCHES)}, other, all")
    ap.add_argument("--only", default="", help="only meetings whose id holds one of these (comma-separated)")
    ap.add_argument("--tasks", action="store_true", help="tasks lost instead of the next meeting")
    ap.add_argument("--summary", action="store_true", help="only the counts")
    ap.add_argument("--quick", action="store_true", help="the next meeting's rules alone (to iterate, not to report)")
    args = ap.parse_args(argv)
    if args.tree:
        rest = [a for i, a in enumerate(argv) if a != "--tree" and not a.startswith("--tree=")
                and (i == 0 or argv[i - 1] != "--tree")]  # fmt: skip
        raise SystemExit(_child(args.tree, rest))
    rates = [float(r) for r in args.rates.split(",") if r.strip()]
    meetings = select(args.batch, args.only)
    if args.tasks:
        items, tally = task_losses(meetings, rates, args.seeds)
        for it in [] if args.summary else items:
            print(f"[{it['meeting']} WER {it['rate']:g} s{it['seed']}] {it['truth']}\n  true found: {it['found']}")
            print(f"  hit: {it['why']}")
            print("".join(f"\n    {line}" for line in it["heard"]).lstrip("\n"), end="\n\n")
        kinds = ("true", "true found", "found", "predicted", "owners right", "lost")
        _print_tally(tally, (*kinds, *(f"lost: {w}" for w in ("owner's name", "verb", "jag", "other words"))))
        return
    items, tally = next_misses(meetings, rates, args.seeds, args.quick)
    for it in [] if args.summary else items:
        print(f"[{it['meeting']} WER {it['rate']:g} s{it['seed']}] truth {it['truth']}, drafted {it['predicted']} "
              f"({it['text']}){'; flagged: ' + it['reason'] if it['reason'] else ''}")  # fmt: skip
        print("".join(f"\n    {line}" for line in it["talk"]).lstrip("\n"), end="\n\n")
    _print_tally(tally, ("runs", "exact", "flagged", "confident wrong", "none"))
    sys.stdout.flush()


def _child(tree: str, argv: list[str]) -> int:
    """This file run with the package of `tree` in a child process (a checkout older than this bench has none)."""
    env = {**os.environ, "PYTHONPATH": str(Path(tree).resolve())}
    run = "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')"
    cmd = [sys.executable, "-c", run, str(Path(__file__).resolve()), *argv]
    return subprocess.run(cmd, cwd=tree, env=env, check=False).returncode


if __name__ == "__main__":
    main()
