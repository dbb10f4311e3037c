"""Evidence that nothing leaves the machine: watch a command at the system-call level.

Patching Python's sockets cannot see native libraries (onnxruntime's telemetry is C++), so the
watch sits where every library ends up: strace follows the command and every process and thread it
starts, and records each connect/sendto/sendmsg and each file created or opened for writing. A
contact is allowed only to loopback (the web app, Redis, PostgreSQL); a DNS query is never allowed,
not even to a local resolver, because answering it means asking the network. A write is allowed only
under the directories the tool is meant to use (data, output, models, temporary files, Python's
bytecode cache). `transcribe privacy-check` runs a bundled sample (or any command) this way.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer

from transcribe import ENV_BEFORE_SWITCHES
from transcribe.audio import probe
from transcribe.config import REPO_DIR, SAMPLES_DIR, data_dir, models_dir
from transcribe.errors import BadOption, MissingTool, UserError
from transcribe.minutes.openai_client import destination
from transcribe.strace_log import FILE_CALLS, NET_CALLS, Contact, parse_log

# Devices and kernel interfaces a process may open for writing without leaving anything behind.
SYSTEM_PATHS = (Path("/dev/null"), Path("/dev/zero"), Path("/dev/tty"), Path("/dev/pts"), Path("/dev/shm"),
                Path("/proc"))  # fmt: skip
SAMPLE = SAMPLES_DIR / "uppfoljning" / "meeting.ogg"
STALE_PARTS = ("Microsoft", "DeveloperTools", ".onnxruntime")


class PrivacyViolation(UserError):
    """Something was contacted beyond loopback, or written outside the allowed directories."""

    exit_code = 30


class WatchIncomplete(UserError):
    """The watched command failed, or strace could not follow it: no evidence either way."""

    exit_code = 31


# --------------------------------------------------------------------------- running under strace


def strace_prefix(log: Path) -> list[str]:
    """The strace invocation that records into `log`; a one-line error if strace is missing."""
    exe = shutil.which("strace")
    if exe is None:
        raise MissingTool("strace saknas: installera det (Debian: apt-get install strace)")
    calls = ",".join((*NET_CALLS, *FILE_CALLS))
    # -f: every child and thread; -y: absolute paths of fds; -s: whole DNS queries; -qq: no attach noise.
    return [exe, "-f", "--seccomp-bpf", "-qq", "-y", "-s", "512", "-e", f"trace={calls}", "-o", str(log), "--"]


class Watched:
    """A command running under strace: `wait()` or `stop()` it, then `report(allowed)`.

    strace blocks fatal signals when it runs a command (its default with -o), so `stop()` can send
    SIGTERM to the whole process group and only the command, shutting down cleanly, receives it.
    """

    def __init__(self, command: Sequence[str], log: Path, *, env: Mapping[str, str] | None = None,
                 cwd: Path | None = None, stdout=None, stderr=None) -> None:  # fmt: skip
        self.command, self.log, self.cwd = [str(c) for c in command], Path(log), Path(cwd or Path.cwd())
        self.proc = subprocess.Popen([*strace_prefix(self.log), *self.command], env=None if env is None else dict(env),
                                     cwd=self.cwd, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL,
                                     start_new_session=True)  # fmt: skip

    def wait(self, timeout: float | None = None) -> int:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            raise

    def stop(self, timeout: float = 30.0) -> int:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                return self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return self.proc.wait()

    def report(self, allowed: Iterable[Path]) -> Report:
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        contacts, written = parse_log(text, self.cwd)
        return Report(self.command, self.proc.returncode, bool(text.strip()), contacts, written,
                      [Path(p) for p in allowed])  # fmt: skip


def watch(command: Sequence[str], log: Path, allowed: Iterable[Path], *, env: Mapping[str, str] | None = None,
          cwd: Path | None = None, timeout: float | None = None, stdout=None, stderr=None) -> Report:  # fmt: skip
    """Run `command` to its end under strace and report what it contacted and wrote."""
    watched = Watched(command, log, env=env, cwd=cwd, stdout=stdout, stderr=stderr)
    watched.wait(timeout)
    return watched.report(allowed)


# --------------------------------------------------------------------------- judging


def _under(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def is_bytecode_cache(path: Path) -> bool:
    """Python's own .pyc cache beside the interpreter's or this project's modules."""
    if "__pycache__" not in path.parts:
        return False
    roots = {Path(sys.prefix), Path(sys.base_prefix), REPO_DIR}
    return any(_under(path, r.resolve()) or _under(path, r) for r in roots)


