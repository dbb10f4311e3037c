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
    MoodPoint,
    Passage,
    RecurringTheme,
    Series,
    SeriesReport,
)
from transcribe.sv.calendar import format_date
from transcribe.sv.text import match_stem, related, shared_stems, topic_stems, topic_tokens, word_tokens

POSITIVE = {"engagemang": 1.0, "optimism": 1.0, "glädje": 1.0, "handlingskraft": 1.0, "nöjdhet": 1.0}
NEGATIVE = {"frustration": 1.0, "oro": 1.0, "tveksamhet": 0.6, "irritation": 1.0, "trötthet": 0.8, "besvikelse": 1.0}
FOLLOW_COVER = 0.4  # idf-weighted share of a decision's stems a later passage must repeat
FOLLOW_MIN_SHARED = 2
ACTION_COVER = 0.3  # looser than decisions: a done-cue is required as well
THEME_MIN_SHARED = 2
THEME_COS_WITH_KEY = 0.15  # one shared keyword stem is enough when the passages also read alike
THEME_COS = 0.5
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


def _live(items: Sequence[Any]) -> list[Any]:
    """Items a reviewer rejected do not exist for the report."""
    return [i for i in items if getattr(i, "status", "draft") != "rejected"]


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
        description=mins.description, decisions=[d.text for d in _live(mins.decisions)], next_meeting=next_text,
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
    names = _name_stems(records)
    later_decisions = [[topic_stems(d.text) for d in _live(r.minutes.decisions)] for r in records]
    seg_stems = [[(s, topic_stems(s.text)) for s in r.transcript.segments] for r in records]
    for i, rec in enumerate(records):
        m_no = i + 1
        for d in _live(rec.minutes.decisions):
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
        for item in _live(rec.minutes.not_decided):
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
    name_stems = _name_stems(records)
    for i, rec in enumerate(records):
        m_no = i + 1
        for a in _live(rec.minutes.actions):
            target = [s for s in topic_stems(a.what) if s not in name_stems]
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


def _themes(records: Sequence[MeetingRecord]) -> list[RecurringTheme]:
    """Link themes of different meetings by shared keyword stems, helped by their passages' wording."""
    names = _name_stems(records)
    items = [(m_no, th) for m_no, rec in enumerate(records, start=1) for th in _live(rec.minutes.themes)]
    kw = [{s for w in (th.keywords or topic_tokens(th.heading)) for s in topic_stems(w)} - names
          for _, th in items]  # fmt: skip
    texts = [" ".join([th.paragraph, *(e.quote for e in th.evidence)]) for _, th in items]
    cos = _cosine_matrix([[s for s in topic_stems(t) if s not in names] for t in texts])
    links: dict[tuple[int, int], float] = {}
    for a in range(len(items)):
        for b in range(a + 1, len(items)):
            if items[a][0] == items[b][0]:
                continue  # one meeting's themes are distinct by construction
            shared, c = len(shared_stems(kw[a], kw[b])), cos[a][b]
            if shared >= THEME_MIN_SHARED or (shared >= 1 and c >= THEME_COS_WITH_KEY) or c >= THEME_COS:
                links[(a, b)] = shared + c
    # Complete linkage: two groups merge only if every pair across them is linked, so no chains.
    group_of = list(range(len(items)))
    members_of: dict[int, list[int]] = {k: [k] for k in range(len(items))}
    for (a, b), _ in sorted(links.items(), key=lambda kv: -kv[1]):
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        if all((min(x, y), max(x, y)) in links for x in members_of[ga] for y in members_of[gb]):
            for x in members_of.pop(gb):
                group_of[x] = ga
                members_of[ga].append(x)
    groups = members_of
    total = sum(r.duration for r in records) or 1.0
    out = []
    for members in groups.values():
        meetings = sorted({items[k][0] for k in members})
        seconds = sum(items[k][1].share_of_speaking_time * records[items[k][0] - 1].duration for k in members)
        words = Counter(w.lower() for k in members for w in items[k][1].keywords if match_stem(w) not in names)
        best = max(members, key=lambda k: (items[k][1].mentions, items[k][1].share_of_speaking_time))
        out.append(RecurringTheme(label=_theme_label(words, items[best][1].heading, len(members)),
                                  keywords=_dedupe_words(words), meetings=meetings,
                                  headings=[items[k][1].heading for k in members], speaking_time_s=round(seconds, 1),
                                  share_of_speaking_time=min(1.0, seconds / total)))  # fmt: skip
    return sorted(out, key=lambda t: (-len(t.meetings), -t.share_of_speaking_time, t.label))


