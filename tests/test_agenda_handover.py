"""A chair who never says an item's number and seldom its title: the talk turning to a new item ("Hasse?" and a
long report from Hasse, "Lamporna då.", "Sen var det badet.") places the items between two placed ones in agenda
order; and roles given in everyday words (one "som skriver under med mig", one who "har pennan", the chair who
"tar klubban"). Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.align import build_units
from transcribe.agenda.order import ordered
from transcribe.agenda.phrases import SKIP_TOPIC
from transcribe.minutes.roles import find_roles
from transcribe.transcript import Segment, SpeakerInfo, Transcript

NAMES = {"A": "Lennart Holm", "B": "Hasse Nilsson", "C": "Emil Sandberg", "D": "Siv Eriksson"}
AGENDA = """Styrelsemöte i byalaget
1. Mötets öppnande
2. Föregående protokoll
3. Ekonomi
4. Vägbelysningen längs byvägen
5. Badplatsen inför sommaren
6. Övriga frågor
7. Mötets avslutande
"""
LINES = [
    ("A", "Jag förklarar mötet öppnat."),
    ("A", "Ni har fått förra protokollet på mejlen, då lägger vi det till handlingarna."),
    ("A", "Hasse?"),  # 20 s: the floor handed to the one who reports, no word of the title
    ("B", "Ja. Vi har fyrtiotvåtusen på kontot och medlemsavgifterna har kommit in från nästan alla i byn."),
    ("A", "Tack för det."),
    ("A", "Lamporna då."),  # 50 s: a topic put first, in words of its own
    ("B", "Tre av stolparna lyser inte alls, elfirman vill ha åttatusen för att byta allihop."),
    ("A", "Då säger vi så, vi byter dem i vår."),
    ("A", "Sen var det bryggan."),  # 80 s
    ("C", "Bryggan är rutten längst ut, jag kan bygga om den en helg i maj om vi köper virket till den."),
    ("A", "Det tar vi, föreningen köper virket."),
    ("A", "Har någon något övrigt?"),
    ("D", "Nej."),
    ("A", "Då förklarar jag mötet avslutat."),
]


def transcript(lines: list[tuple[str, str]]) -> Transcript:
    segs = [Segment(id=i, start=i * 10.0, end=i * 10.0 + 8.0, text=t, speaker=s) for i, (s, t) in enumerate(lines)]
    return Transcript(
        segments=segs, duration=len(lines) * 10.0, speakers=[SpeakerInfo(label=k, name=v) for k, v in NAMES.items()]
    )


def starts(lines: list[tuple[str, str]], agenda: str = AGENDA) -> dict[str, float | None]:
    al = align_agenda(parse_agenda_text(agenda), transcript(lines))
    return {s.number: s.start if s.treated else None for s in al.items}


def test_items_handed_over_or_put_first_start_where_the_talk_turns() -> None:
    got = starts(LINES)
    assert got["3"] == 20.0  # "Hasse?" - and Hasse reports
    assert got["4"] == 50.0  # "Lamporna då."
    assert got["5"] == 80.0  # "Sen var det bryggan."
    assert got["6"] == 110.0 and got["7"] == 130.0


def test_a_short_question_answered_briefly_starts_nothing() -> None:
    lines = [*LINES[:6], ("A", "Hasse?"), ("B", "Ja."), *LINES[6:]]  # asked inside the item, a word in reply
    got = starts(lines)
    assert got["4"] == 50.0 and got["5"] == 100.0


def test_an_item_struck_somewhere_takes_no_hand_over() -> None:
    lines = [LINES[0], ("A", "Badplatsen hoppar vi över i dag."), *LINES[1:8], ("A", "Hasse?"), *LINES[9:]]
    got = starts(lines)
    assert got["5"] is None


def roles(lines: list[tuple[str, str]], agenda: str) -> set[tuple[str, str]]:
    tr = transcript(lines)
    al = align_agenda(parse_agenda_text(agenda), tr)
    return {(r.role, r.name) for r in find_roles(tr, al, build_units(tr))}


def test_roles_in_everyday_words() -> None:
    agenda = """Årsstämma
1. Stämmans öppnande
2. Val av ordförande för stämman
3. Val av sekreterare
4. Val av justerare
5. Verksamhetsberättelsen
6. Stämmans avslutande
"""
    lines = [
        ("D", "Välkomna till årsstämman, jag förklarar stämman öppnad."),
        ("D", "Valberedningen har ett förslag på vem som ska hålla i stämman. Hasse?"),
        ("B", "Valberedningen föreslår Lennart Holm."),
        ("D", "Några andra förslag? Nej. Då får Lennart ta klubban."),
        ("A", "Tack för förtroendet. Någon behöver skriva. Emil, du har ju pennan i handen redan."),
        ("C", "Jag skriver gärna."),
        ("A", "Och så någon som skriver under med mig efteråt. Hasse, du slapp förra gången."),
        ("B", "Okej, jag tar det."),
        ("A", "Siv, berätta om året."),
        ("D", "Vi har sålt åttahundra fiskekort och satt ut tretusen yngel i biflödena i juni, det gick bra."),
        ("A", "Då förklarar jag stämman avslutad."),
    ]
    got = roles(lines, agenda)
    assert ("sekreterare", "Emil Sandberg") in got and ("sekreterare", "Lennart Holm") not in got
    assert ("justerare", "Hasse Nilsson") in got
    assert ("ordförande", "Lennart Holm") in got


def test_a_topic_left_to_the_annual_meeting_is_deferred_not_started() -> None:
    assert SKIP_TOPIC.search("det får vi ta upp på stämman.") and SKIP_TOPIC.search("den tas upp till årsmötet.")
    assert not SKIP_TOPIC.search("då tar vi upp årsstämman nu.") and not SKIP_TOPIC.search("vi tar upp stämman först.")


def test_a_title_word_inside_a_members_report_does_not_pull_its_item_forward() -> None:
    agenda = """Styrelsemöte i byalaget
