"""Items opened by what the chair asks of someone rather than by the item's title: the notice named by its everyday
word and put to the one who sent it out ("Kallelsen. Ahmed, när skickades den?"), the annual report by asking one to
report ("Nu ber jag Lars berätta om det gångna året."), the secretary by asking the one at the computer ("Maja, du
som sitter vid datorn, skriver du?"), the justerare as two who read what the secretary writes and sign it, a comma
between. Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.align import build_units
from transcribe.agenda.parse import standard_kinds
from transcribe.minutes.roles import find_roles
from transcribe.transcript import Segment, SpeakerInfo, Transcript

NAMES = {"A": "Karin Berg", "B": "Lars Holm", "C": "Maja Strand", "D": "Ahmed Ali"}
AGENDA = """Årsmöte i hembygdsföreningen
1. Mötets öppnande
2. Val av mötesordförande
3. Val av sekreterare
4. Val av två justerare
5. Fråga om mötet blivit stadgeenligt utlyst
6. Godkännande av dagordningen
7. Verksamhetsberättelse
8. Ekonomi
9. Mötets avslutande
"""
LINES = [
    ("A", "Välkomna allihop, jag förklarar årsmötet öppnat."),
    ("A", "Jag håller i klubban i kväll, om ingen har något emot det."),
    ("A", "Maja, du som sitter vid datorn, skriver du?"),
    ("C", "Ja, det gör jag."),
    ("A", "Sedan behöver vi två som går igenom det Maja har fått ner, och skriver under att det stämmer."),
    ("B", "Jag kan."),
    ("D", "Jag också."),
    ("A", "Kallelsen. Ahmed, när skickades den?"),
    ("D", "Den gick ut med posten tre veckor före mötet, som stadgarna säger."),
    ("A", "Bra. Dagordningen har ni fått, kan den godkännas?"),
    ("B", "Ja."),
    ("A", "Nu ber jag Lars berätta om det gångna året."),
    ("B", "Vi har haft elva träffar och två utflykter, och vi har blivit fler medlemmar."),
    ("A", "Tack. Ekonomin då, Ahmed?"),
    ("D", "Vi har tjugotusen i kassan och inga skulder."),
    ("A", "Tack för i kväll, mötet är avslutat."),
]


def transcript() -> Transcript:
    segs = [Segment(id=i, start=i * 10.0, end=i * 10.0 + 8.0, text=t, speaker=s) for i, (s, t) in enumerate(LINES)]
    return Transcript(
        segments=segs, duration=len(LINES) * 10.0, speakers=[SpeakerInfo(label=k, name=v) for k, v in NAMES.items()]
    )


def starts() -> dict[str, int]:
    al = align_agenda(parse_agenda_text(AGENDA), transcript())
    return {s.number: int(s.start // 10) for s in al.items if s.treated and s.start is not None}


def test_a_title_saying_the_meeting_was_called_is_the_notice_item() -> None:
    for title in ("Fråga om mötet blivit stadgeenligt utlyst", "Frågan om mötet har kallats i rätt tid"):
        assert "quorum" in standard_kinds(title)


def test_items_opened_by_asking_someone_start_where_they_are_asked() -> None:
    got = starts()
    assert got["3"] == 2  # the secretary: the one at the computer asked
    assert got["4"] == 4  # the justerare: two who go through what she writes, and sign it
    assert got["5"] == 7  # the notice named by its everyday word and put to the one who sent it
    assert got["7"] == 11  # the annual report: one asked to report on the year


def test_the_secretary_asked_at_the_computer_and_the_two_who_offer_to_sign_are_elected() -> None:
    tr = transcript()
    got: dict[str, list[str]] = {}
    for r in find_roles(tr, align_agenda(parse_agenda_text(AGENDA), tr), build_units(tr)):
        got.setdefault(r.role, []).append(r.name)
    assert sorted(got.get("sekreterare", [])) == ["Maja Strand"]
    assert sorted(got.get("justerare", [])) == ["Ahmed Ali", "Lars Holm"]
