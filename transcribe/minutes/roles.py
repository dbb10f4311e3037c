"""Who was ordförande, sekreterare and justerare: from the election items, or from how people presented themselves.

Under an election item ("Val av justerare") a name said in a sentence that
names the role, a proposal that follows it ("Jag föreslår Sara Ek") or a
volunteer ("Jag kan justera") is taken. Without an election item, only a
sentence that ties a name (or "jag") to the role counts ("Jag heter Anders
Öberg och är nämndens ordförande"). Each role keeps the sentences behind it.

A name belongs to the role it is tied to ("Per Åkesson till sekreterare",
"till justerare valdes Lars Berg"), else to the role named in its own clause,
else to the nearest; "jämte ordföranden" is not the ordförande role. Someone
who is asked and says no ("Nej, helst inte"), or gives no yes while another
steps in, is not elected. Those who answer yes to a question about one role
("Kan Eva och Mats justera?" – "Ja.") are elected even when a name was misheard;
misheard role words and names are read by the fuzzy matcher. With no one said
to lead, the speaker who announces the items is ordförande, flagged for review.
"""

from __future__ import annotations

import re
from functools import partial
from typing import Literal

from pydantic import BaseModel, Field

from transcribe.agenda.align import Alignment, Unit, chair_speaker
from transcribe.agenda.phrases import CLOSED, KIND_CUES
from transcribe.minutes.model import Evidence
from transcribe.minutes.role_answers import (
    AGREES,
    DECLINE,
    SELF,
    WITH_ME,
    answer_head,
    answered,
    confirmed,
    declined,
    follow_up,
    mentions,
    offers,
    people,
    persons,
    says_yes,
    speaker_names,
)
from transcribe.minutes.role_items import ROLES, item_roles, names_role, summed_up, unplaced_window
from transcribe.minutes.role_ties import ROLE_VERBS, ROLE_WORDS, mask_roles, other_role_work, role_of, role_words
from transcribe.transcript import Transcript

Role = Literal["ordförande", "sekreterare", "justerare"]
OPENED = KIND_CUES["open"]
LIMIT = {"ordförande": 1, "sekreterare": 1, "justerare": 2}
_ELECTED = re.compile(r"\b(val(?:d|t|da|des|ts)|väljs|väljer|välja|utse\w*|föreslå\w*|bifall\w*|godkänn\w*)\b")
_CONCLUDED = re.compile(r"\b(?:valdes|väljs|utses|utsågs)\b")
_SELF_ROLE = re.compile(
    r"\bjag (?:är|blir|kan (?:vara|ta|justera|skriva|föra|leda|hålla i)|tar|skriver|för|justerar|leder|håller i|heter"
    r"|antecknar|sitter (?=(?:som )?(?:\w*ordförande|\w*sekreterare|med pennan|med protokollet))"
    r"|har fått (?:\w+ ){0,2}(?:förtroendet|uppdraget|äran) att|har (?=(?:\w+ )?(?:pennan|klubban)\b))\b"
    r"|\b(?:hälsar|öppnar|förklarar|leder|skriver|för|är|tar|håller) jag\b|\b(?:det är|är det) jag\b"
    r"|\b(?:kan|får|ska) jag (?:vara|ta|leda|skriva|föra|justera)\b"
)  # "Som ordförande hälsar jag er välkomna", "det är jag som leder mötet": the word order turns after a fronted role;
# "Kan jag vara ordförande i kväll?" offers oneself; "Jag sitter med pennan", "Jag har fått förtroendet att leda mötet";
# the role's tool in one's own hands: "Jag har pennan.", "Jag har klubban i kväll."
_NOT_GIVEN = re.compile(
    r"\b(?:tills|till dess|i stället för|istället för|eftersom|(?:koll|gransk|kontroller)(?:a|ar)(?: efteråt)? att)\s+$"
    r"|(?<!blir )(?<!är )(?<!var )\b(?:det|vad|allt)\s+$"
)
# "sköta klubban tills Maria kommer?", "nyval av Bosse i stället för Greta", "läser igenom det Sofia <…>", "någon som
# kollar att Hedvig inte hittar på något": not given
_BOARD = re.compile(r"\b(?:omval|nyval|omvald\w*|nyvald\w*|ledam[oö]t\w*)\b")  # the association's officers elected
# (and the role held in one of its bodies, not at this meeting: "Jag har suttit ordförande i styrelsen hela året")
_held = re.compile(r"\b(?:ordförande|sekreterare) (?:i|för) (?:styrelsen|föreningen|nämnden|rådet|klubben)\b").search
_FULL_NAME = re.compile(r"\b[A-ZÅÄÖ][a-zåäöé]+\s+[A-ZÅÄÖ][a-zåäöé]+\b")  # first name and surname
_CLAUSE_AND = re.compile(r",\s*och (?:jag|mig)(?: själv)?$")


