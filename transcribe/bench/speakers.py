"""Speaker benchmark: diarisation and voice profiles on voices the system was not tuned on.

Groups (each recording with its exact truth RTTM):

- own: the eight committed espeak-ng sample meetings (samples/<id>/);
- espeak_plain: sample scripts spoken by plain `sv+<variant>` voices, no sox shaping;
- real_dev / real_heldout: LibriSpeech conversations (samples/conversations.py), readers split by
  id parity; only real_dev (and own) may be used to choose parameters;
- pyannote_sample: the real two-speaker recording shipped inside pyannote.audio;
- real_dev_stress (only with --stress): dev readers in harsher far, noise and telephone conditions than
  the standard groups hold (`samples.conversations.STRESS`), to tune speech coverage on dev voices;
- real_dev_many (only with --many): 6-8 dev readers over a telephone line or in noise
  (`samples.conversations.MANY`), where voices get merged, to tune the count on dev voices.

Per group: DER at collar 0.25 and 0, JER, share of recordings with the exact speaker count, DER
with the true count given, diarisation RTF; the same for a naive baseline (the same GE2E windows,
agglomerative clustering with one fixed cosine threshold) and for clustering every recording through the
speaker back-end (`clustering.BACKEND_PARAMS`; the product does so only over a telephone band).
Voice profiles (`bench.profiles_real`):
readers enrolled from one half of their utterance, matched against the diarised labels of
conversations built from the other half: naming accuracy, wrong confident names, strangers left
anonymous, beside the previous scoring's figures.

    python -m transcribe.bench.speakers [--groups own,real_heldout] [--count 10] [--stress] [--many] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from transcribe.bench import metrics
from transcribe.bench.core import section
from transcribe.bench.profiles_real import profile_report
from transcribe.bench.speaker_items import COUNT, GROUPS, Item, conversation_dir, conversations, items
from transcribe.diarize.base import Diarization, relabel_by_appearance
from transcribe.diarize.clustering import BACKEND_PARAMS, ClusterParams, agglomerative
from transcribe.diarize.embedded import EmbeddedDiarizer, Params, to_turns

BASELINE_THRESHOLD = 0.3  # the naive baseline's one cosine-distance threshold
STRESS_GROUP = "real_dev_stress"
MANY_GROUP = "real_dev_many"


def stress_items(count: int, group: str = STRESS_GROUP, seed: int = 0) -> list[Item]:
    """The dev-only stress (or many-speaker) conversations, generated into samples/cache on first use
    (each seed in its own folder: `speaker_items.conversation_dir`)."""
    conv = conversations()
    if not conv.readers(None, "dev") or conv.pool() != conv.SHARED_POOL:
        return []
    out = []
    for spec in conv.corpus("dev", count, seed, stress=group == STRESS_GROUP, many=group == MANY_GROUP):
        d = conv.ensure(spec, conversation_dir(seed))
        out.append(Item(group, spec.id, d / "meeting.wav", d / "truth.rttm"))
    return out


# ----------------------------------------------------------------------------- scoring


def score(item: Item, hyp: Diarization, duration: float) -> dict[str, Any]:
    ref = item.truth()
    s25 = metrics.diarization_scores(ref, hyp, collar=0.25, duration=duration)
    s0 = metrics.diarization_scores(ref, hyp, collar=0.0, duration=duration)
    share = 1.0 / s25.total if s25.total else 0.0
    return {"der": round(s25.der, 4), "der_collar0": round(s0.der, 4), "jer": round(s25.jer, 4),
            "missed": round(s25.missed * share, 4), "false_alarm": round(s25.false_alarm * share, 4),
            "confusion": round(s25.confusion * share, 4),
            "true_speakers": s25.true_speakers, "found_speakers": s25.found_speakers}  # fmt: skip


def breakdown(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Mean DER and its parts (missed, false alarm, confusion) per condition and per speaker count.

    Conversation ids end in their condition (`dev-03-7spk-telephone`): where the loss is.
    """
    keys = ("der", "missed", "false_alarm", "confusion", "der_true_count")
    by: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        parts = r["id"].split("-")
        if len(parts) == 4:
            by.setdefault(f"condition {parts[3]}", []).append(r)
        k = r["true_speakers"]
        by.setdefault("speakers 2-3" if k <= 3 else "speakers 4-5" if k <= 5 else "speakers 6-8", []).append(r)
    out = {}
    for name, rr in sorted(by.items()):
        exact = float(np.mean([r["found_speakers"] == r["true_speakers"] for r in rr]))
        means = {k: round(float(np.mean([r[k] for r in rr])), 4) for k in keys if all(k in r for r in rr)}
        out[name] = {"recordings": len(rr), "count_exact_share": round(exact, 3), **means}
    return out


