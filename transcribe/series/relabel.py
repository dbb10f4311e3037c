"""Optional: a local instruction-tuned model proposes nicer names for answer groups.

The model sees a group's passages and returns a short label, nothing else: the
grouping, counts, shares and cited passages stay exactly as the code made them.
"""

from __future__ import annotations

import re
from pathlib import Path

from transcribe.errors import BadOption
from transcribe.series.ask import AnswerGroup, Relabeler

PROMPT = (
    "Fråga som ställdes på mötet: {question}\n"
    "Här är några svar som hör ihop:\n{quotes}\n"
    "Ge en kort etikett på svenska (1–4 ord) för vad de här svaren föreslår. "
    "Svara bara med etiketten."
)
MAX_QUOTES = 3


def resolve_model(value: str | Path) -> tuple[Path, str | None]:
    """(directory, gguf file name or None) for a model directory, a .gguf file or a registered llm name."""
    path = Path(value).expanduser()
    if not path.exists():
        from transcribe import models

        path = models.resolve(str(value), kind="llm")
    if path.is_file() and path.suffix == ".gguf":
        return path.parent, path.name
    if path.is_dir():
        if (path / "config.json").is_file():
            return path, None
        ggufs = sorted(path.glob("*.gguf"))
        if ggufs:
            return path, ggufs[0].name
    raise BadOption(f"{value}: not a local model (needs config.json or a .gguf file)")


def clean_label(text: str) -> str | None:
    """First line, no quotes or trailing punctuation, at most 6 words; None if nothing usable."""
    line = next((ln.strip() for ln in text.strip().splitlines() if ln.strip()), "")
    line = re.sub(r"^(?:\d+[.)]\s*|[-*•]\s*)", "", line)  # "1. Kommunen" / "- Kommunen"
    line = re.sub(r"^(etikett|label)\s*:\s*", "", line, flags=re.IGNORECASE)
    line = line.strip(" \"'”“*.:;-")
    if not line or len(line.split()) > 6 or len(line) > 60:
        return None
    return line


def make_relabeler(model: str | Path, max_new_tokens: int = 16) -> tuple[Relabeler, str]:
    model_dir, gguf = resolve_model(model)
    from transformers import AutoModelForCausalLM, AutoTokenizer

    kwargs = {"local_files_only": True, **({"gguf_file": gguf} if gguf else {})}
    tok = AutoTokenizer.from_pretrained(str(model_dir), **kwargs)
    lm = AutoModelForCausalLM.from_pretrained(str(model_dir), **kwargs).eval()

    def relabel(question: str, groups: list[AnswerGroup]) -> list[str | None]:
        import torch

        labels: list[str | None] = []
        for g in groups:
            quotes = "\n".join(f"- {p.quote}" for p in g.passages[:MAX_QUOTES])
            prompt = PROMPT.format(question=question, quotes=quotes)
            if getattr(tok, "chat_template", None):
                ids = tok.apply_chat_template([{"role": "user", "content": prompt}], add_generation_prompt=True,
                                              return_tensors="pt", return_dict=True)  # fmt: skip
            else:
                ids = tok(prompt + "\nEtikett:", return_tensors="pt")
            with torch.inference_mode():
                out = lm.generate(**ids, max_new_tokens=max_new_tokens, do_sample=False)
            text = tok.decode(out[0][ids["input_ids"].shape[1] :], skip_special_tokens=True)
            labels.append(clean_label(text))
        return labels

    return relabel, f"{model_dir.name}{'/' + gguf if gguf else ''} (bara etiketter)"
