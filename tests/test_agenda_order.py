"""Where items start when the chair moves one forward, mentions one in passing, opens with a welcome only, asks
for a role, or when the recogniser leaves nothing recognisable: hand-made meetings, ten seconds per line."""

from __future__ import annotations

from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.minutes import extract_minutes
from transcribe.minutes.protokoll import build_protokoll
from transcribe.minutes.protokoll_render import render_protokoll_markdown
from transcribe.transcript import Segment, SpeakerInfo, Transcript

AGENDA = """Styrelsemöte
1. Mötets öppnande
2. Rapport från kassören
3. Studiecirklar våren 2027
4. Bussresa till Umeå
5. Skrivelse till kommunen om färdtjänsten
6. Övriga frågor
7. Mötets avslutande
"""


def spoken(lines: list[tuple[str, str]], seconds: float = 10.0) -> Transcript:
    segs = [
        Segment(id=i, start=i * seconds, end=(i + 0.8) * seconds, text=t, speaker=s) for i, (s, t) in enumerate(lines)
    ]
    names = {"G": "Gunilla Berg", "E": "Eva Strand", "M": "Mats Öhman", "L": "Lena Holm"}
    return Transcript(
        segments=segs, duration=len(lines) * seconds, speakers=[SpeakerInfo(label=k, name=v) for k, v in names.items()]
    )


def starts(agenda: str, tr: Transcript) -> dict[str, float | None]:
    al = align_agenda(parse_agenda_text(agenda), tr)
    return {s.number: s.start if s.treated else None for s in al.items}


def test_an_item_moved_forward_does_not_cost_the_items_between() -> None:
    lines = [
        ("G", "God morgon och välkomna. Jag förklarar mötet öppnat."),
        ("G", "Då går vi till kassörens rapport."),
        ("M", "Vi har fyrtiotretusen kronor i kassan."),
        ("G", "Skrivelsen om färdtjänsten tar vi nu, kommunen vill ha svar före jul."),
        ("E", "Färdtjänsten kommer för sent till vårdcentralen, jag har skrivit ett utkast."),
        ("G", "Då beslutar vi att skicka skrivelsen i veckan."),
        ("G", "Så, studiecirklarna i vår."),
        ("L", "Vi har anmälningar till tre cirklar."),
        ("G", "Bussresan till Umeå."),
        ("M", "Bussen kostar tolvtusen kronor."),
        ("G", "Övriga frågor?"),
        ("G", "Då förklarar jag mötet avslutat."),
    ]
    got = starts(AGENDA, spoken(lines))
    assert got == {"1": 0.0, "2": 10.0, "3": 60.0, "4": 80.0, "5": 30.0, "6": 100.0, "7": 110.0}


def test_a_welcome_opens_and_asking_for_a_role_starts_the_election() -> None:
    agenda = "APT\n1. Inledning\n2. Val av sekreterare och justerare\n3. Schemat\n4. Avslutning\n"
    lines = [
        ("L", "Har någon sett min passerbricka?"),
        ("G", "Den ligger i receptionen. Jag hälsar er alla välkomna, och det är jag som leder mötet."),
        ("G", "Vem tar anteckningarna i dag?"),
        ("L", "Det är min tur, jag antecknar."),
        ("G", "Schemat för våren. Simningen flyttas till tisdagar."),
        *[("E", "Då krockar den med idrotten."), ("M", "Idrotten kan ligga på måndagar i stället.")] * 4,
        ("G", "Då avslutar vi för i dag."),
    ]
    assert starts(agenda, spoken(lines)) == {"1": 10.0, "2": 20.0, "3": 40.0, "4": 130.0}


def test_the_item_named_after_fore_is_not_the_one_taken() -> None:
    agenda = "Styrelsemöte\n1. Mötets öppnande\n2. Midsommarfirandet\n3. Hembygdsgårdens tak\n4. Mötets avslutande\n"
    lines = [
        ("G", "Välkomna, jag förklarar mötet öppnat."),
        ("G", "Taket tar vi före midsommarfirandet, eftersom Mats har med sig offerten."),
        ("M", "Plåtslagaren vill ha åttiofemtusen kronor för att lägga om taket."),
        ("G", "Då beslutar styrelsen att söka bidrag för taket."),
        ("G", "Då går vi tillbaka till midsommarfirandet."),
        ("E", "Vi behöver fler funktionärer i år."),
        ("G", "Då förklarar jag mötet avslutat."),
    ]
    assert starts(agenda, spoken(lines)) == {"1": 0.0, "2": 40.0, "3": 10.0, "4": 60.0}


def test_unrecognisable_words_are_placed_by_order_and_time() -> None:
    """Nine words in ten wrong: every item is still placed in agenda order near its share of the meeting, and a
    start the words still show ("punkt fem") is kept."""
    junk = "Mälkommen arli boep mjönset tättlingan sivung hård klarn"
    lines = [("G" if i % 3 == 0 else "M", junk) for i in range(35)]  # 350 s, one sentence a turn
    got = starts(AGENDA, spoken(lines))
    times = [got[n] for n in "1234567"]
    assert None not in times and times == sorted(times)
    assert all(abs(t - k * 50.0) <= 10.0 for k, t in enumerate(times))  # each near k/7 of the meeting
    lines[22] = ("G", "Punkt fem, skrivelsen om färdtjänsten.")
    got = starts(AGENDA, spoken(lines))
    assert got["5"] == 220.0 and [got[n] for n in "1234567"] == sorted(got[n] for n in "1234567")


