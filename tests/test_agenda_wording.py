"""Item starts from the chair's own words where no item number is said: roles asked for by what they do, a
note-taker for a secretary, "förra gångens anteckningar", an item deferred by "får vänta", one struck and another
taken in the same sentence, and an item named alone ("Sportlovet, då.") taken out of order. Hand-made meetings,
ten seconds per line."""

from __future__ import annotations

from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.numbers import without_numbers
from transcribe.agenda.parse import standard_kinds
from transcribe.agenda.phrases import taken_instead
from transcribe.agenda.topics import parts_said
from transcribe.transcript import Segment, SpeakerInfo, Transcript

AGENDA = """Arbetsplatsträff
1. Inledning
2. Val av antecknare och justerare
3. Föregående minnesanteckningar
4. Arbetsmiljö
  a. Skyddsrond i lagret
  b. Ny rutin vid hot och våld
5. Sommarschema 2027
6. Sportlovsaktiviteter för barn
7. Nominering till styrelsen
8. Avslutning
"""


def spoken(lines: list[tuple[str, str]]) -> Transcript:
    segs = [Segment(id=i, start=i * 10.0, end=i * 10.0 + 8.0, text=t, speaker=s) for i, (s, t) in enumerate(lines)]
    names = {"K": "Karin Nord", "G": "Gösta Ek", "J": "Jonna Berg", "L": "Lisa Holm"}
    return Transcript(
        segments=segs, duration=len(lines) * 10.0, speakers=[SpeakerInfo(label=k, name=v) for k, v in names.items()]
    )


LINES = [
    ("K", "Välkomna allihop, då sätter vi igång."),  # 0
    ("K", "Vem skriver minnesanteckningarna i dag, och vem läser igenom dem och skriver under efteråt?"),  # 1
    ("G", "Jag kan skriva."),  # 2
    ("J", "Och jag läser igenom dem."),  # 3
    ("K", "Förra gångens anteckningar. Något att kommentera?"),  # 4
    ("G", "Nej, de stämmer."),  # 5
    ("K", "Arbetsmiljön. Lisa är sen, så vi väntar med skyddsronden och börjar med den nya rutinen vid hot och våld."),
    ("K", "Ingen får stänga ensam på kvällarna längre, det gäller från måndag."),  # 7
    ("J", "Då måste torsdagarna ändras, där står jag ensam."),  # 8
    ("K", "Sommarschemat väntar vi också med tills Lisa är här. Sportlovet, då. Jonna?"),  # 9
    ("J", "Vi har pyssel varje förmiddag under lovet och behöver två personer varje dag."),  # 10
    ("G", "Jag tar måndag och tisdag."),  # 11
    ("L", "Förlåt att jag är sen, bussen stod still."),  # 12
    ("K", "Välkommen, Lisa. Du kommer lagom till skyddsronden, vi tar den nu."),  # 13
    ("L", "Hyllorna i lagret saknar förankring i väggen."),  # 14
    ("K", "Och nu sommarschemat. Lisa, du har pratat med facket."),  # 15
    ("L", "Förslaget är sju veckor med kortare öppettider."),  # 16
    ("K", "Nomineringen till styrelsen får vänta till nästa månad."),  # 17
    ("K", "Tack allihop, då avslutar vi mötet."),  # 18
]


def test_items_named_by_what_the_chair_says_without_numbers() -> None:
    al = align_agenda(parse_agenda_text(AGENDA), spoken(LINES))
    got = {s.number: s.start if s.treated else None for s in al.items}
    assert got["2"] == 10.0  # asked for by what the roles do: a note-taker and someone who signs
    assert got["3"] == 40.0  # "förra gångens anteckningar" is the previous minutes
    assert got["4b"] == 60.0  # taken in the sentence that defers the safety round
    assert 90.0 <= got["6"] < 100.0  # named alone and taken before 4a and 5
    assert 130.0 <= got["4a"] < 140.0 and got["5"] == 150.0
    assert got["7"] is None  # "får vänta": deferred, not treated
    assert got["8"] == 180.0


def test_a_note_taker_is_the_secretary_and_the_one_taken_instead_is_read() -> None:
    assert standard_kinds("Val av antecknare och justerare") == ["secretary", "adjusters"]
    assert standard_kinds("Val av mötesledare") == ["chair"]
    assert taken_instead("så vi väntar med skyddsronden och börjar med rutinen vid hot") == {"rutin", "hot"}
    assert taken_instead("tvättstugan hoppar vi över i dag") is None


def test_a_start_without_welcome_and_the_chairs_we_misheard() -> None:
    lines = [(s, t) for s, t in LINES]
    lines[0] = ("K", "Då sätter vi igång, vi har en timme.")  # no welcome heard: starting is the opening
    lines[18] = ("K", "Då tackar jag för i dag och mörr mötet.")  # "avslutar" misheard: thanking closes it
    lines[17] = ("K", "Nomineringen till styrelsen hoppar ni över i dag.")  # "vi" heard as "ni"
    lines[15] = ("K", "Så via tar sommarschemat nu. Lisa, du har pratat med facket.")  # "vi" heard as "via"
    al = align_agenda(parse_agenda_text(AGENDA), spoken(lines))
    got = {s.number: s.start if s.treated else None for s in al.items}
    assert got["1"] == 0.0 and got["8"] == 180.0
    assert got["7"] is None
    assert got["5"] == 150.0


