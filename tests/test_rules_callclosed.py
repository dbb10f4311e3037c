"""A call for assent and the caller's close after the yeses (rules/callclosed.py): one decision in the close's
words, not the question's matter recorded beside it."""

from __future__ import annotations

from tests.test_rules_robust_cues import minutes


def test_the_call_and_the_close_after_the_yeses_are_one_decision() -> None:
    said = [
        ("S2", "Barnen står ända fram vid ugnen. Det är farligt."),
        ("S3", "Men de ser ju ingenting bakom repet."),
        ("S1", "Är alla överens om två meter och en gul linje?"),
        ("S2", "Ja."),
        ("S3", "Okej då. Ja."),
        ("S1", "Då flyttar vi repet före helgen, och ingen besökare går förbi linjen."),
    ]
    got = minutes(said).decisions
    assert len(got) == 1 and "repet" in got[0].text
    assert len({e.segment_id for e in got[0].evidence} & {2, 5}) == 2  # the call and the close both heard


def test_a_close_on_another_matter_stays_apart() -> None:
    said = [
        ("S1", "Är alla överens om två meter och en gul linje?"),
        ("S2", "Ja."),
        ("S3", "Ja."),
        ("S1", "Då beslutar vi att vi målar om skylten i vår."),
    ]
    assert len(minutes(said).decisions) == 2
