"""What every diariser returns, and the checks all backends share.

Backends differ (our embedded GE2E clustering, a pyannote pipeline); the rest of
the program only sees `Diarization`: speaker turns plus one centroid embedding
per speaker, which voice profiles reuse later.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import numpy as np

from transcribe.errors import BadOption

if TYPE_CHECKING:
    from pyannote.core import Annotation

    from transcribe.audio import Audio

Progress = Callable[[float], None]


@dataclass(frozen=True)
class Turn:
    start: float
    end: float
    speaker: str  # "SPEAKER_00", "SPEAKER_01", ...

    @property
    def duration(self) -> float:
        return max(0.0, self.end - self.start)


@dataclass
class Diarization:
    turns: list[Turn]
    # One L2-normalised centroid per speaker label, for voice profiles.
    embeddings: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def labels(self) -> list[str]:
        """Speaker labels in order of first appearance."""
        seen: list[str] = []
        for t in sorted(self.turns, key=lambda t: t.start):
            if t.speaker not in seen:
                seen.append(t.speaker)
        return seen

    def to_annotation(self, uri: str = "audio") -> Annotation:
        from pyannote.core import Annotation, Segment

        ann = Annotation(uri=uri)
        for i, t in enumerate(self.turns):
            if t.end > t.start:
                ann[Segment(t.start, t.end), i] = t.speaker
        return ann

    def to_rttm(self, uri: str) -> str:
        uri = "_".join(uri.split()) or "audio"  # RTTM fields are space-separated
        return "".join(
            f"SPEAKER {uri} 1 {t.start:.3f} {t.duration:.3f} <NA> <NA> {t.speaker} <NA> <NA>\n"
            for t in sorted(self.turns, key=lambda t: t.start)
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "turns": [[round(t.start, 3), round(t.end, 3), t.speaker] for t in self.turns],
                "embeddings": {k: [float(x) for x in v] for k, v in self.embeddings.items()},
            }
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> Diarization:
        data = json.loads(text)
        return cls(
            turns=[Turn(float(a), float(b), str(s)) for a, b, s in data.get("turns", [])],
            embeddings={k: np.asarray(v, dtype=np.float32) for k, v in data.get("embeddings", {}).items()},
        )


class Diarizer(Protocol):
    name: str

    def diarize(
        self,
        audio: Audio,
        *,
        num_speakers: int | None = None,
        min_speakers: int | None = None,
        max_speakers: int | None = None,
        progress: Progress | None = None,
    ) -> Diarization: ...


def speaker_label(index: int) -> str:
    return f"SPEAKER_{index:02d}"


def check_speaker_counts(
    num_speakers: int | None, min_speakers: int | None, max_speakers: int | None
) -> tuple[int | None, int, int | None]:
    """Validate the user's speaker counts; returns (num, min, max) with min >= 1.

    Raised here, before any model runs, so a typo costs nothing.
    """
    checked: list[int | None] = []
    for name, value in (("--speakers", num_speakers), ("--min-speakers", min_speakers),
                        ("--max-speakers", max_speakers)):  # fmt: skip
        if value is None:
            checked.append(None)
            continue
        try:
            number = operator.index(value)  # ints, numpy ints; not floats or strings
        except TypeError:
            number = 0
        if isinstance(value, bool) or number < 1:
            raise BadOption(f"{name} måste vara minst 1 och ett heltal (angivet: {value!r})")
        checked.append(number)
    num_speakers, min_speakers, max_speakers = checked
    if min_speakers is not None and max_speakers is not None and min_speakers > max_speakers:
        raise BadOption(f"--min-speakers ({min_speakers}) är större än --max-speakers ({max_speakers})")
    if num_speakers is not None:
        if (min_speakers is not None and num_speakers < min_speakers) or (
            max_speakers is not None and num_speakers > max_speakers
        ):
            raise BadOption(f"--speakers {num_speakers} ligger utanför --min-speakers/--max-speakers")
        return num_speakers, num_speakers, num_speakers
    return None, min_speakers or 1, max_speakers


def l2_normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    n = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.maximum(n, 1e-12)


def relabel_by_appearance(turns: list[Turn], embeddings: dict[str, np.ndarray]) -> Diarization:
    """SPEAKER_00 is whoever speaks first, so labels read naturally in the transcript."""
    turns = sorted(turns, key=lambda t: (t.start, t.end))
    mapping: dict[str, str] = {}
    for t in turns:
        if t.speaker not in mapping:
            mapping[t.speaker] = speaker_label(len(mapping))
    return Diarization(
        turns=[Turn(t.start, t.end, mapping[t.speaker]) for t in turns],
        embeddings={mapping[k]: v for k, v in embeddings.items() if k in mapping},
    )
