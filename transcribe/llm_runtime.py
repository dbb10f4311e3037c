"""The one local-LLM runtime: minutes and series load and prompt local models only here.

A model is a transformers directory, a .gguf file (or a directory holding one), or
a name from the model registry (`transcribe.models`, which also assembles the
bundled Gemma from its packages). A GGUF model is dequantised once into the models
cache, since that takes about a minute, and reused after. Prompts go through the
model's chat template; generation uses only the cores that are idle right now, and a caller that
knows when an answer is complete (the minutes' JSON object closed) stops it there instead of
generating up to the token limit.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from transcribe import models
from transcribe.config import cpu_threads, models_dir
from transcribe.errors import ModelCorrupt, ModelMissing

BUNDLED_LLM = "gemma3-270m"


def model_files(value: str | Path) -> tuple[Path, str | None]:
    """(directory, gguf file name or None) for a model directory, a .gguf file or a registered llm name."""
    path = Path(value).expanduser()
    if not path.exists():
        if "/" in str(value) or path.suffix == ".gguf":
            raise ModelMissing(
                f"språkmodellen {value} finns inte; ange en modellmapp, en .gguf-fil "
                "eller ett namn från 'transcribe models list'"
            )
        path = models.resolve(str(value), kind="llm")
    if path.is_file():
        if path.suffix != ".gguf":
            raise ModelCorrupt(f"{path} är varken en modellmapp eller en .gguf-fil; ange en av dem")
        return path.parent, path.name
    if (path / "config.json").exists():
        return path, None
    ggufs = sorted(path.glob("*.gguf"))
    if ggufs:
        return path, ggufs[0].name
    raise ModelCorrupt(f"{path} saknar både config.json och en .gguf-fil; ange mappen med språkmodellen")


def _first_line(exc: Exception) -> str:
    """A library's error text cut to its first line, so the user's message stays one line."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def bundled_llm() -> Path | None:
    """The bundled small model's directory (assembled from its packages on first use); None if not installed."""
    try:
        return models.resolve(BUNDLED_LLM, kind="llm")
    except (ModelMissing, ModelCorrupt):
        return None


def default_cache_dir() -> Path:
    return models_dir() / "cache"


def _file_key(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        h.update(fh.read(1 << 20))
    return f"{path.stem}-{path.stat().st_size}-{h.hexdigest()[:12]}"


def threads() -> int:
    """Threads for generation: on a busy shared machine one thread beats several that wait on each other."""
    cores = os.cpu_count() or 1
    try:
        idle = cores - os.getloadavg()[0]
    except OSError:
        idle = cores
    return max(1, min(cpu_threads(), int(idle)))


def converted(directory: Path, gguf: str, cache_dir: Path) -> Path:
    """The dequantised copy of a GGUF model, made on first use and reused after."""
    target = cache_dir / _file_key(directory / gguf)
    if _is_converted(target):
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    # One process converts; another that wants the same model meanwhile (a second worker, a test process)
    # waits for that copy instead of spending the same minute of CPU on its own.
    with (cache_dir / f".{target.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not _is_converted(target):
            _convert(directory, gguf, cache_dir, target)
    return target


def _is_converted(target: Path) -> bool:
    return (target / "config.json").exists() and any(target.glob("*.safetensors"))


@contextmanager
def _gguf_read_once() -> Iterator[None]:
    """transformers reads a GGUF file three times for one model (for its tokenizer, its config and its weights),
    and each reading walks the whole vocabulary in Python (Gemma: 262 144 tokens, two thirds of a conversion's
    CPU); while converting, the first reading serves all three."""
    import gguf

    original = gguf.GGUFReader
    readers: dict[tuple[str, str], Any] = {}

    def read_once(path: str | Path, mode: str = "r") -> Any:
        key = (str(Path(path).resolve()), mode)
        if key not in readers:
            readers[key] = original(path, mode)
        return readers[key]

    gguf.GGUFReader = read_once
    try:
        yield
    finally:
        gguf.GGUFReader = original


def _convert(directory: Path, gguf: str, cache_dir: Path, target: Path) -> None:
    # torch and transformers take seconds to import and only the LLM paths need them.
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=cache_dir))
    try:
        with _gguf_read_once():
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
        raise ModelCorrupt(f"kan inte konvertera {directory / gguf}: {_first_line(exc)}") from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


