"""Reasons to check an item, and why an agenda was refused, come from one table in two languages."""

from __future__ import annotations

import re

import pytest

from transcribe.confidence import word_flags
from transcribe.confidence.reasons import REASONS, VALUES, english, read, say
from transcribe.transcript import Segment, SpeakerInfo, Transcript, Word
from transcribe.web.reasons import agenda_reason_in, reason_in

SAMPLE = {"p": "0.31", "gap": "1.4", "n": "4a", "count": "120", "error": "trasig zip", "kind": ".pdf"}


def fields_of(template: str) -> dict[str, str]:
    names = re.findall(r"\{(\w+)\}", template)
    return {n: SAMPLE.get(n) or next(iter(VALUES.get(n, {"Söndagen": ""}))) for n in names}


@pytest.mark.parametrize("code", sorted(REASONS))
def test_every_reason_reads_back_and_has_english(code: str) -> None:
    fields = fields_of(REASONS[code].sv)
    said = say(code, **fields)
    assert read(said) == (code, fields)
    shown = english(said)
    assert shown and shown != said
    for name, value in fields.items():  # what was heard is quoted as heard; a Swedish label is translated
        assert VALUES.get(name, {}).get(value, value) in shown


def test_older_wordings_in_stored_drafts_still_read() -> None:
    assert english('ordet "nu" efter "beslutar" hördes osäkert (p=0.12)') == (
        'the word "nu" after "beslutar" was unclear (p=0.12) – a "not" may have been lost'
    )
    assert english("beslutsformuleringen hördes ofullständigt") == "the wording of the decision was unclear"
    assert english("något tabellen inte känner") is None


def test_reasons_the_flags_write_are_the_tables() -> None:
    words = [
        Word(start=i * 0.4, end=i * 0.4 + 0.3, text=f" {w}", probability=0.2)
        for i, w in enumerate("vi tar det".split())
    ]
    seg = Segment(id=0, start=0.0, end=1.2, text="vi tar det", words=words, speaker="SPEAKER_00", repaired=True)
    flags = word_flags(Transcript(segments=[seg], speakers=[SpeakerInfo(label="SPEAKER_00")]))
    (passage,) = flags.passages
    assert [read(part)[0] for part in passage.reason.split("; ")] == ["repaired", "passage_unsure"]
    assert passage.reason.endswith("(medel p=0.20)")  # stored as the probability ...
    assert reason_in(passage.reason, "en") == (  # ... read as a percentage in words
        "the transcript was repaired here; the passage was unclear (20 % certainty on average)"
    )
    assert reason_in(passage.reason, "sv") == passage.reason.replace("(medel p=0.20)", "(i snitt 20 % säkerhet)")


def test_unknown_parts_stay_as_written_and_agenda_reasons_translate() -> None:
    assert reason_in("klockslaget hördes inte; flera talar samtidigt", "en") == (
        "klockslaget hördes inte; several people speak at once"
    )
    assert (
        agenda_reason_in("punkt 4a förekommer två gånger i dagordningen", "en") == "item 4a appears twice in the agenda"
    )
    assert agenda_reason_in("punkt 4a förekommer två gånger i dagordningen", "sv").startswith("punkt 4a")
