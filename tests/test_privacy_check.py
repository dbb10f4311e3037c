"""`transcribe privacy-check`: it reports a process that reaches out, and says nothing when none does.

The leaking child talks only to 192.0.2.1, a documentation address (TEST-NET-1) that no network routes.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import REPO
from transcribe import TELEMETRY_SWITCHES
from transcribe.cli import main
from transcribe.privacy import stale_telemetry_dirs
from transcribe.strace_log import Contact, parse_log

needs_strace = pytest.mark.skipif(shutil.which("strace") is None, reason="strace missing (./setup.sh installs it)")

LEAK = """
import socket, struct, sys
try:
    socket.create_connection(("192.0.2.1", 9), timeout=1)
except OSError:
    pass
query = struct.pack(">HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0)
query += b"".join(bytes([len(p)]) + p.encode() for p in "telemetry.example".split(".")) + b"\\0\\0\\1\\0\\1"
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try:
    udp.sendto(query, ("192.0.2.1", 53))
except OSError:
    pass
open(sys.argv[1], "w").write("device id")
"""

LOCAL_ONLY = """
import socket, sys
server = socket.create_server(("127.0.0.1", 0))
client = socket.create_connection(server.getsockname(), timeout=5)
client.sendall(b"ping")
open(sys.argv[1], "w").write("ok")
"""


def check(args: list[str], capfd: pytest.CaptureFixture[str], stdin: str = "") -> tuple[int, str, str]:
    """`transcribe privacy-check ARGS` through the real entry point: exit code, stdout, stderr."""
    code = 0
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sys, "argv", ["transcribe", "privacy-check", *args])
        mp.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            main()
        except SystemExit as exc:
            code = int(exc.code or 0)
    out = capfd.readouterr()
    return code, out.out, out.err


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME and the temporary directory apart, so a file in HOME is not a temporary file."""
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    return tmp_path


@needs_strace
def test_a_leaking_child_is_reported_with_its_address_name_and_file(sandbox: Path, capfd) -> None:
    stray = sandbox / "home" / ".cache" / "vendor-device-id"
    stray.parent.mkdir()
    code, out, err = check(["--", sys.executable, "-c", LEAK, str(stray)], capfd)
    assert code == 30, out + err
    assert "192.0.2.1:9" in out
    assert "192.0.2.1:53 (DNS telemetry.example)" in out
    assert str(stray) in out.split("Skrivet utanför tillåtna kataloger:")[1]
    assert err.strip().splitlines()[-1] == "fel: 2 kontakt(er) utanför den här datorn, 1 sökväg(ar) skrivna " \
        "utanför de tillåtna katalogerna"  # fmt: skip


@needs_strace
def test_loopback_and_temporary_files_pass(sandbox: Path, capfd) -> None:
    scratch = sandbox / "tmp" / "note.txt"
    code, out, err = check(["--", sys.executable, "-c", LOCAL_ONLY, str(scratch)], capfd)
    assert code == 0, out + err
    assert "Kontaktat utanför datorn: inget" in out
    assert "Lokala anslutningar (loopback): 127.0.0.1:" in out
    assert str(scratch) in out and out.rstrip().endswith("Inget lämnade datorn.")


@needs_strace
def test_a_failed_watched_command_is_inconclusive(sandbox: Path, capfd) -> None:
    code, _, err = check(["--", sys.executable, "-c", "import sys; sys.exit(3)"], capfd)
    assert code == 31
    last = err.strip().splitlines()[-1]
    assert last == "fel: det övervakade kommandot misslyckades (slutkod 3); inget läckte under tiden"


def test_without_strace_one_line_and_exit_11(sandbox: Path, capfd, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(sandbox / "empty-bin"))
    code, out, err = check([], capfd)
    assert code == 11 and out == ""
    assert err.strip() == "fel: strace saknas: installera det (Debian: apt-get install strace)"


def test_dns_query_from_native_code_is_named() -> None:
    # What onnxruntime 1.32 does on every run unless ORT_DISABLE_TELEMETRY=1 (recorded with strace -f -y).
    log = (
        '7470  connect(8</socket:[1]>, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT\n'
        '7470  connect(8<UDP:[2]>, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16'
        " <unfinished ...>\n"
        '7471  openat(AT_FDCWD</srv>, "out/x.json", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = 5</srv/out/x.json>\n'
        "7470  <... connect resumed>) = 0\n"
        '7470  sendto(8<UDP:[2]>, "\\213?\\1\\0\\0\\1\\0\\0\\0\\0\\0\\0\\6mobile\\6events\\4data\\tmicrosoft\\3com'
        '\\0\\0\\1\\0\\1", 50, MSG_NOSIGNAL, NULL, 0) = 50\n'
        '7471  mkdir("cache", 0700) = 0\n'
        "7472  connect(3<TCP:[3]>, {sa_family=AF_INET6, sin6_port=htons(6379), sin6_flowinfo=htonl(0), "
        'inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0\n'
    )
    contacts, written = parse_log(log, Path("/work"))
    assert contacts == [
        Contact("connect", "AF_INET", "10.255.255.53", 53),
        Contact("sendto", "AF_INET", "10.255.255.53", 53, "mobile.events.data.microsoft.com"),
        Contact("connect", "AF_INET6", "::1", 6379),
    ]
    assert [c.local for c in contacts] == [False, False, True]
    assert written == [Path("/srv/out/x.json"), Path("/srv/cache")]  # relative paths against the process's cwd


def _stale(cache: Path) -> Path:
    queue = cache / "Microsoft" / "DeveloperTools" / ".onnxruntime"
    queue.mkdir(parents=True)
    (queue / "deviceid").write_text("f3c1")
    (queue / "onnxruntime.db").write_bytes(b"SQLite format 3\0")
    return queue


def test_clean_stale_asks_first_and_removes_only_the_onnxruntime_queue(tmp_path: Path, monkeypatch, capfd) -> None:
    home = tmp_path / "home"
    queue = _stale(home / ".cache")
    other = queue.parent / "other-tool"
    other.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert stale_telemetry_dirs() == [queue]

    code, out, _ = check(["--clean-stale"], capfd, stdin="n\n")
    assert code == 0 and "deviceid, onnxruntime.db" in out and queue.exists()
    code, _, err = check(["--clean-stale"], capfd, stdin="")
    assert code == 14 and queue.exists()  # no answer is not a yes
    assert err.strip().endswith("togs inte bort: inget svar (ange --yes för att ta bort utan att fråga)")

    code, out, _ = check(["--clean-stale"], capfd, stdin="y\n")
    assert code == 0 and f"Borttagen: {queue}" in out
    assert not queue.exists() and other.exists()  # another tool's files stay
    assert stale_telemetry_dirs() == []


def test_clean_stale_yes_covers_xdg_cache_and_removes_empty_parents(tmp_path: Path, monkeypatch, capfd) -> None:
    xdg, home = tmp_path / "xdg-cache", tmp_path / "home"
    queues = [_stale(xdg), _stale(home / ".cache")]
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    monkeypatch.setenv("HOME", str(home))
    assert stale_telemetry_dirs() == queues
    code, out, _ = check(["--clean-stale", "--yes"], capfd)
    assert code == 0, out
    assert not (xdg / "Microsoft").exists() and not (home / ".cache" / "Microsoft").exists()
    assert (home / ".cache").is_dir()  # only what onnxruntime made


def test_socket_free_loopback_helper_is_really_local() -> None:
    with socket.socket() as s:  # the address the web app and Redis use in the egress tests
        s.bind(("127.0.0.1", 0))
        assert Contact("connect", "AF_INET", s.getsockname()[0], s.getsockname()[1]).local
    assert not Contact("connect", "AF_INET", "127.0.0.53", 53).local  # a stub resolver still asks the network
    assert not Contact("connect", "AF_INET6", "2001:db8::1", 443).local
    assert Contact("connect", "AF_INET6", "::ffff:127.0.0.1", 5432).local


def test_switches_are_set_by_the_package_and_reach_grandchildren() -> None:
    """A process that imports transcribe switches telemetry off for itself and every process it starts."""
    keys = sorted(TELEMETRY_SWITCHES)
    grandchild = f"import json, os; print(json.dumps({{k: os.environ.get(k) for k in {keys!r}}}))"
    child = f"import subprocess, sys, transcribe; subprocess.run([sys.executable, '-c', {grandchild!r}])"
    env = {k: v for k, v in os.environ.items() if k not in TELEMETRY_SWITCHES}
    done = subprocess.run([sys.executable, "-c", child], env=env, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == TELEMETRY_SWITCHES


def test_readme_privacy_table_names_every_switch() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Privacy", 1)[1].split("\n## ", 1)[0]
    table = [line for line in section.splitlines() if line.startswith("| ")]
    for key, value in TELEMETRY_SWITCHES.items():
        assert any(f"`{key}={value}`" in row for row in table), key
    assert "`MPLCONFIGDIR`" in section


@needs_strace
@pytest.mark.slow
def test_default_check_runs_a_bundled_sample_and_finds_nothing(sandbox: Path, capfd) -> None:
    code, out, err = check(["--seconds", "4"], capfd)
    assert code == 0, out + err
    assert "transcribe.cli run" in out and "Kontaktat utanför datorn: inget" in out
    assert "transcript.json" in out and "minutes.docx" in out  # the files it wrote are listed
    assert out.rstrip().endswith("Inget lämnade datorn.")
    assert not (sandbox / "home" / ".cache" / "Microsoft").exists()


@needs_strace
def test_a_missing_recording_ends_like_transcribe_run(sandbox: Path, capfd) -> None:
    code, out, err = check(["--audio", str(sandbox / "saknas.m4a")], capfd)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "saknas.m4a" in err