class RoleElection(BaseModel):
    role: Role
    name: str
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = 0.5
    needs_review: bool = False
    source: Literal["val", "presentation"] = "val"


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


def _named(u: Unit, role: str, names: dict[str, str], transcript: Transcript) -> list[tuple[str, int]]:
    """The people the sentence gives this role, each with how surely (see role_of): by name, by "jag", or
    a name the meeting never said otherwise."""
    masked = mask_roles(u.low)
    hits = [
        (n, sure)
        for s, e, n in persons(u.text, names)
        if not _NOT_GIVEN.search(u.low[:s]) and not _does_other(role, masked[e:])
        for r, sure in [role_of(masked, s, e)]
        if r == role
    ]
    own = _self_tied(masked, role)
    if own == 2 and all(sure < 2 for _, sure in hits):  # "att jag är ordförande … och att Goran <…> protokollet":
        mine = [(n, 2) for n in speaker_names(u, transcript, names)]  # the role said of "jag", not of a name near it
        return mine + [h for h in hits if h[0] not in dict(mine)] if LIMIT[role] > 1 else mine
    if hits:
        for m in WITH_ME.finditer(masked):  # "Kalle och jag justerar": the speaker too; after a comma "och jag"
            # opens a clause of its own ("Någon måste skriva, och jag har frågat Jenny"): not a second subject
            if role_of(masked, m.start(), m.end())[0] == role and not _CLAUSE_AND.search(masked[: m.end()]):
                hits += [(n, 1) for n in speaker_names(u, transcript, names) if n not in dict(hits)]
        return hits
    return [(n, own) for n in speaker_names(u, transcript, names)] if own is not None else []


def _self_tied(masked: str, role: str) -> int | None:
    """How surely the sentence gives this role to its speaker by "jag" (see role_of), or None."""
    for m in _SELF_ROLE.finditer(masked):
        jag = m.start() + m.group(0).rfind("jag")
        r, sure = role_of(masked, jag, jag + 3)
        if r == role:
            return sure
    return None


def _does_other(role: str, after: str) -> bool:
    """The name is the subject of another role's verb ("två som läser igenom det Sofia skriver"): it says what that
    one does, not who takes this role."""
    after = after.lstrip()
    return any(p.match(after) for r, p in ROLE_VERBS.items() if r != role) and not ROLE_VERBS[role].match(after)


def _unknown_people(u: Unit, role: str, names: dict[str, str]) -> list[tuple[str, int]]:
    """Elected without having spoken: "Till justerare valdes Mikael Enoksson och Bengt Holmqvist"."""
    if not _CONCLUDED.search(u.low):
        return []
    known = [(s, e) for s, e, _ in mentions(u.text, names)]
    masked = mask_roles(u.low)
    out = []
    for m in _FULL_NAME.finditer(u.text):
        if m.start() == 0 or any(s < m.end() and m.start() < e for s, e in known):
            continue
        r, sure = role_of(masked, m.start(), m.end())
        if r == role:
            out.append((m.group(0), sure))
    return out


