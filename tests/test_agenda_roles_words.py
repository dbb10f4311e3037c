"""Roles in the meeting's own words: the secretary whose "tur på listan att skriva" it is, or who "för ner det vi
kommer fram till"; the justerare asked for as "någon som kollar att <sekreteraren> inte hittar på något" and summed
up as "<sekreteraren> skriver och <justeraren> granskar" (the secretary named there is no justerare). Hand-made
meetings, ten seconds per line."""

from __future__ import annotations

from tests.test_agenda_roles import REST, roles_under

AGENDA = """Styrelsemöte
1. Mötets öppnande och val av sekreterare och justerare
2. Ekonomi
3. Sommarfesten
4. Avslutning
"""
OPEN = ("A", "Välkomna allihop, jag förklarar mötet öppnat.")


def test_the_secretary_whose_turn_it_is_to_write_or_who_writes_down_what_is_decided() -> None:
    turn = [
        OPEN,
        ("A", "Eva, det är din tur på listan att skriva i kväll. Orkar du?"),
        ("C", "Ja, det gör jag."),
        *REST,
    ]
    assert roles_under(AGENDA, turn).get("sekreterare") == ["Eva Lind"]
    down = [("A", "Välkomna. Eva sitter bredvid mig och för ner det vi kommer fram till."), *REST]
    assert roles_under(AGENDA, down).get("sekreterare") == ["Eva Lind"]


def test_the_one_who_checks_the_secretary_is_the_justerare_and_the_secretary_named_in_the_sum_is_not() -> None:
    lines = [
        OPEN,
        ("A", "Vem skriver i kväll?"),
        ("C", "Jag kan ta anteckningarna, jag har ändå datorn framme."),
        ("A", "Tack, Eva. Och någon som kollar att Eva inte hittar på något?"),
        ("D", "Det gör jag. Jag läser det på söndag."),
        ("A", "Eva skriver och Nils granskar."),
        *REST,
    ]
    got = roles_under(AGENDA, lines)
    assert got.get("sekreterare") == ["Eva Lind"] and got.get("justerare") == ["Nils Ek"]
