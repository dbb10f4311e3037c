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


SECRETARY_AND_JUSTERARE = """Dagordning
1. Mötets öppnande
2. Val av sekreterare och justerare
3. Ekonomi
4. Mötets avslutande
"""


def test_the_one_named_in_the_election_item_who_agrees_is_elected_without_a_role_word() -> None:
    lines = [
        OPENING,
        ("G", "Jonas, du som har datorn framme, tar du minnesanteckningarna?"),
        ("J", "Visst."),
        ("G", "Och Eva får se till att Jonas inte hittar på något."),
        ("E", "Det ska jag."),
        ("G", "Punkt tre, ekonomin. Vi har fyrtiotusen kronor i kassan."),
        ("G", "Då avslutar jag mötet."),
    ]
    got = roles(lines, SECRETARY_AND_JUSTERARE)
    assert got["sekreterare"] == ["Jonas Persson"] and got["justerare"] == ["Eva Strand"]
    lines[4] = ("E", "Nej, det hinner jag inte.")  # she says no: no one is elected
    assert "justerare" not in roles(lines, SECRETARY_AND_JUSTERARE)
    lines[4] = ("M", "Det ska jag.")  # another answers for her: not the one named
    assert "justerare" not in roles(lines, SECRETARY_AND_JUSTERARE)


def test_a_volunteer_to_an_unnamed_question_in_the_election_item_is_elected() -> None:
    lines = [
        OPENING,
        ("G", "Vem tar anteckningarna i kväll?"),
        ("L", "Det kan jag."),
        ("G", "Tack. Och vem följer med och kontrollerar det när det är klart?"),
        ("M", "Jag kan vara den, jag."),
        ("G", "Bra. Punkt tre, ekonomin. Vi har fyrtiotusen kronor i kassan."),
        ("G", "Då avslutar jag mötet."),
    ]
    got = roles(lines, SECRETARY_AND_JUSTERARE)
    assert got["sekreterare"] == ["Lena Holm"] and got["justerare"] == ["Mats Öhman"]
    without_item = SECRETARY_AND_JUSTERARE.replace("Val av sekreterare och justerare", "Information")
    assert "justerare" not in roles(lines, without_item)  # no election item: an offer elects no one


def test_signing_the_minutes_and_taking_the_justering_name_the_justerare() -> None:
    lines = [
        OPENING,
        ("G", "Simon, kan du ta justeringen den här gången? Det är din tur."),
        ("S", "Ja, det tar jag."),
        ("G", "Och vem sätter sitt namn under protokollet med mig i morgon?"),
        ("E", "Jag kan göra det."),
        *ECONOMY,
    ]
    assert sorted(roles(lines)["justerare"]) == ["Eva Strand", "Simon Eriksson"]
