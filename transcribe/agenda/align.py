"""Where each agenda item starts in the transcript.

Three kinds of evidence, combined per sentence ("unit"):

* the chair's transitions: "nästa punkt", "då går vi vidare till", "punkt fyra" (a number said near "hoppar över",
  "utgår", "återkommer … senare" counts against that item instead);
* topic: how many of an item's title words (as stems, weighted by rarity in this meeting) are said in the sentence and
  the next one; a compound's head or a misheard ending still counts ("belysningen" for "Gatubelysning"), and an
  outcome ("Då valdes …", "Då är dagordningen fastställd") ends an item rather than starting one;
* order: a monotone dynamic programme over the agenda picks the best increasing sequence of starts, skipping items
  without evidence. An item named outright with strong evidence of its own (taken out of order, order.py) is inserted
  where it was taken; items announced together ("punkterna åtta och nio", "… hänger ihop, så vi tar dem
  tillsammans") share one start. A start moves back to the sentence of the same turn that named the item
  ("Dagordningen. … Kan den godkännas?"). An item between two placed ones with only weak evidence of its own words is
  placed in agenda order inside that gap (order.py); the passes after the ordered choice live in passes.py.

The evidence's parts, kept apart, also feed a model trained on every dev author's starts, whose sureness is added
where it finds a start (learned.py). An item with no passage is "ej behandlad"; talk before the first item or after
the meeting was closed goes to "Övrigt".
"""

from __future__ import annotations

import math
import re
from collections import Counter

from transcribe.agenda.added import added_topics
from transcribe.agenda.ahead import announced_ahead, reordered_with_agenda
from transcribe.agenda.approval import agenda_talk, opens_nothing
from transcribe.agenda.boundaries import asks_by_name, boundary_strength, handed_over_first
from transcribe.agenda.continuity import damp_passing
from transcribe.agenda.counted import no_start_at_sides
from transcribe.agenda.fallback import FILL_SHARE, by_time, from_times, unrecognisable
from transcribe.agenda.learned import record, recording, rescored
from transcribe.agenda.named import ASIDE, chair_heads, is_heading, kind_alone, kind_said, leads_with
from transcribe.agenda.numbers import number_refs
from transcribe.agenda.officials import first_office_asked
from transcribe.agenda.order import fill_gaps, ordered, taken_early
from transcribe.agenda.outcome import called_after_talk, chair_handed_over, opened_in_turn, outcomes
from transcribe.agenda.parse import Agenda, AgendaItem, standard_kinds
from transcribe.agenda.passes import (
    Placement,
    after_decisions,
    announced_items,
    chair_named_first,
    decided_items,
    more_before_close,
    opened_at_first_turn,
    put_off,
    taken_together,
    turn_heads,
    turn_starts,
)
from transcribe.agenda.phrases import (
    AFTER_MEETING,
    ASKS_FOR,
    CALLED,
    CLOSED,
    CONCLUDES,
    DECIDES,
    ELECTIONS,
    KIND_CUES,
    LATER,
    OPENS_OWN,
    OPENS_WITH,
    PLACED_UNDER,
    SKIP_TOPIC,
    TAKEN_NOW,
    TRANSITION,
    declared_at,
    fronted_topic,
    said_once,
    taken_instead,
    taken_next,
)
from transcribe.agenda.reorder import agreed_after, planned_after, taken_after
from transcribe.agenda.returns import passages, return_cues, returned
from transcribe.agenda.shared import shared_heading
from transcribe.agenda.struck import UNTIL, after_struck, put_off_by_pronoun
from transcribe.agenda.subitems import parents_named
from transcribe.agenda.topics import framing_stems, others_words, overlap, said_outright, title_stems
from transcribe.agenda.units import Alignment, ItemSpan, Unit, build_units
from transcribe.sv.text import stem
from transcribe.transcript import Transcript

