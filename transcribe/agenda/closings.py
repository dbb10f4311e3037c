"""The chair's closing of an item: what "we" will do, said after the members have spoken.

In a meeting held by a dagordning the chair often settles an item without a decision word, by saying what the
group does now that the matter has been talked through: "Vi skriver till Gavlegårdarna och kräver ett digitalt
bokningssystem.", "Då väljer vi det dyrare anbudet, och Johan börjar införandet i augusti.", "Vi provar två
sittningar efter påsk …", "Det tar vi. Femhundra i månaden till fika för läxhjälpen." Such a sentence by the one
who leads the meeting, after another member spoke in the item, is a decision of the item: the last one, and each
earlier one after which members spoke again of another matter ("Då blir skyddsronden tisdagen den nittonde." –
"Och den andra saken. Hörselskydden." – … – "Vi sätter en låda med proppar vid dörren."), when no decision is
settled from it to the next; it is read, not heard as a decision word, so it is flagged for review. Not a closing:
a question, a hedge or a condition ("vi får se", "kanske", "om …", "senare"; not "en halvtimme senare"), a denial
(the verdict rules read "Vi inför inte …"), what the meeting itself does next ("Vi går vidare", "Vi tar en paus",
"vi hoppar över …") and a report of what was done ("Vi har sålt …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transcribe.agenda.phrases import ANNOUNCES, NOT_DECIDING, SKIP_TOPIC, TRANSITION
from transcribe.agenda.settle import filed_under
from transcribe.agenda.topics import overlap
from transcribe.agenda.units import Alignment, Unit
from transcribe.agenda.verdicts import ROLE_KINDS
from transcribe.minutes.phrasing import is_present_verb, to_infinitive
from transcribe.sv.text import content_words, stem

_LEAD = r"^\W*(?:(?:ja|nej|bra|okej|då|så|och|alltså|gör så|det stämmer|precis|perfekt|toppen)\W+)*"
# "Vi skriver …", "Då väljer vi …", "Så gör vi …"; "Det tar vi." and "Vi kör båda." say the matter next
SAID = re.compile(
    _LEAD
    + r"(?:(?P<we>vi) (?P<v1>\w+)|(?:då|så) (?P<v2>\w+) (?:vi|föreningen|styrelsen|klubben|gruppen|årsmötet|stämman"
    r"|mötet|församlingen|rådet))\b(?P<rest>.*)$"
)  # "Bra, då betalar föreningen tjugotusen till klätterställningen"
TAKEN = re.compile(_LEAD + r"(?:det|den|dem|båda|alla) (?:tar|kör|gör) vi(?: med)?\b(?P<rest>.*)$")
# The outcome announced before it is said: "Så här blir det: koden byts nu, …", "Det blir så här: …"
ANNOUNCED = re.compile(
    _LEAD
    + r"(?:så här (?:blir|gör) (?:det|vi)|(?:det|så) blir (?:det )?så här|vi säger så|(?<!\w)så)\s*:\s*(?P<rest>.+)$"
)  # "Vi säger så: arbetshelg vid stugan …", "Så: skridskoskolan startar …"
# The outcome named in the set order: "Tjugoandra april blir det.", "Hundrafemtio blir det då."
BECOMES_IT = re.compile(_LEAD + r"(?P<what>(?:[\w-]+ ){1,4}?)blir det(?: då| så)?$")
# The matter and what it becomes: "Då blir skyddsronden tisdagen den nittonde, klockan nio."
_NO_MATTER = r"(?:det|den|de|dom|vi|man|du|ni|jag|han|hon|alla|ingen|inget|inga|någon|något|allt|så|nog|bara)"
BECOMES = re.compile(r"^\W*(?:(?:okej|bra|ja)\W+)*(?:då|så) blir (?!" + _NO_MATTER + r"\b)(?P<rest>[\w-]+ .+)$")
# or what it becomes after a vote: "Då blir det julotta klockan sju på juldagsmorgonen i år."
BECOMES_THEN = re.compile(
    r"^\W*(?:(?:okej|bra|ja)\W+)*(?:då|så) blir det (?!så\b|bra\b|inget\b|ingenting\b)(?P<rest>.+)$"
)
# A vote called by the chair: what comes before it in the turn puts the matter to the meeting and settles nothing
VOTE = re.compile(r"\b(?:räck(?:er)? upp|handuppräckning|(?:ni|de) som (?:vill|är för|tycker))\b")
NOT = re.compile(
    r"\b(?:(?<!som )inte|(?<!som )ej|kanske|nog|om|ifall|eller|förhoppningsvis|troligen|antagligen"
    r"|(?<!timme )(?<!timmar )(?<!minuter )(?<!dag )(?<!dagar )(?<!vecka )(?<!veckor )senare)\b"
)


_AND_VERB = re.compile(r"(,? och )(\w+(?:ar|er|ör))\b")  # "…, och spärrar kontona" -> "…, och spärra kontona"


@dataclass
class Closing:
    """A chair's closing read as the item's decision: its text (without the body) and evidence."""

    number: str
    text: str
    evidence: list[Unit]


def _statement(u: Unit | None) -> bool:
    return u is not None and not u.text.rstrip().endswith("?") and len(content_words(u.text)) >= 3


def _matter(after: Unit | None) -> str | None:
    """The sentence after "Det tar vi." / "Vi kör båda." that states the matter, as a decision's words."""
    if not _statement(after) or NOT.search(after.low):
        return None
    return closing_text(after, None) or after.text


