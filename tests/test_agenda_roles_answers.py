"""Roles read from how a request is answered and from whose clause a role verb stands in: one asked "om han skriver"
or elected "att skriva" is the secretary, not the chair named beside; an answer whose first sentence was heard
wrong still offers in its next; a statement that ends on its verb and "jag" offers whatever was put first; one named
as whose work is checked is not the one asked. Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.align import build_units
from transcribe.minutes.roles import find_roles
from transcribe.transcript import Segment, SpeakerInfo, Transcript

NAMES = {"K": "Karin Vall", "L": "Leo Brandt", "M": "Mira Holm", "O": "Olle Sand", "S": "Siv Ek"}

ANNUAL = """Årsmöte
1. Mötets öppnande
2. Val av ordförande och sekreterare för mötet
3. Val av justerare
4. Verksamhetsberättelse
5. Mötets avslutande
"""

BOARD = """Styrelsemöte
1. Mötets öppnande
2. Val av justerare
3. Ekonomi
4. Avslutning
"""


def spoken(lines: list[tuple[str, str]]) -> Transcript:
    segs = [Segment(id=i, start=i * 10.0, end=i * 10.0 + 8.0, text=t, speaker=s) for i, (s, t) in enumerate(lines)]
    return Transcript(
        segments=segs, duration=len(lines) * 10.0, speakers=[SpeakerInfo(label=k, name=v) for k, v in NAMES.items()]
    )


def roles_of(agenda: str, lines: list[tuple[str, str]]) -> set[tuple[str, str]]:
    tr = spoken(lines)
    return {(r.role, r.name) for r in find_roles(tr, align_agenda(parse_agenda_text(agenda), tr), build_units(tr))}


def _annual(officers: str, outcome: str) -> list[tuple[str, str]]:
    return [
        ("K", "Välkomna till årsmötet. Jag förklarar mötet öppnat."),
        ("K", f"Punkt två, val av ordförande och sekreterare för mötet. {officers} Är alla med på det?"),
        ("L", "Ja."),
        ("O", "Ja, gärna."),
        ("K", outcome),
        ("S", "Tack. Punkt tre, val av justerare. Vem kan justera protokollet?"),
        ("M", "Jag kan justera."),
        ("S", "Punkt fyra, verksamhetsberättelsen. Leo, berätta om året."),
        ("L", "Vi har haft ett bra år med många nya medlemmar och en stor sommarfest."),
        ("S", "Tack. Då förklarar jag mötet avslutat."),
    ]


def test_one_asked_if_he_writes_is_the_secretary_not_the_chair_named_beside() -> None:
    roles = roles_of(
        ANNUAL,
        _annual("Vi i styrelsen har frågat Siv om hon kan ta klubban, och Olle om han skriver.", "Bra. Varsågod, Siv."),
    )
    assert ("sekreterare", "Olle Sand") in roles
    assert ("sekreterare", "Siv Ek") not in roles
    assert ("ordförande", "Siv Ek") in roles


def test_the_outcome_elects_one_to_lead_and_another_to_write() -> None:
    roles = roles_of(ANNUAL, _annual("Det finns ett förslag.", "Då är Siv vald att leda och Olle att skriva."))
    assert ("sekreterare", "Olle Sand") in roles
    assert ("sekreterare", "Siv Ek") not in roles


def _board(request: str, answer: tuple[str, str]) -> set[tuple[str, str]]:
    return roles_of(
        BOARD,
        [
            ("K", "Välkomna, jag förklarar mötet öppnat."),
            ("K", f"Tvåan. {request}"),
            answer,
            ("K", "Tack. Trean, ekonomin. Leo, hur ser kassan ut?"),
            ("L", "Vi har fyrtiotusen på kontot, och alla fakturor är betalda."),
            ("K", "Bra. Då avslutar jag mötet."),
        ],
    )


def test_an_answer_heard_wrong_in_its_first_sentence_still_offers_in_its_next() -> None:
    roles = _board("Och vem orkar titta på det efteråt?", ("O", "Hm, jo. Det är min tur den här gången."))
    assert ("justerare", "Olle Sand") in roles


def test_a_statement_ending_on_its_verb_and_jag_offers_whatever_was_put_first() -> None:
    roles = _board("Vem kan läsa igenom protokollet efteråt?", ("O", "Fredag kan jag."))
    assert ("justerare", "Olle Sand") in roles


def test_one_named_as_whose_work_is_checked_is_not_the_one_asked() -> None:
    roles = _board("Och någon får kolla efteråt att Mira har fått med allt.", ("O", "Jag kan."))
    assert ("justerare", "Olle Sand") in roles
    assert ("justerare", "Mira Holm") not in roles


def test_another_than_the_one_named_offering_takes_nothing() -> None:
    roles = _board("Och Mira får se efteråt att det blir rätt.", ("O", "Jag kan."))
    assert ("justerare", "Olle Sand") not in roles


def test_an_answer_that_turns_the_work_down_takes_nothing() -> None:
    roles = _board("Och vem orkar titta på det efteråt?", ("O", "Hm. Jag gör det inte i dag, jag har inte tid."))
    assert ("justerare", "Olle Sand") not in roles


def _proposed(proposal: str) -> set[tuple[str, str]]:
    """The roles of an annual meeting whose chair puts `proposal` in item two and two members say yes."""
    return roles_of(
        ANNUAL,
        [
            ("K", "Välkomna till årsmötet. Jag förklarar mötet öppnat."),
            ("K", f"Punkt två. {proposal} Går det bra?"),
            ("O", "Ja, det går bra."),
            ("L", "Ja."),
            ("K", "Punkt tre, val av justerare. Vem kan justera protokollet?"),
            ("M", "Jag kan justera."),
            ("K", "Punkt fyra, verksamhetsberättelsen. Leo, berätta om året."),
            ("L", "Vi har haft ett bra år med många nya medlemmar och en stor sommarfest."),
            ("K", "Tack. Då förklarar jag mötet avslutat."),
        ],
    )


def test_a_yes_to_a_proposal_elects_those_it_names_and_to_their_own_roles() -> None:
    roles = _proposed("Jag föreslår mig själv som ordförande och att Olle skriver protokollet.")
    assert ("sekreterare", "Olle Sand") in roles
    assert not {("ordförande", "Olle Sand"), ("ordförande", "Leo Brandt")} & roles


def test_one_who_can_hold_the_gavel_leads_and_the_one_proposed_to_write_writes() -> None:
    roles = roles_of(
        ANNUAL,
        [
            ("K", "Välkomna till årsmötet. Jag förklarar mötet öppnat."),
            ("K", "Punkt två. Nu ska vi ha någon som håller i klubban. Det ska inte vara jag. Styrelsen granskas."),
            ("S", "Valberedningen tycker att jag kan hålla i klubban. Och till att skriva föreslår vi Olle."),
            ("O", "Gärna, om någon lånar mig en penna."),
            ("S", "Tack. Punkt tre, val av justerare. Vem kan justera protokollet?"),
            ("M", "Jag kan justera."),
            ("S", "Punkt fyra, verksamhetsberättelsen. Leo, berätta om året."),
            ("L", "Vi har haft ett bra år med många nya medlemmar och en stor sommarfest."),
            ("S", "Tack. Då förklarar jag mötet avslutat."),
        ],
    )
    assert ("ordförande", "Siv Ek") in roles
    assert ("sekreterare", "Olle Sand") in roles
    assert ("ordförande", "Olle Sand") not in roles


SECRETARY = """Styrelsemöte
1. Mötets öppnande
2. Val av sekreterare
3. Ekonomi
4. Avslutning
"""


def test_one_told_she_wrote_well_last_time_and_asked_again_who_says_yes_writes() -> None:
    roles = roles_of(
        SECRETARY,
        [
            ("K", "Välkomna, jag förklarar mötet öppnat."),
            ("K", "Tvåan. Och Mira, du skrev så bra förra gången. Kan du tänka dig det i kväll också?"),
            ("M", "Okej. Om någon har en penna."),
            ("K", "Tack. Trean, ekonomin. Leo, hur ser kassan ut?"),
            ("L", "Vi har fyrtiotusen på kontot, och alla fakturor är betalda."),
            ("K", "Bra. Då avslutar jag mötet."),
        ],
    )
    assert ("sekreterare", "Mira Holm") in roles


def test_one_asked_whose_turn_it_is_answers_with_a_name_and_is_not_elected() -> None:
    roles = _board("Och vem skriver under med mig? Olle, vems tur är det?", ("O", "Det är Leos tur."))
    assert ("justerare", "Olle Sand") not in roles


def test_one_named_in_the_askers_turn_who_says_yes_to_its_question_takes_the_role() -> None:
    request = "Tack, Mira. Och Olle tittar på det efteråt och skriver under. Går det?"
    assert ("justerare", "Olle Sand") in _board(request, ("O", "Absolut."))
    assert ("justerare", "Mira Holm") not in _board(request, ("M", "Absolut."))


def test_the_one_the_asker_thanks_by_name_right_after_his_answer_takes_the_role() -> None:
    roles = roles_of(
        SECRETARY,
        [
            ("K", "Välkomna, jag förklarar mötet öppnat."),
            ("K", "Tvåan. Leo, kan du föra protokollet i dag?"),
            ("L", "Nej, tyvärr, jag har ont i handen."),
            ("O", "Hm, då blir det väl så."),
            ("K", "Tack Olle, då är det klart."),
            ("K", "Trean, ekonomin. Leo, hur ser kassan ut?"),
            ("L", "Vi har fyrtiotusen på kontot, och alla fakturor är betalda."),
            ("K", "Bra. Då avslutar jag mötet."),
        ],
    )
    assert ("sekreterare", "Olle Sand") in roles
    assert ("sekreterare", "Leo Brandt") not in roles


def test_the_chair_said_of_jag_is_not_given_to_a_name_near_it() -> None:
    roles = _proposed("Jag föreslår att jag är ordförande för mötet och att Olle tar det andra.")
    assert ("ordförande", "Karin Vall") in roles
    assert ("ordförande", "Olle Sand") not in roles


def test_who_leads_a_meeting_whose_agenda_elects_a_justerare_is_its_chair_though_the_election_was_lost() -> None:
    lines = [
        ("K", "God morgon allihop. Då kör vi."),
        ("K", "Tvåan. Vi tar den <ohörbart> i dag."),
        ("O", "Mm."),
        ("K", "Trean, ekonomin. Leo, hur ser kassan ut?"),
        ("L", "Vi har fyrtiotusen på kontot, och alla fakturor är betalda."),
        ("K", "Bra. Fyran. Tack för i dag."),
    ]
    assert ("ordförande", "Karin Vall") in roles_of(BOARD, lines)
    assert not {r for r in roles_of(BOARD.replace("Val av justerare", "Arbetsmiljö"), lines) if r[0] == "ordförande"}


TWO = """Årsmöte
1. Mötets öppnande
2. Val av två justerare
3. Verksamhetsberättelse
4. Mötets avslutande
"""


def test_the_second_of_two_justerare_is_the_one_who_then_offers_the_work_in_its_item() -> None:
    roles = roles_of(
        TWO,
        [
            ("K", "Välkomna till årsmötet. Jag förklarar mötet öppnat."),
            ("K", "Punkt två. Vi behöver två justerare. Vilka orkar granska protokollet efteråt?"),
            ("O", "Jag gör det. Och Leo."),
            ("L", "Måste jag?"),
            ("O", "Du har ändå inget för dig på fredag."),
            ("L", "Okej då. Jag granskar."),
            ("K", "Punkt tre, verksamhetsberättelsen. Mira, berätta om året."),
            ("M", "Vi har haft ett bra år med många nya medlemmar och en stor sommarfest."),
            ("K", "Tack. Då förklarar jag mötet avslutat."),
        ],
    )
    assert {("justerare", "Olle Sand"), ("justerare", "Leo Brandt")} <= roles
