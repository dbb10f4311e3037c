"""Who was ordförande, sekreterare and justerare: from the election items, or from how people presented themselves.

Under an election item ("Val av justerare") a name said in a sentence that
names the role, a proposal that follows it ("Jag föreslår Sara Ek") or a
volunteer ("Jag kan justera") is taken. Without an election item, only a
sentence that ties a name (or "jag") to the role counts ("Jag heter Anders
Öberg och är nämndens ordförande"). Each role keeps the sentences behind it.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

from pydantic import BaseModel, Field

from transcribe.agenda.align import Alignment, Unit
from transcribe.minutes.model import Evidence
from transcribe.transcript import Transcript

Role = Literal["ordförande", "sekreterare", "justerare"]
ROLES: tuple[Role, ...] = ("ordförande", "sekreterare", "justerare")
ROLE_WORDS: dict[str, re.Pattern[str]] = {
    "ordförande": re.compile(
        r"\b(?:mötes|nämndens |styrelsens |föreningens )?ordförande\b|\bled(?:a|er) (?:dagens |"
        r"kvällens )?möte"
    ),
    "sekreterare": re.compile(
        r"\w*sekreterare\w*|\b(?:föra|för|skriva|skriver) (?:dagens )?protokoll(?:et)?\b"
        r"|\bprotokollförare\b"
    ),
    "justerare": re.compile(r"\bjustera(?:re|s|r)?\b|\bjusteringsperson\w*"),
}
LIMIT = {"ordförande": 1, "sekreterare": 1, "justerare": 2}
_ELECTED = re.compile(r"\b(val(?:d|t|da|des|ts)|väljs|väljer|välja|utse\w*|föreslå\w*|bifall\w*|godkänn\w*)\b")
_SELF = re.compile(r"\bjag (?:kan|tar|gör|ställer upp|justerar|är gärna|skriver|för)\b")


class RoleElection(BaseModel):
    role: Role
    name: str
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = 0.5
    needs_review: bool = False
    source: Literal["val", "presentation"] = "val"


def people(transcript: Transcript) -> dict[str, str]:
    """Lower-case full name or first name -> full name, for the people who were there."""
    out: dict[str, str] = {}
    for sp in transcript.speakers:
        if sp.name:
            out[sp.name.lower()] = sp.name
    for part in (0, -1):  # first names, then surnames, when no one else has them
        counts = Counter(sp.name.split()[part].lower() for sp in transcript.speakers if sp.name)
        for sp in transcript.speakers:
            if sp.name and len(sp.name.split()) > 1 and counts[sp.name.split()[part].lower()] == 1:
                out.setdefault(sp.name.split()[part].lower(), sp.name)
    return out


def mentions(text: str, names: dict[str, str]) -> list[tuple[int, str]]:
    """(position, full name) of each person named in the text; a full name wins over its first name."""
    low = text.lower()
    found: dict[str, int] = {}
    taken: list[tuple[int, int]] = []
    for key in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(key)}\b", low):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.setdefault(names[key], m.start())
    return sorted((pos, name) for name, pos in found.items())


def _nearest_role(low: str, pos: int) -> str | None:
    best: tuple[int, str | None] = (10**6, None)
    for role, pattern in ROLE_WORDS.items():
        for m in pattern.finditer(low):
            d = abs(m.start() - pos)
            if d < best[0]:
                best = (d, role)
    return best[1]


def _speaker(u: Unit, transcript: Transcript, names: dict[str, str]) -> list[str]:
    own = transcript.speaker_name(u.speaker) if u.speaker else None
    return [own] if own and own in names.values() else []


def unit_evidence(u: Unit, transcript: Transcript) -> Evidence:
    """The passage behind an item, as the minutes cite it."""
    return Evidence(
        segment_id=u.seg_id,
        speaker=u.speaker,
        speaker_name=transcript.speaker_name(u.speaker) or None,
        start=round(u.start, 2),
        end=round(u.end, 2),
        quote=u.text[:400],
    )


def find_roles(transcript: Transcript, alignment: Alignment, units: list[Unit]) -> list[RoleElection]:
    names = people(transcript)
    out: list[RoleElection] = []
    for role in ROLES:
        spans = [
            s for s in alignment.items if s.treated and s.start is not None and ROLE_WORDS[role].search(s.title.lower())
        ]
        elected = bool(spans)
        pool = [u for u in units if any(s.start - 0.01 <= u.start < s.end for s in spans)] if elected else units
        chosen: dict[str, list[Unit]] = {}
        for i, u in enumerate(pool):
            if len(chosen) >= LIMIT[role]:
                break
            if not ROLE_WORDS[role].search(u.low):
                continue
            hits = [n for pos, n in mentions(u.text, names) if _nearest_role(u.low, pos) == role]
            ev = [u]
            if not hits and re.search(r"\bjag\b", u.low):
                hits = _speaker(u, transcript, names)
            if not hits and elected:
                for w in pool[i + 1 : i + 3]:
                    if any(p.search(w.low) for r, p in ROLE_WORDS.items() if r != role):
                        continue
                    found = [n for _, n in mentions(w.text, names)]
                    if found:  # a proposal, an answer or the chair naming someone, inside the election item
                        hits, ev = found, [u, w]
                        break
                    if _SELF.search(w.low):
                        hits, ev = _speaker(w, transcript, names), [u, w]
                        break
            for name in hits:
                if name not in chosen and len(chosen) < LIMIT[role]:
                    chosen[name] = ev
        if elected and not chosen:  # the role word was misheard: names proposed or elected in the item
            for w in pool:
                if _ELECTED.search(w.low) and not any(p.search(w.low) for r, p in ROLE_WORDS.items() if r != role):
                    for _, name in mentions(w.text, names):
                        if name not in chosen and len(chosen) < LIMIT[role]:
                            chosen[name] = [w]
        for name, ev in chosen.items():
            confirmed = any(_ELECTED.search(w.low) or _SELF.search(w.low) for w in ev)
            out.append(
                RoleElection(
                    role=role,
                    name=name,
                    evidence=[unit_evidence(w, transcript) for w in ev],
                    confidence=0.8 if confirmed or not elected else 0.5,
                    needs_review=elected and not confirmed,
                    source="val" if elected else "presentation",
                )
            )
    if not any(r.role == "ordförande" for r in out):  # the chair as named from the introductions
        for sp in transcript.speakers:
            if sp.name and sp.role and "ordförande" in sp.role.lower():
                out.insert(
                    0,
                    RoleElection(
                        role="ordförande", name=sp.name, confidence=0.4, needs_review=True, source="presentation"
                    ),
                )
                break
    return out
