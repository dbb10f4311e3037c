"""Roles given in everyday words: a filler in the request ("du skriver väl protokollet?"), a second volunteer
("Jag också."), "Det kan jag göra", the chair offering herself ("Kan jag vara ordförande i kväll?") and a
volunteer who brings another ("Jag och Nils tar det."). Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.align import build_units
from transcribe.minutes.roles import find_roles
from transcribe.transcript import Segment, SpeakerInfo, Transcript

NAMES = {"A": "Karin Berg", "B": "Lena Ström", "C": "Eva Lind", "D": "Nils Ek", "E": "Omar Said"}
AGENDA = """Styrelsemöte
1. Mötets öppnande
2. Val av mötesordförande
3. Val av sekreterare
4. Val av justerare
5. Ekonomi
6. Sommarfesten
7. Avslutning
"""
REST = [
    ("A", "Då tar vi ekonomin. Omar?"),
    ("E", "Vi har sextiotusen på kontot och alla räkningar är betalda, så det ser bra ut inför hösten."),
    ("A", "Tack. Sommarfesten då."),
    ("C", "Vi föreslår den tjugonde juni i parken, med grillning och musik för hela familjen."),
    ("A", "Då gör vi så. Tack för i kväll, mötet är avslutat."),
]


def roles_under(agenda: str, lines: list[tuple[str, str]]) -> dict[str, list[str]]:
    segs = [Segment(id=i, start=i * 10.0, end=i * 10.0 + 8.0, text=t, speaker=s) for i, (s, t) in enumerate(lines)]
    tr = Transcript(
        segments=segs, duration=len(lines) * 10.0, speakers=[SpeakerInfo(label=k, name=v) for k, v in NAMES.items()]
    )
    out: dict[str, list[str]] = {}
    for r in find_roles(tr, align_agenda(parse_agenda_text(agenda), tr), build_units(tr)):
        out.setdefault(r.role, []).append(r.name)
    return {k: sorted(v) for k, v in out.items()}


def roles(lines: list[tuple[str, str]]) -> dict[str, list[str]]:
    return roles_under(AGENDA, [*lines, *REST])


def test_a_request_with_a_filler_word_and_a_yes_elects_the_secretary() -> None:
    got = roles(
        [
            ("A", "Välkomna, jag förklarar mötet öppnat."),
            ("A", "Jag håller i mötet i kväll."),
            ("A", "Lena, du skriver väl protokollet som vanligt?"),
            ("B", "Ja."),
            ("A", "Och justerare, Eva och Nils?"),
            ("C", "Ja."),
            ("D", "Visst."),
        ]
    )
    assert got == {"ordförande": ["Karin Berg"], "sekreterare": ["Lena Ström"], "justerare": ["Eva Lind", "Nils Ek"]}


def test_each_who_offers_is_elected_and_det_kan_jag_gora_offers() -> None:
    got = roles(
        [
            ("A", "Hej och välkomna, mötet är öppnat, och jag leder det."),
            ("A", "Vem tar protokollet?"),
            ("B", "Det kan jag göra."),
            ("A", "Och vem justerar?"),
            ("E", "Jag kan."),
            ("C", "Jag också."),
        ]
    )
    assert got["sekreterare"] == ["Lena Ström"]
    assert got["justerare"] == ["Eva Lind", "Omar Said"]


def test_the_chair_who_offers_herself_is_chair_not_the_one_who_says_yes() -> None:
    got = roles(
        [
            ("A", "Välkomna, jag förklarar mötet öppnat."),
            ("A", "Kan jag vara ordförande i kväll?"),
            ("D", "Ja, absolut."),
            ("A", "Och Lena för protokollet. Två justerare behöver vi också."),
            ("C", "Jag och Nils tar det."),
            ("D", "Ja."),
        ]
    )
    assert got == {"ordförande": ["Karin Berg"], "sekreterare": ["Lena Ström"], "justerare": ["Eva Lind", "Nils Ek"]}


def test_one_who_says_no_to_a_role_is_not_given_it() -> None:
    got = roles(
        [
            ("A", "Välkomna, jag förklarar mötet öppnat."),
            ("A", "Eva, kan du vara sekreterare i dag?"),
            ("C", "Nej, jag har ont i handen. Lena kanske?"),
            ("B", "Ja, jag tar det."),
            ("A", "Bra. Nils och Omar justerar."),
        ]
    )
    assert got["sekreterare"] == ["Lena Ström"]
    assert got["justerare"] == ["Nils Ek", "Omar Said"]


def test_justeras_av_and_a_question_put_to_the_secretary_name_their_roles() -> None:
    got = roles(
        [
            ("A", "Välkomna, jag förklarar mötet öppnat och leder det."),
            ("A", "Lena, tar du anteckningarna?"),
            ("B", "Ja."),
            ("A", "Protokollet justeras av ordföranden och Eva."),  # the chair signs too, but is no justerare
        ]
    )
    assert got == {"ordförande": ["Karin Berg"], "sekreterare": ["Lena Ström"], "justerare": ["Eva Lind"]}


def test_roles_given_in_one_breath_by_first_name_go_to_the_names_each_role_is_said_with() -> None:
    got = roles(
        [
            ("A", "Välkomna, jag förklarar mötet öppnat."),
            ("A", "Till mötesordförande föreslår jag mig själv, om ingen har något emot det."),
            ("C", "Nej då."),
            ("A", "Till sekreterare föreslår jag Lena, och till justerare Eva och Nils."),
            ("B", "Okej."),
        ]
    )
    assert got["sekreterare"] == ["Lena Ström"] and got["justerare"] == ["Eva Lind", "Nils Ek"]


def test_a_yes_to_a_list_of_roles_elects_no_one_more() -> None:
    got = roles(
        [
            ("A", "Välkomna, jag förklarar mötet öppnat."),
            ("A", "Ordförande Karin, sekreterare Lena och justerare Eva. Går det bra?"),
            ("B", "Ja."),
        ]
    )
    assert got == {"ordförande": ["Karin Berg"], "sekreterare": ["Lena Ström"], "justerare": ["Eva Lind"]}


def test_the_secretary_who_just_skriver_is_elected() -> None:
    said = {
        "Jag är ordförande och Lena skriver.": [],
        "Jag är ordförande.": [("A", "Lena, du skriver?"), ("B", "Visst.")],
        "Jag leder mötet.": [("A", "Det är Lenas tur att skriva.")],
    }
    for first, rest in said.items():
        got = roles([("A", "Välkomna, jag förklarar mötet öppnat."), ("A", first), *rest])
        assert got.get("sekreterare") == ["Lena Ström"], first
        assert got.get("ordförande") == ["Karin Berg"], first


def test_every_role_given_in_one_sentence_under_one_item_goes_to_its_own_names() -> None:
    agenda = """Årsmöte