def find_roles(transcript: Transcript, alignment: Alignment, units: list[Unit]) -> list[RoleElection]:
    names = people(transcript)
    said_no = declined(units, transcript, names)
    out: list[RoleElection] = []
    deferred: list[tuple[str, list[Unit], set[str]]] = []
    for role in ROLES:
        spans = [s for s in alignment.items if s.treated and s.start is not None and names_role(role, s.title)]
        elected = bool(spans)
        pool = [u for u in units if any(s.start - 0.01 <= u.start < s.end for s in spans)] if elected else units
        window = unplaced_window(alignment, role, units) if not elected else None
        if window:  # the election item's start was not found: it lies where the agenda's order puts it
            elected, pool = True, window
        if role == "justerare":  # who writes the minutes does not also check them
            out = _own_answer_decides(pool, elected, names, said_no, transcript, out)
            said_no = said_no | {r.name for r in out if r.role == "sekreterare"}
        chosen = _from_pool(role, pool, elected, names, said_no, transcript, guess=not window)
        if role == "ordförande" and spans and not chosen:  # named in its item, and the one who then leads
            chosen = _leader_named(pool, units, names, said_no, transcript)
        if elected and not chosen:  # the item was placed wrong, or the election came elsewhere
            chosen = _from_pool(role, units, False, names, said_no, transcript, follow=True)
        if elected and not chosen:  # the chair asks one by name to do the role's work, who says yes after the turn
            chosen = _asked_in_turn(role, pool, out, names, said_no, transcript)
        if elected and not chosen:  # one who answers the asker with the role's own work ("Visst. Jag skriver.")
            chosen = _offered(role, pool, out, names, said_no, transcript)
        if elected and not chosen:  # the role said in words no rule knows: who is named in its item and agrees
            shared = item_roles(alignment, role, spans) - {role, "ordförande"}  # the chair asks, seldom answers
            if shared:  # an item for two roles: only the one left once the other is held
                deferred.append((role, pool, shared))
                continue
            chosen = _by_structure(role, pool, out, names, said_no, transcript)
        if elected and not chosen:  # the one who asked names those who offered: they are elected
            chosen = confirmed(role, pool, {r.name for r in out}, said_no, transcript, names, LIMIT[role])
        chosen |= summed_up(chosen, pool, partial(persons, names=names), LIMIT[role]) if elected else {}
        if elected and 0 < len(chosen) < LIMIT[role]:  # the second of two, who offers the role's work in its item
            held = [*out, *_elections(role, chosen, elected, names, transcript)]  # ("Och Leif." – … – "Jag granskar.")
            chosen |= dict(list(_offered(role, pool, held, names, said_no, transcript).items())[:1])
        out += _elections(role, chosen, elected, names, transcript)
    for role, pool, shared in deferred:
        if shared <= {r.role for r in out}:
            chosen = _by_structure(role, pool, out, names, said_no, transcript) or confirmed(
                role, pool, {r.name for r in out}, said_no, transcript, names, LIMIT[role]
            )
            out += _elections(role, chosen, True, names, transcript)
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
    if not any(r.role == "ordförande" for r in out):  # no one said it: who leads is who opens and announces
        lead = chair_speaker(units)
        name = transcript.speaker_name(lead) if lead else None
        # "Mötet är öppnat" is a chair's act, and a meeting with a secretary or justerare has a chair who signs, also
        # one whose agenda elects them when their election was not heard; a manager's "Då kör vi" in a meeting that
        # names no one makes no chair
        formal = bool(out) or any(names_role(r, s.title) for s in alignment.items for r in ROLES)
        formal = formal or any(u.speaker == lead and (OPENED.search(u.low) or CLOSED.search(u.low)) for u in units)
        if name and name in names.values() and formal:
            ev = [unit_evidence(u, transcript) for u in units if u.speaker == lead][:1]
            out.insert(0, RoleElection(role="ordförande", name=name, evidence=ev, confidence=0.3, needs_review=True))
    return out


