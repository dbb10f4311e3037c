"""The learned trust in the aligner's kinds of evidence for item starts (transcribe/agenda/learned.py): the shipped
weights load offline and score the same every time, they only add where the hand evidence is not against an item,
a hand-made meeting whose chair takes items out of order is still aligned, and the training reads dev meetings only.
"""

from __future__ import annotations

import pytest

from tests.agenda_meeting import chaired_transcript
from transcribe.agenda import align_agenda, learned, parse_agenda_text
from transcribe.agenda.align import THRESHOLD, chair_speaker, evidence_matrix
from transcribe.agenda.boundaries import boundary_strength
from transcribe.agenda.units import build_units
from transcribe.bench import agenda_learn
from transcribe.minutes.scorer import Trees

AGENDA = """Dagordning för styrelsemöte

1. Mötets öppnande
2. Val av justerare
3. Ekonomi
4. Båtplatserna
5. Sommarfesten
6. Mötets avslutande
"""

LINES = [
    "Välkomna allihop. Jag förklarar mötet öppnat.",
    "Vem kan justera protokollet i dag?",
    ("Jag kan justera.", "P"),
    "Tack, Pelle. Innan ekonomin tar vi sommarfesten, eftersom Sara måste gå tidigt.",
    ("Festen blir den tjugonde juni i klubbhuset, och vi behöver tre som grillar.", "S"),
    ("Jag kan grilla.", "P"),
    "Bra. Då går vi tillbaka till ekonomin.",
    ("Kassan är på fyrtiotusen och alla avgifter är betalda.", "S"),
    "Tack. Nästa punkt är båtplatserna.",
    ("Två platser är lediga vid bryggan, och kön är lång.", "P"),
    "Då hyr vi ut dem efter kön. Jag förklarar mötet avslutat.",
]


def test_the_shipped_weights_load_offline_and_fit_the_features() -> None:
    model = learned.load()
    assert model is not None and len(model.trees.roots) > 0
    assert int(model.trees.feature.max()) < len(learned.FEATURES)
    assert model.gain > 0 and model.cap > 0
    again = learned.load()
    assert again is not None and all((getattr(again.trees, k) == getattr(model.trees, k)).all() for k in Trees.FIELDS)


def _evidence():
    tr = chaired_transcript(LINES)
    agenda = parse_agenda_text(AGENDA)
    units = build_units(tr)
    chair = chair_speaker(units)
    turns = boundary_strength(units, chair, set())
    parts = learned.recording()
    B, named = evidence_matrix(units, agenda.items, turns)
    assert learned.recorded() is parts and len(parts) == len(agenda.items) * len(units)
    return units, B, named, parts, turns, chair


def _rescored() -> tuple[list[list[float]], list[list[float]]]:
    units, B, named, parts, turns, chair = _evidence()
    learned.recording().extend(parts)
    return B, learned.rescored(units, B, named, turns, chair, THRESHOLD)


def test_the_learned_scores_are_the_same_every_time_and_only_add() -> None:
    B, first = _rescored()
    assert first == _rescored()[1]
    assert any(new > old for r_new, r_old in zip(first, B, strict=True) for new, old in zip(r_new, r_old, strict=True))
    for r_new, r_old in zip(first, B, strict=True):
        for new, old in zip(r_new, r_old, strict=True):
            assert new >= old
            if old + THRESHOLD < 0:  # evidence against the item (a strike) stays as it was
                assert new == old


def test_recording_the_parts_changes_no_evidence() -> None:
    units, B, named, _, turns, _ = _evidence()
    again, named_again = evidence_matrix(units, parse_agenda_text(AGENDA).items, turns)
    assert (again, named_again) == (B, named)


def test_a_chair_who_takes_an_item_out_of_order_is_followed() -> None:
    al = align_agenda(parse_agenda_text(AGENDA), chaired_transcript(LINES))
    start = {it.number: it.start for it in al.items}
    assert start["5"] == pytest.approx(30.0)  # the summer party, taken before the economy
    assert start["3"] == pytest.approx(60.0)  # gone back to
    assert start["4"] == pytest.approx(80.0)
    assert start["3"] > start["5"]


def test_the_training_reads_dev_meetings_only(monkeypatch: pytest.MonkeyPatch) -> None:
    meetings = agenda_learn.dev_meetings()
    assert meetings and all(truth["agenda"]["split"] == "dev" for _, truth in meetings.values())
    mapped = {m for a in agenda_learn.authors().values() for m in a["meetings"]}
    assert mapped == set(meetings)
    # the shipped weights were trained on dev meetings only; meetings added since wait for the next training
    assert learned.trained_on() and set(learned.trained_on()) <= set(meetings)
    # a held-out meeting slipped into the author map stops the training before anything is read
    held_out = {"id": "x-heldout", "agenda": {"split": "heldout"}}
    real = agenda_learn.load_samples()
    monkeypatch.setattr(agenda_learn, "load_samples", lambda: [*real, (None, held_out)])
    monkeypatch.setattr(
        agenda_learn,
        "authors",
        lambda: {"all": {"meetings": [*mapped, "x-heldout"], "first_sight": None}},
    )
    with pytest.raises(ValueError):
        agenda_learn.dev_meetings()
