"""How the turns around a sentence place it.

The asker's outcome after the floor's short answers ("Revisorerna föreslår att styrelsen beviljas ansvarsfrihet.
Kan årsmötet göra det?" – "Ja." – "Ja." – "Styrelsen har ansvarsfrihet för förra året."): the sentence that opens
the asker's next turn and says the question's matter again settles the item the question belongs to; it starts
none, however much of a title it says (read from the turns, not from verdict words). The sentences after the chair
opens an item speak of it; and a chair handed over after the opening was elected in between."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from transcribe.agenda.parse import standard_kinds

if TYPE_CHECKING:  # align.py imports this module
    from transcribe.agenda.passes import Placement
    from transcribe.agenda.units import Unit

SHORT_ANSWER = 4  # words in each of the floor's answers ("Ja.", "Nej, inget.")
ANSWERS = 4  # at most this many answers between the question and the outcome
SAID_AGAIN = 2  # content words of the asker's turn the outcome says again ("styrelsen", "ansvarsfrihet")


def outcomes(units: list[Unit]) -> list[bool]:
    """For each sentence: whether it is such an outcome."""
    out = [False] * len(units)
    for i, u in enumerate(units):
        if i == 0 or units[i - 1].seg_id == u.seg_id:
            continue  # only the sentence that opens a turn
        j, answers = i - 1, set()
        while j >= 0 and units[j].speaker != u.speaker and len(units[j].text.split()) <= SHORT_ANSWER:
            answers.add(units[j].seg_id)
            j -= 1
        if not answers or len(answers) > ANSWERS or j < 0 or units[j].speaker != u.speaker:
            continue
        if not units[j].text.rstrip().endswith("?"):
            continue  # the asker's turn ends with the question
        asked = set().union(*(w.stems for w in units if w.seg_id == units[j].seg_id))
        out[i] = len(asked & u.stems) >= SAID_AGAIN and len(u.text.split()) > SHORT_ANSWER  # not a bare heading
    return out


def opened_in_turn(
    units: list[Unit],
    B: list[list[float]],
    named: list[list[bool]],
    cued: list[bool],
    decides: list[bool],
    threshold: float,
    strong: float,
) -> None:
    """The sentences after the chair opens an item, until another speaks ("Då går vi till ansvarsfriheten.
    Revisorerna föreslår att styrelsen beviljas …"), speak of that item: another item's words there start nothing,
    unless the sentence itself turns the talk (`cued`: a transition, a number or an item named alone; a decision,
    "Då tar vi offerten.", opens nothing). B and named in place."""
    for k in range(len(B)):
        best = max(B[k], default=0.0)
        for i, u in enumerate(units):
            if not cued[i] or decides[i] or B[k][i] + threshold < strong or B[k][i] < best:
                continue  # the item opened where its evidence is strongest
            j = i + 1
            while j < len(units) and units[j].speaker == u.speaker and not cued[j]:
                for m in range(len(B)):
                    if m != k and B[m][j] > B[k][j]:
                        B[m][j], named[m][j] = min(B[m][j], 0.0), False
                j += 1


def chair_handed_over(p: Placement, leader: str | None) -> None:
    """One opens the meeting and another leads it: the meeting's chair was elected between the opening and the
    leader's first words ("… Jag förklarar årsmötet öppnat." – "Och så ska vi ha någon som leder oss i dag. …" –
    … – "Då varsågod, Kerstin." – "Tack. …"). An election of the chair not placed starts at the first turn after
    the opening's, when that turn comes before the leader first speaks and before the next item placed."""
    units, leaves = p.units, p.leaves
    kinds = [standard_kinds(it.title) for it in leaves]
    opens = next((k for k, kd in enumerate(kinds) if "open" in kd and k in p.chosen), None)
    chair = next((k for k, kd in enumerate(kinds) if "chair" in kd), None)
    if opens is None or chair is None or chair in p.chosen or chair < opens or leader is None:
        return
    at = p.chosen[opens]
    if units[at].speaker == leader:
        return
    first_lead = next((i for i in range(at, len(units)) if units[i].speaker == leader), len(units))
    nxt = min((v for v in p.chosen.values() if v > at), default=len(units))
    turn = next((i for i in range(at + 1, len(units)) if units[i].seg_id != units[at].seg_id), None)
    if turn is not None and turn < min(first_lead, nxt) and turn not in p.used and not p.settles[turn]:
        p.place(chair, turn)


# The chair putting the item's verdict to the meeting: "Kan vi lägga verksamhetsberättelsen till handlingarna?",
# "Beviljar årsmötet styrelsen ansvarsfrihet …?", "Kan budgeten fastställas?"
VERDICT_CALL = re.compile(
    r"\b(?:kan|får|ska) (?:vi|mötet|stämman|årsmötet|styrelsen|nämnden) (?:\w+ )?(?:lägga|godkänna|fastställa|"
    r"bevilja|anta|notera)\b"
    r"|\b(?:beviljar|godkänner|fastställer|antar) (?:vi|mötet|stämman|årsmötet|styrelsen|nämnden)\b"
    r"|\b(?:kan|får) (?:\w+ ){1,3}?(?:fastställas|godkännas|antas|beviljas|läggas)\b"
)
CALLED_WITHIN = 45.0  # seconds between the talk's opening and the verdict put to the meeting


def called_after_talk(p: Placement, turns: list[float], chair: str | None) -> None:
    """An item placed at the chair's call for its verdict starts where its talk began: the chair's first turn
    after the item before was settled that hands the floor over or says the item's words ("Året som gått. Gun,
    berätta." – … – "Kan vi lägga verksamhetsberättelsen till handlingarna?"), when another spoke in between and
    the chair said nothing there that speaks for another item as strongly as the call speaks for this one."""
    units, B = p.units, p.B
    for k, v in list(p.chosen.items()):
        u = units[v]
        if u.speaker != chair or not u.text.rstrip().endswith("?") or not VERDICT_CALL.search(u.low):
            continue
        prev = max((w for w in p.chosen.values() if w < v), default=None)
        if prev is None:
            continue
        settled = max((j for j in range(prev, v) if p.settles[j]), default=prev)
        for j in range(settled + 1, v):
            w = units[j]
            if units[v].start - w.start > CALLED_WITHIN:
                continue
            opens = w.speaker == chair and (j == 0 or units[j - 1].seg_id != w.seg_id or turns[j] >= 1.0)
            if not opens or j in p.used or p.settles[j] or not (turns[j] >= 1.0 or B[k][j] > 0):
                continue
            talk = any(units[m].speaker != chair for m in range(j, v))
            other = any(  # the chair opening another item there
                m != k and B[m][i] >= B[k][v] for m in range(len(B)) for i in range(j, v) if units[i].speaker == chair
            )
            if talk and not other:
                p.move(k, j)
            break