def _own_answer_decides(
    pool: list[Unit],
    elected: bool,
    names: dict[str, str],
    said_no: set[str],
    transcript: Transcript,
    given: list[RoleElection],
) -> list[RoleElection]:
    """A secretary and a justerare are different people: when one given the secretary's role is also named for
    justering, the person's own answer decides. Said by that person for justering ("Jag justerar gärna.") and not
    for writing, the secretary's role was read wrongly and is dropped, so it does not block the right one."""
    writers = {r.name: r for r in given if r.role == "sekreterare"}
    if not writers:
        return given
    checks = _from_pool("justerare", pool, elected, names, said_no, transcript, guess=False)
    wrong = {
        name
        for name, ev in checks.items()
        if name in writers
        and any(speaker_names(u, transcript, names) == [name] for u in ev)
        and not any(e.speaker_name == name for e in writers[name].evidence)
    }
    return [r for r in given if not (r.role == "sekreterare" and r.name in wrong)]


def _leader_named(
    pool: list[Unit], units: list[Unit], names: dict[str, str], said_no: set[str], transcript: Transcript
) -> dict[str, list[Unit]]:
    """The chair's election placed, with no sentence there naming the role in words the rules know ("Vi i
    valberedningen skulle vilja att Kerstin sitter i mitten i dag och fördelar ordet." – … – "Då varsågod,
    Kerstin."): the one named there by others who leads the meeting from then on (announces its items) was
    elected to lead it."""
    if not pool:
        return {}
    leader = chair_speaker([u for u in units if u.start >= pool[-1].end])
    name = transcript.speaker_name(leader) if leader else None
    if not name or name not in names.values() or name in said_no:
        return {}
    ev = [u for u in pool if u.speaker != leader and name in {n for _, _, n in persons(u.text, names)}]
    return {name: ev} if ev else {}


def _elections(role: str, chosen: dict, elected: bool, names: dict[str, str], transcript: Transcript) -> list:
    out = []
    for name, ev in chosen.items():
        said_yes = any(AGREES.search(w.low) for w in ev[1:])
        confirmed = said_yes or any(_ELECTED.search(w.low) or SELF.search(w.low) for w in ev)
        out.append(
            RoleElection(
                role=role,
                name=name,
                evidence=[unit_evidence(w, transcript) for w in ev],
                confidence=0.8 if confirmed or not elected else 0.5,
                needs_review=elected and not confirmed or name not in names.values(),  # a name heard once
                source="val" if elected else "presentation",
            )
        )
    return out


def _offers_other(role: str, low: str) -> bool:
    masked = mask_roles(low)
    mine = ROLE_VERBS[role].search(masked) or ROLE_WORDS[role].search(masked)
    return not mine and other_role_work(role, masked)


def _by_structure(
    role: str,
    pool: list[Unit],
    given: list[RoleElection],
    names: dict[str, str],
    said_no: set[str],
    transcript: Transcript,
) -> dict[str, list[Unit]]:
    """The role's election item is treated but no sentence in it names the role in words the rules know: the one a
    sentence there names, or asks for, who answers it at once with a yes or by offering ("Och Sanna får se till att
    Emil inte hittar på något." – "Det ska jag."; "Och vem sätter sitt namn under protokollet?" – "Jag kan vara den,
    jag."; "Och någon som kollar efteråt att Linda har fått med rätt saker." – "Jag kan."), the yes read in the
    answer's first sentences. Not someone given another role, nor an exchange behind one, nor a sentence naming
    another role; one named there as whose work is checked ("att Linda har fått med") is not the one asked, one named
    earlier in the asker's turn is ("Och Mikael kontrollerar anteckningarna. Går det?" – "Absolut.")."""
    holders = {r.name for r in given}
    used = {e.segment_id for r in given for e in r.evidence}
    others = [p for r, p in ROLE_WORDS.items() if r != role]
    for k, (u, answer) in enumerate(zip(pool, pool[1:], strict=False)):
        if answer.speaker == u.speaker or u.seg_id in used or answer.seg_id in used:
            continue
        masked = mask_roles(u.low)
        head = answer_head(pool, k + 1)
        if any(p.search(masked) for p in others) or not says_yes(head):
            continue
        who = speaker_names(answer, transcript, names)
        turn = [v for v in pool[: k + 1] if v.seg_id == u.seg_id]  # "Och Mikael kontrollerar … Går det?"
        asked = [
            n
            for v in turn
            for s, _, n in persons(v.text, names)
            if not _NOT_GIVEN.search(v.low[:s]) and not _THANKED.search(v.low[:s])
        ]
        if not who or who[0] in holders or who[0] in said_no or any(persons(w.text, names) for w in head):
            continue
        if any(_offers_other(role, w.low) for w in head):  # "Och jag kan läsa igenom dem": for another role
            continue
        called = u.text.rstrip().endswith("?") or _OPEN_CALL.search(u.low)
        if who[0] in asked or not asked and called and any(offers(w.low) for w in head):
            return {who[0]: [u, answer]}
    return {}


