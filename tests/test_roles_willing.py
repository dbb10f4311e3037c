"""A role proposed with a condition left to the one named ("Och Eva skriver, om hon orkar.") and accepted with a
condition of their own, a joke rather than a yes ("Om jag får en kopp kaffe först, så."); the justerare settled by
the chair naming the ones who offered, with "då" ("Nils och Omar, då."). Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from tests.test_agenda_roles import REST, roles_under

AGENDA = """Årsmöte
1. Mötets öppnande
2. Val av mötesordförande
3. Val av sekreterare
4. Val av två justerare
5. Ekonomi
6. Sommarfesten
7. Avslutning
"""
OPEN = ("A", "Välkomna allihop, jag förklarar mötet öppnat.")


def test_a_secretary_proposed_if_she_will_and_accepting_with_a_joke_is_elected() -> None:
    got = roles_under(
        AGENDA,
        [
            OPEN,
            ("A", "Jag leder mötet."),
            ("A", "Och Eva skriver, om hon orkar."),
            ("C", "Om jag får en kopp kaffe först, så."),
            ("A", "Två som justerar?"),
            ("D", "Jag kan."),
            ("E", "Jag med, jag har ändå tid."),
            ("A", "Nils och Omar, då. Tack."),
            *REST,
        ],
    )
    assert got == {"ordförande": ["Karin Berg"], "sekreterare": ["Eva Lind"], "justerare": ["Nils Ek", "Omar Said"]}


def test_a_task_to_write_a_letter_proposed_by_name_elects_no_secretary() -> None:
    got = roles_under(
        AGENDA,
        [
            OPEN,
            ("A", "Jag leder mötet. Eva skriver som vanligt, och Nils justerar."),
            ("A", "Vi behöver ett brev till kommunen om bidraget, och jag föreslår att Lena skriver det till fredag."),
            ("B", "Okej."),
            *REST,
        ],
    )
    assert got == {"ordförande": ["Karin Berg"], "sekreterare": ["Eva Lind"], "justerare": ["Nils Ek"]}
