"""Which of the rules extractor's decisions a protokoll states, read by who said them and what came after.

A meeting held by a dagordning is led by its chair, who puts each matter to the meeting and states what it
decided. Two things the sentence rules read as decisions are not, there:

* a member's own sentence the chair never stated: a report ("Skåpen är godkända.", "Från november byter vi
  vätska."), a sum worked out aloud ("Sjuttiosjutusen för församlingen, alltså."), "Inga synpunkter." said to the
  chair's question, the board's recommendation to an annual meeting ("Styrelsen tillstyrker att det utreds");
  an election item is the exception, where the one who opened leads until a chair is elected;
* a request to members present, read from its question ("Per och Lina, kan ni titta på det …?" – "Det gör vi."):
  what they were asked to do is their task;
* the chair's question for the meeting's assent when, after the floor's answers, the chair states the outcome
  ("Kan vi godkänna listan så?" – "Ja." – "Föredragningslistan är godkänd."; "Är det någon som är emot?" –
  "Nej." – "Ingen. Då renoverar vi köket."): the decision is taken at the outcome. Where the outcome is itself
  read as a decision (by the rules, or in the protokoll's set phrases), the question's reading is dropped; where
  it is a plain statement, the question's decision cites it as the place it was settled.
"""

from __future__ import annotations

import re

from transcribe.agenda.align import chair_speaker
from transcribe.agenda.formal import formal_match
from transcribe.agenda.phrases import ANNOUNCES, TRANSITION
from transcribe.agenda.topics import overlap
from transcribe.agenda.units import Unit
from transcribe.agenda.verdicts import NO, REFUSED, SEALS, YES
from transcribe.minutes.model import Decision
from transcribe.minutes.roles import RoleElection, unit_evidence
from transcribe.sv.text import content_words
from transcribe.transcript import Transcript

# An outcome stated with the matter after its verb: "Då är dagordningen godkänd med den ändringen."
STATED = re.compile(
    r"^(?:(?:då|så|därmed)\s+)?(?:är|blir)\s+([\wåäö-]+(?:en|et|na))\s+"
    r"(godkänd|godkända|fastställd|fastställda|beslutad)\b(.*?)\.?$",
    re.I,
)
# The outcome said of the matter by a pronoun, the question having named it: "Den är godkänd." after "Med de två
# ändringarna, kan vi godkänna dagordningen?" – "Ja."
SAID_OF_IT = re.compile(
    r"^\W*(?:(?:då|så|och)\s+)?(?:den|det|de|dom)\s+(?:är|blir)\s+(?:\w+\s+)?"
    r"(?:godkänd|godkända|godkänt|fastställd|fastställda|fastställt|antagen|antagna|antaget|beslutad|beslutat)\W*$"
)
ANSWERS = 4  # the floor's answers to the question are at most this many sentences
OUTCOME = 2  # the outcome is among the first sentences of the asker's next turn


_REQUEST = re.compile(r"\b(?:kan|får|ska) (?:du|ni)\b|\b(?:du|ni) (?:kan|får|ska)\b")


def requested(decision: Decision) -> bool:
    """Whether the decision is read from a request to members present ("att Per och Lina, kan ni titta på det …"
    – "Det gör vi."): what they were asked to do is their task, not the meeting's decision."""
    return bool(_REQUEST.search(decision.text.lower()))


_DECISION_WORD = re.compile(r"\bbeslut\w*|\bbeslöt|\bbestäm\w*")


def leaders(units: list[Unit], roles: list[RoleElection], transcript: Transcript) -> set[str]:
    """Who leads: the one who announces the items, and the meeting's chair as elected or presented."""
    chairs = {r.name for r in roles if r.role == "ordförande"}
    lead = chair_speaker(units)
    return {sp.label for sp in transcript.speakers if sp.name in chairs} | ({lead} if lead else set())


def member_only(said: list[tuple[str | None, str]], heads: set[str]) -> bool:
    """Whether no sentence a decision rests on (`said`: speaker and words) was said by one who leads (`heads`), nor
    does one say it in decision words ("Jag håller med. Då beslutar vi att höja avgiften …" stands)."""
    speakers = {sp for sp, _ in said}
    if not heads or None in speakers or speakers & heads:
        return False
    return not any(_DECISION_WORD.search(text.lower()) for _, text in said)


def _asked(units: list[Unit], decision: Decision) -> tuple[Unit, int] | None:
    """The question for assent the decision's evidence ends at, answered yes or no by others only: (the question,
    index of the last sentence the evidence holds)."""
    cited = {e.segment_id for e in decision.evidence}
    held = [i for i, u in enumerate(units) if u.seg_id in cited]
    if not held:
        return None
    last = held[-1]
    for i in range(last, max(last - ANSWERS - 1, -1), -1):
        u = units[i]
        if not u.text.rstrip().endswith("?"):
            continue
        if u.seg_id not in cited or any(w.speaker == u.speaker for w in units[i + 1 : last + 1]):
            return None
        answer = next((w for w in units[i + 1 : i + 1 + ANSWERS] if w.speaker != u.speaker), None)
        return (u, last) if answer is not None and (YES.search(answer.low) or NO.search(answer.low)) else None
    return None


def _outcome(units: list[Unit], asker: str | None, after: int, matter: set[str]) -> Unit | None:
    """The asker's statement after the floor's answers, of the same matter (`matter`: the stems of the sentences
    the decision cites): the first sentences of the asker's next turn ("Då tackar jag för i kväll." is no outcome)."""
    nxt = next((j for j in range(after + 1, min(after + 1 + ANSWERS, len(units))) if units[j].speaker == asker), None)
    if nxt is None:
        return None
    turn = [u for u in units[nxt : nxt + OUTCOME] if u.seg_id == units[nxt].seg_id]
    for u in turn:
        if u.text.rstrip().endswith("?") or TRANSITION.search(u.low) or ANNOUNCES.search(u.low):
            return None  # the next matter, not this one's outcome
        if REFUSED.search(u.low):
            return None
        if SAID_OF_IT.match(u.low):
            return u
        if len(content_words(u.text)) >= 2:
            return u if overlap(matter, u.stems) else None
    return None


def settled_at_outcome(decisions: list[Decision], units: list[Unit], transcript: Transcript) -> list[Decision]:
    """The decisions read at a question for assent, each dropped where its outcome is read as a decision and
    citing the outcome where that is a plain statement (see the module's doc)."""
    backed = {max(d.evidence, key=lambda e: e.start).segment_id: d.id for d in decisions if d.evidence}
    out = []
    for d in decisions:
        asked = _asked(units, d) if d.evidence and d.status == "draft" else None
        cited = {e.segment_id for e in d.evidence}
        matter = {x for u in units if u.seg_id in cited for x in u.stems}
        said = _outcome(units, asked[0].speaker, asked[1], matter) if asked else None
        if said is None:
            out.append(d)
            continue
        read = not SAID_OF_IT.match(said.low) and (
            SEALS.search(said.low) or formal_match(said.low) or STATED.match(said.low)
        )
        if backed.get(said.seg_id, d.id) != d.id or read:
            continue  # the outcome states the decision itself
        out.append(d.model_copy(update={"evidence": [*d.evidence, unit_evidence(said, transcript)]}))
    return out
