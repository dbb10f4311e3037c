"""The reviewer's hand in the protokoll: what she rejected stays out, what she moved stands under its new §, and a
decision read from an item's structure is hers to accept or reject.

The protokoll is rebuilt from the reviewed minutes at every page view and export; besides the decisions the
rules read, it reads some from an item's structure, its set phrases or the chair's closing. Those are read from
the transcript again each time, so a decision the reviewer rejected or moved must not come back through them.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from transcribe.minutes.edit import Change, EditError, ensure_ids, item_label, section_of
from transcribe.minutes.model import Decision, Evidence, Item, Minutes
from transcribe.minutes.summary import unreviewed
from transcribe.transcript import Transcript


class _Paragraph(Protocol):
    decisions: list[Decision]


class _Numbered(_Paragraph, Protocol):
    number: str


class ReviewedProtokoll(Protocol):
    """The §§ of a protokoll, as far as its review is concerned."""

    paragraphs: list[_Numbered]


P = TypeVar("P", bound=_Paragraph)


def _last_turn(d: Decision) -> int:
    return max(d.evidence, key=lambda e: e.start).segment_id


def refiled(item: Item, paragraphs: dict[str, P]) -> P | None:
    """The § a reviewer put a decision under (one of the agenda's items), or None: it stands where it was said."""
    number = getattr(item, "filed_under", None)
    return paragraphs.get(number) if number else None


def keep_review(paragraphs: dict[str, _Paragraph], decisions: list[Decision]) -> None:
    """Drop from the §§ a decision read from an item's structure, set phrases or closing in the turn a decision the
    reviewer rejected stood on ("Då beslutar styrelsen att höja årsavgiften …" rejected came back as "Styrelsen
    beslutade att besluta att höja årsavgiften …"), or on the words of one she moved to another § (read again
    where it was said, it would stand twice); the minutes' own decisions stay as reviewed."""
    own = {d.id for d in decisions}
    refused = {_last_turn(d) for d in decisions if d.status == "rejected" and d.evidence}
    moved = {e.segment_id for d in decisions if d.filed_under and d.status != "rejected" for e in d.evidence}

    def stands(d: Decision) -> bool:
        if d.id in own or not d.evidence:
            return True
        return _last_turn(d) not in refused and not moved & {e.segment_id for e in d.evidence}

    for par in paragraphs.values():
        par.decisions = [d for d in par.decisions if stands(d)]


def to_review(minutes: Minutes, protokoll: ReviewedProtokoll | None = None) -> list[tuple[str, str, str]]:
    """(section, label, anchor id) of everything approving would sign unseen: the minutes' items nobody has
    reviewed, and the decisions the protokoll read from an item's course that nobody has accepted or rejected (no
    card in the minutes' list holds them; the elections, "v…", the roles say). The one count the review page, the
    approval's question and the exported draft's status line all show."""
    rows = [(section_of(i), item_label(i), i.id) for i in unreviewed(minutes)]
    if protokoll is None:
        return rows
    listed = {d.id for d in minutes.decisions}
    return rows + [
        ("decisions", f"§ {p.number} {d.text}", f"para-{d.id}")
        for p in protokoll.paragraphs
        for d in p.decisions
        if d.id not in listed and not d.id.startswith("v")
    ]


def adopt(minutes: Minutes, transcript: Transcript, text: str, segments: str, number: str, op: str) -> Change:
    """A decision the protokoll read from an item (its structure, set words or closing; never in the minutes' list)
    taken into the minutes as the reviewer judged it: accepted (from then on a decision to edit, move or reject like
    any other) or rejected (gone from its §). It keeps the § it stood under and the passage it was read from."""
    status = {"accept": "accepted", "reject": "rejected"}.get(op)
    if status is None:
        raise EditError("bad_request")
    text = " ".join(text.split())
    if not text:
        raise EditError("empty_text", "text")
    said = [s for s in (transcript.segment(int(x)) for x in segments.split(",") if x.strip().isdigit()) if s]
    if not said:
        raise EditError("choose_segment", "segment_id")
    evidence = [Evidence.of(s, transcript) for s in said]
    minutes.decisions.append(
        Decision(text=text, evidence=evidence, confidence=1.0, status=status, filed_under=number or None)
    )
    ensure_ids(minutes)
    return Change(op=op, section="decisions", label=text)
