"""Role statements in everyday words (minutes/role_ties.py, minutes/roles.py, minutes/role_answers.py, and the
justerare's item in agenda/phrases.py): the secretary who "sköter protokollet", "sitter med pennan", has "lovat
att anteckna" or is named after "Protokollet skriver …"; the chair who "sitter ordförande" or "har fått
förtroendet att leda mötet"; "Justeringen gör …"; a justerare asked for as "en person som läser protokollet" after
a thanks; one who says no and then takes the role once the asker answered the reason. Hand-made meetings, ten
seconds per line."""

from __future__ import annotations

from tests.test_agenda_roles import REST, roles_under

ONE = """Styrelsemöte
1. Mötets öppnande
2. Val av mötesordförande, sekreterare och justerare
3. Ekonomi
4. Sommarfesten
5. Avslutning
"""
BOARD = """Styrelsemöte
1. Mötets öppnande
2. Val av justerare
3. Ekonomi
4. Sommarfesten
5. Avslutning
"""
OPEN = ("A", "Välkomna allihop, jag förklarar mötet öppnat.")


def roles(agenda: str, *lines: tuple[str, str]) -> dict[str, list[str]]:
    return roles_under(agenda, [OPEN, *lines, *REST])


def test_the_secretary_in_everyday_words() -> None:
    assert roles(ONE, ("A", "Eva sköter protokollet i kväll.")).get("sekreterare") == ["Eva Lind"]
    assert roles(ONE, ("A", "Protokollet skriver Eva.")).get("sekreterare") == ["Eva Lind"]
    assert roles(ONE, ("A", "Eva har lovat att anteckna i dag.")).get("sekreterare") == ["Eva Lind"]
    assert roles(ONE, ("A", "Eva tar sekreterarskapet i kväll.")).get("sekreterare") == ["Eva Lind"]


def test_one_who_sits_with_the_pen_is_the_secretary_not_a_justerare() -> None:
    got = roles(
        BOARD,
        ("C", "Jag sitter med pennan som vanligt."),
        ("A", "Nils, kan du justera?"),
        ("D", "Ja."),
    )
    assert got.get("sekreterare") == ["Eva Lind"] and got.get("justerare") == ["Nils Ek"]


def test_the_chair_who_sits_as_chair_or_was_entrusted_with_the_meeting() -> None:
    assert roles(ONE, ("A", "Jag sitter ordförande i kväll eftersom Lena är sjuk.")).get("ordförande") == ["Karin Berg"]
    said = roles(ONE, ("A", "Jag har fått förtroendet att leda mötet i dag."))
    assert said.get("ordförande") == ["Karin Berg"]


def test_the_justerare_named_after_justeringen_or_asked_for_after_a_thanks() -> None:
    assert roles(BOARD, ("A", "Justeringen gör Nils.")).get("justerare") == ["Nils Ek"]
    asked = roles(
        BOARD,
        ("A", "Tack, Eva. Sedan en person som läser protokollet innan det går ut. Nils, du har inte gjort det."),
        ("D", "Det stämmer. Jag tar det."),
    )
    assert asked.get("justerare") == ["Nils Ek"]


def test_one_who_says_no_and_then_yes_is_the_justerare_and_one_who_only_says_no_is_not() -> None:
    relents = roles(
        BOARD,
        ("A", "Nils, kan du justera i dag?"),
        ("D", "Nej, helst inte. Jag är bortrest."),
        ("A", "Det är bara att läsa på mejlen."),
        ("D", "Okej då, jag tar det."),
    )
    assert relents.get("justerare") == ["Nils Ek"]
    refuses = roles(
        BOARD,
        ("A", "Nils, kan du justera i dag?"),
        ("D", "Nej, helst inte. Jag är bortrest."),
        ("A", "Omar då?"),
        ("E", "Ja, det går bra."),
    )
    assert refuses.get("justerare") == ["Omar Said"]
