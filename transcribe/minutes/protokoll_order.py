"""The agenda's order talked over is no decision of its own: striking an item, taking one first, now or before
another, going over to one ("Då stryker vi nian.", "Då tar vi motionerna först.", "Då går vi direkt till valet av
styrelse.", "kan vi ta klubbmästerskapet före Kirunaloppet?"). The protokoll shows it already, an item struck as
"ej behandlad" and every § where it was treated; what the meeting decides about its agenda is that the agenda is
approved, said in its own words ("Med de ändringarna är dagordningen godkänd."), and a turn that says so keeps its
decision."""

from __future__ import annotations

import re

from transcribe.agenda.phrases import ANNOUNCES, SKIP_TOPIC, TABLED
from transcribe.agenda.topics import overlap
from transcribe.minutes.model import Evidence
from transcribe.sv.text import content_words, stem

_STRIKES = re.compile(r"\b(?:stryk(?:er|s|a)|struken|strukna|hoppar (?:vi |ni )?över|utgår)\b")
_DEF = (  # a definite noun, not a pronoun nor a time
    r"(?!(?:det|den|dem|sommaren|hösten|våren|vintern|julen|påsken|helgen|lunchen|kaffet|pausen|mötet)\b)"
    r"[\wåäö-]+(?:en|et|na|an)"
)
# an item taken first, now or before or after another, by its definite name: "Då tar vi motionerna först.", "kan vi
# ta klubbmästerskapet före Kirunaloppet?" (not "Då tar vi femtio kronor för frukostmötena innan juni.")
_TAKEN = re.compile(
    rf"\b(?:vi tar|tar vi|(?:kan|ska|får) vi ta) (?:upp )?(?P<item>(?:\w+ ){{0,3}}?{_DEF}),? "
    rf"(?:först|nu|direkt|härnäst|(?:före|efter|innan) (?P<other>{_DEF}))\b"
)
_STRAIGHT = re.compile(r"\b(?:går|gå) vi (?:direkt|raka vägen) till\b")  # "Då går vi direkt till valet av styrelse."
_APPROVED = re.compile(
    r"\b(?:dagordning\w*|föredragningslist\w*|listan)\b.*\b(?:godkän\w*|fastställ\w*)"
    r"|\b(?:godkän\w*|fastställ\w*) (?:\w+ ){0,3}(?:dagordning\w*|föredragningslist\w*|listan)\b"
    r"|\bkör vi (?:efter|som det står)\b|\bsom det står\b"
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _order_talk(low: str, titles: dict[str, set[str]], own: str | None) -> bool:
    """Strikes an item, goes straight to one, or takes one named by its agenda title first, now or before another;
    not the item of its own § ("Köket." – … – "Då tar vi köket nu, med fastighetsfonden." does the work now)."""
    if TABLED.search(low):  # put off to another meeting: a decision under its own §
        return False
    if _STRIKES.search(low) or ANNOUNCES.search(low) or _STRAIGHT.search(low):
        return True
    m = _TAKEN.search(low)
    named = {stem(w) for g in (m.group("item"), m.group("other")) if g for w in content_words(g)} if m else set()
    if own in titles and overlap(titles[own], named):
        return False
    return any(overlap(t, named) for n, t in titles.items() if n != own)


def agenda_talk(text: str, evidence: list[Evidence], titles: dict[str, set[str]], own: str | None = None) -> bool:
    """Whether the decision says no more than the agenda's order: the sentence it was read from (the one sharing most
    of its words) talks of the order, and no turn it stands on says the agenda was approved; `titles` are the agenda
    items' title stems by number, `own` the number of the § it is filed under."""
    turns = [e.quote.lower() for e in evidence if e.quote]
    if not turns or any(_APPROVED.search(t) for t in turns):
        return False
    said = {stem(w) for w in content_words(text)}
    sentences = [s for t in turns for s in _SENTENCE.split(t) if s.strip()]
    best = max(sentences, key=lambda s: len(said & {stem(w) for w in content_words(s)}))
    return bool(said & {stem(w) for w in content_words(best)}) and _order_talk(best, titles, own)


def _puts_off_other(sentence: str, titles: dict[str, set[str]], own: str | None, first: set[str]) -> bool:
    """The sentence strikes or puts off another matter: an item other than its § by that item's title words, or one
    the decision's first turn (`first`, its stems) does not speak of."""
    said = {stem(w) for w in content_words(sentence)}
    if not SKIP_TOPIC.search(sentence) or own in titles and overlap(titles[own], said):
        return False
    return not said & first or any(overlap(t, said) for n, t in titles.items() if n != own and t)


def order_apart(
    text: str, evidence: list[Evidence], titles: dict[str, set[str]], own: str | None
) -> tuple[str, list[Evidence]]:
    """A decision read across two turns of one speaker, the later opening by putting off or striking another matter
    ("Då är det så: Björn julafton, Reza nyårsafton." – "Utbildningarna, de externa kurserna, får vänta till
    januari. Budgeten …"): that turn is the agenda's order and its reasons, no part of the decision; its sentences
    leave the text and its turn the evidence."""
    first = {stem(w) for w in content_words(evidence[0].quote or "")} if evidence else set()
    keep = [
        e
        for e in evidence
        if e is evidence[0]
        or not (opening := _SENTENCE.split((e.quote or "").lower().strip())[0])
        or not _puts_off_other(opening, titles, own, first)
    ]
    if len(keep) == len(evidence):
        return text, evidence
    put = {stem(w) for e in evidence if e not in keep for w in content_words(e.quote or "")}
    kept = {stem(w) for e in keep for w in content_words(e.quote or "")}
    parts = []
    for x in _SENTENCE.split(text):
        words = {stem(w) for w in content_words(x)}
        if not (len(words & put) >= 2 and len(words & put) > len(words & kept)):
            parts.append(x)
    return (" ".join(parts) if parts else text), keep
