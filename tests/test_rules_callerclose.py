"""The caller's own close after the room answered a call (rules/callerclose.py).

Hand-made exchanges in settings of their own: the matter said in full after a call for objections, words that
point back after a call for assent, the caller's own act on the matter; and no close after an objection.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts


def test_the_matter_said_in_full_after_nobody_objects() -> None:
    said = [
        ("S1", "Vi behöver en dag för städningen av hamnen."),
        ("S2", "Lördag den nionde passar inte, då är det seglingscup."),
        ("S1", "Då blir det söndag den tionde. Hör jag någon som säger nej?"),
        ("S2", "Nej."),
        ("S3", "Nej, det går bra."),
        ("S1", "Städningen av hamnen blir söndagen den tionde maj."),
    ]
    got = texts(said)
    assert len(got) == 1 and "tionde maj" in got[0]


def test_words_that_point_back_after_a_call_for_assent() -> None:
    said = [
        ("S2", "Tränarna står och väntar på vaktmästaren varje kväll."),
        ("S1", "Så här: alla tränare får ett eget nyckelkort till hallen från augusti. Är det okej?"),
        ("S2", "Nyckelkort från augusti. Det kan jag leva med."),
        ("S3", "Ja."),
        ("S1", "Då gäller det."),
    ]
    got = texts(said)
    assert len(got) == 1 and "nyckelkort" in got[0]


def test_the_callers_own_act_on_the_matter() -> None:
    said = [
        ("S2", "Borden i samlingssalen är trasiga, och stolarna räcker inte."),
        ("S1", "Tre nya bord och tolv stolar, någon som tycker annorlunda?"),
        ("S2", "Nej."),
        ("S3", "Låter bra."),
        ("S1", "Då beställer jag det i morgon."),
    ]
    got = texts(said)
    assert len(got) == 1 and "beställa tre nya bord och tolv stolar" in got[0]


def test_no_close_after_an_objection() -> None:
    said = [
        ("S2", "Borden i samlingssalen är trasiga, och stolarna räcker inte."),
        ("S1", "Tre nya bord och tolv stolar, någon som tycker annorlunda?"),
        ("S2", "Men vi har inga pengar kvar i år."),
        ("S1", "Då beställer jag det i morgon."),
    ]
    assert not any("bord" in t for t in texts(said))
