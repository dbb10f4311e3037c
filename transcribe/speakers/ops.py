"""Review actions on speakers: merge two labels, split one, move a segment to another.

Pure functions on a `Transcript` (the input is never modified) so the CLI and
the web app share them. Each changes segment speakers, word speakers and
`transcript.speakers` together, so every output rendered from the result
(txt/srt/vtt/md/rttm, and minutes extracted again) shows the change. Segment
ids stay as they are, so minutes evidence keeps pointing at the same passages.
Auditing is the caller's job (it knows the user): `audit.record("merge_speakers"
| "split_speaker" | "reassign_turn", ...)`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from transcribe.errors import BadOption
from transcribe.transcript import Segment, SpeakerInfo, Transcript


def _labels(t: Transcript) -> set[str]:
    return set(t.speaker_labels()) | {s.label for s in t.speakers}


def _require(t: Transcript, label: str) -> None:
    if label not in _labels(t):
        raise BadOption(f"okänd talare {label!r}; talarna är {', '.join(sorted(_labels(t))) or 'inga'}")


def _relabel(seg: Segment, old: str | None, new: str) -> None:
    """The segment and its words (those that were `old`'s, or all when `old` is None) become `new`'s."""
    seg.speaker = new
    for w in seg.words:
        if old is None or w.speaker in (old, None):
            w.speaker = new


def _tidy(t: Transcript) -> Transcript:
    """One SpeakerInfo per label that still speaks, in order of appearance; unknown labels get an empty one."""
    info = {s.label: s for s in t.speakers}
    speaking = t.speaker_labels()
    t.speakers = [info.get(label) or SpeakerInfo(label=label) for label in speaking]
    return t


def merge_speakers(t: Transcript, keep: str, drop: str) -> Transcript:
    """Everything `drop` said becomes `keep`'s; `keep` inherits `drop`'s name/role if it had none."""
    if keep == drop:
        raise BadOption("en talare kan inte slås ihop med sig själv")
    _require(t, keep)
    _require(t, drop)
    out = t.model_copy(deep=True)
    for seg in out.segments:
        if seg.speaker == drop:
            _relabel(seg, drop, keep)
        for w in seg.words:
            if w.speaker == drop:
                w.speaker = keep
    kept = next((s for s in out.speakers if s.label == keep), None)
    dropped = next((s for s in out.speakers if s.label == drop), None)
    if dropped is not None:
        if kept is None:
            kept = dropped.model_copy(update={"label": keep})
            out.speakers.append(kept)
        else:
            for fld in ("name", "name_source", "role", "proposed_name", "proposal_score"):
                if getattr(kept, fld) is None and getattr(dropped, fld) is not None:
                    if fld == "name_source" and kept.name != dropped.name:
                        continue
                    setattr(kept, fld, getattr(dropped, fld))
        out.speakers = [s for s in out.speakers if s.label != drop]
    return _tidy(out)


def new_label(t: Transcript) -> str:
    """The next free SPEAKER_NN label."""
    used = [int(m.group(1)) for label in _labels(t) if (m := re.fullmatch(r"SPEAKER_(\d+)", label))]
    return f"SPEAKER_{max(used, default=-1) + 1:02d}"


def split_speaker(t: Transcript, label: str, segment_ids: Iterable[int]) -> tuple[Transcript, str]:
    """The given segments of `label` go to a new, unnamed speaker; returns (transcript, new label)."""
    _require(t, label)
    ids = set(segment_ids)
    if not ids:
        raise BadOption("ange minst ett segment att dela av")
    mine = {s.id for s in t.segments if s.speaker == label}
    wrong = sorted(ids - mine)
    if wrong:
        raise BadOption(f"segment {', '.join(map(str, wrong))} tillhör inte {label}")
    out = t.model_copy(deep=True)
    fresh = new_label(out)
    for seg in out.segments:
        if seg.id in ids:
            _relabel(seg, None, fresh)
    out.speakers.append(SpeakerInfo(label=fresh))
    return _tidy(out), fresh


def reassign_segment(t: Transcript, segment_id: int, label: str) -> Transcript:
    """Segment `segment_id` (and all its words) was said by `label` (an existing or a new label)."""
    if not label or not label.strip():
        raise BadOption("tom talaretikett")
    if t.segment(segment_id) is None:
        raise BadOption(f"inget segment {segment_id}")
    out = t.model_copy(deep=True)
    seg = out.segment(segment_id)
    assert seg is not None
    _relabel(seg, None, label)
    if label not in {s.label for s in out.speakers}:
        out.speakers.append(SpeakerInfo(label=label))
    return _tidy(out)
