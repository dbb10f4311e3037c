"""The group's "vi" lost after the chair's fronted "då <verb>", read back from the grammar and the turns before.

Swedish puts the subject straight after the finite verb when a "då" or "så" is fronted: "Då köper vi Bergmans
litografi som huvudvinst." Under recognition errors the short "vi" is often lost ("Då köper Bergmans litografi
...") and the decision rules, which look for the group as the subject, see a sentence without one. The grammar
shows the loss: after "då <verb>" there is no pronoun, no deciding body and no name, but the start of an object
or an adverbial (a genitive, an article, a number, a preposition, an everyday word in lower case). The recogniser
shows it too: a word beside a lost one is heard unsure, so the verb or the word after it must be. And the turns
before show the group's matter: another speaker said the object's words just before. Then "vi" is put back and
the decision read from the sentence is flagged ("vi" hördes inte och lades till). A lost "jag" ("Då skriver <jön>
...") is never read as "vi": a short unsure word after the verb may be the speaker's own "jag" misheard, and verbs
of saying, perceiving or moving are left alone, as are the deciding verbs that other frames read.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.fuzzy import NEGATIONS, Repair, known_word
from transcribe.minutes.rules.cueframes import TOKEN
from transcribe.minutes.rules.utterances import Utt, stems
from transcribe.sv.text import content_words

_LEAD = frozenset("ja okej ok bra precis absolut nej och men".split())
_FINITE = re.compile(r"^[a-zåäö]{2,}(?:ar|er|ör|yr|år)$")
# Verbs after "då" whose subject is as often someone else or a thing ("Då räcker pengarna", "Då går bussen"), that
# open a summing-up or a proposal ("Då sammanfattar jag"), or that other frames read ("Då beslutar styrelsen").
_NOT_PLAN = frozenset(
    "ska skulle kan kunde vill får fick måste bör borde behöver brukar har hade är var blir blev lär tänker "
    "försöker tycker anser ser hör vet tror går kommer heter finns står ligger sitter gäller räcker passar "
    "vinner förlorar säger sammanfattar summerar föreslår beslutar bestämmer frågar undrar menar hoppas "
    "slutar börjar fortsätter hinner orkar märker känner verkar".split()
)
# Words that may stand before a subject said later ("Då köper inte vi ..."), or are the subject themselves.
_SUBJECTS = frozenset(
    "vi jag du ni han hon hen de dom man det den detta dessa denna alla ingen inget inga någon något nån folk "
    "ju inte också bara alltså nog redan heller ändå väl kanske då så och men att som om eller när".split()
)
# Short words that open an object or an adverbial, not a misheard pronoun, however unsure.
_OPENERS = frozenset("en ett för med till på i av från mot vid om åt hela alla två tre fyra fem".split())
_BACK = 8  # sentences before in which another speaker said the matter


def _names(utts: list[Utt]) -> set[str]:
    return {p.lower() for u in utts if u.name for p in u.name.split()}


def talked_about(utts: list[Utt], u: Utt, rest: str) -> bool:
    """Another speaker said one of the object's content words in the sentences just before."""
    want = stems(rest)
    return any(v.speaker != u.speaker and want & stems(v.text) for v in utts[max(0, u.idx - _BACK) : u.idx])


def then_head(u: Utt, lead: frozenset[str]) -> tuple[list[re.Match[str]], list[str], int] | None:
    """A statement whose first word after the `lead` words is the chair's "då"/"så" with three words after it:
    its tokens, their lower case and where "då" stands; None for a question or any other opening."""
    if u.is_question:
        return None
    toks = list(TOKEN.finditer(u.text))
    lows = [t.group(0).lower() for t in toks]
    k = next((n for n, w in enumerate(lows) if w not in lead), len(lows))
    if k + 3 >= len(lows) or lows[k] not in ("då", "så"):
        return None
    return toks, lows, k


def lost_we(utts: list[Utt], u: Utt) -> tuple[str, list[Repair]] | None:
    """'Då köper Bergmans litografi som huvudvinst.' -> 'Då köper vi Bergmans litografi ...' (see above)."""
    head = then_head(u, _LEAD)
    if head is None:
        return None
    toks, lows, k = head
    verb, nxt = lows[k + 1], lows[k + 2]
    if not _FINITE.match(verb) or verb in _NOT_PLAN or not known_word(verb):
        return None
    if nxt in _SUBJECTS or nxt in NEGATIONS or cues.is_body(nxt) or nxt in _names(utts):
        return None
    genitive = nxt.endswith("s") and lows[k + 3][:1].isalpha() and toks[k + 3].group(0)[:1].islower()
    if toks[k + 2].group(0)[:1].isupper() and nxt not in _OPENERS and not genitive:
        return None  # "Då ringer Anna ...": a name as the subject; "Då köper Bergmans litografi": a genitive
    if len(nxt) <= 3 and nxt not in _OPENERS:
        return _heard_as(utts, u, toks, k + 2)
    if not ({verb, nxt} & u.unsure):
        return None  # a word beside a lost one is heard unsure
    rest = u.text[toks[k + 2].start() :]
    if len(content_words(rest)) < 2 or NEGATIONS & set(lows[k:]) or not talked_about(utts, u, rest):
        return None
    at = toks[k + 1].end()
    return f"{u.text[:at]} vi{u.text[at:]}", [Repair("", "vi", "formula")]


def _heard_as(utts: list[Utt], u: Utt, toks: list[re.Match[str]], at: int) -> tuple[str, list[Repair]] | None:
    """'Då köper <tur> godis och läsk ...', 'Då ställer <lov> inte upp på hamnfesten.': "vi" heard as a short
    everyday word the recogniser was unsure of, one that cannot be the subject. A word that is no word ("Då skriver
    <jön> ...") may be the speaker's "jag" misheard and is left alone; an "inte" may follow the slot, as said."""
    lows = [t.group(0).lower() for t in toks]
    word = lows[at]
    if word not in u.unsure or not known_word(word) or _FINITE.match(word) or word in ("är", "var", "har"):
        return None
    after = lows[at + 1 :]
    if not after or after[0] in _SUBJECTS - {"inte"} or NEGATIONS & set(after[1:]):
        return None
    rest = u.text[toks[at + 1].start() :]
    if len(content_words(rest)) < 2 or not talked_about(utts, u, rest):
        return None
    t = toks[at]
    return f"{u.text[: t.start()]}vi{u.text[t.end() :]}", [Repair(t.group(0), "vi", "formula")]
