"""Decisions said in a protokoll meeting's own formal words, in any item, that the rules extractor left out.

A meeting held by a dagordning settles its items in set phrases: "Då läggs verksamhetsberättelsen till
handlingarna", "Då beslutar stämman att …", "Nämnden beslutar enligt förslaget", "De är fastställda",
"Styrelsen har ansvarsfrihet", "Så beslutas.", "Och det bifaller vi.", "Motionen avslås", "Då bordlägger vi
den till nästa möte". Each such sentence is a decision of the item being treated, also when the item holds
another decision already (a report filed and the discharge asked for in one item). A sentence whose turn
already backs a decision adds nothing. What the words leave out is taken from the item: a pronoun ("Då lägger
vi det till handlingarna") is the item's title, a bare "Så beslutas." is the sentence after it that states the
matter or the proposal before it; a decision worded from the title or a proposal is flagged for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transcribe.agenda.settle import filed_under
from transcribe.agenda.topics import overlap
from transcribe.agenda.units import Alignment, ItemSpan, Unit
from transcribe.agenda.verdicts import PRONOUN, proposal_before, title_decision
from transcribe.sv.text import content_words, stem

_BODIES = r"mötet|stämman|årsmötet|årsstämman|styrelsen|nämnden|rådet|kyrkorådet|föreningen|fullmäktige|utskottet"
BODY = rf"(?:{_BODIES})"
_LEAD = r"^\W*(?:(?:ja|bra|tack|okej|då|så|och|därmed|härmed|alltså|i övrigt)\W+)*"

# A report filed: "Då läggs verksamhetsberättelsen till handlingarna", "Då tackar vi Per och lägger redovisningen
# till handlingarna", "Då kan berättelsen och redovisningen läggas till handlingarna"
FILED = re.compile(
    rf"\b(?:lägger (?:vi|ni|{_BODIES}) |läggs |lades |kan (?P<what>(?:[\w-]+ ){{1,5}}?)läggas )"
    r"(?P<obj>(?:[\w-]+ ){0,6}?)till handlingarna\b"
)
# The body's own decision: "Då beslutar stämman att …", "Nämnden beslutar enligt förslaget", "Då har stämman
# beslutat enligt styrelsens förslag", "Mötet godkänner …", "Styrelsen fastställer …"
_VERBS = r"beslutar|godkänner|fastställer|antar|bifaller|avslår|beviljar|noterar|återremitterar"
BODY_DECIDES = re.compile(
    _LEAD
    + rf"(?:(?:{_VERBS}|beslutade|beslöt) {BODY}"
    + rf"|har {BODY} (?:beslutat|bifallit|antagit|godkänt|fastställt|avslagit|beviljat)"
    + rf"|{BODY} (?:har )?(?:{_VERBS}|beslutade|beslöt|beslutat|godkände|fastställde|antog|biföll|avslog"
    r"|beviljade|bordlägger|bordlade))\b"
)
# The matter and its outcome in the passive: "Ansvarsfrihet beviljas", "Motionen avslås", "De är fastställda",
# "Styrelsen har beviljats ansvarsfrihet", "Styrelsen har ansvarsfrihet", "Förslaget är antaget", "Informationen
# noteras", "Ärendet återremitteras", "Stämman förklaras behörigen kallad", "Då har årsmötet utlysts som det ska."
# The participle in every gender and number: "antagen/antaget/antagna", "bifallen", "avslagen", "godkänd".
_DONE = (
    r"(?:beviljats?|fastställda?|fastställts|godkända?|godkänts|antagen|antagna|antagits|antaget|bifallen|bifallna"
    r"|bifallet|bifallits|avslagen|avslagna|avslaget|avslagits|bordlagda?|bordlagt|bordlagts|klubbat|klubbad)"
)
# A meeting called as its rules say: "rätt utlyst", "behörigen kallad", "utlyst i rätt tid".
_CALLED = (
    r"(?:rätt |behörigen |behörigt |stadgeenligt |korrekt )?(?:utlyst|utlysta|kallad|kallat|kallade"
    r"|sammankallad|sammankallat)"
)
PASSIVE = re.compile(
    _LEAD + r"(?:[\w-]+ ){0,4}?(?:beviljas|bifalls|antas|avslås|fastställs|godkänns|bordläggs|återremitteras"
    r"|noteras(?! att)|(?:förklaras|förklarades) (?:\w+ )?(?:behörigen |behörigt |stadgeenligt )?"
    r"(?:utlyst|utlysta|kallad|kallat|kallade)"
    rf"|(?:är|blir|har) (?:därmed |härmed )?{_DONE}|(?:är|blir) (?:därmed |härmed )?{_CALLED}"
    r"|har (?:\w+ )?ansvarsfrihet|har (?:\w+ ){0,2}?(?:behörigen |stadgeenligt |korrekt )?(?:utlysts|kallats))\b"
)
# The same with the verb before its subject, after "då" or "därmed" ("Då är motionen bifallen.", "Därmed är mötet
# rätt utlyst.")
INVERTED = re.compile(
    _LEAD + rf"(?P<verb>är|blir) (?P<subj>(?:[\w-]+ ){{1,3}}?)(?:därmed |härmed |alltså )?(?P<done>{_DONE}|{_CALLED})\b"
)
# The chair's finding put before it: "Då finner jag att mötet är rätt utlyst.", "Då anser vi att årsmötet har kallats
# i rätt tid." (a member's "Jag anser att motionen ska bifallas" keeps its "ska")
_FINDING = re.compile(
    r"^(\W*(?:då|så|och|därmed|alltså)\W+)?(?:(?:jag|vi) finner|finner (?:jag|vi)"
    r"|(?:vi|stämman|mötet|årsmötet) (?:anser|konstaterar)|(?:anser|konstaterar) (?:vi|stämman|mötet"
    r"|årsmötet)) att "
)
# Assent said without its matter: "Så beslutas.", "Det beslutar vi.", "Och det bifaller vi.", "Då bordlägger vi
# den till nästa möte"
BARE = re.compile(
    _LEAD + rf"(?:så beslutas|(?:det|detta|så) (?:beslutar|bifaller|godkänner|fastställer|antar) (?:vi|ni|{_BODIES})"
    rf"|bordlägger (?:vi|ni|{_BODIES}) (?:den|det|dem|frågan|ärendet|punkten))\b"
)
# The agenda followed as it stands: "Då kör vi efter den.", "Då följer vi den.", "Då håller vi oss till listan." (a
# decision of the item that puts the agenda to the meeting only, where "den" is the agenda)
FOLLOWED = re.compile(
    _LEAD + r"(?:(?:kör|går|jobbar) vi (?:efter|på)|följer vi|håller vi oss till) "
    r"(?:den|dagordningen|listan|föredragningslistan)(?: som den (?:står|är))?\W*$"
)
_AGENDA_TITLE = re.compile(r"dagordning|föredragningslist", re.I)
# The chair's ruling and a vote's outcome: "Jag finner bifall till styrelsens förslag", "Då finner jag att nämnden
# beslutat enligt arbetsutskottets förslag", "Motionen har fallit", "Styrelsens förslag vann" (a member's "Bifall till
# motionen." is a motion of support, no ruling)
RULING = re.compile(
    _LEAD + rf"(?:(?:jag )?finner (?:jag )?(?:att )?(?:{BODY} )?(?:har )?(?P<how>bifall|avslag|bifallit|avslagit"
    r"|antagit|godkänt|beslutat)\b(?: till)?(?P<what>.*)$)"
)
VOTE = re.compile(
    _LEAD + r"(?P<subj>(?:[\w-]+ ){0,3}?(?:förslag\w*|motion\w*|yrkande\w*)) (?:har )?(?P<out>fallit|föll|faller|vann"
    r"|vinner|segrade|gick igenom|går igenom)\b"
)
# A task given by the body: "Nämnden ger förvaltningen i uppdrag att …", "Då har nämnden gett förvaltningen det
# uppdraget" (the proposal before it says what)
COMMISSIONED = re.compile(
    _LEAD + rf"(?:har {BODY} (?:gett|givit) |{BODY} (?:har )?(?:gett|givit|ger|gav) )(?:[\w-]+ ){{1,3}}?"
    r"(?P<what>det uppdraget\W*$|i uppdrag att .+$)"
)
# The chair has the statement before recorded as a decision: "Emil, skriv det som ett beslut under driften."
RECORDED = re.compile(
    r"\b(?:skriv|anteckna|protokollför|för in|notera)\w* (?:in )?(?:det|detta|det där) som (?:ett )?beslut\b"
    r"(?: under (?P<item>.+))?"
)
# Not a decision: a condition, a proposal, a denial or what may or should be ("om stämman beslutar …", "vi föreslår
# att stämman beslutar …", "ansvarsfrihet beviljas inte", "styrelsen ska fastställa …")
NOT = re.compile(
    r"\b(?:om|ifall|när|att|föreslår|föreslog|yrkar|tillstyrk\w*|anser|tycker|tror|hoppas|inte|ej|aldrig|ingen|kan"
    r"|kunde|skulle|ska|bör|måste|vill)\b"
)


_INFINITIVE = {
    "beviljas": "bevilja", "bifalls": "bifalla", "antas": "anta", "avslås": "avslå", "fastställs": "fastställa",
    "godkänns": "godkänna", "bordläggs": "bordlägga", "återremitteras": "återremittera", "noteras": "notera",
}  # fmt: skip
_ACTIVE = re.compile(rf"^((?:[\w-]+ ){{0,3}}[\w-]+) ({'|'.join(_INFINITIVE)})\b(.*)$", re.I)


@dataclass
class Formal:
    """A decision said in formal words: its text (without the body), evidence and whether it stands as said."""

    text: str
    evidence: list[Unit]
    sure: bool


_REPORT = re.compile(r"protokoll|rapport|berättelse|redovisning|information|anteckningar|skrivelse|meddelande")
_TITLE_LEAD = re.compile(r"^\s*(?:(?:fråga|beslut) om|(?:godkännande|fastställande|antagande) av)\s+", re.I)


def _object(span: ItemSpan) -> str:
    """An item's title as the object of its decision: "Föregående mötesprotokoll" -> "föregående mötesprotokoll"."""
    title = _TITLE_LEAD.sub("", span.title)
    return title[:1].lower() + title[1:]


