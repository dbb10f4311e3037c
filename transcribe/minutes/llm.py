"""Minutes with a local instruction-tuned model (transformers), checked section by section.

Map-reduce: the transcript is cut into chunks of "[id] Namn: text" lines; for each
chunk the model answers in JSON that must validate against a small schema per
section. A section that fails validation is asked for once more with the error
appended; if it fails again the rules backend's result is used for that whole
section and a note says so. Items citing segment ids that do not exist are
dropped. Loading is always `local_files_only`; a GGUF file is dequantised once
and cached with `save_pretrained`, because dequantising takes about a minute.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from transcribe.config import cpu_threads, models_dir
from transcribe.errors import ModelCorrupt, ModelMissing
from transcribe.minutes import cues
from transcribe.minutes.dates import format_sv, parse_when
from transcribe.minutes.model import Action, Decision, Evidence, NextMeeting, OpenItem
from transcribe.minutes.rules import Extracted, _similar
from transcribe.transcript import Transcript

Generator = Callable[[str, int], str]

SECTIONS = {"beslut": "Beslut", "atgarder": "Åtgärder", "ej_beslutat": "Ej beslutat", "nasta_mote": "Nästa möte"}
CHUNK_CHARS = 6000
OVERLAP_LINES = 2


# ----------------------------------------------------------------------------- schema
class LLMDecision(BaseModel):
    text: str = Field(min_length=3)
    segment_ids: list[int] = Field(min_length=1)


class LLMAction(BaseModel):
    what: str = Field(min_length=2)
    owner: str | None = None
    due: str | None = None
    segment_ids: list[int] = Field(min_length=1)


class LLMOpen(BaseModel):
    text: str = Field(min_length=3)
    reason: str = "Inget beslut fattades"
    segment_ids: list[int] = Field(min_length=1)


class LLMNext(BaseModel):
    date: dt.date
    time: dt.time | None = None
    segment_ids: list[int] = Field(min_length=1)


ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "beslut": TypeAdapter(list[LLMDecision]),
    "atgarder": TypeAdapter(list[LLMAction]),
    "ej_beslutat": TypeAdapter(list[LLMOpen]),
    "nasta_mote": TypeAdapter(LLMNext | None),
}

EXAMPLE = (
    '{"beslut": [{"text": "Mötet beslutade att ...", "segment_ids": [12]}], '
    '"atgarder": [{"what": "Skicka ut kallelsen", "owner": "Karin Ek", "due": "2026-12-04", "segment_ids": [15]}], '
    '"ej_beslutat": [{"text": "Förslaget att ...", "reason": "Förslaget avslogs", "segment_ids": [20]}], '
    '"nasta_mote": {"date": "2026-12-14", "time": "14:30", "segment_ids": [30]}}'
)


# ----------------------------------------------------------------------------- prompts
def transcript_lines(transcript: Transcript) -> list[str]:
    return [f"[{s.id}] {transcript.speaker_name(s.speaker) or 'Okänd'}: {s.text.strip()}"
            for s in transcript.segments if s.text.strip()]


def chunks(lines: list[str], max_chars: int = CHUNK_CHARS) -> list[list[str]]:
    out: list[list[str]] = []
    cur: list[str] = []
    size = 0
    for line in lines:
        if cur and size + len(line) > max_chars:
            out.append(cur)
            cur = cur[-OVERLAP_LINES:]
            size = sum(len(x) + 1 for x in cur)
        cur.append(line)
        size += len(line) + 1
    if cur:
        out.append(cur)
    return out


def build_prompt(lines: list[str], meeting_date: dt.date | None, participants: list[str],
                 sections: list[str] | None = None) -> str:
    wanted = sections or list(SECTIONS)
    keys = ", ".join(f'"{k}"' for k in wanted)
    return (
        "Du skriver protokoll från ett svenskt möte. Nedan finns en del av transkriptionen, en rad per segment "
        "i formen [id] Namn: text.\n"
        f"Mötesdatum: {meeting_date.isoformat() if meeting_date else 'okänt'}. "
        f"Deltagare: {', '.join(participants) or 'okända'}.\n"
        f"Svara ENDAST med ett JSON-objekt med nycklarna {keys}, enligt detta exempel:\n{EXAMPLE}\n"
        "Regler: Ta bara med beslut som mötet faktiskt fattade. Förslag som avslogs, sköts upp eller inte "
        "beslutades hör till \"ej_beslutat\". \"Jag kan inte lova\" är inget fast åtagande. Datum skrivs "
        "YYYY-MM-DD och tider HH:MM. segment_ids måste vara id:n från raderna nedan. Tomma listor och null "
        "är tillåtna.\n\nTranskription:\n" + "\n".join(lines) + "\n"
    )


def retry_prompt(prompt: str, errors: dict[str, str]) -> str:
    detail = "; ".join(f"{k}: {v}" for k, v in errors.items())
    return (prompt + "\nDitt förra svar var ogiltigt (" + detail[:600] + "). Svara igen med giltig JSON för "
            + ", ".join(f'"{k}"' for k in errors) + ".\n")


# ----------------------------------------------------------------------------- validation
def first_json_object(text: str) -> dict[str, Any] | None:
    """The first balanced {...} in the model's answer (it may add prose or code fences)."""
    start = text.find("{")
    while start >= 0:
        depth, in_str, esc = 0, False, False
        for i in range(start, len(text)):
            ch = text[i]
            if in_str:
                esc = (ch == "\\") and not esc
                if ch == '"' and not esc:
                    in_str = False
                continue
            if ch == '"':
                in_str = True
            elif ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    try:
                        obj = json.loads(text[start : i + 1])
                    except json.JSONDecodeError:
                        break
                    return obj if isinstance(obj, dict) else None
        start = text.find("{", start + 1)
    return None


