"""Optional: a local instruction-tuned model proposes nicer names for answer groups.

The model sees a group's passages and returns a short label, nothing else: the
grouping, counts, shares and cited passages stay exactly as the code made them.
"""

from __future__ import annotations

import re
from pathlib import Path

from transcribe.llm_runtime import load_llm
from transcribe.series.ask import AnswerGroup, Relabeler

PROMPT = (
    "Fråga som ställdes på mötet: {question}\n"
    "Här är några svar som hör ihop:\n{quotes}\n"
    "Ge en kort etikett på svenska (1–4 ord) för vad de här svaren föreslår. "
    "Svara bara med etiketten."
)
MAX_QUOTES = 3


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
    """A relabeler on a local model (directory, .gguf or registered name), loaded through the LLM runtime."""
    lm = load_llm(model)

    def relabel(question: str, groups: list[AnswerGroup]) -> list[str | None]:
        labels: list[str | None] = []
        for g in groups:
            quotes = "\n".join(f"- {p.quote}" for p in g.passages[:MAX_QUOTES])
            labels.append(
                clean_label(lm(PROMPT.format(question=question, quotes=quotes), max_new_tokens, cue="Etikett:"))
            )
        return labels

    return relabel, f"{lm.name} (bara etiketter)"
