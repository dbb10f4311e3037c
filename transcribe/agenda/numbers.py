"""Agenda item numbers as a chair says them: "punkt fyra", "§ 7b", "den sjätte punkten", "sju b",
"punkterna åtta och nio", and whether the item is taken (+1) or struck, deferred or only mentioned (-1)."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from transcribe.sv.numbers import CARDINALS, ORDINALS

_NUM_WORDS = {w: n for w, n in CARDINALS.items() if n <= 30 and " " not in w}


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER_REF = re.compile(  # "§" is no word character: no word boundary before it ("§ 7" at a line's start)
    rf"(?:\b(?:punkt(?:en|erna)?|paragraf(?:en|erna)?|ärende(?:t|na)?)|§)\s*(?P<n>\d{{1,2}}"
    rf"|(?<=\s)(?:{_alt(list(_NUM_WORDS))})\b)"
    r"(?:\s?(?P<l>[a-h])\b)?"
)  # a number word after a space: "punkten" is no "punkt en"
_SUB_REF = re.compile(rf"\b(?P<n>\d{{1,2}}|{_alt(list(_NUM_WORDS))}) ?(?P<l>[a-h])(?![\w-])")  # "sju b", "6a"
_AND_NUMBER = re.compile(rf"\s+(?:och|samt)\s+(?P<n>\d{{1,2}}|{_alt(list(_NUM_WORDS))})\b")  # "punkterna åtta och nio"
# An item called by its number as a noun ("Vi hoppade över tvåan.", "Då tar vi fyran."), only after a verb of taking
# or passing an item: the same nouns name school years and buses ("från fyran till nian")
_NOUN_NUMBERS = {
    w: n for n, w in enumerate("ettan tvåan trean fyran femman sexan sjuan åttan nian tian elvan tolvan".split(), 1)
}
# a verb of moving to an item, with the particle that says which way ("hoppar vi fram till sexan", "går vi vidare
# till åttan", "kommer vi nu till nian"),
_MOVES_TO = (
    r"(?:gå[rt]?|hoppa[rt]?|komm(?:a|er)|återgå[rt]?) (?:vi |ni )?(?:(?:fram|tillbaka|vidare|över|direkt|nu) )?till"
    r"|^\W*(?:(?:och|så|då|nu)\W+)?tillbaka till|börja[rt]? (?:vi |ni )?med"
)  # or without the verb, "Tillbaka till fyran."; the item taken first, "Vi börjar med sexan i kväll"
_NOUN_REF = re.compile(
    rf"\b(?:ta[rg]?|tagit|hoppa(?:r|de|t)? över|glömde|glömt|{_MOVES_TO}) (?:vi |ni |jag )?(?:upp )?"
    rf"(?P<n>{_alt(list(_NOUN_NUMBERS))})"
    r"(?=\s*(?:[,.!?]|$|nu\b|då\b|först\b|sist\b|i (?:dag|kväll)\b))"
)
# The item's number as a noun set off by commas beside its title, wherever the sentence puts it ("Sexan, bygglovet
# för utomhusbanorna, …", "Friskvården, sjuan, stryker vi", "Vi hoppade över förra minnesanteckningarna, tvåan.",
# "Då budgeten, nian."): the apposition says it names the item (a school year or a bus is said after a preposition)
_NOUN_APPOSED = re.compile(
    rf"^\W*(?:(?:och|så|då|men)\s+)?(?P<n>{_alt(list(_NOUN_NUMBERS))})(?=\s*,|\s+då\b)"
    rf"|,\s+(?:och\s+)?(?:sen\s+|sedan\s+)?(?P<m>{_alt(list(_NOUN_NUMBERS))})(?=\s*,|\s*[.!?]?\s*$)"
)  # said alone ("Sjuan.") it may be a golf hole or a school year
# struck in the sentence the apposed number opens: "Sexan, …, så den stryker vi i kväll."
_STRUCK_LATER = re.compile(
    r"\b(?:stryk\w*|struk\w*|ströks|utgår|hoppar (?:vi )?över|skjuter|får vänta|väntar (?:vi )?med)\b"
)
_ORDINAL_REF = re.compile(rf"\b(?P<o>{_alt([w for w in ORDINALS if ' ' not in w])}) punkt(?:en)?\b")
_VI = r"(?:vi|ni|via|vid|mi)"  # "vi" as the recogniser hears it in a chair's phrase ("väntar ni med")
_NEGATIVE_BEFORE = re.compile(
    r"(hoppar (?:VI )?över|hoppa över|stryker|stryks|skippar (?:VI )?|bordlägg\w*|skjuter (?:VI )?(?:upp|på)|under|om"
    r"|drar (?:VI )?tillbaka|avvaktar (?:VI )?med|flyttar (?:VI )?"
    r"|återkommer (?:VI )?till|väntar med|som VI sa|nämnde|efter)\s+(?:\w+\s+)?$".replace("VI", _VI)
)
_NEGATIVE_AFTER = re.compile(
    r"^\W*(?:\w+\s+){0,4}?(utgår|utgick|stryks|struk(?:en|et|its)|ströks|senare|i stället|strax|efteråt"
    r"|bordläggs|bordlag[dt]|får vänta|(?:dras|dragits|drogs|dragen) tillbaka|återkalla\w*|återtag\w*|flyttas"
    r"|(?:är|har|blev) (?:\w+ )?(?:dragen|draget|dragna|dragits)(?! (?:in|upp|ut|med|över|ner|fram|av|igenom)\b)"
    r"|hoppar (?:VI )?över|väntar (?:VI )?med|skjuter (?:VI )?(?:upp|på)|tar VI (?:sedan|senare|sist)"
    r"|(?:vill|kan|ska) (?:jag|VI) (?:stryka|skjuta (?:den |det )?(?:upp|på|till nästa))"
    r"|inte (?:är |blir )?(?:\w+ )?(?:klar|klart|färdig\w*|redo) (?:att |för att |för )?behandla\w*"
    r"|stryker VI|skippa\w*|faller bort|går VI förbi)\b".replace("VI", _VI)
)
_WORD = re.compile(r"\b[a-zåäö]{4,6}\b")


def _number_value(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return _NUM_WORDS.get(token)


def number_refs(low: str) -> list[tuple[str, int]]:
    """Agenda numbers said in a sentence: ("4"|"4a", +1 to start it / -1 skipped or deferred)."""
    refs: list[tuple[str, int]] = []
    found = [(m.start(), m.end(), _number_value(m.group("n")), m.group("l")) for m in _NUMBER_REF.finditer(low)]
    for m in _NUMBER_REF.finditer(low):  # two items taken together: the second number counts the same way
        pair = _AND_NUMBER.match(low, m.end())
        if pair:
            found.append((m.start(), pair.end(), _number_value(pair.group("n")), None))
    found += [(m.start(), m.end(), ORDINALS.get(m.group("o")), None) for m in _ORDINAL_REF.finditer(low)]
    found += [(m.start("n"), m.end(), _NOUN_NUMBERS[m.group("n")], None) for m in _NOUN_REF.finditer(low)]
    apposed = [
        (m.start(g), m.end(), _NOUN_NUMBERS[m.group(g)], None)
        for m in _NOUN_APPOSED.finditer(low)
        for g in ("n", "m")
        if m.group(g) and not any(s <= m.start(g) < e for s, e, *_ in found)
    ]
    found += apposed
    found += [  # a sub-item said without "punkt": "Sju b, avgiftshöjningen"
        (m.start(), m.end(), _number_value(m.group("n")), m.group("l"))
        for m in _SUB_REF.finditer(low)
        if not any(s <= m.start() < e for s, e, *_ in found) and not low[: m.start()].endswith("klockan ")
    ]
    for s, e, value, letter in sorted(found):
        if value is None:
            continue
        before, after = low[max(0, s - 40) : s], low[e : e + 60]
        struck = (s, e, value, letter) in apposed and bool(_STRUCK_LATER.search(low[e:]))
        sign = -1 if struck or _NEGATIVE_BEFORE.search(before) or _NEGATIVE_AFTER.search(after) else 1
        refs.append((f"{value}{letter or ''}", sign))
    return refs


def heard_as_punkt(low: str) -> str:
    """'ponkt', 'punk', 'punkte' -> 'punkt': the chair's key word survives a misheard letter."""
    return _WORD.sub(lambda m: "punkt" if Levenshtein.distance(m.group(0), "punkt") <= 1 else m.group(0), low)


_SAID_NUMBER = re.compile(
    rf"(?:\b(?:punkt(?:en|erna)?|paragraf(?:en|erna)?|ärende(?:t|na)?)|§)\s*(?:\d{{1,2}}|{_alt(list(_NUM_WORDS))})"
    rf"(?:\s?[a-h]\b)?(?:\s+(?:och|samt)\s+(?:\d{{1,2}}|{_alt(list(_NUM_WORDS))}))?,?\s*"
    rf"|\b(?:den\s+)?(?:{_alt([w for w in ORDINALS if ' ' not in w])})\s+punkt(?:en)?,?\s*",
    re.IGNORECASE,
)


def without_numbers(text: str) -> str:
    """The text with the agenda numbers a chair says taken out ("Punkt fyra, ekonomin." -> "ekonomin."): for
    measuring how the aligner does with a chair who names items by topic only."""
    return _SAID_NUMBER.sub("", text).strip() or text
