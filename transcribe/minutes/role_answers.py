"""Who answers for a role: the people present and how they are named ("Görans", a slip in "Kestin"), who says
yes to a question, offers ("Jag kan.", "Det tar jag.") or says no ("Nej, helst inte"), and the proposal, answer or
naming that follows a sentence naming a role (roles.py reads the elections with these)."""

from __future__ import annotations

import re
from collections import Counter
from functools import partial

from transcribe.agenda.units import Unit
from transcribe.minutes.fuzzy import known_word, similar
from transcribe.minutes.role_ties import ROLE_VERBS, ROLE_WORDS, mask_roles, other_role_work, role_of, role_words
from transcribe.transcript import Transcript

WITH_ME = re.compile(r"\b(?:jag|mig)(?: själv)? och\b|\boch (?:jag|mig)(?: själv)?\b")
AGREES = re.compile(
    r"^\W*(?:ja|javisst|visst|absolut|gärna|okej|det går bra)\b|^\W*(?:\w+\W+)?(?:det )?går (?:bra|fint)\b"
)  # "Det går bra" with its first word misheard ("<Han>, går bra.") still agrees
SELF = re.compile(
    r"\bjag (?:kan|tar|gör|ställer upp|justerar|är gärna|skriver|för|antecknar|protokollför)\b"
    r"|\b(?:det är )?min tur\b|\b(?:det|så) gör jag\b|\bgör jag det\b"
    r"|\b(?:det|den) (?:kan|tar|ska) (?:väl |nog |ju )?jag\b"
    r"|^\W*(?:och )?jag(?: också| med)?(?:\W*$|\s*,)"
    r"|^\W*(?:ja,? )?om jag (?![^?]*\binte\b)\w+\b[^?]*,\s*så\W*$"
    r"|\b(?:kan|tar|gör|ska) (?:väl |nog |ju |gärna )?jag(?: det| gärna)?\s*[.!]?\s*$"
)  # a volunteer: "Jag kan ta det", "Det är min tur, jag antecknar", "Då gör jag det", "Det kan jag göra",
# after another "Jag också.", "Och jag, om det inte tar för lång tid.", "Jag." (the verb left out); a yes on a
# condition, its "så" left hanging: "Om jag får läsa det innan jag går och lägger mig, så." (not one
# with "inte" in it: "Om jag inte hinner, så."); a statement ending on its verb and "jag" has put its object or a
# yes first, whatever word that was heard as ("Det kan jag.", "<Bit> kan jag.", "Gärna gör jag.")
DECLINE = re.compile(
    r"^\W*(?!ja\b)(?:\w+\W+){0,2}?(?:nej|nä|tyvärr|helst inte|det går (?:tyvärr )?inte|jag kan (?:tyvärr )?inte)\b"
)  # a misheard first word or two ("Den, en helst inte") still says no
ANSWER_SENTENCES = 2  # a yes or an offer opens the answer: "Visst. Jag skriver.", "<misheard>. Det är min tur."


def answer_head(units: list[Unit], i: int) -> list[Unit]:
    """The first sentences of the turn that units[i] opens: the answer is the turn, not its first sentence alone."""
    return [w for w in units[i : i + ANSWER_SENTENCES] if w.seg_id == units[i].seg_id]


def offers(low: str) -> bool:
    """One offers to take it ("Jag kan ta det."), not to leave it ("Jag skriver inte om kaffet.", "Jag gör det inte
    i dag.")."""
    m = SELF.search(low)
    return m is not None and not re.match(r"(?:\W*[\wåäö]+){0,2}?\W*(?:inte|tyvärr|aldrig)\b", low[m.end() :])


def says_yes(head: list[Unit]) -> bool:
    """An answer that opens with no no and agrees or offers in its first sentences, so a yes heard wrong in one
    sentence is still read in the next ("Det <nilsson> jag. Det är min tur, tror jag.")."""
    return bool(head) and not DECLINE.search(head[0].low) and any(AGREES.search(w.low) or offers(w.low) for w in head)


_CAPITALISED = re.compile(r"\b[A-ZÅÄÖ][a-zåäöé]{3,}\b")


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


