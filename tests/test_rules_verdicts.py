"""The leader's verdict after a discussion, without a decision word (rules/verdicts.py).

Hand-made Swedish exchanges in settings of their own, written apart from the dev meetings: others argue a
matter, then the one who leads the talk says it stays as it is or that it will not happen. The same words
before anyone has spoken on the matter, from a member who does not lead, put off to later, or said to one
member decide nothing.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import minutes, texts


def _talk(verdict: str) -> list[tuple[str, str]]:
    return [
        ("S1", "Nästa punkt är medlemsavgiften. Ordet är fritt."),
        ("S2", "Jag vill höja medlemsavgiften, elen har blivit dyrare i stugan."),
        ("S3", "Men vi har pengar kvar från loppisen, avgiften räcker gott."),
        ("S2", "Okej, jag ger mig."),
        ("S1", "Bra att ni tog upp det."),
        ("S1", verdict),
    ]


def test_a_matter_kept_as_it_is_after_others_argued_it_is_a_decision() -> None:
    got = minutes(_talk("Medlemsavgiften blir som förra året.")).decisions
    assert [d.text for d in got] == ["Medlemsavgiften blir som förra året."]
    assert got[0].needs_review
    assert texts(_talk("Och avgiften står still, tvåhundra kronor.")) == ["Avgiften står still, tvåhundra kronor."]


def test_a_thing_the_meeting_will_not_do_is_a_negative_decision() -> None:
    assert texts(_talk("Vi höjer inte avgiften i år.")) == ["Mötet beslutade att inte höja avgiften i år."]
    assert texts(_talk("Det blir ingen höjning av avgiften i år.")) == ["Det blir ingen höjning av avgiften i år."]


def test_the_same_words_without_a_discussion_from_another_member_or_put_off_decide_nothing() -> None:
    alone = [("S1", "Välkomna allihop."), ("S1", "Medlemsavgiften blir som förra året.")]
    assert not texts(alone)  # nobody spoke on the matter
    member = _talk("Bra.")[:-1] + [("S3", "Avgiften blir som förra året.")]
    assert not texts(member)  # not the one who leads the talk
    assert not texts(_talk("Medlemsavgiften blir som förra året, och så tittar vi igen i september."))  # put off
    assert not texts(_talk("Avgiften blir som förra året, Sara."))  # said to one member


def test_one_verdict_said_twice_in_a_turn_is_one_decision() -> None:
    got = texts(_talk("Vi höjer inte avgiften. Det blir ingen höjning i år."))
    assert got == ["Mötet beslutade att inte höja avgiften. Det blir ingen höjning i år."]
    reported = _talk("Förbundet har bestämt att avgiften till dem blir som förut.")
    assert not texts(reported)  # another body's decision, told as news