# Weights, set on the development meeting only (see transcribe/bench/agenda.py).
W_NUMBER = 3.0
W_CUE = 1.0
W_TOPIC = 2.5
W_NEG = 3.0
W_KIND = 1.5
W_TITLE = 1.0
THRESHOLD = 1.6
STRONG = 2.4  # evidence needed to insert an item taken out of order
NAMED = 0.5  # share of an item's title (by rarity) that names it, in a short sentence or put first by the chair
SHORT = 6  # words in a sentence short enough to be the chair naming an item ("Så, studiecirklarna i vår.")
EARLY = 0.3  # the meeting's officials are elected in this first share of it
OFFICIALS = 0.4  # an election in this first share of the agenda is of the meeting's officials
OFFICIALS_BY = 0.5  # and is held in the meeting's first half
NON_CHAIR = 0.6
# the floor handed to one by name, alone or at the head of what they are to say: "Britt.", "Gudrun, valberedningen
# har ett namn." (not "Tack, Hanna.", "Ja, det går bra.")
_HANDED = re.compile(
    r"(?!(?:Ja|Nej|Jo|Okej|Tack|Bra|Så|Då|Och|Men|Nu|Precis|Absolut|Visst)\b)[A-ZÅÄÖ][\w-]+(?:[.!]|, [^?]+[.!])"
)
ASKED_WITHIN = 2  # sentences of the same turn in which the one naming a role asks for it
BACK = 1.0  # evidence that moves a start back to an earlier sentence of the same turn
GAP = 0.4  # evidence for an item between two placed ones (order.fill_gaps; chosen leaving one meeting out)
W_BOUNDARY = 1.8  # the talk turning to a new item, whichever (boundaries.py), for the ordered choice only
ANNOUNCED = 3  # turns an announcement of an item is worth in telling who leads the meeting
REPLY = 6  # words in a reply short enough to leave the item's talk to the one who asked ("Ja, det kan jag.")
RELATED = 0.5  # a title word said by an everyday word for its topic ("pengarna" for "Ekonomi")


def chair_speaker(units: list[Unit]) -> str | None:
    """Who leads the meeting: the speaker who announces the most items, each announcement worth ANNOUNCED turns,
    with the turns each takes; what comes after the meeting ("Efter mötet går vi över till kaffet", "Mötet är
    avslutat, och nu går vi över till kaffet") announces no item, and the meeting chair who takes every other
    turn and names the items in words of her own leads."""
    counts = Counter(
        u.speaker
        for u in units
        if u.speaker
        and (TRANSITION.search(u.low) or TAKEN_NOW.search(u.low) or number_refs(u.low))
        and not AFTER_MEETING.search(u.low)
        and not CLOSED.search(u.low)
    )
    turns = Counter(u.speaker for i, u in enumerate(units) if u.speaker and (i == 0 or units[i - 1].seg_id != u.seg_id))
    score = Counter({sp: ANNOUNCED * n for sp, n in counts.items()}) + turns
    return score.most_common(1)[0][0] if score else None


