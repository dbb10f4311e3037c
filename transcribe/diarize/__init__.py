"""Who spoke when: pluggable diarisers behind one small interface.

`load_diarizer(name)` looks the backend up in `BACKENDS`; adding a backend is a
new module plus one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from transcribe.audio import Audio
from transcribe.diarize.base import Diarization, Diarizer, Turn
from transcribe.errors import BadOption


def _embedded(model_dir: Path | None) -> Diarizer:
    # The backends load torch and their encoders: only when one is asked for, so that importing this
    # package (the CLI reads speaker names through it) stays quick.
    from transcribe.diarize.embedded import EmbeddedDiarizer

    return EmbeddedDiarizer()


def _pyannote(model_dir: Path | None) -> Diarizer:
    # pyannote.audio is heavier still, and optional: loaded when chosen, as above.
    from transcribe.diarize.pyannote_backend import PyannoteDiarizer

    return PyannoteDiarizer(model_dir)


BACKENDS: dict[str, Callable[[Path | None], Diarizer]] = {
    "embedded": _embedded,
    "pyannote": _pyannote,
}


def check_diarizer(name: str, *, none_allowed: bool = True) -> None:
    """Refuse an unknown diarizer name before any model loads ("none" runs no diarizer)."""
    choices = [*BACKENDS, "none"] if none_allowed else list(BACKENDS)
    if name not in choices:
        raise BadOption(f"okänd talaruppdelning {name!r}; välj bland {', '.join(choices[:-1])} eller {choices[-1]}")


def load_diarizer(name: str = "embedded", model_dir: Path | None = None) -> Diarizer:
    check_diarizer(name, none_allowed=False)
    return BACKENDS[name](Path(model_dir) if model_dir else None)


def embed_segments(audio: Audio, spans: list[tuple[float, float]]) -> np.ndarray:
    """GE2E embedding of the given spans with the embedded encoder (voice profiles)."""
    # the encoder loads with its module, as above
    from transcribe.diarize.embedded import embed_segments as embed

    return embed(audio, spans)


__all__ = ["BACKENDS", "Diarization", "Diarizer", "Turn", "check_diarizer", "embed_segments", "load_diarizer"]
