"""An order changed while the agenda is approved starts nothing, the item is taken where the chair takes it ("Som
sagt tar vi nu …"), an item put off by a pronoun in the turn that names it is not treated, and "Någon som har något
mer?" opens övriga frågor. Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from tests.test_agenda_struck import CAMP, CLOSING, CLUB, OPENING, treated

APPROVAL = 3  # OPENING's line asking for the agenda's approval
LEADERS = [
    ("A", "Ledarutbildningen. Förbundet har skickat datum för hösten."),
    ("B", "Två av våra ledare vill gå, det kostar tvåtusen var."),
    ("A", "Då skickar vi två ledare."),
]


def test_an_order_changed_as_the_agenda_is_approved_starts_neither_item() -> None:
    lines = list(OPENING)
    lines[APPROVAL] = (
        "A",
        "Dagordningen har ni fått. Jag vill ändra en sak: vi tar sommarlägret före ledarutbildningen, punkt sju före"
        " punkt sex, för Ahmed måste gå tidigt. Går det bra?",
    )
    lines = [*lines, *CAMP[:2], *LEADERS, CAMP[2], *CLOSING]
    got = treated(CLUB, lines)
    assert got["3"] == APPROVAL and got["7"] == 10 and got["6"] == 12


def test_the_item_taken_as_said_before_starts_there() -> None:
    lines = list(OPENING)
    lines[APPROVAL] = ("A", "Dagordningen har ni fått. Jag föreslår att vi tar punkt sju direkt efter hallfrågan.")
    lines += [("A", "Som sagt tar vi nu sommarlägret. Ahmed, varsågod."), CAMP[1], *LEADERS, CAMP[2], *CLOSING]
    got = treated(CLUB, lines)
    assert got["7"] == 10 and got["6"] == 12


def test_an_item_put_off_by_a_pronoun_in_the_turn_naming_it_is_not_treated() -> None:
    said = "Ledarutbildningen, förbundet har inte skickat några datum än. Vi tar den nästa gång."
    got = treated(CLUB, [*OPENING, ("A", said), *CAMP, *CLOSING])
    assert "6" not in got and got["7"] == 11
    later = [*OPENING, *LEADERS[:2], ("A", "Resten tar vi nästa gång, vi vet inte priset."), *CAMP, *CLOSING]
    assert treated(CLUB, later)["6"] == 10  # treated, and only a part of it put off in a turn of its own


def test_anyone_with_something_more_opens_ovriga_fragor() -> None:
    lines = [*OPENING, *LEADERS, *CAMP[:2], ("A", "Bra. Någon som har något mer?"), *CLOSING]
    assert treated(CLUB, lines)["8"] == 15
