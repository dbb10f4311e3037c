"""Carry a model to an air-gapped machine: `models export NAME FILE` and `models import FILE`.

One uncompressed tar (model weights do not compress): `manifest.json` first
(name, kind, where the model came from, published WER, every file's size and
SHA-256), then `SHA256SUMS` (readable with `sha256sum -c` after extracting),
then the files under `model/`. Import checks every member against the
manifest while extracting into `models/.incoming/`, and only a complete,
verified model is moved into `models/NAME/` and registered.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from transcribe import models
from transcribe.config import models_dir
from transcribe.errors import InputNotFound, ModelCorrupt, OutputExists, OutputNotWritable
from transcribe.models import hub as model_hub

FORMAT = "protokoll-model/1"
PREFIX = "model/"


def _member(name: str, data: bytes) -> tuple[tarfile.TarInfo, io.BytesIO]:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o644
    info.mtime = int(datetime.now(UTC).timestamp())
    return info, io.BytesIO(data)


def _manifest(name: str) -> tuple[Path, dict[str, object]]:
    """The model's directory and manifest, after a deep check: a damaged model is never exported."""
    canonical = models.ALIASES.get(name, name)
    path = models.verify(canonical, deep=True)
    if canonical in models.BUNDLED:
        spec = models.BUNDLED[canonical]
        meta: dict[str, object] = {"kind": spec.kind, "source": "bundled", "description": spec.description,
                                   "languages": list(spec.languages), "wer": spec.wer}  # fmt: skip
        files = model_hub.record_files(path)
    else:
        entry = dict(models.registered(canonical) or {})
        files = entry.pop("files", None) or model_hub.record_files(path)
        entry.pop("path", None)
        meta = entry
    return path, {"format": FORMAT, "name": canonical, **meta, "files": files,
                  "exported_at": datetime.now(UTC).isoformat(timespec="seconds")}  # fmt: skip


def export(name: str, target: Path, overwrite: bool = False) -> Path:
    """Write NAME as one archive with its manifest and checksums; written beside, then renamed."""
    target = Path(target)
    if target.exists() and not overwrite:
        raise OutputExists(f"{target} finns redan; använd --overwrite för att ersätta den")
    path, manifest = _manifest(name)
    files: dict[str, dict[str, object]] = manifest["files"]  # type: ignore[assignment]
    sums = "".join(f"{m['sha256']}  {PREFIX}{rel}\n" for rel, m in files.items())
    tmp = target.with_name(f".{target.name}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(tmp, "w", format=tarfile.PAX_FORMAT) as tar:
            tar.addfile(*_member("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False).encode()))
            tar.addfile(*_member("SHA256SUMS", sums.encode()))
            for rel in files:
                tar.add(path / rel, arcname=PREFIX + rel, recursive=False)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, PermissionError):
            raise OutputNotWritable(f"kan inte skriva {target}: åtkomst nekad") from exc
        raise
    return target


def _copy_checked(tar: tarfile.TarFile, member: tarfile.TarInfo, dest: Path) -> str:
    src = tar.extractfile(member)
    if src is None:
        raise ModelCorrupt(f"arkivdelen {member.name} är ingen vanlig fil; arkivet är skadat")
    h = hashlib.sha256()
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest, "wb") as out:
        for block in iter(lambda: src.read(1 << 20), b""):
            h.update(block)
            out.write(block)
    return h.hexdigest()


def import_archive(archive: Path, as_name: str | None = None) -> tuple[str, Path]:
    """Verify every file of an exported model against its manifest, then install and register it."""
    archive = Path(archive)
    if not archive.is_file():
        raise InputNotFound(f"{archive} finns inte; ange sökvägen till ett modellarkiv")
    try:
        tar = tarfile.open(archive, "r:")
    except (tarfile.TarError, OSError) as exc:
        raise ModelCorrupt(f"{archive} är inget modellarkiv skrivet av 'transcribe models export'") from exc
    with tar:
        first = tar.next()
        if first is None or first.name != "manifest.json" or not first.isfile():
            raise ModelCorrupt(f"{archive} börjar inte med manifest.json; skriv arkivet med 'transcribe models export'")
        try:
            manifest = json.loads(tar.extractfile(first).read())  # type: ignore[union-attr]
        except ValueError as exc:
            raise ModelCorrupt(f"{archive}: manifest.json är inte giltig JSON; arkivet är skadat") from exc
        if manifest.get("format") != FORMAT:
            raise ModelCorrupt(
                f"{archive}: okänt arkivformat {manifest.get('format')!r}; skriv arkivet med 'transcribe models export'"
            )
        name = models.check_name(as_name or str(manifest["name"]))
        files: dict[str, dict[str, object]] = manifest["files"]
        staging = models_dir() / ".incoming" / f"{name}.import"
        shutil.rmtree(staging, ignore_errors=True)
        seen: set[str] = set()
        try:
            for member in tar:
                if member.name in ("manifest.json", "SHA256SUMS"):
                    continue
                rel = member.name.removeprefix(PREFIX)
                if not member.name.startswith(PREFIX) or rel not in files or not member.isfile() or rel in seen:
                    raise ModelCorrupt(
                        f"{archive}: oväntad fil {member.name!r} (finns inte i manifestet); arkivet är skadat"
                    )
                digest = _copy_checked(tar, member, staging / rel)
                if member.size != files[rel]["size"] or digest != files[rel]["sha256"]:
                    raise ModelCorrupt(f"{archive}: {rel} har fel SHA-256-summa; arkivet är skadat")
                seen.add(rel)
            missing = sorted(set(files) - seen)
            if missing:
                raise ModelCorrupt(f"{archive} är ofullständigt: {', '.join(missing)} saknas; exportera modellen igen")
            models.check_dir(staging, str(manifest.get("kind", "whisper")))
        except (ModelCorrupt, tarfile.TarError, OSError) as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(exc, ModelCorrupt):
                raise
            raise ModelCorrupt(
                f"{archive} är avkortat eller oläsbart ({exc.__class__.__name__}); exportera modellen igen"
            ) from exc
    target = model_hub.install_dir(staging, name)
    meta = {k: v for k, v in manifest.items() if k not in ("format", "name", "kind", "exported_at")}
    meta.update({"source": "import", "origin_source": manifest.get("source"), "imported_from": archive.name,
                 "imported_at": datetime.now(UTC).isoformat(timespec="seconds")})  # fmt: skip
    models.register(name, target, str(manifest.get("kind", "whisper")), meta)
    models.verify(name, deep=False)
    return name, target
