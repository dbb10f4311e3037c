"""The speaker bench draws other dev conversations per seed, each in a folder of its own.

A conversation's folder is named by its spec's id (no seed in it), and `ensure` builds only what is
missing: before, a seed-1 run reused the seed-0 audio that lay in the shared folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest

from transcribe.bench import speaker_items, speakers


@dataclass(frozen=True)
class FakeSpec:
    id: str
    seed: int


def fake_conversations(made: list[tuple[str, int, Path]]) -> SimpleNamespace:
    pool = Path("/pool")

    def corpus(split: str, count: int, seed: int = 0, **_: object) -> list[FakeSpec]:
        return [FakeSpec(f"{split}-{i:02d}-3spk-clean", seed) for i in range(count)]

    def ensure(spec: FakeSpec, out_dir: Path, root: Path | None = None) -> Path:
        made.append((spec.id, spec.seed, Path(out_dir)))
        return Path(out_dir) / spec.id

    return SimpleNamespace(readers=lambda root, split: [("2", "x")], pool=lambda: pool, SHARED_POOL=pool,
                           corpus=corpus, ensure=ensure)  # fmt: skip


def test_each_seed_generates_its_conversations_in_a_folder_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[tuple[str, int, Path]] = []
    monkeypatch.setattr(speaker_items, "conversations", lambda: fake_conversations(made))
    monkeypatch.setattr(speakers, "conversations", lambda: fake_conversations(made))
    zero = speaker_items.items("real_dev", 2)
    one = speaker_items.items("real_dev", 2, seed=1)
    many = speakers.stress_items(1, speakers.MANY_GROUP, seed=2)
    assert [m[1] for m in made] == [0, 0, 1, 1, 2]  # the seed reaches the generator
    assert zero[0].audio_path.parent != one[0].audio_path.parent  # same id, other audio
    assert zero[0].audio_path.parent.parent == speaker_items.conversation_dir(0)
    assert {m[2] for m in made} == {speaker_items.conversation_dir(s) for s in (0, 1, 2)}
    assert len({speaker_items.conversation_dir(s) for s in (0, 1, 2)}) == 3
    assert many[0].audio_path.parent.parent == speaker_items.conversation_dir(2)


def test_the_held_out_conversations_have_no_other_seed() -> None:
    with pytest.raises(ValueError):
        speaker_items.items("real_heldout", 1, seed=1)
    with pytest.raises(ValueError):
        speakers.bench(("real_heldout",), 1, seed=1)
    with pytest.raises(SystemExit):
        speakers.main(["--groups", "real_heldout", "--seed", "1"])