def evidence_matrix(
    units: list[Unit], items: list[AgendaItem], turns: list[float] | None = None, *, asked: list[bool] | None = None
) -> tuple[list[list[float]], list[list[bool]]]:
    """B[k][u]: evidence that item k starts at unit u, minus the threshold; and named[k][u]: whether unit u
    names item k explicitly (its number, or most of its title in the chair's words), which alone may
    move an item out of agenda order: a shared word or two is not enough for that. `asked` (boundaries.asks_by_name):
    the chair asking one by name on an item's own words opens it ("Sara, när gick kallelsen ut?")."""
    df = Counter(s for u in units for s in u.stems)
    n = max(len(units), 1)

    def idf(s: str) -> float:
        return math.log((n + 1) / (df.get(s, 0) + 1)) + 1.0

    chair = chair_speaker(units)
    titles = [title_stems(it) for it in items]
    refs = [number_refs(u.low) for u in units]
    outright = [said_outright(titles, u.stems) for u in units]
    cues = [
        1.0 if TRANSITION.search(u.low) or OPENS_WITH.search(u.low) or any(sign > 0 for _, sign in r) else 0.0
        for u, r in zip(units, refs, strict=True)
    ]
    fronted = [fronted_topic(u.low) for u in units]
    own_item = [  # a member opening the item they report on, in the first two sentences of their turn
        bool(OPENS_OWN.search(u.low)) and (i < 2 or units[i - 2].seg_id != u.seg_id) for i, u in enumerate(units)
    ]
    heads = chair_heads(units, chair)
    echoes = [  # a short sentence opening a turn that repeats the one before it, by another speaker
        0 < i
        and units[i - 1].seg_id != u.seg_id
        and units[i - 1].speaker != u.speaker
        and bool(u.stems)
        and u.stems == units[i - 1].stems
        and len(u.text.split()) <= 4
        for i, u in enumerate(units)
    ]
    declared = [declared_at(u.low, i / max(len(units) - 1, 1)) for i, u in enumerate(units)]
    said_once(declared, "welcome", "open", first=True)  # the meeting opens once, at the first welcome
    said_once(declared, "thanks", "close", first=False)  # and closes once, at the last thanks
    kinds = [standard_kinds(it.title) or ([it.kind] if it.kind else []) for it in items]
    # the one who opens the meeting leads it until its chair is elected ("… Jag förklarar årsmötet öppnat. Och nu
    # lämnar jag ordet till valberedningen, för jag ska inte leda det här själv.")
    opener = next((u.speaker for u, d in zip(units, declared, strict=True) if d == "open"), chair)
    skips = [bool(SKIP_TOPIC.search(u.low)) for u in units]
    instead = [taken_instead(u.low) if skip else None for u, skip in zip(units, skips, strict=True)]
    later = [bool(LATER.search(u.low)) for u in units]  # "Förvaltningen tar vi sist": put off, not started
    for i in taken_next([(u.low, u.seg_id) for u in units], skips, later, instead, SHORT + 3):
        instead[i] = units[i].stems  # "… tar vi sist. Så hur ser det ut med vikarierna?": the one taken instead
    concludes = [  # a decision ends an item, and so does the asker's outcome after the floor's yes (outcome.py)
        bool(CONCLUDES.search(u.low) or DECIDES.search(u.low)) or o for u, o in zip(units, outcomes(units), strict=True)
    ]
    placed_under = [bool(PLACED_UNDER.search(u.low)) for u in units]  # "lägga till kårtidningen under övriga frågor"
    added = {  # "lägga till en sak om nycklarna under övriga frågor": the chair's first "nycklarna" after it names it
        k: next((j for j in range(i + 1, len(units)) if units[j].speaker == chair and overlap(t, units[j].stems)), -1)
        for k, (i, t) in added_topics(units, items).items()
    }
    first_child = {it.parent for it in items if it.parent}
    firsts = {p: next(it.number for it in items if it.parent == p) for p in first_child}

    def _first_taken(k: int, i: int) -> str:
        """The sub-item an announcement of its parent starts: the first, unless the chair takes another first
        ("Nästa är vattnet. Vi tar läckan först, …")."""
        parent = items[k].parent
        for topic in (fronted[j] for j in (i, i + 1) if j < len(units) and fronted[j] is not None):
            taken = [
                it.number for it, t in zip(items, titles, strict=True) if it.parent == parent and overlap(t, topic)
            ]
            if len(taken) == 1:
                return taken[0]
        return firsts[parent]

    # the meeting's own officials, put early by the agenda, are elected early: not at a later election's words
    officials = [any(kd in ELECTIONS for kd in kd_) and k < OFFICIALS * len(items) for k, kd_ in enumerate(kinds)]
    out: list[list[float]] = []
    named: list[list[bool]] = []
    for k, item in enumerate(items):
        row, names = [], []
        total = sum(idf(s) for s in titles[k] | framing_stems(item)) or 1.0  # "Frågan om …" counts, unsaid
        for i, u in enumerate(units):
            nxt = units[i + 1] if i + 1 < len(units) and not skips[i + 1] else None  # not what the next strikes
            window = u.stems | (nxt.stems if nxt is not None else set())
            said_other = others_words(outright[i] | (outright[i + 1] if nxt is not None else {}), k)
            topic = _said(titles[k], window, idf, said_other) / total
            own = _said(titles[k], u.stems, idf, said_other) / total
            topic = 0.5 * topic + 0.5 * own
            if added.get(k) == i:
                topic = own = 1.0
            number = 0.0
            for ref, sign in refs[i]:
                if ref == item.number:
                    number += sign
                elif item.parent and ref == item.parent and sign > 0 and _first_taken(k, i) == item.number:
                    number += 0.6
                elif item.number in first_child and ref.startswith(item.number) and sign > 0:
                    number += 0.6
            early_lead = u.speaker == opener and i < EARLY * len(units) and any(kd in ELECTIONS for kd in kinds[k])
            leads = chair is None or u.speaker == chair or early_lead  # the opener, for the elections only
            weight = 1.0 if leads or own_item[i] else NON_CHAIR
            inner = weight if i > 0 and units[i - 1].seg_id == u.seg_id else 1.0  # inside a member's report
            said_now = fronted[i] is not None and bool(overlap(titles[k], fronted[i]))
            if item.parent and _first_taken(k, i) not in (item.number, firsts[item.parent]):
                topic = own = 0.0  # "Nästa är vattnet. Vi tar läckan först": the parent's words start the other
            if fronted[i] is not None and not said_now:  # "Vi tar läckan först, för den avgör <vattnet>": only
                topic = own = 0.0  # the item taken now starts; the others' words there are the reason
            cue = max(cues[i], 1.0 if said_now or own_item[i] else 0.0, turns[i] if turns else 0.0) * weight
            said = [kd for kd in kinds[k] if kd in KIND_CUES and KIND_CUES[kd].search(u.low)]
            kind = 1.0 if said or declared[i] in kinds[k] else 0.0
            asks_next = any(  # "… Går det bra?", the floor handed to one by name: "… leda det här själv. Britt.",
                # or one asked by name in the turn's next two sentences: "… sköta ordet i dag. Göte, du har gjort det
                # förut. Kan du tänka dig?"
                units[j].seg_id == u.seg_id
                and (units[j].text.endswith("?") or _HANDED.fullmatch(units[j].text.strip()))
                for j in range(i + 1, min(i + 1 + ASKED_WITHIN, len(units)))
                if all(units[m].seg_id == u.seg_id for m in range(i + 1, j + 1))
            )
            asks = (  # a role named and the meeting asked, in the sentence or just after it ("… Går det bra?")
                any(kd in ELECTIONS for kd in said) and (ASKS_FOR.search(u.low) or asks_next) and i < EARLY * len(units)
            )
            head_named = not (later[i] or skips[i]) and leads_with(heads[i], titles[k], item.title)
            heading = not concludes[i] and (
                is_heading(u, titles[k]) or head_named or kind_alone(u, kinds[k])
            )  # "Dagordningen."
            # alone, or the title's word first in the chair's turn: "Bra. Dagordningen har ni fått på mejl."
            calls = any(kd in CALLED for kd in said) and u.text.rstrip().endswith("?")  # "Finns det något mer?"
            by_name = asked is not None and asked[i] and (own or kind)
            if declared[i] in kinds[k] or asks or heading or calls or by_name:
                cue = max(cue, weight)  # declaring the meeting open, asking for a role, naming it: the chair starts it
            taken = instead[i] is not None and bool(overlap(titles[k], instead[i]))
            if taken:  # struck one item and took this one instead
                own = topic = sum(idf(s) for s in overlap(titles[k], instead[i])) / total
                cue = max(cue, weight)
            elif skips[i] and any(sign < 0 for _, sign in refs[i]) and number >= 0:  # the number says which is
                topic, own, kind = 0.0, 0.0, 0.0  # struck: "Förvaltningen har meddelat att … punkt sju, inte är klar"
            elif skips[i]:  # "Förra protokollet hoppar vi över": the item named, by title or by kind, is struck
                topic, kind = -max(own, kind), 0.0
            elif later[i] or echoes[i]:  # put off to later in the meeting: no start here, and no strike either; the
                # chair saying again what the one before just said ("Och Tallinn." – "Och Tallinn. Tack för i kväll.")
                topic, own, kind, cue = 0.0, 0.0, 0.0, 0.0
            elif concludes[i] or placed_under[i]:  # "Då är föredragningslistan fastställd": the end of an item, not a
                topic, own, kind = 0.0, 0.0, 0.0  # start; "… under övriga frågor": the agenda spoken of, not the item
            score = (
                W_NUMBER * max(number, 0)
                - W_NEG * max(-number, 0)
                + W_CUE * cue
                + W_TOPIC * topic * (0.6 + cue) * inner
                + W_KIND * kind * (weight if any(kd in ELECTIONS for kd in said) else 1.0)  # a role the answer names
                + W_TITLE * max(0.0, own - 0.5) * 2 * inner  # the item's whole title said in one sentence
                + (W_CUE if heading else 0.0)
                + (W_CUE if said_now and ASIDE.search(u.low) else 0.0)  # "Som vi sa, valen nu": the order agreed
            )
            late = officials[k] and number <= 0 and i > OFFICIALS_BY * len(units)  # "Valen." late elects the board
            row.append(min(score, 0.0) - THRESHOLD if late else score - THRESHOLD)
            record(k, i, number, cue, topic, own, kind, heading, said_now, inner, weight, late, score)
            short = len(u.text.split()) <= SHORT
            said_title = own >= 0.99 or weight == 1.0 and (said_now or own >= NAMED and short)
            called = weight == 1.0 and any(kd in CALLED for kd in said)  # "När ses vi igen?" names the next meeting
            alone = heading and weight == 1.0  # the chair naming the item alone: "Och då, som vi sa, stugan."
            names.append(
                number > 0
                or taken
                or (said_title or called or alone)
                and (taken or not skips[i])
                and not concludes[i]
                and not placed_under[i]
                and not late
            )
        out.append(row)
        named.append(names)
    return out, named


