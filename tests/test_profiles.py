"""Voice profiles on disk: who may read them, and how sure a match must be before it names anyone."""

from __future__ import annotations

import os
import stat

import numpy as np

from transcribe.speakers.profiles import ProfileDirectory, forget


def unit(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=256)
    return (v / np.linalg.norm(v)).astype(np.float32)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_profile_folder_and_files_are_owner_only(tmp_path) -> None:
    root = tmp_path / "data" / "speakers"
    old = os.umask(0o022)  # a usual umask would give 0755 folders and 0644 files
    try:
        directory = ProfileDirectory(root)
        directory.add("Johan Nilsson", [unit(1)], 10.0)
        directory.add("Åsa Öberg", [unit(2)], 10.0)
    finally:
        os.umask(old)
    assert mode(root) == 0o700 and mode(root.parent) == 0o700
    files = list(root.iterdir())
    assert len(files) == 3  # two profiles and the writers' lock
    assert all(mode(f) == 0o600 for f in files), {f.name: oct(mode(f)) for f in files}


def test_a_folder_left_open_by_an_older_version_is_closed_on_the_next_write(tmp_path) -> None:
    root = tmp_path / "speakers"
    root.mkdir(mode=0o755)
    os.chmod(root, 0o755)
    directory = ProfileDirectory(root)
    directory.add("Anna", [unit(3)], 10.0)
    assert mode(root) == 0o700
    os.chmod(root, 0o755)
    forget(directory, "Anna")
    assert mode(root) == 0o700 and directory.get("Anna") is None