def validate_sections(raw: str, sections: list[str]) -> tuple[dict[str, Any], dict[str, str]]:
    """(valid sections, error per invalid section) for one model answer."""
    obj = first_json_object(raw)
    if obj is None:
        return {}, {s: "inget giltigt JSON-objekt i svaret" for s in sections}
    valid: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for s in sections:
        if s not in obj:
            errors[s] = "nyckeln saknas"
            continue
        try:
            valid[s] = ADAPTERS[s].validate_python(obj[s])
        except ValidationError as exc:
            errors[s] = str(exc.errors()[0].get("msg", exc))[:200]
    return valid, errors


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
                out = self.model.generate(**enc, max_new_tokens=max_new_tokens, do_sample=False,
                                          pad_token_id=self.tokenizer.eos_token_id)
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
def _evidence(transcript: Transcript, ids: list[int]) -> list[Evidence] | None:
    """Evidence for the cited ids, or None if any id does not exist (a hallucinated citation)."""
    out = []
    for i in dict.fromkeys(ids):
        seg = transcript.segment(i)
        if seg is None:
            return None
        out.append(Evidence(segment_id=seg.id, speaker=seg.speaker,
                            speaker_name=transcript.speaker_name(seg.speaker) or None,
                            start=seg.start, end=seg.end, quote=seg.text.strip()))
    return sorted(out, key=lambda e: e.start)


def _owner(name: str | None, transcript: Transcript) -> tuple[str | None, bool]:
    """Canonical participant name and whether it matched one."""
    if not name:
        return None, False
    low = name.strip().lower()
    for info in transcript.speakers:
        full = (info.name or "").lower()
        if full and (low == full or low == full.split()[0] or low == info.label.lower()):
            return info.name, True
    return name.strip(), False


def _doubt(evidence: list[Evidence], transcript: Transcript) -> str | None:
    for e in evidence:
        seg = transcript.segment(e.segment_id)
        if seg is not None and (seg.overlap or (seg.avg_logprob is not None and seg.avg_logprob < -1.0)):
            return "Osäker igenkänning"
    return None


