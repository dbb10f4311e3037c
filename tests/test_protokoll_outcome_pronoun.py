"""A question for assent that names its matter, answered yes, and the chair's outcome saying it by a pronoun ("Med
ändringen, kan vi godkänna dagordningen?" – "Ja." – "Den är godkänd."): the decision is taken at the outcome, said
once. Hand-made board meeting, ten seconds per line."""

from __future__ import annotations

from tests.test_protokoll_stated import decided, read


def test_the_outcome_said_by_a_pronoun_settles_the_question() -> None:
    lines = [
        ("A", "Välkomna, jag förklarar mötet öppnat."),
        ("A", "Dagordningen. Jag vill ta köket före protokollet. Med den ändringen, kan vi godkänna dagordningen?"),
        ("B", "Ja."),
        ("C", "Ja."),
        ("A", "Den är godkänd."),
        ("A", "Köket. Vi behöver ett nytt, diskmaskinen läcker."),
        ("A", "Då avslutar jag mötet."),
    ]
    prot, _ = read(lines, ("Mötet beslutade att med den ändringen godkänna dagordningen.", [1, 2]))
    made = decided(prot)
    assert [(n, at[-1]) for n, _, at in made] == [("2", 4)], made
