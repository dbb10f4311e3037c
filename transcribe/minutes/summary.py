"""Description and conclusions, composed from the current items (no new claims).

`refresh` recomputes both whenever items change (a reviewer adds, edits or rejects one) and before
every export, so the summary never contradicts the items: the sentences it wrote itself are
replaced, while text and conclusions a reviewer wrote or reviewed stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from transcribe.minutes.model import Conclusion, Item, Minutes
from transcribe.minutes.mood import NEGATIVE, NOUNS
from transcribe.sv.calendar import format_date
from transcribe.sv.numbers import count

T = TypeVar("T", bound=Item)
NO_NEXT = "Inget datum för nästa möte bestämdes; rekommendation: boka ett."
_N = r"(?:inga|en|ett|två|tre|fyra|fem|\d+)"
# Exactly the sentences `describe` writes; a sentence the reviewer rephrased no longer matches and stays hers.
OUTCOME = re.compile(
    rf"Mötet fattade {_N} beslut(?:,| och) fördelade {_N} åtgärd(?:er)?"
    rf"(?: och lämnade {_N} (?:fråga|frågor) (?:öppen|öppna))?\."
)
TOPICS = re.compile(r"\s*Samtalet rörde främst [^.]*\.")
WHO = re.compile(r"samlade \d+ deltagare: [^.]*\.")


def visible(items: Iterable[T]) -> list[T]:
    """Items still in the minutes: a rejected item says nothing."""
    return [i for i in items if i.status != "rejected"]


def all_items(m: Minutes) -> list[Item]:
    items: list[Item] = [*m.themes, *m.mood.emotions, *m.decisions, *m.actions, *m.not_decided]
    items += [c for c in m.conclusions if not isinstance(c, str)]
    if m.next_meeting is not None:
        items.append(m.next_meeting)
    return items


def unreviewed(m: Minutes) -> list[Item]:
    """Items nobody has accepted, edited or rejected yet (what approving would sign unseen).

    A conclusion `refresh` wrote again from a decision or open question a reviewer accepted or edited
    restates what she reviewed (the same passages): it is not asked about a second time.
    """
    seen = {_basis(i) for i in [*m.decisions, *m.not_decided] if i.status in ("accepted", "edited")}
    return [i for i in all_items(m) if i.status == "draft" and not (isinstance(i, Conclusion) and _basis(i) in seen)]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " och " + items[-1]


def outcome(m: Minutes) -> str:
    """The sentence counting decisions, actions and open questions, from the items still in the minutes."""
    decisions, actions, opens = visible(m.decisions), visible(m.actions), visible(m.not_decided)
    if opens:
        return (
            f"Mötet fattade {count(len(decisions), 'beslut', 'beslut', neuter=True)}, fördelade "
            f"{count(len(actions), 'åtgärd', 'åtgärder')} och lämnade "
            f"{count(len(opens), 'fråga', 'frågor')} {'öppen' if len(opens) == 1 else 'öppna'}."
        )
    return (
        f"Mötet fattade {count(len(decisions), 'beslut', 'beslut', neuter=True)} och fördelade "
        f"{count(len(actions), 'åtgärd', 'åtgärder')}."
    )


def topics(m: Minutes) -> str:
    themes = visible(m.themes)
    if not themes:
        return ""
    heads = [(t.keywords or [t.heading])[0].lower() for t in sorted(themes, key=lambda t: -t.mentions)[:3]]
    return f"Samtalet rörde främst {_join(heads)}."


def _who(m: Minutes) -> str:
    who = [p.name or p.label for p in m.participants]
    return f"samlade {len(who)} deltagare: {_join(who)}." if who else ""


def describe(m: Minutes) -> str:
    """Who met, what they talked about, what came out of it."""
    parts = []
    when = f" den {format_date(m.date)}" if m.date else ""
    if who := _who(m):
        parts.append(f"Mötet{when} {who}")
    else:
        parts.append(f"Mötet{when} hölls.")
    if about := topics(m):
        parts.append(about)
    parts.append(outcome(m))
    return " ".join(parts)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def conclusions(m: Minutes) -> list[Conclusion | str]:
    out: list[Conclusion | str] = []
    for d in visible(m.decisions)[:4]:
        agreed = re.match(r"^\w+\s+(?:beslutade|enades\s+om)\s+(?P<c>(?:att|om)\s.+?)\.?$", d.text)
        text = f"Mötet enades om {agreed.group('c')}." if agreed else d.text
        out.append(Conclusion(text=text, evidence=d.evidence, confidence=d.confidence))
    for o in visible(m.not_decided)[:4]:
        subject = re.sub(r"\s*\(inget fast åtagande.*\)$", "", o.text).rstrip(".")
        if o.reason == "Förslaget avslogs":
            out.append(Conclusion(text=f"{subject} avslogs.", evidence=o.evidence, confidence=o.confidence))
            continue
        subject = re.sub(r"^Förslaget\s+(?:om\s+)?", "Frågan om ", subject)
        if not subject.startswith("Frågan"):
            subject = "Frågan om " + _lower_first(subject)
        out.append(
            Conclusion(
                text=f"{subject} är fortfarande öppen och bör tas upp igen.",
                evidence=o.evidence,
                confidence=o.confidence,
            )
        )
    undated = [a for a in visible(m.actions) if a.due is None and not a.due_text]
    if undated:
        n_undated = count(len(undated), "åtgärd", "åtgärder")
        out.append(
            Conclusion(
                text=f"Rekommendation: sätt ett slutdatum för {n_undated} som saknar det.",
                evidence=[e for a in undated for e in a.evidence][:3],
                confidence=0.9,
            )
        )
    worries = [e for e in visible(m.mood.emotions) if e.emotion in NEGATIVE and e.strength >= 0.4]
    for e in worries[:2]:
        where = f" kring {e.theme.lower()}" if e.theme else ""
        out.append(
            Conclusion(
                text=f"Det fanns {NOUNS.get(e.emotion, e.emotion)}{where}; rekommendation: följ upp vid nästa möte.",
                evidence=e.evidence,
                confidence=e.confidence,
            )
        )
    if m.next_meeting is None or m.next_meeting.status == "rejected":
        out.append(NO_NEXT)
    for i, c in enumerate(out, 1):
        if isinstance(c, Conclusion):
            c.id = f"c{i}"
    return out


def _text(c: Conclusion | str) -> str:
    return c if isinstance(c, str) else c.text


def _basis(c: Conclusion | str) -> frozenset[int]:
    return frozenset() if isinstance(c, str) else frozenset(e.segment_id for e in c.evidence)


def _generated(c: Conclusion | str) -> bool:
    """Written by `conclusions` and untouched since: a draft, or the fixed next-meeting reminder."""
    return c == NO_NEXT if isinstance(c, str) else c.status == "draft"


def refresh(m: Minutes) -> Minutes:
    """Recompute the generated summary from the current items, in place; idempotent.

    Description: the generated sentences (who took part, the topics, the outcome) are rewritten; the
    rest of the text is left as it is (it may be the reviewer's). Conclusions: drafts are regenerated
    (keeping their ids where the text is unchanged); conclusions a reviewer added, edited, accepted or
    rejected stay, and a regenerated one is dropped when hers covers the same passages or says the same.
    """
    text = m.description
    if not text.strip():
        m.description = describe(m)
    else:
        about, who = topics(m), _who(m)
        text = OUTCOME.sub(lambda _: outcome(m), text, count=1)
        text = TOPICS.sub(lambda _: f" {about}" if about else "", text, count=1).strip()
        m.description = WHO.sub(lambda _: who, text, count=1) if who else text
    kept = [c for c in m.conclusions if not _generated(c)]
    covered = {_text(c) for c in kept} | {b for c in kept if (b := _basis(c))}
    ids = {c.text: c.id for c in m.conclusions if isinstance(c, Conclusion) and _generated(c)}
    used = {c.id for c in kept if isinstance(c, Conclusion) and c.id}
    fresh: list[Conclusion | str] = []
    for c in conclusions(m):
        if _text(c) in covered or (_basis(c) and _basis(c) in covered):
            continue
        if isinstance(c, Conclusion):
            c.id = ids.get(c.text) or ""
            if not c.id or c.id in used:
                n = 1
                while f"c{n}" in used or f"c{n}" in ids.values():
                    n += 1
                c.id = f"c{n}"
            used.add(c.id)
        fresh.append(c)
    m.conclusions = fresh + kept
    return m
