"""The pyannote backend, run for real on a tiny pipeline built locally (no download).

pyannote's pretrained pipelines cannot be fetched here, so the test writes one
with the same layout as speaker-diarization-community-1: randomly initialised
PyanNet segmentation and x-vector embedding checkpoints in the format
`Model.from_pretrained` reads, a PLDA folder, and a config.yaml using "$model/…".
Random weights say nothing about accuracy; they prove the loading, the in-memory
waveform hand-over, the speaker-count options and the output conversion.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
import yaml

from transcribe.audio import SAMPLE_RATE, Audio
from transcribe.diarize import load_diarizer
from transcribe.errors import BadOption, ModelMissing

from .conftest import have


def _save(model, specifications, folder: Path) -> None:  # noqa: ANN001 - pyannote Model
    """Write a checkpoint the way pyannote's Lightning `on_save_checkpoint` does."""
    import lightning
    import pyannote.audio
    import torch

    model.specifications = specifications
    model.setup()  # adds the task-dependent layers, as on loading
    folder.mkdir(parents=True, exist_ok=True)
    torch.save(
        {
            "state_dict": model.state_dict(),
            "hyper_parameters": dict(model.hparams),
            "pytorch-lightning_version": lightning.__version__,
            "pyannote.audio": {
                "versions": {"pyannote.audio": pyannote.audio.__version__},
                "architecture": {"module": type(model).__module__, "class": type(model).__name__},
                "specifications": specifications,
            },
        },
        folder / "pytorch_model.bin",
    )


@pytest.fixture(scope="module")
def tiny_pipeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import torch
    from pyannote.audio.core.task import Problem, Resolution, Specifications
    from pyannote.audio.models.embedding import XVectorMFCC
    from pyannote.audio.models.segmentation import PyanNet

    root = tmp_path_factory.mktemp("pyannote-tiny")
    torch.manual_seed(0)
    segmentation = PyanNet(
        sincnet={"stride": 10},
        lstm={"hidden_size": 16, "num_layers": 1, "bidirectional": True, "monolithic": True},
        linear={"hidden_size": 16, "num_layers": 1},
    )
    _save(segmentation, Specifications(
        problem=Problem.MONO_LABEL_CLASSIFICATION, resolution=Resolution.FRAME, duration=5.0,
        classes=["speaker#1", "speaker#2", "speaker#3"], powerset_max_classes=2, permutation_invariant=True,
    ), root / "segmentation")  # fmt: skip
    dim, lda_dim = 32, 8
    _save(XVectorMFCC(dimension=dim),
          Specifications(problem=Problem.REPRESENTATION, resolution=Resolution.CHUNK, duration=3.0),
          root / "embedding")  # fmt: skip
    rng = np.random.default_rng(0)
    (root / "plda").mkdir()
    np.savez(root / "plda" / "xvec_transform.npz", mean1=np.zeros(dim), mean2=np.zeros(lda_dim),
             lda=np.linalg.qr(rng.normal(size=(dim, lda_dim)))[0])  # fmt: skip
    np.savez(root / "plda" / "plda.npz", mu=np.zeros(lda_dim), tr=np.eye(lda_dim), psi=np.ones(lda_dim))
    config = {
        "version": "4.0.0",
        "pipeline": {
            "name": "pyannote.audio.pipelines.SpeakerDiarization",
            "params": {
                "segmentation": "$model/segmentation",
                "embedding": "$model/embedding",
                "plda": "$model/plda",
                "clustering": "AgglomerativeClustering",
                "segmentation_step": 0.5,
                "embedding_batch_size": 16,
                "segmentation_batch_size": 16,
            },
        },
        "params": {
            "segmentation": {"min_duration_off": 0.0},
            "clustering": {"method": "centroid", "min_cluster_size": 1, "threshold": 0.7},
        },
    }
    (root / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def speech(tmp_path_factory: pytest.TempPathFactory) -> Audio:
    if not (have("espeak-ng") and have("sox")):
        pytest.skip("needs espeak-ng and sox")
    tmp = tmp_path_factory.mktemp("pyannote-speech")
    wav = tmp / "speech.wav"
    subprocess.run(["espeak-ng", "-v", "sv", "-w", str(tmp / "raw.wav"),
                    "Hej och välkomna. Jag heter Anna och vi börjar mötet nu."], check=True)  # fmt: skip
    subprocess.run(["sox", "-V1", str(tmp / "raw.wav"), "-r", str(SAMPLE_RATE), "-c", "1", "-b", "16", str(wav),
                    "trim", "0", "4"], check=True)  # fmt: skip
    return Audio.from_wav(wav)


def test_tiny_pipeline_runs_in_memory(tiny_pipeline: Path, speech: Audio) -> None:
    diarizer = load_diarizer("pyannote", tiny_pipeline)
    assert diarizer.name == "pyannote"
    seen: list[float] = []
    result = diarizer.diarize(speech, progress=seen.append)
    assert result.turns, "random weights still mark some speech"
    for turn in result.turns:
        assert 0.0 <= turn.start < turn.end <= speech.duration + 1e-6
        assert turn.speaker.startswith("SPEAKER_")
    assert result.labels[0] == "SPEAKER_00"
    # one unit embedding per speaker, all from the same encoder (pipeline x-vectors, or GE2E if they are NaN)
    assert set(result.embeddings) == set(result.labels)
    assert len({v.shape for v in result.embeddings.values()}) == 1
    assert all(np.linalg.norm(v) == pytest.approx(1.0, abs=1e-4) for v in result.embeddings.values())
    assert seen and seen[-1] == pytest.approx(speech.duration)
    fixed = diarizer.diarize(speech, num_speakers=1)
    assert len(fixed.labels) == 1
    with pytest.raises(BadOption):
        diarizer.diarize(speech, num_speakers=0)


def test_config_file_path_also_accepted(tiny_pipeline: Path) -> None:
    assert load_diarizer("pyannote", tiny_pipeline / "config.yaml").name == "pyannote"


def test_missing_or_broken_pipeline(tmp_path: Path, tiny_pipeline: Path) -> None:
    with pytest.raises(ModelMissing, match="--diarizer-model"):
        load_diarizer("pyannote", None)
    with pytest.raises(ModelMissing, match="finns inte"):
        load_diarizer("pyannote", tmp_path / "nowhere")
    with pytest.raises(ModelMissing, match="config.yaml"):
        load_diarizer("pyannote", tmp_path)
    (tmp_path / "config.yaml").write_text("pipeline: [unclosed", encoding="utf-8")
    with pytest.raises(ModelMissing):
        load_diarizer("pyannote", tmp_path)
    # a config naming hub models must fail fast offline, never download
    hub = yaml.safe_load((tiny_pipeline / "config.yaml").read_text(encoding="utf-8"))
    hub["pipeline"]["params"]["segmentation"] = "pyannote/segmentation-3.0"
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(hub), encoding="utf-8")
    with pytest.raises(ModelMissing, match="lokala checkpoints"):
        load_diarizer("pyannote", tmp_path)


