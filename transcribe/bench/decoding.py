"""Benchmark section `decoding`: the product's decoding against plain faster-whisper, same model, same audio.

Every held-out meeting (samples/heldout/<id>/, never used to choose a setting) is recognised twice
in one run: with faster-whisper's own defaults (only the language forced to Swedish; the model loaded
at its default precision, float32 on CPU, as `WhisperModel(path)` loads it) and with the
product's settings (`transcribe.asr.TUNED`, the participants' names as vocabulary, as `--vocabulary`
or an agenda would give them). WER is computed on the spoken form of both texts (the project's one
normaliser: numbers spelled out, case and punctuation removed); RTF is decoding time over audio
length for each, measured under the same load. The settings themselves were chosen on the dev
meetings (`--set dev`, or `--set dev-wide` with the minutes and agenda dev meetings too; `--cut S`
screens on each meeting's first S seconds), whose tuned transcripts `--export` writes for the error model.

Decoding is slow on a shared CPU, so each result is kept in samples/cache/decoding/ under a key of
the audio's bytes, the model, its compute precision and the exact decoding arguments; a row says when it came from there
(its RTF is the one measured when it was decoded). `--fresh` decodes everything again.

    transcribe bench --decoding
    python -m transcribe.bench.decoding [--set heldout|dev|dev-wide] [--cut S] [--samples id,id] [--fresh]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from rich import box
from rich.console import Console
from rich.table import Table

from transcribe import asr, lexfix
from transcribe.audio import Audio, decode
from transcribe.bench.core import SAMPLES_DIR, BenchArgs, participants, section
from transcribe.bench.metrics import WordErrors, word_errors
from transcribe.fsutil import atomic_write_text
from transcribe.models import resolve
from transcribe.transcript import Transcript

HELDOUT_DIR = SAMPLES_DIR / "heldout"
MINUTES_DEV_DIR = SAMPLES_DIR / "minutes-dev"
AGENDA_DIR = SAMPLES_DIR / "agenda"
SETS = ("heldout", "dev", "dev-wide")
CUT_PAD_S = 0.3  # audio kept after the last whole turn of a screening cut
CACHE_DIR = SAMPLES_DIR / "cache" / "decoding"
TARGET_RATIO = 0.85  # tuned WER at most this share of plain faster-whisper's
MODES = ("plain", "tuned")


def meeting_dirs(which: str, ids: list[str] | None = None) -> list[Path]:
    """The meetings of a set: 'heldout' (samples/heldout/<id>), 'dev' (samples/<id> with a script) or
    'dev-wide' (dev, the minutes dev meetings and the agenda meetings whose truth says split: dev)."""
    if which == "heldout":
        dirs = sorted(p.parent for p in HELDOUT_DIR.glob("*/truth.json"))
    elif which in ("dev", "dev-wide"):
        scripts = {p.stem for p in (SAMPLES_DIR / "scripts").glob("*.yaml")}
        dirs = sorted(SAMPLES_DIR / s for s in scripts if (SAMPLES_DIR / s / "truth.json").exists())
        if which == "dev-wide":
            dirs += sorted(p.parent for p in MINUTES_DEV_DIR.glob("*/truth.json"))
            dirs += [p.parent for p in sorted(AGENDA_DIR.glob("*/agenda-truth.yaml")) if _split(p) == "dev"]
    else:
        raise ValueError(f"unknown set {which!r} ({', '.join(SETS)})")
    return [d for d in dirs if (not ids or d.name in ids) and any(d.glob("meeting.*"))]


def _split(agenda_truth: Path) -> str | None:
    return (yaml.safe_load(agenda_truth.read_text(encoding="utf-8")) or {}).get("split")


def cut_point(truth: dict[str, Any], cut_s: float | None) -> float | None:
    """Where a screening cut of about `cut_s` seconds ends: after the last turn that ends by then, before
    the next one starts, so the cut audio and the reference hold the same turns. None: the whole meeting."""
    if not cut_s:
        return None
    segs = sorted(truth["segments"], key=lambda s: (s["start"], s["turn"]))
    ends = [s["end"] for s in segs if s["end"] <= cut_s] or [segs[0]["end"]]
    later = [s["start"] for s in segs if s["start"] >= ends[-1]]
    return round(min(ends[-1] + CUT_PAD_S, later[0] - 0.05) if later else ends[-1] + CUT_PAD_S, 3)


def reference(truth: dict[str, Any], until: float | None = None) -> str:
    """The true words in spoken order (of the turns ending by `until`, a cut point, when given)."""
    segs = sorted(truth["segments"], key=lambda s: (s["start"], s["turn"]))
    return " ".join(s["text"] for s in segs if until is None or s["end"] <= until)


def options_for(mode: str, truth: dict[str, Any]) -> asr.AsrOptions:
    """Plain: faster-whisper's defaults. Tuned: the product's defaults with the participants as vocabulary."""
    if mode == "plain":
        return asr.plain_options()
    return asr.AsrOptions(vocabulary=participants(truth))


def _cache_key(audio_path: Path, model: str, options: asr.AsrOptions, cut: float | None = None) -> str:
    h = hashlib.sha256(audio_path.read_bytes())
    h.update(str(resolve(model, kind="whisper")).encode())
    h.update(json.dumps(asr.decode_kwargs(options), sort_keys=True, ensure_ascii=False).encode())
    h.update(f"compute {options.compute_type}".encode())  # int8 and float32 decode the same audio differently
    h.update(asr.REPAIRS.encode() if options.decoding != "plain" else b"raw")  # the repairs after decoding
    if cut is not None:
        h.update(f"cut {cut}".encode())
    return h.hexdigest()[:20]


def recognise(meeting: Path, mode: str, model: str = "base", fresh: bool = False,
              cut: float | None = None) -> dict[str, Any]:  # fmt: skip
    """One meeting in one mode: its transcript, decoding seconds (model loading apart), audio seconds, cached or not.

    `cut`: only the audio before that point (a screening cut, `cut_point`)."""
    truth = json.loads((meeting / "truth.json").read_text(encoding="utf-8"))
    audio_path = next(iter(sorted(meeting.glob("meeting.*"))))
    options = options_for(mode, truth)
    # The cache holds the decoder's output; the text repairs after it are cheap and always applied anew.
    raw = dataclasses.replace(options, correct_words=False)
    path = CACHE_DIR / meeting.name / f"{mode}-{_cache_key(audio_path, model, raw, cut)}.json"
    if path.exists() and not fresh:
        saved = json.loads(path.read_text(encoding="utf-8"))
        row = {**saved, "transcript": Transcript.model_validate(saved["transcript"]), "cached": True}
    else:
        with tempfile.TemporaryDirectory() as tmp:
            audio = decode(audio_path, Path(tmp))
            if cut is not None:
                audio = Audio.from_array(audio.float32(0.0, cut), Path(tmp) / "cut")
            stats = asr.AsrStats()
            transcript = asr.transcribe(audio, model, raw, stats=stats)
            audio_s = audio.duration
        row = {"decode_s": round(stats.decode_s, 2), "audio_s": round(audio_s, 2), "transcript": transcript}
        path.parent.mkdir(parents=True, exist_ok=True)
        saved = {**row, "transcript": transcript.model_dump(mode="json")}
        atomic_write_text(path, json.dumps(saved, ensure_ascii=False))
        row["cached"] = False
    if options.decoding != "plain" and options.correct_words:
        row["transcript"], row["corrected_words"] = asr.after_decoding(row["transcript"], options.vocabulary)
    return row


def _hyp_text(transcript: Transcript) -> str:
    return " ".join(s.text for s in transcript.segments)


def _wer_row(e: WordErrors) -> dict[str, Any]:
    return {"wer": round(e.wer, 4), "sub": e.substitutions, "del": e.deletions, "ins": e.insertions}


def spread(ratios: list[float]) -> dict[str, Any] | None:
    """On how many meetings tuned beat plain, and the quartiles of their ratios: a setting must help most
    meetings, not the pooled figure only."""
    if not ratios:
        return None
    quartiles = [round(float(q), 3) for q in np.percentile(ratios, [25, 50, 75])]
    return {"better": sum(x < 1 for x in ratios), "meetings": len(ratios), "ratio_quartiles": quartiles}


def run(which: str = "heldout", model: str = "base", ids: list[str] | None = None, fresh: bool = False,
        export: Path | None = None, modes: tuple[str, ...] = MODES,
        cut: float | None = None) -> dict[str, Any]:  # fmt: skip
    """Both decodings on every meeting of the set; per meeting and mean WER, their ratio and both RTFs.

    `modes=("tuned",)` only decodes the product's way (the dev transcripts the error model learns from).
    `cut`: screen on the first `cut` seconds of each meeting (whole turns) instead of the whole recording.
    """
    rows: list[dict[str, Any]] = []
    totals = {m: WordErrors(0, 0, 0, 0) for m in modes}
    for meeting in meeting_dirs(which, ids):
        truth = json.loads((meeting / "truth.json").read_text(encoding="utf-8"))
        until = cut_point(truth, cut)
        ref = reference(truth, until)
        row: dict[str, Any] = {"id": meeting.name}
        for mode in modes:
            got = recognise(meeting, mode, model, fresh, until)
            e = word_errors(ref, _hyp_text(got["transcript"]))
            totals[mode] = totals[mode] + e
            row["audio_s"] = got["audio_s"]
            row["ref_words"] = e.ref_words
            row[mode] = {**_wer_row(e), "rtf": round(got["decode_s"] / got["audio_s"], 3), "cached": got["cached"],
                         "corrected_words": got.get("corrected_words", 0)}  # fmt: skip
            if export and mode == "tuned":
                export.mkdir(parents=True, exist_ok=True)
                atomic_write_text(export / f"{meeting.name}.json", got["transcript"].model_dump_json())
        both = set(MODES) <= set(modes)
        row["ratio"] = round(row["tuned"]["wer"] / row["plain"]["wer"], 3) if both and row["plain"]["wer"] else None
        rows.append(row)
    if not rows:
        return {"set": which, "skipped": f"no meetings with audio in the {which} set"}
    mean = {m: round(sum(r[m]["wer"] for r in rows) / len(rows), 4) for m in modes}
    pooled = {m: round(totals[m].wer, 4) for m in modes}
    rtf = {m: round(sum(r[m]["rtf"] * r["audio_s"] for r in rows) / sum(r["audio_s"] for r in rows), 3) for m in modes}
    ratio = round(mean["tuned"] / mean["plain"], 3) if mean.get("plain") and "tuned" in mean else None
    settings = {k: v for k, v in asr.decode_kwargs(asr.AsrOptions()).items() if k not in ("hotwords", "initial_prompt")}
    return {
        "set": which,
        "model": model,
        "plain": f"faster-whisper defaults (compute type {asr.PLAIN_COMPUTE_TYPE!r}: the model's own, float32 on "
        "CPU), language sv",
        "tuned": {
            "compute_type": asr.AsrOptions().compute_type,
            **settings,
            "initial_prompt": asr.vocabulary_prompt(["<deltagarnas namn>"]),
            "hotwords": "<deltagarnas namn>",
            "word_correction": f"non-words -> nearest Swedish word or name (zipf >= {lexfix.KNOWN_ZIPF} kept), "
            f"dropped when none is near and p < {lexfix.DROP_BELOW_P}; a word rarer than zipf {lexfix.RARE_ZIPF} "
            f"dropped at p < {lexfix.RARE_DROP_BELOW_P}, never a meeting term or a date or number word",
            "loops": "collapsed within and across passages",
        },  # fmt: skip
        "per_meeting": rows,
        "mean_wer": mean,
        "pooled_wer": pooled,
        "rtf": rtf,
        "ratio": ratio,
        "pooled_ratio": round(pooled["tuned"] / pooled["plain"], 3) if ratio is not None else None,
        "spread": spread([r["ratio"] for r in rows if r.get("ratio") is not None]),
        "cut_s": cut,
        "target_ratio": TARGET_RATIO,
        "target_met": ratio is not None and ratio <= TARGET_RATIO,
        "loadavg": [round(x, 2) for x in os.getloadavg()],
    }


@section("decoding")
def decoding_section(args: BenchArgs) -> dict[str, Any]:
    if args.quick:  # ten decodes of the held-out meetings do not fit a quick run
        return {"set": "heldout", "skipped": "--quick: run `transcribe bench --decoding`"}
    return run("heldout", args.model, [s for s in args.samples or [] if (HELDOUT_DIR / s).is_dir()] or None)


def _cell(d: dict[str, Any] | None, key: str, digits: int = 3) -> str:
    x = (d or {}).get(key)
    return "–" if x is None else f"{x:.{digits}f}"


def print_table(result: dict[str, Any], console: Console | None = None) -> None:
    """Per meeting WER and RTF, plain beside tuned, then the means and the ratio."""
    console = console or Console(width=max(Console().width, 120))
    if "per_meeting" not in result:
        console.print(f"decoding: {result.get('skipped', 'no result')}")
        return
    t = Table("meeting", "words", "WER plain", "WER tuned", "ratio", "RTF plain", "RTF tuned", box=box.MARKDOWN,
              title=f"Decoding ({result['set']}, {result['model']}): tuned against plain faster-whisper")  # fmt: skip
    for r in result["per_meeting"]:
        t.add_row(r["id"], str(r["ref_words"]), _cell(r.get("plain"), "wer"), _cell(r.get("tuned"), "wer"),
                  _cell(r, "ratio"), _cell(r.get("plain"), "rtf", 2), _cell(r.get("tuned"), "rtf", 2))  # fmt: skip
    m, p, rtf = result["mean_wer"], result["pooled_wer"], result["rtf"]
    t.add_row("mean", "", _cell(m, "plain"), _cell(m, "tuned"), _cell(result, "ratio"), _cell(rtf, "plain", 2),
              _cell(rtf, "tuned", 2))  # fmt: skip
    t.add_row("pooled", "", _cell(p, "plain"), _cell(p, "tuned"), _cell(result, "pooled_ratio"), "", "")
    console.print(t)
    if result["ratio"] is not None:
        verdict = "met" if result["target_met"] else "NOT met"
        console.print(f"target: tuned WER <= {result['target_ratio']} x plain (mean): {verdict}")
    if result.get("spread"):
        sp = result["spread"]
        console.print(f"tuned better than plain on {sp['better']} of {sp['meetings']} meetings; "
                      f"ratio quartiles {' / '.join(f'{q:.3f}' for q in sp['ratio_quartiles'])}")  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m transcribe.bench.decoding", description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default="heldout", choices=SETS, help="held-out (report) or dev, dev-wide (tuning)")
    ap.add_argument("--cut", type=float, default=None, help="screen on the first CUT seconds of each meeting")
    ap.add_argument("--samples", default=None, help="meeting ids, comma separated")
    ap.add_argument("--model", default="base")
    ap.add_argument("--fresh", action="store_true", help="decode again even when a cached result exists")
    ap.add_argument("--export", type=Path, default=None, help="write the tuned transcripts here (<id>.json)")
    ap.add_argument("--json", type=Path, default=None, help="also write the result as JSON")
    ap.add_argument("--tuned-only", action="store_true", help="decode only the product's way (no plain)")
    a = ap.parse_args(argv)
    ids = [s.strip() for s in a.samples.split(",") if s.strip()] if a.samples else None
    result = run(a.set, a.model, ids, a.fresh, a.export, ("tuned",) if a.tuned_only else MODES, a.cut)
    print_table(result)
    if a.json:
        atomic_write_text(a.json, json.dumps(result, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
