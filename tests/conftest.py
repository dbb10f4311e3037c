"""Shared fixtures: real Swedish speech made with espeak-ng, and the real bundled model."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

import numpy as np
import pytest
from xdist.scheduler import LoadFileScheduling

REPO = Path(__file__).resolve().parent.parent
pytest_plugins = ["tests.webfixtures"]  # the web fixtures several test files share
if os.environ.get("PYTEST_XDIST_WORKER"):
    # pytest-xdist's worker processes are started with COLUMNS=80, which fixes the width of every rich console
    # made after it (`models list` would wrap as on a narrow terminal whatever the test asks); a one-process
    # run has no COLUMNS.
    os.environ.pop("COLUMNS", None)
SAMPLES = REPO / "samples"

SWEDISH = (
    "Hej och välkomna till nätverksmötet. Jag heter Anna Lindqvist och jag är rektor på Kanalskolan. "
    "Vi beslutar att starta en arbetsgrupp. Nästa möte blir den fjortonde december klockan halv tre."
)


def have(tool: str) -> bool:
    return shutil.which(tool) is not None


def speak(text: str, path: Path, voice: str = "sv", pitch: int = 50, speed: int = 160) -> Path:
    """Swedish speech from espeak-ng, resampled to 16 kHz mono with sox."""
    raw = path.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-v", voice, "-p", str(pitch), "-s", str(speed), "-w", str(raw), text], check=True)
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", str(path)], check=True)
    raw.unlink()
    return path


@pytest.fixture(scope="session")
def speech_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (have("espeak-ng") and have("sox")):
        pytest.fail("espeak-ng and sox are required (./setup.sh installs them)")
    return speak(SWEDISH, tmp_path_factory.mktemp("speech") / "speech.wav", speed=130)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Registries and databases go to a temporary directory, never the user's."""
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path_factory.getbasetemp() / "data"))


# Two clearly different espeak voices (variant, pitch, speed, sox effects), made the way samples/generate.py
# makes them: a low man's voice and a high woman's voice.
LOW_VOICE = ("sv+m3", 40, 165, ["pitch", "-250", "bass", "+3"])
HIGH_VOICE = ("sv+f2", 60, 175, ["pitch", "200", "treble", "+3"])


def synth_voice(tmp: Path, voice: tuple[str, int, int, list[str]], text: str, trim: bool = False) -> np.ndarray:
    """espeak-ng + a sox effect chain as float32 16 kHz samples, peak-normalised to 0.5."""
    variant, pitch, speed, effects = voice
    raw, out = tmp / "raw.wav", tmp / "out.raw"
    subprocess.run(["espeak-ng", "-v", variant, "-p", str(pitch), "-s", str(speed), "-w", str(raw), text], check=True)
    subprocess.run(["sox", "-V1", str(raw), "-r", "16000", "-c", "1", "-e", "floating-point", "-b", "32",
                    "-t", "raw", str(out), *effects], check=True)  # fmt: skip
    x = np.fromfile(out, dtype=np.float32)
    if trim:
        loud = np.flatnonzero(np.abs(x) > 0.02)
        x = x[loud[0] : loud[-1] + 1]
    return 0.5 * x / np.abs(x).max()


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Files that load the bundled language model run in one process, one after the other: in a clean clone the model is
# dequantised (about 80 CPU-s) and loaded (about 10) once, and no process sits waiting for another's conversion.
BUNDLED_LLM_FILES = ("test_llm_grounding.py", "test_minutes_llm.py", "test_llm_runtime.py")


def process_group(nodeid: str) -> str:
    """The tests one process runs together: their file, or all of BUNDLED_LLM_FILES."""
    file = nodeid.split("::", 1)[0]
    return "bundled-llm" if Path(file).name in BUNDLED_LLM_FILES else file


class FileGroups(LoadFileScheduling):
    """`--dist loadfile`, with BUNDLED_LLM_FILES as one file."""

    def _split_scope(self, nodeid: str) -> str:
        return process_group(nodeid)


@pytest.hookimpl(optionalhook=True)  # an xdist hook
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> LoadFileScheduling | None:
    return FileGroups(config, log) if config.getvalue("dist") == "loadfile" else None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The language model's group first (in a clean clone it converts the model, the longest step of the run),
    then groups with slow or browser tests, most such tests first; the order within a file stays.

    With `-n 2 --dist loadfile --no-loadscope-reorder` (pyproject.toml) the two processes take whole groups in
    this order, so the long ones start at once - the model's group in one process, the network and job-fault
    files in the other - and the many short files fill in at the end. xdist's own order (most tests first) left
    the long files, which hold few tests, for last, where one process ran them alone."""
    heavy: dict[str, int] = {}
    for item in items:
        if item.get_closest_marker("slow") or item.get_closest_marker("browser"):
            heavy[process_group(item.nodeid)] = heavy.get(process_group(item.nodeid), 0) + 1
    heavy["bundled-llm"] = max(heavy.values(), default=0) + 1
    items.sort(key=lambda item: -heavy.get(process_group(item.nodeid), 0))
