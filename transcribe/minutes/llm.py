"""Minutes with a language model, every item grounded in the passages it cites.

Two ways to reach a model: a local instruction-tuned model through transformers (a
model directory, or a GGUF file dequantised once and cached, since that takes about a
minute), or the team's own LLM server through `openai_client`. Both are a `Generator`:
(prompt, max_new_tokens) -> text.

Map-reduce: the transcript is cut into chunks of "[id] Namn: text" lines; for each
chunk the model answers in JSON that must validate against a small schema per section.
A section that fails validation is asked for once more with the error appended. Every
valid item is then checked by `grounding` against the segments it cites and dropped
(with its reason in the notes) when they do not say it. With the `llm` backend a
section whose answers failed, or whose items were all dropped, falls back to the rules
with a note; a server that does not answer leaves the whole draft to the rules.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transcribe.config import cpu_threads, models_dir
from transcribe.errors import ModelCorrupt, ModelMissing
from transcribe.minutes.dates import format_sv
from transcribe.minutes.grounding import Grounder, similar
from transcribe.minutes.llm_prompts import (
    CHUNK_CHARS,
    EXAMPLE,
    build_prompt,
    chunks,
    retry_prompt,
    transcript_lines,
)
from transcribe.minutes.llm_schema import ADAPTERS, OPTIONAL, SECTIONS, first_json_object, validate_sections
from transcribe.minutes.model import Action, Decision, NextMeeting, OpenItem
from transcribe.minutes.openai_client import LLMUnavailable
from transcribe.minutes.rules import Extracted
from transcribe.transcript import Transcript

__all__ = [
    "ADAPTERS",
    "CHUNK_CHARS",
    "EXAMPLE",
    "SECTIONS",
    "LLMDraft",
    "LocalLLM",
    "build_prompt",
    "chunks",
    "draft_with_llm",
    "extract_with_llm",
    "first_json_object",
    "load_llm",
    "retry_prompt",
    "transcript_lines",
    "validate_sections",
]

Generator = Callable[[str, int], str]


# ----------------------------------------------------------------------------- model
def _file_key(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        h.update(fh.read(1 << 20))
    return f"{path.stem}-{path.stat().st_size}-{h.hexdigest()[:12]}"


def default_cache_dir() -> Path:
    return models_dir() / "cache"


class LocalLLM:
    """A local causal LM: a transformers model directory, or a GGUF file dequantised once and cached."""

    def __init__(self, path: Path, cache_dir: Path | None = None) -> None:
        self.path = Path(path)
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        self.calls = 0
        self.outputs: list[str] = []
        self._lock = threading.Lock()
        self.model, self.tokenizer = self._load()

    def _resolve(self) -> tuple[Path, str | None]:
        """(directory, gguf file name or None)."""
        p = self.path
        if not p.exists():
            raise ModelMissing(f"minutes model not found: {p}")
        if p.is_file():
            if p.suffix != ".gguf":
                raise ModelCorrupt(f"{p} is neither a model directory nor a .gguf file")
            return p.parent, p.name
        if (p / "config.json").exists():
            return p, None
        ggufs = sorted(p.glob("*.gguf"))
        if ggufs:
            return p, ggufs[0].name
        raise ModelCorrupt(f"{p} has no config.json and no .gguf file")

    def _load(self) -> tuple[Any, Any]:
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        directory, gguf = self._resolve()
        if gguf is not None:
            directory = self._converted(directory, gguf)
        try:
            tok = AutoTokenizer.from_pretrained(directory, local_files_only=True)
            model = AutoModelForCausalLM.from_pretrained(directory, local_files_only=True, dtype=torch.float32)
        except OSError as exc:
            raise ModelCorrupt(f"cannot load minutes model from {directory}: {exc}") from exc
        model.eval()
        return model, tok

    def _converted(self, directory: Path, gguf: str) -> Path:
        """The dequantised copy of a GGUF model, made on first use and reused after."""
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        target = self.cache_dir / _file_key(directory / gguf)
        if (target / "config.json").exists() and any(target.glob("*.safetensors")):
            return target
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=self.cache_dir))
        try:
            tok = AutoTokenizer.from_pretrained(directory, gguf_file=gguf, local_files_only=True)
            model = AutoModelForCausalLM.from_pretrained(directory, gguf_file=gguf, local_files_only=True)
            quantizer = getattr(model, "hf_quantizer", None)
            if quantizer is not None:
                # The weights were unpacked into plain tensors; drop the GGUF config so they can be saved.
                quantizer.remove_quantization_config(model)
            # bfloat16 on disk: half the size of float32 and loads faster; computed in float32 after loading.
            model.to(torch.bfloat16).save_pretrained(tmp)
            tok.save_pretrained(tmp)
            try:
                os.replace(tmp, target)
            except OSError:
                if not (target / "config.json").exists():  # not a concurrent conversion that won
                    raise
        except (OSError, ValueError) as exc:
            raise ModelCorrupt(f"cannot convert {directory / gguf}: {exc}") from exc
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return target

    def _encode(self, prompt: str) -> Any:
        tok = self.tokenizer
        messages = [{"role": "user", "content": prompt}]
        if getattr(tok, "chat_template", None):
            return tok.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt", return_dict=True)
        if "<start_of_turn>" in tok.get_vocab():  # Gemma's turn format when the file carries no template
            text = f"<start_of_turn>user\n{prompt}<end_of_turn>\n<start_of_turn>model\n"
        else:
            text = prompt + "\nJSON:\n"
        return tok(text, return_tensors="pt")

    def __call__(self, prompt: str, max_new_tokens: int) -> str:
        """Answer an instruction, in the model's chat format."""
        return self._generate(self._encode(prompt), max_new_tokens)

    def complete(self, text: str, max_new_tokens: int) -> str:
        """Continue plain text, no chat format."""
        return self._generate(self.tokenizer(text, return_tensors="pt"), max_new_tokens)

    def _generate(self, enc: Any, max_new_tokens: int) -> str:
        import torch

        with self._lock, torch.inference_mode():
            before = torch.get_num_threads()
            torch.set_num_threads(_threads())
            try:
                out = self.model.generate(
                    **enc, max_new_tokens=max_new_tokens, do_sample=False, pad_token_id=self.tokenizer.eos_token_id
                )
            finally:
                torch.set_num_threads(before)
            text = self.tokenizer.decode(out[0][enc["input_ids"].shape[1] :], skip_special_tokens=True)
        self.calls += 1
        self.outputs.append(text)
        return text


