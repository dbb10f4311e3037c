"""Members who open their own items, items named by everyday words, "över till" said of money, an item taken
before those the agenda puts ahead of it, and roles taken by the person elected ("Och jag justerar", "Jag kan
skriva på"). Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.align import build_units, chair_speaker
from transcribe.agenda.parse import AgendaItem
from transcribe.agenda.phrases import KIND_CUES, OPENS_OWN, declared_at
from transcribe.agenda.settle import settled_under
from transcribe.agenda.topics import overlap, title_stems
from transcribe.minutes.roles import find_roles
from transcribe.sv.text import content_words, stem
from transcribe.transcript import Segment, SpeakerInfo, Transcript

NAMES = {"A": "Anna Lindqvist", "B": "Per Olsson", "C": "Malin Hedberg", "D": "Jonas Ek", "E": "Ebba Strand"}
AGENDA = """Styrelsemöte i teaterföreningen
1. Öppnande
2. Val av mötesordförande och sekreterare
3. Val av justerare
4. Ekonomisk redovisning
5. Höstens uppsättning
6. Lokalfrågan
7. Inventarier och förråd
8. Medlemsvärvning
9. Nästa möte
10. Avslutning
"""
LINES = [
    ("A", "Hej allihop, hör ni mig? Klockan är halv sju, så då kör vi."),
    ("A", "Jag kan leda mötet i kväll om ni vill. Och Jonas, du har ju datorn uppe, kan du skriva?"),  # 10 s
    ("D", "Visst, jag skriver."),
    ("A", "Tack. Vem läser igenom och skriver på sen?"),  # 30 s
    ("C", "Jag kan skriva på."),
    ("B", "Ja, jag börjar med kassan då. Vi gick plus i våras och jag har fört över tiotusen till buffertkontot."),
    ("A", "Fint. Några frågor?"),  # 50 s ("över till" above is money moved, not a transition)
    ("B", "Resten av bidraget från kommunen kommer över till oss i juni."),
    ("A", "Då lägger vi redovisningen till handlingarna."),
    ("C", "Innan pjäsen, jag har en sak om nya medlemmar, för jag måste gå tidigt. Gymnasiet vill ha en kväll."),
    ("A", "Bra, Malin ordnar den i september."),  # 90 s: item 8 taken before 5, 6 and 7
    ("A", "Pjäsen då. Ebba, du har läst klart?"),  # 110 s
    ("E", "Ja, jag föreslår Ett drömspel med premiär i oktober, det finns roller för alla som var med i våras."),
    ("A", "Då bestämmer vi att sätta upp Ett drömspel i höst."),
    ("A", "Och så Folkets hus."),  # 140 s
    ("B", "De har höjt hyran för repetitionerna till trehundrafemtio kronor i timmen, det äter upp hela plusset."),
    ("D", "Ska jag bläddra vidare?"),  # 160 s
    ("A", "Ja. Kostymerna i källaren ger vi till Röda korset, det är fullt där nere."),
    ("A", "När ses vi igen? Jag föreslår den sjunde juni."),  # 180 s
    ("A", "Då tackar jag för i kväll."),
]


def transcript(lines: list[tuple[str, str]], names: dict[str, str] = NAMES) -> Transcript:
    segs = [Segment(id=i, start=i * 10.0, end=i * 10.0 + 8.0, text=t, speaker=s) for i, (s, t) in enumerate(lines)]
    return Transcript(
        segments=segs, duration=len(lines) * 10.0, speakers=[SpeakerInfo(label=k, name=v) for k, v in names.items()]
    )


def starts(lines: list[tuple[str, str]], agenda: str = AGENDA) -> dict[str, float | None]:
    al = align_agenda(parse_agenda_text(agenda), transcript(lines))
    return {s.number: s.start if s.treated else None for s in al.items}


def roles(lines: list[tuple[str, str]], agenda: str = AGENDA, names: dict[str, str] = NAMES) -> dict[str, list]:
    tr = transcript(lines, names)
    out: dict[str, list[str]] = {}
    for r in find_roles(tr, align_agenda(parse_agenda_text(agenda), tr), build_units(tr)):
        out.setdefault(r.role, []).append(r.name)
    return out


def test_money_moved_over_to_an_account_makes_no_one_the_chair() -> None:
    assert chair_speaker(build_units(transcript(LINES))) == "A"


def test_a_member_opens_her_own_item_and_the_items_before_it_follow_where_the_talk_turns() -> None:
    got = starts(LINES)
    assert got["4"] == 50.0  # "Ja, jag börjar med kassan då." - the treasurer's own opening
    assert got["8"] == 90.0  # "Innan pjäsen, jag har en sak om nya medlemmar"
    assert got["5"] == 110.0  # "Pjäsen då."
    assert got["6"] == 140.0  # "Och så Folkets hus."
    assert got["7"] == 160.0  # the shared screen moved on
    assert got["9"] == 180.0  # "När ses vi igen?"


def test_roles_taken_in_the_words_of_what_the_person_does() -> None:
    want = {"ordförande": ["Anna Lindqvist"], "sekreterare": ["Jonas Ek"], "justerare": ["Malin Hedberg"]}
    assert roles(LINES) == want


def test_roles_taken_by_the_elected_themselves_and_a_chair_until_another_comes() -> None:
    agenda = "Styrelsemöte\n1. Mötets öppnande\n2. Mötets formalia\n3. Tvättstugan\n4. Avslutning\n"
    names = {"A": "Leila Karimi", "B": "Oskar Forsberg", "C": "Fatima Osman", "D": "Sara Nyström"}
    lines = [
        ("A", "Hej, är alla inne i länken? Då startar vi."),
        ("B", "Jag tar protokollet som vanligt."),
        ("C", "Och jag justerar, jag har inte gjort det sedan i våras."),
        ("A", "Perfekt. Och jag leder, så då har vi det klart."),
        ("C", "Det är Fatima, jag tar tvätten. Bokningstavlan i källaren har gått sönder igen."),
        ("A", "Då skriver vi till värden. Tack för i kväll."),
    ]
    got = roles(lines, agenda, names)
    assert got == {"ordförande": ["Leila Karimi"], "sekreterare": ["Oskar Forsberg"], "justerare": ["Fatima Osman"]}
    lines = [
        ("B", "Sara, kan inte du sköta klubban tills Leila kommer?"),
        ("D", "Okej, då gör jag det. Då öppnar jag mötet."),
        ("B", "Jag skriver ihop protokollet i kväll, det är min tur."),
        ("D", "Och Fatima, kan du kolla protokollet med mig efteråt?"),
        ("C", "Ja, det går bra."),
        ("C", "Tvättstugan, ja. Bokningstavlan har gått sönder igen."),
        ("D", "Då skriver vi till värden. Tack för i kväll."),
    ]
    got = roles(lines, agenda, names)
    assert got == {"ordförande": ["Sara Nyström"], "sekreterare": ["Oskar Forsberg"], "justerare": ["Fatima Osman"]}


def test_an_annual_meeting_led_by_an_elected_chair_who_names_no_item() -> None:
    agenda = """Årsmöte i bygdegårdsföreningen
