"""Diarisation with a local pyannote.audio pipeline (e.g. speaker-diarization-community-1).

pyannote's models are not bundled: the user points `--diarizer-model` at a
downloaded pipeline directory whose config.yaml refers to local checkpoints
("$model/segmentation", ...). The waveform is handed over in memory because
pyannote's own decoder (torchcodec) is not usable here, and a path could make it
try; with HF_HUB_OFFLINE set, a config naming a hub model fails fast instead of
downloading, and we turn that into `ModelMissing` with a fix hint.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np

from transcribe.audio import Audio
from transcribe.diarize.base import (
    Diarization,
    Progress,
    Turn,
    check_speaker_counts,
    l2_normalise,
    relabel_by_appearance,
)
from transcribe.diarize.embedded import embed_segments
from transcribe.errors import ModelMissing
from transcribe.models import resolve

log = logging.getLogger(__name__)

HINT = "hämta en pyannote-pipeline (config.yaml och checkpoints) och ange dess mapp med --diarizer-model"


def resolve_pipeline_dir(model_dir: Path | str | None) -> Path:
    """The pipeline's config.yaml, from a folder, the file itself or a registered model name."""
    if model_dir is None:
        raise ModelMissing(
            f"talaruppdelning med pyannote kräver en lokal pipeline: {HINT} (eller använd --diarizer embedded)"
        )
    path = Path(model_dir).expanduser()
    if not path.exists() and "/" not in str(model_dir):
        path = resolve(str(model_dir), kind="pyannote")  # a name registered with 'transcribe models add'
    if not path.exists():
        raise ModelMissing(f"pyannote-pipelinen {path} finns inte; {HINT}")
    config = path / "config.yaml" if path.is_dir() else path
    if not config.is_file():
        raise ModelMissing(f"{path} saknar config.yaml; {HINT}")
    return config


def _check_config(config: Path) -> None:
    import yaml

    try:
        data = yaml.safe_load(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ModelMissing(
            f"{config} är ingen läsbar pipeline-konfiguration ({exc.__class__.__name__}); {HINT}"
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("pipeline"), dict) or "name" not in data["pipeline"]:
        raise ModelMissing(f"{config} är ingen pyannote-konfiguration (pipeline.name saknas); {HINT}")


class PyannoteDiarizer:
    name = "pyannote"

    def __init__(self, model_dir: Path | str | None) -> None:
        config = resolve_pipeline_dir(model_dir)
        _check_config(config)
        from pyannote.audio import Pipeline

        try:
            pipeline = Pipeline.from_pretrained(config.parent if config.name == "config.yaml" else config)
        except Exception as exc:  # pyannote/huggingface/torch raise many types; all mean "cannot load"
            first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else exc.__class__.__name__
            raise ModelMissing(
                f"kan inte läsa in pyannote-pipelinen i {config.parent} ({first}); "
                "dess config.yaml måste peka på lokala checkpoints, t.ex. '$model/segmentation'"
            ) from exc
        if pipeline is None:
            raise ModelMissing(f"kan inte läsa in pyannote-pipelinen i {config.parent}; {HINT}")
        self.pipeline = pipeline
        self.source = config.parent

    def diarize(
        self,
        audio: Audio,
        *,
        num_speakers: int | None = None,
        min_speakers: int | None = None,
        max_speakers: int | None = None,
        progress: Progress | None = None,
    ) -> Diarization:
        import torch

        num, lo, hi = check_speaker_counts(num_speakers, min_speakers, max_speakers)
        waveform = torch.from_numpy(audio.float32()).unsqueeze(0)
        kwargs: dict[str, Any] = (
            {"num_speakers": num}
            if num is not None
            else {
                "min_speakers": lo if min_speakers is not None else None,
                "max_speakers": hi,
            }
        )
        output = self.pipeline(
            {"waveform": waveform, "sample_rate": audio.sample_rate},
            hook=_hook(audio.duration, progress),
            **kwargs,
        )
        diarization = from_pipeline_output(output, audio)
        if progress:
            progress(audio.duration)
        return diarization


def _hook(duration: float, progress: Progress | None):  # -> Callable[..., None]
    """pyannote's step hook as seconds of audio: segmentation is the first half, embeddings the second."""

    def hook(step: str, artefact: object = None, file: object = None, total: int | None = None,
             completed: int | None = None, **_: object) -> None:  # fmt: skip
        if progress is None or not total or completed is None:
            return
        share = min(1.0, completed / total)
        if step == "segmentation":
            progress(0.5 * duration * share)
        elif step == "embeddings":
            progress(duration * (0.5 + 0.5 * share))

    return hook


def from_pipeline_output(output: object, audio: Audio) -> Diarization:
    """Turns and per-speaker embeddings from a 4.x DiarizeOutput or a bare Annotation."""
    annotation = getattr(output, "speaker_diarization", output)
    if not hasattr(annotation, "itertracks"):
        raise TypeError(f"unexpected pyannote output {type(output).__name__}")
    turns = [
        Turn(max(0.0, float(seg.start)), min(audio.duration, float(seg.end)), str(label))
        for seg, _, label in annotation.itertracks(yield_label=True)
        if seg.end > seg.start
    ]
    labels = [str(label) for label in annotation.labels()]
    embeddings: dict[str, np.ndarray] = {}
    raw = getattr(output, "speaker_embeddings", None)
    if raw is not None and len(raw) == len(labels) and np.all(np.isfinite(raw)):
        embeddings = {label: l2_normalise(np.asarray(vec)) for label, vec in zip(labels, raw, strict=True)}
    else:
        for label in labels:
            spans = [(t.start, t.end) for t in turns if t.speaker == label]
            try:
                embeddings[label] = embed_segments(audio, spans)
            except ValueError:
                log.warning("no audio to embed for %s", label)
    return relabel_by_appearance(turns, embeddings)
