"""An item passed over and raised by another by its name alone ("Vänta. Vi hoppade över en punkt.
Ledarutbildningen."), which the chair puts off by a pronoun in her reply ("… så den får vänta till nästa möte."), was
never begun: it stays "ej behandlad". Hand-made meeting, ten seconds per line."""

from __future__ import annotations

from tests.test_agenda_struck import CAMP, CLOSING, CLUB, OPENING, treated


def test_an_item_raised_by_another_and_put_off_in_the_reply_is_not_treated() -> None:
    lines = [
        *OPENING,
        *CAMP[:2],
        ("A", "Bra. Då är vi på övriga frågor."),
        ("B", "Vänta. Vi hoppade över en punkt. Ledarutbildningen."),
        ("A", "Oj, det gjorde vi. Men förbundet har inte svarat, så den får vänta till nästa möte."),
        *CLOSING,
    ]
    got = treated(CLUB, lines)
    assert "6" not in got and got["7"] == len(OPENING) and got["8"] == len(OPENING) + 2