def formal_match(low: str) -> re.Match[str] | None:
    """The formal phrase a sentence settles a matter in, if it does (no question, condition or denial before it)."""
    if low.rstrip().endswith("?"):
        return None
    for clause in _clauses(low):  # "Tolv röster för och åtta emot, förslaget är antaget"
        clause = _FINDING.sub(r"\1", clause)
        for pattern in (FILED, BODY_DECIDES, PASSIVE, INVERTED, BARE, RULING, VOTE, COMMISSIONED):
            m = pattern.search(clause)
            if m is None:
                continue
            if pattern is FILED and m.group("what"):
                lead = clause[: m.start("what")]
            elif pattern is COMMISSIONED:
                lead = clause[: m.start("what")]
            elif pattern is RULING:
                lead = re.sub(r"finner (?:jag )?att", "finner", clause[: m.start("how")])
            else:
                lead = clause[: m.end()]
            return None if NOT.search(lead) else m
    return None


def _clauses(low: str) -> list[str]:
    """The sentence, then each clause after a comma or semicolon."""
    return [low] + [low[m.end() :] for m in re.finditer(r"[,;:]\s*", low)]


def _said(u: Unit, span: ItemSpan, after: Unit | None, own: list[Unit], at: int) -> tuple[str, bool] | None:
    """What the sentence decides, in the words said or taken from the item; and whether it stands as said."""
    titled = title_decision(span.title)
    if FOLLOWED.search(u.low):  # the agenda followed: its item's decision, said in no other item
        return ((titled or "att godkänna dagordningen"), False) if _AGENDA_TITLE.search(span.title) else None
    filed = FILED.search(u.low)
    if filed:
        what = (filed.group("what") or filed.group("obj") or "").strip()
        if not what or PRONOUN.fullmatch(what):  # the item's report, or "ärendet" as a protokoll says it
            thing = _object(span) if _REPORT.search(span.title.lower()) else "ärendet"
            return f"att lägga {thing} till handlingarna", False
        start = u.low.index(what, filed.start())
        return f"att lägga {u.text[start : start + len(what)]} till handlingarna", True
    if BARE.search(u.low):
        if "bordlägger" in u.low:
            return f"att bordlägga {_object(span)}", True
        if after is not None and not after.text.rstrip().endswith("?") and len(content_words(after.text)) >= 3:
            return after.text, True
        proposal = proposal_before(own, at)
        if proposal and not proposal.startswith("att föreslå "):  # what the meeting itself agreed to
            return proposal, False
        return (titled + (" enligt förslaget" if proposal else ""), False) if titled else None
    task = COMMISSIONED.search(u.low)
    if task is not None:  # "ger förvaltningen i uppdrag att …" as said; "det uppdraget": the proposal before it
        if task.group("what").startswith("i uppdrag"):
            rest = re.match(_LEAD, u.text.lower())
            said = u.text[rest.end() if rest else 0 :].strip()
            return said[0].upper() + said[1:], True
        proposal = proposal_before(own, at)  # "att nämnden ger förvaltningen i uppdrag …" -> "att ge förvaltningen …"
        return (re.sub(rf"^att {BODY} ger ", "att ge ", proposal), False) if proposal else None
    ruling = next((m for c in _clauses(u.low) for m in [RULING.search(c)] if m), None)
    if ruling is not None:  # "Jag finner bifall till styrelsens förslag" -> "att bifalla styrelsens förslag"
        how = ruling.group("how")
        what = (ruling.group("what") or "").strip(" .,")
        verb = "bifalla" if how.startswith("bifall") else "avslå" if how.startswith("avslag") else None
        if verb and len(content_words(what)) >= 1:
            return f"att {verb} {what}", True
        proposal = proposal_before(own, at)
        return (proposal, False) if proposal else (titled, False) if titled else None
    vote = next((m for c in _clauses(u.low) for m in [VOTE.search(c)] if m), None)
    if vote is not None:  # "… motionen har fallit" -> "att avslå motionen"
        verb = "avslå" if vote.group("out") in ("fallit", "föll", "faller") else "bifalla"
        return f"att {verb} {vote.group('subj')}", True
    rest, before = _passive_said(u)
    bare = PRONOUN.match(rest.lower().split(" ")[0]) or len(content_words(rest)) < 2
    if titled and bare:
        return titled, False  # "De är fastställda."
    if bare and content_words(before):  # "Den trettonde maj, det är klubbat.": the matter said before it
        return before[0].upper() + before[1:] + ".", False
    active = _ACTIVE.match(rest)
    if active and not PRONOUN.fullmatch(active.group(1).lower()):  # "Informationen noteras" -> "att notera …"
        what, verb, after = active.group(1), _INFINITIVE[active.group(2).lower()], active.group(3)
        return f"att {verb} {what[0].lower()}{what[1:]}{after}".rstrip(" ."), True
    if len(content_words(rest)) < 2:
        return None
    return rest[0].upper() + rest[1:], True


