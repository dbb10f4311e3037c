"""The formal Swedish protokoll: one § per agenda item, decisions in "beslutade att" form, justering.

Built on top of the ordinary minutes draft: the rules extractor finds the
decisions, actions and open questions (each with its evidence and confidence
flag); the agenda alignment says which § was being treated when each of them
was settled. Roles (ordförande, sekreterare, justerare) are read from the
election items, and "Mötet förklarades öppnat/avslutat" gets its clock time.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from transcribe.agenda.align import Alignment, Unit, align_agenda, build_units, chair_speaker
from transcribe.agenda.closings import item_closings
from transcribe.agenda.formal import formal_decisions
from transcribe.agenda.numbers import number_refs
from transcribe.agenda.parse import Agenda, AgendaItem, parse_agenda
from transcribe.agenda.phrases import SKIP_TOPIC, TABLED
from transcribe.agenda.settle import lead_in, placed_by_matter, settled_under
from transcribe.agenda.topics import overlap, title_stems
from transcribe.agenda.verdicts import ROLE_KINDS, item_verdicts
from transcribe.errors import BadOption
from transcribe.minutes.model import Action, Decision, Evidence, Item, Minutes, NextMeeting, OpenItem
from transcribe.minutes.protokoll_elections import election_decisions
from transcribe.minutes.protokoll_order import agenda_talk, order_apart
from transcribe.minutes.protokoll_review import keep_review, refiled
from transcribe.minutes.protokoll_stated import leaders, member_only, requested, settled_at_outcome
from transcribe.minutes.protokoll_wording import (
    decision_body,
    filed_wording,
    formal_decision,
    meeting_names,
    restated,
    statement,
    titled_subject,
)
from transcribe.minutes.role_items import names_role
from transcribe.minutes.roles import RoleElection, find_roles, unit_evidence
from transcribe.sv.calendar import clock, elapsed
from transcribe.sv.text import capitalise, content_words, finish_sentence, stem
from transcribe.transcript import Transcript

_NOT_SUMMARY = re.compile(r"\bbeslut\w*|\bbeslöt|\bbestäm\w*|\bförklarar\b")

_FLAG_FORMAL = "Beslutet är formulerat efter punktens rubrik eller förslaget; kontrollera ordalydelsen"

_FLAG_CLOSING = "Ordförandens avslutning på punkten, läst som beslut utan beslutsord; kontrollera"


class Paragraph(BaseModel):
    """A § of the protokoll: one agenda item with what was said and decided under it."""

    number: str  # the agenda's numbering: "4", "4a"
    title: str
    kind: str | None = None
    level: int = 0
    status: Literal["behandlad", "ej behandlad", "bordlagd", "övrigt"] = "behandlad"
    start: float | None = None
    end: float | None = None
    summary: str = ""
    decisions: list[Decision] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    open_items: list[OpenItem] = Field(default_factory=list)
    segment_ids: list[int] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)  # where the § starts (the chair's transition)


class Signature(BaseModel):
    label: str  # "Vid protokollet", "Justeras"
    name: str | None
    role: str


class Protokoll(BaseModel):
    title: str = "Protokoll"
    body: str = "Mötet"  # who decides: Styrelsen, Nämnden, Mötet
    date: dt.date | None = None
    place: str | None = None
    start_time: dt.time | None = None
    opened_at: str | None = None  # "18.02" (clock) or "00:00:04" (recording) when the time of day is unknown
    closed_at: str | None = None
    present: list[str] = Field(default_factory=list)
    roles: list[RoleElection] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    other: Paragraph | None = None  # Övrigt: talk outside any agenda item
    next_meeting: NextMeeting | None = None
    signatures: list[Signature] = Field(default_factory=list)
    agenda_title: str = ""
    alignment: Alignment = Field(default_factory=Alignment)

    def role_names(self, role: str) -> list[str]:
        return [r.name for r in self.roles if r.role == role]

    def paragraph(self, number: str) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.number == number), None)

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Protokoll:
        return cls.model_validate_json(text)


STANDARD_AGENDA = [
    AgendaItem(number="1", title="Mötets öppnande", kind="open"),
    AgendaItem(number="2", title="Val av mötesordförande", kind="chair"),
    AgendaItem(number="3", title="Val av sekreterare", kind="secretary"),
    AgendaItem(number="4", title="Val av justerare", kind="adjusters"),
    AgendaItem(number="5", title="Godkännande av dagordningen", kind="agenda"),
    AgendaItem(number="6", title="Mötets avslutande", kind="close"),
]


_REPORTED = re.compile(r"\b(?:det|här|där) (?:står|stod) (?:det )?att\b|\bstår det (?:att|i protokollet)\b")


def _quoted(text: str, quote: str) -> bool:
    """The decision's words are those of a sentence that reports what stands written ("Det står att vi beslutade
    att …"): read from the minutes, not decided."""
    words = {stem(w) for w in content_words(text)}
    for sentence in re.split(r"(?<=[.!?])\s+", quote):
        low = sentence.lower()
        if _REPORTED.search(low) and len(words & {stem(w) for w in content_words(low)}) >= min(3, len(words)):
            return True
    return False