def _threads() -> int:
    """Threads for generation: on a busy shared machine one thread beats several that wait on each other."""
    cores = os.cpu_count() or 1
    try:
        idle = cores - os.getloadavg()[0]
    except OSError:
        idle = cores
    return max(1, min(cpu_threads(), int(idle)))


_LOADED: dict[Path, LocalLLM] = {}


def load_llm(path: Path, cache_dir: Path | None = None) -> LocalLLM:
    """Load once per process; minutes for many meetings reuse the model."""
    key = Path(path).resolve()
    if key not in _LOADED:
        _LOADED[key] = LocalLLM(key, cache_dir)
    return _LOADED[key]


# ----------------------------------------------------------------------------- map-reduce
@dataclass
class LLMDraft:
    """The model's grounded items only (no fallback), and what happened to the rest."""

    extracted: Extracted = field(default_factory=Extracted)
    summary: str | None = None
    failed: set[str] = field(default_factory=set)
    rejected: dict[str, int] = field(default_factory=dict)
    # (section, the model's item, why it was dropped): for the benchmark; the minutes carry only counts.
    dropped: list[tuple[str, Any, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unavailable: str | None = None


def _ask(generate: Generator, prompt: str, max_new_tokens: int) -> tuple[dict[str, Any], set[str]]:
    wanted = [*SECTIONS, *OPTIONAL]
    valid, errors = validate_sections(generate(prompt, max_new_tokens), wanted)
    failed: set[str] = set()
    if errors:
        again, errors2 = validate_sections(generate(retry_prompt(prompt, errors), max_new_tokens), list(errors))
        valid.update(again)
        failed.update(errors2)
    return valid, failed


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def draft_with_llm(
    transcript: Transcript,
    meeting_date: dt.date | None,
    generate: Generator,
    max_new_tokens: int = 512,
    chunk_chars: int = CHUNK_CHARS,
) -> LLMDraft:
    """Ask the model chunk by chunk and keep only what the cited passages support."""
    participants = [s.name for s in transcript.speakers if s.name]
    collected: dict[str, list[Any]] = {s: [] for s in [*SECTIONS, *OPTIONAL]}
    draft = LLMDraft()
    try:
        for part in chunks(transcript_lines(transcript), chunk_chars):
            valid, failed = _ask(generate, build_prompt(part, meeting_date, participants), max_new_tokens)
            draft.failed |= failed
            for s, value in valid.items():
                collected[s].append(value)
    except LLMUnavailable as exc:
        draft.unavailable = str(exc)
        return draft
    g = Grounder(transcript, meeting_date)
    out = draft.extracted

    def reject(section: str, item: Any, reason: str | None) -> None:
        draft.rejected[section] = draft.rejected.get(section, 0) + 1
        draft.dropped.append((section, item, reason or "ogiltigt"))

    for d in (x for batch in collected["beslut"] for x in batch):
        v = g.decision(d.text, d.segment_ids)
        if not v.ok:
            reject("beslut", d, v.reason)
        elif not any(similar(d.text, o.text, 0.75) for o in out.decisions):
            out.decisions.append(Decision(id=f"d{len(out.decisions) + 1}", text=d.text.strip(), evidence=v.evidence,
                                          proposed_by=v.evidence[0].speaker_name, confidence=0.6, source="llm",
                                          needs_review=v.flag is not None, review_reason=v.flag))  # fmt: skip
    for a in (x for batch in collected["atgarder"] for x in batch):
        v = g.action(a.what, a.owner, a.due, a.segment_ids)
        if not v.ok:
            reject("atgarder", a, v.reason)
        elif not any(o.owner == v.owner and similar(a.what, o.what, 0.5) for o in out.actions):
            out.actions.append(Action(id=f"a{len(out.actions) + 1}", what=a.what.strip(), owner=v.owner, due=v.due,
                                      due_text=a.due, evidence=v.evidence, confidence=0.6, source="llm",
                                      needs_review=v.flag is not None, review_reason=v.flag))  # fmt: skip
    for o in (x for batch in collected["ej_beslutat"] for x in batch):
        v = g.open_item(o.text, o.segment_ids)
        if not v.ok:
            reject("ej_beslutat", o, v.reason)
        elif not any(similar(o.text, p.text, 0.6) for p in out.not_decided):
            out.not_decided.append(OpenItem(id=f"o{len(out.not_decided) + 1}", text=o.text.strip(), reason=o.reason,
                                            evidence=v.evidence, confidence=0.6, source="llm",
                                            needs_review=v.flag is not None, review_reason=v.flag))  # fmt: skip
    for n in reversed([n for n in collected["nasta_mote"] if n is not None]):  # the latest chunk knows the final date
        v = g.next_meeting(n.date, n.time, n.segment_ids)
        if not v.ok:
            reject("nasta_mote", n, v.reason)
            continue
        out.next_meeting = NextMeeting(id="n1", when=v.when, text=format_sv(v.when), evidence=v.evidence,
                                       confidence=0.6, source="llm", needs_review=v.flag is not None,
                                       review_reason=v.flag)  # fmt: skip
        break
    for s in (x for x in collected["sammanfattning"] if x is not None):
        v = g.summary(s.text, s.segment_ids)
        if v.ok:
            draft.summary = s.text.strip()
            break
        reject("sammanfattning", s, v.reason)
    # Counts and reasons only: the dropped text itself is exactly what must not reach the draft.
    counts = Counter((section, reason) for section, _, reason in draft.dropped)
    for (section, reason), n in counts.items():
        name = SECTIONS.get(section) or OPTIONAL[section]
        draft.notes.append(f"{n} förslag från språkmodellen för {name} togs bort: {reason}")
    return draft


def generator_for(model: Path | str | Generator) -> Generator:
    return load_llm(Path(model)) if isinstance(model, Path | str) else model


def extract_with_llm(
    transcript: Transcript,
    meeting_date: dt.date | None,
    model: Path | Generator,
    rules: Extracted,
    max_new_tokens: int = 512,
    chunk_chars: int = CHUNK_CHARS,
) -> tuple[Extracted, list[str]]:
    """The `llm` backend: the model's grounded items, per section falling back to `rules`."""
    draft = draft_with_llm(transcript, meeting_date, generator_for(model), max_new_tokens, chunk_chars)
    return with_fallback(draft, rules)


def with_fallback(draft: LLMDraft, rules: Extracted) -> tuple[Extracted, list[str]]:
    """Rules for every section the model failed or had nothing grounded for, with a note each."""
    if draft.unavailable is not None:
        return rules, [f"Språkmodellen svarade inte ({_short(draft.unavailable, 120)}); utkastet bygger på reglerna"]
    out, llm = Extracted(), draft.extracted
    notes = list(draft.notes)
    pairs = {"beslut": "decisions", "atgarder": "actions", "ej_beslutat": "not_decided", "nasta_mote": "next_meeting"}
    for key, attr in pairs.items():
        mine = getattr(llm, attr)
        if key in draft.failed:
            notes.append(f"Språkmodellens svar för {SECTIONS[key]} var ogiltigt; reglerna används")
            setattr(out, attr, getattr(rules, attr))
        elif draft.rejected.get(key) and not mine:
            notes.append(f"Inget av språkmodellens förslag för {SECTIONS[key]} hade stöd; reglerna används")
            setattr(out, attr, getattr(rules, attr))
        else:
            setattr(out, attr, mine)
    return out, notes
