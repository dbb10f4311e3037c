"""protokoll: local Swedish meeting transcription, diarisation and minutes."""

from transcribe import config as _config  # noqa: F401  (sets offline env before anything loads a model)

__version__ = "0.1.0"
