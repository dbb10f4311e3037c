"""The chair's closing formula hit by the recogniser, with when it holds said after it.

Hand-made passages as a recogniser might return them; words listed as unsure get a low word probability. "Då kör
vi så från måndag." closes the plan before it; heard as "Då kör <tur> så måndag." the group's place holds a word
that can be no subject, and "<Sig> säger vi så, från och med nästa vecka." has a reflexive where only the chair's
"då" can stand. Both are read as the closing meant and the decision flagged "Kontrollera mot ljudet".
"""

from __future__ import annotations

from tests.spoken import MEETING, transcript
from transcribe.minutes import Minutes, extract_minutes

PEOPLE = {"S1": "Anna Berg", "S2": "Karin Ek", "S3": "Olof Nilsson", "S4": "Johan Lind"}
PLAN = [
    ("S2", "Gästerna klagar på att frukosten tar slut."),
    ("S1", "Så här. Vi dukar fram frukosten en halvtimme tidigare och fyller på brödet varje kvart."),
    ("S1", "Någon som har något emot det?"),
    ("S3", "Nej."),
]


def minutes(turns: list[tuple[str, str]], unsure: frozenset[str] = frozenset()) -> Minutes:
    return extract_minutes(transcript(turns, unsure=unsure, people=PEOPLE), meeting_date=MEETING)


def _plan_read(got: Minutes) -> bool:
    return any("frukosten en halvtimme tidigare" in d.text for d in got.decisions)


def test_a_closing_with_its_subject_misheard_and_a_day_after_it_closes_the_plan() -> None:
    got = minutes([*PLAN, ("S1", "Då kör tur så måndag.")], unsure=frozenset({"tur"}))
    assert _plan_read(got)
    assert all(d.needs_review for d in got.decisions if "frukosten" in d.text)


def test_a_reflexive_where_the_chairs_da_stands_is_read_as_da_however_surely_heard() -> None:
    got = minutes([*PLAN, ("S1", "Sig säger vi så, från och med nästa vecka.")])
    assert _plan_read(got)
    assert all(d.needs_review for d in got.decisions if "frukosten" in d.text)


def test_a_person_or_a_negation_in_the_closing_or_two_words_off_before_the_day_stay_as_heard() -> None:
    for close, unsure in (
        ("Då kör du så måndag.", {"du"}),  # said to one member
        ("Då kör inte så måndag.", {"inte"}),  # a negation is never read away
        ("Då ser tur så måndag.", {"tur", "ser"}),  # two of the closing's words off before what follows it
    ):
        got = minutes([*PLAN, ("S1", close)], unsure=frozenset(unsure))
        assert not any("lästes som" in (d.review_reason or "") for d in got.decisions), close
