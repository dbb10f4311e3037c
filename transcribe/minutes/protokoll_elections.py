"""An election stated by the one who asked it: "Då är det Ali.", "Det blir Emma då.", "Saga Lindberg och Lars
Nyström alltså.", at a board "Robin justerar.", "Amir, då.", "Anna skriver, Lars justerar." A role elected in its
own item (roles.py) is that item's decision where someone other than the one elected then says the outcome, short
and naming the one elected; an election left at a yes, with no outcome said, stays the item's summary alone ("Till
sekreterare valdes …"). At an annual meeting, or a meeting of members that elects its own chair, the outcome's
words settle it whenever they are said; at a board or a workplace the outcome follows the answer of the one
elected ("Vem justerar?" – "Jag gör det." – "Robin justerar."), and a proposal still waiting for its yes ("Och
justerare blir Leo, …" – "Okej då.") is no outcome. A public body (a nämnd, a kyrkoråd) decides none."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from transcribe.agenda.units import Alignment, Unit
from transcribe.minutes.model import Decision
from transcribe.minutes.role_answers import mentions, people
from transcribe.minutes.role_items import names_role
from transcribe.minutes.role_ties import mask_roles, role_words
from transcribe.minutes.roles import RoleElection, unit_evidence
from transcribe.transcript import Transcript

if TYPE_CHECKING:  # protokoll.py imports this module
    from transcribe.minutes.protokoll import Paragraph

OUTCOME_WORDS = 12  # the outcome is said this short
ANSWER_TURNS = 3  # the answer it sums up was given this few turns before
# The outcome's own words: "Då är Kerstin vald", "Det blir Emma då", "… alltså", "Då är det Ali"
_OUTCOME = re.compile(
    r"\b(?:då|alltså|vald|valda|omvald|omvalda|blir det|det blir|är det|varsågod|ordet är ditt|klubban är din)\b"
)  # and the chair's seat handed to the one elected: "Lars-Erik, varsågod.", "Välkommen, Per-Olof. Ordet är ditt."

_HEAD_NOTED = {"Nämnden", "Utskottet", "Kyrkorådet", "Fullmäktige"}
_YOU = re.compile(r"\b(?:du|dig|din|ditt)\b")  # the one just named, spoken to
_PROPOSED = re.compile(r"\bföreslå\w*|\bförslag\w*")
_FILLER = {"och", "alltså", "då", "bra", "okej", "så", "ja"}
# With a role's work: whom the justerare signs with and when ("… justerar det med mig", "Britt justerar, på
# torsdag.", "Margareta justerar, fredag klockan tio.")
_WITH_WHOM = re.compile(r"\b(?:det|dem)?\s*(?:tillsammans )?med mig\b")
_WHEN = re.compile(
    r"\b(?:på |i )?(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?(?: \w+middag)?"
    r"(?: klockan [\wåäö]+(?: och [\wåäö]+)?)?\b"
)


def election_decisions(
    paragraphs: dict[str, Paragraph],
    alignment: Alignment,
    roles: list[RoleElection],
    units: list[Unit],
    transcript: Transcript,
    body: str,
) -> None:
    """Add to each election item the decision its stated outcome makes (see the module's doc). A meeting of members
    that elects its own chair (a "församlingsmöte", a school council) states it as an annual meeting does; a public
    body's protokoll names its justerare in its head ("Utses att justera"), with no decision."""
    if body in _HEAD_NOTED:
        return
    assembly = body == "Stämman" or body == "Mötet" and any(names_role("ordförande", s.title) for s in alignment.items)
    names = people(transcript)
    for par in paragraphs.values():
        span = alignment.item(par.number)
        if par.status != "behandlad" or span is None or span.start is None or span.end is None:
            continue
        backed = {e.segment_id for d in par.decisions for e in d.evidence}
        settled: dict[int, tuple[Unit, list[str], list[str]]] = {}  # one turn's outcome may settle several roles
        for role in dict.fromkeys(r.role for r in roles if r.source == "val" and names_role(r.role, par.title)):
            held = [r for r in roles if r.role == role and r.source == "val"]
            said = _outcome(units, (span.start, span.end), held, names, transcript, assembly)
            if said is not None and said.seg_id not in backed:
                _, ids, elected = settled.setdefault(said.seg_id, (said, [], []))
                ids.append(role)
                elected.append(f"{' och '.join(r.name for r in held)} till {_role_word(role, par.title)}")
        for said, ids, elected in settled.values():
            backed.add(said.seg_id)
            par.decisions.append(
                Decision(
                    id=f"v{par.number}-{ids[0]}",
                    text=f"{body} beslutade att välja {_join(elected)}.",
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
    assembly: bool,
) -> Unit | None:
    """The short statement in the item, by someone else than those elected, naming them; not a proposal. Outside
    an assembly it follows an answer by one of those named. Said first in the turn that opens the next item, it is
    the names with the outcome's words or their roles' work ("Mehmet kollar, då. Förra mötets anteckningar. …")."""
    start, end = span
    elected = {r.name for r in held}
    answered = max((e.start for r in held for e in r.evidence[1:]), default=end)
    own = [u for u in units if start - 0.01 <= u.start < end]
    for prev, u in zip([None, *own], own, strict=False):
        said = _naming(u, prev, elected, names, transcript)
        if not said:
            continue
        if not assembly:
            if not _answered(units, u, said, transcript):
                continue  # asked, not yet answered
            if _OUTCOME.search(u.low) or _names_alone(u, names, work=True):
                return u
            continue
        # the outcome's words, or every one elected named once the election was answered ("Yvonne och Leif.",
        # "Linus skriver och Omar godkänner.")
        if _OUTCOME.search(u.low) or said >= elected and u.start > answered + 0.5 and _names_alone(u, names):
            return u
    after = next((u for u in units if u.start >= end), None)
    if after is None or not own or after.seg_id == own[-1].seg_id:
        return None
    said = _naming(after, None, elected, names, transcript)
    if said and (said >= elected if assembly else _answered(units, after, said, transcript)):
        if _names_alone(after, names, work=True) or _OUTCOME.search(after.low) and _names_alone(after, names):
            return after  # not an acknowledgement alone: "Bra, Kerstin."
    return None


def _naming(u: Unit, prev: Unit | None, elected: set[str], names: dict[str, str], transcript: Transcript) -> set[str]:
    """Those elected whom a short statement, not asking or proposing and by none of them, names."""
    if u.text.rstrip().endswith("?") or _PROPOSED.search(u.low) or len(u.text.split()) > OUTCOME_WORDS:
        return set()
    said = {n for _, _, n in mentions(u.text, names)} | {m for m in elected if m.lower() in u.low}
    if not said and prev is not None and prev.seg_id == u.seg_id and _YOU.search(u.low):
        said = {n for _, _, n in mentions(prev.text, names)}  # "Tack, Sara. Då är det du.", "… Ordet är ditt."
    return set() if transcript.speaker_name(u.speaker) in elected else said & elected


def _answered(units: list[Unit], u: Unit, who: set[str], transcript: Transcript) -> bool:
    """One of `who` spoke in the turns just before the statement: the answer it sums up."""
    turns = list(dict.fromkeys(w.seg_id for w in units if w.start < u.start and w.seg_id != u.seg_id))
    recent = set(turns[-ANSWER_TURNS:])
    return any(w.seg_id in recent and transcript.speaker_name(w.speaker) in who for w in units)


def _names_alone(u: Unit, names: dict[str, str], work: bool = False) -> bool:
    """The sentence says little more than the names, at most a word each ("Yvonne och Leif.", "Linus skriver och
    Omar godkänner."), and is no thanks to the one elected ("Tack, Sofia."). With `work`, the roles' work said
    with them counts as the names' own ("Erik skriver protokollet och Tove justerar det med mig.", "Britt
    justerar, på torsdag."), and one of the roles must be said."""
    low = u.low
    named = mentions(u.text, names)
    cut = [(s, e) for s, e, _ in named]
    if work:
        masked = mask_roles(low)
        spans = [(s, e) for s, e, _ in role_words(masked)]
        if not spans:
            return False
        if len(masked) != len(low):  # a misheard role word mended to another length: the names read anew
            low, cut = masked, [(s, e) for s, e, _ in mentions(masked, names)]
        cut += spans
    for s, e in sorted(cut, reverse=True):
        low = low[:s] + " " * (e - s) + low[e:]
    if work:
        low = _WHEN.sub(" ", _WITH_WHOM.sub(" ", low))
    rest = [w for w in re.findall(r"[\wåäöé-]+", low) if w not in _FILLER]
    return rest != ["tack"] and len(rest) <= len(named)


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]


def _role_word(role: str, title: str) -> str:
    """The role as the item's title says it ("Val av mötesordförande" -> "mötesordförande")."""
    word = next((w for w in re.findall(r"[\wåäöé-]+", title.lower()) if w.endswith(role)), role)
    return "justerare" if role == "justerare" else word
