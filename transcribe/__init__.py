"""protokoll: local Swedish meeting transcription, diarisation and minutes."""

import os

# Telemetry off before anything can load a library that reports home. onnxruntime (Silero VAD inside
# faster-whisper) reads ORT_DISABLE_TELEMETRY when it initialises; set later, it is too late. Every
# subprocess (job runner, workers, bench runs) inherits these through os.environ. README: Privacy.
TELEMETRY_SWITCHES = {
    "ORT_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "PYANNOTE_METRICS_ENABLED": "0",
    "OTEL_SDK_DISABLED": "true",  # pyannote's OpenTelemetry exporter, should its own switch ever be bypassed
    "DO_NOT_TRACK": "1",
}
# The environment as it was before the switches, so `transcribe privacy-check` can start its watched
# run without them and prove that the run switches them off by itself.
ENV_BEFORE_SWITCHES = {key: os.environ.get(key) for key in TELEMETRY_SWITCHES}
os.environ.update(TELEMETRY_SWITCHES)

from transcribe import config as _config  # noqa: E402  (the rest of the offline environment)

# matplotlib (loaded by pyannote.metrics when scoring) keeps its font cache in our data directory,
# not in ~/.cache and ~/.config: a run leaves files only where it says it does.
os.environ.setdefault("MPLCONFIGDIR", str(_config.data_dir() / "matplotlib"))

__version__ = "0.1.0"