def _said(title: set[str], stems: set[str], idf, outright: set[str]) -> float:
    """How much of the title the stems say, by rarity: a title word said by an everyday word for its topic
    ("kassan" for "Ekonomi", topics.related) counts RELATED of the word itself, unless that word says another
    item's title outright (`outright`, topics.others_words)."""
    direct = overlap(title, stems, related_too=False)
    return sum(idf(s) for s in direct) + RELATED * sum(idf(s) for s in overlap(title, stems - outright) - direct)


def _asked_before(units: list[Unit], u: int, row: list[float], used: set[int], settles: list[bool]) -> list[int]:
    """The speaker's sentence before a short reply that opened the item's talk: the same item asked for ("…?") by
    the one who goes on with it once the reply was given."""
    j = u - 1
    while j >= 0 and units[j].speaker != units[u].speaker:
        if units[j].seg_id != units[u - 1].seg_id or len(units[j].text.split()) > REPLY:
            return []
        j -= 1
    ask = j >= 0 and j < u - 1 and units[j].text.rstrip().endswith("?") and units[j].seg_id != units[u].seg_id
    if not ask or j in used or settles[j] or row[j] + THRESHOLD < STRONG:
        return []
    return [j]


def align_agenda(agenda: Agenda, transcript: Transcript) -> Alignment:
    units = build_units(transcript)
    items = agenda.items
    parents = {it.parent for it in items if it.parent}
    leaves = [it for it in items if it.number not in parents]
    spans = [ItemSpan(number=it.number, title=it.title, kind=it.kind, level=it.level, parent=it.parent) for it in items]
    by_number = {s.number: s for s in spans}
    if not units or not leaves:
        return Alignment(items=spans)
    names = {w for sp in transcript.speakers if sp.name for w in [sp.name.lower(), *sp.name.lower().split()]}
    turns = boundary_strength(units, chair_speaker(units), names)
    recording()  # the next matrix's parts kept apart, for the learned trust in each kind (learned.py)
    B, named = evidence_matrix(units, leaves, turns, asked=asks_by_name(units, chair_speaker(units), names))
    B = rescored(units, B, named, turns, chair_speaker(units), THRESHOLD)
    heads = [it for it in items if it.number in parents]  # a parent named starts its sub-item taken first
    parents_named(units, leaves, heads, *evidence_matrix(units, heads, turns), B, named)
    damp_passing(units, leaves, B, {stem(n) for n in names}, -THRESHOLD)
    no_start_at_sides(units, B, named, THRESHOLD)
    shared_heading(units, leaves, B, named)
    cued = [  # a transition, a number, or an item named alone ("Julen.")
        bool(TRANSITION.search(u.low))
        or any(sign > 0 for _, sign in number_refs(u.low))
        or any(is_heading(u, title_stems(it)) for it in leaves)
        for u in units
    ]
    decides = [bool(CONCLUDES.search(u.low) or DECIDES.search(u.low)) for u in units]  # "Då tar vi offerten."
    opened_in_turn(units, B, named, cued, decides, THRESHOLD, STRONG)
    talk = agenda_talk(units, leaves, B, THRESHOLD)  # the members' changes as the agenda is approved
    put_off_by_pronoun(units, leaves, B, chair_speaker(units), THRESHOLD, talk)
    opens_nothing(talk, leaves, B, named, THRESHOLD)
    after_struck(units, leaves, B, named, chair_speaker(units), THRESHOLD)
    cues = return_cues(units, leaves)
    returned(units, cues, B, named, turns, chair_speaker(units), THRESHOLD, STRONG - THRESHOLD)
    announced_ahead(units, leaves, B, named, THRESHOLD, 0.0)
    reordered_with_agenda(units, leaves, B, named, THRESHOLD)
    moves = agreed_after(units, leaves, talk)  # placed where the order agreed says (reorder.taken_after)
    moves += planned_after(units, leaves, B, named, moves, THRESHOLD)  # "… så vi tar hunden direkt efter …"
    moved = {k for k, _ in moves}
    kept = [min(row) + THRESHOLD >= 0 and k not in moved for k, row in enumerate(B)]  # an item struck, deferred or
    # moved somewhere takes no turn of talk in the agenda's order
    waited = [  # the sentence that put the item off until something happens, said as a strike; taken up strongly
        next((i for i, u in enumerate(units) if row[i] + THRESHOLD < 0 and UNTIL.search(u.low)), None) for row in B
    ]  # after it in any words, it is named there: "Nu tar vi det vi hoppade över, pengarna."
    for k, w in enumerate(waited):
        named[k] = [n or w is not None and i > w and B[k][i] >= STRONG - THRESHOLD for i, n in enumerate(named[k])]
    first = ordered(B, STRONG - THRESHOLD, named)
    seg = [u.seg_id for u in units]
    chosen = taken_early(B, first, named, STRONG - THRESHOLD, turns, kept, W_BOUNDARY, waited, seg)
    used = set(chosen.values())
    p = Placement(units, leaves, B, chosen, used, threshold=THRESHOLD)
    together: dict[int, int] = {}  # item -> the unit where it was taken together with another ("punkterna 8 och 9")
    for k in range(len(leaves)):  # taken out of order: named outright, with strong evidence of its own
        if k in chosen:
            continue
        u = max(range(len(units)), key=lambda i: B[k][i])
        if B[k][u] + THRESHOLD >= STRONG and u not in used and named[k][u]:
            p.place(k, u)
        elif B[k][u] + THRESHOLD >= STRONG and (leaves[k].number, 1) in number_refs(units[u].low):
            together[k] = u
    mates = taken_together(p)
    if len(chosen) + len(together) < FILL_SHARE * len(leaves) and unrecognisable(u.text for u in units):
        return from_times(spans, leaves, by_time(units, B, max(transcript.duration, units[-1].end)), units)
    settles = [bool(CONCLUDES.search(u.low) or DECIDES.search(u.low)) for u in units]  # the end of an item
    p.settles = settles
    decided_items(p)
    announced_items(p, chair_speaker(units))
    struck = {k for k in range(len(leaves)) if min(B[k]) + THRESHOLD < 0} | moved  # deferred or struck somewhere
    fronted = [fronted_topic(u.low) for u in units]  # "Eftersom motionen väntar går vi till pengarna": not the motion
    said = [
        [
            bool(overlap(title_stems(it), u.stems))
            and (f is None or bool(overlap(title_stems(it), f)))
            or kind_said(it, u)
            for u, f in zip(units, fronted, strict=True)
        ]
        for it in leaves
    ]
    for k, i in fill_gaps(B, chosen, said, settles, GAP - THRESHOLD, struck).items():
        p.place(k, i)
    for k, u in list(chosen.items()):  # the chair names the item, then asks: the start is the naming
        first = u
        while first > 0 and units[first - 1].seg_id == units[u].seg_id and first - 1 not in used:
            first -= 1
        earlier = [i for i in range(first, u) if B[k][i] + THRESHOLD >= BACK and not settles[i]]
        if not earlier and first == u:  # "Rania, vill du … skriver ner …?" – "Ja." – "Och Mikael kontrollerar …":
            earlier = _asked_before(units, u, B[k], used, settles)  # the item began at the first ask
        if earlier:
            p.move(k, earlier[0])
    first_office_asked(p)
    put_off(p, said, GAP - THRESHOLD)
    chair_named_first(p, said, chair_speaker(units), GAP - THRESHOLD)
    handed_over_first(p, turns)
    chair_handed_over(p, chair_speaker(units))
    after_decisions(p)
    taken_after(p, moves, chair_speaker(units), talk)
    more_before_close(p, chair_speaker(units))
    called_after_talk(p, turns, chair_speaker(units))
    opened_at_first_turn(p, chair_speaker(units))
    announced = {k: units[u].start for k, u in chosen.items()}  # before a turn's opening reply joins the item
    turn_heads(p)
    turn_starts(p)
    for k in mates:  # taken with its mate: no start of its own
        if k in chosen:
            p.drop(k)
    starts = sorted((u, k) for k, u in chosen.items())
    if starts:  # the opening takes the whole turn it is declared in ("God kväll och välkomna … öppnat")
        u0, k0 = starts[0]
        while u0 > 0 and units[u0 - 1].seg_id == units[u0].seg_id:
            u0 -= 1
        starts[0] = (u0, k0)
    end_time = max(transcript.duration, units[-1].end)
    label: list[int | None] = [None] * len(units)
    for j, (u, k) in enumerate(starts):
        stop = starts[j + 1][0] if j + 1 < len(starts) else len(units)
        if leaves[k].kind == "close":  # after the meeting was declared closed: Övrigt
            closed = next((i for i in range(u, stop) if CLOSED.search(units[i].low)), None)
            if closed is not None:
                stop = min(stop, closed + 1)
        for i in range(u, stop):
            label[i] = k
        span = by_number[leaves[k].number]
        span.treated = True
        span.order = j + 1
        span.start = round(units[u].start, 2)
        nxt = units[stop].start if stop < len(units) else end_time
        span.end = round(max(nxt, span.start), 2)
        span.score = round(B[k][u] + THRESHOLD, 2)
        span.cue = units[u].text[:200]
        span.announced = round(max(announced.get(k, units[u].start), units[u].start), 2)
    segs_by_item: dict[int, list[int]] = {}
    other: list[int] = []
    other_spans: list[tuple[float, float]] = []
    for i, u in enumerate(units):
        k = label[i]
        if k is None:
            if u.seg_id not in other:
                other.append(u.seg_id)
            nxt = units[i + 1].start if i + 1 < len(units) else end_time
            if other_spans and abs(other_spans[-1][1] - u.start) < 1e-6 or other_spans and label[i - 1] is None:
                other_spans[-1] = (other_spans[-1][0], round(nxt, 2))
            else:
                other_spans.append((round(u.start, 2), round(nxt, 2)))
        else:
            segs = segs_by_item.setdefault(k, [])
            if u.seg_id not in segs:
                segs.append(u.seg_id)
    for k, segs in segs_by_item.items():
        by_number[leaves[k].number].segment_ids = segs
    for k, u in together.items():
        mate = next((by_number[leaves[j].number] for j, i in chosen.items() if i == u), None)
        if mate is not None:
            span = by_number[leaves[k].number]
            for name in ("treated", "order", "start", "end", "score", "cue", "announced", "segment_ids"):
                setattr(span, name, getattr(mate, name))
    for k, j in mates.items():  # named together by topic: said once, under the first
        mate, span = by_number[leaves[j].number], by_number[leaves[k].number]
        if mate.treated and not span.treated:
            for name in ("treated", "order", "start", "end", "score", "cue", "announced", "segment_ids"):
                setattr(span, name, getattr(mate, name))
    for parent in parents:  # a parent item spans its treated sub-items
        span = by_number.get(parent)
        kids = [s for s in spans if s.parent == parent and s.treated]
        if span is None or not kids:
            continue
        span.treated = True
        span.start = min(s.start for s in kids if s.start is not None)
        span.end = max(s.end for s in kids if s.end is not None)
        span.segment_ids = sorted({i for s in kids for i in s.segment_ids})
        span.order = min(s.order for s in kids if s.order is not None)
    other_ids = [i for i in other if not any(i in s.segment_ids for s in spans)]
    back = [
        (units[a].start, units[b].start if b < len(units) else end_time, leaves[k].number)
        for a, b, k in passages(units, cues, {k: u for u, k in starts}, turns)
    ]
    return Alignment(items=spans, other_segments=other_ids, other_spans=other_spans, returns=back)