1. Årsmötets öppnande
2. Val av ordförande för mötet
3. Fråga om mötet blivit behörigen utlyst
4. Styrelsens verksamhetsberättelse
5. Revisorernas berättelse
6. Fråga om ansvarsfrihet för styrelsen
7. Val av styrelse
8. Mötets avslutande
"""
    names = {"A": "Kjell Sundin", "B": "Gun Persson", "C": "Lena Wall", "D": "Yusuf Demir"}
    lines = [
        ("A", "Välkomna till årsmötet. Efter mötet går vi över till kaffet i köket. Jag förklarar mötet öppnat."),
        ("A", "Styrelsen föreslår att Gun får föra ordet i dag."),  # 10 s
        ("D", "Bifall."),
        ("B", "Tack. Kallelsen då, satt den uppe i affären fyra veckor innan?"),  # 30 s
        ("A", "Den sattes upp i januari, och den kom i brevlådorna samtidigt."),
        ("B", "Då är mötet rätt utlyst."),
        ("B", "Kjell, hur gick året?"),  # 60 s
        ("A", "Det har varit ett bra år med tolv fester och fyra loppisar, och taket lagades i höstas av medlemmarna."),
        ("B", "Då läggs den till handlingarna."),
        ("C", "Jag har gått igenom räkenskaperna och allt stämmer. Jag tillstyrker ansvarsfrihet."),  # 90 s
        ("B", "Innan vi väljer ny styrelse: kan årsmötet bevilja styrelsen ansvarsfrihet?"),  # 100 s
        ("D", "Ja!"),
        ("B", "Då har styrelsen ansvarsfrihet för verksamhetsåret."),
        ("B", "Och så valberedningen. Vem håller i det?"),  # 130 s
        ("D", "Det gör jag. Vi föreslår omval av hela styrelsen, alla har sagt ja till ett år till."),
        ("B", "Då är de valda. Jag lämnar tillbaka ordet till Kjell."),
        ("A", "Tack Gun. Mötet är avslutat, och nu går vi över till kaffet."),
    ]
    tr = transcript(lines, names)
    assert chair_speaker(build_units(tr)) == "B"  # the meeting chair, not the board chair who speaks of coffee
    al = align_agenda(parse_agenda_text(agenda), tr)
    got = {s.number: s.start if s.treated else None for s in al.items}
    assert got["3"] == 30.0  # "Kallelsen då, satt den uppe …?" (not "Då är mötet rätt utlyst.")
    assert got["4"] == 60.0  # the floor handed over (not the discharge "för verksamhetsåret")
    assert got["6"] == 100.0 and got["7"] == 130.0  # one start in the turn "Och så valberedningen. Vem …?"


def test_a_meeting_started_online_and_a_task_given_by_name_is_no_hand_over() -> None:
    agenda = "Styrelsemöte\n1. Mötets öppnande\n2. Mötets formalia\n3. Tvättstugan\n4. Lekplatsen\n5. Övriga frågor\n"
    names = {"A": "Leila Karimi", "B": "Oskar Forsberg", "C": "Fatima Osman", "D": "Hanna Björk"}
    lines = [
        ("A", "Hej, hör ni mig? Då startar vi."),
        ("B", "Jag tar protokollet som vanligt."),  # 10 s
        ("A", "Och jag leder, så då har vi det klart."),  # not "nu har vi …": no item announced
        ("D", "Det är Hanna, jag tar tvätten. Bokningstavlan i källaren har gått sönder igen, folk tvättar fel."),
        ("A", "Vi kräver ett digitalt bokningssystem. Hanna skriver."),  # a task, not the floor handed to Hanna
        ("D", "Jag skriver brevet i morgon och skickar det till er innan jag lämnar det, så får ni läsa det först."),
        ("C", "Gungorna vid parken är borta sedan augusti, och ingen vet när det kommer nya gungor till barnen."),
        ("A", "Det tar vi med i samma brev."),
        ("A", "Något mer som någon vill ta upp?"),  # 80 s
        ("B", "Nej."),
    ]
    al = align_agenda(parse_agenda_text(agenda), transcript(lines, names))
    got = {s.number: s.start if s.treated else None for s in al.items}
    assert got["1"] == 0.0 and got["2"] in (10.0, 20.0) and got["3"] == 30.0  # "Då startar vi."
    assert got["4"] == 60.0  # not at "Hanna skriver."
    assert got["5"] == 80.0


def test_an_item_named_by_an_everyday_word_for_its_topic() -> None:
    def said(title: str, text: str) -> bool:
        return bool(overlap(title_stems(AgendaItem(number="1", title=title)), {stem(w) for w in content_words(text)}))

    assert said("Vägbelysningen längs byvägen", "Lamporna då.")
    assert said("Badplatsen inför sommaren", "Sen var det badet.")
    assert said("Kassarapport", "Då fortsätter jag med pengarna.")
    assert said("Trafiksäkerhet vid skolan", "Men en sak om bilarna på morgonen.")
    assert not said("Badplatsen inför sommaren", "Lamporna då.")
    assert OPENS_OWN.search("men en sak om bilarna på morgonen.")
    assert not OPENS_OWN.search("en sak till om budgeten, jenny.")  # a return to an item opens none


def test_a_decision_with_a_deadline_and_money_stays_under_its_own_item() -> None:
    agenda = "Styrelsemöte\n1. Mötets öppnande\n2. Ekonomi\n3. Fiberutbyggnaden\n4. Midsommarfirandet\n5. Avslutning\n"
    lines = [
        ("A", "Jag förklarar mötet öppnat."),
        ("A", "Ekonomin. Hasse?"),  # 10 s
        ("B", "Vi har fyrtiotusen på kontot och alla avgifter har kommit in i år."),
        ("A", "Fiberutbyggnaden då."),  # 30 s
        ("C", "Fiberbolaget gräver längs byvägen i augusti, och de vill att vi berättar det för alla i byn."),
        ("A", "Då skickar vi ett brev om det till alla hushåll före midsommar och tar pengarna ur kassan."),  # 50 s
        ("A", "Midsommarfirandet då. Vem fixar stången?"),  # 60 s
        ("C", "Jag gör det."),
        ("A", "Då förklarar jag mötet avslutat."),
    ]
    tr = transcript(lines)
    al = align_agenda(parse_agenda_text(agenda), tr)
    assert al.item("3").start == 30.0 and al.item("4").start == 60.0
    units = build_units(tr)
    deadline = "Styrelsen beslutade att skicka ett brev till alla hushåll före midsommar."
    assert settled_under(al, units, 5, deadline, 50.0) == "3"  # not midsummer: it is when
    money = "Styrelsen beslutade att skicka ett brev och ta pengarna ur kassan."
    assert settled_under(al, units, 5, money, 50.0) == "3"  # not the economy: an everyday word names no item here


def test_a_goodbye_late_closes_and_a_call_for_more_with_a_word_misheard_opens_other_business() -> None:
    assert declared_at("toppen. då tackar jag för i bo, vi ses på festen.", 0.95) == "thanks"
    assert declared_at("vi ses på festen.", 0.5) is None  # only at the very end
    assert KIND_CUES["other"].search("något mer som nilsson vill ta upp?")
