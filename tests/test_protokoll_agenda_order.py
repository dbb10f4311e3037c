"""The agenda's order talked over is not a decision of its own in the protokoll: striking an item, taking one first
or before another, going over to one; the approval of the agenda said in the same turn, and an item put off to
another meeting, stay decisions; only an item the agenda names is taken. Hand-made sentences."""

from __future__ import annotations

import pytest

from transcribe.agenda.parse import AgendaItem
from transcribe.agenda.topics import title_stems
from transcribe.minutes.model import Evidence
from transcribe.minutes.protokoll_order import agenda_talk

TITLES = {
    str(n): title_stems(AgendaItem(number=str(n), title=t))
    for n, t in enumerate(["Godkännande av dagordningen", "Lokalfrågan", "Budget", "Val av styrelse", "Inköp"], 1)
}


def said(*turns: str) -> list[Evidence]:
    return [
        Evidence(segment_id=i, speaker="A", start=i * 10.0, end=i * 10.0 + 8.0, quote=t) for i, t in enumerate(turns)
    ]


@pytest.mark.parametrize(
    "text,turn",
    [
        ("stryka sexan", "Då stryker vi sexan. Tack, Olle, då går det fortare."),
        ("ta lokalfrågan först", "Bra. Då tar vi lokalfrågan först, så att Anna hinner med bussen."),
        ("ta budgeten före valen", "Kan vi ta budgeten före valen? Jag måste gå tidigt."),
    ],
)
def test_the_agendas_order_is_no_decision(text: str, turn: str) -> None:
    assert agenda_talk(text, said(turn), TITLES, "1")


@pytest.mark.parametrize(
    "text,turn",
    [
        ("stryka sexan", "Då stryker vi sexan. Med den ändringen är dagordningen godkänd."),
        ("skjuta lokalfrågan till nästa möte", "Lokalfrågan skjuter vi till nästa möte, vi väntar på kommunen."),
        ("köpa två nya bord", "Då köper vi två nya bord till samlingssalen."),
        ("ta bussen nu", "Då tar vi bussen nu, den går om fem minuter."),  # no agenda item is taken
    ],
)
def test_an_approval_a_tabling_or_a_plan_stays_a_decision(text: str, turn: str) -> None:
    assert not agenda_talk(text, said(turn), TITLES, "1")


def test_taking_the_items_own_matter_now_is_its_decision() -> None:
    turn = "Då tar vi lokalfrågan nu, med pengarna från fonden."
    assert not agenda_talk("ta lokalfrågan nu, med pengarna från fonden", said(turn), TITLES, "2")
    assert agenda_talk("ta lokalfrågan nu, med pengarna från fonden", said(turn), TITLES, "1")
