"""The aligner's passes after the ordered choice of starts (align.py): items found from their decision, taken
together, announced with the name misheard, closed by the decision before, started where the chair named them
rather than on a member's answer, and turns opening with a reply.

Tried on dev and not kept: starting the one item missing between two placed ones right after the item before
was settled, whatever was said (WER 0.1 one start more, WER 0.2 one skipped item and one decision fewer)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from transcribe.agenda.ahead import AHEAD
from transcribe.agenda.numbers import number_refs
from transcribe.agenda.parse import AgendaItem
from transcribe.agenda.phrases import (
    ANNOUNCES,
    DECIDES,
    LATER,
    NOT_DECIDING,
    OPENS_WITH,
    SETTLES,
    SKIP_TOPIC,
    TOGETHER,
    fronted_topic,
)
from transcribe.agenda.topics import overlap, title_stems
from transcribe.sv.text import content_words, stem

if TYPE_CHECKING:  # align.py imports this module
    from transcribe.agenda.align import Unit

LATE = 0.8  # evidence enough for the start of an item whose decision names it
LATE_SHARE = 0.6  # share of its title words the decision must say
ACK_WORDS = 3  # a sentence this short before the announcement is a reply ("Absolut.", "Tack så mycket.")


@dataclass
class Placement:
    """The aligner's working state, shared by its passes: which unit starts which agenda item."""

    units: list[Unit]
    leaves: list[AgendaItem]
    B: list[list[float]]  # evidence per item and unit
    chosen: dict[int, int]  # item -> the unit where it starts
    used: set[int]  # units that start an item
    settles: list[bool] = field(default_factory=list)  # units that end an item (an outcome or a decision)
    threshold: float = 0.0  # B is evidence less this (align.THRESHOLD)

    def place(self, k: int, i: int) -> None:
        self.chosen[k] = i
        self.used.add(i)

    def move(self, k: int, i: int) -> None:
        self.used.discard(self.chosen[k])
        self.place(k, i)

    def drop(self, k: int) -> None:
        self.used.discard(self.chosen.pop(k))


def decided_items(p: Placement) -> None:
    """An item never clearly announced whose decision names it ("Nämnden beslutar att avslå ansökan om bygglov
    för flerbostadshuset …") was treated: it starts at its best evidence since the item before began, or, with
    none, at the sentence after the item before was settled (its announcement misheard)."""
    units, B, chosen, used, settles = p.units, p.B, p.chosen, p.used, p.settles
    titles = [title_stems(it) for it in p.leaves]
    for k in range(len(p.leaves)):
        if k in chosen or not titles[k] or min(B[k]) + p.threshold < 0:  # struck or put off somewhere
            continue
        for i, u in enumerate(units):
            if not DECIDES.search(u.low) or len(overlap(titles[k], u.stems)) < LATE_SHARE * len(titles[k]):
                continue
            prev = max((j for j in used if j <= i), default=-1)
            current = next((j for j, v in chosen.items() if v == prev), None)
            if current is not None and len(overlap(titles[current], u.stems)) >= 0.3 * len(titles[current]):
                continue  # the decision fits the item being treated
            free = [j for j in range(prev + 1, i + 1) if j not in used and (j == i or not settles[j])]
            best = max(free, key=lambda j: B[k][j], default=None)
            if best is not None and B[k][best] + p.threshold >= LATE:
                p.place(k, best)
                break
            closed = [j for j in range(prev + 1, i) if settles[j]]
            if closed and closed[-1] + 1 < i and closed[-1] + 1 not in used:
                p.place(k, closed[-1] + 1)
                break


