"""A meeting that says it decides nothing (rules/mandate.py): at its opening or in its summing-up; the same
sentences kept as decisions when the word is about one matter, or said in the middle of the meeting.

Hand-made exchanges in settings of their own.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts

_JOKE = [
    ("S2", "Bassängen är för kall för barngrupperna."),
    ("S3", "Då bestämmer vi att vattnet blir tjugoåtta grader från måndag."),
    ("S4", "Det låter bra."),
]


def test_after_the_opening_word_a_settled_sentence_is_no_decision() -> None:
    said = [
        ("S1", "Välkomna. Det här är en öppen träff för simmarna, vi fattar inga beslut i kväll."),
        ("S2", "Okej."),
        *_JOKE,
    ]
    assert texts(said) == []
    assert texts(said[2:])  # without the opening word it reads as one


def test_before_the_summing_up_word_a_settled_sentence_is_no_decision() -> None:
    said = [
        ("S1", "Välkomna allihop."),
        *_JOKE,
        *[("S2" if n % 2 else "S5", f"Jag har en fråga till om schemat, nummer {n}.") for n in range(8)],
        ("S1", "Då sammanfattar jag. Vi har inte beslutat något i kväll, men jag tar med mig era synpunkter."),
    ]
    assert texts(said) == []


def test_a_matter_put_off_leaves_the_other_decisions() -> None:
    said = [
        ("S1", "Välkomna. Vi tar inget beslut om omklädningsrummen i kväll."),
        ("S2", "Okej."),
        *_JOKE,
    ]
    assert len(texts(said)) == 1


def test_a_matter_put_off_in_the_middle_leaves_the_later_decisions() -> None:
    said = [
        ("S1", "Välkomna allihop."),
        *[("S2" if n % 2 else "S5", f"Jag har en fråga om schemat, nummer {n}.") for n in range(8)],
        ("S1", "Då tar vi inget beslut i kväll om hoppställningen."),
        *_JOKE,
    ]
    assert len(texts(said)) == 1


def test_a_question_whether_nothing_is_decided_is_no_word_of_the_meeting() -> None:
    said = [
        ("S1", "Välkomna allihop."),
        ("S2", "Fattar vi inga beslut i kväll?"),
        ("S1", "Jo, det gör vi."),
        *_JOKE,
    ]
    assert len(texts(said)) == 1
