"""How a decision reads in the protokoll: a name at its head keeps its capital, a clause with its subject first reads
"beslutade att …", a bare matter follows a colon (hand-made sentences)."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.minutes.model import Decision, Evidence, Minutes
from transcribe.minutes.protokoll import build_protokoll
from transcribe.minutes.protokoll_wording import formal_decision, meeting_names

NAMES = frozenset({"fia", "per", "lindgren", "tallbacka"})


def test_a_name_at_the_head_keeps_its_capital() -> None:
    assert formal_decision("Fias förslag till stadgar.", "Styrelsen", NAMES) == (
        "Styrelsen beslutade: Fias förslag till stadgar."
    )
    assert formal_decision("Tallbacka skola i stället för kyrkan.", "Nämnden", NAMES) == (
        "Nämnden beslutade: Tallbacka skola i stället för kyrkan."
    )
    assert formal_decision("Kaffe och bullar efter mötet.", "Styrelsen", NAMES) == (
        "Styrelsen beslutade: kaffe och bullar efter mötet."
    )
    # without the meeting's names a word that is no everyday word is taken for one
    assert formal_decision("Fias version av beslutet.", "Styrelsen") == "Styrelsen beslutade: Fias version av beslutet."


def test_a_clause_with_its_subject_first_reads_beslutade_att() -> None:
    assert formal_decision("Fias version gäller.", "Styrelsen", NAMES) == "Styrelsen beslutade att Fias version gäller."
    assert formal_decision("Per Lindgren får gå före sju.", "Nämnden", NAMES) == (
        "Nämnden beslutade att Per Lindgren får gå före sju."
    )
    assert formal_decision("Staketet målas i maj och Per köper färgen.", "Styrelsen", NAMES) == (
        "Styrelsen beslutade att staketet målas i maj och Per köper färgen."
    )
    assert formal_decision("Alla tre stugorna får nya lås.", "Styrelsen", NAMES) == (
        "Styrelsen beslutade att alla tre stugorna får nya lås."
    )
    assert formal_decision("Ingen låser ensam på kvällen.", "Styrelsen", NAMES) == (
        "Styrelsen beslutade att ingen låser ensam på kvällen."
    )


def test_the_groups_verb_reads_in_the_infinitive() -> None:
    assert (
        formal_decision("Vi målar staketet i maj.", "Styrelsen", NAMES)
        == "Styrelsen beslutade att måla staketet i maj."
    )
    assert formal_decision("Då flyttar vi kaffet till onsdagar.", "Styrelsen", NAMES) == (
        "Styrelsen beslutade att flytta kaffet till onsdagar."
    )
    assert formal_decision("Beviljar årsmötet styrelsen ansvarsfrihet för året.", "Stämman", NAMES) == (
        "Stämman beslutade att bevilja styrelsen ansvarsfrihet för året."
    )


def test_a_bare_matter_or_a_matter_put_first_follows_a_colon() -> None:
    assert (
        formal_decision("Trettonde maj blir det.", "Styrelsen", NAMES) == "Styrelsen beslutade: trettonde maj blir det."
    )
    assert formal_decision("Verkstaden två kvällar och förrådet tre kvällar.", "Styrelsen", NAMES) == (
        "Styrelsen beslutade: verkstaden två kvällar och förrådet tre kvällar."
    )


def test_the_meetings_names_are_its_speakers_and_its_capitalised_words() -> None:
    names = meeting_names(["Vi flyttar vallokalen till Tallbacka skola.", "Okej."], ["Fia Lindgren", None])
    assert {"fia", "lindgren", "tallbacka"} <= names and "vi" not in names and "okej" not in names


def test_the_protokoll_keeps_a_speakers_name_at_the_head_of_a_reviewed_decision() -> None:
    agenda = parse_agenda_text("""Dagordning styrelsemöte
1. Mötets öppnande
2. Nyckelfrågan
3. Mötets avslutande
""")
    tr = lines_transcript(
        [
            ("A", "Välkomna, jag förklarar mötet öppnat."),
            ("A", "Punkt två, nyckelfrågan. Vem ska ha nyckeln till förrådet?"),
            ("C", "Jag kan ta den, jag bor närmast."),
            ("A", "Bra, då gör vi så."),
            ("A", "Punkt tre. Tack, jag förklarar mötet avslutat."),
        ],
        {"A": "Anna Berg", "C": "Cecilia Ny"},
    )
    seg = tr.segments[3]
    edited = [  # the reviewer's own words for the decision: a name first, and a clause
        Decision(id=f"d{i}", text=text, status="edited", evidence=[Evidence.of(seg, tr)])
        for i, text in enumerate(["Cecilias förslag till nyckellista.", "Cecilia har nyckeln till förrådet."])
    ]
    prot = build_protokoll(Minutes(title="Styrelsemöte", decisions=edited), tr, agenda, align_agenda(agenda, tr))
    assert [d.text for d in prot.paragraph("2").decisions] == [
        "Styrelsen beslutade: Cecilias förslag till nyckellista.",
        "Styrelsen beslutade att Cecilia har nyckeln till förrådet.",
    ]