def _settled_at(item: Item) -> float:
    """The moment an item was settled: its latest evidence."""
    return max(e.start for e in item.evidence)


def _clock(meeting_start: dt.time | None, day: dt.date | None, offset: float) -> str:
    if meeting_start is None:
        return elapsed(offset)
    base = dt.datetime.combine(day or dt.date(2000, 1, 1), meeting_start)
    return clock(base + dt.timedelta(seconds=offset))


def _at(when: str | None) -> str:
    """'kl. 19.02' for a clock time, '(00:03:25 in i inspelningen)' when only the recording time is known."""
    return f"({when} in i inspelningen)" if when and when.count(":") == 2 else f"kl. {when}"


def _summary(units: list[Unit], transcript: Transcript, max_sentences: int = 2) -> str:
    """Who took part and the one or two sentences that carry the most of the passage's own words."""
    if not units:
        return ""
    speakers = list(dict.fromkeys(transcript.speaker_name(u.speaker) for u in units if u.speaker))
    tf = Counter(s for u in units for s in u.stems)
    body = [
        u
        for u in units[1:]
        if len(u.text.split()) >= 6
        and not u.text.rstrip().endswith("?")
        and statement(u.text) is not None  # "Ja, kör vi på det": no statement to quote
        and not _NOT_SUMMARY.search(u.low)
        and not number_refs(u.low)
    ]  # decisions are listed on their own
    scored = sorted(body, key=lambda u: -sum(math.log1p(tf[s]) for s in u.stems) / math.sqrt(len(u.text.split())))
    picked = sorted(scored[:max_sentences], key=lambda u: u.start)
    parts = []
    if len(speakers) > 1:
        parts.append(f"Diskussion fördes av {_join(speakers)}.")
    elif speakers:
        parts.append(f"{speakers[0]} föredrog ärendet.")
    for u in picked:
        who = transcript.speaker_name(u.speaker) if u.speaker else ""
        text = statement(u.text)
        parts.append(f"{who}: ”{text}”" if who else f"”{text}”")
    return " ".join(parts)


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


def _struck_by(number: str, title: str, units: list[Unit]) -> Unit | None:
    """The sentence that struck, withdrew or put off the item, by its number or its title ("Ledarutbildningen
    hoppar vi över i dag"), if said."""
    stems = {stem(w) for w in content_words(title)}
    for u in units:
        by_number = any(ref == number and sign < 0 for ref, sign in number_refs(u.low))
        if by_number or SKIP_TOPIC.search(u.low) and stems and overlap(stems, u.stems):
            return u
    return None


def _skip_note(u: Unit | None, transcript: Transcript) -> str:
    """The words that struck the item, with who said them."""
    if u is None:
        return ""
    who = transcript.speaker_name(u.speaker) if u.speaker else None
    return f" {who or 'Ordföranden'}: ”{statement(u.text) or finish_sentence(u.text)}”"


def _tabled(low: str, number: str, title: str) -> bool:
    """Whether the sentence that struck an item tables it (puts it off to a later meeting), read in the clause
    that names it: "Hemsidan hoppar vi över i dag, och taket bordläggs till nästa möte" tables only the roof."""
    stems = {stem(w) for w in content_words(title)}
    clauses = [c for c in re.split(r",|;|\s(?:och|men)\s", low) if c.strip()]
    named = [
        c
        for c in clauses
        if overlap(stems, {stem(w) for w in content_words(c)}) or any(r == number for r, _ in number_refs(c))
    ]
    return any(TABLED.search(c) for c in named or clauses)


_TABLING = re.compile(r"\bbordl(?:ägg|ad|agd)\w*")  # a decision to table the item ("att bordlägga regattan")


def _tables_itself(text: str, par: Paragraph) -> bool:
    """A decision that tables its own item, not one that tables another ("… med ändringen att punkt nio bordläggs")."""
    low = text.lower()
    return bool(_TABLING.search(low)) and not any(ref != par.number for ref, _ in number_refs(low))


