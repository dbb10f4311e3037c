"""Roles given with the role said first and the name after it ("Som sekreterare har vi Eva, och som justerare Nils
och Omar."), and the secretary's verb before her name beside another role's holder ("Då skriver Eva, och Nils
justerar."): each name goes to the role of its own clause. Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from tests.test_agenda_roles import REST, roles_under
from tests.test_roles_willing import AGENDA, OPEN

ONE = """Styrelsemöte
1. Mötets öppnande
2. Val av ordförande, sekreterare och justerare
3. Ekonomi
4. Sommarfesten
5. Avslutning
"""


def test_the_role_said_first_and_the_names_after_it() -> None:
    got = roles_under(
        AGENDA,
        [OPEN, ("A", "Jag leder mötet."), ("A", "Som sekreterare har vi Eva, och som justerare Nils och Omar."), *REST],
    )
    assert got == {"ordförande": ["Karin Berg"], "sekreterare": ["Eva Lind"], "justerare": ["Nils Ek", "Omar Said"]}


def test_the_secretarys_verb_before_her_name_beside_the_justerare() -> None:
    got = roles_under(
        ONE,
        [
            OPEN,
            ("A", "Mötesordförande blir Lena, hon är ju van."),
            ("B", "Tack. Då skriver Eva, och Nils justerar."),
            *REST,
        ],
    )
    assert got == {"ordförande": ["Lena Ström"], "sekreterare": ["Eva Lind"], "justerare": ["Nils Ek"]}
