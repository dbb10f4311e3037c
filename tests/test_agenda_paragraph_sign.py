"""An item number written with the paragraph sign ("§ 7" or "§7") at a sentence's start names the item as "punkt
sju" does: the sign is no word character, so no word boundary stands before it. Hand-made meeting, ten seconds per
line."""

from __future__ import annotations

from tests.test_agenda_struck import CLOSING, CLUB, OPENING, treated


def test_an_item_named_by_its_paragraph_sign_starts_there() -> None:
    lines = [
        *OPENING,
        ("A", "§ 7. Ahmed, hur går det?"),
        ("D", "Vi har bokat gården vecka tjugosex och tjugo barn har anmält sig."),
        ("A", "§6 stryker vi, förbundet har inte skickat några datum."),
        ("A", "Finns det några övriga frågor?"),
        *CLOSING,
    ]
    got = treated(CLUB, lines)
    assert got["7"] == len(OPENING) and "6" not in got
