"""Role elections read from the election item's structure (hand-made meetings)."""

from __future__ import annotations

from tests.test_roles_elections import ECONOMY, OPENING, roles

AGENDA = """Dagordning
1. Mötets öppnande
2. Val av mötesordförande, sekreterare och justerare
3. Ekonomi
4. Mötets avslutande
"""


def test_a_no_that_agrees_with_a_negative_question_and_volunteers_elects() -> None:
    lines = [
        OPENING,
        ("G", "Punkt två. Jonas, kan du föra protokollet?"),
        ("J", "Ja."),
        ("G", "Och så behöver vi någon som justerar. Eva, du har inte gjort det på ett tag?"),
        ("E", "Nej, det stämmer. Jag kan justera i dag."),
        ("G", "Tack. Då justerar Eva tillsammans med mig."),
        ("G", "Punkt tre, ekonomin. Vi har fyrtiotusen kronor i kassan."),
        ("G", "Då avslutar jag mötet."),
    ]
    assert roles(lines, AGENDA)["justerare"] == ["Eva Strand"]
    lines[4] = ("E", "Nej, jag kan inte i dag.")
    lines[5] = ("G", "Då tar vi det nästa gång.")
    assert "Eva Strand" not in roles(lines, AGENDA).get("justerare", [])


def test_the_chair_of_a_general_meeting_is_elected_under_its_own_title() -> None:
    agenda = """Dagordning
1. Stämmans öppnande
2. Val av stämmoordförande
3. Ekonomi
4. Stämmans avslutande
"""
    lines = [
        ("L", "Välkomna till stämman, jag förklarar stämman öppnad."),
        ("L", "Punkt två, val av stämmoordförande. Valberedningen föreslår Gunilla Berg."),
        ("M", "Bifall."),
        ("G", "Tack för förtroendet."),
        *ECONOMY,
    ]
    assert roles(lines, agenda)["ordförande"] == ["Gunilla Berg"]


def test_a_manager_who_just_leads_a_workplace_meeting_is_no_elected_chair() -> None:
    agenda = "APT\n1. Välkommen\n2. Schemat\n3. Lokalen\n4. Avslut\n"
    lines = [
        ("G", "Då kör vi. Välkomna till APT."),
        ("G", "Schemat, då. Vi behöver fler i juli."),
        ("M", "Jag kan ta två veckor extra."),
        ("G", "Nästa punkt, lokalen. Hyran höjs i vår."),
        ("G", "Tack för i dag allihop."),
    ]
    assert "ordförande" not in roles(lines, agenda)
    lines[0] = ("G", "Då kör vi. Välkomna till APT. Jag håller i mötet som vanligt.")
    assert roles(lines, agenda)["ordförande"] == ["Gunilla Berg"]


def test_the_chairs_outcome_outweighs_a_no_that_may_have_agreed() -> None:
    lines = [
        OPENING,
        ("G", "Punkt två. Jonas, kan du föra protokollet?"),
        ("J", "Ja."),
        ("G", "Och så behöver vi någon som justerar. Eva, du har inte gjort det på ett tag?"),
        ("E", "Nej, det stämmer. Har kan vi i dag."),  # "Jag kan justera i dag" misheard
        ("G", "Tack. Då justerar Eva tillsammans med mig."),
        ("G", "Punkt tre, ekonomin. Vi har fyrtiotusen kronor i kassan."),
        ("G", "Då avslutar jag mötet."),
    ]
    assert roles(lines, AGENDA)["justerare"] == ["Eva Strand"]
    lines[5] = ("G", "Då justerar Mats tillsammans med mig.")
    assert roles(lines, AGENDA)["justerare"] == ["Mats Öhman"]
