"""Recurring speakers and review flags on the sample meetings: `bench_speakers(args) -> dict`.

1. Enrol natverk-1's speakers the way a facilitator would: each diarised label
   named after the true speaker it overlaps most (truth.rttm), then
   `enroll_transcript` on the pipeline's transcript and audio.
2. Match the labels of natverk-2, natverk-3 (same five voices) and styrelse
   (other people): naming accuracy, labels left anonymous, wrong confident
   names (must be 0), proposals.
3. Review flags, judged against truth.json with `transcribe.bench.matching`
   (an action is only right with the right owner and due date when it states
   them): flag recall = share of wrong items flagged, flag noise = share of
   right items flagged, the extractor's own flags beside them. Two sets:
   "end_to_end", the minutes of the pipeline's own transcripts, and
   "true_text_asr_probabilities", minutes of the true transcripts whose words
   carry the recogniser's probability at the same time (what the flags would
   say had the words been right: a measure of flag noise with real
   probabilities even when the recogniser's text yields few items).

Pipeline runs live in samples/cache/speakers-bench/<id>/work and are reused.
`--calibrate` also diarises the other samples and prints the same/different
person scores of these synthetic voices (the thresholds in match.py come from
real voices: `transcribe.bench.profiles_real`).

    python -m transcribe.bench.profiles [--calibrate] [--json out.json]
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from transcribe.audio import Audio, decode
from transcribe.bench import matching as ev
from transcribe.bench.core import truth_transcript
from transcribe.confidence.items import score_minutes
from transcribe.config import SAMPLES_DIR
from transcribe.diarize.base import Diarization, Turn
from transcribe.diarize.embedded import EmbeddedDiarizer
from transcribe.diarize.naming import apply_names
from transcribe.minutes import extract_minutes
from transcribe.pipeline import PipelineOptions, run_pipeline
from transcribe.speakers import recognise
from transcribe.speakers.evidence import label_pieces
from transcribe.speakers.match import MARGIN, T_NAMED, T_PROPOSED, match_speakers, score_matrix
from transcribe.speakers.profiles import Profile, ProfileDirectory, embed_voice, enroll_transcript
from transcribe.transcript import Word

CACHE = SAMPLES_DIR / "cache" / "speakers-bench"
ENROL = "natverk-1"
PROBES = ("natverk-2", "natverk-3", "styrelse")
ALL = ("natverk-1", "natverk-2", "natverk-3", "styrelse", "projekt", "apt", "ej-beslut", "uppfoljning")


# ----------------------------------------------------------------------------- data


def load_truth(sid: str) -> dict[str, Any]:
    return json.loads((SAMPLES_DIR / sid / "truth.json").read_text(encoding="utf-8"))


def truth_turns(sid: str) -> list[Turn]:
    turns = []
    for line in (SAMPLES_DIR / sid / "truth.rttm").read_text(encoding="utf-8").splitlines():
        f = line.split()
        if len(f) >= 8 and f[0] == "SPEAKER":
            turns.append(Turn(float(f[3]), float(f[3]) + float(f[4]), f[7]))
    return turns


def majority(turns: Sequence[Turn], truth: Sequence[Turn]) -> dict[str, tuple[str, float]]:
    """{label: (true speaker it overlaps most, share of its time that is that speaker's)}."""
    overlap: dict[str, dict[str, float]] = {}
    for t in turns:
        row = overlap.setdefault(t.speaker, {})
        for r in truth:
            ov = min(t.end, r.end) - max(t.start, r.start)
            if ov > 0:
                row[r.speaker] = row.get(r.speaker, 0.0) + ov
    out = {}
    for label, row in overlap.items():
        if row:
            best = max(row, key=row.__getitem__)
            out[label] = (best, row[best] / sum(row.values()))
    return out


def pipeline_run(sid: str, args: Any = None) -> Any:
    """The pipeline on one sample, resumable in the cache (transcription is reused on reruns)."""
    truth = load_truth(sid)
    options = PipelineOptions(
        model=getattr(args, "model", "base"), diarizer="embedded",
        minutes_backend=getattr(args, "minutes_backend", "rules"),
        title=truth.get("title"), place=truth.get("place"),
        meeting_date=dt.date.fromisoformat(truth["date"]) if truth.get("date") else None,
    )  # fmt: skip
    return run_pipeline(SAMPLES_DIR / sid / "meeting.ogg", CACHE / sid / "work", options)


def diarised(sid: str) -> tuple[Diarization, Any]:
    """(diarisation, audio) of a sample: the pipeline's cached result, else diarisation alone (cached)."""
    work = CACHE / sid / "work"
    audio = decode(SAMPLES_DIR / sid / "meeting.ogg", work)
    for path in (work / "diarize.json", CACHE / sid / "diarize.json"):
        if path.exists():
            return Diarization.from_json(path.read_text()), audio
    d = EmbeddedDiarizer().diarize(audio)
    (CACHE / sid / "diarize.json").write_text(d.to_json())
    return d, audio


# ----------------------------------------------------------------------------- recognition


def enrol_from(sid: str, result: Any, directory: Any) -> dict[str, str]:
    """Enrol a meeting's speakers named as a facilitator would; returns {label: name}."""
    names = {s["id"]: s["name"] for s in load_truth(sid)["speakers"]}
    mapping = majority(result.diarization.turns, truth_turns(sid))
    label_names = {label: names[who] for label, (who, _) in mapping.items()}
    named = apply_names(result.transcript, label_names, source="user")
    audio = Audio.from_wav(CACHE / sid / "work" / "audio.wav")
    enroll_transcript(directory, named, audio, f"meeting:{sid}", user="bench", audit=False)
    return label_names


def meeting_audio(sid: str) -> Audio:
    return Audio.from_wav(CACHE / sid / "work" / "audio.wav")


def score_recognition(sid: str, diarization: Diarization, directory: Any) -> dict[str, Any]:
    """Each label matched as the pipeline matches it: piece by piece, normalised against the cohort."""
    names = {s["id"]: s["name"] for s in load_truth(sid)["speakers"]}
    enrolled = {p.name for p in directory.list()}
    truth_of = majority(diarization.turns, truth_turns(sid))
    pieces = label_pieces(meeting_audio(sid), diarization.turns, diarization.labels)
    matches = match_speakers(diarization, directory, pieces=pieces)
    rows = []
    for label, m in sorted(matches.items()):
        who, purity = truth_of.get(label, (None, 0.0))
        true_name = names.get(who) if who else None
        rows.append(
            {
                "label": label,
                "truth": true_name,
                "purity": round(purity, 2),
                "status": m.status,
                "name": m.name,
                "score": m.score,
                "correct": m.name == true_name if m.name else None,
            }
        )
    named = [r for r in rows if r["status"] == "named"]
    proposed = [r for r in rows if r["status"] == "proposed"]
    known = [r for r in rows if r["truth"] in enrolled]
    return {
        "labels": len(rows),
        "named": len(named),
        "named_correct": sum(1 for r in named if r["correct"]),
        "wrong_confident": sum(1 for r in named if not r["correct"]),
        "proposed": len(proposed),
        "proposed_correct": sum(1 for r in proposed if r["correct"]),
        "anonymous": sum(1 for r in rows if r["status"] == "anonymous"),
        "enrolled_people_present": len(known),
        "rows": rows,
    }


# ----------------------------------------------------------------------------- flags


def judge_items(truth: dict[str, Any], minutes: Any, names: dict[str, str]) -> list[tuple[str, Any, bool]]:
    """(kind, item, right?) for decisions, actions, open items and the next meeting."""
    t = truth["truth"]
    out: list[tuple[str, Any, bool]] = []
    dec = ev.decision_scores(t, minutes.decisions)
    hit = {p.predicted for p in dec.pairs}
    out += [("decision", d, i in hit) for i, d in enumerate(minutes.decisions)]
    acts = t.get("actions") or []
    am = ev.action_scores(t, minutes.actions, names).match
    right = set()
    for p in am.pairs:
        a, item = acts[p.truth], minutes.actions[p.predicted]
        owner = names.get(item.owner, item.owner) if item.owner else None
        ok_owner = owner is None or ev.same_person(a.get("owner"), owner)
        ok_due = item.due is None or ev.as_date(a.get("due")) == item.due
        if ok_owner and ok_due:
            right.add(p.predicted)
    out += [("action", a, i in right) for i, a in enumerate(minutes.actions)]
    opens = t.get("not_decided") or []
    om = ev.match_items([o["text"] for o in opens], [o.text for o in minutes.not_decided])
    hit = {p.predicted for p in om.pairs}
    out += [("open", o, i in hit) for i, o in enumerate(minutes.not_decided)]
    if minutes.next_meeting is not None:
        ok = ev.next_meeting_exact(t.get("next_meeting"), minutes.next_meeting)["date_match"]
        out.append(("next_meeting", minutes.next_meeting, bool(ok)))
    return out


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def score_flags(judged: list[tuple[str, Any, bool, bool, Any]]) -> dict[str, Any]:
    """judged rows: (kind, scored item, right?, flagged by the extractor alone?, ...)."""
    wrong = [r for r in judged if not r[2]]
    right = [r for r in judged if r[2]]
    return {
        "items": len(judged), "wrong": len(wrong), "right": len(right),
        "flag_recall": _rate(sum(1 for r in wrong if r[1].needs_review), len(wrong)),
        "flag_noise": _rate(sum(1 for r in right if r[1].needs_review), len(right)),
        "extractor_flag_recall": _rate(sum(1 for r in wrong if r[3]), len(wrong)),
        "extractor_flag_noise": _rate(sum(1 for r in right if r[3]), len(right)),
    }  # fmt: skip


def truth_with_asr_probabilities(truth: dict[str, Any], heard: Any) -> Any:
    """The true transcript, its words spread evenly over each turn and given the probability of
    the recognised word at that time: what the flags would say if the words had been right.

    Where the recogniser produced no word at all, the word keeps p=1 (nothing to judge); the share
    of words that found a recognised counterpart is left in metadata["asr_coverage"]."""
    t = truth_transcript(truth)
    asr_words = sorted((w for s in heard.segments for w in s.words), key=lambda w: w.start)
    starts = [w.start for w in asr_words]
    covered = 0
    for seg in t.segments:
        tokens = seg.text.split()
        step = seg.duration / max(1, len(tokens))
        for k, tok in enumerate(tokens):
            a, b = seg.start + k * step, seg.start + (k + 1) * step
            mid = (a + b) / 2
            i = bisect.bisect_right(starts, mid) - 1
            found = i >= 0 and asr_words[i].end >= mid - 0.2
            covered += found
            p = asr_words[i].probability if found else 1.0
            seg.words.append(Word(start=round(a, 3), end=round(b, 3), text=" " + tok, probability=p,
                                  speaker=seg.speaker))  # fmt: skip
    total = sum(len(seg.words) for seg in t.segments)
    t.metadata["asr_coverage"] = f"{covered / total:.3f}" if total else "0"
    return t


def _judged_flags(sid: str, t: Any, args: Any, items: list[dict[str, Any]],
                  tag: str) -> list[tuple[str, Any, bool, bool, str]]:  # fmt: skip
    """Minutes of `t` scored by confidence.score_minutes and judged against the truth."""
    truth = load_truth(sid)
    minutes = extract_minutes(t, title=truth.get("title"))
    scored = score_minutes(minutes, t)
    names = {s.label: s.name for s in t.speakers if s.name}
    out = []
    for (kind, before, ok), (_, item, _) in zip(judge_items(truth, minutes, names),
                                                judge_items(truth, scored, names), strict=True):  # fmt: skip
        out.append((kind, item, ok, before.needs_review, sid))
        items.append({"set": tag, "meeting": sid, "kind": kind, "right": ok, "confidence": item.confidence,
                      "flagged": item.needs_review, "reason": item.review_reason,
                      "text": getattr(item, "text", None) or getattr(item, "what", "")})  # fmt: skip
    return out


# ----------------------------------------------------------------------------- calibration


def calibrate(samples: Sequence[str] = ALL) -> dict[str, Any]:
    """Same- vs different-person scores: profiles from one meeting against labels of every other."""
    labels: dict[str, list[tuple[str, str, np.ndarray, float]]] = {}
    profiles: dict[str, list[tuple[str, Profile]]] = {}
    for sid in samples:
        d, audio = diarised(sid)
        truth_of = majority(d.turns, truth_turns(sid))
        labels[sid] = [(lb, truth_of[lb][0], v, truth_of[lb][1]) for lb, v in d.embeddings.items() if lb in truth_of]
        spans: dict[str, list[tuple[float, float]]] = {}
        for t in d.turns:
            if t.speaker in truth_of:
                spans.setdefault(truth_of[t.speaker][0], []).append((t.start, t.end))
        profiles[sid] = []
        for who, person_spans in spans.items():
            voice = embed_voice(audio, person_spans)
            variants = {k: v.tolist() for k, v in voice.variants.items()}
            profiles[sid].append((who, Profile(name=who, embeddings=voice.vectors.tolist(), variants=variants)))
    same, diff = [], []
    for a in samples:
        for b in samples:
            if a == b:
                continue
            for who, p in profiles[a]:
                for label, true_who, v, purity in labels[b]:
                    score = float(score_matrix([label], {label: v / np.linalg.norm(v)}, [p])[0, 0])
                    row = (score, f"{a}:{who}", f"{b}:{label}={true_who}", round(purity, 2))
                    (same if who == true_who else diff).append(row)
    s = np.array([r[0] for r in same]) if same else np.zeros(0)
    x = np.array([r[0] for r in diff])

    def stats(v: np.ndarray) -> dict[str, float]:
        if not len(v):
            return {}
        return {"n": len(v), "min": round(float(v.min()), 3), "p1": round(float(np.percentile(v, 1)), 3),
                "p5": round(float(np.percentile(v, 5)), 3), "median": round(float(np.median(v)), 3),
                "p95": round(float(np.percentile(v, 95)), 3), "p99": round(float(np.percentile(v, 99)), 3),
                "max": round(float(v.max()), 3)}  # fmt: skip

    return {
        "same_person": stats(s),
        "different_person": stats(x),
        "top_different": sorted(diff, reverse=True)[:8],
        "lowest_same": sorted(same)[:5],
    }


# ----------------------------------------------------------------------------- the hook


def bench_speakers(args: Any = None) -> dict[str, Any]:
    """Recognition and flag figures on the samples (see the module docstring)."""
    out: dict[str, Any] = {"thresholds": {"named": T_NAMED, "proposed": T_PROPOSED, "margin": MARGIN},
                           "enrolled_from": ENROL, "probes": list(PROBES)}  # fmt: skip
    runs = {sid: pipeline_run(sid, args) for sid in (ENROL, *PROBES)}
    with tempfile.TemporaryDirectory(prefix="speakers-bench-") as tmp:
        directory = ProfileDirectory(Path(tmp) / "speakers")
        enrol_from(ENROL, runs[ENROL], directory)
        out["profiles"] = {p.name: p.n_samples for p in directory.list()}
        per = {sid: score_recognition(sid, runs[sid].diarization, directory) for sid in PROBES}
        out["recognition"] = per
        same = [per[s] for s in PROBES if s.startswith("natverk")]
        named = sum(p["named"] for p in per.values())
        labels = sum(p["labels"] for p in per.values())
        out["recognition_total"] = {
            "naming_accuracy": _rate(sum(p["named_correct"] for p in per.values()), named),
            "named_share_of_recurring_labels": _rate(sum(p["named_correct"] for p in same),
                                                     sum(p["enrolled_people_present"] for p in same)),
            "anonymous_share": _rate(sum(p["anonymous"] for p in per.values()), labels),
            "wrong_confident": sum(p["wrong_confident"] for p in per.values()),
            "proposals": sum(p["proposed"] for p in per.values()),
            "proposals_correct": sum(p["proposed_correct"] for p in per.values()),
        }  # fmt: skip
        e2e: list[tuple[str, Any, bool, bool, str]] = []
        on_truth: list[tuple[str, Any, bool, bool, str]] = []
        items: list[dict[str, Any]] = []
        coverage: dict[str, float] = {}
        for sid, r in runs.items():
            t = recognise(r.transcript, r.diarization, directory=directory, audio=meeting_audio(sid)) if sid != ENROL \
                else r.transcript  # fmt: skip
            e2e += _judged_flags(sid, t, args, items, "end_to_end")
            true_t = truth_with_asr_probabilities(load_truth(sid), r.transcript)
            coverage[sid] = float(true_t.metadata["asr_coverage"])
            on_truth += _judged_flags(sid, true_t, args, items, "true_text")
        out["flags"] = {"end_to_end": score_flags(e2e), "true_text_asr_probabilities": score_flags(on_truth)}
        out["flags"]["true_text_asr_probabilities"]["asr_word_coverage"] = coverage
        out["flags"]["end_to_end"]["per_meeting"] = {sid: score_flags([j for j in e2e if j[4] == sid]) for sid in runs}
        out["items"] = items
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calibrate", action="store_true", help="also print the threshold calibration")
    parser.add_argument("--model", default="base")
    parser.add_argument("--json", type=Path, help="write the result here")
    ns = parser.parse_args(argv)
    ns.minutes_backend = "rules"
    result: dict[str, Any] = {}
    if ns.calibrate:
        result["calibration"] = calibrate()
        print(json.dumps(result["calibration"], indent=1, ensure_ascii=False), flush=True)
    result["bench"] = bench_speakers(ns)
    text = json.dumps(result, indent=1, ensure_ascii=False, default=str)
    if ns.json:
        ns.json.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
