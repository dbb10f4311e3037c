"""`transcribe models get NAME`: the one command that reaches the network.

A user who wants better Swedish than the bundled Whisper base fetches a
KB-Whisper model here, once, from its repository at a recorded revision. Every
file is downloaded into `models/.incoming/` as `<file>.incomplete` (so a killed
download resumes where it stopped), checked against the size and SHA-256 the hub
publishes (git blob SHA-1 for small files), and only a complete, verified model
is moved into `models/NAME/` and registered with each file's size and SHA-256.
A repository that publishes transformers weights only is converted here with
CTranslate2 (int8). The product sets HF_HUB_OFFLINE=1 on import; this module
lifts it for its own calls only.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx2
from huggingface_hub import HfApi, hf_hub_url
from huggingface_hub import constants as hf_constants
from huggingface_hub.errors import HfHubHTTPError, OfflineModeIsEnabled
from huggingface_hub.file_download import http_get
from huggingface_hub.utils import build_hf_headers, disable_progress_bars
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from transcribe import models
from transcribe.config import models_dir
from transcribe.errors import BadOption, DiskFull, HubUnreachable, ModelCorrupt, ModelMissing

DEFAULT_ENDPOINT = "https://huggingface.co"
CITE = "KBLab model cards; arXiv 2505.17538"
# What faster-whisper itself loads from a CTranslate2 repository.
CT2_FILES = ("model.bin", "config.json", "tokenizer.json", "preprocessor_config.json", "vocabulary.json",
             "vocabulary.txt")  # fmt: skip
# A transformers Whisper checkpoint, enough for CTranslate2's converter.
HF_FILES = ("config.json", "model.safetensors", "generation_config.json", "preprocessor_config.json",
            "tokenizer.json", "tokenizer_config.json", "vocab.json", "merges.txt", "added_tokens.json",
            "special_tokens_map.json", "normalizer.json")  # fmt: skip
SPACE_MARGIN = 64 << 20


@dataclass(frozen=True)
class HubModel:
    """A catalogue entry: where a model lives and what it is published to score on Swedish."""

    name: str
    repo: str
    revision: str  # a commit where one is recorded, else the branch whose commit `get` records
    languages: tuple[str, ...]
    wer_sv: float | None  # FLEURS Swedish WER in %, as published (None: none published for this variant)
    approx_mb: int
    description: str


def _kb(size: str, revision: str, wer: float, mb: int) -> HubModel:
    return HubModel(f"kb-whisper-{size}", f"KBLab/kb-whisper-{size}", revision, ("sv",), wer, mb,
                    f"KB-Whisper {size}: Whisper {size} trained on 50 000 h of Swedish (KBLab)")  # fmt: skip


def _openai(size: str, revision: str, wer: float, mb: int) -> HubModel:
    return HubModel(f"whisper-{size}", f"Systran/faster-whisper-{size}", revision, ("multi", "sv"), wer, mb,
                    f"OpenAI Whisper {size}, multilingual, CTranslate2 conversion")  # fmt: skip


# Every KBLab size publishes CTranslate2 weights (model.bin) at the root of its repository,
# beside the transformers, GGML and ONNX checkpoints. The `subtitle` revision of
# kb-whisper-large publishes transformers weights only, so it is converted here.
CATALOGUE: dict[str, HubModel] = {
    m.name: m
    for m in (
        _kb("tiny", "main", 13.2, 76),
        _kb("base", "main", 9.1, 145),
        _kb("small", "main", 7.3, 484),
        _kb("medium", "main", 6.6, 1530),
        _kb("large", "86d21ea19d64f258c4cc7ccca85c017ba42fa76b", 5.4, 3090),
        HubModel("kb-whisper-large-subtitle", "KBLab/kb-whisper-large", "50b62f493fa513926007d388f76cce9659bce123",
                 ("sv",), None, 3220, "KB-Whisper large, condensed subtitle style (converted here, int8)"),
        _openai("tiny", "main", 59.2, 75),
        _openai("small", "536b0662742c02347bc0e980a01041f333bce120", 20.6, 484),
        _openai("medium", "main", 12.1, 1530),
        _openai("large-v3", "main", 7.8, 3090),
    )
}  # fmt: skip


@dataclass
class Installed:
    name: str
    path: Path
    repo: str
    revision: str
    size: int
    converted: bool
    already: bool = False


def endpoint() -> str:
    """The hub (or an organisation's mirror) named by HF_ENDPOINT, read at call time."""
    return (os.environ.get("HF_ENDPOINT") or DEFAULT_ENDPOINT).rstrip("/")


@contextmanager
def online() -> Iterator[None]:
    """Lift the product-wide HF_HUB_OFFLINE for the duration of one explicit fetch."""
    saved = hf_constants.HF_HUB_OFFLINE
    hf_constants.HF_HUB_OFFLINE = False
    try:
        yield
    finally:
        hf_constants.HF_HUB_OFFLINE = saved


def _unreachable(exc: Exception, what: str, url: str) -> HubUnreachable:
    if isinstance(exc, HfHubHTTPError):
        status = exc.response.status_code if exc.response is not None else "?"
        return HubUnreachable(f"modellhubben på {url} nekade {what} (HTTP {status}); kontrollera namnet och --revision")
    reason = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    return HubUnreachable(
        f"når inte modellhubben på {url} ({reason}); hämta modellen på en dator med nät "
        "och för över den med 'transcribe models export' / 'transcribe models import'"
    )


def _spec(name: str, revision: str | None) -> tuple[str, str, str, HubModel | None]:
    """(local name, repo, revision, catalogue entry) for a catalogue name or an owner/repo id."""
    if name in CATALOGUE:
        spec = CATALOGUE[name]
        return spec.name, spec.repo, revision or spec.revision, spec
    if "/" in name and not name.startswith(("/", ".")) and name.count("/") == 1:
        return name.split("/")[1], name, revision or "main", None
    raise BadOption(f"okänd modell '{name}'; välj bland {', '.join(CATALOGUE)} eller ange ett förråd som ÄGARE/NAMN")


def git_blob_sha1(path: Path) -> str:
    """The git object id of a file, as the hub publishes it for files not stored in LFS."""
    h = hashlib.sha1(usedforsecurity=False)
    h.update(f"blob {path.stat().st_size}\0".encode())
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class _ProgressFile:
    """The open part file; moves the progress bar to the bytes on disk as http_get writes."""

    def __init__(self, fh, progress: Progress, task: int, base: int) -> None:
        self.fh, self.progress, self.task, self.base = fh, progress, task, base

    def write(self, data: bytes) -> int:
        n = self.fh.write(data)
        self.progress.update(self.task, completed=self.base + self.fh.tell())
        return n

    def seek(self, *args: int) -> int:
        return self.fh.seek(*args)

    def tell(self) -> int:
        return self.fh.tell()

    def truncate(self, *args: int) -> int:
        return self.fh.truncate(*args)


def _plan(info, wanted: tuple[str, ...]) -> dict[str, dict[str, object]]:
    """The wanted files present in the repository, with the size and checksum the hub publishes."""
    plan: dict[str, dict[str, object]] = {}
    for sib in info.siblings or []:
        if sib.rfilename not in wanted:
            continue
        if sib.lfs is not None:
            plan[sib.rfilename] = {"size": int(sib.lfs.size), "sha256": sib.lfs.sha256}
        elif sib.blob_id and sib.size is not None:
            plan[sib.rfilename] = {"size": int(sib.size), "git_sha1": sib.blob_id}
        else:
            raise HubUnreachable(f"modellhubben publicerar ingen kontrollsumma för {sib.rfilename}; den hämtas inte")
    return plan


def _on_disk(staging: Path, rel: str) -> int:
    """Bytes of a file already fetched, whole or as a part to resume."""
    for f in (staging / rel, staging / f"{rel}.incomplete"):
        if f.is_file():
            return f.stat().st_size
    return 0


def _check_space(directory: Path, needed: int) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(directory).free
    if free < needed + SPACE_MARGIN:
        raise DiskFull(
            f"för lite ledigt diskutrymme i {directory}: modellen behöver {needed / 1e6:,.0f} MB till, "
            f"{free / 1e6:,.0f} MB är lediga; frigör utrymme och försök igen"
        )


def _download(url: str, repo: str, commit: str, plan: dict[str, dict[str, object]], staging: Path,
              show: bool) -> None:  # fmt: skip
    """Fetch each planned file into staging, resuming any `.incomplete` part, and verify it."""
    total = sum(int(m["size"]) for m in plan.values())
    done = sum(int(m["size"]) for f, m in plan.items() if (staging / f).is_file())
    console = Console(stderr=True)
    columns = (TextColumn("{task.description:<24}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
               TimeRemainingColumn())  # fmt: skip
    headers = build_hf_headers()
    disable_progress_bars()  # the rich bar below replaces huggingface_hub's own
    with Progress(*columns, console=console, disable=not show) as progress:
        task = progress.add_task(repo, total=total, completed=done)
        for rel, meta in plan.items():
            final = staging / rel
            if final.is_file():
                continue
            part = staging / f"{rel}.incomplete"
            have = part.stat().st_size if part.exists() else 0
            if have > int(meta["size"]):  # not ours: start over
                part.unlink()
                have = 0
            if not show:
                console.print(
                    f"{rel}: {int(meta['size']) / 1e6:,.1f} MB" + (f", fortsätter vid {have} byte" if have else "")
                )
            with open(part, "ab") as fh:
                http_get(hf_hub_url(repo, rel, revision=commit, endpoint=url),
                         _ProgressFile(fh, progress, task, done),
                         resume_size=have, headers=headers, expected_size=int(meta["size"]),
                         displayed_filename=rel)  # fmt: skip
                fh.flush()
                os.fsync(fh.fileno())
            _verify_download(part, rel, meta)
            part.replace(final)
            done += int(meta["size"])


def _verify_download(part: Path, rel: str, meta: dict[str, object]) -> None:
    size = part.stat().st_size
    ok = size == meta["size"]
    if ok and "sha256" in meta:
        ok = models.sha256_file(part) == meta["sha256"]
    elif ok:
        ok = git_blob_sha1(part) == meta["git_sha1"]
    if not ok:
        part.unlink()
        raise ModelCorrupt(
            f"{rel} stämmer inte med kontrollsumman som hubben publicerar ({size} byte); filen togs bort och "
            "inget installerades: kör samma kommando igen"
        )


def convert(source: Path, out: Path, quantization: str = "int8") -> None:
    """A transformers Whisper checkpoint to CTranslate2, with its tokenizer copied beside it."""
    # Loaded here only: the converter pulls in transformers and torch, which nothing else in `get` needs.
    from ctranslate2.converters import TransformersConverter

    copy = [f for f in ("tokenizer.json", "preprocessor_config.json") if (source / f).exists()]
    try:
        TransformersConverter(str(source), copy_files=copy, low_cpu_mem_usage=True).convert(
            str(out), quantization=quantization, force=True
        )
    except (OSError, ValueError, RuntimeError, KeyError) as exc:
        raise ModelCorrupt(
            f"konverteringen av {source.name} till CTranslate2 misslyckades: {str(exc).splitlines()[0]}"
        ) from exc


def record_files(directory: Path) -> dict[str, dict[str, object]]:
    """Size and SHA-256 of every file in a model directory, as the registry keeps them."""
    return {
        str(f.relative_to(directory)): {"size": f.stat().st_size, "sha256": models.sha256_file(f)}
        for f in sorted(directory.rglob("*"))
        if f.is_file()
    }


def install_dir(staging: Path, name: str) -> Path:
    """Move a complete model directory into models/NAME, replacing an older copy only once it is whole."""
    target = models_dir() / name
    old = target.with_name(f".{name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.replace(old)
    staging.replace(target)
    shutil.rmtree(old, ignore_errors=True)
    return target


def get(name: str, revision: str | None = None, as_name: str | None = None, force: bool = False,
        show_progress: bool = True) -> Installed:  # fmt: skip
    """Fetch, verify, (convert,) install and register a model; the registry sees only a whole model."""
    local, repo, rev, spec = _spec(name, revision)
    local = models.check_name(as_name or local)
    entry = models.registered(local)
    if entry is not None and not force and entry.get("repo") == repo and Path(str(entry["path"])).exists():
        path = models.verify(local, deep=True)
        size = sum(int(m["size"]) for m in (entry.get("files") or {}).values())
        return Installed(local, path, repo, str(entry.get("revision")), size, bool(entry.get("converted")), True)
    url = endpoint()
    with online():
        try:
            info = HfApi(endpoint=url).model_info(repo, revision=rev, files_metadata=True, timeout=30)
        except (HfHubHTTPError, OfflineModeIsEnabled, httpx2.HTTPError, OSError) as exc:
            raise _unreachable(exc, f"{repo}@{rev}", url) from exc
        names = {s.rfilename for s in info.siblings or []}
        converted = "model.bin" not in names
        if converted and not ({"model.safetensors", "config.json"} <= names):
            raise ModelMissing(
                f"{repo}@{rev} har varken CTranslate2- eller transformers-vikter för Whisper; välj en annan modell"
            )
        plan = _plan(info, HF_FILES if converted else CT2_FILES)
        commit = str(info.sha or rev)
        incoming = models_dir() / ".incoming" / local
        for stale in incoming.glob("*") if incoming.exists() else []:
            if stale.name != commit:  # a part of another revision can never be resumed into this one
                shutil.rmtree(stale, ignore_errors=True)
        staging = incoming / commit
        staging.mkdir(parents=True, exist_ok=True)
        needed = sum(int(m["size"]) - _on_disk(staging, f) for f, m in plan.items())
        if converted:
            needed += int(plan["model.safetensors"]["size"]) // 2  # the int8 result beside its source
        _check_space(models_dir(), needed)
        try:
            _download(url, repo, commit, plan, staging, show_progress)
        except (HfHubHTTPError, OfflineModeIsEnabled, httpx2.HTTPError) as exc:
            raise _unreachable(exc, f"{repo}@{commit[:12]}", url) from exc
        except OSError as exc:
            if "Consistency check failed" in str(exc):
                raise _unreachable(exc, f"{repo}@{commit[:12]}", url) from exc
            raise
    if converted:
        ready = incoming / f"{commit}.ct2"
        convert(staging, ready)
        source_files = {f: plan[f] for f in plan}
    else:
        ready, source_files = staging, {}
    models.check_dir(ready, "whisper")
    return _finish(local, repo, commit, ready, spec, converted, source_files, incoming)


def _finish(local: str, repo: str, commit: str, ready: Path, spec: HubModel | None, converted: bool,
            source_files: dict[str, dict[str, object]], incoming: Path) -> Installed:  # fmt: skip
    files = record_files(ready)
    target = install_dir(ready, local)
    shutil.rmtree(incoming, ignore_errors=True)
    meta: dict[str, object] = {
        "source": "hub",
        "repo": repo,
        "revision": commit,
        "files": files,
        "converted": converted,
        "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "description": spec.description if spec else "",
        "languages": list(spec.languages) if spec else [],
        "wer": {"sv": spec.wer_sv, "benchmark": "FLEURS", "cite": CITE} if spec and spec.wer_sv else {},
    }
    if converted:
        meta["converted_from"] = source_files
        meta["quantization"] = "int8"
    models.register(local, target, "whisper", meta)
    models.verify(local, deep=False)
    size = sum(int(m["size"]) for m in files.values())
    return Installed(local, target, repo, commit, size, converted)


def catalogue_rows() -> list[dict[str, object]]:
    installed = {e.name for e in models.list_models() if e.present}
    return [
        {"name": m.name, "repo": m.repo, "revision": m.revision, "languages": ",".join(m.languages),
         "wer": f"{m.wer_sv} % (FLEURS sv; {CITE})" if m.wer_sv else "", "size_mb": m.approx_mb,
         "installed": m.name in installed, "description": m.description}
        for m in CATALOGUE.values()
    ]  # fmt: skip