def _theme_label(words: Counter[str], fallback: str, n_members: int) -> str:
    """The keywords the meetings share (what made them one theme), else the main heading."""
    if n_members < 2:
        return fallback
    common = _dedupe_words(Counter({w: c for w, c in words.items() if c >= 2}), n=3)
    if not common:
        return fallback
    text = common[0] if len(common) == 1 else ", ".join(common[:-1]) + " och " + common[-1]
    return text[:1].upper() + text[1:]


def _name_stems(records: Sequence[MeetingRecord]) -> set[str]:
    """Participants' names: a theme or an action is not "about" Peter because Peter is named."""
    return {match_stem(w) for r in records for sp in r.transcript.speakers for w in word_tokens(sp.name or "")}


def _cosine_matrix(docs: list[list[str]]) -> list[list[float]]:
    if len(docs) < 2 or not any(docs):
        return [[0.0] * len(docs) for _ in docs]
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True).fit_transform(docs)
    return (x @ x.T).toarray().tolist()


def _dedupe_words(words: Counter[str], n: int = 6) -> list[str]:
    out: list[str] = []
    for w, _ in words.most_common():
        stems = topic_stems(w)
        if stems and any(related(stems[0], s) for o in out for s in topic_stems(o)):
            continue
        out.append(w)
        if len(out) == n:
            break
    return out


def _mood(records: Sequence[MeetingRecord]) -> tuple[list[MoodPoint], str]:
    points = []
    for m_no, rec in enumerate(records, start=1):
        strengths: dict[str, float] = {}
        for e in _live(rec.minutes.mood.emotions):
            strengths[e.emotion] = max(strengths.get(e.emotion, 0.0), e.strength)
        pos = sum(v * POSITIVE.get(k, 0.0) for k, v in strengths.items())
        neg = sum(v * NEGATIVE.get(k, 0.0) for k, v in strengths.items())
        valence = (pos - neg) / (pos + neg) if pos + neg else 0.0
        points.append(MoodPoint(meeting=m_no, date=rec.date, overall=rec.minutes.mood.overall, emotions=strengths,
                                valence=round(valence, 2)))  # fmt: skip
    return points, _trend_text(points)


def _trend_text(points: list[MoodPoint]) -> str:
    if not points:
        return ""
    if len(points) == 1:
        return f"Bara ett möte: stämningen var {_tone(points[0].valence)}."
    first, last = points[0], points[-1]
    diff = last.valence - first.valence
    if diff > 0.25:
        trend = "blivit mer positiv"
    elif diff < -0.25:
        trend = "blivit mer negativ"
    else:
        trend = "varit ungefär densamma"
    text = (f"Stämningen har {trend} under perioden: från {_tone(first.valence)} i möte {first.meeting} "
            f"till {_tone(last.valence)} i möte {last.meeting}.")  # fmt: skip
    every = set.intersection(*(set(p.emotions) for p in points)) if all(p.emotions for p in points) else set()
    if every:
        text += f" Återkommande i alla möten: {', '.join(sorted(every))}."
    return text


def _tone(valence: float) -> str:
    if valence >= 0.3:
        return "positiv"
    if valence <= -0.3:
        return "negativ"
    return "blandad"


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
    mood, trend = _mood(records)
    report = SeriesReport(
        name=series.name, title=f"Periodrapport – {series.name}",
        period_start=min(dates) if dates else None, period_end=max(dates) if dates else None,
        overview=series.description, purpose=series.purpose, members=members,
        meetings=[_meeting_block(i, r, per_meeting[i - 1], records[i] if i < len(records) else None)
                  for i, r in enumerate(records, start=1)],
        decision_log=_decision_log(records, idf), actions=_actions(records, idf), themes=_themes(records),
        mood=mood, mood_trend=trend, rules=RULES, generated=dt.datetime.now(dt.UTC).replace(microsecond=0),
    )  # fmt: skip
    report.conclusions = _conclusions(report)
    return report
