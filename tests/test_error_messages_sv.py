"""What a user reads when a file, a model or a meeting folder is wrong: one Swedish line naming what she gave
and what to do, raised as the `UserError` with its documented exit code."""

from __future__ import annotations

import datetime as dt
import errno
import wave
from pathlib import Path

import pytest

from tests.cli_call import call
from tests.conftest import free_port
from transcribe import asr, audio, fsutil, llm_runtime, models
from transcribe.diarize import load_diarizer
from transcribe.diarize.base import check_speaker_counts
from transcribe.diarize.naming import parse_speaker_names
from transcribe.diarize.pyannote_backend import resolve_pipeline_dir
from transcribe.errors import (
    BadOption,
    CorruptAudio,
    EmptyInput,
    InputIsDirectory,
    InputNotFound,
    ModelCorrupt,
    ModelMissing,
    NotAudio,
    OutputExists,
    OutputNotWritable,
    RemoteEndpointRefused,
)
from transcribe.formats import check_outputs_free
from transcribe.minutes.model import Minutes
from transcribe.minutes.openai_client import LLMUnavailable, OpenAIChat, resolve_endpoint
from transcribe.minutes.protokoll import Protokoll
from transcribe.minutes.protokoll_render import write_protokoll
from transcribe.minutes.render import write_minutes
from transcribe.models import archive as model_archive
from transcribe.models import hub as model_hub
from transcribe.series.model import SeriesReport
from transcribe.series.render import write_report
from transcribe.series.store import resolve_meeting_dir

ENGLISH = {
    "already", "exists", "cannot", "not", "found", "must", "unknown", "choose", "use", "is", "the", "has", "no",
    "missing", "run", "see", "fetch", "with", "directory", "permission", "denied", "model", "file", "does",
    "needs", "pass", "or", "and", "neither", "nor", "invalid",
}  # fmt: skip
NOW = dt.datetime(2026, 11, 30, 16, 0)


def assert_swedish_line(message: str, *named: str) -> None:
    assert "\n" not in message, message
    for part in named:
        assert part in message, (part, message)
    words = set(message.replace(";", " ").replace(":", " ").replace(",", " ").replace("(", " ").lower().split())
    assert not words & ENGLISH, (words & ENGLISH, message)


def test_existing_output_names_the_file_and_the_overwrite_option(tmp_path: Path) -> None:
    taken = tmp_path / "transcript.json"
    taken.write_text("{}", encoding="utf-8")
    for attempt in (
        lambda: fsutil.atomic_write_text(taken, "x", overwrite=False),
        lambda: check_outputs_free([taken], overwrite=False),
    ):
        with pytest.raises(OutputExists) as err:
            attempt()
        assert_swedish_line(err.value.message, str(taken), "finns redan", "--overwrite")
    assert taken.read_text(encoding="utf-8") == "{}"


def test_output_folder_that_is_a_file_is_refused_in_swedish(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "ut"
    not_a_folder.write_text("", encoding="utf-8")
    with pytest.raises(OutputNotWritable) as err:
        fsutil.check_writable_dir(not_a_folder / "protokoll")
    assert err.value.exit_code == 10
    assert_swedish_line(err.value.message, str(not_a_folder / "protokoll"), "kan inte skapa utmappen")


def test_operating_system_reason_in_swedish_when_common() -> None:
    assert fsutil.os_reason(PermissionError(errno.EACCES, "Permission denied")) == "åtkomst nekad"
    assert fsutil.os_reason(OSError(errno.EROFS, "Read-only file system")) == "filsystemet är skrivskyddat"
    assert fsutil.os_reason(OSError(errno.ECONNRESET, "Connection reset")) == "Connection reset"  # rare: as is


def test_model_registry_errors_are_swedish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path))
    with pytest.raises(ModelMissing) as err:
        models.verify("kb-whisper-okand")
    assert err.value.exit_code == 12
    assert_swedish_line(err.value.message, "kb-whisper-okand", "okänd modell", "transcribe models list")
    with pytest.raises(ModelMissing) as err:
        models.add(tmp_path / "saknas", kind="whisper")
    assert_swedish_line(err.value.message, str(tmp_path / "saknas"), "finns inte")
    with pytest.raises(BadOption) as err:
        models.add(tmp_path, kind="ljud")
    assert_swedish_line(err.value.message, "'ljud'", "okänd modelltyp", "whisper")
    with pytest.raises(BadOption) as err:
        models.check_name("min modell!")
    assert_swedish_line(err.value.message, "'min modell!'", "--name")