def build_protokoll(
    minutes: Minutes, transcript: Transcript, agenda: Agenda | None = None, alignment: Alignment | None = None
) -> Protokoll:
    """The protokoll for a meeting: the agenda's §§ filled from the minutes draft by time."""
    agenda = agenda or Agenda(title="", items=STANDARD_AGENDA)
    alignment = alignment or align_agenda(agenda, transcript)
    units = build_units(transcript)
    body = decision_body(agenda.title, minutes.title)
    names = meeting_names((s.text for s in transcript.segments), (sp.name for sp in transcript.speakers))
    prot = Protokoll(
        title=minutes.title,
        body=body,
        date=minutes.date,
        place=minutes.place,
        start_time=minutes.start_time,
        agenda_title=agenda.title,
        alignment=alignment,
    )
    prot.present = [
        ", ".join(x for x in (p.name or transcript.speaker_name(p.label), p.role) if x) for p in minutes.participants
    ]
    paragraphs: dict[str, Paragraph] = {}
    for span in alignment.items:
        par = Paragraph(
            number=span.number,
            title=span.title,
            kind=span.kind,
            level=span.level,
            status="behandlad" if span.treated else "ej behandlad",
            start=span.start,
            end=span.end,
            segment_ids=span.segment_ids,
        )
        own = [  # times are rounded to 1/100 s: the item's first sentence may start a hair before it
            u
            for u in units
            if span.start is not None and span.end is not None and span.start - 0.01 <= u.start < span.end
        ]
        if own:
            par.evidence = [unit_evidence(own[0], transcript)]
        kids = [c.number for c in alignment.items if c.parent == span.number and c.treated]
        mate = next(
            (p for p in paragraphs.values() if span.treated and p.start == span.start and p.level == par.level), None
        )
        if kids:
            par.summary = f"Behandlades under {', '.join(kids)}."
        elif mate is not None:  # "punkterna åtta och nio tar vi tillsammans": said once, under the first
            par.summary = f"Behandlades tillsammans med § {mate.number}."
        elif span.treated:
            par.summary = _summary(own, transcript)
        else:  # tabled (put off to a later meeting) or not treated, with the words that said so
            struck = _struck_by(span.number, span.title, units)
            if struck is not None and _tabled(struck.low, span.number, span.title):
                par.status = "bordlagd"
            said = "Bordlagd." if par.status == "bordlagd" else "Ej behandlad."
            par.summary = said + _skip_note(struck, transcript)
        paragraphs[span.number] = par
    other = Paragraph(number="", title="Övrigt", status="övrigt", segment_ids=alignment.other_segments)
    other_units = [
        u
        for u in units
        if alignment.item_at(u.start) is None and any(a <= u.start < b for a, b in alignment.other_spans)
    ]
    other.summary = _summary(other_units, transcript)

    def home(item: Item) -> Paragraph:
        if (filed := refiled(item, paragraphs)) is not None:
            return filed  # the § the reviewer put it under
        last = max(item.evidence, key=lambda e: e.start)
        said = getattr(item, "text", None) or getattr(item, "what", "")  # a decision's or open item's text, a task
        cited = [e.segment_id for e in item.evidence]
        number = settled_under(alignment, units, last.segment_id, said, _settled_at(item), cited)
        return paragraphs[number] if number in paragraphs else other

    titles = {it.number: title_stems(it) for it in agenda.items}
    reviewed: set[str] = set()  # a § whose decision a reviewer rejected gets none from its structure either
    prot.roles = find_roles(transcript, alignment, units)
    heads = leaders(units, prot.roles, transcript)
    for d in settled_at_outcome(minutes.decisions, units, transcript):
        if d.status == "rejected":
            reviewed.add(home(d).number)
            continue
        if all(_quoted(d.text, e.quote) for e in d.evidence):
            continue  # "Det står att vi beslutade att sjunga Rutter …": the minutes read aloud, not a decision
        par = home(d)
        said = [(e.speaker, e.quote) for e in d.evidence]
        if d.status == "draft" and (
            requested(d) or par.kind not in ROLE_KINDS and member_only(said, heads | _opener(par))
        ):
            continue  # a member's task, report, sum or recommendation the chair never stated (protokoll_stated.py)
        if d.status == "draft" and agenda_talk(d.text, d.evidence, titles, par.number):
            continue  # "Då stryker vi nian.": the agenda's order, shown by its §§ (protokoll_order.py)
        strikes = any(SKIP_TOPIC.search(e.quote.lower()) for e in d.evidence)
        if par.status != "behandlad" and par is not other and strikes:
            continue  # "Personalfesten hoppar vi över": the § says it was not treated, with these words
        said, evidence = order_apart(d.text, d.evidence, titles, par.number)  # "… får vänta till januari." apart
        d = d.model_copy(update={"text": said, "evidence": evidence})
        cited = _cited_under(d.evidence, par, paragraphs, _lead_segments(par, alignment, units, d.text))
        said = restated(d.text, [e.quote for e in cited])  # "att köpa en egen": "Då köper vi en egen kaffemaskin"
        text = filed_wording(formal_decision(titled_subject(said, par.title), body, names), par.title)
        d = d.model_copy(update={"text": text, "evidence": cited})
        par.decisions.append(d)
    _add_verdicts(paragraphs, alignment, units, transcript, (body, names), reviewed, heads)
    keep_review(paragraphs, minutes.decisions)
    for par in paragraphs.values():  # discussed, then tabled: its only decisions put it off, not another item
        if par.status == "behandlad" and par.decisions and all(_tables_itself(d.text, par) for d in par.decisions):
            par.status = "bordlagd"
    for a in minutes.actions:
        if a.status != "rejected":
            home(a).actions.append(a)
    for o in minutes.not_decided:
        if o.status != "rejected":
            home(o).open_items.append(o)
    if minutes.next_meeting is not None and minutes.next_meeting.status != "rejected":
        prot.next_meeting = minutes.next_meeting
    prot.paragraphs = list(paragraphs.values())
    prot.other = other if other.segment_ids or other.decisions or other.actions or other.open_items else None
    opened = next((s for s in alignment.items if s.kind == "open" and s.treated), None)
    closed = next((s for s in alignment.items if s.kind == "close" and s.treated), None)
    if opened is not None and opened.start is not None:
        prot.opened_at = _clock(minutes.start_time, minutes.date, opened.start)
    if closed is not None and closed.start is not None:
        prot.closed_at = _clock(minutes.start_time, minutes.date, closed.start)
        paragraphs[closed.number].summary = f"Ordföranden förklarade mötet avslutat {_at(prot.closed_at)}."
    election_decisions(paragraphs, alignment, prot.roles, units, transcript, body)
    for par in prot.paragraphs:  # election items: who was elected, then the summary
        said = [r for r in prot.roles if r.source == "val" and names_role(r.role, par.title)]
        if said and par.status == "behandlad":
            elected = [
                f"till {role} valdes {_join([r.name for r in said if r.role == role])}"
                for role in dict.fromkeys(r.role for r in said)
            ]
            par.summary = capitalise("; ".join(elected)) + "."
    if opened is not None and opened.start is not None:  # after the roles: "öppnat" wins over a chair election
        paragraphs[opened.number].summary = f"Ordföranden förklarade mötet öppnat {_at(prot.opened_at)}."
    prot.signatures = _signatures(prot)
    return prot


