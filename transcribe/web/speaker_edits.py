"""Speaker review actions on the working copy: merge, split, reassign, confirm or dismiss a proposal.

The transcript side is `transcribe.speakers.ops` (shared with the CLI); this adds
what the web copy also holds, the minutes draft, so its evidence, participants and
owner/proposer fields name the same people as the transcript without waiting for
a regeneration. Each function returns a history line or None when nothing changed.
"""

from __future__ import annotations

import re

from transcribe.errors import BadOption
from transcribe.minutes.edit import EditError, rename_in_minutes
from transcribe.minutes.model import Minutes, Participant
from transcribe.minutes.summary import all_items
from transcribe.speakers import ops
from transcribe.transcript import Transcript

NEW_SPEAKER = "__new__"  # the "new speaker" choice of the per-segment select
MAX_SEGMENT_IDS = 5000


def _adopt(t: Transcript, changed: Transcript) -> None:
    """ops return a copy; the caller saves the object it loaded, so take the copy's speaker data over."""
    t.segments = changed.segments
    t.speakers = changed.speakers


def _display(t: Transcript, label: str) -> str:
    return t.speaker_name(label) or label


def sync_minutes(t: Transcript, m: Minutes | None) -> None:
    """Evidence follows its segment's speaker; participants are the labels that still speak."""
    if m is None:
        return
    for item in all_items(m):
        for ev in item.evidence:
            seg = t.segment(ev.segment_id)
            if seg is not None and seg.speaker != ev.speaker:
                ev.speaker = seg.speaker
                ev.speaker_name = _display(t, seg.speaker) if seg.speaker else None
    speaking = t.speaker_labels()
    if m.participants:
        known = {p.label: p for p in m.participants}
        names = {s.label: s.name for s in t.speakers}
        m.participants = [known.get(label) or Participant(label=label, name=names.get(label)) for label in speaking]
        m.n_participants = len(m.participants)


def merge(t: Transcript, m: Minutes | None, keep: str, drop: str) -> str:
    if keep == drop:
        raise EditError("same_speaker")
    keep_name, drop_name = _display(t, keep), _display(t, drop)
    try:
        _adopt(t, ops.merge_speakers(t, keep, drop))
    except BadOption as exc:
        raise EditError("no_such_speaker") from exc
    if m is not None:  # prose, owners and proposers that named the dropped speaker now name the kept one
        rename_in_minutes(m, drop, drop_name, _display(t, keep))
    sync_minutes(t, m)
    return f"{drop_name} ({drop}) → {keep_name} ({keep})"


def parse_segment_ids(text: str) -> list[int]:
    """ "3, 5 8-10 #12" -> [3, 5, 8, 9, 10, 12]; the split form takes ids as the reviewer reads them."""
    ids: list[int] = []
    for part in re.split(r"[,;\s]+", text.replace("#", " ").replace("–", "-").strip()):
        if not part:
            continue
        m = re.fullmatch(r"(\d+)(?:-(\d+))?", part)
        if m is None:
            raise EditError("bad_segments")
        lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
        if hi < lo or hi - lo > MAX_SEGMENT_IDS:
            raise EditError("bad_segments")
        ids.extend(range(lo, hi + 1))
        if len(ids) > MAX_SEGMENT_IDS:
            raise EditError("bad_segments")
    if not ids:
        raise EditError("bad_segments")
    return list(dict.fromkeys(ids))


def split(t: Transcript, m: Minutes | None, label: str, segment_ids: list[int]) -> tuple[str, str]:
    """(history line, new label)."""
    try:
        changed, fresh = ops.split_speaker(t, label, segment_ids)
    except BadOption as exc:
        raise EditError("split_wrong_segments") from exc
    _adopt(t, changed)
    sync_minutes(t, m)
    shown = ", ".join(f"#{i}" for i in segment_ids[:20]) + (" …" if len(segment_ids) > 20 else "")
    return f"{_display(t, label)} ({label}): {shown} → {fresh}", fresh


def reassign(t: Transcript, m: Minutes | None, segment_id: int, label: str) -> tuple[str, str] | None:
    """(history line, the label it went to), or None when the segment was already that speaker's."""
    seg = t.segment(segment_id)
    if seg is None:
        raise EditError("no_such_segment")
    known = set(t.speaker_labels()) | {s.label for s in t.speakers}
    if label == NEW_SPEAKER:
        label = ops.new_label(t)
    elif label not in known:
        raise EditError("no_such_speaker")
    if seg.speaker == label:
        return None
    old = seg.speaker
    _adopt(t, ops.reassign_segment(t, segment_id, label))
    sync_minutes(t, m)
    return f"#{segment_id}: {_display(t, old) if old else '–'} → {_display(t, label)} ({label})", label


def confirm_proposal(t: Transcript, m: Minutes | None, label: str) -> str | None:
    """The voice-profile guess becomes the name, as if the reviewer had typed it."""
    info = next((s for s in t.speakers if s.label == label), None)
    if info is None or not info.proposed_name:
        return None
    shown = _display(t, label)  # "Johan?" until now
    info.name, info.name_source = info.proposed_name, "reviewer"
    info.proposed_name = info.proposal_score = None
    if m is not None:
        rename_in_minutes(m, label, shown, info.name)
    return f"{shown} → {info.name} ({label})"


def dismiss_proposal(t: Transcript, m: Minutes | None, label: str) -> str | None:
    info = next((s for s in t.speakers if s.label == label), None)
    if info is None or not info.proposed_name:
        return None
    shown = _display(t, label)
    info.proposed_name = info.proposal_score = None
    if m is not None:
        rename_in_minutes(m, label, shown, _display(t, label))
    return f"{shown} ✗ ({label})"
