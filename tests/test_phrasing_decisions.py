"""A plan said as "vi <verb> (inte) ..." is written as the meeting's decision in one place (phrasing.we_decision)."""

from __future__ import annotations

from transcribe.minutes.phrasing import we_decision


def test_we_statement_becomes_the_meetings_decision() -> None:
    assert we_decision("vi står inte vakt på nyår") == "Mötet beslutade att inte stå vakt på nyår."
    assert we_decision("Vi skriver brevet.") == "Mötet beslutade att skriva brevet."
    assert we_decision("vi köper gymmet om räddningstjänsten betalar hälften") == (
        "Mötet beslutade att köpa gymmet om räddningstjänsten betalar hälften."
    )


def test_the_speakers_own_words_are_named() -> None:
    assert we_decision("vi tar min bil till mässan", "Anna") == "Mötet beslutade att ta Annas bil till mässan."


def test_other_statements_are_no_we_decision() -> None:
    assert we_decision("egen budget och nej i slutvoteringen") is None
    assert we_decision("vi nu inte vakt på nyår") is None  # the verb lost: nothing to read
    assert we_decision("de köper gymmet") is None
