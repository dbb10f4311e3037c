"""Roles asked for by name after a sentence that gives one role and asks for another, and roles summed up by the one
who asked after a yes on a condition. Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import elected, lines_transcript

NAMES = {"K": "Karin Vall", "L": "Leo Brandt", "M": "Mira Holm", "O": "Olle Sand", "S": "Siv Ek"}


def roles_of(agenda: str, lines: list[tuple[str, str]]) -> set[tuple[str, str]]:
    return {(r.role, r.name) for r in elected(agenda, lines_transcript(lines, NAMES))}


BOARD = """Styrelsemöte
1. Mötets öppnande
2. Val av sekreterare och justerare
3. Ekonomi
4. Avslutning
"""


def test_a_bare_name_asked_after_the_secretary_is_given_takes_the_role_still_open() -> None:
    roles = roles_of(
        BOARD,
        [
            ("K", "Välkomna, jag öppnar mötet."),
            ("K", "Protokollet skriver Mira, och så behöver vi någon som läser igenom det och godkänner. Olle?"),
            ("O", "Det kan jag. Bara jag får det före fredag."),
            ("K", "Ekonomin. Leo, hur ser kassan ut?"),
            ("L", "Vi har fyrtiotusen på kontot, och alla fakturor är betalda."),
            ("K", "Tack. Då avslutar jag mötet."),
        ],
    )
    assert ("justerare", "Olle Sand") in roles
    assert ("sekreterare", "Mira Holm") in roles
    assert ("justerare", "Mira Holm") not in roles


ANNUAL = """Årsmöte
1. Årsmötet öppnas
2. Val av mötesordförande och sekreterare
3. Val av två justerare tillika rösträknare
4. Verksamhetsberättelse
5. Avslutning
"""


def test_a_yes_on_a_condition_and_a_yes_summed_up_by_the_asker_elect_both() -> None:
    roles = roles_of(
        ANNUAL,
        [
            ("K", "Välkomna allihop, jag förklarar årsmötet öppnat."),
            ("K", "Jag föreslår att jag leder mötet och att Leo skriver protokollet. Går det bra?"),
            ("L", "Ja, det går bra."),
            ("K", "Sen vill jag ha två som räknar rösterna och sen går igenom det Leo skriver. Olle, kanske?"),
            ("K", "Och Siv?"),
            ("O", "Visst."),
            ("S", "Om jag har tid på söndag, så."),
            ("K", "Olle och Siv, då."),
            ("K", "Verksamhetsberättelsen. Mira, du har den."),
            ("M", "Vi har haft fyra möten och en utflykt till Skagen under året."),
            ("K", "Tack. Då förklarar jag årsmötet avslutat."),
        ],
    )
    assert {n for r, n in roles if r == "justerare"} == {"Olle Sand", "Siv Ek"}


def test_those_who_answer_by_offering_the_roles_work_take_it_when_the_question_names_none() -> None:
    roles = roles_of(
        BOARD,
        [
            ("K", "Välkomna, jag öppnar mötet."),
            ("K", "Val av sekreterare och justerare. Mira, kan du ta det i dag? Och Olle, du tar det sen?"),
            ("M", "Visst. Jag skriver."),
            ("O", "Okej. Jag läser igenom."),
            ("K", "Ekonomin. Leo, hur ser kassan ut?"),
            ("L", "Vi har fyrtiotusen på kontot, och alla fakturor är betalda."),
            ("K", "Tack. Då avslutar jag mötet."),
        ],
    )
    assert ("sekreterare", "Mira Holm") in roles
    assert ("justerare", "Olle Sand") in roles
    assert ("justerare", "Mira Holm") not in roles and ("sekreterare", "Olle Sand") not in roles
