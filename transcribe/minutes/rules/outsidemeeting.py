"""Talk before the meeting is opened and after it is closed is not the meeting's: "Vi tar äpplena till fikat. Okej,
klockan är halv, så jag förklarar mötet öppnat." Whatever was settled in the chat before the one who leads declares
the meeting open, or after she declares it closed, is no decision of it (nor is the move of an item, told by its
number, a decision of the matter: "Vi tar nian, motionen om ett damlag, före valen." is the agenda's order)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from transcribe.minutes.rules.utterances import Utt, stems

_MEETING = r"(?:\w*mötet|sammanträdet|stämman|årsstämman|förhandlingarna)"
# "Jag förklarar mötet öppnat", "Då öppnar jag mötet", "Årsmötet är öppnat" (not "Vem öppnar mötet nästa gång?")
_OPENS = re.compile(
    rf"\bförklara[rs]?\s+(?:härmed\s+|därmed\s+)?{_MEETING}\s+(?:för\s+)?öppna[dt]\b"
    rf"|^(?:(?:då|så|och|okej|ja|bra|härmed|nu)\b[\s,]*)*öppnar\s+(?:jag|vi)\s+(?:härmed\s+)?{_MEETING}\b"
    rf"|^(?:(?:då|så|och|okej|ja|bra|nu)\b[\s,]*)*(?:jag|vi)\s+öppnar\s+(?:härmed\s+)?{_MEETING}\b"
    rf"|^(?:(?:då|så|och|okej|ja|bra)\b[\s,]*)*{_MEETING}\s+är\s+(?:härmed\s+)?öppna[dt]\b"
)
# "Jag förklarar mötet avslutat", "Då avslutar jag mötet", "Därmed är sammanträdet avslutat"
_CLOSES = re.compile(
    rf"\bförklara[rs]?\s+(?:härmed\s+|därmed\s+)?{_MEETING}\s+(?:för\s+)?avsluta[dt]\b"
    rf"|^(?:(?:då|så|och|okej|ja|bra|härmed|därmed|nu)\b[\s,]*)*avslutar\s+(?:jag|vi)\s+(?:härmed\s+)?{_MEETING}\b"
    rf"|^(?:(?:då|så|och|okej|ja|bra|nu)\b[\s,]*)*(?:jag|vi)\s+avslutar\s+(?:härmed\s+)?{_MEETING}\b"
    rf"|^(?:(?:då|så|och|okej|ja|bra|därmed|härmed)\b[\s,]*)*(?:är\s+)?{_MEETING}\s+(?:är\s+)?(?:härmed\s+)?avsluta[dt]\b"
)
_ITEM_NUMBER = (
    r"(?:ettan|tvåan|trean|fyran|femman|sexan|sjuan|åttan|nian|tian|elvan|tolvan|trettonan|fjortonan|femtonan"
    r"|punkt\s+\w+)"
)
# The decision is the move of an item told by its number: "Mötet beslutade att ta nian, motionen om ett damlag, före
# valen.", "Vi tar sjuan först."
_ITEM_MOVED = re.compile(
    rf"^(?:\w+\s+beslutade\s+att\s+)?(?:vi\s+)?ta\s+(?:upp\s+)?{_ITEM_NUMBER}\b(?:\s*,[^,]*,)?\s*"
    r"(?:först|sist|direkt|nu|före|efter|innan)\b"
)


_FRAME = re.compile(r"^\w+\s+beslutade(?:\s+att|:)?\s+", re.I)  # "Mötet beslutade att …"


def _said(utts: Sequence[Utt], pattern: re.Pattern[str], after: int = -1) -> int | None:
    """The first sentence after `after` that says the pattern, not as a question."""
    return next((u.idx for u in utts[after + 1 :] if not u.is_question and pattern.search(u.low)), None)


def outside_meeting(utts: Sequence[Utt], made: list[Utt], text: str) -> bool:
    """The decision (`text`, read from the sentences `made`) was said before the meeting was declared open or after it
    was declared closed: its own sentences, those sharing its words, not the rest of their turns."""
    said = stems(_FRAME.sub("", text))
    own = [u for u in made if stems(u.text) & said] or made
    opened = _said(utts, _OPENS)
    if opened is not None and own[-1].idx < opened:
        return True
    closed = _said(utts, _CLOSES, opened if opened is not None else -1)
    return closed is not None and own[0].idx > closed


def item_moved(text: str) -> bool:
    """The decision's text is the move of an agenda item named by its number."""
    return _ITEM_MOVED.match(text.lower()) is not None
