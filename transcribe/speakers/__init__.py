"""Recurring speakers: voice profiles, matching, and review actions on speakers.

The pipeline calls `recognise(transcript, diarization)` after naming; it does
nothing until someone has enrolled a profile, so a fresh install behaves as
before.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from transcribe.diarize import channel, embed_segments
from transcribe.diarize.assign import assign_speakers
from transcribe.speakers.anchors import split_known_voices, turn_evidence
from transcribe.speakers.apply import apply_matches
from transcribe.speakers.cohort import cohort
from transcribe.speakers.evidence import coverage, label_pieces
from transcribe.speakers.match import Match, match_speakers
from transcribe.speakers.profiles import GE2E, Profile, ProfileDirectory

if TYPE_CHECKING:
    from transcribe.audio import Audio
    from transcribe.diarize.base import Diarization
    from transcribe.transcript import Transcript

__all__ = ["GE2E", "Match", "Profile", "ProfileDirectory", "apply_matches", "match_speakers", "recognise"]

log = logging.getLogger(__name__)


def label_embeddings(diarization: Diarization, diarizer: str = "embedded",
                     audio: Audio | None = None) -> dict:  # fmt: skip
    """GE2E centroids per label: the embedded diariser's own, else re-embedded from the turns when audio is given."""
    if diarizer == "embedded":
        return dict(diarization.embeddings)
    if audio is None:
        return {}  # another encoder's vectors: never compared with GE2E profiles

    out = {}
    for label in diarization.labels:
        spans = [(t.start, t.end) for t in diarization.turns if t.speaker == label]
        try:
            out[label] = embed_segments(audio, spans)
        except ValueError:
            continue
    return out


def recognise(
    transcript: Transcript,
    diarization: Diarization | None,
    *,
    directory: ProfileDirectory | None = None,
    diarizer: str = "embedded",
    audio: Audio | None = None,
) -> Transcript:
    """Name (or propose names for) the speakers whose voices match enrolled profiles.

    Pass `diarizer` (the backend's name) so that only GE2E vectors meet GE2E
    profiles; with another backend, pass `audio` to re-embed its turns. With `audio`, an enrolled
    voice the diariser merged into another label is first split out (`anchors.py`) and the words
    are attributed again.
    """
    directory = directory or ProfileDirectory()
    if diarization is None or not transcript.speaker_labels():
        return transcript
    profiles = directory.list(GE2E)
    if not profiles:
        return transcript
    if audio is not None:  # enrolled voices merged into someone else's label get a label of their own
        anchored = split_known_voices(diarization, turn_evidence(audio, diarization.turns), profiles)
        if anchored is not diarization:
            transcript, diarization = assign_speakers(transcript, anchored), anchored
    vectors = label_embeddings(diarization, diarizer, audio)
    # Piece by piece when the audio is at hand: a label is then only as sure as its typical piece.
    pieces = label_pieces(audio, diarization.turns, vectors) if audio is not None and vectors else None
    held = {lb: coverage(diarization.turns, lb) for lb in vectors} if pieces is not None else None
    # Over a telephone line voices sound alike: a name needs a clearer match (`match.Z_NAMED_LINE`).
    spans = [(t.start, t.end) for t in diarization.turns]
    line = audio is not None and channel.band_limited(channel.measure(audio, spans))
    matches = match_speakers(vectors, profiles, pieces=pieces, cohort=cohort(), coverage=held, line=line)
    found = {k: f"{m.name}:{m.status}:{m.score:.3f}:{m.norm}:{m.pieces}" for k, m in matches.items()
             if m.status != "anonymous"}  # fmt: skip
    log.info("voice profiles: %s", found or "no match")
    return apply_matches(transcript, matches)