def _passive_said(u: Unit) -> tuple[str, str]:
    """The clause a passive outcome is said in, without its lead and the chair's finding, its subject first ("Då
    finner jag att mötet är rätt utlyst." -> "mötet är rätt utlyst.", "Då är motionen bifallen." -> "motionen är
    bifallen."); and what the sentence says before that clause ("Den trettonde maj")."""
    for clause in _clauses(u.low):
        text = u.text[len(u.low) - len(clause) :]
        before = u.text[: len(u.low) - len(clause)].strip(" ,;:")
        found = _FINDING.match(clause)
        if found:
            clause, text = clause[found.end() :], text[found.end() :]
        if PASSIVE.search(clause):
            lead = re.match(_LEAD, clause)
            return text[lead.end() if lead else 0 :].strip(), before
        inverted = INVERTED.search(clause)
        if inverted:
            subj = text[inverted.start("subj") : inverted.end("subj")].strip()
            rest = text[inverted.start("done") :].strip()
            return f"{subj} {inverted.group('verb')} {rest}", before
    lead = re.match(_LEAD, u.low)
    return u.text[lead.end() if lead else 0 :].strip(), ""


def formal_decisions(alignment: Alignment, units: list[Unit], backed: set[int]) -> list[tuple[str, Formal]]:
    """(item number, decision) for each formal sentence in a treated item whose turn (`backed`: segment ids of
    the decisions already made) backs no decision yet; one per turn."""
    out: list[tuple[str, Formal]] = []
    seen = set(backed)
    for i, u in enumerate(units):
        if u.seg_id in seen:
            continue
        recorded = _recorded(alignment, units, i)
        if recorded is not None:
            out.append(recorded)
            seen.add(u.seg_id)
            continue
        if formal_match(u.low) is None and not FOLLOWED.search(u.low):
            continue
        filed = filed_under(alignment, units, u)  # "… till handlingarna, under punkt åtta"
        number = filed or alignment.returned_at(u.start + 0.01) or alignment.item_at(u.start + 0.01)
        span = alignment.item(number) if number else None
        if span is None or span.start is None or span.end is None:
            continue
        own = [v for v in units if span.start - 0.01 <= v.start < span.end or filed and v.seg_id == u.seg_id]
        at = next((k for k, v in enumerate(own) if v.idx == u.idx), len(own))
        after = units[i + 1] if i + 1 < len(units) and units[i + 1].seg_id == u.seg_id else None
        said = _said(u, span, after, own, at)
        if said is None:
            continue
        evidence = [u, after] if after is not None and said[0] == after.text else [u]
        out.append((span.number, Formal(said[0], evidence, said[1])))
        seen.add(u.seg_id)
    return out


def _recorded(alignment: Alignment, units: list[Unit], i: int) -> tuple[str, Formal] | None:
    """The chair's statement just before "skriv det som ett beslut", filed under the item it names ("… under
    driften") or else the one being treated."""
    u = units[i]
    m = RECORDED.search(u.low)
    said = next(
        (v for v in reversed(units[max(0, i - 2) : i]) if v.seg_id == u.seg_id and len(content_words(v.text)) >= 3),
        None,
    )
    if m is None or said is None or said.text.rstrip().endswith("?"):
        return None
    number = alignment.returned_at(u.start + 0.01) or alignment.item_at(u.start + 0.01)
    if m.group("item"):
        words = {stem(w) for w in content_words(m.group("item"))}
        named = [s.number for s in alignment.items if overlap({stem(w) for w in content_words(s.title)}, words)]
        number = named[0] if len(named) == 1 else number
    if number is None:
        return None
    return number, Formal(said.text.strip(), [said, u], True)