def mentions(text: str, names: dict[str, str], genitive: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, full name) of each person named in the text; a full name wins over its first name.

    A genitive counts ("Görans") unless `genitive` is false (whose notes are read, "Ingelas anteckningar", is
    not the one asked; whose turn it is, "Lenas tur", is); in capitalised text a lower-case first name or surname
    is an ordinary word ("kronor per timme"), not the person."""
    low = text.lower()
    cased = any(c.isupper() for c in text)
    found: dict[str, tuple[int, int]] = {}
    taken: list[tuple[int, int]] = []
    for key in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(key)}s?\b", low):
            if any(a <= m.start() < b for a, b in taken):
                continue
            if cased and " " not in key and text[m.start()].islower():
                continue
            if not genitive and m.end() - m.start() > len(key) and not low[m.end() :].startswith(" tur"):
                taken.append((m.start(), m.end()))
                continue
            taken.append((m.start(), m.end()))
            found.setdefault(names[key], (m.start(), m.end()))
    for m in _CAPITALISED.finditer(text):  # a name heard with a slip ("Siimon", "Kestin"), no word of its own
        if any(a <= m.start() < b for a, b in taken) or known_word(m.group(0).lower()):
            continue
        near = {names[k] for k in names if " " not in k and len(k) >= 4 and similar(m.group(0), k)}
        if len(near) == 1:
            taken.append((m.start(), m.end()))
            found.setdefault(near.pop(), (m.start(), m.end()))
    return sorted((s, e, name) for name, (s, e) in found.items())


persons = partial(mentions, genitive=False)  # for a role: not whose thing is spoken of ("Ingelas anteckningar")


def speaker_names(u: Unit, transcript: Transcript, names: dict[str, str]) -> list[str]:
    own = transcript.speaker_name(u.speaker) if u.speaker else None
    return [own] if own and own in names.values() else []


def declined(units: list[Unit], transcript: Transcript, names: dict[str, str]) -> set[str]:
    """People asked to take a role who said no: "Gunnar, kan du justera?" – "Nej, helst inte"."""
    out: set[str] = set()
    for i, (u, answer) in enumerate(zip(units, units[1:], strict=False)):
        if not u.text.rstrip().endswith("?") or not _asks_for_role(units, i):
            continue
        asked = [n for _, _, n in persons(u.text, names)]
        who = transcript.speaker_name(answer.speaker) if answer.speaker else None
        if len(asked) == 1 and who == asked[0] and not AGREES.search(answer.low):
            # the one asked gives no yes, and someone else steps in ("Jag kan ta det"): the no was misheard
            if any(
                SELF.search(w.low) and w.speaker not in (u.speaker, answer.speaker)
                for w in units[i + 2 : i + 3]
                if w.seg_id != answer.seg_id
            ):
                out.add(who)
        if not DECLINE.search(answer.low) or _volunteers(answer, units[i + 1 : i + 3]):
            continue
        if who in asked and not _given_after(who, u.speaker, units[i + 2 : i + 6], names):
            if not _relents(answer, _turns_after(units, i + 2, RELENT_TURNS)):
                out.add(who)
        elif len(asked) == 1 and answer.speaker != u.speaker and who not in names.values():
            out.add(asked[0])
    return out


def _asks_for_role(units: list[Unit], i: int) -> bool:
    """The question, or its turn before it, speaks of a role's work ("Och så behöver vi två som läser Jennys text
    efteråt … Stefan?"); a no to anything else ("Är det ett nej, Stefan?" on the board's discharge) declines no
    role."""
    turn = [v for v in units[: i + 1] if v.seg_id == units[i].seg_id]
    return any(p.search(mask_roles(v.low)) for v in turn for p in (*ROLE_WORDS.values(), *ROLE_VERBS.values()))


def _volunteers(answer: Unit, turn: list[Unit]) -> bool:
    """A "nej" that agrees with a negative question and then volunteers ("Mirja, du har inte gjort det på ett
    tag?" – "Nej, det stämmer. Jag kan justera i dag."): the answer's turn offers to take the role."""
    return any(offers(w.low) for w in turn if w.seg_id == answer.seg_id and w.speaker == answer.speaker)


RELENT_TURNS = 5  # the no's own turn and four more, in which the one asked may still take the role


def _turns_after(units: list[Unit], start: int, turns: int) -> list[Unit]:
    """The sentences of the next `turns` turns from `start` (a turn's sentences share its segment)."""
    out: list[Unit] = []
    for u in units[start:]:
        if out and u.seg_id != out[-1].seg_id:
            turns -= 1
        if turns <= 0:
            break
        out.append(u)
    return out


def _relents(answer: Unit, after: list[Unit]) -> bool:
    """The one who said no takes the role after all, once the asker (or another) has answered the reason ("Nej,
    helst inte. Jag är bortrest." – "Det räcker att läsa på mejlen." – "Okej då, jag tar det."; "Jag kan inte. Jag är
    i Borås." – "Okej. Någon annan?" – "Jag kan göra det." – "Stefan kan läsa på tåget." – "Okej då. … Jag läser på
    tåget.")."""
    asker_spoke = False
    for w in after:
        if w.speaker != answer.speaker:
            asker_spoke = True
        elif asker_spoke and w.seg_id != answer.seg_id:
            return bool(SELF.search(w.low) or AGREES.search(w.low)) and not DECLINE.search(w.low)
    return False


def _given_after(who: str, asker: str | None, after: list[Unit], names: dict[str, str]) -> bool:
    """The one who asked then gives the role to the one who seemed to say no ("Nej, det stämmer. <misheard>" –
    "Då justerar Mirja tillsammans med mig."): the chair's outcome outweighs a "nej" that may have agreed."""
    for w in after:
        if w.speaker != asker:
            continue
        masked = mask_roles(w.low)
        if any(n == who and role_of(masked, s, e)[1] == 2 for s, e, n in persons(w.text, names)):
            return True
    return False


# A question put to the meeting as a whole ("Kan vi säga ja till det?", "Vill årsmötet det?", "Är ni med på det?"):
# a yes to it assents to what was proposed; whoever says it offers to take nothing
TO_MEETING = re.compile(
    r"^\W*(?:(?:och|så|då|men|okej|bra)\W+)?(?:kan|ska|får|vill|är|säger|godkänner|beviljar|tycker|väljer)\s+"
    r"(?:vi|årsmötet|mötet|stämman|församlingen|nämnden|styrelsen|rådet|alla|ni alla|ni med)\b"
)

# One who offered puts another forward with them: "Och Leif kan.", "Och Eva också."
VOUCHES = re.compile(r"^\W*(?:och|men|så)?\W*[\wåäöé-]+(?: [\wåäöé-]+)?\s+(?:kan(?: också)?|också|med)\W*$")


def answered(question: Unit, after: list[Unit], transcript: Transcript, names: dict[str, str], role: str = ""):
    """Those who answer yes to a question, until the asker speaks again: the people it asked, whether or not
    their names were heard ("Kan Eva och Mats justera?" – "Ja." – "Ja, det går bra."). For a `role`, one who
    offers to do what another role does ("Jag kan skriva.") answers for that one. A yes to the short question after
    a proposal that names people ("Jag föreslår att jag är ordförande och att Goran skriver. Går det bra?") assents
    to it: it elects no one the proposal names for another role, nor, where it names no one for this role, anyone
    it does not name."""
    proposed: dict[str, str | None] = {}
    if after and _folds(question, after[0]):
        masked = mask_roles(question.low)
        proposed = {n: role_of(masked, s, e)[0] for s, e, n in persons(question.text, names)}
        question, after = after[0], after[1:]
    if not question.text.rstrip().endswith("?") or TO_MEETING.search(question.low):
        return [], []
    people_: list[str] = []
    ev = [question]
    for w in after[:3]:
        if w.speaker == question.speaker or DECLINE.search(w.low):
            break
        who = speaker_names(w, transcript, names)
        others = [n for _, _, n in persons(w.text, names) if n not in who]
        if people_ and len(others) == 1 and VOUCHES.match(w.low) and not _refuses(others[0], after, transcript, names):
            people_.append(others[0])  # "Jag gör det. Och Leif kan." – "Kan jag?" – "Okej då. Jag granskar."
            ev.append(w)
            continue
        if others or not who or not (AGREES.search(w.low) or SELF.search(w.low)):
            break
        if role and not ROLE_VERBS[role].search(w.low) and other_role_work(role, w.low):
            continue
        if role and proposed.get(who[0]) not in (role, None):
            continue  # named by the proposal for another role
        if role and who[0] not in proposed and proposed and role not in proposed.values():
            continue  # a proposal naming others, none for this role: the yes assents to it
        if who[0] not in people_:
            people_.append(who[0])
            ev.append(w)
    return (people_, ev) if people_ else ([], [])


def _folds(statement: Unit, w: Unit) -> bool:
    """The speaker of a statement asks on it in a short question of their own ("… justerar. Går det bra?", "Och två
    justerare. Olof?"); one that names a role the statement does not asks in its own right ("Sekreterare är som
    vanligt. Kan Pia och Omar justera?")."""
    stated = not statement.text.rstrip().endswith("?") and w.speaker == statement.speaker
    short = w.text.rstrip().endswith("?") and len(w.text.split()) <= 5
    own = {r for _, _, r in role_words(mask_roles(statement.low))}
    asked = {r for r, p in (*ROLE_WORDS.items(), *ROLE_VERBS.items()) if p.search(mask_roles(w.low))}
    return stated and short and asked <= own


def _refuses(who: str, after: list[Unit], transcript: Transcript, names: dict[str, str]) -> bool:
    """The one another put forward says no in their own next answer."""
    own = [w for w in after[:6] if speaker_names(w, transcript, names) == [who] and not w.text.rstrip().endswith("?")]
    return bool(own) and bool(DECLINE.search(own[0].low))


_proposed = re.compile(r"\bföreslå\w*\b(?:\W+\w+){0,2}\W*$").search  # "föreslår", "Jag föreslår att vi tar"


_ASKS_WHAT = re.compile(r"\b(?:vad|hur|när|varför|vilken|vilket|vilka|vems)\b")


def follow_up(role: str, trigger: Unit, after: list[Unit], names: dict[str, str], transcript: Transcript):
    """A proposal, an answer or the chair naming someone just after a sentence that names the role."""
    several = len(_open_roles(trigger, names)) > 1
    said_yes = ([], []) if several else answered(trigger, after, transcript, names, role)  # which role is asked
    if said_yes[0]:  # "Kan Eva och Mats justera?" – "Ja." – "Ja, det går bra."
        return said_yes
    for j, w in enumerate(after[: 3 if several else 2]):  # asked for two roles, two answer: the second may be third
        if j == 0 and _folds(trigger, w) and not persons(w.text, names):  # its yes was read with the statement
            continue
        masked = mask_roles(w.low)
        # another role in words ("frågat Jenny om hon kan ta klubban, och Patrik om han skriver"): each their own
        others = other_role_work(role, masked) or any(r != role for _, _, r in role_words(masked))
        own = ROLE_WORDS[role].search(masked) or ROLE_VERBS[role].search(masked)  # "Vilka orkar granska Kerstins
        if several and not ROLE_VERBS[role].search(w.low):  # protokoll?" asks for justerare, not the secretary
            continue
        if others and not own:  # "Vi behöver någon som leder mötet. Församlingsledningen föreslår Gunnar, …, och att
            # Lisa tar anteckningarna.": the one proposed with no role of their own in the sentence takes this one
            loose = [n for s, e, n in persons(w.text, names) if role_of(masked, s, e)[1] == 0 and _proposed(w.low[:s])]
            if loose:
                return loose[:1], [trigger, w]
            continue
        said_yes = answered(w, after[j + 1 :], transcript, names, role)
        if said_yes[0] and not persons(w.text, names):  # "Nils, kan du skriva?" heard without the name – "Ja."
            return said_yes[0], [trigger, *said_yes[1]]
        found = [n for s, e, n in persons(w.text, names) if not others or role_of(masked, s, e)[0] == role]
        if found and _ASKS_WHAT.search(w.low) and w.text.rstrip().endswith("?"):
            continue  # "Gustav, vad säger valberedningen?": asked for a word, not for the role
        if found and WITH_ME.search(w.low):  # "Jag och Nils tar det.": the speaker too
            found += [n for n in speaker_names(w, transcript, names) if n not in found]
        if found:  # "Nils, kan du skriva i dag?" – "Ja, jag skriver.": the answer confirms it
            answer = after[after.index(w) + 1 : after.index(w) + 2]
            agrees = [a for a in answer if AGREES.search(a.low) or SELF.search(a.low)]
            return found, [trigger, w, *agrees]
        if SELF.search(w.low):  # "Jag kan." – "Jag också.": each who offers, until the asker speaks again
            offers = [w]
            for x in after[j + 1 : j + 3]:
                if x.speaker in (trigger.speaker, *(o.speaker for o in offers)) or not SELF.search(x.low):
                    break
                offers.append(x)
            who = [n for o in offers for n in speaker_names(o, transcript, names)]
            return who, [trigger, *offers]
    return [], [trigger]


def _open_roles(trigger: Unit, names: dict[str, str]) -> set[str]:
    """The roles a sentence names that it does not give to someone by name: "Anteckningarna tar Susanne, och så
    behöver vi en som läser igenom dem och godkänner. Håkan?" asks for the justerare only."""
    masked = mask_roles(trigger.low)
    given = {r for s, e, _ in persons(trigger.text, names) for r, sure in [role_of(masked, s, e)] if sure == 2}
    return {r for _, _, r in role_words(masked)} - given


_SUMS_UP = re.compile(r"\b(?:då|alltså)\b")
CONFIRM_WORDS = 8  # the chair sums an election up this short: "Lars och Inga, då. Tack." is two sentences of it
_ASKS = re.compile(r"\?\s*$")


def confirmed(
    role: str,
    pool: list[Unit],
    holders: set[str],
    said_no: set[str],
    transcript: Transcript,
    names: dict[str, str],
    limit: int,
) -> dict[str, list[Unit]]:
    """Those who offered or said yes, whom the one who asked then names, short and not asking ("Sen behöver jag två
    som …" – "Jag kan ta det." – "Jag också." – "Lars och Inga, då. Tack."; "Jag kan." – "Tomas, då."): the asker's
    confirmation elects them, whatever words the request used, and the one whose answer it follows at once, whatever
    words that answer was heard in ("Då gör <johan har>." – "Tack Jonas, då …"). Read in the role's own election item
    only, or where the agenda's order puts it when it was not placed."""
    for i, c in enumerate(pool):
        if len(c.text.split()) > CONFIRM_WORDS or _ASKS.search(c.text) or DECLINE.search(c.low):
            continue
        named = [n for _, _, n in persons(c.text, names)]
        if not _SUMS_UP.search(c.low) and len(named) < 2:  # "Tack, Sofia." thanks; "Tomas, då." sums up
            continue
        if not named or len(named) > limit or any(n in holders or n in said_no for n in named):
            continue
        before = [w for w in pool[max(0, i - 5) : i] if w.seg_id != c.seg_id]
        asked = [w for w in before if w.speaker == c.speaker]
        offers = {
            n: w
            for w in before
            if w.speaker != c.speaker
            and (SELF.search(w.low) or AGREES.search(w.low))
            and not other_role_work(role, mask_roles(w.low))
            for n in speaker_names(w, transcript, names)
        }
        last = before[-1] if before else None  # the answer the asker confirms at once, whatever words it was heard in
        if last and last.speaker != c.speaker and not (DECLINE.search(last.low) or _ASKS.search(last.text)):
            for n in speaker_names(last, transcript, names) if not other_role_work(role, mask_roles(last.low)) else []:
                offers.setdefault(n, last)
        if asked and set(named) <= set(offers) and asked[-1].start < min(offers[n].start for n in named):
            return {n: [asked[-1], offers[n], c] for n in named}
    return {}
