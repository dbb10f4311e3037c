"""The minutes draft from hand-written Swedish transcripts (rules backend, no model)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from transcribe.errors import OutputExists
from transcribe.minutes import Minutes, extract_minutes, render_markdown, write_minutes
from transcribe.minutes.mood import score_text
from transcribe.transcript import Segment, SpeakerInfo, Transcript

MEETING = dt.date(2026, 11, 25)  # a Wednesday
PEOPLE = {"S1": ("Anna Berg", "ordförande"), "S2": ("Karin Ek", "kassör"), "S3": ("Olof Nilsson", None)}


def make(turns: list[tuple[str, str]], people: dict[str, tuple[str, str | None]] = PEOPLE) -> Transcript:
    segs, t = [], 0.0
    for i, (spk, text) in enumerate(turns):
        d = max(2.0, 0.4 * len(text.split()))
        segs.append(Segment(id=i, start=t, end=t + d, text=text, speaker=spk))
        t += d + 0.5
    return Transcript(
        segments=segs,
        duration=t,
        metadata={"title": "Styrelsemöte", "time": "14:30"},
        speakers=[SpeakerInfo(label=k, name=v[0], role=v[1]) for k, v in people.items()],
    )


def minutes_of(turns: list[tuple[str, str]]) -> Minutes:
    return extract_minutes(make(turns), meeting_date=MEETING)


FULL = [
    ("S1", "Välkomna allihop. Första punkten är budgeten för nästa år."),
    ("S2", "Jag är lite orolig för budgeten, kostnaderna för lokalen har ökat mycket."),
    ("S3", "Jag föreslår att vi höjer medlemsavgiften till trehundra kronor."),
    ("S2", "Ja, det låter rimligt."),
    ("S1", "Bra, då kör vi på det."),
    ("S3", "Vi borde kanske också byta lokal till hösten."),
    ("S2", "Nej, det går inte, vi har ett kontrakt till nästa sommar."),
    ("S1", "Vi har inte bestämt om vi ska anordna en julfest i år."),
    ("S1", "Någon behöver skicka ut kallelsen till årsmötet."),
    ("S2", "Jag tar det, senast fredag."),
    ("S1", "Olof, kan du boka lokalen för årsmötet?"),
    ("S3", "Jag kan inte lova det, jag är bortrest i december."),
    ("S1", "Styrelsen beslutar att årsmötet hålls i mars."),
    ("S3", "Jag skickar ut protokollet till alla i morgon."),
    ("S1", "Nästa möte blir den fjortonde december klockan halv tre."),
    ("S2", "Det passar bra. Vi ses då!"),
]


@pytest.fixture(scope="module")
def full() -> tuple[Transcript, Minutes]:
    tr = make(FULL)
    return tr, extract_minutes(tr, meeting_date=MEETING)


def test_explicit_decision() -> None:
    m = minutes_of([("S1", "Styrelsen beslutar att årsmötet hålls i mars.")])
    assert [d.text for d in m.decisions] == ["Styrelsen beslutade att årsmötet hålls i mars."]
    assert m.decisions[0].evidence[0].segment_id == 0


def test_two_decisions_in_one_sentence() -> None:
    m = minutes_of(
        [("S1", "Då beslutar styrelsen att höja avgiften med två procent, och att fasadmålningen skjuts upp ett år.")]
    )
    assert len(m.decisions) == 2
    assert m.not_decided == []  # "skjuts upp" is the decided content here, not a postponement


def test_kor_pa_det_turns_proposal_into_decision() -> None:
    m = minutes_of(
        [
            ("S3", "Jag föreslår att vi köper in en ny projektor till lokalen."),
            ("S2", "Låter bra."),
            ("S1", "Då kör vi på det."),
        ]
    )
    assert [d.text for d in m.decisions] == ["Mötet beslutade att köpa in en ny projektor till lokalen."]
    d = m.decisions[0]
    assert d.proposed_by == "Olof Nilsson"
    assert {e.segment_id for e in d.evidence} == {0, 2}


def test_approval_of_agenda() -> None:
    m = minutes_of([("S1", "Kan vi godkänna dagordningen?"), ("S2", "Ja."), ("S1", "Då är dagordningen godkänd.")])
    assert [d.text for d in m.decisions] == ["Dagordningen godkändes."]


@pytest.mark.parametrize(
    "refusal",
    [
        "Nej, det går inte, vi har inte pengar till det.",
        "Förslaget avslås.",
        "Nej, det går tyvärr inte i år.",
    ],
)
def test_rejected_proposal_is_not_a_decision(refusal: str) -> None:
    m = minutes_of([("S3", "Jag föreslår att vi byter lokal till hösten."), ("S1", refusal)])
    assert m.decisions == []
    assert len(m.not_decided) == 1
    item = m.not_decided[0]
    assert "byta lokal" in item.text and item.reason == "Förslaget avslogs"


@pytest.mark.parametrize(
    "undecided",
    [
        "Vi har inte bestämt om vi ska anordna en julfest.",
        "Vi får återkomma om det.",
        "Vi skjuter på det.",
        "Vi väntar med det tills vi vet mer.",
        "Det har vi inte beslutat ännu.",
        "Vi bestämmer ingenting om det i dag.",
    ],
)
def test_undecided_gives_zero_decisions(undecided: str) -> None:
    m = minutes_of(
        [
            ("S3", "Ska vi anordna en julfest för medlemmarna i december?"),
            ("S2", "Ja, det vore trevligt."),
            ("S1", undecided),
        ]
    )
    assert m.decisions == []
    assert m.not_decided, undecided


def test_question_is_not_a_decision() -> None:
    m = minutes_of([("S1", "Ska vi besluta att höja avgiften?"), ("S2", "Jag vet inte riktigt.")])
    assert m.decisions == []


def test_hedge_gives_no_firm_action() -> None:
    m = minutes_of([("S1", "Olof, kan du boka lokalen till fredag?"), ("S3", "Jag kan inte lova det.")])
    assert m.actions == []
    m = minutes_of([("S3", "Jag ska försöka skicka ut enkäten till alla medlemmar.")])
    assert m.actions == []


def test_action_owner_resolved_from_jag() -> None:
    m = minutes_of([("S1", "Någon behöver skicka ut kallelsen till årsmötet."), ("S2", "Jag tar det, senast fredag.")])
    (a,) = m.actions
    assert a.owner == "Karin Ek"
    assert a.what == "Skicka ut kallelsen till årsmötet"
    assert a.due == dt.date(2026, 11, 27) and a.due_text == "senast fredag"


def test_action_owner_named_participant() -> None:
    m = minutes_of([("S1", "Vem kan ringa kommunen om bygglovet?"), ("S3", "Karin tar det.")])
    (a,) = m.actions
    assert a.owner == "Karin Ek"
    assert "ringa kommunen" in a.what.lower()


def test_action_with_content_and_due() -> None:
    m = minutes_of([("S3", "Jag skickar ut protokollet till alla i morgon.")])
    (a,) = m.actions
    assert (a.what, a.owner, a.due) == ("Skicka ut protokollet till alla", "Olof Nilsson", dt.date(2026, 11, 26))


def test_next_meeting_date_parsed(full: tuple[Transcript, Minutes]) -> None:
    _, m = full
    assert m.next_meeting is not None
    assert m.next_meeting.when == dt.datetime(2026, 12, 14, 14, 30)


def test_next_meeting_rejected_date_is_skipped() -> None:
    m = minutes_of(
        [
            ("S1", "När ses vi nästa gång? Vad sägs om den fjärde december?"),
            ("S2", "Nej, då kan jag inte, det krockar med bokslutet."),
            ("S1", "Den elfte december klockan tio då?"),
            ("S2", "Det passar bra."),
        ]
    )
    assert m.next_meeting is not None and m.next_meeting.when == dt.datetime(2026, 12, 11, 10, 0)


def test_every_item_cites_existing_segments(full: tuple[Transcript, Minutes]) -> None:
    tr, m = full
    ids = {s.id for s in tr.segments}
    items = [
        *m.decisions,
        *m.actions,
        *m.not_decided,
        *m.themes,
        *m.mood.emotions,
        *(c for c in m.conclusions if not isinstance(c, str)),
    ]
    if m.next_meeting:
        items.append(m.next_meeting)
    assert m.decisions and m.actions and m.not_decided and m.themes
    for item in items:
        assert item.evidence, item
        assert {e.segment_id for e in item.evidence} <= ids
    assert len({d.id for d in m.decisions}) == len(m.decisions)


def test_full_meeting_content(full: tuple[Transcript, Minutes]) -> None:
    _, m = full
    assert [d.text for d in m.decisions] == [
        "Mötet beslutade att höja medlemsavgiften till trehundra kronor.",
        "Styrelsen beslutade att årsmötet hålls i mars.",
    ]
    assert {a.owner for a in m.actions} == {"Karin Ek", "Olof Nilsson"}
    assert not any("boka lokalen" in a.what.lower() for a in m.actions)  # hedged
    reasons = {o.reason for o in m.not_decided}
    assert "Förslaget avslogs" in reasons and "Inget beslut fattades" in reasons
    assert m.n_participants == 3 and m.start_time == dt.time(14, 30)
    assert "3 deltagare" in m.description and "två beslut" in m.description
    assert any("oro" == e.emotion for e in m.mood.emotions)


def test_edited_transcript_changes_output() -> None:
    turns = [("S3", "Jag föreslår att vi köper in en ny projektor."), ("S1", "Då kör vi på det.")]
    before = minutes_of(turns)
    turns[0] = ("S3", "Jag föreslår att vi hyr en projektor i stället.")
    after = minutes_of(turns)
    assert before.decisions[0].text != after.decisions[0].text
    assert "hyra en projektor" in after.decisions[0].text


def test_low_confidence_audio_is_flagged() -> None:
    tr = make([("S1", "Styrelsen beslutar att årsmötet hålls i mars.")])
    tr.segments[0].avg_logprob = -1.6
    (d,) = extract_minutes(tr, meeting_date=MEETING).decisions
    assert d.needs_review and d.review_reason
    assert "⚠ Kontrollera mot ljudet" in render_markdown(extract_minutes(tr, meeting_date=MEETING), tr)


def test_mood_negation_and_intensifier() -> None:
    assert score_text("Jag är inte orolig för det.") == {}
    assert score_text("Jag är väldigt orolig.")["oro"] == 1.5


def test_markdown_has_swedish_headings(full: tuple[Transcript, Minutes]) -> None:
    tr, m = full
    md = render_markdown(m, tr)
    for heading in (
        "Datum och tid",
        "Plats",
        "Antal deltagare",
        "## Deltagare",
        "## Beskrivning",
        "## Teman",
        "## Stämning och känslor",
        "## Beslut",
        "## Åtgärder",
        "## Nästa möte",
        "## Ej beslutat / öppna frågor",
        "## Slutsatser och rekommendationer",
    ):
        assert heading in md, heading
    assert "Datum för nästa möte: måndag 14 december 2026 kl. 14.30" in md
    assert "[00:00:" in md and "Anna Berg]" in md
    beslut = md.split("## Beslut")[1].split("## ")[0]
    assert beslut.strip().splitlines()[-1].startswith("- Datum för nästa möte")


def test_markdown_english(full: tuple[Transcript, Minutes]) -> None:
    tr, m = full
    md = render_markdown(m, tr, lang="en")
    assert "## Decisions" in md and "## Action items" in md and "## Beslut" not in md


def test_docx_and_json_written(full: tuple[Transcript, Minutes], tmp_path: Path) -> None:
    from docx import Document

    tr, m = full
    paths = write_minutes(m, tr, tmp_path)
    assert sorted(p.name for p in paths) == ["minutes.docx", "minutes.json", "minutes.md"]
    doc = Document(str(tmp_path / "minutes.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Beslut" in headings and "Åtgärder" in headings and "Slutsatser och rekommendationer" in headings
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert any(b.startswith("Mötet beslutade att höja medlemsavgiften") for b in bullets)
    again = Minutes.from_json((tmp_path / "minutes.json").read_text(encoding="utf-8"))
    assert again == m
    with pytest.raises(OutputExists):
        write_minutes(m, tr, tmp_path, formats={"md"})
    assert write_minutes(m, tr, tmp_path, formats={"md"}, overwrite=True) == [tmp_path / "minutes.md"]


def test_json_round_trip_after_review(full: tuple[Transcript, Minutes]) -> None:
    _, m = full
    m2 = m.model_copy(deep=True)
    m2.decisions[0].status = "edited"
    m2.decisions[0].text = "Mötet beslutade att höja avgiften."
    m2.conclusions.append("En fri slutsats från granskaren.")
    assert Minutes.from_json(m2.to_json()) == m2
    assert "Mötet beslutade att höja avgiften." in render_markdown(m2, None)
    m2.decisions[0].status = "rejected"
    assert "höja avgiften" not in render_markdown(m2, None).split("## Beslut")[1].split("## ")[0]


def test_empty_transcript() -> None:
    m = extract_minutes(Transcript(), meeting_date=MEETING)
    assert m.decisions == [] and m.themes == [] and m.next_meeting is None
    assert "## Beslut" in render_markdown(m, None)


def test_rules_are_fast_for_an_hour() -> None:
    turns = FULL * 40  # ~640 turns: well over an hour of meeting talk
    tr = make(turns)
    # The rules' one-time loading (about 2 CPU-s) is paid here, so the budget measures the hour in every worker
    # process: timed cold it was 4.6 CPU-s, warm 2.5, as the files xdist handed the process before ran rules or not.
    extract_minutes(make(FULL), meeting_date=MEETING)
    t0 = time.process_time()
    extract_minutes(tr, meeting_date=MEETING)
    # Budget is < 2 s per hour on a free core; allow slack for a shared CI machine. The rules run on one
    # thread, so their CPU time is what a user waits on a free core; the wall clock also counts the time the
    # other test process (pytest -n 2) or any other work takes the core.
    assert time.process_time() - t0 < 6.0


@pytest.mark.parametrize(
    "turns",
    [
        [("S1", "Vi har pratat om att byta leverantör men vi har inte landat i något.")],
        [("S1", "Förra året beslutade vi att höja avgiften.")],
        [("S1", "Om vi beslutar att höja avgiften så måste vi informera medlemmarna.")],
        [("S3", "Jag tycker vi ska köpa in nya stolar."), ("S2", "Ja.")],
        [("S1", "Då går vi vidare. Vi flyttar till nästa punkt.")],
        [("S1", "Vi ändrar ofta schemat på vintern.")],
        [("S1", "Okej, då kör vi. Välkomna allihop.")],
        [
            ("S3", "Jag föreslår att vi köper nya stolar."),
            ("S2", "Nej, det tycker jag inte."),
            ("S1", "Okej, då gör vi inte det."),
        ],
        [("S1", "Vi kanske borde besluta att byta bank."), ("S2", "Ja, kanske.")],
        [("S2", "Beslutet om budgeten tas av kommunen i mars.")],
        [("S1", "Jag bestämmer inte det, det gör rektorn.")],
        [("S1", "Vad beslutade ni förra gången om städningen?"), ("S2", "Vi beslutade att anlita en firma.")],
    ],
)
def test_no_false_decisions(turns: list[tuple[str, str]]) -> None:
    assert minutes_of(turns).decisions == []
