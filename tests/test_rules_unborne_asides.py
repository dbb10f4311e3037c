"""What is no act of the meeting whoever answers it (rules/unborne.py): a member's offer, and a report of what
happened. Hand-made exchanges in settings of their own."""

from __future__ import annotations

from tests.test_rules_robust_cues import texts

_LEADS = [
    ("S1", "Välkomna. Vi har fyra punkter i kväll. Schemat, kaffet, bilarna och julen."),
    ("S2", "Kan vi ta bilarna först? Jag måste gå tidigt."),
    ("S1", "Visst. Bilarna. Den gamla startar inte på morgnarna. Vi får se vad verkstaden säger. Schemat sen."),
]


def test_a_members_offer_to_swap_is_no_decision() -> None:
    said = [
        *_LEADS,
        ("S1", "Påsken. Vi har långfredag och påskdagen att fördela. I år tänkte jag Lisa långfredag och Omar "
               "påskdagen."),
        ("S2", "Okej. Det går bra."),
        ("S1", "Då är det så. Lisa långfredag, Omar påskdagen."),
        ("S3", "Vänta. Jag vill hellre ta långfredag. Vi firar påsk hos min mamma på söndagen."),
        ("S2", "Hos din mamma? Då byter vi gärna. Jag tar påskdagen, det är lugnare ändå."),
        ("S1", "Okej, då ändrar vi. Omar långfredag, Lisa påskdagen."),
    ]  # fmt: skip
    assert not any("gärna" in t for t in texts(said))


def test_a_report_of_what_happened_is_no_decision() -> None:
    said = [
        *_LEADS,
        ("S1", "Sommaren. Vi stänger tre veckor i juli som förra året. Det var lugnt då, ingen klagade."),
        ("S2", "Ingen klagade för att ingen märkte det. Vi måste säga det till kunderna i tid."),
        ("S1", "Okej, så vi stänger tre veckor i juli, och vi säger det nu."),
        ("S3", "Jag lägger ut det på hemsidan."),
    ]
    assert not any("klagade" in t for t in texts(said))
