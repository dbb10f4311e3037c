"""Items taken out of the agenda's order, found by their matter and their number: the number said as a noun beside
the item's name, an item passed over by mistake and taken at the end, items taken first for one who must leave,
an item asked to come before another, items taken together named by their own words, and a count's sides."""

from __future__ import annotations

from tests.agenda_meeting import chaired_transcript as spoken
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.counted import sides_called
from transcribe.agenda.numbers import number_refs
from transcribe.agenda.units import build_units


def starts(agenda: str, lines: list[str | tuple[str, str]]) -> dict[str, float | None]:
    al = align_agenda(parse_agenda_text(agenda), spoken(lines))
    return {i.number: (i.start if i.treated else None) for i in al.items}


def test_the_number_said_as_a_noun_beside_the_items_name() -> None:
    assert number_refs("femman, lokalhyran, har vi inget svar om, så den stryker vi i kväll.") == [("5", -1)]
    assert number_refs("vi glömde visst ekonomin, trean.") == [("3", 1)]
    assert number_refs("och budgeten, fyran, tar vi sist.") == [("4", -1)]
    assert number_refs("okej, då medlemsavgiften, sexan.") == [("6", 1)]
    # a school year or a golf hole said alone or after a preposition names no item
    assert number_refs("sjuan.") == []
    assert number_refs("barnen i sjuan, de flesta, åker buss.") == []


AGENDA = """Styrelsemöte
1. Mötets öppnande
2. Föregående protokoll
3. Ekonomi
4. Lokalfrågan
5. Övriga frågor
6. Mötets avslutande
"""


def test_an_item_passed_over_by_mistake_starts_where_it_is_taken_at_the_end() -> None:
    got = starts(
        AGENDA,
        [
            "Välkomna, jag förklarar mötet öppnat.",
            "Ekonomin. Vi har fyrtiotusen på kontot och inga skulder.",
            ("Det ser bra ut.", "P"),
            "Lokalfrågan. Hyresvärden vill höja hyran från januari.",
            ("Vi får fråga kommunen om en annan lokal.", "S"),
            "Övriga frågor. Har någon något?",
            ("Nej.", "P"),
            "Oj, vänta. Vi hoppade över förra protokollet, tvåan. Finns det något att säga om det?",
            ("Nej, det stämde.", "S"),
            "Då läggs det till handlingarna. Tack för i kväll, mötet är avslutat.",
        ],
    )
    assert got["2"] == 70.0
    assert got["3"] == 10.0 and got["4"] == 30.0 and got["5"] == 50.0


TOGETHER = """Årsmöte
1. Mötets öppnande
2. Verksamhetsberättelse
3. Kassans berättelse
4. Revisorernas berättelse
5. Ansvarsfrihet
6. Mötets avslutande
"""


def test_items_taken_together_are_named_by_their_own_words() -> None:
    got = starts(
        TOGETHER,
        [
            "Välkomna, jag förklarar årsmötet öppnat.",
            "Verksamhetsberättelsen och kassans berättelse tar vi tillsammans, om ingen har något emot det.",
            ("Vi hade tolv träffar och kassan gick plus tvåtusen.", "S"),
            "Kan de läggas till handlingarna? Ja. De läggs till handlingarna.",
            "Revisorernas berättelse. Pelle, det är du.",
            ("Vi har granskat allt och föreslår ansvarsfrihet.", "P"),
            "Tack. Kan styrelsen beviljas ansvarsfrihet? Ja. Styrelsen är beviljad ansvarsfrihet.",
            "Då förklarar jag årsmötet avslutat.",
        ],
    )
    assert got["2"] == got["3"] == 10.0
    assert got["4"] == 40.0  # "berättelsen", shared by the three titles, did not take the auditors' report along


FIRST = """Styrelsemöte
1. Mötets öppnande
2. Godkännande av dagordningen
3. Föregående protokoll
4. Bidragen från kommunen
5. Lokalen
6. Övriga frågor
"""


def test_items_taken_first_for_one_who_must_leave_start_where_their_talk_begins() -> None:
    got = starts(
        FIRST,
        [
            "Välkomna, jag förklarar mötet öppnat.",
            "Dagordningen. Sara måste gå tidigt, så vi tar hennes punkter först. Femman, lokalen, och sen fyran, "
            "bidragen. Går det?",
            ("Godkänt.", "P"),
            ("Tack. Lokalen. Hyresvärden har sagt upp kontraktet till sommaren.", "S"),
            ("Då får vi börja leta nu.", "P"),
            "Vi frågar hyresvärden om vi kan få stanna till hösten.",
            "Och så bidragen, medan du är kvar.",
            ("Kommunen ger oss tjugotusen i år, femtusen mindre än i fjol.", "S"),
            "Tack, Sara. Förra protokollet är justerat, så det läggs till handlingarna.",
            "Övriga frågor. Inget? Då tackar jag för i kväll.",
        ],
    )
    assert got["5"] == 30.0  # the one whose item it is opens it after the room approved the agenda
    assert got["4"] == 60.0  # and the next taken first where the chair turns to it
    assert got["3"] == 80.0


BEFORE = """Årsmöte
1. Mötets öppnande
2. Godkännande av dagordningen
3. Ansvarsfrihet för styrelsen
4. Budget för nästa år
5. Motion om en ny båt
6. Mötets avslutande
"""


def test_an_item_asked_to_come_before_another_and_a_counts_sides() -> None:
    got = starts(
        BEFORE,
        [
            "Välkomna, jag förklarar årsmötet öppnat.",
            "Dagordningen. Några ändringar?",
            ("Kan motionen tas före budgeten? Båten kostar pengar.", "P"),
            "Ja. Med motionen före budgeten, kan dagordningen godkännas? Då är den godkänd.",
            "Kan styrelsen beviljas ansvarsfrihet? Ja. Styrelsen är beviljad ansvarsfrihet.",
            "Som vi sa tar vi motionen nu. Pelle, det är din.",
            ("Jag föreslår en ny båt för trettiotusen.", "P"),
            "Räck upp handen för motionen.",
            ("Elva.", "S"),
            "Och för styrelsens.",
            ("Fyra.", "S"),
            "Elva mot fyra, motionen är bifallen.",
            "Då budgeten. Kassören har ett förslag med båten inräknad. Den är fastställd.",
            "Då förklarar jag årsmötet avslutat.",
        ],
    )
    assert got["3"] == 40.0  # not at the count's "Och för styrelsens."
    assert got["5"] == 50.0 and got["4"] == 120.0


def test_a_show_of_hands_called_with_its_verb_misheard_still_has_its_sides() -> None:
    units = build_units(
        spoken(
            [
                "Vi har två förslag, Pelles och styrelsens.",
                "Med upp handen för Pelles förslag.",
                ("Nio.", "S"),
                "Och för styrelsens.",
                ("Fyra.", "S"),
                "Nio mot fyra.",
            ]
        )
    )
    assert [units[i].text for i in sides_called(units)] == ["Och för styrelsens."]