_SO = re.compile(r"^\W*(?:(?:okej|bra|ja)\W+)?så$")
_RULE = re.compile(r"^.{0,40}?\b(?:står|gäller)\s*:\s*(?P<rest>.+)$")  # "Men principen står: jobbade du …"


def _plan(before: Unit | None) -> str | None:
    """The statement before "Så kör vi." in the chair's turn, as the decision's words."""
    if not _statement(before) or NOT.search(re.sub(r"\beller\b", "", before.low)):  # "julafton eller nyår"
        return None
    rule = _RULE.match(before.text)
    text = (rule.group("rest") if rule else before.text).strip(" .!")
    return text[0].upper() + text[1:] if len(content_words(text)) >= 3 else None


def closing_text(
    u: Unit, after: Unit | None, before: Unit | None = None, raised: frozenset[str] = frozenset()
) -> str | None:
    """The decision a chair's sentence states, or None: "Vi skriver till X" -> "att skriva till X"; "Det tar vi."
    with the matter in the next sentence -> that sentence; "Så." alone before it -> the next sentence; "Så kör vi."
    ending the turn -> the statement before it in the turn (`before`); "Vi söker kulturbidraget." -> its one
    word of matter when a member raised it earlier in the item (`raised`: the stems members said there)."""
    low = u.low.rstrip(" .!")
    if _SO.match(low):  # "Så. Julkonserten i Domkyrkan söndagen den tolfte december klockan fyra, …"
        return _matter(after)
    if u.text.rstrip().endswith("?") or NOT.search(low) or TRANSITION.search(low) or ANNOUNCES.search(low):
        return None
    if after is not None and VOTE.search(after.low):  # "Vi låter församlingen säga sitt. Ni som vill …, räck upp"
        return None
    if SKIP_TOPIC.search(low):
        return None
    taken = TAKEN.match(low)
    if taken:
        return _matter(after)
    told = ANNOUNCED.match(low) or BECOMES.match(low)
    if told:  # "Så här blir det: koden byts nu" -> "Koden byts nu"; "Då blir skyddsronden …" -> "Skyddsronden blir …"
        said = u.text.rstrip(" .!")
        rest = said[len(said) - len(told.group("rest")) :].strip(" .!")
        if told.re is BECOMES:
            subject, _, tail = rest.partition(" ")
            rest = f"{subject} blir {tail}"
        elif len(content_words(rest)) < 3 and _statement(after) and not NOT.search(after.low):
            rest = f"{rest}. {after.text.strip(' .!')}"  # "Så här blir det: ingen avisar ensam. Det är alltid två …"
        return rest[0].upper() + rest[1:] if len(content_words(rest)) >= 3 else None
    then = BECOMES_THEN.match(low)
    if then and len(content_words(then.group("rest"))) >= 3:  # "Då blir det julotta …" -> "Det blir julotta …"
        return "Det blir " + u.text.rstrip(" .!")[len(u.text.rstrip(" .!")) - len(then.group("rest")) :]
    named = BECOMES_IT.match(low)
    if named:  # "Tjugoandra april blir det."
        return u.text.strip() if content_words(named.group("what")) else None
    m = SAID.match(low)
    if m is None:
        return None
    verb = m.group("v1") or m.group("v2")
    present = is_present_verb(verb) or len(verb) > 3 and verb.endswith("är")  # "begär"
    if not present or verb in NOT_DECIDING and verb not in {"kör", "gör"}:
        return None
    rest = u.text[len(u.text) - len(m.group("rest")) :].strip(" .,!") if m.group("rest") else ""
    if verb in {"kör", "gör"} and len(content_words(rest)) < 2:  # "Vi kör båda." "Då gör vi så."
        return _matter(after) or (_plan(before) if after is None else None)
    words = content_words(rest)
    if len(words) < 2 and not (words and overlap({stem(words[0])}, raised, related_too=False)):
        return None
    return f"att {to_infinitive(verb)} {_AND_VERB.sub(lambda v: v.group(1) + to_infinitive(v.group(2)), rest)}"


