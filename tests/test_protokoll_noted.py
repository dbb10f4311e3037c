"""A report the meeting notes ("Tack. Vi noterar det.", "Informationen noteras.") is its item's decision, as a filing
is: worded from the item's title when said by a pronoun; an item asked for assent is settled where the asker closes
it after the floor's yes ("Det gör vi."), worded from the question when it names its matter. Hand-made meetings, ten
seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.align import build_units
from transcribe.agenda.verdicts import item_verdicts
from transcribe.minutes import extract_minutes
from transcribe.minutes.protokoll import build_protokoll
from transcribe.transcript import Transcript

AGENDA = """Styrelsemöte
1. Mötets öppnande
2. Ekonomisk rapport
3. Information från kommunen
4. Mötets avslutande
"""


def spoken(lines: list[tuple[str, str]]) -> Transcript:
    """Ten seconds per (speaker, text) line, spoken by Anna Berg (A), Bo Ek (B) and Cilla Ny (C)."""
    return lines_transcript(lines, {"A": "Anna Berg", "B": "Bo Ek", "C": "Cilla Ny"})


def test_a_report_the_meeting_notes_is_its_items_decision() -> None:
    tr = spoken(
        [
            ("A", "Välkomna, jag förklarar mötet öppnat."),
            ("A", "Ekonomisk rapport. Bo, hur ser det ut?"),
            ("B", "Vi har trettiotusen kvar på kontot och två fakturor som förfaller i maj."),
            ("A", "Tack. Vi noterar det."),
            ("A", "Information från kommunen. Cilla?"),
            ("C", "Kommunen bygger om gångvägen under sommaren, så infarten stängs i två veckor."),
            ("A", "Tack. Informationen noteras."),
            ("A", "Jag förklarar mötet avslutat."),
        ]
    )
    agenda = parse_agenda_text(AGENDA)
    prot = build_protokoll(extract_minutes(tr), tr, agenda, align_agenda(agenda, tr))
    report, info = prot.paragraph("2"), prot.paragraph("3")
    assert report is not None and info is not None
    assert [d.text for d in report.decisions] == ["Styrelsen beslutade att notera ekonomisk rapport."]
    assert any("notera informationen" in d.text for d in info.decisions)


BUDGET = """Styrelsemöte
1. Mötets öppnande
2. Fastställande av budget
3. Information från kommunen
4. Mötets avslutande
"""


def test_the_askers_short_close_after_the_floors_yes_is_cited_as_the_outcome() -> None:
    tr = spoken(
        [
            ("A", "Välkomna, jag förklarar mötet öppnat."),
            ("A", "Budgeten. Bo, du har skickat ut förslaget."),
            ("B", "Ja, samma som i fjol men tiotusen mer till underhållet av lekplatsen."),
            ("A", "Kan styrelsen fastställa budgeten?"),
            ("C", "Ja."),
            ("A", "Det gör vi. Information från kommunen. Cilla?"),
            ("C", "Kommunen bygger om gångvägen under sommaren, så infarten stängs i två veckor."),
            ("A", "Jag förklarar mötet avslutat."),
        ]
    )
    agenda = parse_agenda_text(BUDGET)
    prot = build_protokoll(extract_minutes(tr), tr, agenda, align_agenda(agenda, tr))
    budget = prot.paragraph("2")
    assert budget is not None and budget.decisions
    assert any(e.start == 50.0 for d in budget.decisions for e in d.evidence)  # "Det gör vi." closes it


REVISION = """Årsmöte
1. Årsmötet öppnas
2. Revisorernas berättelse
3. Avslutning
"""


def test_an_assent_to_a_question_naming_its_matter_is_worded_from_the_question() -> None:
    tr = spoken(
        [
            ("A", "Välkomna, jag förklarar årsmötet öppnat."),
            ("A", "Revisorernas berättelse. Bo?"),
            ("B", "Allt är i ordning. Vi föreslår att styrelsen beviljas ansvarsfrihet för året som gått."),
            ("A", "Tack. Kan vi lägga revisorernas berättelse till handlingarna?"),
            ("C", "Ja."),
            ("A", "Det gör vi. Då förklarar jag årsmötet avslutat."),
        ]
    )
    got = item_verdicts(align_agenda(parse_agenda_text(REVISION), tr), build_units(tr), decided=set())
    assert [v.number for v in got] == ["2"]
    assert "revisorernas berättelse till handlingarna" in got[0].text and "ansvarsfrihet" not in got[0].text
