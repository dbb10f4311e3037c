"""Voice profiles that grow over meetings: the second-meeting protocol.

A weak profile (under `profiles.MIN_ENROLMENT_S` s of speech) only proposes ("Anna?"). A reviewer who
confirms the proposal and saves the approved meeting's voices (`speakers enroll-meeting`, "Spara
röstprofiler") adds that label's speech to the profile, so the next meeting may name her. This measures it.

Protocol, per group of LibriSpeech conversations (as `bench.profiles_real`: every other reader enrolled
from the first half of their one utterance, the others strangers). The utterance's second half is cut again
at a pause near its middle (`meeting_parts`): meeting 1 is built from its first part, meeting 2 from its
second, with the same conversation specs (the same readers, layouts and conditions, other speech), so no
speech is shared between enrolment, meeting 1 and meeting 2.

1. Meeting 1 is diarised and matched as the product does (anchors, pieces, fused scores).
2. The reviewer acts as a user would: every proposal that names the label's true reader is confirmed, every
   other proposal rejected; names given by a profile stay as they are (the product enrols only names a
   person gave: `profiles.CONFIRMED_SOURCES`, and a weak profile's own name: `profiles.grows_from_match`; a wrong
   one the reviewer would correct, so only right ones are saved). Each confirmed label's speech, its turns
   without the stretches another label speaks over (`enroll_transcript` leaves overlapping segments out), is
   embedded as the product embeds it (`profiles.embed_voice`) and added to the profile through `ProfileDirectory.add`.
3. Meeting 2 is matched twice in the same run: with the profiles as enrolled and with the grown ones.

Reported for meeting 1 and meeting 2 (as enrolled, grown, and the naive baseline): named / proposed / wrong /
strangers with all denominators (`profiles_real.figures`), the enrolment quality before and after growth,
and what the reviewer confirmed (labels, seconds added, profiles that left "weak").

Note: a reader's part for one meeting holds ~3 s of distinct speech (10th-90th percentile 1.4-4.6 s,
median 3.1-3.4), repeated in every turn of a 2-4 min conversation; a grown profile's seconds count the
repetitions, as the product would count a meeting's turns.

    python -m transcribe.bench.profile_growth --group real_dev --count 30
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from transcribe.bench.profile_enrolment import BENCH_DIR, cut_point, enrolment_quality, reader_parts, reader_profiles
from transcribe.bench.profiles_real import (
    BASELINE,
    MINUTES,
    Labelled,
    anchor,
    as_recorded,
    figures,
    group_readers,
    label_truth,
    labelled_items,
    write_pool,
)
from transcribe.bench.speaker_items import Item, conversations
from transcribe.errors import BadOption, SilentAudio
from transcribe.speakers.cohort import cohort
from transcribe.speakers.evidence import coverage
from transcribe.speakers.match import Match, match_speakers
from transcribe.speakers.profiles import Profile, ProfileDirectory, VoiceSample, embed_voice, weak

GROWTH_VERSION = 1  # bumped when the meeting cut changes: pools and conversations are rebuilt in a new folder
GROWTH_DIR = BENCH_DIR / f"growth-v{GROWTH_VERSION}"
MEETINGS = ("m1", "m2")
SHOWN = ("enrolled_present", "named_correctly", "named_share", "accepted_present", "named_accepted",
         "named_share_of_accepted", "named_or_proposed_share", "wrong_confident_names", "proposals",
         "proposals_right", "stranger_labels", "strangers_named", "strangers_proposed",
         "highest_stranger_z")  # fmt: skip


def meeting_parts(rid: str) -> tuple[np.ndarray, np.ndarray]:
    """(meeting 1 part, meeting 2 part): the reader's conversation half cut again at a pause near its middle."""
    x = reader_parts(rid)[1]
    cut = cut_point(x, conversations().SR)
    return x[:cut], x[cut:]


def meeting_pool(split: str, meeting: str) -> Path:
    """The bench readers' parts for one meeting, one file per reader (ids as in the shared pool)."""
    return write_pool(GROWTH_DIR / f"pool-{meeting}" / split, split, meeting,
                      lambda rid: meeting_parts(rid)[MEETINGS.index(meeting)])  # fmt: skip