def _add_verdicts(
    paragraphs: dict[str, Paragraph],
    alignment: Alignment,
    units: list[Unit],
    transcript: Transcript,
    wording: tuple[str, frozenset[str]],
    reviewed: set[str],
    heads: set[str],
) -> None:
    """Decisions an item's structure shows (title, proposal, assent) where the sentence rules found none; `wording`
    is the deciding body and the meeting's names."""
    body, names = wording
    decided = reviewed | {n for n, p in paragraphs.items() if p.decisions or p.summary.startswith("Behandlades")}
    for v in item_verdicts(alignment, units, decided):
        paragraphs[v.number].decisions.append(
            _read_decision(
                f"p{v.number}", formal_decision(v.text, body, names), v.evidence, transcript, v.sure, v.reason
            )
        )
    chair = chair_speaker(units)
    for n, (number, f) in enumerate(formal_decisions(alignment, units, _backing(paragraphs)), 1):
        number = placed_by_matter(number, f.text, f.evidence, alignment, units)
        if paragraphs[number].kind not in ROLE_KINDS and member_only(
            [(u.speaker, u.text) for u in f.evidence], heads | _opener(paragraphs[number])
        ):
            continue  # a member's report in set words ("Skåpen är godkända."), never stated by the chair
        paragraphs[number].decisions.append(
            _read_decision(f"f{n}", formal_decision(f.text, body, names), f.evidence, transcript, f.sure, _FLAG_FORMAL)
        )
    made = [d for p in paragraphs.values() for d in p.decisions if d.evidence]
    settled = [max(e.start for e in d.evidence) for d in made]
    for n, c in enumerate(item_closings(alignment, units, chair, settled, _backing(paragraphs)), 1):
        paragraphs[placed_by_matter(c.number, c.text, c.evidence, alignment, units)].decisions.append(
            Decision(
                id=f"c{n}",
                text=formal_decision(c.text, body, names),
                evidence=[unit_evidence(u, transcript) for u in c.evidence],
                confidence=0.5,
                needs_review=True,
                review_reason=_FLAG_CLOSING,
            )
        )