_THANKED = re.compile(r"\btack,?\s+$")  # "Tack, Rania. Och Mikael …": the one thanked is not the one asked
_OPEN_CALL = re.compile(r"\b(?:någon|nån|vem|vilka)\b|\btvå (?:som|personer)\b")  # a call for whoever will


# What one asked to take a role is asked to do: a verb, not "protokollet" alone; signing "med mig" is justering
_WORK = {
    "ordförande": re.compile(r"\bled(?:a|er|de)\b|\bhåll(?:a|er) i\b"),
    "sekreterare": re.compile(r"\b(?:skriv|skrev|anteckn)\w*(?!.*\bmed mig\b)"),
    "justerare": ROLE_VERBS["justerare"],
}  # the work done before, said to the one asked again, asks too: "Sofia, du skrev så bra förra året. Kan du …?"
_ADDRESSED = re.compile(r"^\W*(?:och\s+|sen\s+|sedan\s+)?(?:[\wåäö]+,\s*)?$")  # "Och protokollet, Saga, du …"


def _asked_in_turn(
    role: str,
    pool: list[Unit],
    given: list[RoleElection],
    names: dict[str, str],
    said_no: set[str],
    transcript: Transcript,
) -> dict[str, list[Unit]]:
    """In the election item the chair's turn asks people by name, each to do one role's work ("Jonna, kan du skriva
    ner det viktigaste? Och Kevin, du tittar igenom det innan det går ut." – "Visst. Jag skriver." – "Okej. Jag
    läser."): one addressed at the head of a request whose verbs are this role's alone, who answers yes once the
    chair's turn ends and before the chair speaks again, takes the role."""
    holders = {r.name for r in given}
    for i, u in enumerate(pool):
        masked = mask_roles(u.low)
        if not _WORK[role].search(masked) or other_role_work(role, masked):
            continue
        asked = [
            n for s, e, n in persons(u.text, names) if _ADDRESSED.match(u.low[:s]) and u.text[e:].lstrip()[:1] == ","
        ]
        if len(asked) != 1 or asked[0] in holders or asked[0] in said_no:
            continue
        rest = pool[i + 1 :]
        while rest and rest[0].speaker == u.speaker:  # the chair's turn goes on
            rest = rest[1:]
        for w in rest[:4]:
            if w.speaker == u.speaker:
                break
            if speaker_names(w, transcript, names) == asked and not DECLINE.search(w.low):
                if says_yes(answer_head(pool, pool.index(w))):
                    return {asked[0]: [u, w]}
                break
    return {}


# One's own offer of a role's work, in the first person ("Visst. Jag skriver.", "Okej då. Jag granskar.", "Jag kan
# skriva."): what the role does, said by the one who takes it, whatever words the question was heard with
_OFFERS = {
    "ordförande": re.compile(r"^\W*(?:\w+\W+){0,2}?jag (?:kan |ska )?(?:led(?:a|er)|håll(?:a|er) i)\b"),
    "sekreterare": re.compile(
        r"^\W*(?:\w+\W+){0,2}?jag (?:kan |ska )?(?:skriv(?:a|er)|anteckn(?:a|ar)|för(?:a|er)? protokoll\w*)\b"
        r"(?! (?:under|på)\b)"
    ),
    "justerare": re.compile(
        r"^\W*(?:\w+\W+){0,2}?jag (?:kan |ska )?(?:juster(?:a|ar)|gransk(?:a|ar)|läs(?:a|er)(?: igenom)?|koll(?:a|ar)"
        r"|skriv(?:a|er) (?:under|på))\b(?! upp\b)"
    ),
}