def meeting_items(group: str, count: int, meeting: str) -> list[Item]:
    """The group's conversation specs built from one meeting's pool (same readers in both meetings)."""
    conv = conversations()
    split = group.removeprefix("real_")
    if not conv.readers(None, split) or conv.pool() != conv.SHARED_POOL:
        return []  # the full reader pool lives in ../shared/data
    root = meeting_pool(split, meeting)
    out = []
    for spec in conv.corpus(split, count, min_minutes=MINUTES[0], max_minutes=MINUTES[1]):
        d = conv.ensure(spec, GROWTH_DIR / f"conversations-{meeting}", root=root)
        out.append(Item(group, f"{spec.id}-{meeting}", d / "meeting.wav", d / "truth.rttm"))
    return out


def label_matches(lab: Labelled, profiles: list[Profile], **params: Any) -> dict[str, Match]:
    """The product's matching of one conversation's labels (as `profiles_real.figures` scores it)."""
    held = {lb: coverage(lab.hyp.turns, lb) for lb in lab.hyp.labels}
    return match_speakers(lab.hyp, profiles, pieces=lab.pieces, cohort=cohort(), coverage=held, line=lab.line, **params)


def own_speech(lab: Labelled, label: str) -> list[tuple[float, float]]:
    """The label's turns without the stretches another label speaks over (two voices at once)."""
    others = sorted((t.start, t.end) for t in lab.hyp.turns if t.speaker != label)
    out = []
    for t in lab.hyp.turns:
        if t.speaker != label:
            continue
        parts = [(t.start, t.end)]
        for a, b in others:
            if b <= t.start or a >= t.end:
                continue
            parts = [p for x, y in parts for p in ((x, min(y, a)), (max(x, b), y)) if p[1] - p[0] > 0]
        out += parts
    return out


def confirmed_voice(lab: Labelled, label: str) -> VoiceSample | None:
    """The label's own speech embedded as enrolment embeds it (cached per recording and diarisation)."""
    spans = own_speech(lab, label)
    key = hashlib.sha256((lab.item.id + lab.hyp.to_json() + label + repr(spans)).encode()).hexdigest()[:16]
    path = GROWTH_DIR / "confirmed-v2" / f"{lab.item.id}-{key}.npz"  # v2: with the channel heard through
    if path.exists():
        with np.load(path) as z:
            if not z["vectors"].size:
                return None
            heard = {k.removeprefix("v_"): z[k] for k in z.files if k.startswith("v_")}
            return VoiceSample(z["vectors"], heard, float(z["seconds"]), str(z["line"]) or None)
    try:
        voice: VoiceSample | None = embed_voice(lab.item.audio(), spans)
    except (BadOption, SilentAudio):
        voice = None
    path.parent.mkdir(parents=True, exist_ok=True)
    if voice is None:
        np.savez(path, vectors=np.zeros((0, 256), np.float32), seconds=0.0)
    else:
        np.savez(path, vectors=voice.vectors, seconds=voice.seconds, line=voice.heard_through or "",
                 **{f"v_{k}": v for k, v in voice.variants.items()})  # fmt: skip
    return voice


def review(labelled: list[Labelled], profiles: list[Profile], **params: Any
           ) -> tuple[dict[str, list[VoiceSample]], dict[str, int]]:  # fmt: skip
    """What a reviewer confirms in meeting 1: ({name: the confirmed labels' speech}, counts)."""
    confirmed: dict[str, list[VoiceSample]] = {}
    counts = {"proposals": 0, "confirmed": 0, "rejected": 0, "named_by_profile": 0, "weak_named_saved": 0}
    for lab in labelled:
        weak_names = {p.name for p in profiles if weak(p, lab.line)}  # weak as this meeting hears it
        truth_of = label_truth(lab.item, lab.hyp)
        for label, m in label_matches(lab, profiles, **params).items():
            counts["named_by_profile"] += m.status == "named"
            if m.status == "named" and m.name in weak_names and truth_of.get(label) == m.name:
                voice = confirmed_voice(lab, label)  # a weak profile's right name, kept: saved as the product saves it
                counts["weak_named_saved"] += voice is not None
                if voice is not None:
                    confirmed.setdefault(m.name, []).append(voice)
                continue
            if m.status != "proposed" or m.name is None:
                continue
            counts["proposals"] += 1
            if truth_of.get(label) != m.name:
                counts["rejected"] += 1
                continue
            voice = confirmed_voice(lab, label)
            if voice is not None:
                counts["confirmed"] += 1
                confirmed.setdefault(m.name, []).append(voice)
    return confirmed, counts


