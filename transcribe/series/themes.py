"""Across a series' meetings: which themes recur, and how the mood went over the period.

Themes of different meetings are one theme when they share keyword stems, helped by how alike their
passages read (complete linkage, so no chains); the mood is each meeting's emotions weighed as positive
or negative, and the trend from the first meeting to the last said in words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from transcribe.series.meeting import MeetingRecord
from transcribe.series.model import MoodPoint, RecurringTheme
from transcribe.sv.text import match_stem, related, shared_stems, topic_stems, topic_tokens, word_tokens

POSITIVE = {"engagemang": 1.0, "optimism": 1.0, "glädje": 1.0, "handlingskraft": 1.0, "nöjdhet": 1.0}
NEGATIVE = {"frustration": 1.0, "oro": 1.0, "tveksamhet": 0.6, "irritation": 1.0, "trötthet": 0.8, "besvikelse": 1.0}
THEME_MIN_SHARED = 2
THEME_COS_WITH_KEY = 0.15  # one shared keyword stem is enough when the passages also read alike
THEME_COS = 0.5


def live(items: Sequence[Any]) -> list[Any]:
    """Items a reviewer rejected do not exist for the report."""
    return [i for i in items if getattr(i, "status", "draft") != "rejected"]


def recurring_themes(records: Sequence[MeetingRecord]) -> list[RecurringTheme]:
    """Link themes of different meetings by shared keyword stems, helped by their passages' wording."""
    names = name_stems(records)
    items = [(m_no, th) for m_no, rec in enumerate(records, start=1) for th in live(rec.minutes.themes)]
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


def name_stems(records: Sequence[MeetingRecord]) -> set[str]:
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


def mood_over_period(records: Sequence[MeetingRecord]) -> tuple[list[MoodPoint], str]:
    points = []
    for m_no, rec in enumerate(records, start=1):
        strengths: dict[str, float] = {}
        for e in live(rec.minutes.mood.emotions):
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
