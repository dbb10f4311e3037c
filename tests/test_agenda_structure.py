"""Item starts from a meeting's structure where the chair's words are weak: an outcome ("… är valda att justera")
ends an item and starts none, and a standard item asked for by what it does is placed in agenda order inside the
gap its neighbours leave, also when someone other than the chair of the later items opens the meeting.
Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.phrases import CONCLUDES, KIND_CUES
from transcribe.bench.agenda import handed_over
from transcribe.transcript import Segment, SpeakerInfo, Transcript

AGENDA = """Styrelsemöte
1. Mötets öppnande
2. Val av mötesordförande och sekreterare
3. Val av två justerare
4. Godkännande av dagordningen
5. Ekonomi
6. Vårens utflykt
7. Mötets avslutande
"""


def spoken(lines: list[tuple[str, str]]) -> Transcript:
    segs = [Segment(id=i, start=i * 10.0, end=i * 10.0 + 8.0, text=t, speaker=s) for i, (s, t) in enumerate(lines)]
    names = {"O": "Olle Berg", "A": "Amira Sund", "S": "Sanna Ek", "T": "Tobias Lund"}
    return Transcript(
        segments=segs, duration=len(lines) * 10.0, speakers=[SpeakerInfo(label=k, name=v) for k, v in names.items()]
    )


# The opener (O) opens and asks for the officials; the elected chair (A) announces every later item.
LINES = [
    ("O", "Hjärtligt välkomna, jag förklarar mötet öppnat."),  # 0
    ("O", "Först behöver vi någon som leder mötet och någon som skriver."),  # 1
    ("T", "Jag yrkar på Amira som mötesordförande och Sanna som sekreterare."),  # 2
    ("O", "Vi behöver också två som läser igenom protokollet och skriver under det efteråt."),  # 3
    ("S", "Jag kan göra det."),  # 4
    ("T", "Jag också."),  # 5
    ("O", "Sanna och Tobias är valda att justera."),  # 6
    ("A", "Tack. Dagordningen, kan den godkännas?"),  # 7
    ("T", "Ja."),  # 8
    ("A", "Då går vi vidare till ekonomin."),  # 9
    ("S", "Kassan är oförändrad sedan förra mötet."),  # 10
    ("A", "Nästa punkt är vårens utflykt."),  # 11
    ("T", "Vi föreslår en bussresa till Öland i maj."),  # 12
    ("A", "Då avslutar vi mötet, tack allihop."),  # 13
]


def test_an_election_outcome_is_no_start() -> None:
    assert CONCLUDES.search("sanna och tobias är valda att justera.")
    assert CONCLUDES.search("karin är omvald till ordförande.")
    assert not CONCLUDES.search("vem är valbar till styrelsen?")


def test_a_standard_item_asked_for_by_what_it_does_starts_where_asked() -> None:
    al = align_agenda(parse_agenda_text(AGENDA), spoken(LINES))
    starts = {it.number: it.start for it in al.items}
    assert starts["3"] == 30.0  # the question, not the outcome after the volunteers
    assert starts["4"] == 70.0
    assert starts["5"] == 90.0


AGENDA_KF = """Styrelsemöte i koloniföreningen
1. Mötets öppnande
2. Val av mötesordförande, sekreterare och justerare
3. Vattenpåsläpp i vår
4. Mötets avslutande
"""

# The chair's proposal is heard poorly ("ordförande inte mötes"); a member's "Jag justerar i dag" names the item
# more clearly, but only answers what the chair opened.
LINES_KF = [
    ("L", "Välkomna allihop till styrelsemötet, jag öppnar mötet."),  # 0
    ("L", "Jag föreslår att jag är ordförande inte mötes på Goran skriver protokollet, som vanligt. Går det bra?"),
    ("G", "Ja, det går bra."),  # 2
    ("M", "Jag justerar i dag."),  # 3
    ("L", "Tack, då justerar Mirja tillsammans med mig."),  # 4
    ("L", "Då går vi vidare till vattnet, när släpper vi på det i vår?"),  # 5
    ("G", "Första maj, som vanligt."),  # 6
    ("L", "Då avslutar vi mötet, tack allihop."),  # 7
]


def test_a_members_answer_does_not_start_the_item_the_chair_opened() -> None:
    tr = spoken(LINES_KF)
    tr.speakers.extend([SpeakerInfo(label="L", name="Lena Ås"), SpeakerInfo(label="G", name="Goran Li")])
    al = align_agenda(parse_agenda_text(AGENDA_KF), tr)
    starts = {it.number: it.start for it in al.items}
    assert starts["2"] == 10.0  # the chair's proposal, not the member's volunteering
    assert starts["3"] == 50.0


def test_what_the_standard_items_do_names_them() -> None:
    adjusters, secretary, other = KIND_CUES["adjusters"], KIND_CUES["secretary"], KIND_CUES["other"]
    assert adjusters.search("vi behöver också två som läser igenom protokollet efteråt.")
    assert adjusters.search("vem skriver i dag, och vem läser igenom dem efteråt?")
    assert not adjusters.search("jag har läst igenom budgeten och den ser bra ut.")
    assert secretary.search("och att goran skriver protokollet, som vanligt.")
    assert other.search("har någon något?")
    assert not other.search("har någon något emot att vi tar kaffe nu?")


def test_two_who_read_the_minutes_through_start_the_adjusters_item() -> None:
    lines = [*LINES[:3], ("O", "Vi behöver också två som läser igenom protokollet efteråt. Vem kan?"), *LINES[4:]]
    al = align_agenda(parse_agenda_text(AGENDA), spoken(lines))
    assert al.item("3").start == 30.0


def test_the_bench_hands_the_opening_to_another_speaker() -> None:
    lines = [("A", "Välkomna, jag förklarar mötet öppnat."), *[("A", f"Punkt {n}, ekonomin.") for n in range(2, 9)]]
    moved = handed_over(spoken(lines), share=0.3)
    assert [s.speaker for s in moved.segments[:3]] == ["OPENER"] * 3  # the first 30 % of the meeting
    assert {s.speaker for s in moved.segments[3:]} == {"A"}
