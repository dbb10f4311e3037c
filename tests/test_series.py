"""Meeting series: the store, loading meetings, the period report's rules and its three formats."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from tests.cli_call import call
from transcribe.bench.series_samples import NATVERK, load_truth, write_meeting_dir
from transcribe.errors import BadOption, InputNotFound, OutputExists
from transcribe.minutes.model import (
    Action,
    Decision,
    Emotion,
    Evidence,
    Minutes,
    Mood,
    OpenItem,
    Participant,
    Theme,
)
from transcribe.series import store
from transcribe.series.meeting import MeetingRecord, load_meeting
from transcribe.series.model import Series, SeriesReport
from transcribe.series.render import to_markdown, write_report
from transcribe.series.report import build_report
from transcribe.transcript import Segment, SpeakerInfo, Transcript


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path / "data"))


def _transcript_dir(path: Path, transcript: Transcript | None = None) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    transcript = transcript or Transcript(segments=[Segment(id=0, start=0, end=1, text="Hej.", speaker="A")])
    (path / "transcript.json").write_text(transcript.to_json(), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- store


def test_store_create_add_list(tmp_path: Path) -> None:
    s = store.create("styrelse-2026", description="Styrelsen", purpose="Besluta")
    assert store.series_path("styrelse-2026").is_file() and s.meetings == []
    a, b = _transcript_dir(tmp_path / "a"), _transcript_dir(tmp_path / "b")
    series, added = store.add("styrelse-2026", [a, b, a])
    assert [Path(m.path) for m in series.meetings] == [a.resolve(), b.resolve()] and len(added) == 2
    series, added = store.add("styrelse-2026", [b])
    assert added == [] and len(series.meetings) == 2
    assert [s.name for s in store.list_all()] == ["styrelse-2026"]
    assert json.loads(store.series_path("styrelse-2026").read_text())["description"] == "Styrelsen"
    assert not list(store.series_dir().glob("*.part"))  # atomic writes leave no temporaries
    files = list(store.series_dir().iterdir())  # the series and its lock file
    assert any(p.name.endswith(".lock") for p in files)
    assert all(p.stat().st_mode & 0o077 == 0 for p in files)  # readable by the owner only


@pytest.mark.parametrize("name", ["", "Natverk", "a_b", "-a", "a-", "a--b", "../x", "a b", "å", "x" * 70])
def test_store_rejects_bad_names(name: str) -> None:
    with pytest.raises(BadOption):
        store.create(name)


def test_store_errors(tmp_path: Path) -> None:
    store.create("s")
    with pytest.raises(OutputExists):
        store.create("s")
    with pytest.raises(InputNotFound):
        store.load("finns-inte")
    with pytest.raises(InputNotFound):
        store.add("s", [tmp_path / "saknas"])
    (tmp_path / "tom").mkdir()
    with pytest.raises(InputNotFound):
        store.add("s", [tmp_path / "tom"])  # a directory without transcript.json
    assert store.load("s").meetings == []  # nothing half-added


def test_store_accepts_a_kept_meeting_id() -> None:
    kept = _transcript_dir(Path(os.environ["TRANSCRIBE_DATA_DIR"]) / "meetings" / "abc123")
    store.create("s")
    series, _ = store.add("s", ["abc123"])
    assert series.meetings[0].path == str(kept.resolve())


# --------------------------------------------------------------------------- loading a meeting


def test_approved_minutes_win_over_the_draft(tmp_path: Path) -> None:
    d = _transcript_dir(tmp_path / "m")
    ev = [Evidence(segment_id=0, start=0, end=1, quote="Hej.")]
    draft = Minutes(title="Utkast", decisions=[Decision(text="Utkastets beslut", evidence=ev)])
    (d / "minutes.json").write_text(draft.to_json())
    assert load_meeting(d).source == "draft" and load_meeting(d).minutes.title == "Utkast"
    approved = Minutes(title="Godkänt", decisions=[Decision(text="Godkänt beslut", evidence=ev)])
    (d / "minutes.approved.json").write_text(approved.to_json())
    rec = load_meeting(d)
    assert rec.source == "approved" and rec.minutes.decisions[0].text == "Godkänt beslut"


def test_missing_minutes_are_generated_in_memory(tmp_path: Path) -> None:
    d = _transcript_dir(tmp_path / "m", _hand_transcripts()[0])
    rec = load_meeting(d)
    assert rec.source == "generated" and isinstance(rec.minutes, Minutes)
    assert not (d / "minutes.json").exists()  # the meeting directory is never written to


def test_broken_transcript_is_a_user_error(tmp_path: Path) -> None:
    d = tmp_path / "m"
    d.mkdir()
    (d / "transcript.json").write_text("{not json")
    with pytest.raises(BadOption):
        load_meeting(d)


# --------------------------------------------------------------------------- the rules, on a hand-made case


def _ev(t: Transcript, seg_id: int) -> list[Evidence]:
    s = t.segment(seg_id)
    return [Evidence(segment_id=s.id, speaker=s.speaker, start=s.start, end=s.end, quote=s.text)]


def _tx(lines: list[tuple[str, str]], date: str) -> Transcript:
    segs, t = [], 0.0
    for i, (spk, text) in enumerate(lines):
        segs.append(Segment(id=i, start=t, end=t + 60.0, text=text, speaker=spk))
        t += 60.0
    speakers = [
        SpeakerInfo(label="A", name="Anna Berg", role="ordförande"),
        SpeakerInfo(label="B", name="Bo Ek", role="kassör"),
        SpeakerInfo(label="C", name="Cecilia Lund"),
    ]
    return Transcript(segments=segs, speakers=speakers, duration=t, metadata={"date": date, "time": "18:00"})


def _hand_transcripts() -> list[Transcript]:
    m1 = _tx([
        ("A", "Vi beslutar att köpa in nya datorer till skolbiblioteket."),
        ("B", "Vi beslutar också att styrelsen byter bank till Sparbanken."),
        ("A", "Anna skickar ut enkäten om öppettider till medlemmarna senast den tjugonde mars."),
        ("C", "Bo tar fram en ny budget för kaféet."),
        ("B", "Frågan om en ny hemsida för föreningen får vänta, vi bestämmer inget i dag."),
        ("A", "Frågan om sommarfesten och var den ska hållas tar vi nästa gång."),
        ("C", "Det här är frustrerande, vi kommer ingen vart med lokalen."),
    ], "2026-03-01")  # fmt: skip
    m2 = _tx([
        ("A", "Datorerna till skolbiblioteket är nu inköpta och installerade."),
        ("A", "Jag har skickat enkäten om öppettider till alla medlemmar."),
        ("B", "Vi beslutar att sommarfesten hålls i juni i föreningslokalen."),
        ("C", "Cecilia ringer kommunen om parkeringen före nästa möte."),
        ("B", "Vad roligt att datorerna kom på plats, jag är glad."),
    ], "2026-04-05")  # fmt: skip
    return [m1, m2]


def _hand_minutes(t1: Transcript, t2: Transcript) -> list[Minutes]:
    ppl = [Participant(label="A", name="Anna Berg"), Participant(label="B", name="Bo Ek"),
           Participant(label="C", name="Cecilia Lund")]  # fmt: skip
    m1 = Minutes(
        title="Styrelsemöte 1", date=dt.date(2026, 3, 1), participants=ppl, n_participants=3,
        description="Första mötet.",
        decisions=[Decision(text="Köpa in nya datorer till skolbiblioteket.", evidence=_ev(t1, 0)),
                   Decision(text="Styrelsen byter bank till Sparbanken.", evidence=_ev(t1, 1))],
        actions=[Action(what="Skicka ut enkäten om öppettider till medlemmarna", owner="Anna Berg",
                        due=dt.date(2026, 3, 20), evidence=_ev(t1, 2)),
                 Action(what="Ta fram en ny budget för kaféet", owner="Bo Ek", due=dt.date(2026, 3, 25),
                        evidence=_ev(t1, 3))],
        not_decided=[OpenItem(text="En ny hemsida för föreningen", reason="Frågan sköts upp", evidence=_ev(t1, 4)),
                     OpenItem(text="Var sommarfesten ska hållas", reason="Frågan sköts upp", evidence=_ev(t1, 5))],
        themes=[Theme(heading="Datorer och skolbiblioteket", paragraph="Datorer till skolbiblioteket.",
                      keywords=["datorer", "skolbiblioteket", "inköp"], share_of_speaking_time=0.3,
                      evidence=_ev(t1, 0)),
                Theme(heading="Lokalen", paragraph="Lokalen.", keywords=["lokalen", "hyra"],
                      share_of_speaking_time=0.2, evidence=_ev(t1, 6))],
        mood=Mood(overall="Frustration.", emotions=[Emotion(emotion="frustration", strength=0.8, evidence=_ev(t1, 6))]),
    )  # fmt: skip
    m2 = Minutes(
        title="Styrelsemöte 2", date=dt.date(2026, 4, 5), participants=ppl[:2], n_participants=2,
        description="Andra mötet.",
        decisions=[Decision(text="Sommarfesten hålls i juni i föreningslokalen.", evidence=_ev(t2, 2))],
        actions=[Action(what="Ringa kommunen om parkeringen", owner="Cecilia Lund", evidence=_ev(t2, 3))],
        themes=[Theme(heading="Datorerna", paragraph="Datorerna installerade.",
                      keywords=["datorerna", "skolbiblioteket", "installerade"], share_of_speaking_time=0.4,
                      evidence=_ev(t2, 0))],
        mood=Mood(overall="Glädje.", emotions=[Emotion(emotion="glädje", strength=0.7, evidence=_ev(t2, 4))]),
    )  # fmt: skip
    return [m1, m2]


@pytest.fixture()
def hand_report(tmp_path: Path) -> SeriesReport:
    t1, t2 = _hand_transcripts()
    m1, m2 = _hand_minutes(t1, t2)
    recs = [MeetingRecord(tmp_path / "m2", t2, m2, "approved"), MeetingRecord(tmp_path / "m1", t1, m1, "draft")]
    series = Series(name="styrelse", description="Föreningens styrelse.", purpose="Driva kaféet.",
                    created=dt.datetime(2026, 1, 1))  # fmt: skip
    return build_report(series, recs)


def test_decision_log_statuses(hand_report: SeriesReport) -> None:
    log = {(d.meeting, d.text): d for d in hand_report.decision_log}
    datorer = log[(1, "Köpa in nya datorer till skolbiblioteket.")]
    assert datorer.status == "följt upp" and datorer.followed_up_in == [2]
    assert datorer.follow_ups[0].quote.startswith("Datorerna till skolbiblioteket")
    assert log[(1, "Styrelsen byter bank till Sparbanken.")].status == "beslutat"
    assert log[(1, "En ny hemsida för föreningen")].status == "öppet"
    fest = log[(1, "Var sommarfesten ska hållas")]
    assert fest.status == "beslutat" and fest.followed_up_in == [2]  # an open question decided later
    assert log[(2, "Sommarfesten hålls i juni i föreningslokalen.")].status == "beslutat"
    for d in hand_report.decision_log:
        assert d.evidence and all(p.quote for p in d.evidence)


def test_action_rules(hand_report: SeriesReport) -> None:
    acts = {a.what: a for a in hand_report.actions}
    enkat = acts["Skicka ut enkäten om öppettider till medlemmarna"]
    assert enkat.status == "klar" and not enkat.open and enkat.done_evidence[0].meeting == 2
    budget = acts["Ta fram en ny budget för kaféet"]
    assert budget.status == "förfallen" and budget.open  # due 25 March, last meeting 5 April, never reported
    assert acts["Ringa kommunen om parkeringen"].status == "ny"
    assert {a.what for a in hand_report.open_actions} == {"Ta fram en ny budget för kaféet",
                                                          "Ringa kommunen om parkeringen"}  # fmt: skip


def test_themes_mood_members_conclusions(hand_report: SeriesReport) -> None:
    recurring = [t for t in hand_report.themes if len(t.meetings) >= 2]
    assert len(recurring) == 1 and recurring[0].meetings == [1, 2]
    # 0.3 of 420 s + 0.4 of 300 s over 720 s
    assert recurring[0].share_of_speaking_time == pytest.approx((0.3 * 420 + 0.4 * 300) / 720)
    assert "skolbiblioteket" in recurring[0].keywords
    assert [p.valence for p in hand_report.mood] == [-1.0, 1.0]
    assert "mer positiv" in hand_report.mood_trend
    members = {m.name: m for m in hand_report.members}
    assert members["Cecilia Lund"].attended == [1] and members["Anna Berg"].role == "ordförande"
    assert hand_report.period_start == dt.date(2026, 3, 1) and hand_report.period_end == dt.date(2026, 4, 5)
    text = " ".join(hand_report.conclusions)
    assert "återkom i 2 av 2 möten" in text and "hemsida" in text and "2 åtgärder" in text


def test_hand_report_markdown(hand_report: SeriesReport) -> None:
    md = to_markdown(hand_report)
    assert md.startswith("# Periodrapport – styrelse\n")
    assert "Period: 1 mars 2026 – 5 april 2026" in md
    assert md.index("## Möte 1") < md.index("## Möte 2")
    assert "Datum och tid: 1 mars 2026, 18.00–18.07" in md
    # möte 1 has no next-meeting item in its minutes: the series' next meeting is named, and marked as such
    assert "Datum för nästa möte: 5 april 2026 (enligt seriens nästa möte; inte i protokollet)" in md
    assert "| Cecilia Lund | X | – |" in md


# --------------------------------------------------------------------------- the natverk series end to end


@pytest.fixture(scope="module")
def natverk_dirs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("natverk-series")
    return [write_meeting_dir(load_truth(i), root / i) for i in NATVERK]


HEADINGS = ["## Översikt", "## Syfte och mål", "## Nätverk och medlemmar", "## Möte 1", "## Möte 2", "## Möte 3",
            "## Beslutslogg", "## Öppna åtgärder", "## Återkommande teman", "## Stämningen över tid",
            "## Slutsatser och rekommendationer"]  # fmt: skip


def test_natverk_report_via_cli(natverk_dirs: list[Path], tmp_path: Path) -> None:
    from transcribe.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["series", "create", "natverk", "--description", "Nätverket skola–arbetsliv.",
                              "--purpose", "Knyta skola och arbetsliv närmare."])  # fmt: skip
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["series", "add", "natverk", *map(str, reversed(natverk_dirs))])
    assert res.exit_code == 0 and "3 möten (3 nya)" in res.stdout
    assert "natverk" in runner.invoke(app, ["series", "list"]).stdout
    assert runner.invoke(app, ["series", "show", "natverk"]).exit_code == 0
    shown = json.loads(runner.invoke(app, ["series", "show", "natverk", "--json"]).stdout)
    assert [Path(m["path"]).name for m in shown["meetings"]] == ["natverk-3", "natverk-2", "natverk-1"]
    out = tmp_path / "rapport"
    res = runner.invoke(app, ["series", "report", "natverk", "--out", str(out)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["series", "report", "natverk", "--out", str(out)])
    assert isinstance(res.exception, OutputExists)
    assert runner.invoke(app, ["series", "report", "natverk", "--out", str(out), "--overwrite"]).exit_code == 0

    md = (out / "periodrapport.md").read_text(encoding="utf-8")
    assert md.startswith("# Periodrapport – natverk")
    pos = [md.index(h) for h in HEADINGS]
    assert pos == sorted(pos)  # the reference layout, in its order
    assert "Period: 5 november 2026 – 21 januari 2027" in md
    blocks = md.split("## Möte ")[1:4]
    dates = ["5 november 2026", "10 december 2026", "21 januari 2027"]
    next_dates = ["10 december 2026", "21 januari 2027", "4 mars 2027"]
    assert len(blocks) == 3
    for n, (block, date, nxt) in enumerate(zip(blocks, dates, next_dates, strict=True), 1):
        assert block.startswith(f"{n}\n") and f"Nätverket Skola–arbetsliv Skellefteå, möte {n}" in block
        assert f"Datum och tid: {date}, 09.00" in block and "Antal deltagare: 5" in block
        assert "**Beslut**" in block and f"Datum för nästa möte: {nxt}" in block
    assert "| Sofia Berglund | X | X | X |" in md and "Sofia Berglund – näringslivsutvecklare" in md

    report = SeriesReport.model_validate_json((out / "periodrapport.json").read_text(encoding="utf-8"))
    assert [m.date for m in report.meetings] == sorted(m.date for m in report.meetings)
    assert report.overview == "Nätverket skola–arbetsliv." and len(report.members) == 5

    doc = Document(str(out / "periodrapport.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Periodrapport – natverk"
    assert [h for h in headings if h.startswith("Möte ")] == ["Möte 1", "Möte 2", "Möte 3"]
    participation = next(t for t in doc.tables if t.rows[0].cells[0].text == "Deltagare")
    assert [c.text for c in participation.rows[0].cells] == ["Deltagare", "Möte 1", "Möte 2", "Möte 3"]
    names = {r.cells[0].text for r in participation.rows[1:]}
    assert {"Maria Holmberg", "Anna Lindqvist", "Johan Nilsson", "Peter Lundgren", "Sofia Berglund"} <= names
    assert any(p.style.name == "List Bullet" and p.text.startswith("Datum för nästa möte") for p in doc.paragraphs)


def test_report_cli_errors_are_one_line(tmp_path: Path, monkeypatch, capsys) -> None:
    # In this process, as cli.main runs them (two interpreter starts cost 13 CPU-s); a traceback would fail here.
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path / "d"))
    code, _, err = call(monkeypatch, capsys, "series", "create", "Fel_Namn")
    assert code == BadOption.exit_code and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    code, _, err = call(monkeypatch, capsys, "series", "report", "finns-inte")
    assert code == InputNotFound.exit_code and "Traceback" not in err


def test_report_formats_are_validated(hand_report: SeriesReport, tmp_path: Path) -> None:
    from transcribe.series.render import parse_formats

    with pytest.raises(BadOption):
        parse_formats("md,pdf")
    paths = write_report(hand_report, tmp_path, parse_formats("json"))
    assert [p.name for p in paths] == ["periodrapport.json"]
