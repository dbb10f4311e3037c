"""An annual meeting's election stated by the one who asked it: "Då är det Ali.", "Det blir Emma då.", "Saga
Lindberg och Lars Nyström alltså." A role elected in its own item (roles.py) is that item's decision where someone
other than the one elected then says the outcome, short and naming the one elected; an election left at a yes, with
no outcome said, stays the item's summary alone ("Till sekreterare valdes …")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from transcribe.agenda.units import Alignment, Unit
from transcribe.minutes.model import Decision
from transcribe.minutes.role_answers import mentions, people
from transcribe.minutes.role_items import names_role
from transcribe.minutes.roles import RoleElection, unit_evidence
from transcribe.transcript import Transcript

if TYPE_CHECKING:  # protokoll.py imports this module
    from transcribe.minutes.protokoll import Paragraph

OUTCOME_WORDS = 12  # the outcome is said this short
# The outcome's own words: "Då är Kerstin vald", "Det blir Emma då", "… alltså", "Då är det Ali"
_OUTCOME = re.compile(r"\b(?:då|alltså|vald|valda|omvald|omvalda|blir det|det blir|är det)\b")

_PROPOSED = re.compile(r"\bföreslå\w*|\bförslag\w*")


def election_decisions(
    paragraphs: dict[str, Paragraph],
    alignment: Alignment,
    roles: list[RoleElection],
    units: list[Unit],
    transcript: Transcript,
    body: str,
) -> None:
    """Add to each election item the decision its stated outcome makes (see the module's doc); only at an annual
    meeting, or a meeting of members that elects its own chair (a "församlingsmöte", a school council), whose
    officials the assembly elects (a board or a workplace notes who writes and who checks)."""
    assembly = body == "Mötet" and any(names_role("ordförande", s.title) for s in alignment.items)
    if body != "Stämman" and not assembly:
        return
    names = people(transcript)
    for par in paragraphs.values():
        span = alignment.item(par.number)
        if par.status != "behandlad" or span is None or span.start is None or span.end is None:
            continue
        backed = {e.segment_id for d in par.decisions for e in d.evidence}
        for role in dict.fromkeys(r.role for r in roles if r.source == "val" and names_role(r.role, par.title)):
            held = [r for r in roles if r.role == role and r.source == "val"]
            said = _outcome(units, (span.start, span.end), held, names, transcript)
            if said is None or said.seg_id in backed:
                continue
            backed.add(said.seg_id)
            who = " och ".join(r.name for r in held)
            par.decisions.append(
                Decision(
                    id=f"v{par.number}-{role}",
                    text=f"{body} beslutade att välja {who} till {_role_word(role, par.title)}.",
                    evidence=[unit_evidence(said, transcript)],
                    confidence=0.7,
                )
            )


def _outcome(
    units: list[Unit],
    span: tuple[float, float],
    held: list[RoleElection],
    names: dict[str, str],
    transcript: Transcript,
) -> Unit | None:
    """The short statement in the item, by someone else than those elected, naming them; not a proposal."""
    start, end = span
    elected = {r.name for r in held}
    answered = max((e.start for r in held for e in r.evidence[1:]), default=end)
    for u in units:
        if not (start - 0.01 <= u.start < end) or u.text.rstrip().endswith("?") or _PROPOSED.search(u.low):
            continue
        if len(u.text.split()) > OUTCOME_WORDS:
            continue
        said = {n for _, _, n in mentions(u.text, names)} | {m for m in elected if m.lower() in u.low}
        if not (said & elected) or transcript.speaker_name(u.speaker) in elected:
            continue
        # the outcome's words, or every one elected named once the election was answered ("Yvonne och Leif.",
        # "Linus skriver och Omar godkänner.")
        if _OUTCOME.search(u.low) or said >= elected and u.start > answered + 0.5 and _names_alone(u, names):
            return u
    return None


def _names_alone(u: Unit, names: dict[str, str]) -> bool:
    """The sentence says little more than the names, at most a word each ("Yvonne och Leif.", "Linus skriver och
    Omar godkänner."), and is no thanks to the one elected ("Tack, Sofia.")."""
    low = u.low
    for s, e, _ in sorted(mentions(u.text, names), reverse=True):
        low = low[:s] + " " + low[e:]
    rest = [w for w in re.findall(r"[\wåäöé-]+", low) if w not in ("och", "alltså", "då", "bra", "okej", "så", "ja")]
    return rest != ["tack"] and len(rest) <= len(mentions(u.text, names))


def _role_word(role: str, title: str) -> str:
    """The role as the item's title says it ("Val av mötesordförande" -> "mötesordförande")."""
    word = next((w for w in re.findall(r"[\wåäöé-]+", title.lower()) if w.endswith(role)), role)
    return "justerare" if role == "justerare" else word
