"""The proposer's "jag" misheard in a proposal said as a clause after "och", read back from the grammar.

Hand-made passages as a recogniser might return them; words listed as unsure get a low word probability. "..., och
<johan> tycker vi tackar ja till skylten." has a name nobody in the meeting has, heard unsure, where only the
proposer's "jag" stands; the proposal, and the close that settles it, are read and flagged.
"""

from __future__ import annotations

from tests.spoken import MEETING, transcript
from transcribe.minutes import Minutes, extract_minutes

PEOPLE = {"S1": "Anna Berg", "S2": "Karin Ek", "S3": "Olof Nilsson"}
SIGN = "Sponsorn vill flytta sin skylt till långsidan, det är deras sak, och {who} tycker vi tackar ja till skylten."


def minutes(who: str, unsure: frozenset[str]) -> Minutes:
    turns = [("S2", SIGN.format(who=who)), ("S3", "Det låter bra."), ("S1", "Bra, så gör vi.")]
    return extract_minutes(transcript(turns, unsure=unsure, people=PEOPLE), meeting_date=MEETING)


def test_a_name_nobody_has_heard_unsure_before_tycker_vi_after_och_is_the_proposers_jag() -> None:
    got = minutes("johan", frozenset({"johan"}))
    assert any("skylten" in d.text and d.needs_review for d in got.decisions)


def test_a_participants_name_or_a_word_heard_surely_is_read_as_said() -> None:
    for who, unsure in (("Olof", {"olof"}), ("johan", set())):
        got = minutes(who, frozenset(unsure))
        assert not any('lästes som "jag"' in (d.review_reason or "") for d in got.decisions), who
