"""Nothing stated as decided that was not: the say told to be another's, the meeting's own mechanics and habits, a
practice already followed, a plan the room takes back and its negation (rules/retracted.py, rules/otherbody.py,
rules/takenback.py).

Hand-made exchanges in settings of their own, written apart from the dev meetings; beside each, the same words where
the meeting did decide, so that a rule dropping everything fails.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts


def test_a_members_plan_answered_that_another_holds_the_say_is_none() -> None:
    for answer in (
        "Nej, Olof. Det bestämmer fastighetsbolaget, vi hyr bara lokalen. Men jag kan fråga dem.",
        "Det är ju förvaltningen som bestämmer färgen, Olof. Men jag kan fråga dem.",
        "Det är jag som tecknar avtalen, Olof. Jag pratar med målaren först.",
    ):
        said = [
            ("S1", "Sista april räcker."),
            ("S3", "Och väggarna, när vi ändå håller på. Vi byter till den där gula färgen, det bestämmer vi nu."),
            ("S1", answer),
            ("S3", "Fråga dem, snälla."),
            ("S2", "Och en sak till om parkeringen."),
        ]
        assert not any("gula" in t for t in texts(said)), answer
    kept = [*said[:2], ("S1", "Det låter bra. Jag pratar med målaren."), *said[3:]]
    assert any("gula" in t for t in texts(kept))


def test_a_remark_that_another_body_decides_is_no_decision() -> None:
    said = [
        ("S1", "Busskortet för eleverna."),
        ("S2", "Många har långt till skolan nu."),
        ("S1", "Vi ger bara ett råd här, skolan bestämmer."),
        ("S1", "Vi räcker upp händerna. Busskort för alla?"),
    ]
    got = texts(said)
    assert not any("råd här" in t or "händerna" in t for t in got), got


def test_the_meetings_call_to_a_show_of_hands_or_to_begin_is_no_decision() -> None:
    said = [
        ("S1", "Okej, vi kör medan kaffet är varmt. Vi har tre punkter i dag."),
        ("S2", "Jag skriver."),
        ("S1", "Först sommarfesten. Strandbadet eller parken?"),
        ("S3", "Strandbadet."),
        ("S4", "Parken."),
        ("S1", "Ska vi räcka upp händer?"),
        ("S2", "Ja."),
        ("S3", "Ja."),
        ("S1", "Strandbadet? Tre. Parken? En. Då blir det strandbadet, lördagen den sjunde juni."),
    ]
    got = texts(said)
    assert not any("händer" in t or "kaffet" in t for t in got), got
    assert any("strandbadet" in t.lower() for t in got), got


def test_what_the_meeting_usually_does_is_no_decision() -> None:
    said = [
        ("S1", "Nästa möte. Vi brukar ses i oktober."),
        ("S2", "Torsdagen den tionde oktober, klockan sex?"),
        ("S1", "Då säger vi det."),
    ]
    assert not any("bruka" in t for t in texts(said))


def test_a_plan_said_to_be_followed_already_is_no_decision() -> None:
    said = [
        ("S1", "Dammsugaren i verkstaden går sönder hela tiden."),
        ("S2", "Vi tömmer påsen efter varje pass. Det gör vi ju redan."),
        ("S1", "Mm. Nästa sak."),
    ]
    assert not any("påsen" in t for t in texts(said))
    kept = [
        ("S1", "Dammsugaren i verkstaden går sönder hela tiden."),
        ("S2", "Då tömmer vi påsen efter varje pass från och med nu."),
        ("S1", "Mm. Nästa sak."),
    ]
    assert any("påsen" in t for t in texts(kept))


def test_a_fee_the_room_takes_back_leaves_neither_the_fee_nor_its_negation() -> None:
    said = [
        ("S2", "Jag tänkte att vi tar en kursavgift, hundra kronor per termin."),
        ("S3", "Hundra är okej."),
        ("S1", "Okej. Då tar vi hundra kronor per termin från och med nu."),
        ("S2", "Vänta. Det står i stadgarna att kurserna ska vara gratis."),
        ("S1", "Är det så? Ja, då tar vi tillbaka det. Ingen kursavgift. Vi får söka bidrag i stället."),
    ]
    got = texts(said)
    assert not any("hundra" in t or "avgift" in t for t in got), got
    not_taken_back = [said[0], said[3], ("S1", "Okej. Ingen kursavgift, då. Vi får söka bidrag i stället.")]
    assert any("kursavgift" in t for t in texts(not_taken_back))


def test_who_decides_what_told_in_the_present_is_no_decision() -> None:
    for remark in ("Styrelsen bestämmer vilka dagar som är öppna.", "Ingen bestämmer om parkeringen, verkar det som."):
        said = [
            ("S1", "Besöksdagarna och parkeringen."),
            ("S2", "Det har varit rörigt i vår."),
            ("S1", remark),
            ("S3", "Okej, då vet vi det."),
        ]
        assert not texts(said), remark
    decided = [*said[:2], ("S1", "Styrelsen bestämmer att tisdagar och torsdagar är öppna."), said[3]]
    assert any("tisdagar" in t for t in texts(decided))
