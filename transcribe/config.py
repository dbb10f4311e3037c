"""Where things live, and the environment that keeps every model load offline."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
# The sample meetings (checkout only): benchmark, privacy check and model speed; the same layout elsewhere.
SAMPLES_DIR = Path(os.environ.get("TRANSCRIBE_SAMPLES_DIR") or REPO_DIR / "samples")


def enforce_offline() -> None:
    """Called before any model library is imported: no hub, no telemetry."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
    os.environ["PYANNOTE_METRICS_ENABLED"] = "0"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def models_dir() -> Path:
    """Assembled models: $TRANSCRIBE_MODELS_DIR, else the repository's models/."""
    env = os.environ.get("TRANSCRIBE_MODELS_DIR")
    return Path(env) if env else REPO_DIR / "models"


def data_dir() -> Path:
    """Registry, database, jobs, voice profiles: $TRANSCRIBE_DATA_DIR, else ~/.local/share/protokoll."""
    env = os.environ.get("TRANSCRIBE_DATA_DIR")
    if env:
        return Path(env)
    return Path(user_data_dir("protokoll"))


def cpu_threads() -> int:
    return int(os.environ.get("TRANSCRIBE_THREADS", str(os.cpu_count() or 2)))


enforce_offline()