def count_confusion(rows: list[dict[str, Any]]) -> dict[str, int]:
    """How many recordings were counted wrong, by true:found speakers ("8:6": eight voices, six found)."""
    pairs = sorted((r["true_speakers"], r["found_speakers"]) for r in rows if r["found_speakers"] != r["true_speakers"])
    out: dict[str, int] = {}
    for t, f in pairs:
        out[f"{t}:{f}"] = out.get(f"{t}:{f}", 0) + 1
    return out


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    if not rows:
        return {"recordings": 0}
    ders = [r["der"] for r in rows]
    out = {
        "recordings": len(rows),
        "der_mean": round(float(np.mean(ders)), 4),
        "der_max": round(float(np.max(ders)), 4),
        "der_collar0_mean": round(float(np.mean([r["der_collar0"] for r in rows])), 4),
        "jer_mean": round(float(np.mean([r["jer"] for r in rows])), 4),
        "count_exact_share": round(float(np.mean([r["found_speakers"] == r["true_speakers"] for r in rows])), 3),
        "count_confusion": count_confusion(rows),
    }
    if all("der_true_count" in r for r in rows):
        out["der_true_count_mean"] = round(float(np.mean([r["der_true_count"] for r in rows])), 4)
    if all("seconds" in r for r in rows):
        out["rtf"] = round(sum(r["seconds"] for r in rows) / sum(r["audio_s"] for r in rows), 4)
    return out


def baseline(regions: list[tuple[float, float]], w: Any, num: int | None, threshold: float = BASELINE_THRESHOLD
             ) -> Diarization:  # fmt: skip
    """The naive baseline: the same GE2E windows, average linkage at one fixed cosine threshold."""
    if len(w) == 0:
        return Diarization(turns=[])
    labels = agglomerative(w.embedding, threshold, num)
    return relabel_by_appearance(to_turns(w, labels, regions, 0.3), {})


def run_group(group: str, count: int = COUNT, seed: int = 0) -> dict[str, Any]:
    """Diarise every recording of a group (free count, true count, baseline) and score it.

    The windows are embedded once per recording; timings cover windows plus clustering.
    """
    d = EmbeddedDiarizer()
    spectral = EmbeddedDiarizer(Params(clustering=ClusterParams(method="spectral", centred=True)))
    with_backend = EmbeddedDiarizer(Params(clustering=BACKEND_PARAMS))  # opt-in: beside the product's figures
    rows, base_rows, spec_rows, backend_rows, labelled = [], [], [], [], []
    dev_only = group in (STRESS_GROUP, MANY_GROUP)
    for item in stress_items(count, group, seed) if dev_only else items(group, count, seed):
        audio = item.audio()
        t0, c0 = time.perf_counter(), time.process_time()
        regions, w = d.windows(audio)
        hyp = d.label(regions, w, None, 1, None)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        k = item.true_count()
        row = {"id": item.id, "audio_s": round(audio.duration, 1), "seconds": round(seconds, 2),
               "cpu_s": round(cpu, 2), **score(item, hyp, audio.duration),
               "der_true_count": score(item, d.label(regions, w, k, k, k), audio.duration)["der"]}  # fmt: skip
        rows.append(row)
        base_rows.append({"id": item.id, **score(item, baseline(regions, w, None), audio.duration),
                          "der_true_count": score(item, baseline(regions, w, k), audio.duration)["der"]})  # fmt: skip
        spec_true = score(item, spectral.label(regions, w, k, k, k), audio.duration)["der"]
        spec_rows.append({"id": item.id, **score(item, spectral.label(regions, w, None, 1, None), audio.duration),
                          "der_true_count": spec_true})  # fmt: skip
        backend_true = score(item, with_backend.label(regions, w, k, k, k), audio.duration)["der"]
        backend_rows.append({"id": item.id, **score(item, with_backend.label(regions, w, None, 1, None),
                             audio.duration), "der_true_count": backend_true})  # fmt: skip
        labelled.append((item, hyp))
    out = {"summary": summarise(rows), "baseline": summarise(base_rows), "spectral_autotune": summarise(spec_rows),
           "channel_backend": summarise(backend_rows), "channel_backend_breakdown": breakdown(backend_rows),
           "breakdown": breakdown(rows), "per_recording": rows}  # fmt: skip
    if rows:
        out["summary"]["cpu_rtf"] = round(sum(r["cpu_s"] for r in rows) / sum(r["audio_s"] for r in rows), 4)
    return out, labelled


# ----------------------------------------------------------------------------- report


