"""The patterns of spoken Swedish dates and clock times that transcribe.minutes.dates reads.

Each pattern is named by its kind ("dmy", "nth_wd", "wd_day", ...); dates.py resolves a match against the
meeting date. The pieces (a day, an hour, a month) are shared by the patterns and by the rules that read a
date when part of it was misheard.
"""

from __future__ import annotations

import re

from transcribe.sv.calendar import MONTHS, WEEKDAYS
from transcribe.sv.numbers import CARDINALS, ORDINALS


def _alt(words: object) -> str:
    keys = sorted(words, key=len, reverse=True)  # type: ignore[arg-type]
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


_CARD = _alt(CARDINALS)
_ORD = _alt(ORDINALS)
_MON = _alt(MONTHS)
_WD = _alt(WEEKDAYS)
_HOURS = {w: v for w, v in CARDINALS.items() if 1 <= v <= 24}
_HOUR = _alt(_HOURS)
_MINW = "kvart|tjugofem|tjugo|tio|fem"
_MIN_AFTER = _alt({w: v for w, v in CARDINALS.items() if 1 <= v <= 59})
# "kvart överr sju", "kvart öveer tre": "över" with a letter doubled or dropped by the recogniser
_OVER = r"öv[eä]*r+"


def _one_edit(word: str) -> str:
    """A pattern for the spellings a letter from `word`: one letter changed, added or (from four letters) dropped."""
    x = "[a-zåäö]"
    alts = {word[:i] + x + word[i + 1 :] for i in range(len(word))}
    alts |= {word[:i] + x + word[i:] for i in range(len(word) + 1)}
    alts |= {word[:i] + word[i + 1 :] for i in range(len(word))} if len(word) >= 4 else set()
    return "|".join(sorted(alts, key=len, reverse=True))


# "om tfå veckor": a count of weeks (two to nine) a letter from its number word
_COUNT_NEAR = "|".join(_one_edit(w) for w, n in CARDINALS.items() if 2 <= n <= 9 and " " not in w)
# The days from the fifth on: "den andra" or "den första" may be the other or the first of anything
_ORD_DAY = _alt({w: n for w, n in ORDINALS.items() if n >= 5})
_DAY = rf"(?P<dnum>\d{{1,2}})(?::?[ae])?|(?P<dord>{_ORD})|(?P<dcard>{_CARD})"
_KL = r"(?:klockan|kl)\.?"
# "den sextonde <men> september": a short word the recogniser put between the day and its month; "tisdagen <en>
# artonde maj": "den" heard as "en" after the weekday (in DATE_PATTERNS' "dmy")
_FILLER = r"(?:men|en|och|i|på|att|det|de|med)"

DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")),
    (
        "dmy",
        re.compile(
            rf"\b(?:(?P<wd>{_WD})(?:en)?\s+(?:en\s+)?)?(?:den\s+)?(?:{_DAY})\s+(?:{_FILLER}\s+)?(?P<mon>{_MON})\.?"
            r"(?:\s+(?P<year>\d{4}))?\b"
        ),
    ),
    ("last_dom", re.compile(rf"\b(?:den\s+)?sista\s+(?:dagen\s+i\s+)?(?P<mon>{_MON})\b")),
    # "första tisdagen i maj", "den sista fredagen i mars": a weekday counted within a month; its "i" lost or
    # heard as another short word ("andra söndagen <han> december"), never a word that puts the day elsewhere
    (
        "nth_wd",
        re.compile(
            rf"\b(?:den\s+)?(?P<nth>första|andra|tredje|fjärde|sista)\s+(?P<wd>{_WD})(?:en)?\s+"
            rf"(?:(?:i|{_FILLER}|(?!(?:före|till|från|inom|efter|sen)\b)[a-zåäö]{{1,4}})\s+)?(?P<mon>{_MON})\b"
        ),
    ),  # fmt: skip
    ("slash", re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:[/-](?P<y>\d{2,4}))?\b")),
    ("week", re.compile(rf"\b(?:(?P<wd>{_WD})(?:en)?\s+(?:i\s+)?)?vecka\s+(?P<wk>\d{{1,2}}|{_CARD})\b")),
    ("wd_day", re.compile(rf"\b(?P<wd>{_WD})(?:en)?\s+den\s+(?:{_DAY})\b")),
    (
        "den_day",
        re.compile(
            rf"\bden\s+(?:(?P<dnum>\d{{1,2}})(?::?[ae])|(?P<dord>{_ORD}))(?=\s*(?:$|[,.?!]|{_KL}\s|och\b|eller\b))"
        ),
    ),
    # "den tjugofjärde också, samma tid": a day no one says of anything else, before an adverb; "Den åttonde
    # funkar.": a day said to suit
    (
        "den_day",
        re.compile(
            rf"\bden\s+(?P<dord>{_ORD_DAY})"
            r"(?=\s+(?:också|då|alltså|samma|kanske|i\s+så\s+fall|passar|funkar|fungerar|går\s+bra)\b)"
        ),
    ),
    # "som i dag" is "as today", no date: "klockan tre, som i dag"
    ("rel_day", re.compile(r"\b(?<!som\s)(?P<rel>i\s*(?:övermorgon|morgon|dag|kväll|eftermiddag)|imorgon|idag)\b")),
    # "ses vi <på> morgon, kvart i åtta": "i morgon" with its "i" misheard ("på morgonen" is the morning)
    # "vi ses <på> morgon nio som vanligt": an hour may follow it
    ("rel_day", re.compile(rf"\b(?P<rel>på\s+morgon)(?=\s*(?:[,.!?]|$)|\s+(?:{_KL}|halv|kvart|{_HOUR})\b)")),
    # "söndag om fyra veckor"; "söndag <lov> fyra veckor": a weekday, a count and weeks say it with "om" misheard
    # (never "fredag och tre veckor senare", "måndag i tre veckor")
    (
        "wd_in_n",
        re.compile(
            rf"\b(?P<wd>{_WD})(?:en)?\s+(?:om|(?!(?:och|men|eller|i|för|till|under|efter|inom|på|varje)\s)[a-zåäö]{{1,4}})"
            rf"\s+(?P<n>\d+|{_CARD}|{_COUNT_NEAR})\s+(?:veckor|vecka)\b"
        ),
    ),
    (
        "in_n",
        re.compile(rf"\bom\s+(?P<n>\d+|{_CARD}|{_COUNT_NEAR})\s+(?P<unit>dagar|dag|veckor|vecka|månader|månad)\b"),
    ),
    (
        "wd",
        re.compile(
            rf"\b(?P<pw>nästa\s+vecka\s*,?\s+(?:på\s+)?)?(?P<mod>nästa|kommande)?\s*(?P<wd>{_WD})(?:en)?\b"
            r"(?P<nw>\s+(?:i\s+|på\s+)?nästa\s+vecka)?"
        ),
    ),
    (
        "vague",
        re.compile(
            r"\b(?:(?:efter|före|innan|till|inför|runt|kring)\s+(?:jul|nyår|påsk|midsommar|sommaren|semestern"
            r"|årsskiftet|helgen|lovet)|i\s+(?:höst|vår|sommar|vinter|helgen)|nästa\s+(?:vecka|månad|år)"
            rf"|i\s+(?:början|mitten|slutet)\s+av\s+(?:{_MON}|nästa\s+vecka|nästa\s+månad)"
            r"|nästa\s+(?:gång|[a-zåäö]*(?:möte|träff|sammanträde)))\b"
        ),
    ),
]