def taken_together(p: Placement) -> dict[int, int]:
    """Items the chair names in one sentence and takes together ("Skyddsronden och sjukfrånvaron hänger ihop, så
    vi tar dem tillsammans"): the first starts there, the others share its passage (item -> its mate). Each is
    named by a word of its own title: a word several titles share ("Verksamhetsberättelsen och den ekonomiska
    berättelsen" leaves "Revisorernas berättelse") or an everyday word for a topic names none of them."""
    titles = [title_stems(it) for it in p.leaves]
    mates: dict[int, int] = {}
    for i, u in enumerate(p.units):
        if not TOGETHER.search(u.low):
            continue
        said = [overlap(t, u.stems, related_too=False) for t in titles]
        own = [s - set().union(*(t for j, t in enumerate(said) if j != k)) for k, s in enumerate(said)]
        named = [k for k in range(len(p.leaves)) if own[k] and p.B[k][i] + p.threshold > 0]
        began = [k for k in named if k in p.chosen and p.chosen[k] < i]
        if len(named) < 2 or any(p.units[p.chosen[k]].seg_id != u.seg_id for k in began):
            continue  # one of them began in an earlier turn: only mentioned here
        first, *rest = named
        if first not in began and first in p.chosen:
            p.move(first, i)
        elif first not in p.chosen and i not in p.used:
            p.place(first, i)
        for k in rest:
            if k in p.chosen:
                p.drop(k)
            mates[k] = first
    return mates


def announced_items(p: Placement, chair: str | None) -> None:
    """The chair announces an item whose name was not recognised ("Då går vi till <misheard>. Mats?") between
    two placed items with one item missing between them in the agenda: that item starts there, unless it was
    struck somewhere (negative evidence). Words must follow the announcement (the misheard name) and talk
    must follow before the next item: a bare "Nästa punkt." just before the next item's name is that item's."""
    units, B, chosen, used, settles = p.units, p.B, p.chosen, p.used, p.settles
    placed = sorted(chosen.items())
    for (k1, u1), (k2, u2) in zip(placed, placed[1:], strict=False):
        missing = [k for k in range(k1 + 1, k2) if k not in chosen]
        if len(missing) != 1 or u2 <= u1 or min(B[missing[0]]) + p.threshold < 0:
            continue
        for i in range(u1 + 1, u2):
            u = units[i]
            if i in used or settles[i] or u.speaker != chair or SKIP_TOPIC.search(u.low) or number_refs(u.low):
                continue
            said = ANNOUNCES.search(u.low) or OPENS_WITH.search(u.low)
            if said and re.search(r"\w", u.low[said.end() :]) and u2 - i >= 2:  # a name follows, and talk
                p.place(missing[0], i)
                break


def after_decisions(p: Placement) -> None:
    """A decision naming the item before ("Då beslutar styrelsen att medlemsavgiften …") closes that item,
    so the next one, started early on a shared word ("… vi vill inte tappa medlemmar"), starts after it.
    An item taken out of agenda order with nothing after that decision to start it was only mentioned
    ("Vi tar upp färdtjänsten i skrivelsen"): it is not placed, and the decision stays in its item."""
    units, B, chosen, used, settles = p.units, p.B, p.chosen, p.used, p.settles
    titles = [title_stems(it) for it in p.leaves]
    order = sorted((u, k) for k, u in chosen.items())
    mentioned = []
    for j in range(1, len(order)):
        (_, k_prev), (u, k) = order[j - 1], order[j]
        stop = order[j + 1][0] if j + 1 < len(order) else len(units)
        closing = [
            i
            for i in range(u, stop)
            if settles[i] and len(overlap(titles[k_prev], units[i].stems)) > len(overlap(titles[k], units[i].stems))
        ]
        if not closing:
            continue
        later = next((i for i in range(closing[-1] + 1, stop) if i not in used and B[k][i] >= 0), None)
        if later is not None:
            p.move(k, later)
        elif k < k_prev or j + 1 < len(order) and k > order[j + 1][1]:
            mentioned.append((k, u))
    for k, _ in mentioned:
        p.drop(k)


