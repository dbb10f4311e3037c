"""Profile matches written into a transcript: a name where a profile named the label, a proposal where it
only suggested one, and never over a name a person gave."""

from __future__ import annotations

from collections.abc import Mapping

from transcribe.speakers.match import Match
from transcribe.speakers.profiles import PROFILE_SOURCE
from transcribe.transcript import SpeakerInfo, Transcript


def _same_person(a: str, b: str) -> bool:
    return a.casefold().split()[:1] == b.casefold().split()[:1]


def apply_matches(transcript: Transcript, matches: Mapping[str, Match]) -> Transcript:
    """A copy with profile names filled in: named -> name (source "profile"), proposed -> proposal.

    A name a person gave ("user"/"reviewer") is never touched. A name from a
    self-introduction is kept too; a profile that disagrees with it becomes a
    proposal, so the reviewer sees the conflict instead of a silent overwrite.
    """
    out = transcript.model_copy(deep=True)
    existing = {s.label: s for s in out.speakers}
    spoken = out.speaker_labels()
    labels = spoken + [s.label for s in out.speakers if s.label not in spoken]
    speakers = []
    for label in labels:
        info = existing.get(label) or SpeakerInfo(label=label)
        m = matches.get(label)
        if m is not None and m.name and m.status != "anonymous" and info.name_source not in ("user", "reviewer"):
            if m.status == "named" and not info.name:
                info.name, info.name_source = m.name, PROFILE_SOURCE
                info.proposed_name = info.proposal_score = None
            elif not (info.name and _same_person(info.name, m.name)):
                info.proposed_name, info.proposal_score = m.name, m.score
        speakers.append(info)
    out.speakers = speakers
    return out