def item_closings(
    alignment: Alignment, units: list[Unit], chair: str | None, settled: list[float], backed: set[int]
) -> list[Closing]:
    """For each treated item, the chair's last closing when no decision is settled at or after it in the item
    (`settled`: the times decisions are settled at) and its turn backs none (`backed`: segment ids)."""
    out = []
    for span in alignment.items:
        if not span.treated or span.start is None or span.end is None or chair is None or span.kind in ROLE_KINDS:
            continue
        if any(s.parent == span.number for s in alignment.items):
            continue
        own = [u for u in units if span.start - 0.01 <= u.start < span.end]
        found: list[tuple[int, Unit, Unit | None, str]] = []
        for k, u in enumerate(own):
            if u.speaker != chair or k == 0 or not any(v.speaker != chair for v in own[:k]):
                continue
            after = own[k + 1] if k + 1 < len(own) and own[k + 1].seg_id == u.seg_id else None
            before = own[k - 1] if own[k - 1].seg_id == u.seg_id else None
            raised = frozenset(x for v in own[:k] if v.speaker != chair for x in v.stems)
            text = closing_text(u, after, before, raised)
            if text:
                if found and not any(v.speaker != chair for v in own[found[-1][0] + 1 : k]):
                    found.pop()  # said again after no member spoke: the later one closes
                found.append((k, u, after, text))
        for j, (_k, u, after, text) in enumerate(found):  # each matter of the item the chair closed after others spoke
            end = found[j + 1][1].start if j + 1 < len(found) else span.end
            if u.seg_id in backed or any(u.start - 0.01 <= t < end for t in settled):
                continue
            ev = [u, after] if after is not None and _matter(after) == text else [u]
            if after is None and k > 0 and own[k - 1].seg_id == u.seg_id and _plan(own[k - 1]) == text:
                ev = [own[k - 1], u]  # "Men principen står: …. Så kör vi."
            # filed by the meeting's words, or said after the talk went back to an earlier item ("Då får vi gå
            # tillbaka till protokollet en sekund. Vi rättar det till fyrtiotusen."): that item's
            number = filed_under(alignment, units, u) or alignment.returned_at(u.start + 0.01) or span.number
            out.append(Closing(number, text, ev))
    return out
