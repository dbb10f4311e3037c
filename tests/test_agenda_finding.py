"""A finding ends an item ("Då anser vi att årsmötet har kallats i rätt tid."): the item starts at the chair's
question that opened it ("Har mötet kallats på rätt sätt?"), not at the turn before the finding, whose words are the
title's. Hand-made meeting, ten seconds per line."""

from __future__ import annotations

from tests.test_agenda_struck import treated

AGENDA = """Årsmöte i idrottsföreningen
1. Årsmötet öppnas
2. Har årsmötet kallats i rätt tid?
3. Verksamhetsberättelse
4. Årsmötet avslutas
"""


def test_the_item_starts_at_the_question_not_before_the_finding() -> None:
    lines = [
        ("A", "Välkomna allihop, så roligt att så många kom i år. Jag förklarar årsmötet öppnat."),
        ("C", "Det finns kaffe vid dörren för den som vill."),
        ("A", "Har mötet kallats på rätt sätt? Lars, du skickade ut kallelsen."),
        ("B", "Den gick ut den första mars på hemsidan och i tidningen."),
        ("C", "Stadgarna säger tre veckor."),
        ("A", "Fyra veckor och en dag. Då anser vi att årsmötet har kallats i rätt tid."),
        ("A", "Verksamhetsberättelsen. Maja, vill du berätta om året?"),
        ("C", "Vi har haft fyrtio träningar och två läger, och medlemmarna har blivit fler."),
        ("A", "Tack. Då läggs den till handlingarna. Då förklarar jag årsmötet avslutat."),
    ]
    assert treated(AGENDA, lines)["2"] == 2
