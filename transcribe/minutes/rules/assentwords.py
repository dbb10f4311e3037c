"""What a reply of assent is, as said and as heard.

Assent hears a matter ("Ja.", "Okej.", "Mm.") or judges it ("Det är rätt.", "Självklart.", "Hon har rätt.", "Så
gör vi."). Under recognition errors the short reply is what the recogniser loses: a word of it misheard ("Det är
mänkar." for "Det är okej.", "Hitkan, självklart." for "Ja, självklart.") or the "det" of a judgement lost ("är
rätt."). A reply with one such word, the recogniser unsure of it or no Swedish word, is read as the assent it most
likely was; the rules that read it flag what rests on it.
"""

from __future__ import annotations

import re

from transcribe.minutes.fuzzy import known_word
from transcribe.minutes.rules.utterances import Utt
from transcribe.sv.numbers import COUNT_WORD

_YES = r"(?:ja|jaja|jo|japp|mm|mhm|okej|ok|precis|exakt|absolut|självklart|givetvis|visst|gärna|bra|toppen|kör)"
# Assent that judges the matter, not only hears it: "Det är rätt.", "Självklart.", "Hon har rätt.", "Så blir det."
_JUDGED = (
    r"precis|exakt|absolut|självklart|givetvis|visst|gärna"
    r"|(?:det\s+)?(?:är|blir|låter)\s+(?:ju\s+)?(?:det\s+enda\s+)?(?:rätt|rimlig\w*|bra|vettig\w*|klok\w*|klart)"
    r"|(?:hon|han|du|ni|de)\s+har\s+rätt|det\s+stämmer|så\s+blir\s+det|det\s+får\s+bli\s+så|så\s+gör\s+vi|gör\s+så"
    r"|det\s+kan\s+jag\s+leva\s+med|jag\s+är\s+med|håller\s+med"
)
# Assent and nothing else: "Ja.", "Mm.", "Ja ja, det är klart.", "Det blir bra.", "Mm. Hon har rätt."
ASSENT = re.compile(rf"^(?:(?:{_YES}|det\s+(?:är|blir)\s+(?:okej|ok|fint)|{_JUDGED})\b[\s,.!]*)+$")
JUDGES = re.compile(rf"\b(?:{_JUDGED})\b")
_NUMBER = re.compile(COUNT_WORD)  # "Fyrtiofyra är rimligt.": a figure is no misheard word
_VERB_AFTER = frozenset("håller är har kan blir låter tycker får gör".split())
PLAIN_YES = re.compile(r"^(?:(?:ja|jaja|jo|japp|mm|mhm|bra)\b[\s,.!]*)+$")


def bare_assent(low: str) -> bool:
    """Assent and nothing else: 'Ja.', 'Okej.', 'Mm. Det blir bra.'"""
    return ASSENT.match(low) is not None


def heard_assent(u: Utt) -> str | None:
    """A short reply read as the assent it most likely was, one of its words misheard: the word the recogniser was
    unsure of, or no Swedish word, in the place of a yes or a judgement ('Det är mänkar.' -> 'det är bra', 'Hitkan,
    självklart.' -> 'bra självklart'); None when the reply is assent as heard, holds no sure word (a lone damaged
    word may as well have been 'Nej.') or holds a name."""
    words = re.findall(r"[\wåäö]+", u.text)
    low = [w.lower() for w in words]
    heard = any(s.words for s in u.segs)  # a recogniser's words; a transcript typed or read out has none misheard
    doubt = [k for k, w in enumerate(low) if u.uncertain(w) or not (known_word(w) or _NUMBER.fullmatch(w))]
    if not heard or ASSENT.match(u.low.strip()) or not 2 <= len(words) <= 4 or len(doubt) != 1:
        return None
    if doubt[0] > 0 and words[doubt[0]][:1].isupper():
        return None  # "Det är Kalle.": a name
    if doubt[0] + 1 < len(low) and low[doubt[0] + 1] in _VERB_AFTER:
        return None  # "<Sig> håller med.": the subject of a verb was misheard ("Jag håller med."), no yes
    for stand_in in ("bra", "okej", "ja"):
        meant = " ".join(stand_in if k == doubt[0] else w for k, w in enumerate(low))
        if ASSENT.match(meant + "."):
            return meant
    return None


def meant(u: Utt) -> str:
    """The reply as heard, or as meant when a word of it was misheard (heard_assent)."""
    return heard_assent(u) or u.low.strip()
