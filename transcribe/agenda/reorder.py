"""An order agreed as the agenda is approved, followed: "Ronny måste tillbaka till köket halv sju, så jag vill ta
restaurangen direkt efter förra protokollet", "Kan vi ta Teleborg direkt efter protokollet, före informationen?".
The item moved is taken where the meeting said: once the item it was put after is settled, at the next turn the
chair opens ("Ronny. Varsågod.", "Ewa, Teleborg. Varsågod."), when its words are said before the next item begins.
The handover need not name it; the order agreed and the talk that follows do. An item taken first ("Per måste gå
klockan två, så jag vill ta hans rapport från valkonferensen först.") follows the agenda's own approval ("Per,
varsågod. Hur var det i Uppsala?")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from transcribe.agenda.ahead import AGENDA_WORDS
from transcribe.agenda.named import is_heading
from transcribe.agenda.numbers import number_refs
from transcribe.agenda.parse import AgendaItem, standard_kinds
from transcribe.agenda.passes import rules
from transcribe.agenda.topics import overlap, title_stems
from transcribe.sv.text import stems

if TYPE_CHECKING:  # align.py imports this module
    from transcribe.agenda.passes import Placement
    from transcribe.agenda.units import Unit

# "ta X direkt efter Y": X is named before "efter", Y after it, up to a comma, "före" or the sentence's end
_AFTER = re.compile(r"\b(?:direkt |närmast |strax |precis )?efter\b")
_TAKE = re.compile(r"\b(?:ta|tar|flytta|flyttar|lägga|lägger)\b")
_PHRASE_END = re.compile(r"[,.;:!?]|\bföre\b|\binnan\b")
_BEFORE = re.compile(r"\b(?:ta|tar|tas|med)\b(?P<what>[^.;:!?]{0,60}?)\s(?P<b>före)\b")
_ITEM_WORD = re.compile(r"\bpunkt(?:en|erna)?\b")  # the agenda's items spoken of: "Så den punkten, släktträffen, …"
MOVES_ON = re.compile(r"\b(?:går|gå) (?:vi|ni) (?:\w+ )?till\b")
HANDS_OVER = re.compile(r"\bvarsågod\b|\bordet är (?:ditt|ert)\b")
_CLAUSE = re.compile(r",\s*(?:och\s+)?")  # one move a clause: "…, valen tar vi direkt efter kallelsen, och …"
_FIRST = re.compile(  # "ta hans rapport från valkonferensen först"; fronted "så hennes punkt, klövbadet, tar vi först"
    r"\b(?:ta|tar) (?P<what>[^,.;:!?]{1,80}?) först\b"
    r"|(?:^|[.;:!?]\s*|\bså\s+)(?P<fronted>[^.;:!?]{1,80}?),? tar (?:vi|ni) (?:den |det |dem )?(?:allra )?först\b"
)


def _named(text: str, titles: list[set[str]], among, leaves: list[AgendaItem]) -> list[int]:
    """The items among `among` a phrase names by their number or their title's words."""
    numbers = {ref for ref, sign in number_refs(text) if sign > 0}
    said = stems(text)
    return [k for k in among if leaves[k].number in numbers or overlap(titles[k], said)]


def agreed_after(units: list[Unit], leaves: list[AgendaItem], talk: range = range(0)) -> list[tuple[int, int]]:
    """(item moved, item it is to follow) for each move said in a turn that speaks of the agenda or of its items ("Så
    den punkten, släktträffen, tar vi direkt efter ansvarsfriheten, före avgiften."), or in the agenda's
    own talk (approval.agenda_talk: "Och jag vill att vi tar hamnavgifterna efter motionen om rampen."). Each clause
    says one move, the item moved before "efter" in the plain or the fronted order ("… valen tar vi direkt efter
    kallelsen, och hamnavgifterna efter motionen."); it may follow a later item or the agenda itself ("Så stormen,
    punkt sju, tar vi direkt efter dagordningen.")."""
    titles = [title_stems(it) for it in leaves]
    agenda_turns = {u.seg_id for u in units if AGENDA_WORDS.search(u.low) or _ITEM_WORD.search(u.low)}
    agenda_turns |= {units[i].seg_id for i in talk}
    out: list[tuple[int, int]] = []
    approval = next((k for k, it in enumerate(leaves) if "agenda" in standard_kinds(it.title)), None)
    movable = [k for k in range(len(leaves)) if approval is None or k > approval]  # "valen": not the officials'
    for i, u in enumerate(units):
        if u.seg_id not in agenda_turns:
            continue
        first = _FIRST.search(u.low)
        if first is not None and approval is not None:
            said = stems(first.group("what") or first.group("fronted"))
            most = max((len(overlap(titles[k], said)) for k in movable), default=0)
            moved = [k for k in movable if most and len(overlap(titles[k], said)) == most]  # the one named best
            if not moved:  # "… så vi tar hennes punkter först. Åttan, tränarna, och sen sjuan, klubbmästerskapet."
                moved = _listed(units, i + 1, titles, movable, leaves)
            if moved and moved[0] > approval + 1:
                out += [(k, after) for k, after in zip(moved, [approval, *moved], strict=False)]
            continue
        ahead = _ahead_of(u.low, titles, movable, leaves)
        if ahead is not None and ahead not in out:
            out.append(ahead)
            continue
        out += [move for move in _put_after(u.low, titles, movable, leaves) if move not in out]
    return out


