"""The review page's protokoll follows every save of the meeting's files, however quickly they come.

The page keeps the protokoll it built until a file it was built from changes. Two saves within one clock tick that
leave a file the same size (a renamed item, a decision moved from § 4 to § 5) must still be seen as a change.
"""

from __future__ import annotations

import os

from fastapi.testclient import TestClient

from tests.test_web_agenda_review import AGENDA, add_board_meeting
from transcribe.fsutil import atomic_write_text
from transcribe.web import store
from transcribe.web.agenda import protokoll_of


def titles(meeting_id: str) -> list[str]:
    prot = protokoll_of(meeting_id)
    assert prot is not None
    return [p.title for p in prot.paragraphs]


def test_a_same_size_save_within_one_clock_tick_is_seen(sara: TestClient) -> None:
    mid = add_board_meeting()
    assert "Cykelrummet" in titles(mid)
    agenda = store.meeting_path(mid) / "agenda.txt"
    before = agenda.stat()
    renamed = AGENDA.replace("Cykelrummet", "Parkeringen")
    assert len(renamed.encode()) == before.st_size  # the same size ...
    atomic_write_text(agenda, renamed)
    os.utime(agenda, ns=(before.st_atime_ns, before.st_mtime_ns))  # ... and the same modification time
    assert "Parkeringen" in titles(mid) and "Cykelrummet" not in titles(mid)
