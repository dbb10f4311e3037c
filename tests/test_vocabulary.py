"""The meeting's vocabulary: its sources in priority order, deduplicated, within Whisper's prompt room."""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import REPO
from transcribe import asr, cli, pipeline, vocabulary
from transcribe.minutes.model import Action, Evidence, Minutes, Participant
from transcribe.pipeline import PipelineOptions
from transcribe.series import store
from transcribe.speakers import ProfileDirectory
from transcribe.transcript import Segment, SpeakerInfo, Transcript


def write_meeting(folder: Path, lines: list[tuple[str, str]], names: dict[str, str],
                  minutes: Minutes | None = None, approved: Minutes | None = None) -> Path:  # fmt: skip
    """A processed meeting folder: transcript.json (speaker label, text), the draft and approved minutes."""
    folder.mkdir(parents=True)
    segments = [Segment(id=i, start=i * 5.0, end=i * 5.0 + 4, text=text, speaker=label)
                for i, (label, text) in enumerate(lines)]  # fmt: skip
    speakers = [SpeakerInfo(label=label, name=name) for label, name in names.items()]
    transcript = Transcript(duration=len(lines) * 5.0, segments=segments, speakers=speakers)
    (folder / "transcript.json").write_text(transcript.to_json(), encoding="utf-8")
    if minutes is not None:
        (folder / "minutes.json").write_text(minutes.model_dump_json(), encoding="utf-8")
    if approved is not None:
        (folder / "minutes.approved.json").write_text(approved.model_dump_json(), encoding="utf-8")
    return folder