1. Mötets öppnande
2. Ekonomi
3. Fiberutbyggnaden
4. Midsommarfirandet
5. Mötets avslutande
"""
    lines = [
        ("A", "Jag förklarar mötet öppnat."),
        ("A", "Hasse?"),  # 10 s
        ("B", "Ja. Vi har fyrtiotvåtusen på kontot efter midsommarfirandet i fjol, och avgifterna har kommit in."),
        ("A", "Tack för det."),
        ("A", "Sen var det fibern."),  # 40 s
        ("C", "De gräver längs byvägen i augusti, och anslutningen kostar hälften fram till juni för alla i byn."),
        ("A", "Då skickar vi ett brev till alla hushåll."),
        ("A", "Midsommarfirandet, vem fixar stången i år?"),  # 70 s: the chair names it where the talk turns
        ("D", "Samma gäng som i fjol, vi klär den på fredag förmiddag."),
        ("A", "Då förklarar jag mötet avslutat."),
    ]
    got = starts(lines, agenda)
    assert got["2"] == 10.0 and got["3"] == 40.0 and got["4"] == 70.0


def test_a_topic_put_under_other_business_and_the_chairs_call_for_it() -> None:
    agenda = """Styrelsemöte
1. Mötets öppnande
2. Godkännande av föredragningslistan
3. Ekonomisk rapport
4. Samarbetsavtal med nationen
5. Övriga frågor
6. Mötets avslutande
"""
    lines = [
        ("A", "Jag förklarar mötet öppnat."),
        ("A", "Listan har ni fått. Jag vill lägga till kårtidningen under övriga frågor. Godkänner vi den så?"),
        ("B", "Ja."),
        ("A", "Punkt tre. Noah, hur ser kassan ut?"),  # 30 s
        ("B", "Vi har hundratjugotusen på kontot och sittningen i mars gick med förlust."),
        ("A", "Nationen. Avtalet är utskickat till alla."),  # 50 s
        ("C", "Vi delar på kostnaden för vaktbolaget."),
        ("A", "Då skriver vi under avtalet."),
        ("A", "Finns det något mer?"),  # 80 s: the chair calls for other business
        ("C", "Tidningen har ingen redaktör efter sommaren."),
        ("A", "Jag förklarar mötet avslutat."),
    ]
    got = starts(lines, agenda)
    assert got["2"] == 10.0 and got["3"] == 30.0 and got["4"] == 50.0
    assert got["5"] == 80.0 and got["6"] == 100.0


def test_roles_asked_for_in_everyday_words_start_their_items() -> None:
    agenda = """Årsstämma
1. Stämmans öppnande
2. Val av ordförande för stämman
3. Val av sekreterare för stämman
4. Verksamhetsberättelsen
5. Stämmans avslutande
"""
    lines = [
        ("D", "Välkomna till årsstämman, jag förklarar stämman öppnad."),
        ("D", "Valberedningen har ett förslag på vem som ska hålla i stämman."),  # 10 s
        ("B", "Valberedningen föreslår Lennart Holm."),
        ("A", "Tack för förtroendet. Någon behöver skriva."),  # 30 s
        ("C", "Jag skriver gärna."),
        ("A", "Punkt fyra, verksamhetsberättelsen. Siv?"),
        ("D", "Vi har sålt åttahundra fiskekort och satt ut tretusen yngel i biflödena i juni."),
        ("A", "Då förklarar jag stämman avslutad."),
    ]
    got = starts(lines, agenda)
    assert got["2"] == 10.0 and got["3"] == 30.0


def test_a_check_in_opens_the_meeting() -> None:
    assert parse_agenda_text("Ledningsgrupp\n1. Incheckning\n2. Ekonomi\n3. Övrigt\n").items[0].kind == "open"


def test_an_item_is_not_taken_out_of_order_to_let_in_a_barely_evidenced_one() -> None:
    B = [[-1.0, -1.0, -1.0, 2.75, -1.0], [-1.0, -1.0, 0.09, -1.0, -1.0]]  # the second barely above the threshold
    named = [[False, False, False, True, False], [False] * 5]
    assert ordered(B, 0.8, named) == {0: 3}


def test_a_report_filed_ends_its_item_and_starts_none() -> None:
    agenda = """Årsstämma
1. Stämmans öppnande
2. Styrelsens verksamhetsberättelse
3. Revisorernas berättelse
4. Stämmans avslutande
"""
    lines = [
        ("A", "Jag förklarar stämman öppnad."),
        ("A", "Siv, berätta om året."),  # 10 s
        ("D", "Vi har sålt åttahundra fiskekort och satt ut tretusen yngel i biflödena i juni, det gick bra."),
        ("A", "Frågor på det? Inga. Då läggs verksamhetsberättelsen till handlingarna."),  # 30 s: item 2 settled
        ("A", "Hasse."),  # 40 s
        ("B", "Revisionsberättelsen, ja. Vi har granskat kassan och protokollen och har inget alls att anmärka på."),
        ("A", "Då förklarar jag stämman avslutad."),
    ]
    got = starts(lines, agenda)
    assert got["2"] == 10.0 and got["3"] == 40.0