TIME_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "half",
        re.compile(rf"\b(?:{_KL}\s+)?(?:(?P<mw>{_MINW})\s+(?P<dir>{_OVER}|i)\s+)?halv\s+(?P<hh>{_HOUR}|\d{{1,2}})\b"),
    ),
    ("rel", re.compile(rf"\b(?:{_KL}\s+)?(?P<mw>{_MINW})\s+(?P<dir>{_OVER}|i)\s+(?P<hh>{_HOUR}|\d{{1,2}})\b")),
    ("kl_num", re.compile(rf"\b{_KL}\s+(?P<h>\d{{1,2}})(?:[.:](?P<m>\d{{2}}))?\b")),
    ("kl_word", re.compile(rf"\b{_KL}\s+(?P<hw>{_HOUR})(?:\s+(?:och\s+)?(?P<mw2>{_MIN_AFTER}))?\b")),
    ("colon", re.compile(r"\b(?P<h>\d{1,2}):(?P<m>\d{2})\b")),
    # "nästa möte i klubbhuset efteråt, runt tolv.": an hour said roughly, the phrase's last words (not "runt tolv
    # personer")
    ("kl_word", re.compile(rf"\b(?:runt|kring|omkring|vid)\s+(?P<hw>{_HOUR})(?=\s*(?:$|[,.?!]))")),
]

AM = re.compile(r"^\s*,?\s*(?:på\s+)?(?:förmiddagen|morgonen|förmiddag|morgon|fm|f\.m\.)\b")
PM = re.compile(r"^\s*,?\s*(?:på\s+)?(?:eftermiddagen|kvällen|eftermiddag|kväll|em|e\.m\.)\b")

# "den sjätte oktober tretton", "den fjärde mars sju på kvällen": an hour straight after a day and month, its
# "klockan" unsaid or unheard. Only at the end of the phrase, so "den fjärde mars tre dagar" is no clock time.
# "den femte maj, sex som vanligt", "lördag om tre veckor, elva igen", "i morgon nio som vanligt": an hour said
# as the usual one follows any day, its "klockan" unsaid.
_USUAL = r"(?:som\s+vanligt|som\s+alltid|igen)\b"
BARE_HOUR = re.compile(rf"^\s*,?\s*(?P<h>{_HOUR}|\d{{1,2}})(?:[.:](?P<m>\d{{2}}))?(?=\s*(?:$|[,.?!]|och\b|på\s|"
                        rf"förmiddagen|morgonen|eftermiddagen|kvällen|fm\b|em\b)|\s+{_USUAL})")  # fmt: skip
USUAL_HOUR = re.compile(rf"^\s*,?\s*(?P<h>{_HOUR}|\d{{1,2}})(?:[.:](?P<m>\d{{2}}))?(?=\s+{_USUAL})")

HOUR_BEFORE = re.compile(rf"(?:{_KL}|halv|kvart)\s+\w+\s*$|\b(?:{_HOUR}|\d{{1,2}})\s*$")
