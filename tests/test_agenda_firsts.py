"""Where an election, a sub-item taken first and a deferred item start: hand-made meeting, ten seconds per line."""

from __future__ import annotations

from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.transcript import Segment, SpeakerInfo, Transcript

AGENDA = """Styrelsemöte
1. Mötets öppnande
2. Val av mötesordförande, sekreterare och justerare
3. Ekonomi
4. Vattnet
  a) Vattenpåsläpp i vår
  b) Läckan under stora gången
5. Kompostering och trädgårdsavfall
6. Vårstädningsdagen
7. Mötets avslutande
"""
LINES = [
    ("A", "Välkomna allihop, jag öppnar mötet."),
    ("A", "Jag föreslår att jag är ordförande för mötet och att Goran skriver protokollet. Går det bra?"),  # 10 s
    ("G", "Ja, det går bra."),
    ("A", "Och så behöver vi någon som justerar. Mirja, du har inte gjort det på ett tag?"),
    ("M", "Nej, det stämmer. Jag kan justera i dag."),  # 40 s: the one who answers names the role too
    ("A", "Punkt tre, ekonomin. Kassan är god."),
    ("A", "Nästa är vattnet. Vi tar läckan först, för den avgör när vi kan släppa på vattnet."),  # 60 s: 4b
    ("T", "Röret under stora gången sprack i januari."),
    ("A", "Då tar vi offerten från rörfirman. Då är läckan klar."),
    ("A", "Och när släpper vi på vattnet?"),  # 90 s: 4a
    ("T", "Den femtonde april, om det inte är frost."),
    ("A", "Nu tar vi vårstädningen."),  # 110 s: 6
    ("M", "Förra året kom bara hälften, vi borde bjuda på korv."),
    ("A", "Bra. Vårstädningen blir den tjugofjärde april. Kompostering och trädgårdsavfall tar vi på nästa möte."),
    ("A", "Tack för i kväll, jag avslutar mötet."),
]


def starts(lines: list[tuple[str, str]]) -> dict[str, float | None]:
    segs = [Segment(id=i, start=i * 10.0, end=i * 10.0 + 8.0, text=t, speaker=s) for i, (s, t) in enumerate(lines)]
    names = {"A": "Lena Abrahamsson", "G": "Goran Ilić", "M": "Mirja Heikkinen", "T": "Thanh Nguyen"}
    tr = Transcript(
        segments=segs, duration=len(lines) * 10.0, speakers=[SpeakerInfo(label=k, name=v) for k, v in names.items()]
    )
    return {s.number: s.start if s.treated else None for s in align_agenda(parse_agenda_text(AGENDA), tr).items}


def test_a_proposal_for_a_role_opens_the_election_not_the_volunteers_answer() -> None:
    assert starts(LINES)["2"] == 10.0


def test_the_sub_item_the_chair_takes_first_starts_at_the_parents_announcement() -> None:
    got = starts(LINES)
    assert got["4b"] == 60.0
    assert got["4a"] == 90.0


def test_an_item_put_off_to_the_next_meeting_is_not_treated() -> None:
    got = starts(LINES)
    assert got["5"] is None
    assert got["6"] == 110.0


def test_a_role_named_and_the_meeting_asked_just_after_opens_the_election_when_the_proposal_word_is_lost() -> None:
    lines = list(LINES)
    lines[1] = ("A", "Jag att jag är ordförande för mötet och att Goran skriver protokollet. Går det bra?")
    assert starts(lines)["2"] == 10.0
