"""Privacy: the whole pipeline runs with outbound networking blocked, and tries no connection."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

GUARD = """
import json, os, socket

LOG = os.environ["NETGUARD_LOG"]

def _allowed(address):
    host = address[0] if isinstance(address, tuple) else address
    return isinstance(host, str) and (host.startswith("127.") or host in ("::1", "localhost") or host.startswith("/"))

def _deny(kind, address):
    with open(LOG, "a") as fh:
        fh.write(json.dumps([kind, repr(address)]) + "\\n")
    raise OSError(101, "network blocked by test")

_connect, _connect_ex, _sendto = socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto

def connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _allowed(address):
        _deny("connect", address)
    return _connect(self, address)

def connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _allowed(address):
        _deny("connect_ex", address)
    return _connect_ex(self, address)

def sendto(self, data, *args):
    address = args[-1]
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _allowed(address):
        _deny("sendto", address)
    return _sendto(self, data, *args)

_getaddrinfo = socket.getaddrinfo

def getaddrinfo(host, *args, **kwargs):
    if host not in (None, "localhost") and not str(host).startswith("127.") and str(host) != "::1":
        _deny("dns", host)
    return _getaddrinfo(host, *args, **kwargs)

socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto = connect, connect_ex, sendto
socket.getaddrinfo = getaddrinfo
"""


@pytest.mark.slow
def test_full_pipeline_with_network_blocked(tmp_path: Path, speech_wav: Path) -> None:
    guard_dir = tmp_path / "guard"
    guard_dir.mkdir()
    (guard_dir / "sitecustomize.py").write_text(GUARD)
    log = tmp_path / "net.log"
    env = {
        **os.environ,
        "PYTHONPATH": f"{guard_dir}{os.pathsep}{REPO}",
        "NETGUARD_LOG": str(log),
        # Make sure nothing below relies on the test runner's own offline settings.
        "HF_HUB_OFFLINE": "0",
        "PYANNOTE_METRICS_ENABLED": "1",
    }
    check = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('192.0.2.1', 80), 1)"],
                           env=env, capture_output=True, text=True)  # fmt: skip
    assert check.returncode != 0 and "network blocked" in check.stderr  # the guard is active
    log.unlink()

    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "transcribe.cli", "run", str(speech_wav), "--out", str(out), "--quiet"],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    attempts = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    assert attempts == [], f"the pipeline tried to reach the network: {attempts}"
    for name in ("transcript.json", "transcript.rttm", "minutes.md", "minutes.docx"):
        assert (out / name).exists(), name