def _offered(
    role: str,
    pool: list[Unit],
    given: list[RoleElection],
    names: dict[str, str],
    said_no: set[str],
    transcript: Transcript,
) -> dict[str, list[Unit]]:
    """In the role's item, those who answer another's turn by offering this role's work and no other's: the question
    may have been heard without its role words ("Jonna, kan <…> viktigaste?" – "Visst. Jag skriver.")."""
    holders = {r.name for r in given}
    chosen: dict[str, list[Unit]] = {}
    for i, u in enumerate(pool):
        if i == 0 or u.seg_id == pool[i - 1].seg_id or pool[i - 1].speaker == u.speaker:
            continue  # the head of a turn that answers someone else
        who = speaker_names(u, transcript, names)
        head = answer_head(pool, i)
        offer = next((w for w in head if _OFFERS[role].search(w.low)), None)
        if offer is None or not who or who[0] in holders | said_no | set(chosen):
            continue
        if any(p.search(w.low) for w in head for r, p in _OFFERS.items() if r != role):
            continue
        if len(chosen) < LIMIT[role]:
            chosen[who[0]] = [pool[i - 1], offer]
    return chosen


def _from_pool(
    role: str,
    pool: list[Unit],
    elected: bool,
    names: dict[str, str],
    said_no: set[str],
    transcript: Transcript,
    follow: bool = False,
    guess: bool = True,
) -> dict[str, list[Unit]]:
    """The people given the role in these sentences; `follow`: also by the answer to a sentence naming it,
    as always inside the election item; `guess`: with the role word misheard, whoever is proposed or elected
    there (only inside the role's own item: the sentences where its item should lie hold other elections too)."""
    follow = follow or elected
    found: list[tuple[int, int, str, list[Unit]]] = []  # (-sureness, order, name, evidence)
    for i, u in enumerate(pool):
        if not ROLE_WORDS[role].search(mask_roles(u.low)) or not elected and _BOARD.search(u.low) or _held(u.low):
            continue  # outside the role's item, "omval av Kjell som ordförande" elects the association's chair
        hits = [h for h in _named(u, role, names, transcript) + _unknown_people(u, role, names) if h[0] not in said_no]
        ev = [u]
        single = len({r for _, _, r in role_words(mask_roles(u.low))}) == 1  # not "Ordförande Karin, sekreterare …"
        if hits and follow and single and " och " in u.low:  # "Kan Eva och <misheard> justera?": those who say yes
            yes, yes_ev = answered(u, pool[i + 1 : i + 4], transcript, names, role)
            hits += [(n, 1) for n in yes if n not in dict(hits)]
            ev = yes_ev or ev
        if not hits and follow:
            people_, ev = follow_up(role, u, pool[i + 1 : i + 5], names, transcript)
            hits = [(n, 1) for n in people_]
        concluded = 1 if _CONCLUDED.search(u.low) else 0  # "Då valdes …": the election's outcome
        found += [(-(sure + concluded), i, name, ev) for name, sure in hits if name not in said_no]
    chosen: dict[str, list[Unit]] = {}
    for _, _, name, ev in sorted(found, key=lambda x: (x[0], x[1])):
        if name not in chosen and len(chosen) < LIMIT[role]:
            chosen[name] = ev
    if elected and guess and not chosen:  # the role word was misheard: names proposed or elected in the item
        for w in pool:
            if _ELECTED.search(w.low) and not any(p.search(w.low) for r, p in ROLE_WORDS.items() if r != role):
                for _, _, name in persons(w.text, names):
                    if name not in chosen and name not in said_no and len(chosen) < LIMIT[role]:
                        chosen[name] = [w]
    return chosen