def extract_with_llm(
    transcript: Transcript,
    meeting_date: dt.date | None,
    model: Path | Generator,
    rules: Extracted,
    max_new_tokens: int = 512,
    chunk_chars: int = CHUNK_CHARS,
) -> tuple[Extracted, list[str]]:
    """Decisions, actions, open items and next meeting from the model, per section falling back to `rules`."""
    generate: Generator = load_llm(model) if isinstance(model, Path | str) else model  # type: ignore[assignment]
    participants = [s.name for s in transcript.speakers if s.name]
    collected: dict[str, list[Any]] = {s: [] for s in SECTIONS}
    failed: set[str] = set()
    for part in chunks(transcript_lines(transcript), chunk_chars):
        prompt = build_prompt(part, meeting_date, participants)
        valid, errors = validate_sections(generate(prompt, max_new_tokens), list(SECTIONS))
        if errors:
            again, errors2 = validate_sections(generate(retry_prompt(prompt, errors), max_new_tokens), list(errors))
            valid.update(again)
            failed.update(errors2)
        for s, value in valid.items():
            collected[s].append(value)
    notes: list[str] = []
    out = Extracted()
    dropped = 0

    if "beslut" in failed:
        out.decisions = rules.decisions
    else:
        for d in (x for batch in collected["beslut"] for x in batch):
            ev = _evidence(transcript, d.segment_ids)
            if ev is None:
                dropped += 1
                continue
            if any(_similar(d.text, o.text, 0.75) for o in out.decisions):
                continue
            # Honesty check: the cited words themselves say nothing was decided.
            said_no = any(cues.UNDECIDED.search(e.quote.lower()) or cues.REJECTED.search(e.quote.lower()) for e in ev)
            reason = "Texten tyder på att inget beslut fattades" if said_no else _doubt(ev, transcript)
            out.decisions.append(Decision(id=f"d{len(out.decisions) + 1}", text=d.text.strip(), evidence=ev,
                                          proposed_by=ev[0].speaker_name, confidence=0.6,
                                          needs_review=reason is not None, review_reason=reason))
    if "atgarder" in failed:
        out.actions = rules.actions
    else:
        for a in (x for batch in collected["atgarder"] for x in batch):
            ev = _evidence(transcript, a.segment_ids)
            if ev is None:
                dropped += 1
                continue
            owner, known = _owner(a.owner, transcript)
            if any(o.owner == owner and _similar(a.what, o.what, 0.5) for o in out.actions):
                continue
            due = parse_when(a.due, meeting_date or dt.date.today()) if a.due else None
            reason = None if known else "Ansvarig kunde inte kopplas till en deltagare"
            out.actions.append(Action(id=f"a{len(out.actions) + 1}", what=a.what.strip(), owner=owner,
                                      due=due.date if due else None, due_text=a.due, evidence=ev, confidence=0.6,
                                      needs_review=reason is not None, review_reason=reason))
    if "ej_beslutat" in failed:
        out.not_decided = rules.not_decided
    else:
        for o in (x for batch in collected["ej_beslutat"] for x in batch):
            ev = _evidence(transcript, o.segment_ids)
            if ev is None:
                dropped += 1
                continue
            if any(_similar(o.text, p.text, 0.6) for p in out.not_decided):
                continue
            out.not_decided.append(OpenItem(id=f"o{len(out.not_decided) + 1}", text=o.text.strip(), reason=o.reason,
                                            evidence=ev, confidence=0.6))
    if "nasta_mote" in failed:
        out.next_meeting = rules.next_meeting
    else:
        found = [n for n in collected["nasta_mote"] if n is not None]
        for n in reversed(found):  # the latest chunk knows the final date
            ev = _evidence(transcript, n.segment_ids)
            if ev is None:
                dropped += 1
                continue
            when = dt.datetime.combine(n.date, n.time) if n.time else n.date
            out.next_meeting = NextMeeting(id="n1", when=when, text=format_sv(when), evidence=ev, confidence=0.6)
            break
    for key in SECTIONS:
        if key in failed:
            notes.append(f"LLM output failed validation for {SECTIONS[key]}; used rules")
    if dropped:
        notes.append(f"Dropped {dropped} LLM item(s) citing segment ids that do not exist")
    return out, notes

