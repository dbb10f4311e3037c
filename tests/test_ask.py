"""`transcribe ask`: which contributions answer a question, grouped and counted by code.

The natverk series is built from the samples' TRUE transcripts; the expected groups
come from truth.questions. On true transcripts the tolerance is zero: every group
is found with exactly its true count and exactly its true turns.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcribe.bench.series_samples import NATVERK, load_truth, true_question_groups, write_meeting_dir
from transcribe.errors import BadOption, InputNotFound
from transcribe.series import store
from transcribe.series.ask import (
    AnswerGroup,
    ask,
    build_turns,
    extract_key_term,
    make_groups,
    percentages,
    to_markdown,
)
from transcribe.series.meeting import MeetingRecord, load_meeting, sort_meetings
from transcribe.transcript import Segment, SpeakerInfo, Transcript

QUESTION = "Vem kan leda arbetet?"


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(scope="module")
def natverk(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[dict]]:
    root = tmp_path_factory.mktemp("natverk-ask")
    truths = [load_truth(i) for i in NATVERK]
    dirs = [write_meeting_dir(t, root / t["id"], with_minutes=False) for t in truths]
    return dirs, truths


def _records(dirs: list[Path]) -> list[MeetingRecord]:
    return sort_meetings([load_meeting(d, with_minutes=False) for d in dirs])


def _assert_passages_exist(result, records: list[MeetingRecord]) -> None:
    for g in result.groups:
        for p in g.passages:
            t = records[p.meeting - 1].transcript
            segs = [t.segment(i) for i in p.segment_ids]
            assert all(s is not None for s in segs), p
            assert p.quote == " ".join(s.text.strip() for s in segs)
            assert p.start == segs[0].start and p.speaker_name == t.speaker_name(segs[0].speaker)


def _turns_by_group(result) -> dict[str, set[tuple[int, int]]]:
    return {g.label: {(p.meeting, i) for p in g.passages for i in p.segment_ids} for g in result.groups}


def test_natverk_series_groups_counts_and_passages(natverk) -> None:
    dirs, truths = natverk
    records = _records(list(reversed(dirs)))  # added out of order: date order is restored
    result = ask(QUESTION, records, scope="natverk")
    expected = true_question_groups(truths)
    assert {g.label: g.count for g in result.groups} == {k: len(v) for k, v in expected.items()}
    # the very turns the truth names, in each group (one segment per true turn)
    assert _turns_by_group(result) == {k: set(v) for k, v in expected.items()}
    assert sum(g.share_percent for g in result.groups) == 100
    assert abs(sum(g.share for g in result.groups) - 1.0) < 1e-9
    assert result.n_contributions == sum(g.count for g in result.groups) == 12
    _assert_passages_exist(result, records)
    assert len(result.asked) == 3 and {a.speaker_name for a in result.asked} == {"Maria Holmberg"}
    assert all(p.speaker_name != "Maria Holmberg" for g in result.groups for p in g.passages)  # the asker
    kommunen = next(g for g in result.groups if g.label == "kommunen")
    assert kommunen.share_percent == 58 and kommunen.speakers == {"Sofia Berglund": 3, "Johan Nilsson": 3,
                                                                  "Anna Lindqvist": 1}  # fmt: skip


@pytest.mark.parametrize("index", [0, 1, 2])
def test_natverk_each_meeting_alone(natverk, index: int) -> None:
    dirs, truths = natverk
    records = _records([dirs[index]])
    result = ask("Vem ska leda arbetet?", records)
    expected = true_question_groups([truths[index]])
    assert {g.label: g.count for g in result.groups} == {k: len(v) for k, v in expected.items()}
    assert _turns_by_group(result) == {k: set(v) for k, v in expected.items()}
    assert sum(g.share_percent for g in result.groups) == 100
    _assert_passages_exist(result, records)


def _meeting(turns: list[tuple[str, str]], title: str = "Handgjort möte") -> Transcript:
    segs, t = [], 0.0
    for i, (spk, text) in enumerate(turns):
        dur = max(1.0, len(text.split()) / 2.5)
        segs.append(Segment(id=i, start=t, end=t + dur, text=text, speaker=spk))
        t += dur + 0.4
    names = {"ordf": "Eva Ek", **{f"p{i}": f"Person{i} Test" for i in range(10)}}
    speakers = [SpeakerInfo(label=k, name=v) for k, v in names.items()]
    return Transcript(segments=segs, speakers=speakers, duration=t, metadata={"title": title, "date": "2026-03-01"})


HAND = [
    ("p1", "Kommunen har redan en samordnare för praktikplatser."),  # before the question: not an answer
    ("ordf", "Då kommer vi till frågan om ansvaret. Vem kan leda arbetet framöver?"),
    ("p1", "Jag tycker att regionen ska leda det."),
    ("p2", "Regionen, utan tvekan."),
    ("p3", "Kommunen. De har ju kontakten med skolorna."),
    ("p4", "Jag håller på regionen, de har pengarna."),
    ("p5", "Regionen borde ta ansvaret."),
    ("p5", "Det är min bestämda uppfattning."),  # same speaker, next segment: one contribution
    ("p6", "Jag tror att det blir bäst om kommunen håller i det, inte regionen."),
    ("p7", "Region Västerbotten vore bäst, tycker jag."),
    ("ordf", "Tack, då har vi hört alla. Vi går vidare till budgeten och tar beslut om den i dag."),
    ("p2", "Budgeten för kommunen är redan lagd för nästa år."),  # after the round: not an answer
]


def test_hand_made_meeting_counts_71_29(tmp_path: Path) -> None:
    d = tmp_path / "m"
    d.mkdir()
    (d / "transcript.json").write_text(_meeting(HAND).to_json(), encoding="utf-8")
    records = [load_meeting(d, with_minutes=False)]
    result = ask(QUESTION, records)
    assert [(g.label, g.count, g.share_percent) for g in result.groups] == [("regionen", 5, 71), ("kommunen", 2, 29)]
    regionen = result.groups[0]
    assert {p.speaker_name for p in regionen.passages} == {f"Person{i} Test" for i in (1, 2, 4, 5, 7)}
    merged = next(p for p in regionen.passages if p.speaker_name == "Person5 Test")
    assert merged.segment_ids == [6, 7]
    assert all(p.segment_ids[0] not in (0, 11) for g in result.groups for p in g.passages)
    _assert_passages_exist(result, records)
    md = to_markdown(result)
    assert "| regionen | 5 | 71 % |" in md and "| kommunen | 2 | 29 % |" in md


def test_question_with_an_abbreviation_is_found_and_quoted_whole(tmp_path: Path) -> None:
    asked = "Då kommer vi till ansvaret. Vem kan t.ex. leda arbetet framöver?"
    d = tmp_path / "m"
    d.mkdir()
    lines = [HAND[0], ("ordf", asked), *HAND[2:]]
    (d / "transcript.json").write_text(_meeting(lines).to_json(), encoding="utf-8")
    result = ask(QUESTION, [load_meeting(d, with_minutes=False)])
    assert [q.quote for q in result.asked] == ["Vem kan t.ex. leda arbetet framöver?"]
    assert [(g.label, g.count) for g in result.groups] == [("regionen", 5), ("kommunen", 2)]


def test_turns_merge_consecutive_segments_of_one_speaker() -> None:
    turns = build_turns(_meeting(HAND))
    assert len(turns) == len(HAND) - 1
    assert turns[6].segment_ids == [6, 7]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Jag tycker att skolan ska leda det. Det är ju våra elever.", "skolan"),
        ("Jag ser hellre att regionen tar det, det blir inte beroende av en enskild skola.", "regionen"),
        ("Kommunen. Min chef har sagt att näringslivskontoret kan ta samordningen.", "kommunen"),
        ("Jag tycker fortfarande att regionen vore bäst. Men jag kan leva med kommunen.", "regionen"),
        ("Jag lutar mer åt kommunen nu, det är bättre att någon utanför skolan håller i det.", "kommunen"),
        ("Skolan ska ha huvudansvaret, men vi behöver stöd från kommunen.", "skolan"),
        ("Jag tycker att rektorerna borde leda arbetet.", "rektor"),
        ("Jag tror att Eva ska leda det.", "Eva"),
        ("Jag vet faktiskt inte.", None),
    ],
)
def test_key_term_rules(text: str, key: str | None) -> None:
    found, _ = extract_key_term(text, names=["Eva Ek"], extra_verbs={"leda"})
    assert found == key


def test_percentages_sum_to_100() -> None:
    for counts in ([5, 2], [1, 1, 1], [7, 3, 2], [1], [2, 2, 2, 1, 1, 1, 1]):
        pct = percentages(counts)
        assert sum(pct) == 100 and all(p >= 0 for p in pct)
    assert percentages([5, 2]) == [71, 29]


def test_top_keeps_every_contribution(natverk) -> None:
    result = ask(QUESTION, _records(natverk[0]), top=1)
    assert [(g.label, g.count) for g in result.groups] == [("kommunen", 7), ("övriga svar", 5)]
    assert sum(g.share_percent for g in result.groups) == 100


def test_relabel_changes_names_only(natverk) -> None:
    records = _records(natverk[0])
    plain = ask(QUESTION, records)

    def relabel(question: str, groups: list[AnswerGroup]) -> list[str | None]:
        return ["Kommunen som huvudman", "x" * 200, "Jag har faktiskt ändrat mig"]

    result = ask(QUESTION, records, relabeler=relabel, relabeler_name="fake")
    # too long, and a label without the group's key term ("skolan"), are refused
    assert [g.label for g in result.groups] == ["Kommunen som huvudman", "regionen", "skolan"]
    assert any("nyckelterm" in n for n in result.notes)
    assert [(g.count, g.share_percent, g.passages) for g in result.groups] == [
        (g.count, g.share_percent, g.passages) for g in plain.groups
    ]

    def broken(question: str, groups: list[AnswerGroup]) -> list[str | None]:
        raise RuntimeError("model exploded")

    result = ask(QUESTION, records, relabeler=broken)
    assert [g.label for g in result.groups] == [g.label for g in plain.groups]
    assert any("misslyckades" in n for n in result.notes)


def test_no_answers_is_an_empty_result(tmp_path: Path) -> None:
    d = tmp_path / "m"
    d.mkdir()
    (d / "transcript.json").write_text(_meeting([("p1", "Hej och välkomna."), ("p2", "Tack.")]).to_json())
    result = ask(QUESTION, [load_meeting(d, with_minutes=False)])
    assert result.groups == [] and result.n_contributions == 0 and "Inga svar" in to_markdown(result)


def test_ask_cli_on_series_and_on_a_meeting_dir(natverk) -> None:
    from transcribe.cli import app

    dirs, _ = natverk
    store.create("natverk-ask")
    store.add("natverk-ask", dirs)
    runner = CliRunner()
    res = runner.invoke(app, ["ask", "natverk-ask", QUESTION, "--format", "json", "--no-embeddings"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert {g["label"]: g["count"] for g in data["groups"]} == {"kommunen": 7, "regionen": 3, "skolan": 2}
    res = runner.invoke(app, ["ask", str(dirs[2]), QUESTION, "--no-embeddings"])
    assert res.exit_code == 0 and "| kommunen | 3 | 75 % |" in res.stdout
    res = runner.invoke(app, ["ask", "finns-inte", QUESTION])
    assert isinstance(res.exception, InputNotFound)
    res = runner.invoke(app, ["ask", "natverk-ask", QUESTION, "--format", "xml"])
    assert isinstance(res.exception, BadOption)


def test_make_groups_empty() -> None:
    assert make_groups([]) == []


def test_embedding_signal_is_optional_and_local(natverk, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import numpy as np

    from transcribe.series import embed

    monkeypatch.setenv(embed.ENV, str(tmp_path))  # not a model directory
    assert embed.find_model_dir() is None and embed.load_embedder() == (None, "")
    monkeypatch.delenv(embed.ENV)
    if embed.find_model_dir() is None:  # the package is optional and not required
        assert embed.load_embedder() == (None, "")
    calls: list[int] = []

    def fake(texts: list[str]) -> np.ndarray:
        calls.append(len(texts))
        return np.array([[1.0, float("kommun" in t.lower())] for t in texts])

    result = ask(QUESTION, _records(natverk[0]), embedder=fake, embedder_name="fake")
    assert calls == [1 + sum(len(build_turns(r.transcript)) for r in _records(natverk[0]))]
    assert {g.label: g.count for g in result.groups} == {"kommunen": 7, "regionen": 3, "skolan": 2}
    assert result.method["embedding"] == "fake"


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        ("Kommunen som huvudman\nmer text", "Kommunen som huvudman"),
        ('"Regionen."', "Regionen"),
        ("Etikett: Skolan", "Skolan"),
        ("1. Kommunen", "Kommunen"),
        ("", None),
        ("ett två tre fyra fem sex sju åtta", None),
    ],
)
def test_clean_label(raw: str, label: str | None) -> None:
    from transcribe.series.relabel import clean_label

    assert clean_label(raw) == label
