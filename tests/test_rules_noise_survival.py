"""Decisions that survive a garbled sentence elsewhere in the meeting.

A closing formula heard with two words wrong ("Då är dit och beslutat.") may leave an item with next to no
content ("Är och beslutades."); it must not swallow a later decision that says what was decided.
"""

from __future__ import annotations

from tests.spoken import MEETING, transcript
from transcribe.minutes import extract_minutes


def test_a_decision_after_a_garbled_closing_is_kept() -> None:
    turns = [
        ("S1", "Är vi överens om att alla e-tjänster ska använda BankID från start?"),
        ("S2", "Ja."),
        ("S1", "Då är dit och beslutat."),
        ("S3", "Jag vill också att projektet rapporterar ekonomin varje månad i stället för varje kvartal."),
        ("S1", "Några invändningar? Nej. Då beslutar styrgruppen att projektet rapporterar ekonomin varje månad."),
    ]
    said = transcript(turns, unsure=frozenset({"dit", "och"}))
    texts = [d.text for d in extract_minutes(said, meeting_date=MEETING).decisions]
    assert any("rapporterar ekonomin varje månad" in t for t in texts), texts


def test_the_same_decision_said_twice_is_still_one() -> None:
    turns = [
        ("S1", "Då beslutar vi att måla om staketet i maj."),
        ("S2", "Bra."),
        ("S1", "Så vi har alltså beslutat att måla om staketet i maj."),
    ]
    assert len(extract_minutes(transcript(turns), meeting_date=MEETING).decisions) == 1