def test_output_conversion(speech: Audio) -> None:
    from pyannote.core import Annotation, Segment

    from transcribe.diarize.pyannote_backend import from_pipeline_output

    ann = Annotation()
    ann[Segment(2.0, 3.5)] = "B"
    ann[Segment(0.2, 1.8)] = "A"
    ann[Segment(3.0, 9.0)] = "A"  # overlaps B, runs past the end of the audio

    class Output:  # pyannote 4.x DiarizeOutput
        speaker_diarization = ann
        speaker_embeddings = np.array([[3.0, 4.0], [0.0, 2.0]])  # in ann.labels() order: A, B

    out = from_pipeline_output(Output(), speech)
    assert [(t.start, t.speaker) for t in out.turns] == [(0.2, "SPEAKER_00"), (2.0, "SPEAKER_01"), (3.0, "SPEAKER_00")]
    assert out.turns[-1].end == pytest.approx(speech.duration)
    assert np.allclose(out.embeddings["SPEAKER_00"], [0.6, 0.8]) and np.allclose(out.embeddings["SPEAKER_01"], [0, 1])
    Output.speaker_embeddings = np.array([[np.nan, 1.0], [0.0, 2.0]])
    assert from_pipeline_output(Output(), speech).embeddings["SPEAKER_01"].shape == (256,)  # GE2E for all
    bare = from_pipeline_output(ann, speech)  # legacy pipelines return an Annotation
    assert bare.labels == ["SPEAKER_00", "SPEAKER_01"] and bare.embeddings["SPEAKER_00"].shape == (256,)
