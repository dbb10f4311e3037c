"""Build the period report of a series from its meetings' minutes and transcripts.

Every cross-meeting judgement (followed up, done, recurring) is a lexical rule
over Swedish stems, written down in `RULES` and printed in the report, so a
reader can see why an item got its status and overrule it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from transcribe.series.meeting import MeetingRecord, sort_meetings
from transcribe.series.model import (
    ActionEntry,
    DecisionEntry,
    MeetingBlock,
    Member,
    Passage,
    Series,
    SeriesReport,
)
from transcribe.series.themes import (
    THEME_COS,
    THEME_COS_WITH_KEY,
    THEME_MIN_SHARED,
    live,
    mood_over_period,
    name_stems,
    recurring_themes,
)
from transcribe.sv.calendar import format_date
from transcribe.sv.text import shared_stems, topic_stems, word_tokens

FOLLOW_COVER = 0.4  # idf-weighted share of a decision's stems a later passage must repeat
FOLLOW_MIN_SHARED = 2
ACTION_COVER = 0.3  # looser than decisions: a done-cue is required as well
DONE_CUES = re.compile(
    r"\b(klar[at]?|färdig[at]?|gjort|gjorde|skickat|skickade|svarat|svarade|kontaktat|ordnat|fixat|levererat|"
    r"genomfört|genomförde|stämt av|pratat med|har sammanställt|gick (?:bra|bättre|fint)|det gick|har vi fått|"
    r"är bokat|har bokat)\b",
    re.IGNORECASE,
)
RULES = {
    "beslutat": "Beslutet står i mötets protokoll och inget senare möte återkommer till det.",
    "följt upp": (
        f"Ett senare möte återkommer till beslutet: ett yttrande eller beslut där upprepar minst "
        f"{FOLLOW_MIN_SHARED} av beslutets ordstammar och minst {int(FOLLOW_COVER * 100)} % av dess idf-viktade "
        "innehåll."
    ),
    "öppet": "En fråga som protokollet listar som ej beslutad och som inget senare beslut (samma likhetsregel) avgör.",
    "åtgärder": (
        f"En åtgärd räknas som klar när ett senare möte har ett yttrande som syftar på den (minst {FOLLOW_MIN_SHARED} "
        f"gemensamma ordstammar och {int(ACTION_COVER * 100)} % av innehållet (deltagarnas namn oräknade), eller "
        "en gemensam ordstam och 25 % när den ansvarige nämns vid namn) och det yttrandet, eller "
        "ett av de två följande om den ansvarige säger det, innehåller en klarmarkör (”klart”, ”har gjort”, "
        "”skickat”, ”har svarat”, ”det gick” …). "
        "Övriga är öppna: förfallna om sista datum passerat före periodens sista möte, nya om de beslutades vid "
        "sista mötet, annars ej återrapporterade."
    ),
    "teman": (
        f"Teman från olika möten räknas som samma när de delar minst {THEME_MIN_SHARED} nyckelordsstammar, eller en "
        f"och deras sammanfattning och citat har TF-IDF-cosinus ≥ {THEME_COS_WITH_KEY} (utan gemensamt nyckelord: "
        f"≥ {THEME_COS}); ett tema ansluter bara om det länkar till alla temats övriga delar, och deltagarnas namn "
        "räknas inte. Andelen taltid är temats taltid genom seriens totala tid."
    ),
}


# --------------------------------------------------------------------------- small helpers


def _passage(m_no: int, rec: MeetingRecord, seg_id: int) -> Passage | None:
    seg = rec.transcript.segment(seg_id)
    if seg is None:
        return None
    return Passage(meeting=m_no, segment_id=seg.id, speaker=rec.transcript.speaker_name(seg.speaker) or None,
                   start=seg.start, end=seg.end, quote=seg.text.strip())  # fmt: skip


def _evidence_passages(m_no: int, rec: MeetingRecord, item: Any) -> list[Passage]:
    out = []
    for ev in getattr(item, "evidence", []) or []:
        p = _passage(m_no, rec, ev.segment_id)
        if p is not None:
            out.append(p)
    return out


class _Idf:
    """Inverse document frequency of stems over every segment of the series."""

    def __init__(self, records: Sequence[MeetingRecord]) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0
        for rec in records:
            for seg in rec.transcript.segments:
                self.df.update(set(topic_stems(seg.text)))
                self.n += 1

    def __call__(self, s: str) -> float:
        return math.log(1 + (self.n + 1) / (self.df.get(s, 0) + 1))


def _match(target: list[str], other: list[str], idf: _Idf) -> tuple[int, float]:
    """(shared stems, idf-weighted share of `target` repeated in `other`)."""
    t = set(target)
    if not t:
        return 0, 0.0
    shared = shared_stems(t, other)
    return len(shared), sum(idf(s) for s in shared) / sum(idf(s) for s in t)


# --------------------------------------------------------------------------- sections


def _members(records: Sequence[MeetingRecord]) -> tuple[list[Member], list[list[str]]]:
    """Everyone who took part, with roles, and who was at which meeting."""
    members: dict[str, Member] = {}
    per_meeting: list[list[str]] = []
    for m_no, rec in enumerate(records, start=1):
        names: list[str] = []
        for label, name, role in _people(rec):
            display = name or f"{label} (möte {m_no})"  # unnamed labels are not the same person across meetings
            member = members.setdefault(display.lower(), Member(name=display, role=role))
            member.role = member.role or role
            if m_no not in member.attended:
                member.attended.append(m_no)
            names.append(display)
        per_meeting.append(names)
    return sorted(members.values(), key=lambda m: (-len(m.attended), m.name)), per_meeting


def _people(rec: MeetingRecord) -> list[tuple[str, str | None, str | None]]:
    """(label, name, role) from the minutes, else from the speakers heard; roles filled from the transcript."""
    infos = {s.label: s for s in rec.transcript.speakers}
    listed = [(p.label, p.name, p.role) for p in rec.minutes.participants]
    if not listed:
        listed = [(label, None, None) for label in rec.transcript.speaker_labels()]
    out = []
    for label, name, role in listed:
        info = infos.get(label)
        out.append((str(label), name or (info.name if info else None), role or (info.role if info else None)))
    return out


def _meeting_block(
    m_no: int, rec: MeetingRecord, participants: list[str], following: MeetingRecord | None = None
) -> MeetingBlock:
    mins = rec.minutes
    start = mins.start_time or _parse_time(rec.transcript.metadata.get("time"))
    end = mins.end_time
    if end is None and start is not None and rec.duration:
        end = (dt.datetime.combine(dt.date.today(), start) + dt.timedelta(seconds=rec.duration)).time()
    nm = mins.next_meeting if mins.next_meeting is not None and mins.next_meeting.status != "rejected" else None
    next_text = None
    if nm is not None:
        next_text = format_date(nm.when) if nm.when is not None else nm.text
    elif following is not None and following.date is not None:
        next_text = f"{format_date(following.date)} (enligt seriens nästa möte; inte i protokollet)"
    return MeetingBlock(
        number=m_no, path=str(rec.path), title=rec.title, date=rec.date, start_time=start, end_time=end,
        n_participants=mins.n_participants or len(participants), participants=participants,
        description=mins.description, decisions=[d.text for d in live(mins.decisions)], next_meeting=next_text,
        minutes_source=rec.source,
    )  # fmt: skip


def _parse_time(value: str | None) -> dt.time | None:
    try:
        return dt.time.fromisoformat(value) if value else None
    except ValueError:
        return None


def _open_context(rec: MeetingRecord, item: Any) -> str:
    """An open item plus the question that was on the table, so a later decision can be matched to it."""
    text = f"{item.text} {' '.join(e.quote for e in item.evidence)}"
    first = min((e.segment_id for e in item.evidence), default=None)
    if first is None:
        return text
    segs = rec.transcript.segments
    pos = next((i for i, s in enumerate(segs) if s.id == first), None)
    if pos is None:
        return text
    for seg in reversed(segs[max(0, pos - 6) : pos + 1]):
        if "?" in seg.text:
            return f"{text} {seg.text}"
    return text


def _decision_log(records: Sequence[MeetingRecord], idf: _Idf) -> list[DecisionEntry]:
    log: list[DecisionEntry] = []
    names = name_stems(records)
    later_decisions = [[topic_stems(d.text) for d in live(r.minutes.decisions)] for r in records]
    seg_stems = [[(s, topic_stems(s.text)) for s in r.transcript.segments] for r in records]
    for i, rec in enumerate(records):
        m_no = i + 1
        for d in live(rec.minutes.decisions):
            target = [s for s in topic_stems(d.text) if s not in names]
            follow: list[tuple[float, Passage]] = []
            meetings: set[int] = set()
            for j in range(i + 1, len(records)):
                hit = False
                for dec in later_decisions[j]:
                    n, cover = _match(target, dec, idf)
                    hit = hit or (n >= FOLLOW_MIN_SHARED and cover >= FOLLOW_COVER)
                for seg, stems in seg_stems[j]:
                    n, cover = _match(target, stems, idf)
                    if n >= FOLLOW_MIN_SHARED and cover >= FOLLOW_COVER:
                        hit = True
                        p = _passage(j + 1, records[j], seg.id)
                        if p is not None:
                            follow.append((cover, p))
                if hit:
                    meetings.add(j + 1)
            follow.sort(key=lambda x: -x[0])
            status = "följt upp" if meetings else "beslutat"
            reason = (f"tas upp igen i möte {', '.join(map(str, sorted(meetings)))}" if meetings
                      else "inte återkommande i senare möten")  # fmt: skip
            log.append(DecisionEntry(meeting=m_no, date=rec.date, kind="beslut", text=d.text, status=status,
                                     status_reason=reason, followed_up_in=sorted(meetings),
                                     follow_ups=[p for _, p in follow[:3]],
                                     evidence=_evidence_passages(m_no, rec, d)))  # fmt: skip
        for item in live(rec.minutes.not_decided):
            target = topic_stems(_open_context(rec, item))
            decided_in: list[int] = []
            for j in range(i + 1, len(records)):
                for dec in later_decisions[j]:
                    n, cover = _match(dec, target, idf)  # how much of the later decision the open question covers
                    if n >= FOLLOW_MIN_SHARED and cover >= FOLLOW_COVER:
                        decided_in.append(j + 1)
                        break
            status = "beslutat" if decided_in else "öppet"
            reason = f"beslutades i möte {decided_in[0]}" if decided_in else (item.reason or "ej beslutat")
            log.append(DecisionEntry(meeting=m_no, date=rec.date, kind="ej beslutat", text=item.text, status=status,
                                     status_reason=reason, followed_up_in=decided_in,
                                     evidence=_evidence_passages(m_no, rec, item)))  # fmt: skip
    return log


def _first_name(name: str | None) -> str | None:
    return name.split()[0].lower() if name and name.split() else None


def _actions(records: Sequence[MeetingRecord], idf: _Idf) -> list[ActionEntry]:
    out: list[ActionEntry] = []
    last = len(records)
    last_date = records[-1].date if records else None
    names = name_stems(records)
    for i, rec in enumerate(records):
        m_no = i + 1
        for a in live(rec.minutes.actions):
            target = [s for s in topic_stems(a.what) if s not in names]
            owner = _first_name(a.owner)
            done: list[Passage] = []
            for j in range(i + 1, len(records)):
                segs = records[j].transcript.segments
                for k, seg in enumerate(segs):
                    n, cover = _match(target, topic_stems(seg.text), idf)
                    named = owner is not None and owner in word_tokens(seg.text)
                    if not ((n >= FOLLOW_MIN_SHARED and cover >= ACTION_COVER) or (n >= 1 and cover >= 0.25 and named)):
                        continue
                    cue = next((s for s in segs[k : k + 3] if DONE_CUES.search(s.text) and (
                        s is seg or owner is None or _first_name(records[j].transcript.speaker_name(s.speaker)) == owner
                    )), None)  # fmt: skip
                    if cue is not None:
                        ids = [seg.id] if cue is seg else [seg.id, cue.id]
                        done = [p for p in (_passage(j + 1, records[j], i_) for i_ in ids) if p is not None]
                        break
                if done:
                    break
            if done:
                status, is_open, reason = "klar", False, f"återrapporterad i möte {done[0].meeting}"
            elif a.due is not None and last_date is not None and a.due < last_date:
                status, is_open, reason = "förfallen", True, f"sista datum {format_date(a.due)} har passerat"
            elif m_no == last:
                status, is_open = "ny", True
                reason = f"beslutad vid sista mötet{', klar senast ' + format_date(a.due) if a.due else ''}"
            else:
                status, is_open, reason = "ej återrapporterad", True, "inte återrapporterad som klar i senare möten"
            out.append(ActionEntry(meeting=m_no, what=a.what, owner=a.owner, due=a.due, status=status, open=is_open,
                                   reason=reason, done_evidence=done,
                                   evidence=_evidence_passages(m_no, rec, a)))  # fmt: skip
    return out


def _conclusions(report: SeriesReport) -> list[str]:
    n = len(report.meetings)
    out = []
    if n:
        avg = sum(m.n_participants for m in report.meetings) / n
        period = ""
        if report.period_start:
            period = f" mellan {format_date(report.period_start)} och {format_date(report.period_end)}"
        out.append(f"Nätverket har träffats {n} gång{'er' if n != 1 else ''}{period} med i snitt {avg:.0f} deltagare.")
    recurring = [t for t in report.themes if len(t.meetings) >= 2][:3]
    for t in recurring:
        out.append(
            f"Temat ”{t.label}” återkom i {len(t.meetings)} av {n} möten "
            f"({t.share_of_speaking_time * 100:.0f} % av taltiden) och bör ha en fortsatt plats "
            "på dagordningen."
        )
    decided = [d for d in report.decision_log if d.kind == "beslut"]
    if decided:
        followed = sum(1 for d in decided if d.status == "följt upp")
        out.append(f"{len(decided)} beslut fattades under perioden; {followed} av dem har följts upp vid senare möten.")
    open_q = [d for d in report.decision_log if d.status == "öppet"]
    if open_q:
        out.append("Öppna frågor att ta ställning till: " + "; ".join(d.text.rstrip(".") for d in open_q[:4]) + ".")
    open_a = report.open_actions
    if open_a:
        overdue = sum(1 for a in open_a if a.status == "förfallen")
        out.append(f"{len(open_a)} åtgärd{'er' if len(open_a) != 1 else ''} saknar återrapportering"
                   f"{f' ({overdue} förfallna)' if overdue else ''}: stäm av dem vid nästa möte.")  # fmt: skip
    if report.mood_trend:
        out.append(report.mood_trend)
    return out


# --------------------------------------------------------------------------- the report


def build_report(series: Series, records: Sequence[MeetingRecord]) -> SeriesReport:
    records = sort_meetings(list(records))
    idf = _Idf(records)
    members, per_meeting = _members(records)
    dates = [r.date for r in records if r.date]
    mood, trend = mood_over_period(records)
    report = SeriesReport(
        name=series.name, title=f"Periodrapport – {series.name}",
        period_start=min(dates) if dates else None, period_end=max(dates) if dates else None,
        overview=series.description, purpose=series.purpose, members=members,
        meetings=[_meeting_block(i, r, per_meeting[i - 1], records[i] if i < len(records) else None)
                  for i, r in enumerate(records, start=1)],
        decision_log=_decision_log(records, idf), actions=_actions(records, idf), themes=recurring_themes(records),
        mood=mood, mood_trend=trend, rules=RULES, generated=dt.datetime.now(dt.UTC).replace(microsecond=0),
    )  # fmt: skip
    report.conclusions = _conclusions(report)
    return report