def test_a_standard_item_struck_by_its_kind_is_not_treated() -> None:
    lines = [(s, t) for s, t in LINES]
    lines[4] = ("K", "Förra gångens anteckningar hoppar vi över, de är inte klara.")  # no number, no title word
    lines[5] = ("G", "Nej, de blev inte klara.")
    al = align_agenda(parse_agenda_text(AGENDA), spoken(lines))
    assert not al.item("3").treated
    assert al.item("4b").start == 60.0


def test_two_items_named_and_taken_together_share_one_start() -> None:
    agenda = "APT\n1. Inledning\n2. Arbetsmiljö\n  a. Skyddsronden\n  b. Sjukfrånvaron\n3. Schema\n4. Avslutning\n"
    lines = [
        ("K", "Välkomna allihop."),
        ("K", "Arbetsmiljön. Skyddsronden och sjukfrånvaron hänger ihop, så vi tar dem tillsammans."),  # 10 s
        ("G", "Ventilationen i klassrummen är dålig."),
        ("J", "Sjukfrånvaron har också gått upp i höst."),  # 30 s: the second item's word again, inside the first
        ("K", "Då är vi framme vid schemat."),  # 40 s: "framme vid" announces
        ("G", "Simningen krockar med idrotten."),
        ("K", "Tack allihop, då avslutar vi."),
    ]
    al = align_agenda(parse_agenda_text(agenda), spoken(lines))
    assert al.item("2a").start == al.item("2b").start == 10.0
    assert al.item("3").start == 40.0


def test_the_bench_can_take_the_chairs_numbers_out() -> None:
    assert without_numbers("Punkt fyra, ekonomin.") == "ekonomin."
    assert without_numbers("Punkterna åtta och nio tar vi tillsammans.") == "tar vi tillsammans."
    assert without_numbers("Vi är framme vid den sjätte punkten, taket.") == "Vi är framme vid taket."
    assert without_numbers("Klockan sju börjar vi.") == "Klockan sju börjar vi."


def test_an_item_taken_first_in_the_plain_word_order_is_taken_out_of_order() -> None:
    agenda = "Möte\n1. Mötets öppnande\n2. Budget\n3. Fasaden\n4. Parkeringen och cykelrummet\n5. Mötets avslutande\n"
    lines = [
        ("K", "Jag förklarar mötet öppnat."),
        ("K", "Vi tar parkeringen först eftersom Gösta måste gå tidigt."),  # 10 s
        ("G", "Det finns fyra lediga platser och kön är lång."),
        ("K", "Då går vi till budgeten."),  # 30 s
        ("J", "Budgeten går ihop."),
        ("K", "Då går vi vidare till fasaden."),  # 50 s
        ("G", "Fasaden ska målas i vår, och parkeringen får vänta under tiden."),  # a word of item 4, inside 3
        ("K", "Då förklarar jag mötet avslutat."),
    ]
    al = align_agenda(parse_agenda_text(agenda), spoken(lines))
    got = {s.number: s.start if s.treated else None for s in al.items}
    assert got == {"1": 0.0, "2": 30.0, "3": 50.0, "4": 10.0, "5": 70.0}


def test_a_compound_title_said_as_its_parts() -> None:
    assert parts_said("kyrktak", {"tak", "kyrkan"})  # "taket på kyrkan" for "kyrktaket"
    assert parts_said("föreningsbidrag", {"bidrag", "förening"})  # the linking s
    assert not parts_said("kyrktak", {"tak", "vägen"})
    agenda = "Kyrkoråd\n1. Sammanträdets öppnande\n2. Budget\n3. Renovering av kyrktaket\n4. Sammanträdets avslutande\n"
    lines = [
        ("K", "Jag förklarar sammanträdet öppnat."),
        ("K", "Då går vi till budgeten."),
        ("G", "Budgeten går ihop."),
        ("K", "Då är vi framme vid taket på kyrkan."),  # 30 s: no number, no title word as said
        ("G", "Läckaget över orgeln har blivit värre."),
        ("K", "Jag förklarar sammanträdet avslutat."),
    ]
    al = align_agenda(parse_agenda_text(agenda), spoken(lines))
    assert al.item("3").start == 30.0


def test_a_short_question_with_a_title_word_is_no_heading() -> None:
    agenda = "APT\n1. Inledning\n2. Val av justerare\n3. Föregående minnesanteckningar\n4. Schema\n5. Avslutning\n"
    lines = [
        ("K", "Välkomna allihop."),
        ("K", "Vem tar anteckningarna i dag?"),  # 10 s: the secretary asked for, not the previous notes
        ("G", "Det är min tur."),
        ("K", "Tack. Och vem kan justera?"),
        ("J", "Jag kan."),
        ("K", "Förra mötets anteckningar, något att ta upp?"),  # 50 s
        ("G", "Nej."),
        ("K", "Då går vi till schemat."),  # 70 s
        ("J", "Simningen krockar med idrotten."),
        ("K", "Tack allihop, då avslutar vi."),
    ]
    al = align_agenda(parse_agenda_text(agenda), spoken(lines))
    assert al.item("3").start == 50.0
    assert al.item("4").start == 70.0
