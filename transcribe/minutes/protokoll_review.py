"""The reviewer's hand in the protokoll: what she rejected stays out of its §.

The protokoll is rebuilt from the reviewed minutes at every page view and export; besides the decisions the
rules read, it reads some from an item's structure, its set phrases or the chair's closing. Those are read from
the transcript again each time, so a decision the reviewer rejected must not come back through them.
"""

from __future__ import annotations

from typing import Protocol

from transcribe.minutes.model import Decision


class _Paragraph(Protocol):
    decisions: list[Decision]


def _last_turn(d: Decision) -> int:
    return max(d.evidence, key=lambda e: e.start).segment_id


def keep_rejections(paragraphs: dict[str, _Paragraph], decisions: list[Decision]) -> None:
    """Drop from the §§ a decision read from an item's set phrases or closing in the turn a decision the reviewer
    rejected stood on ("Då är dagordningen godkänd." rejected as "Dagordningen godkändes." came back as "… att
    dagordningen är godkänd" on the review page and in the export); the minutes' own decisions stay as reviewed."""
    own = {d.id for d in decisions}
    refused = {_last_turn(d) for d in decisions if d.status == "rejected" and d.evidence}
    for par in paragraphs.values():
        par.decisions = [d for d in par.decisions if d.id in own or not d.evidence or _last_turn(d) not in refused]