@dataclass
class Report:
    command: list[str]
    exit_code: int | None
    traced: bool  # strace recorded anything at all (it cannot when ptrace is not permitted)
    contacts: list[Contact]
    written: list[Path]
    allowed: list[Path] = field(default_factory=list)

    @property
    def outside(self) -> list[Contact]:
        return [c for c in self.contacts if not c.local]

    @property
    def local(self) -> list[Contact]:
        return [c for c in self.contacts if c.local]

    def allowed_root(self, path: Path) -> Path | None:
        for root in sorted({*self.allowed, *SYSTEM_PATHS}, key=lambda p: -len(p.parts)):
            if _under(path, root) or _under(path, root.resolve()):
                return root
        return None

    @property
    def stray(self) -> list[Path]:
        seen = dict.fromkeys(self.written)
        return [p for p in seen if self.allowed_root(p) is None and not is_bytecode_cache(p)]

    @property
    def clean(self) -> bool:
        return self.traced and not self.outside and not self.stray

    def to_dict(self) -> dict[str, object]:
        return {
            "command": self.command,
            "exit_code": self.exit_code,
            "traced": self.traced,
            "contacted": sorted({str(c) for c in self.outside}),
            "loopback": dict(Counter(str(c) for c in self.local)),
            "written": sorted({str(p) for p in self.written}),
            "outside_allowed": [str(p) for p in self.stray],
            "allowed": [str(p) for p in self.allowed],
            "clean": self.clean,
        }


def default_allowed(*extra: Path) -> list[Path]:
    """Where the tool may write: its data and model directories, temporary files, and `extra`."""
    dirs = [data_dir(), models_dir(), Path(tempfile.gettempdir()), *extra]
    return [Path(os.path.abspath(d)) for d in dirs]


def child_env(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """`base` (default: this process's) without the switches this package set on import, so the
    watched command has to switch telemetry off by itself."""
    env = dict(os.environ if base is None else base)
    for key, before in ENV_BEFORE_SWITCHES.items():
        if before is None:
            env.pop(key, None)
        else:
            env[key] = before
    return env


# --------------------------------------------------------------------------- stale telemetry queues


def stale_telemetry_dirs(env: Mapping[str, str] | None = None) -> list[Path]:
    """onnxruntime's telemetry queue and device id, left by runs before telemetry was switched off."""
    env = os.environ if env is None else env
    caches = [Path(env["XDG_CACHE_HOME"])] if env.get("XDG_CACHE_HOME") else []
    caches.append(Path(env.get("HOME") or Path.home()) / ".cache")
    found = [c.joinpath(*STALE_PARTS) for c in dict.fromkeys(caches)]
    return [d for d in found if d.is_dir()]


def remove_stale(directory: Path) -> None:
    """Remove the queue directory, then its Microsoft/DeveloperTools parents if nothing else is in them."""
    shutil.rmtree(directory)
    for parent in (directory.parent, directory.parent.parent):
        try:
            parent.rmdir()
        except OSError:
            break  # another Microsoft tool keeps its files there


def _clean_stale(yes: bool) -> None:
    found = stale_telemetry_dirs()
    if not found:
        typer.echo("Ingen kvarlämnad telemetrikö från onnxruntime hittades.")
        return
    for directory in found:
        files = sorted(p.name for p in directory.iterdir())
        typer.echo(f"{directory}: {', '.join(files) or 'tom'}")
        if not yes:
            try:
                keep = not typer.confirm("Ta bort den (enhets-id och köade telemetrihändelser)?", default=False)
            except typer.Abort as exc:  # no answer (stdin closed): never remove silently
                raise BadOption(
                    f"{directory} togs inte bort: inget svar (ange --yes för att ta bort utan att fråga)"
                ) from exc
            if keep:
                typer.echo("Behålls.")
                continue
        remove_stale(directory)
        typer.echo(f"Borttagen: {directory}")


# --------------------------------------------------------------------------- `transcribe privacy-check`


def _sample_slice(audio: Path, seconds: float, scratch: Path) -> Path:
    """The first `seconds` of `audio` as 16 kHz mono WAV; bad input ends like `transcribe run` does."""
    info = probe(audio)
    clip = scratch / f"{audio.stem}-{min(seconds, info.duration):.0f}s.wav"
    done = subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", str(audio), "-t", str(seconds),
                           "-ac", "1", "-ar", "16000", str(clip)], capture_output=True, text=True)  # fmt: skip
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["ffmpeg failed"])[-1]
        raise BadOption(f"kan inte klippa {seconds:.0f} s ur {audio}: {last}")
    return clip


SHOWN = 60  # paths listed per directory


def _renamed_temporary(path: Path, written: list[Path]) -> bool:
    """`.NAME.xxxx.part` beside NAME: an atomic write's temporary file (transcribe.fsutil)."""
    name = path.name
    return (
        name.startswith(".")
        and name.endswith(".part")
        and any(o.parent == path.parent and name.startswith(f".{o.name}.") for o in written if o != path)
    )


