"""The lock file setup.sh installs from: complete, hash-pinned and within pyproject's ranges.

setup.sh installs the project with `--no-deps`, so a dependency added to pyproject.toml but not
to requirements.lock would be missing on a fresh machine; this catches it before CI does.
"""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import REPO

LOCK = REPO / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")


def locked() -> dict[str, tuple[Version, int]]:
    """name -> (version, number of hashes) for every pinned line of the lock."""
    out: dict[str, tuple[Version, int]] = {}
    name = None
    for line in LOCK.read_text().splitlines():
        m = PIN.match(line)
        if m:
            name = canonicalize_name(m.group(1))
            out[name] = (Version(m.group(2)), 0)
        elif name and line.strip().startswith("--hash=sha256:"):
            version, hashes = out[name]
            out[name] = (version, hashes + 1)
    return out


def requirements(extras: tuple[str, ...] = ("test", "postgres")) -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    reqs = [Requirement(r) for r in project["dependencies"]]
    for extra in extras:
        reqs += [Requirement(r) for r in project["optional-dependencies"][extra]]
    return reqs


def test_every_locked_package_has_a_hash() -> None:
    pins = locked()
    assert len(pins) > 100
    assert not [n for n, (_, hashes) in pins.items() if hashes == 0]


def test_lock_covers_pyproject_within_its_ranges() -> None:
    pins = locked()
    missing = [str(r) for r in requirements() if canonicalize_name(r.name) not in pins]
    assert not missing, f"not in requirements.lock (refresh it, see README): {missing}"
    outside = [
        f"{r} (locked {pins[canonicalize_name(r.name)][0]})"
        for r in requirements()
        if not r.specifier.contains(pins[canonicalize_name(r.name)][0], prereleases=True)
    ]
    assert not outside, f"requirements.lock is outside pyproject's ranges: {outside}"


def test_torch_is_the_tested_pypi_build() -> None:
    pins = locked()
    assert str(pins["torch"][0]) == "2.9.1" and str(pins["torchaudio"][0]) == "2.9.1"


def test_setup_installs_from_the_lock_with_hashes() -> None:
    setup = (REPO / "setup.sh").read_text()
    assert "--require-hashes -r requirements.lock" in setup
    assert "--no-deps -e ." in setup