1. Mötets öppnande
2. Val av mötesfunktionärer
3. Ekonomi
4. Sommarfesten
5. Avslutning
"""
    want = {"justerare": ["Eva Lind", "Nils Ek"], "ordförande": ["Karin Berg"], "sekreterare": ["Lena Ström"]}
    for said in (
        "Valberedningen föreslår Karin Berg som ordförande, Lena Ström som sekreterare och Eva Lind och Nils Ek som"
        " justerare.",
        "Till ordförande valdes Karin Berg, till sekreterare Lena Ström och till justerare Eva Lind och Nils Ek.",
        "Karin leder mötet, Lena skriver och Eva och Nils justerar.",
    ):
        lines = [("E", "Välkomna, jag förklarar årsmötet öppnat."), ("E", f"Punkt två. {said}"), ("D", "Bifall.")]
        segs = [
            Segment(id=i, start=i * 10.0, end=i * 10.0 + 8.0, text=t, speaker=s)
            for i, (s, t) in enumerate(lines + REST)
        ]
        tr = Transcript(
            segments=segs, duration=len(segs) * 10.0, speakers=[SpeakerInfo(label=k, name=v) for k, v in NAMES.items()]
        )
        got: dict[str, list[str]] = {}
        for r in find_roles(tr, align_agenda(parse_agenda_text(agenda), tr), build_units(tr)):
            got.setdefault(r.role, []).append(r.name)
        assert {k: sorted(v) for k, v in got.items()} == want, said


def test_two_asked_by_name_in_one_turn_take_the_roles_their_requests_name_when_they_say_yes() -> None:
    agenda = "APT\n1. Inledning\n2. Val av sekreterare och justerare\n3. Ekonomi\n4. Sommarfesten\n5. Avslutning\n"
    lines = [
        ("A", "Okej, välkomna allihop, då kör vi."),
        ("A", "Lena, kan du skriva ner besluten?"),
        ("A", "Och Nils, du kollar igenom det innan det skickas."),
        ("B", "Visst."),
        ("D", "Okej."),
        *REST,
    ]
    got = roles_under(agenda, lines)
    assert got.get("sekreterare") == ["Lena Ström"] and got.get("justerare") == ["Nils Ek"]
    lines[4] = ("D", "Nej, inte i dag, jag går tidigt.")
    assert "justerare" not in roles_under(agenda, lines)


def test_whose_notes_are_read_is_no_justerare_and_each_volunteer_is() -> None:
    got = roles(
        [
            ("A", "Välkomna, jag förklarar mötet öppnat och leder det. Lena skriver som vanligt, hon har datorn."),
            ("A", "Och vem orkar läsa igenom Lenas anteckningar och sätta sitt namn under dem?"),
            ("D", "Det gör jag."),
        ]
    )
    assert got["sekreterare"] == ["Lena Ström"] and got["justerare"] == ["Nils Ek"]
    got = roles(
        [
            ("A", "Välkomna, jag förklarar mötet öppnat och leder det. Jag behöver någon som för pennan i dag."),
            ("A", "Lena, du brukar göra det."),
            ("B", "Okej, jag skriver."),
            ("A", "Sedan två personer som läser igenom det Lena skriver. Och räknar röster. Några frivilliga?"),
            ("C", "Jag kan."),
            ("D", "Jag också, om ingen annan vill."),
        ]
    )
    assert got["sekreterare"] == ["Lena Ström"] and got["justerare"] == ["Eva Lind", "Nils Ek"]


def test_one_asked_for_a_word_and_an_officer_reelected_are_not_given_the_meetings_chair() -> None:
    agenda = "Årsmöte\n1. Mötets öppnande\n2. Val av mötesordförande\n3. Val av styrelse\n4. Mötets avslutande\n"
    board = [
        ("A", "Punkt tre, val av styrelse."),
        ("C", "Valberedningen föreslår omval av Lena som ordförande och Nils som ledamot."),
        ("A", "Då är de valda. Tack, jag förklarar mötet avslutat."),
    ]
    asked = [
        ("A", "Välkomna, jag förklarar mötet öppnat. Först ska vi välja någon som leder mötet."),
        ("A", "Eva, vad säger valberedningen?"),
        ("C", "Vi föreslår Karin."),
        ("B", "Bra."),
    ]
    assert roles_under(agenda, [*asked, *board]).get("ordförande") == ["Karin Berg"]
    unheard = [("A", "Välkomna, jag förklarar mötet öppnat. Punkt två."), ("C", "Karin."), ("B", "Bra.")]
    assert "Lena Ström" not in roles_under(agenda, [*unheard, *board]).get("ordförande", [])