def test_model_archive_errors_are_swedish(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound) as err:
        model_archive.import_archive(tmp_path / "modell.tar")
    assert_swedish_line(err.value.message, str(tmp_path / "modell.tar"), "finns inte")
    junk = tmp_path / "inget-arkiv.tar"
    junk.write_bytes(b"inte ett tar-arkiv" * 40)
    with pytest.raises(ModelCorrupt) as err:
        model_archive.import_archive(junk)
    assert err.value.exit_code == 13
    assert_swedish_line(err.value.message, str(junk), "transcribe models export")


def test_unknown_hub_model_is_refused_in_swedish_before_any_connection() -> None:
    with pytest.raises(BadOption) as err:
        model_hub.get("kb-whisper-jatte", show_progress=False)
    assert_swedish_line(err.value.message, "'kb-whisper-jatte'", "okänd modell", "kb-whisper-small", "ÄGARE/NAMN")


def test_pyannote_without_a_pipeline_says_which_option_to_give(tmp_path: Path) -> None:
    with pytest.raises(ModelMissing) as err:
        resolve_pipeline_dir(None)
    assert_swedish_line(err.value.message, "--diarizer-model", "--diarizer embedded")
    with pytest.raises(ModelMissing) as err:
        resolve_pipeline_dir(tmp_path)
    assert_swedish_line(err.value.message, str(tmp_path), "saknar config.yaml")


def test_unknown_device_is_refused_in_swedish() -> None:
    with pytest.raises(BadOption) as err:
        asr.pick_device("tpu")
    assert err.value.exit_code == 14
    assert_swedish_line(err.value.message, "'tpu'", "--device", "cpu")


def test_missing_language_model_is_named_in_swedish(tmp_path: Path) -> None:
    with pytest.raises(ModelMissing) as err:
        llm_runtime.model_files(tmp_path / "gemma.gguf")
    assert_swedish_line(err.value.message, str(tmp_path / "gemma.gguf"), "språkmodellen", "finns inte")
    (tmp_path / "tom").mkdir()
    with pytest.raises(ModelCorrupt) as err:
        llm_runtime.model_files(tmp_path / "tom")
    assert_swedish_line(err.value.message, str(tmp_path / "tom"), "config.json", ".gguf")


def test_minutes_writers_refuse_in_swedish_before_writing(tmp_path: Path) -> None:
    (tmp_path / "minutes.md").write_text("granskat", encoding="utf-8")
    for write in (
        lambda fmts: write_minutes(Minutes(), None, tmp_path, fmts),
        lambda fmts: write_protokoll(Protokoll(), Minutes(), None, tmp_path, fmts),
    ):
        with pytest.raises(BadOption) as err:
            write(["md", "pdf"])
        assert_swedish_line(err.value.message, "pdf", "okänt protokollformat", "docx")
        with pytest.raises(OutputExists) as err:
            write(["docx", "md"])
        assert_swedish_line(err.value.message, str(tmp_path / "minutes.md"), "--overwrite")
    assert (tmp_path / "minutes.md").read_text(encoding="utf-8") == "granskat"
    assert not (tmp_path / "minutes.docx").exists()