def print_report(report: Report) -> None:
    """What was contacted and written, in words an administrator can check."""
    echo = typer.echo
    echo(f"Övervakat kommando: {shlex.join(report.command)} (slutkod {report.exit_code})")
    outside = Counter(str(c) for c in report.outside)
    echo("Kontaktat utanför datorn: " + ("inget" if not outside else ""))
    for what, n in outside.most_common():
        echo(f"  {what}  ×{n}")
    local = Counter(str(c) for c in report.local)
    if local:
        echo("Lokala anslutningar (loopback): " + ", ".join(f"{w} ×{n}" for w, n in local.most_common()))
    paths = list(dict.fromkeys(report.written))
    stray = set(report.stray)
    echo(f"Skrivna filer och kataloger: {len(paths)}")
    groups: dict[str, list[Path]] = {}
    for p in paths:
        if p in stray:
            continue
        root = report.allowed_root(p)
        groups.setdefault(str(root) if root else "Pythons bytekodcache (__pycache__)", []).append(p)
    for root, items in groups.items():
        shown = [p for p in items if not _renamed_temporary(p, items)]
        hidden = (
            f" ({len(items) - len(shown)} tillfälliga, omdöpta till sina slutliga namn)"
            if len(shown) < len(items)
            else ""
        )
        echo(f"  i {root}: {len(items)}{hidden}")
        for p in shown[:SHOWN]:
            echo(f"    {p}")
        if len(shown) > SHOWN:
            echo(f"    … och {len(shown) - SHOWN} till")
    echo("Skrivet utanför tillåtna kataloger: " + ("inget" if not stray else ""))
    for p in report.stray:
        echo(f"  {p}")
    llm = destination()
    if llm:
        echo(f"Inställt för protokollutkast: {llm}")


def privacy_check(
    command: Annotated[list[str] | None, typer.Argument(help="Övervaka detta kommando i stället (efter --)")] = None,
    audio: Annotated[Path | None, typer.Option(help="Inspelning att köra (standard: ett medföljande provmöte)")] = None,
    seconds: Annotated[float, typer.Option(help="Så många sekunder av inspelningen körs")] = 20.0,
    allow: Annotated[list[Path] | None, typer.Option(help="Ytterligare katalog där filer får skrivas")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Rapporten som JSON")] = False,
    clean_stale: Annotated[
        bool, typer.Option("--clean-stale", help="Ta bort en kvarlämnad telemetrikö från onnxruntime (frågar först)")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Fråga inte innan något tas bort")] = False,
) -> None:
    """Visa att inget lämnar datorn: kör ett provmöte under strace och redovisa kontakter och skrivna filer.

    Slutkod 0: inget kontaktades utanför loopback och inget skrevs utanför tillåtna kataloger.
    30: något gjorde det. 31: körningen misslyckades eller kunde inte övervakas. 11: strace saknas.
    """
    if clean_stale:
        _clean_stale(yes)
        return
    if seconds <= 0:
        raise BadOption("--seconds måste vara större än noll")
    with tempfile.TemporaryDirectory(prefix="protokoll-privacy-") as tmp:
        scratch = Path(tmp)
        log = scratch / "strace.log"
        strace_prefix(log)  # strace missing: one line, before any work
        if command:
            cmd = list(command)
        else:
            source = audio or SAMPLE
            if audio is None and not SAMPLE.exists():
                raise BadOption(f"inget medföljande exempel i {SAMPLE}: ange --audio FIL")
            clip = _sample_slice(source, seconds, scratch)
            cmd = [sys.executable, "-m", "transcribe.cli", "run", str(clip), "--out", str(scratch / "out"), "--quiet"]
        allowed = default_allowed(scratch, *(allow or []))
        if not as_json:
            typer.echo("Övervakar med strace: nätverkskontakter och skrivna filer …", err=True)
        with open(scratch / "run.log", "wb") as run_log:
            quiet = {"stdout": run_log, "stderr": subprocess.STDOUT} if not command else {}
            report = watch(cmd, log, allowed, env=child_env(), **quiet)
        tail = (scratch / "run.log").read_text(errors="replace").strip().splitlines()[-1:]
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_report(report)
        for directory in stale_telemetry_dirs():
            typer.echo(f"Obs: en äldre telemetrikö från onnxruntime finns kvar i {directory}; "
                       "ta bort den med `transcribe privacy-check --clean-stale`.")  # fmt: skip
    if not report.traced:
        raise WatchIncomplete("strace kunde inte följa kommandot (är ptrace tillåtet här?)")
    if report.outside or report.stray:
        raise PrivacyViolation(f"{len(set(map(str, report.outside)))} kontakt(er) utanför den här datorn, "
                               f"{len(report.stray)} sökväg(ar) skrivna utanför de tillåtna katalogerna")  # fmt: skip
    if report.exit_code != 0:
        why = f": {tail[0]}" if tail and not command else ""
        raise WatchIncomplete(
            f"det övervakade kommandot misslyckades (slutkod {report.exit_code}){why}; inget läckte under tiden"
        )
    if not as_json:
        typer.echo("Inget lämnade datorn.")


def register(app: typer.Typer) -> None:
    """Add `transcribe privacy-check` to the main CLI."""
    app.command("privacy-check", context_settings={"allow_interspersed_args": False})(privacy_check)