def chair_named_first(p: Placement, said: list[list[bool]], chair: str | None, floor: float) -> None:
    """A start on a member's sentence ("Jag justerar i dag") whose item the chair named earlier, after the item
    before began and with nothing settled since ("Jag föreslår att jag är ordförande …, går det bra?"): the
    item starts at the chair's naming. Members answer what the chair opened."""
    units, B, chosen, settles = p.units, p.B, p.chosen, p.settles
    for k, u in sorted(chosen.items(), key=lambda x: x[1]):
        if chair is None or units[u].speaker == chair:
            continue
        prev = max((j for j in p.used if j < u), default=-1)
        named = [
            i
            for i in range(prev + 1, u)
            if units[i].speaker == chair and said[k][i] and B[k][i] >= floor and i not in p.used
        ]
        if named and not any(settles[i] for i in range(named[0], u)):
            p.move(k, named[0])


def _to_turn_head(p: Placement, stops: Callable[[int, int], bool]) -> None:
    """Move each start back over the sentences before it in its turn, while none of them is used, settles or
    `stops(item, sentence)`; only when that reaches the turn's first sentence."""
    units, used, settles = p.units, p.used, p.settles
    for k, u in list(p.chosen.items()):
        head = u
        while (
            head > 0
            and units[head - 1].seg_id == units[u].seg_id
            and head - 1 not in used
            and not settles[head - 1]
            and not stops(k, head - 1)
        ):
            head -= 1
        if head < u and (head == 0 or units[head - 1].seg_id != units[u].seg_id):
            p.move(k, head)


def turn_heads(p: Placement) -> None:
    """A turn that opens with a bare reply ("Absolut. Då gör vi så med dagordningen …") belongs whole to
    the item it announces: the start moves to the turn's first sentence."""
    _to_turn_head(p, lambda _k, i: len(p.units[i].text.split()) > ACK_WORDS)


def turn_starts(p: Placement) -> None:
    """An item started inside a turn whose sentences before it neither settle an item, nor start, strike or speak for
    another ("Tack, Margit. Jag ska försöka vara kort, men jag lovar inget. Vi behöver två som skriver under …
    Förslag?"): the turn is the item's from its first sentence, as the one speaking turned the talk there."""

    def stops(k: int, i: int) -> bool:
        u = p.units[i]
        others = (p.B[j][i] for j in range(len(p.leaves)) if j != k)
        return rules(u.low, u.text) or any(b > 0 or b + p.threshold < 0 for b in others)

    _to_turn_head(p, stops)


def rules(low: str, text: str) -> bool:
    """Whether the sentence may settle what was being treated, in the chair's words ("Och det bifaller vi.", "Då
    kör vi på det.", "Vi skriver till kommunen."), or naming those just elected ("Yvonne och Leif.")."""
    we = _WE_DO.match(low)
    return bool(SETTLES.search(low) or we and we.group("verb") not in NOT_DECIDING or _NAMES_ONLY.match(text))


# Those elected, named alone: "Yvonne och Leif.", "Saga Lindberg och Lars Nyström."
_NAMES_ONLY = re.compile(
    r"^\W*(?:[A-ZÅÄÖ][\wåäöé-]+(?:\s+|\s*,\s*)){0,3}[A-ZÅÄÖ][\wåäöé-]+\s+och\s+[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+)?"
    r"[.!]?\s*$"
)
# What "we" do, said by the chair ("Vi skriver till …", "Då tar vi det", "Det bifaller vi"),
_WE_DO = re.compile(
    r"^\W*(?:(?:ja|bra|okej|då|så|och|men)\W+)*"
    r"(?:vi (?P<verb>\w+)|(?:det|den|dem|då|så) \w+ vi|(?:det|då|så) blir (?:det )?\w+"
    r"|(?:då|så) \w+ (?:årsmötet|stämman|mötet|styrelsen|nämnden|föreningen|församlingen|rådet)(?! \w+ ?\?))\b"
)  # and what the matter becomes: "Det blir Emma då.", "Då blir det julotta klockan sju."; what the meeting does
# ("Då väljer årsmötet styrelse …")