def test_an_item_announced_with_its_name_misheard_and_a_closing_heard_in_part() -> None:
    lines = [
        ("G", "God morgon och välkomna. Jag förklarar mötet öppnat."),
        ("G", "Då går vi till kan peter. Mats?"),  # "kassörens rapport" misheard
        ("M", "Vi har fyrtiotretusen kronor i kassan."),
        ("G", "Så, studiecirklarna i vår."),
        ("L", "Vi har anmälningar till tre cirklar."),
        ("G", "Bussresan till Umeå."),
        ("M", "Bussen kostar tolvtusen kronor."),
        ("G", "Skrivelsen om färdtjänsten."),
        ("E", "Jag har skrivit ett utkast om färdtjänsten."),
        ("G", "Övriga frågor?"),
        ("E", "Nej."),
        ("G", "Bra. Då med mötet. Tack allihop."),  # "avslutar" lost
        ("L", "Ska vi ta bullarna med oss?"),
    ]
    got = starts(AGENDA, spoken(lines))
    assert got == {"1": 0.0, "2": 10.0, "3": 30.0, "4": 50.0, "5": 70.0, "6": 90.0, "7": 110.0}


def test_a_well_heard_meeting_that_skips_most_items_keeps_them_not_treated() -> None:
    lines = [
        ("G", "God morgon och välkomna. Jag förklarar mötet öppnat."),
        *[("M", "Vi pratar om vädret och om hur vintern har varit hittills i år.")] * 10,
        ("G", "Bussresan till Umeå."),
        *[("M", "Bussen kostar tolvtusen kronor för en dag, det blir dyrt för oss.")] * 10,
        ("G", "Då förklarar jag mötet avslutat."),
    ]
    got = starts(AGENDA, spoken(lines))
    assert got == {"1": 0.0, "2": None, "3": None, "4": 110.0, "5": None, "6": None, "7": 220.0}


def test_a_protokoll_placed_by_order_and_time_says_so() -> None:
    junk = [("G" if i % 3 == 0 else "M", "Mälkommen arli boep mjönset tättlingan sivung hård klarn") for i in range(35)]
    heard = [
        ("G", "God morgon och välkomna. Jag förklarar mötet öppnat."),
        ("G", "Bussresan till Umeå."),
        ("M", "Bussen kostar tolvtusen kronor."),
        ("G", "Då förklarar jag mötet avslutat."),
    ]
    notes = []
    for lines in (junk, heard):
        tr = spoken(lines)
        agenda = parse_agenda_text(AGENDA)
        prot = build_protokoll(extract_minutes(tr), tr, agenda, align_agenda(agenda, tr))
        notes.append("placerade efter dagordningens ordning och tid" in render_protokoll_markdown(prot))
    assert notes == [True, False]


def test_an_item_only_mentioned_inside_another_is_not_taken_out_of_order() -> None:
    """The chair names a later item in passing, then the current item's decision follows: the later item
    is not started there, and the decision stays under its own §."""
    lines = [
        ("G", "God morgon och välkomna. Jag förklarar mötet öppnat."),
        ("G", "Då går vi till kassörens rapport."),
        ("M", "Vi har fyrtiotretusen kronor i kassan."),
        ("G", "Så, studiecirklarna i vår."),
        ("L", "Vi har anmälningar till tre cirklar, men flera deltagare åker färdtjänst."),
        ("G", "Vi tar upp färdtjänsten i skrivelsen till kommunen."),
        ("G", "Då beslutar vi att starta tre cirklar."),
        ("G", "Bussresan till Umeå."),
        ("M", "Bussen kostar tolvtusen kronor."),
        ("G", "Övriga frågor?"),
        ("G", "Då förklarar jag mötet avslutat."),
    ]
    al = align_agenda(parse_agenda_text(AGENDA), spoken(lines))
    assert {s.number: s.start if s.treated else None for s in al.items} == {
        "1": 0.0, "2": 10.0, "3": 30.0, "4": 70.0, "5": None, "6": 90.0, "7": 100.0,
    }  # fmt: skip
    assert al.item_at(61.0) == "3"  # "Då beslutar vi att starta tre cirklar"


def test_a_passing_remark_does_not_start_an_item_whose_name_was_lost() -> None:
    """'Nu har vi gott om tid …' inside an item is no announcement: the item skipped between stays not treated."""
    lines = [
        ("G", "God morgon och välkomna. Jag förklarar mötet öppnat."),
        ("G", "Då går vi till kassörens rapport."),
        ("M", "Vi har fyrtiotretusen kronor i kassan."),
        ("G", "Så, studiecirklarna i vår."),
        ("L", "Vi har anmälningar till tre cirklar."),
        ("G", "Nu har vi gott om tid i vår, så vi kan starta en fjärde."),
        ("L", "Då frågar jag ledarna."),
        ("G", "Skrivelsen om färdtjänsten."),
        ("E", "Jag har skrivit ett utkast om färdtjänsten."),
        ("G", "Övriga frågor?"),
        ("G", "Då förklarar jag mötet avslutat."),
    ]
    got = starts(AGENDA, spoken(lines))
    assert got == {"1": 0.0, "2": 10.0, "3": 30.0, "4": None, "5": 70.0, "6": 90.0, "7": 100.0}
