"""A task said in pieces is one task; a habit, a deed under way, an earlier arrangement or the checkers'
role is none; a proposal's "att vi ..." is what the proposal holds, not a task."""

from __future__ import annotations

from tests.spoken import MEETING, transcript
from transcribe.minutes import Action, extract_minutes


def actions(turns: list[tuple[str, str]]) -> list[Action]:
    return extract_minutes(transcript(turns), meeting_date=MEETING, robust=True).actions


def test_a_task_added_to_with_ocksa_is_one_task() -> None:
    got = actions([
        ("S2", "Jag mejlar ut enkäten till alla medlemmar i morgon."),
        ("S1", "Bra."),
        ("S2", "Jag lägger ut den på Instagram också."),
    ])  # fmt: skip
    assert len(got) == 1 and got[0].owner == "Karin Ek"
    assert "enkäten" in got[0].what and "instagram" in got[0].what.lower()
    # another person's task is their own
    got = actions([("S2", "Jag mejlar ut enkäten till alla medlemmar i morgon."),
                   ("S3", "Jag lägger ut den på Instagram också.")])  # fmt: skip
    assert sorted(a.owner for a in got) == ["Karin Ek", "Olof Nilsson"]


def test_a_second_task_named_by_a_pronoun_stays_a_second_task() -> None:
    got = actions([("S2", "Jag skickar besluten till de sökande i morgon."),
                   ("S2", "Och dnr fjorton saknar bilagor. Jag mejlar dem i dag.")])  # fmt: skip
    assert len(got) == 2 and all(a.owner == "Karin Ek" for a in got)


def test_a_pronoun_task_then_what_it_is_are_one_task() -> None:
    got = actions([("S2", "Vi kan ge Sven uppdraget. Jag frågar honom."), ("S1", "Gör det."),
                   ("S2", "Jag ringer honom i eftermiddag om bidragsansökan.")])  # fmt: skip
    assert len(got) == 1 and got[0].what.startswith("Ringa honom")


def test_habits_deeds_under_way_and_old_arrangements_are_no_tasks() -> None:
    assert actions([("S2", "Jag skriver alltid e-post. Det är väl det som är rätt?")]) == []
    assert actions([("S1", "Vi borde ringa hem första dagen."), ("S2", "Och jag gör det redan.")]) == []
    assert actions([("S2", "Ja, jag skriver upp det nu.")]) == []
    assert actions([("S1", "Det står fast. Och Olof håller i den, som vi sa då.")]) == []
    # a task said today stays one
    assert len(actions([("S2", "Jag skriver till förvaltningen i morgon.")])) == 1


def test_reading_through_and_signing_the_minutes_is_a_role() -> None:
    turns = [("S1", "Vi behöver också två som läser igenom protokollet och skriver under det efteråt. Vem kan?"),
             ("S2", "Jag kan göra det.")]  # fmt: skip
    assert actions(turns) == []


def test_what_a_proposal_holds_is_no_task() -> None:
    said = ("Jag föreslår att vi beslutar att inte ta emot fler uppdrag från Lindbergs. Och att vi skickar ärendet "
            "till inkasso om de inte har betalat till sista mars. Ingen som har något emot det?")  # fmt: skip
    assert actions([("S1", said), ("S2", "Nej.")]) == []


def test_a_rare_verb_heard_right_is_not_flagged_as_misheard() -> None:
    """'samordnar' is rarer than everyday words but a task verb as heard: no 'lästes som' for it."""
    got = actions([("S2", "Jag samordnar schemat till fredag.")])
    assert len(got) == 1 and got[0].what.startswith("Samordna") and not got[0].needs_review