def bench(groups: tuple[str, ...] = GROUPS, count: int = COUNT, seed: int = 0) -> dict[str, Any]:
    """`seed`: the dev conversations' layouts (0: the standard ones); the other groups are fixed."""
    if seed and set(groups) - {"real_dev", STRESS_GROUP, MANY_GROUP}:
        raise ValueError("--seed draws other dev conversations: give only dev groups with it")
    out: dict[str, Any] = {"baseline": f"GE2E windows + average linkage, cosine threshold {BASELINE_THRESHOLD}",
                           "seed": seed}  # fmt: skip
    labelled: dict[str, list[tuple[Item, Diarization]]] = {}
    for g in groups:
        out[g], labelled[g] = run_group(g, count, seed)
    for g in ("real_dev", "real_heldout"):
        if labelled.get(g) and not seed:  # on conversations of their own (seed 0): enrolled speech never in them
            out[f"profiles_{g.removeprefix('real_')}"] = profile_report(g, count)
    return out


def table(report: dict[str, Any]) -> str:
    """A compact markdown table of the per-group figures."""
    head = ("| group | n | DER | worst DER | DER c0 | JER | exact count | DER true k | RTF | CPU-RTF "
            "| base DER | base exact | spectral DER | spectral exact | backend DER | backend exact "
            "| backend DER true k |")  # fmt: skip
    lines = [head, "|" + "---|" * 17]
    for g in (*GROUPS, STRESS_GROUP, MANY_GROUP):
        if g not in report or not report[g]["summary"].get("recordings"):
            continue
        s, b, sp = report[g]["summary"], report[g]["baseline"], report[g]["spectral_autotune"]
        cb = report[g].get("channel_backend", {})
        cells = [g, s["recordings"], s["der_mean"], s.get("der_max"), s["der_collar0_mean"], s["jer_mean"],
                 s["count_exact_share"],
                 s.get("der_true_count_mean"), s.get("rtf"), s.get("cpu_rtf"), b["der_mean"],
                 b["count_exact_share"], sp["der_mean"], sp["count_exact_share"], cb.get("der_mean"),
                 cb.get("count_exact_share"), cb.get("der_true_count_mean")]  # fmt: skip
        lines.append("| " + " | ".join("–" if c is None else str(c) for c in cells) + " |")
    for g in (*GROUPS, STRESS_GROUP, MANY_GROUP):  # which counts were missed, true:found
        wrong = report.get(g, {}).get("summary", {}).get("count_confusion")
        if wrong:
            lines.append(f"{g} counted wrong (true:found): " + ", ".join(f"{k} x{n}" for k, n in wrong.items()))
    for key in ("profiles_dev", "profiles_heldout"):
        if key in report:
            p = report[key]
            for tag, f in ((key, p), (f"{key} before agreement and strong scores", p.get("without_both")),
                           (f"{key} previous", p.get("previous")), (f"{key} baseline", p.get("baseline"))):  # fmt: skip
                if f and "named_correctly" in f:  # voice profiles: figures in transcribe.bench.profiles_real
                    lines.append(f"{tag}: named {f['named_correctly']}/{f['enrolled_present']} ({f['named_share']}), "
                                 f"wrong confident names {f['wrong_confident_names']}, strangers named "
                                 f"{f['strangers_named']}/{f['stranger_labels']}, strangers proposed "
                                 f"{f.get('strangers_proposed', '–')}, proposals {f['proposals']}")  # fmt: skip
    return "\n".join(lines)


@section("speakers_real_voices")
def bench_section(args: Any) -> dict[str, Any]:
    """`transcribe bench`: every group (with --quick only the own samples and the pyannote recording)."""
    groups = ("own", "pyannote_sample") if getattr(args, "quick", False) else GROUPS
    report = bench(groups)
    report["table"] = table(report).splitlines()
    print(table(report), flush=True)
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--groups", default=",".join(GROUPS))
    ap.add_argument("--count", type=int, default=COUNT)
    ap.add_argument("--stress", action="store_true", help=f"add {STRESS_GROUP}, the dev-only stress set")
    ap.add_argument("--many", action="store_true", help=f"add {MANY_GROUP}, the dev-only many-speaker set")
    ap.add_argument("--seed", type=int, default=0, help="other dev conversations (dev groups only; own folder each)")
    ap.add_argument("--json", type=Path)
    ns = ap.parse_args(argv)
    extra = ((STRESS_GROUP,) if ns.stress else ()) + ((MANY_GROUP,) if ns.many else ())
    groups = tuple(g for g in ns.groups.split(",") if g) + extra
    if ns.seed and set(groups) - {"real_dev", STRESS_GROUP, MANY_GROUP}:
        ap.error("--seed draws other dev conversations: give only dev groups (--groups real_dev, --stress, --many)")
    report = bench(groups, ns.count, ns.seed)
    if ns.json:
        ns.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(table(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