class LocalLLM:
    """A local causal LM: a transformers model directory, or a GGUF file dequantised once and cached."""

    def __init__(self, path: Path | str, cache_dir: Path | None = None) -> None:
        self.path = Path(path)
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        self.calls = 0
        self.outputs: list[str] = []
        self._lock = threading.Lock()
        directory, gguf = model_files(path)
        self.name = f"{directory.name}{'/' + gguf if gguf else ''}"
        self.model, self.tokenizer = self._load(directory, gguf)

    def _load(self, directory: Path, gguf: str | None) -> tuple[Any, Any]:
        # Loaded here only: torch and transformers are heavy and only the LLM paths need them.
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        if gguf is not None:
            directory = converted(directory, gguf, self.cache_dir)
        try:
            tok = AutoTokenizer.from_pretrained(directory, local_files_only=True)
            model = AutoModelForCausalLM.from_pretrained(directory, local_files_only=True, dtype=torch.float32)
        except OSError as exc:
            raise ModelCorrupt(f"kan inte läsa in språkmodellen i {directory}: {_first_line(exc)}") from exc
        model.eval()
        return model, tok

    def _encode(self, prompt: str, cue: str) -> Any:
        tok = self.tokenizer
        messages = [{"role": "user", "content": prompt}]
        if getattr(tok, "chat_template", None):
            return tok.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt", return_dict=True)
        if "<start_of_turn>" in tok.get_vocab():  # Gemma's turn format when the file carries no template
            text = f"<start_of_turn>user\n{prompt}<end_of_turn>\n<start_of_turn>model\n"
        else:
            text = f"{prompt}\n{cue}"
        return tok(text, return_tensors="pt")

    def __call__(
        self, prompt: str, max_new_tokens: int, cue: str = "JSON:\n", done: Callable[[str], bool] | None = None
    ) -> str:
        """Answer an instruction, in the model's chat format (`cue` ends a prompt for a model without one);
        generation stops early once `done(the answer so far)` holds."""
        return self._generate(self._encode(prompt, cue), max_new_tokens, done)

    def complete(self, text: str, max_new_tokens: int) -> str:
        """Continue plain text, no chat format."""
        return self._generate(self.tokenizer(text, return_tensors="pt"), max_new_tokens)

    def _stop_when(self, done: Callable[[str], bool], prompt_tokens: int) -> Any:
        """A stopping criterion: `done` on the decoded answer, tried only after a token that ends in '}'."""
        from transformers import StoppingCriteria, StoppingCriteriaList

        tok = self.tokenizer

        class Answered(StoppingCriteria):
            def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
                import torch

                last = tok.decode(input_ids[0, -1:], skip_special_tokens=True)
                stop = "}" in last and done(tok.decode(input_ids[0, prompt_tokens:], skip_special_tokens=True))
                return torch.full((input_ids.shape[0],), stop, dtype=torch.bool, device=input_ids.device)

        return StoppingCriteriaList([Answered()])

    def _generate(self, enc: Any, max_new_tokens: int, done: Callable[[str], bool] | None = None) -> str:
        import torch  # already loaded by _load; kept local so this module imports without torch

        prompt_tokens = enc["input_ids"].shape[1]
        stops = self._stop_when(done, prompt_tokens) if done is not None else None
        with self._lock, torch.inference_mode():
            before = torch.get_num_threads()
            torch.set_num_threads(threads())
            try:
                out = self.model.generate(
                    **enc, max_new_tokens=max_new_tokens, do_sample=False, pad_token_id=self.tokenizer.eos_token_id,
                    stopping_criteria=stops,
                )  # fmt: skip
            finally:
                torch.set_num_threads(before)
            text = self.tokenizer.decode(out[0][prompt_tokens:], skip_special_tokens=True)
        self.calls += 1
        self.outputs.append(text)
        return text


_LOADED: dict[Path, LocalLLM] = {}


def load_llm(path: Path | str, cache_dir: Path | None = None) -> LocalLLM:
    """Load once per process; minutes for many meetings and every series question reuse the model."""
    directory, gguf = model_files(path)
    key = (directory / gguf if gguf else directory).resolve()
    if key not in _LOADED:
        _LOADED[key] = LocalLLM(key, cache_dir)
    return _LOADED[key]
