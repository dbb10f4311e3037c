"""The series' vocabulary on the dev series natverk-1, -2, -3: recognition and minutes with and without it.

Each later meeting is decoded (the product's tuned decoding, the bundled base model) three ways:
with no vocabulary (the naive baseline), with the participants' names typed by hand (what
`--vocabulary` gives, as the decoding bench does), and with the vocabulary `--series` assembles from
the earlier meetings alone (natverk-2 learns from natverk-1; natverk-3 from 1 and 2). The earlier
meetings stand as reviewed: their true transcripts with named speakers and the rules' minutes of
them, approved. Reported per meeting: WER, how many occurrences of the vocabulary's words in the
reference the recogniser wrote, and the minutes' actions found with the right owner (words carry the
true speakers, so only the words differ). Dev data only: this chose nothing and tunes nothing.

Decoding is slow on a shared CPU, so it is not a `transcribe bench` section; results are kept in
samples/cache/vocabulary/ under a key of the audio, the model and the decoding arguments.

    python -m transcribe.bench.vocabulary [--seconds N] [--json FILE]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from transcribe import asr
from transcribe.audio import decode
from transcribe.bench.core import SAMPLES_DIR
from transcribe.bench.metrics import word_errors
from transcribe.fsutil import atomic_write_text
from transcribe.minutes import extract_minutes
from transcribe.models import resolve
from transcribe.pipeline import PipelineOptions
from transcribe.series import store
from transcribe.sv.spoken import normalise
from transcribe.transcript import Segment, SpeakerInfo, Transcript
from transcribe.vocabulary import counter_for, meeting_vocabulary

SERIES = ("natverk-1", "natverk-2", "natverk-3")
CACHE_DIR = SAMPLES_DIR / "cache" / "vocabulary"
CONDITIONS = ("none", "participants", "series")


def truth_of(meeting: str) -> dict[str, Any]:
    return json.loads((SAMPLES_DIR / meeting / "truth.json").read_text(encoding="utf-8"))


def true_transcript(truth: dict[str, Any], until: float | None = None) -> Transcript:
    """The script as a reviewed transcript: its turns, speakers named, the meeting's metadata."""
    turns = [s for s in sorted(truth["segments"], key=lambda s: s["start"]) if until is None or s["end"] <= until]
    segments = [Segment(id=i, start=s["start"], end=s["end"], text=s["text"], speaker=s["speaker"])
                for i, s in enumerate(turns)]  # fmt: skip
    speakers = [SpeakerInfo(label=sp["id"], name=sp["name"], role=sp.get("role")) for sp in truth["speakers"]]
    meta = {"title": truth.get("title") or "", "date": truth.get("date") or "", "place": truth.get("place") or ""}
    return Transcript(duration=truth["duration"], segments=segments, speakers=speakers, metadata=meta)


def write_earlier(meeting: str, folder: Path) -> Path:
    """An earlier meeting as the series finds it once reviewed: transcript.json and approved minutes."""
    truth = truth_of(meeting)
    transcript = true_transcript(truth)
    minutes = extract_minutes(transcript, meeting_date=dt.date.fromisoformat(truth["date"]), title=truth["title"])
    (folder / "versions" / "v1").mkdir(parents=True, exist_ok=True)
    for name in ("transcript.json", "versions/v1/transcript.json"):
        (folder / name).write_text(transcript.to_json(), encoding="utf-8")
    (folder / "minutes.approved.json").write_text(minutes.to_json(), encoding="utf-8")
    return folder


def series_vocabulary(meeting: str, root: Path, model: str) -> tuple[list[str], list[str]]:
    """What `run --series` would give `meeting` with the meetings before it in the series."""
    os.environ["TRANSCRIBE_DATA_DIR"] = str(root / "data")
    name = "natverk-dev"
    if not store.exists(name):
        store.create(name)
    earlier = SERIES[: SERIES.index(meeting)]
    store.add(name, [write_earlier(m, root / m) for m in earlier])
    current = store.load(name)
    current.meetings = [m for m in current.meetings if Path(m.path).name in earlier]
    store.save(current)
    return meeting_vocabulary(PipelineOptions(model=model, series=name), None, root / meeting, counter_for(model))


