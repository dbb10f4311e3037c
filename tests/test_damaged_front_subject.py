"""The chair's "Då <verb> vi ..." with both the fronted "då" and the group's "vi" heard wrong, the verb between them.

Hand-made passages as a recogniser might return them; words listed as unsure get a low word probability. "vi" is
most often misheard as "ni", and a word the recogniser was unsure of before the verb stands for the lost "då":
"<Peter> tar <ni> torsdagen den sextonde i stället." is read as "Då tar vi ..." and the decision flagged.
"""

from __future__ import annotations

from tests.spoken import MEETING, transcript
from transcribe.minutes import Minutes, extract_minutes

PEOPLE = {"S1": "Anna Berg", "S2": "Karin Ek", "S3": "Olof Nilsson", "S4": "Johan Lind"}
CLASH = [
    ("S2", "Julfesten på fredagen krockar med inventeringen."),
    ("S3", "Torsdagen före är ledig för alla."),
]


def minutes(turns: list[tuple[str, str]], unsure: frozenset[str] = frozenset()) -> Minutes:
    return extract_minutes(transcript(turns, unsure=unsure, people=PEOPLE), meeting_date=MEETING)


def test_front_word_and_subject_both_unsure_around_the_verb_are_read_as_da_and_vi() -> None:
    got = minutes([*CLASH, ("S1", "Peter tar ni torsdagen före i stället.")], unsure=frozenset({"peter", "ni"}))
    assert any("torsdagen före" in d.text and d.needs_review for d in got.decisions)


def test_a_subject_ni_heard_surely_or_a_negated_plan_stays_as_heard() -> None:
    for close, unsure in (
        ("Peter tar ni torsdagen före i stället.", {"peter"}),  # "ni" heard surely: said to the others
        ("Peter tar ni inte torsdagen före.", {"peter", "ni"}),  # a negation: read as heard
    ):
        got = minutes([*CLASH, ("S1", close)], unsure=frozenset(unsure))
        assert not any('"ni" lästes som "vi"' in (d.review_reason or "") for d in got.decisions), close
        assert not any("torsdagen före" in d.text for d in got.decisions), close