def action(what: str, owner: str) -> Action:
    return Action(what=what, owner=owner, evidence=[Evidence(segment_id=0, start=0, end=1, quote=what)])


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Series and voice profiles of this test only."""
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def series(tmp_path: Path) -> str:
    """Two earlier meetings of a network: the same four people, Norrmetall and Kanalskolan in both."""
    first = write_meeting(
        tmp_path / "m1",
        [("S0", "Välkomna. Jag heter Åsa Öberg och leder nätverket."),
         ("S1", "Jag är Björn Ekström från Norrmetall."),
         ("S2", "Vi på Kanalskolan vill ha fler praoplatser hos Norrmetall."),
         ("S3", "Zebra. Det ordnar jag, i Stockholm och i Stockholm.")],
        {"S0": "Åsa Öberg", "S1": "Björn Ekström", "S2": "Lena Strand", "S3": "Kim Ljung"},
        minutes=Minutes(participants=[Participant(label="S0", name="Asa Oberg")]),  # a draft misspelt ...
        approved=Minutes(participants=[Participant(label="S0", name="Åsa Öberg")],  # ... corrected when approved
                         actions=[action("Boka besök på Kanalskolan", "Lena Strand")]),
    )  # fmt: skip
    second = write_meeting(
        tmp_path / "m2",
        [("S0", "Åsa Öberg här. Björn, hur gick det på Norrmetall?"),
         ("S1", "Bra, och Skellefteå kommun vill vara med.")],
        {"S0": "Åsa Öberg", "S1": "Björn Ekström"},
    )  # fmt: skip
    store.create("natverket")
    store.add("natverket", [first, second])
    return "natverket"


# --- assembly -----------------------------------------------------------------------------------------


def test_sources_keep_their_priority_and_duplicates_go() -> None:
    got = vocabulary.assemble(["Kanalskolan", "SKR"], ["skr", "Praoplatser"], ["Maria Holmberg", "Maria"])
    assert got == ["Kanalskolan", "SKR", "Praoplatser", "Maria Holmberg"]  # 'Maria' is taught by her full name


def test_the_cap_drops_the_lowest_priority_first_and_the_prompt_fits() -> None:
    user = ["Kanalskolan", "Norrskensgymnasiet"]
    people = [f"Person{i} Efternamn{i}" for i in range(60)]
    got = vocabulary.assemble(user, people)
    assert got[:2] == user
    assert 5 < len(got) < 62
    assert vocabulary.prompt_tokens(got) <= vocabulary.PROMPT_TOKENS
    # what the cap keeps is a prefix of the sources in order: the first people, not the last
    assert got[2:] == people[: len(got) - 2]


def test_the_cap_holds_with_the_models_own_tokenizer() -> None:
    tokenizer = REPO / "models" / "whisper-base" / "tokenizer.json"
    if not tokenizer.is_file():
        pytest.skip("the bundled model is assembled by ./setup.sh")
    count = vocabulary.token_counter(tokenizer.parent)
    names = [f"Åsa Öberg{i}" for i in range(100)] + ["Skellefteå kommun"]
    got = vocabulary.assemble(names, count=count)
    prompt = asr.vocabulary_prompt(got) or ""
    assert count(prompt) + count(" " + " ".join(got)) <= 223
    assert prompt.startswith("Mötesanteckningar.")  # nothing for faster-whisper to cut from the front
    # the estimate is the safe side of the real count
    assert vocabulary.prompt_tokens(got) >= vocabulary.prompt_tokens(got, count)


def test_swedish_names_stay_intact() -> None:
    decomposed = unicodedata.normalize("NFD", "Åsa Öberg")
    got = vocabulary.assemble([f"  {decomposed} ,", "Skellefteå\tkommun", "ÅSA ÖBERG", ""])
    assert got == ["Åsa Öberg", "Skellefteå kommun"]
    assert got[0] == unicodedata.normalize("NFC", "Åsa Öberg")


def test_proper_nouns_are_mid_sentence_capitals() -> None:
    text = "Vi åkte till Norrmetall AB i går. Sedan ringde Skellefteå kommun. Bra."
    assert vocabulary.proper_nouns(text) == ["Norrmetall AB", "Skellefteå"]  # not "Vi", "Sedan", "Bra"


# --- the series --------------------------------------------------------------------------------------


def test_series_people_and_recurring_terms(series: str) -> None:
    words = vocabulary.series_words(series)
    assert words.people[:2] == ["Björn Ekström", "Åsa Öberg"]  # at both meetings
    assert set(words.people) == {"Åsa Öberg", "Björn Ekström", "Lena Strand", "Kim Ljung"}  # approved spelling
    assert "Asa Oberg" not in words.people
    assert "Norrmetall" in words.terms and "Kanalskolan" in words.terms  # said twice or more
    assert "Zebra" not in words.terms  # once, at a sentence start
    assert "Skellefteå" not in words.terms  # once in a machine transcript: may be a misrecognition
    assert "Stockholm" not in words.terms  # twice, but an everyday word Whisper writes unaided
    assert not {"Björn", "Åsa"} & set(words.terms)  # names are people, not terms


def test_one_mention_in_a_reviewed_transcript_is_enough(series: str, tmp_path: Path) -> None:
    reviewed = tmp_path / "m2" / "review" / "transcript.json"
    reviewed.parent.mkdir()
    reviewed.write_text((tmp_path / "m2" / "transcript.json").read_text(encoding="utf-8"), encoding="utf-8")
    assert "Skellefteå" in vocabulary.series_words(series).terms


def test_a_meeting_is_not_its_own_vocabulary(series: str, tmp_path: Path) -> None:
    words = vocabulary.series_words(series, exclude=tmp_path / "m1")
    assert "Lena Strand" not in words.people and "Kim Ljung" not in words.people


def test_series_names_reach_the_runs_vocabulary(series: str) -> None:
    options = PipelineOptions(series=series, vocabulary=["Kanalskolan"])
    heard, rules = vocabulary.meeting_vocabulary(options)
    assert heard[0] == "Kanalskolan"
    assert {"Åsa Öberg", "Björn Ekström", "Norrmetall"} <= set(heard)
    assert heard.index("Kim Ljung") < heard.index("Norrmetall")  # people before terms
    assert set(heard) <= set(rules)


def test_voice_profile_names_only_when_asked() -> None:
    ProfileDirectory().add("Gunilla Hedström", [[1.0] + [0.0] * 255], seconds=10)
    assert "Gunilla Hedström" not in vocabulary.meeting_vocabulary(PipelineOptions())[0]
    assert "Gunilla Hedström" in vocabulary.meeting_vocabulary(PipelineOptions(voice_names=True))[0]
    off = PipelineOptions(voice_names=True, diarizer="none")  # no speakers, no voices matched
    assert "Gunilla Hedström" not in vocabulary.meeting_vocabulary(off)[0]


# --- the command line ------------------------------------------------------------------------------------


def test_unknown_series_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    wav = REPO / "samples" / "natverk-1" / "meeting.ogg"
    monkeypatch.setattr(
        sys, "argv", ["transcribe", "run", str(wav), "--series", "finns-inte", "--out", str(tmp_path / "o")]
    )
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code == 2
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "finns-inte" in lines[0] and "Traceback" not in err
    assert not (tmp_path / "o").exists()

    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "argv", ["transcribe", "jobs", "submit", str(wav), "--meeting", "m1", "--series", "x"])
    with pytest.raises(SystemExit) as stop:
        cli.main()  # queueing checks the series too, instead of failing the job later
    err = capsys.readouterr().err
    assert stop.value.code == 2 and len([ln for ln in err.splitlines() if ln.strip()]) == 1 and "Traceback" not in err


def test_run_with_series_hears_its_names_and_joins_it(series: str, speech_wav: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    heard: list[list[str]] = []

    def fake_transcribe(audio, model, options, progress=None, stats=None) -> Transcript:
        heard.append(list(options.vocabulary))
        text = "Åsa Öberg här. Björn Ekström tar kontakt med Norrmetall till nästa möte."
        return Transcript(duration=audio.duration, segments=[Segment(id=0, start=0.0, end=3.0, text=text)])

    monkeypatch.setattr(pipeline.asr, "transcribe", fake_transcribe)
    read: list[list[str]] = []
    real_extract = pipeline.extract_minutes

    def recording_extract(transcript, **kw):  # noqa: ANN001, ANN003 - the pipeline's own call
        read.append(list(kw["vocabulary"]))
        return real_extract(transcript, **kw)

    monkeypatch.setattr(pipeline, "extract_minutes", recording_extract)
    out = tmp_path / "m3"
    cli.app(["run", str(speech_wav), "--out", str(out), "--series", series, "--diarizer", "none", "--quiet",
             "--date", dt.date(2026, 12, 1).isoformat()], standalone_mode=False)  # fmt: skip
    assert {"Åsa Öberg", "Björn Ekström", "Lena Strand", "Norrmetall", "Kanalskolan"} <= set(heard[0])
    assert set(heard[0]) <= set(read[0])  # the rules read the same names, uncapped
    assert str(out.resolve()) in [m.path for m in store.load(series).meetings]
    assert (out / "transcript.json").is_file()