def _opener(par: Paragraph) -> set[str]:
    """Who opened the §: leads it with the chair (a member handed an item, the meeting's chair after a handover)."""
    return {e.speaker for e in par.evidence[:1] if e.speaker}


def _lead_segments(par: Paragraph, alignment: Alignment, units: list[Unit], text: str) -> set[int]:
    """The turn opening the item after this §, when it closes this one before turning the talk (settle.lead_in) and
    says the decision `text` there (two of its words)."""
    after = next((s.number for s in alignment.items if s.treated and par.end is not None and s.start == par.end), None)
    lead = lead_in(alignment, units, after)
    said = {x for u in lead for x in u.stems}
    return {u.seg_id for u in lead} if len(said & {stem(w) for w in content_words(text)}) >= 2 else set()


def _cited_under(
    evidence: list[Evidence], par: Paragraph, paragraphs: dict[str, Paragraph], lead: set[int] = frozenset()
) -> list[Evidence]:
    """A decision's evidence as cited under its §: not a sentence said under another § (the rules extractor may join
    two like sentences of different items, "Informationen läggs till handlingarna" and later "Då läggs de till
    handlingarna"), unless nothing was said under its own; the close said as the next item's turn opens (`lead`)
    is its own."""
    elsewhere = {i for p in paragraphs.values() if p is not par for i in p.segment_ids} - lead
    own = [e for e in evidence if e.segment_id in par.segment_ids or e.segment_id not in elsewhere]
    return own if any(e.segment_id in par.segment_ids for e in own) else evidence


def _backing(paragraphs: dict[str, Paragraph]) -> set[int]:
    """The turn each decision stands on: its last sentence in the § it was filed under (the rules extractor may join
    two like sentences said under different items, "Informationen läggs till handlingarna" and later "Då läggs de
    till handlingarna": the later one still backs nothing), else its last sentence."""
    out = set()
    for p in paragraphs.values():
        for d in p.decisions:
            own = [e for e in d.evidence if e.segment_id in p.segment_ids] or d.evidence
            if own:
                out.add(max(own, key=lambda e: e.start).segment_id)
    return out


def _signatures(prot: Protokoll) -> list[Signature]:
    sig = [
        Signature(label="Vid protokollet", name=(prot.role_names("sekreterare") or [None])[0], role="sekreterare"),
        Signature(label="Justeras", name=(prot.role_names("ordförande") or [None])[0], role="ordförande"),
    ]
    adjusters = prot.role_names("justerare") or [None]
    sig += [Signature(label="Justeras", name=n, role="justerare") for n in adjusters]
    return sig


def resolve_style(style: str | None, has_agenda: bool) -> str:
    """rapport or protokoll; without a choice, an agenda means a protokoll."""
    if style not in (None, "rapport", "protokoll"):
        raise BadOption(f"okänd protokollstil {style!r}; välj protokoll eller rapport")
    return style or ("protokoll" if has_agenda else "rapport")


def protokoll_for(
    minutes: Minutes, transcript: Transcript, agenda_path: Path | str | None, style: str | None = None
) -> Protokoll | None:
    """The protokoll when the style asks for one (reading the agenda file), else None."""
    agenda = parse_agenda(agenda_path) if agenda_path else None
    if resolve_style(style, agenda is not None) != "protokoll":
        return None
    return build_protokoll(minutes, transcript, agenda)


def _read_decision(
    id: str, text: str, units: list[Unit], transcript: Transcript, sure: bool, reason: str | None
) -> Decision:
    """A decision the protokoll reads from an item (its structure or set phrases): sure ones stand, others flagged."""
    return Decision(
        id=id,
        text=text,
        evidence=[unit_evidence(u, transcript) for u in units],
        confidence=0.7 if sure else 0.5,
        needs_review=not sure,
        review_reason=None if sure else reason,
    )
