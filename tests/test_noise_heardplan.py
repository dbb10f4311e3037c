"""The leader's plan heard whole after others' talk that was misheard, read from the order of the turns.

Hand-made passages as a recogniser might return them; words listed as unsure get a low word probability. The plan
("Då håller vi festen ...") is read when another speaker spoke on the matter just before; the words that show it
("den femtonde") were lost in that speaker's turn ("den <över>"). A plan after others' talk heard surely, a plan
said by a member, and a plan nobody else spoke before stay unread as before.
"""

from __future__ import annotations

from tests.spoken import MEETING, transcript
from transcribe.minutes import Minutes, extract_minutes

PEOPLE = {"S1": "Anna Berg", "S2": "Karin Ek", "S3": "Olof Nilsson"}
OPENING = ("S1", "Välkomna allihop. Först sommarfesten. Vilken dag passar?")
TALK = [OPENING, ("S2", "Den åttonde krockar med marknaden i stan."), ("S3", "Då blir det den över.")]
PLAN = "Då håller vi festen lördagen den femtonde juli i parken. Jag bokar scenen i morgon."


def minutes(turns: list[tuple[str, str]], unsure: set[str]) -> Minutes:
    return extract_minutes(transcript(turns, unsure=frozenset(unsure), people=PEOPLE), meeting_date=MEETING)


def test_the_leaders_plan_after_misheard_talk_is_read_and_flagged() -> None:
    got = minutes([*TALK, ("S1", PLAN)], {"över"}).decisions
    assert len(got) == 1 and "hålla festen lördagen den femtonde juli" in got[0].text and got[0].needs_review


def test_the_same_talk_heard_surely_leaves_the_plan_unread() -> None:
    assert minutes([*TALK, ("S1", PLAN)], set()).decisions == []


def test_a_members_plan_or_a_plan_nobody_else_spoke_before_stays_unread() -> None:
    member = [OPENING, ("S2", "Den åttonde krockar med marknaden i stan."), ("S1", "Det är sant. Vi får se."),
              ("S3", "Då håller vi festen lördagen den femtonde juli i parken.")]  # fmt: skip
    assert minutes(member, {"åttonde"}).decisions == []
    alone = [("S2", "Den åttonde krockar med marknaden i stan."), ("S3", "Det blir den över."),
             ("S1", "Välkomna allihop. Först sommarfesten. Jag har tänkt på det. Parken är ledig. Scenen också."),
             ("S1", PLAN)]  # fmt: skip
    assert minutes(alone, {"över"}).decisions == []


def test_the_leaders_closing_words_a_plan_for_a_case_or_an_item_skipped_stay_unread() -> None:
    for said in (
        "Tack. Då släcker vi och låser.",
        "Då släpper vi bara in gäster om föreningen bjuder in dem.",
        "Då hoppar vi festen över i kväll, vi har bara tio minuter kvar.",
    ):
        assert minutes([*TALK, ("S1", said)], {"över"}).decisions == [], said