def grown_profiles(profiles: list[Profile], confirmed: dict[str, list[VoiceSample]]) -> list[Profile]:
    """The profiles after saving the approved meeting's voices (`ProfileDirectory.add`, as the product adds)."""
    out = []
    with tempfile.TemporaryDirectory(prefix="bench-growth-") as tmp:
        directory = ProfileDirectory(Path(tmp))
        for p in profiles:
            if p.name not in confirmed:
                out.append(p)
                continue
            heard = {k: np.asarray(v) for k, v in p.variants.items()}
            directory.add(p.name, p.embeddings, p.seconds, source="file:enrolment", channel_variants=heard)
            for voice in confirmed[p.name]:
                directory.add(p.name, voice.vectors, voice.seconds, source="meeting:1", channel_variants=voice.variants,
                              heard_through=voice.heard_through)  # fmt: skip
            out.append(directory.get(p.name) or p)
    return out


def shown(f: dict[str, Any]) -> dict[str, Any]:
    return {k: f.get(k) for k in SHOWN}


def growth_report(group: str, count: int, **params: Any) -> dict[str, Any]:
    """Meeting 1, the reviewer's confirmations, and meeting 2 with the profiles as enrolled and grown
    (`params`: the matcher's settings, as `profiles_real.figures` takes them; none: the product's)."""
    m1 = labelled_items(meeting_items(group, count, "m1"))
    m2 = labelled_items(meeting_items(group, count, "m2"))
    if not m1:
        return {"conversations": 0}
    _, enrolled = group_readers(m1)
    profiles = reader_profiles(enrolled)
    fig = functools.partial(figures, offered=enrolled, **params)  # a refused reader is present, never a stranger
    m1_anchored = [anchor(lab, profiles) for lab in m1]
    confirmed, counts = review(m1_anchored, profiles, **params)
    grown = grown_profiles(profiles, confirmed)
    was_weak = {p.name for p in profiles if weak(p)}
    m2_grown = [anchor(lab, grown) for lab in m2]
    return {
        "conversations": len(m1), "minutes": list(MINUTES), "enrolled": len(enrolled),
        "enrolment": enrolment_quality(enrolled, profiles),
        "meeting_1": shown(fig(m1_anchored, profiles)),
        "meeting_1_baseline": shown(figures(m1, as_recorded(profiles), "centroid", offered=enrolled, **BASELINE)),
        "review": {**counts, "profiles_grown": len(confirmed),
                   "seconds_added": round(sum(v.seconds for vs in confirmed.values() for v in vs), 1),
                   "weak_grown": len(was_weak & set(confirmed)),
                   "weak_now_accepted": sum(p.name in was_weak and not weak(p) for p in grown)},
        "enrolment_after": enrolment_quality(enrolled, grown),
        "meeting_2_as_enrolled": shown(fig([anchor(lab, profiles) for lab in m2], profiles)),
        "meeting_2_grown": shown(fig(m2_grown, grown)),
        "meeting_2_baseline": shown(figures(m2, as_recorded(profiles), "centroid", offered=enrolled, **BASELINE)),
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--group", default="real_dev", choices=("real_dev", "real_heldout"))
    ap.add_argument("--count", type=int, default=10)
    ap.add_argument("--json", type=Path)
    ns = ap.parse_args(argv)
    report = growth_report(ns.group, ns.count)
    if ns.json:
        ns.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