def test_series_report_and_meeting_folder_errors_are_swedish(tmp_path: Path) -> None:
    (tmp_path / "periodrapport.md").write_text("förra", encoding="utf-8")
    with pytest.raises(OutputExists) as err:
        write_report(SeriesReport(name="natverket", title="Nätverket", generated=NOW), tmp_path, ["md"])
    assert_swedish_line(err.value.message, "periodrapport.md", "--overwrite")
    with pytest.raises(InputNotFound) as err:
        resolve_meeting_dir(tmp_path / "möte-saknas")
    assert_swedish_line(err.value.message, "möte-saknas", "ingen mötesmapp", "transcript.json")
    with pytest.raises(InputNotFound) as err:
        resolve_meeting_dir(tmp_path)
    assert_swedish_line(err.value.message, str(tmp_path), "saknar transcript.json")


def test_refused_recordings_are_named_in_swedish(tmp_path: Path) -> None:
    (tmp_path / "tom.wav").write_bytes(b"")
    (tmp_path / "rapport.mp3").write_bytes(b"%PDF-1.4\n" + b"x" * 4000)
    for path, error, says in [
        (tmp_path / "saknas.wav", InputNotFound, "finns inte"),
        (tmp_path, InputIsDirectory, "är en katalog"),
        (tmp_path / "tom.wav", EmptyInput, "är tom"),
    ]:
        with pytest.raises(error) as err:
            audio.check_input_path(path)
        assert_swedish_line(err.value.message, str(path), says)
    with pytest.raises(NotAudio) as err:
        audio.probe(tmp_path / "rapport.mp3")
    assert_swedish_line(err.value.message, "rapport.mp3", "inte en ljudfil")


@pytest.mark.parametrize("spec", ["Maria", "SPEAKER_00=Maria,SPEAKER_00=Johan", " , "])
def test_speaker_names_option_is_explained_in_swedish(spec: str) -> None:
    with pytest.raises(BadOption) as err:
        parse_speaker_names(spec)
    assert_swedish_line(err.value.message, "--speaker-names")


def test_unreadable_llm_settings_and_an_unknown_minutes_engine_in_swedish(tmp_path: Path, monkeypatch) -> None:
    from transcribe.minutes import extract_minutes
    from transcribe.minutes.openai_client import resolve_endpoint
    from transcribe.transcript import Segment, Transcript

    settings = tmp_path / "llm.toml"
    settings.write_text("url = http://127.0.0.1:8080\n", encoding="utf-8")  # a string without its quotes
    monkeypatch.setenv("TRANSCRIBE_LLM_CONFIG", str(settings))
    with pytest.raises(BadOption) as err:
        resolve_endpoint()
    assert err.value.message.startswith(f"LLM-inställningarna i {settings} går inte att läsa: ")
    transcript = Transcript(segments=[Segment(id=0, start=0.0, end=1.0, text="Hej.", speaker="SPEAKER_00")])
    with pytest.raises(BadOption) as err:
        extract_minutes(transcript, backend="gpt")
    assert_swedish_line(err.value.message, "'gpt'", "rules, llm, merge eller auto")


def test_speaker_names_for_labels_the_recording_lacks_are_explained_in_swedish() -> None:
    from transcribe.pipeline import PipelineOptions, name_speakers
    from transcribe.transcript import Segment, Transcript

    transcript = Transcript(segments=[Segment(id=0, start=0.0, end=1.0, text="Hej.", speaker="SPEAKER_00")])
    with pytest.raises(BadOption) as err:
        name_speakers(transcript, PipelineOptions(speaker_names={"SPEAKER_07": "Maria"}, auto_names=False))
    assert_swedish_line(err.value.message, "--speaker-names", "SPEAKER_07", "SPEAKER_00")


