"""What the agenda protokoll states as decided, by who said it and what came after: a member's report or reply the
chair never stated, a request to members, and a question for assent whose outcome the chair then says. Hand-made
board meetings, ten seconds per line; the rules extractor's readings are given as its decisions would come."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.minutes.model import Decision, Evidence, Minutes
from transcribe.minutes.protokoll import build_protokoll

NAMES = {"A": "Anna Berg", "B": "Bertil Ek", "C": "Cecilia Ny", "D": "David Ås"}
AGENDA = """Styrelsemöte
1. Mötets öppnande
2. Godkännande av dagordningen
3. Föregående protokoll
4. Köket
5. Mötets avslutande
"""


def read(lines: list[tuple[str, str]], *said: tuple[str, list[int]]):
    """The protokoll when the rules read each (text, lines it rests on) as a decision."""
    tr = lines_transcript(lines, NAMES)
    decisions = [
        Decision(
            id=f"d{n}",
            text=text,
            evidence=[
                Evidence(segment_id=i, speaker=lines[i][0], start=i * 10.0, end=i * 10.0 + 8.0, quote=lines[i][1])
                for i in at
            ],
        )
        for n, (text, at) in enumerate(said, 1)
    ]
    ag = parse_agenda_text(AGENDA)
    al = align_agenda(ag, tr)
    return build_protokoll(Minutes(title="Styrelsemöte", decisions=decisions), tr, ag, al), al


def decided(prot) -> list[tuple[str, str, list[int]]]:
    return [(p.number, d.text, [e.segment_id for e in d.evidence]) for p in prot.paragraphs for d in p.decisions]


OPENING = [
    ("A", "Välkomna, jag förklarar mötet öppnat."),
    ("A", "Dagordningen. Kan vi godkänna den?"),
    ("B", "Ja."),
    ("A", "Då är dagordningen godkänd."),
]


def test_a_members_reply_or_report_the_chair_never_stated_is_no_decision() -> None:
    lines = [
        *OPENING,
        ("A", "Föregående protokoll. Några synpunkter?"),
        ("B", "Inga synpunkter."),
        ("A", "Köket. Cecilia, hur ser det ut?"),
        ("C", "Skåpen är godkända. Från november byter vi leverantör av disktabletter."),
        ("D", "Sjuttiotusen för hela köket, alltså."),
        ("A", "Tack. Då lägger vi rapporten om köket till handlingarna."),
        ("A", "Då avslutar jag mötet."),
    ]
    prot, _ = read(
        lines,
        ("Inga synpunkter.", [5]),
        ("Mötet beslutade att byta leverantör av disktabletter från november.", [7]),
        ("Sjuttiotusen för hela köket.", [8]),
    )
    texts = [t for _, t, _ in decided(prot)]
    assert not any("synpunkter" in t or "disktabletter" in t or "ttiotusen" in t for t in texts), texts
    assert not any("godkända" in t or "skåpen" in t.lower() for t in texts), texts  # a member's report in set words
    assert any("handlingarna" in t for t in texts)  # the chair's own closing stands


def test_a_request_to_members_is_their_task_not_a_decision() -> None:
    lines = [
        *OPENING,
        ("A", "Köket. Bertil och Cecilia, kan ni titta på spisen tillsammans och komma med ett förslag på fredag?"),
        ("B", "Det gör vi."),
        ("A", "Då avslutar jag mötet."),
    ]
    prot, _ = read(lines, ("Mötet beslutade att Bertil och Cecilia, kan ni titta på spisen tillsammans.", [4, 5]))
    assert not any("spisen" in t for _, t, _ in decided(prot))


def test_a_question_for_assent_is_decided_where_the_chair_states_the_outcome() -> None:
    lines = [
        *OPENING,
        ("A", "Köket. Vi har en offert på tvåhundratusen för ett nytt kök."),
        ("B", "Det behövs, diskmaskinen läcker."),
        ("A", "Då tar vi köket nu, med fastighetsfonden. Är det någon som är emot?"),
        ("B", "Nej."),
        ("C", "Nej, det låter bra."),
        ("A", "Ingen. Då renoverar vi köket efter nyår."),
        ("A", "Då avslutar jag mötet."),
    ]
    prot, _ = read(lines, ("Mötet beslutade att ta köket nu, med fastighetsfonden.", [6]))
    kitchen = [(t, at) for n, t, at in decided(prot) if "köket" in t]
    assert len(kitchen) == 1 and kitchen[0][1][-1] == 9, kitchen  # settled at the outcome, said once


def test_the_question_read_as_a_decision_is_dropped_when_the_outcome_is_read_too() -> None:
    lines = [
        ("A", "Välkomna, jag förklarar mötet öppnat."),
        ("A", "Dagordningen. Jag föreslår att vi tar köket före protokollet. Kan vi godkänna dagordningen så?"),
        ("B", "Ja."),
        ("C", "Ja."),
        ("A", "Då är dagordningen godkänd med den ändringen."),
        ("A", "Köket. Vi behöver ett nytt."),
        ("A", "Då avslutar jag mötet."),
    ]
    prot, _ = read(lines, ("Mötet beslutade att ta köket före protokollet.", [1, 2]))
    made = decided(prot)
    assert [(n, at[-1]) for n, _, at in made] == [("2", 4)], made  # the approval, not the proposal read as well
