"""Description and conclusions, composed from what was already extracted (no new claims)."""

from __future__ import annotations

import re

from transcribe.minutes.dates import format_sv
from transcribe.minutes.model import Conclusion, Minutes
from transcribe.minutes.mood import NEGATIVE, NOUNS


def _count(n: int, one: str, many: str) -> str:
    words = {0: "inga", 1: "ett" if one in ("beslut",) else "en", 2: "två", 3: "tre", 4: "fyra", 5: "fem"}
    if n == 0:
        return f"inga {many}"
    return f"{words.get(n, str(n))} {one if n == 1 else many}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " och " + items[-1]


def describe(m: Minutes) -> str:
    """Who met, what they talked about, what came out of it."""
    who = [p.name or p.label for p in m.participants]
    parts = []
    when = f" den {format_sv(m.date, with_weekday=False)}" if m.date else ""
    if who:
        parts.append(f"Mötet{when} samlade {len(who)} deltagare: {_join(who)}.")
    else:
        parts.append(f"Mötet{when} hölls.")
    if m.themes:
        heads = [(t.keywords or [t.heading])[0].lower() for t in sorted(m.themes, key=lambda t: -t.mentions)[:3]]
        parts.append(f"Samtalet rörde främst {_join(heads)}.")
    parts.append(
        f"Mötet fattade {_count(len(m.decisions), 'beslut', 'beslut')}, fördelade "
        f"{_count(len(m.actions), 'åtgärd', 'åtgärder')} och lämnade "
        f"{_count(len(m.not_decided), 'fråga', 'frågor')} {'öppen' if len(m.not_decided) == 1 else 'öppna'}."
        if m.not_decided else
        f"Mötet fattade {_count(len(m.decisions), 'beslut', 'beslut')} och fördelade "
        f"{_count(len(m.actions), 'åtgärd', 'åtgärder')}."
    )
    return " ".join(parts)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def conclusions(m: Minutes) -> list[Conclusion | str]:
    out: list[Conclusion | str] = []
    for d in m.decisions[:4]:
        agreed = re.match(r"^\w+\s+(?:beslutade|enades\s+om)\s+(?P<c>(?:att|om)\s.+?)\.?$", d.text)
        text = f"Mötet enades om {agreed.group('c')}." if agreed else d.text
        out.append(Conclusion(text=text, evidence=d.evidence, confidence=d.confidence))
    for o in m.not_decided[:4]:
        subject = re.sub(r"\s*\(inget fast åtagande.*\)$", "", o.text).rstrip(".")
        if o.reason == "Förslaget avslogs":
            out.append(Conclusion(text=f"{subject} avslogs.", evidence=o.evidence, confidence=o.confidence))
            continue
        subject = re.sub(r"^Förslaget\s+(?:om\s+)?", "Frågan om ", subject)
        if not subject.startswith("Frågan"):
            subject = "Frågan om " + _lower_first(subject)
        out.append(Conclusion(text=f"{subject} är fortfarande öppen och bör tas upp igen.", evidence=o.evidence,
                              confidence=o.confidence))
    undated = [a for a in m.actions if a.due is None and not a.due_text]
    if undated:
        out.append(Conclusion(
            text=f"Rekommendation: sätt ett slutdatum för {_count(len(undated), 'åtgärd', 'åtgärder')} som saknar det.",
            evidence=[e for a in undated for e in a.evidence][:3], confidence=0.9,
        ))
    worries = [e for e in m.mood.emotions if e.emotion in NEGATIVE and e.strength >= 0.4]
    for e in worries[:2]:
        where = f" kring {e.theme.lower()}" if e.theme else ""
        out.append(Conclusion(
            text=f"Det fanns {NOUNS.get(e.emotion, e.emotion)}{where}; rekommendation: följ upp vid nästa möte.",
            evidence=e.evidence, confidence=e.confidence,
        ))
    if m.next_meeting is None:
        out.append("Inget datum för nästa möte bestämdes; rekommendation: boka ett.")
    for i, c in enumerate(out, 1):
        if isinstance(c, Conclusion):
            c.id = f"c{i}"
    return out