def recognise(meeting: str, vocabulary: list[str], model: str, seconds: float | None) -> Transcript:
    """Tuned decoding with this vocabulary, from the cache when this exact decoding was done before."""
    audio_path = SAMPLES_DIR / meeting / "meeting.ogg"
    options = asr.AsrOptions(vocabulary=vocabulary)
    h = hashlib.sha256(audio_path.read_bytes())
    h.update(str(resolve(model, kind="whisper")).encode())
    h.update(json.dumps([asr.decode_kwargs(options), seconds], sort_keys=True, ensure_ascii=False).encode())
    path = CACHE_DIR / meeting / f"{h.hexdigest()[:20]}.json"
    if path.exists():
        return Transcript.from_json(path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        audio = decode(audio_path, Path(tmp))
        if seconds:
            audio = dataclasses.replace(audio, samples=audio.samples[: int(seconds * audio.sample_rate)])
        transcript = asr.transcribe(audio, model, options)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, transcript.to_json())
    return transcript


def term_hits(terms: list[str], ref: str, hyp: str) -> tuple[int, int]:
    """(occurrences of the terms' words in the reference, of those the hypothesis also has), in spoken form."""
    ref_words, hyp_words = normalise(ref).split(), normalise(hyp).split()
    wanted = {w for t in terms for w in normalise(t).split() if len(w) >= 4}
    total = found = 0
    for word in wanted:
        n = ref_words.count(word)
        total += n
        found += min(n, hyp_words.count(word))
    return total, found


def with_true_speakers(hyp: Transcript, truth: dict[str, Any]) -> Transcript:
    """Each recognised segment gets the true speaker of the turn it overlaps most."""
    turns = truth["segments"]
    for seg in hyp.segments:
        best = max(turns, key=lambda t: min(seg.end, t["end"]) - max(seg.start, t["start"]))
        seg.speaker = best["speaker"]
    hyp.speakers = [SpeakerInfo(label=sp["id"], name=sp["name"]) for sp in truth["speakers"]]
    return hyp


def _overlaps(start: float, end: float, item: dict[str, Any], slack: float = 5.0) -> bool:
    return start < item["end"] + slack and end > item["start"] - slack


def owners(hyp: Transcript, truth: dict[str, Any], rules_names: list[str], until: float | None) -> dict[str, int]:
    """True actions (within the decoded part) found near their turn, and of those with the right owner."""
    minutes = extract_minutes(with_true_speakers(hyp, truth), meeting_date=dt.date.fromisoformat(truth["date"]),
                              title=truth["title"], vocabulary=rules_names)  # fmt: skip
    wanted = [a for a in truth["truth"]["actions"] if until is None or a["end"] <= until]
    found = right = 0
    for a in wanted:
        near = [x for x in minutes.actions if any(_overlaps(e.start, e.end, a) for e in x.evidence)]
        found += bool(near)
        right += any((x.owner or "").casefold() == a["owner"].casefold() for x in near)
    return {"actions": len(wanted), "found": found, "right_owner": right}


def run(model: str = "base", seconds: float | None = None) -> dict[str, Any]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for meeting in SERIES[1:]:
            truth = truth_of(meeting)
            ref = " ".join(s.text for s in true_transcript(truth, seconds).segments)
            heard, rules = series_vocabulary(meeting, Path(tmp) / meeting, model)
            typed = [sp["name"] for sp in truth["speakers"]]
            vocab = {"none": [], "participants": typed, "series": heard}
            row: dict[str, Any] = {"id": meeting, "series_vocabulary": heard}
            for cond in CONDITIONS:
                hyp = recognise(meeting, vocab[cond], model, seconds)
                text = " ".join(s.text for s in hyp.segments)
                e = word_errors(ref, text)
                total, found = term_hits(heard, ref, text)
                names = {"none": [], "participants": typed, "series": rules}[cond]
                row[cond] = {"wer": round(e.wer, 4), "ref_words": e.ref_words, "term_words": total,
                             "term_words_heard": found, **owners(hyp, truth, names, seconds)}  # fmt: skip
            rows.append(row)
    return {"set": "dev", "model": model, "seconds": seconds, "per_meeting": rows}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m transcribe.bench.vocabulary", description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="base")
    ap.add_argument("--seconds", type=float, default=None, help="decode only the first N seconds")
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args(argv)
    result = run(a.model, a.seconds)
    for r in result["per_meeting"]:
        print(f"{r['id']}: {len(r['series_vocabulary'])} series terms: {', '.join(r['series_vocabulary'])}")
        for cond in CONDITIONS:
            c = r[cond]
            print(f"  {cond:<13} WER {c['wer']:.3f}  vocabulary words heard {c['term_words_heard']}/{c['term_words']}"
                  f"  actions found {c['found']}/{c['actions']}, right owner {c['right_owner']}")  # fmt: skip
    if a.json:
        atomic_write_text(a.json, json.dumps(result, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