def _put_after(low: str, titles: list[set[str]], movable, leaves: list[AgendaItem]) -> list[tuple[int, int]]:
    """(item moved, item it is to follow) for each clause of the sentence that puts one item after another."""
    out: list[tuple[int, int]] = []
    cuts = [0, *(m.end() for m in _CLAUSE.finditer(low)), len(low)]
    since = 0  # the end of the clause that said the last move
    for a, b in zip(cuts, cuts[1:], strict=False):
        after = _AFTER.search(low, a, b)
        take = _TAKE.search(low, 0, after.start()) if after else None
        if after is None or take is None:
            continue
        end = _PHRASE_END.search(low, after.end(), b)
        anchor = _named(low[after.end() : end.start() if end else b], titles, range(len(leaves)), leaves)
        moved = (  # "ta X efter Y", "…, och X efter Y"; fronted "X tar vi efter Y", "Så X, punkt sju, tar vi …"
            _named(low[max(a, take.end()) : after.start()], titles, movable, leaves)
            or take.start() >= a
            and (
                _named(low[a : take.start()], titles, movable, leaves)
                or _named(low[since : take.start()], titles, movable, leaves)
            )
            or []
        )
        since = b
        anchor = [k for k in anchor if k not in moved]
        if len(moved) == 1 and len(anchor) == 1 and (moved[0], anchor[0]) not in out:
            out.append((moved[0], anchor[0]))
    return out


def planned_after(
    units: list[Unit],
    leaves: list[AgendaItem],
    B: list[list[float]],
    named: list[list[bool]],
    moves: list[tuple[int, int]],
    threshold: float,
) -> list[tuple[int, int]]:
    """An item put after one still to come, in any turn ("Henrik måste gå halv elva, så vi tar hunden direkt efter att
    vi har fixat sekreterare."): the sentence says the order to follow, not the item taken now, so it starts nothing
    (B and named set in place), and the move is followed as an agreed one is (`taken_after`). The item it is put
    after must not have been opened yet: "Vi tar kallelsen efter valen" said once the elections are done is no
    plan. The moves not in `moves` (those said in the agenda's own turns) are returned."""
    titles = [title_stems(it) for it in leaves]
    out: list[tuple[int, int]] = []
    for i, u in enumerate(units):
        for moved, anchor in _put_after(u.low, titles, range(len(leaves)), leaves):
            if any(named[anchor][j] and B[anchor][j] >= 0 for j in range(i + 1)):
                continue  # the item it is put after began already (or begins here)
            B[moved][i], named[moved][i] = min(B[moved][i], -threshold), False
            if (moved, anchor) not in moves and (moved, anchor) not in out:
                out.append((moved, anchor))
    return out


def _ahead_of(low: str, titles: list[set[str]], movable, leaves: list[AgendaItem]) -> tuple[int, int] | None:
    """(item moved, item it is to follow) for one item asked to be taken before a later one ("Kan motionen tas före
    budgeten?", "Med motionen, tian, före nian, …"): it follows the item the later one followed."""
    m = _BEFORE.search(low)
    if m is None:
        return None
    end = _PHRASE_END.search(low, m.end())
    moved = _named(low[: m.start("b")], titles, movable, leaves)
    later = _named(low[m.end() : end.start() if end else len(low)], titles, movable, leaves)
    if len(moved) != 1 or len(later) != 1 or moved[0] <= later[0] or later[0] == 0:
        return None
    return moved[0], later[0] - 1


