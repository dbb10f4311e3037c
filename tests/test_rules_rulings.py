"""The leader's rulings said without a decision word (rules/rulings.py).

Each exchange is hand-made in a setting of its own, written apart from the dev meetings: a rule that holds from
today, a rule about no one after a complaint, a request refused for this year, a matter named first with the
group's verb after it (a pronoun pointing at the thing just named, a custom kept this year); and the same shapes
where nothing was decided: one's own task from today, a member who is not the leader, a matter nobody raised.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import minutes as robust_minutes
from tests.test_rules_robust_cues import texts

_OPENING = ("S1", "Välkomna allihop. Vi har mycket i dag. Vi börjar med disken.")


def test_a_rule_from_today_is_a_decision() -> None:
    said = [
        _OPENING,
        ("S2", "Folk lämnar tillbaka böcker i lådan utanför, och de blir blöta när det regnar."),
        ("S3", "Sju böcker var förstörda förra veckan, alla från lådan."),
        ("S1", "Alla återlämnade böcker tas emot vid disken från och med i dag."),
    ]
    got = texts(said)
    assert len(got) == 1 and "disken" in got[0] and "från och med i dag" in got[0]


def test_ones_own_task_from_today_is_no_ruling() -> None:
    said = [
        _OPENING,
        ("S2", "Lådan utanför läcker när det regnar."),
        ("S1", "Jag tömmer lådan varje kväll från i dag."),
    ]
    assert not texts(said)


def test_a_rule_about_no_one_after_a_complaint() -> None:
    said = [
        _OPENING,
        ("S2", "I fredags gick larmet när Lisa stängde ensam, och hon kunde inte koden."),
        ("S3", "Hon var ny, och ingen hade visat henne larmet."),
        ("S1", "Det får inte hända igen. Ingen nyanställd stänger ensam."),
    ]
    got = texts(said)
    assert len(got) == 1 and "Ingen nyanställd stänger ensam" in got[0]


def test_no_one_said_by_a_member_or_of_knowing_is_no_rule() -> None:
    said = [_OPENING, ("S2", "Larmet gick i fredags och ingen kunde koden."), ("S3", "Ingen nyanställd kan koden.")]
    assert not texts(said)


def test_a_request_refused_for_this_year() -> None:
    said = [
        _OPENING,
        ("S2", "Får vi ha en julfest i verkstaden i år? Alla frågar efter en julfest."),
        ("S3", "Kassan är nästan tom efter taket."),
        ("S1", "Jag förstår, men nej. Vi har ingen julfest i år. Vi tar det igen i höst."),
    ]
    got = texts(said)
    assert len(got) == 1 and "ingen julfest i år" in got[0]
    refused = [*said[:3], ("S1", "Nej, det blir ingen julfest i år.")]
    assert any("julfest" in t for t in texts(refused))


def test_the_thing_just_named_then_the_groups_verb() -> None:
    said = [
        _OPENING,
        ("S2", "Vad är det för nytt kaffe i automaten? Det smakar bränt."),
        ("S3", "Det är blandningen från det nya rosteriet."),
        ("S1", "Den byter vi tillbaka. Tre har klagat redan."),
    ]
    got = texts(said)
    assert len(got) == 1 and "byta tillbaka blandningen" in got[0]


def test_a_custom_kept_this_year_and_a_matter_nobody_raised() -> None:
    kept = [
        _OPENING,
        ("S2", "Vi har fyra nya medlemmar."),
        ("S1", "Julmarknaden håller vi som vanligt också, med samma bord."),
    ]
    got = texts(kept)
    assert len(got) == 1 and "julmarknaden" in got[0].lower()
    unraised = [_OPENING, ("S2", "Vi har fyra nya medlemmar."), ("S1", "Julmarknaden håller vi på torget.")]
    assert not texts(unraised)


def test_the_rule_and_the_refusal_with_a_word_misheard() -> None:
    said = [
        _OPENING,
        ("S2", "Folk lämnar tillbaka böcker i lådan utanför, och de blir blöta när det regnar."),
        ("S3", "Sju böcker var förstörda förra veckan, alla från lådan."),
        ("S1", "Från jön med i dag tas alla återlämnade böcker emot vid disken."),
    ]
    assert any("disken" in t for t in (d.text for d in robust_minutes(said, unsure=frozenset({"jön"})).decisions))


def test_a_refusal_whose_time_was_heard_unsure() -> None:
    asked = [_OPENING, ("S2", "Får vi ha en julfest i verkstaden? Alla frågar."), ("S3", "Kassan är nästan tom.")]
    unsure = [*asked, ("S1", "Jag förstår, men nej."), ("S1", "Vi har ingen julfest i mennlig.")]
    got = [d.text for d in robust_minutes(unsure, unsure=frozenset({"mennlig"})).decisions]
    assert any("julfest" in t for t in got)
    place = [*asked, ("S1", "Jag förstår, men nej."), ("S1", "Vi har ingen julfest i verkstaden.")]
    assert not any("julfest" in t for t in texts(place))