@pytest.mark.parametrize(
    ("args", "code", "named"),
    [
        (["speakers", "forget", "Okänd Person"], 2, "'Okänd Person'"),
        (["speakers", "enroll", "Maria", "{tmp}/maria.wav", "--start", "-1"], 14, "--start"),
        (["speakers", "enroll-meeting", "{tmp}/inget-möte"], 14, "inget-möte"),
        (["models", "bench", "whisper-base", "--seconds", "-5"], 14, "--seconds"),
        (["models", "import", "{tmp}/modell.tar"], 2, "modell.tar"),
        (["models", "default", "kb-whisper-okand"], 12, "kb-whisper-okand"),
    ],
)
def test_commands_answer_in_one_swedish_line(monkeypatch, capsys, tmp_path: Path, args, code: int, named: str):
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path))
    seen, _, err = call(monkeypatch, capsys, *[a.format(tmp=tmp_path) for a in args])
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert seen == code, err
    assert len(lines) == 1 and "Traceback" not in err, err
    assert_swedish_line(lines[0], named)


@pytest.mark.parametrize(
    ("counts", "named"),
    [
        ((0, None, None), "--speakers"),
        ((None, 2.5, None), "--min-speakers"),
        ((None, None, True), "--max-speakers"),
        ((None, 4, 2), "--min-speakers (4)"),
        ((5, None, 3), "--speakers 5"),
    ],
)
def test_speaker_counts_are_refused_in_swedish(counts: tuple, named: str) -> None:
    with pytest.raises(BadOption) as err:
        check_speaker_counts(*counts)
    assert err.value.exit_code == 14
    assert_swedish_line(err.value.message, named)


def test_unknown_diarizer_is_refused_in_swedish() -> None:
    with pytest.raises(BadOption) as err:
        load_diarizer("magi")
    assert_swedish_line(err.value.message, "'magi'", "embedded", "pyannote")


def test_a_wav_that_is_not_16_bit_mono_is_named_in_swedish(tmp_path: Path) -> None:
    stereo = tmp_path / "stereo.wav"
    with wave.open(str(stereo), "wb") as wf:
        wf.setnchannels(2)
        wf.setsampwidth(2)
        wf.setframerate(16000)
        wf.writeframes(b"\0\0" * 3200)
    with pytest.raises(CorruptAudio) as err:
        audio.Audio.from_wav(stereo)
    assert_swedish_line(err.value.message, "stereo.wav", "mono")


def test_llm_server_errors_are_swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(BadOption) as err:
        resolve_endpoint("ftp://127.0.0.1/v1", "m")
    assert_swedish_line(err.value.message, "--llm-url", "'ftp://127.0.0.1/v1'")
    with pytest.raises(RemoteEndpointRefused) as refused:
        resolve_endpoint("http://8.8.8.8/v1", "m")
    assert_swedish_line(refused.value.message, "8.8.8.8", "--llm-allow-remote")
    monkeypatch.setenv("TRANSCRIBE_LLM_TIMEOUT", "länge")
    with pytest.raises(BadOption) as err:
        resolve_endpoint("http://127.0.0.1:9/v1", "m")
    assert_swedish_line(err.value.message, "timeout_s")
    monkeypatch.delenv("TRANSCRIBE_LLM_TIMEOUT")
    silent = resolve_endpoint(f"http://127.0.0.1:{free_port()}/v1")  # nothing listens: no model list
    assert silent is not None
    with pytest.raises(LLMUnavailable) as down:
        OpenAIChat(silent)
    assert_swedish_line(str(down.value), silent.url, "anslutningen nekades")


def test_every_format_option_is_read_and_refused_the_same_way() -> None:
    from transcribe.formats import parse_formats as transcript_formats
    from transcribe.minutes.render import minutes_formats
    from transcribe.series.render import parse_formats as report_formats

    assert transcript_formats("TXT, .srt,txt") == ["txt", "srt"]
    assert minutes_formats("MD,docx,md") == ["md", "docx"] and minutes_formats("") == []
    assert report_formats("json") == ["json"]
    for read, what in [(transcript_formats, "transkriptformat"), (minutes_formats, "protokollformat"),
                       (report_formats, "rapportformat")]:  # fmt: skip
        with pytest.raises(BadOption) as err:
            read("md,pdf")
        assert_swedish_line(err.value.message, f"okänt {what} pdf", "välj bland", "md")
