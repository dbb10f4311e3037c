"""An item struck, withdrawn or put off to another meeting is not treated when it is spoken of again: "Apropå
ledarutbildningen, förbundet ringde i går", "En sak till om ledarutbildningen …", "Kostar ledarutbildningen något?",
"Avgifterna måste upp på nästa sammanträde" say its words but take nothing up. After the sentence that struck it,
its evidence counts only where it is opened as an item is: announced by the chair ("Då tar vi ändå
ledarutbildningen nu", "Punkt sex."), named alone by the chair ("Skyddsronden."), or opened by the member who
reports on it ("Ska jag ta mitt nu?"). An item put off only until something happens, or to later in the meeting
("Skyddsronden väntar vi med tills Lisa kommer", "Lokalerna skjuter vi på tills fastighetschefen har svarat, vi
tar dem sist"), may come back in any words and is left as it was.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from transcribe.agenda.numbers import number_refs
from transcribe.agenda.parse import AgendaItem, standard_kinds
from transcribe.agenda.phrases import (
    ANNOUNCES,
    KIND_CUES,
    LATER,
    OPENS_OWN,
    OPENS_WITH,
    SKIP_TOPIC,
    TRANSITION,
    fronted_topic,
)
from transcribe.agenda.topics import overlap, title_stems
from transcribe.minutes.meetingcues import MEETING_NOUN, NEXT_MEETING_ACRONYM
from transcribe.sv.text import content_words, stem

if TYPE_CHECKING:  # align.py imports this module
    from transcribe.agenda.units import Unit

# put off until something happens or someone comes, maybe in this meeting: "… tills Lisa kommer", "Leila kommer halv
# nio, vi väntar med skyddsronden"; or for a while: "Ekonomin skjuter vi på en stund."
UNTIL = re.compile(
    r"\b(?:tills(?! vidare)|till dess|förrän|kommer (?:\w+ ){0,2}(?:halv|klockan|kvart|senare|sent|strax|snart|efter)"
    r"|är (?:lite )?sen|(?:inte|ej) här än|på väg|en (?:liten |kort )?stund)\b"
)
# the next meeting named, where "Då tar vi solcellsparken." says what it will take up; by whatever the meeting is
# called ("Nästa släktträff …", "Nästa APT blir torsdagen den tionde maj.") or by its date ("Vårens församlingsmöte blir
# söndagen den tolfte mars …")
NEXT_MEETING = re.compile(
    rf"\bnästa (?:{MEETING_NOUN}|gång)\b|\b{MEETING_NOUN}\w* (?:blir|hålls|är) (?:på )?(?:\w+dagen|den)\b"
)
HEADING_WORDS = 6  # the chair naming an item alone: "Skyddsronden.", "Och så ledarutbildningen då."
# the item put off by a pronoun: "Vi tar dem nästa gång", "Den får vänta", "Det hoppar vi över i dag"
PRONOUN = re.compile(r"\b(?:dem|dom|(?:den|det|de)(?!\s+(?!nästa\b)[a-zåäöé]+a\s+[a-zåäöé]))\b")
# not the article of a noun with its adjective: "Och tolvan, den nya tee:n, stryker vi." ("Vi tar den nästa gång.")
# the item put off named first in the same sentence, the pronoun taking it up: "Och yrkesmässan i Göteborg, den är
# inställd av arrangören, så den punkten stryker vi." (not a reason: "Det är inte justerat än, så det …")
DISLOCATED = re.compile(r"^\W*(?:(?:och|så|men)\s+)?(?P<topic>[^,]+),\s*(?:den|det|dem|de)\b")
RAISED = 2.4  # evidence of an item raised by its name alone (align.STRONG)
OPENING_SENTENCES = 2  # the item named this early in the chair's turn is the one the pronoun puts off


def struck_at(B: list[list[float]], units: list[Unit], threshold: float) -> dict[int, int]:
    """Item -> the first sentence that struck, withdrew or put it off (negative evidence, said as a strike); not
    an item put off until something happens or to later in the meeting."""
    out: dict[int, int] = {}
    for k, row in enumerate(B):
        at = next(  # put off until Holger is well, then to the next meeting ("Den tar vi på nästa möte."): struck
            (
                i
                for i, b in enumerate(row)
                if b + threshold < 0
                and SKIP_TOPIC.search(units[i].low)
                and not (UNTIL.search(units[i].low) or LATER.search(units[i].low))
            ),
            None,
        )
        if at is not None:
            out[k] = at
    return out


def opens(u: Unit, item: AgendaItem, chair: str | None) -> bool:
    """Whether the sentence opens the item as an item is opened, rather than speaking of it."""
    if SKIP_TOPIC.search(u.low):
        return False
    if any(ref == item.number and sign > 0 for ref, sign in number_refs(u.low)):
        return True
    title = title_stems(item)
    said = bool(overlap(title, u.stems))
    if OPENS_OWN.search(u.low):
        return said or u.speaker != chair
    if u.speaker != chair or not said:
        return False
    topic = fronted_topic(u.low)
    if topic is not None:
        return bool(overlap(title, topic))
    short = len(u.text.split()) <= HEADING_WORDS and not u.text.rstrip().endswith("?")
    alone = short and all(overlap(title, {s}) for s in u.stems)  # "Tio personer gånger tvåtusen" names no item
    return bool(TRANSITION.search(u.low) or ANNOUNCES.search(u.low) or OPENS_WITH.search(u.low)) or alone


def after_struck(
    units: list[Unit],
    leaves: list[AgendaItem],
    B: list[list[float]],
    named: list[list[bool]],
    chair: str | None,
    threshold: float,
) -> None:
    """After the sentence that struck an item, its evidence is nothing where it is only spoken of (B and named set
    in place); where it is opened, it stands, unless that is what the next meeting takes up ("Nästa styrelsemöte
    blir tisdagen den elfte april. Då tar vi solcellsparken.")."""
    for k, at in struck_at(B, units, threshold).items():
        for j in range(at + 1, len(units)):
            then = any(
                NEXT_MEETING.search(v.low) or NEXT_MEETING_ACRONYM.search(v.text)
                for v in units[max(j - 1, 0) : j + 1]
                if v.seg_id == units[j].seg_id
            )
            if then or not opens(units[j], leaves[k], chair):
                B[k][j], named[k][j] = min(B[k][j], -threshold), False


def _names(u: Unit, item: AgendaItem) -> bool:
    kinds = standard_kinds(item.title) or ([item.kind] if item.kind else [])
    return bool(overlap(title_stems(item), u.stems)) or any(
        kd in KIND_CUES and KIND_CUES[kd].search(u.low) for kd in kinds
    )


def _naming(b: float, u: Unit, threshold: float) -> float:
    """How strongly a sentence names an item (its evidence less the threshold); a strike names it as strongly as it
    counts against it."""
    return abs(b + threshold) - threshold if SKIP_TOPIC.search(u.low) else b


def _named_in(
    said: list[int], units: list[Unit], leaves: list[AgendaItem], B: list[list[float]], threshold: float
) -> dict[int, float]:
    """Item -> how strongly the sentences `said` name it; several items share a word ("antecknare",
    "anteckningar"): the caller takes the one named best."""
    return {
        k: max(_naming(B[k][j], units[j], threshold) for j in said if _names(units[j], it))
        for k, it in enumerate(leaves)
        if any(_names(units[j], it) for j in said)
    }


def put_off_by_pronoun(
    units: list[Unit],
    leaves: list[AgendaItem],
    B: list[list[float]],
    chair: str | None,
    threshold: float,
    floor: range = range(0),
) -> None:
    """The chair names an item, says why it cannot be taken and puts it off by a pronoun in the same turn ("Förra
    gångens anteckningar, dem hittar jag inte. … Vi tar dem nästa gång."): the item is struck at that sentence
    (B in place), as if it had been named there, and it starts nowhere in that turn. Not when the sentence names an
    item itself, nor one put off to later in the meeting or until something happens. While the agenda is discussed
    (`floor`, approval.agenda_talk) a member strikes so too ("Och hemsidan, punkt nio. … Den kan vi stryka i
    kväll.")."""
    for i, u in enumerate(units):
        speaks = u.speaker == chair or i in floor
        if not speaks or not SKIP_TOPIC.search(u.low) or not PRONOUN.search(u.low):
            continue
        if UNTIL.search(u.low) or LATER.search(u.low) or number_refs(u.low):
            continue
        skip = SKIP_TOPIC.search(u.low)
        fronted = re.split(r",|\b(?:så|och|men)\b", u.low[: skip.start()])[-1]  # what is put off, said first
        before = "" if PRONOUN.search(fronted) else u.low[: skip.start()]  # a pronoun there: before it the reason
        left = before + " " + u.low[skip.end() :]  # ("Det är inte justerat än, så det hoppar vi över.")
        rest = replace(u, low=left, stems={stem(w) for w in content_words(left)})  # the words that put it off
        if any(_names(rest, it) for it in leaves):  # not where it is put off to: "… till en extra stämma i höst"
            continue
        topic = DISLOCATED.match(u.low[: skip.start()])
        said_first = topic and replace(u, low=topic["topic"], stems={stem(w) for w in content_words(topic["topic"])})
        if said_first and any(_names(said_first, it) for it in leaves):  # the sentence names what it strikes itself
            continue
        turn = [j for j in range(i) if units[j].seg_id == u.seg_id]
        said = turn[:OPENING_SENTENCES] + [j for j in turn[-1:] if j == i - 1]
        # the turn's opening or the sentence just before names what the pronoun stands for ("… Och arvodena och
        # avgiften har valberedningen inte hunnit räkna på. Vi skjuter dem till en extra stämma."), or puts it off
        # until something happens ("Och knivkursen väntar vi med tills Holger är frisk.")
        named = _named_in(said, units, leaves, B, threshold)
        first, raised = (turn[0] if turn else i), []
        if not named and i in floor and first > 0:  # in the agenda's talk, the item the turn before named
            # ("Och uthyrningen av kyrksalen, den är inte färdigberedd." – "… Vi tar den på vårens möte.")
            said = [j for j in range(floor.start - 1, first) if units[j].seg_id == units[first - 1].seg_id]
            named = _named_in(said, units, leaves, B, threshold)
        elif not named and first > 0 and units[first - 1].speaker != u.speaker:  # an item another raised by its
            # name alone just before ("Vi hoppade över ullen. Ullinsamlingen." – "Oj. … så den får vänta till nästa
            # möte."): put off in the reply, never begun
            said = [j for j in range(first) if units[j].seg_id == units[first - 1].seg_id]
            named = {k: b for k, b in _named_in(said, units, leaves, B, threshold).items() if b + threshold >= RAISED}
            raised = said
        if named and max(named.values()) + threshold > 0:
            k = max(named, key=lambda x: named[x])
            B[k][i] = min(B[k][i], -threshold - 1.0)
            for j in turn + raised:  # named there only to be put off: no start
                B[k][j] = min(B[k][j], -threshold)