def _listed(units: list[Unit], j: int, titles: list[set[str]], among, leaves: list[AgendaItem]) -> list[int]:
    """The items the sentence j names, each in its own clause, in the order said; none when j is another turn's."""
    if j >= len(units) or units[j].seg_id != units[j - 1].seg_id:
        return []
    out: list[int] = []
    for clause in _CLAUSE.split(units[j].low):
        for k in _named(clause, titles, among, leaves):
            if k not in out:
                out.append(k)
    return out


def turn(units: list[Unit], j: int) -> range:
    """The sentences of the turn that sentence j opens."""
    return range(j, next((m for m in range(j, len(units)) if units[m].seg_id != units[j].seg_id), len(units)))


def taken_after(p: Placement, moves: list[tuple[int, int]], chair: str | None, talk: range = range(0)) -> None:
    """Start each item moved by the agreed order at the first turn the chair opens after the item it follows is
    settled (see the module's doc); not where another item has begun, nor without its words before the next. An
    item put after a later one starts at the first turn the chair opens with its words after that one began."""
    units, chosen = p.units, p.chosen
    titles = [title_stems(it) for it in p.leaves]

    def named_alone(k: int) -> bool:
        return is_heading(units[chosen[k]], titles[k])

    for moved, anchor in moves:
        if anchor not in chosen or chair is None:
            continue
        at = chosen[anchor]
        nxt = min((v for k, v in chosen.items() if v > at and k != moved), default=len(units))
        if anchor > moved and moved in chosen and at < chosen[moved] < nxt:
            continue  # put after a later item and taken up after it already, before the next item
        if anchor > moved:  # put after a later item: where the chair's turn names it ("Och nu hamnavgifterna, …")
            named = (
                j for j in range(at + 1, nxt) if units[j].speaker == chair and units[j - 1].seg_id != units[j].seg_id
            )
            start = next(
                (j for j in named if any(overlap(titles[moved], units[v].stems) for v in turn(units, j))), None
            )
            if start is not None and start not in p.used and moved in chosen:
                p.move(moved, start)
            elif start is not None and start not in p.used:
                p.place(moved, start)
            continue
        ends = [  # "Då går vi direkt till valet av styrelse." moves on; it rules on nothing
            p.settles[j] or rules(units[j].low, units[j].text) and not MOVES_ON.search(units[j].low)
            for j in range(len(units))
        ]
        settled = next((j for j in range(max(at + 1, talk.stop), nxt) if ends[j]), None)  # approved, not "innan …"
        if talk and at < talk.stop < nxt and (settled is None or settled > talk.stop):
            settled = talk.stop  # the agenda approved in the room's word ("Godkänd?" – "Godkänd.")
        if settled is None:
            continue
        start = next(  # the chair's next turn that does not itself rule on the item before, in any of its sentences,
            (  # or the next turn opening with the item's words ("Tack. Juniorerna. …", the one whose item it is)
                j
                for j in range(settled + 1, nxt)
                if units[j - 1].seg_id != units[j].seg_id
                and (
                    units[j].speaker == chair or any(overlap(titles[moved], units[v].stems) for v in turn(units, j)[:2])
                )
                and j not in p.used
                and not any(ends[v] for v in turn(units, j))
            ),
            None,
        )
        handed = settled + 1  # or the floor handed on in the settling turn itself: "Då är den godkänd. Maja, varsågod."
        goes_on = handed < nxt and units[handed].seg_id == units[settled].seg_id  # or goes on to the item moved
        if goes_on and (HANDS_OVER.search(units[handed].low) or overlap(titles[moved], units[handed].stems)):
            start = handed if handed not in p.used else start  # ("Det är beviljat. Och nu, som sagt, släktträffen")
        if start is None or not any(overlap(titles[moved], units[j].stems) for j in range(start, nxt)):
            continue
        if moved in chosen and at < chosen[moved] < nxt and (chosen[moved] <= start or named_alone(moved)):
            continue  # already taken up there, or named alone before the next item ("Vapenförrådet.")
        if moved in chosen:
            p.move(moved, start)
        else:
            p.place(moved, start)