def put_off(p: Placement, said: list[list[bool]], floor: float) -> None:
    """An item the chair put off to later in the meeting ("Förvaltningen tar vi sist, jag väntar på ett mejl") and
    left unplaced is taken up where its words are next said with some evidence (`floor`) after that ("Nu kom
    mejlet från förvaltningen"): out of the agenda's order, as announced. So is one another item was put ahead of
    ("Motionerna tar vi före valen, …"), after that item began."""
    units, chosen = p.units, p.chosen
    titles = [title_stems(it) for it in p.leaves]
    for d, u in enumerate(units):
        later, ahead = LATER.search(u.low), AHEAD.search(u.low) if fronted_topic(u.low) else None
        if later is not None:
            words, since = {stem(w) for w in content_words(u.low[: later.start()])}, d
        elif ahead is not None:
            first = {stem(w) for w in content_words(u.low[: ahead.start()])}
            words = {stem(w) for w in content_words(u.low[ahead.end() :])}
            moved = [j for j, t in enumerate(titles) if overlap(t, first) and j in chosen and chosen[j] > d]
            if not moved:
                continue
            since = chosen[moved[0]]
        else:
            continue
        for k in (k for k in range(len(p.leaves)) if k not in chosen and overlap(titles[k], words)):
            at = next(
                (i for i in range(since + 1, len(units)) if _free(p, i) and said[k][i] and p.B[k][i] >= floor), None
            )
            if at is not None:
                p.place(k, at)


def _free(p: Placement, i: int) -> bool:
    return i not in p.used and not p.settles[i]


# The chair asks whether anything more is left: "Något mer?", "Något annat?", "Är det något mer?"
MORE = re.compile(
    r"^\W*(?:(?:och|okej|bra|då|så|ja)\W+)*(?:är det |finns det )?(?:något|nåt|några) (?:mer|annat|fler)\W*$"
)
REPLY_WORDS = 6  # a reply this short leaves the talk where it was ("Och Tallinn.")


def opened_at_first_turn(p: Placement, chair: str | None) -> None:
    """The opening item (the agenda's first) with no start of its own, its words misheard ("Klockan är sju,
    <kormon att i>."), while later items were placed: it starts at the first turn of the one who leads, when that
    comes before the first item placed."""
    if chair is None or not p.chosen or 0 in p.chosen or p.leaves[0].kind != "open":
        return
    first = min(p.chosen.values())
    units = p.units
    at = next(
        (i for i in range(first) if units[i].speaker == chair and (i == 0 or units[i - 1].seg_id != units[i].seg_id)),
        None,
    )
    if at is not None and at not in p.used:
        p.place(0, at)


def more_before_close(p: Placement, chair: str | None) -> None:
    """The closing item begins where the chair, after övriga frågor began, asked whether anything more was left
    ("Något mer? Nej. Nästa styrelsemöte har vi …" – "Och Tallinn." – "Och Tallinn. Tack för i kväll. Mötet är
    avslutat."): its start moves back over the chair's turns and short replies to that question."""
    units, chosen, used = p.units, p.chosen, p.used
    close = next((k for k, it in enumerate(p.leaves) if it.kind == "close" and k in chosen), None)
    other = next((k for k, it in enumerate(p.leaves) if it.kind == "other" and k in chosen), None)
    if close is None or chair is None:
        return
    u = chosen[close]
    floor = max((i for i in chosen.values() if i < u), default=-1)
    for j in range(u - 1, floor, -1):
        w = units[j]
        if w.speaker != chair and len(w.text.split()) > REPLY_WORDS:
            return
        first = j == 0 or units[j - 1].seg_id != w.seg_id
        if (
            w.speaker == chair
            and first
            and MORE.match(w.low)
            and j not in used
            and (other is None or chosen[other] < j)
        ):
            p.move(close, j)
            return
