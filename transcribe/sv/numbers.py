"""Swedish number words in both directions: spelling numbers out, and reading spoken ones back.

Spelling follows how numbers are said: compounds are written together ("tjugoett",
"tusenfemhundra"), years in hundreds ("tjugohundratjugosex"). Reading covers what a
meeting says about days, hours and counts: cardinals 1-59 and ordinals 1-31, with the
spoken variants "en", "aderton", "förste", "andre", the compounds also written apart
("tjugo fem") and an ordinal's ending heard apart ("tion de").
"""

from __future__ import annotations

import re

ONES = ("noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
        "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton")  # fmt: skip
TENS = {20: "tjugo", 30: "trettio", 40: "fyrtio", 50: "femtio", 60: "sextio", 70: "sjuttio", 80: "åttio",
        90: "nittio"}  # fmt: skip
ORDINAL_ONES = ("nollte", "första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde",
                "tionde", "elfte", "tolfte", "trettonde", "fjortonde", "femtonde", "sextonde", "sjuttonde", "artonde",
                "nittonde")  # fmt: skip

# --------------------------------------------------------------------------- numbers -> words


def _below_thousand(n: int) -> str:
    if n < 20:
        return ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return TENS[tens * 10] + (ONES[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    head = ("" if hundreds == 1 else ONES[hundreds]) + "hundra"
    return head + (_below_thousand(rest) if rest else "")


def cardinal(n: int) -> str:
    """Compound Swedish cardinal: 21 -> "tjugoett", 1500 -> "tusenfemhundra", 2e6 -> "två miljoner"."""
    if n < 0:
        return "minus " + cardinal(-n)
    if n < 1000:
        return _below_thousand(n)
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        head = ("" if thousands == 1 else _below_thousand(thousands)) + "tusen"
        return head + (_below_thousand(rest) if rest else "")
    millions, rest = divmod(n, 1_000_000)
    head = "en miljon" if millions == 1 else f"{cardinal(millions)} miljoner"
    return head + (" " + cardinal(rest) if rest else "")


def year(n: int) -> str:
    """Years said in hundreds: 2026 -> "tjugohundratjugosex", 1990 -> "nittonhundranittio"."""
    hundreds, rest = divmod(n, 100)
    return _below_thousand(hundreds) + "hundra" + (_below_thousand(rest) if rest else "")


def ordinal(n: int) -> str:
    """Swedish ordinal: 1 -> "första", 14 -> "fjortonde", 21 -> "tjugoförsta", 30 -> "trettionde"."""
    if n < 20:
        return ORDINAL_ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return TENS[tens * 10] + (ORDINAL_ONES[ones] if ones else "nde")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = ("" if hundreds == 1 else ONES[hundreds]) + "hundra"
        return head + (ordinal(rest) if rest else "de")
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        return cardinal(thousands * 1000) + (ordinal(rest) if rest else "de")
    return cardinal(n) + "te"  # "miljonte"; rare enough not to spell further


def decimals(digits: str) -> str:
    """Digits after a decimal comma as read aloud: "5" -> "fem", "25" -> "tjugofem", "05" -> "noll fem"."""
    if digits.startswith("0"):
        return " ".join(ONES[int(d)] for d in digits)
    return cardinal(int(digits))


SPELLED_COUNTS = 5  # prose counts up to this are written as words ("fyra åtgärder"), larger ones in digits


def count(n: int, singular: str, plural: str, neuter: bool = False) -> str:
    """A count in running text: "inga beslut", "ett beslut", "en åtgärd", "fyra åtgärder", "6 beslut"."""
    if n == 0:
        return f"inga {plural}"
    if n == 1:
        return f"{'ett' if neuter else 'en'} {singular}"
    return f"{cardinal(n) if 2 <= n <= SPELLED_COUNTS else n} {plural}"


# --------------------------------------------------------------------------- words -> numbers


def _cardinal_words() -> dict[str, int]:
    units = {"en": 1, **{ONES[n]: n for n in range(1, 10)}}
    teens = {ONES[n]: n for n in range(10, 20)}
    teens = {**{w: n for w, n in teens.items() if n <= 18}, "aderton": 18, "nitton": 19}
    tens = {TENS[n]: n for n in (20, 30, 40, 50)}
    out = {**units, **teens, **tens}
    for tw, tv in tens.items():
        for uw, uv in units.items():
            out[tw + uw] = tv + uv
            out[f"{tw} {uw}"] = tv + uv
    return out


def _ordinal_words() -> dict[str, int]:
    units: dict[str, int] = {}
    for n in range(1, 10):
        units[ORDINAL_ONES[n]] = n
        if n in (1, 2):
            units[ORDINAL_ONES[n][:-1] + "e"] = n  # "förste", "andre"
    out = {**units, **{ORDINAL_ONES[n]: n for n in range(10, 20)}, ordinal(20): 20, ordinal(30): 30}
    for tw, tv in ((TENS[20], 20), (TENS[30], 30)):
        for uw, uv in units.items():
            if tv + uv <= 31:
                out[tw + uw] = tv + uv
                out[f"{tw} {uw}"] = tv + uv
    # the ending heard as a word of its own: "tion de", "fjorton de", "elf te" (ordinals from the fourth on)
    for word, n in list(out.items()):
        if n >= 4 and word.endswith(("de", "te")):
            out[f"{word[:-2]} {word[-2:]}"] = n
    return out


CARDINALS: dict[str, int] = _cardinal_words()  # "tjugofem" / "tjugo fem" -> 25, 1..59
ORDINALS: dict[str, int] = _ordinal_words()  # "tjugoförsta" -> 21, 1..31

# Spoken dates and counts ("tjugosjätte", "hundratjugo") as one word of any size.
_COMPOUND = re.compile(
    rf"^(?:{'|'.join([*TENS.values(), 'hundra', 'tusen'])})+"
    rf"(?:{'|'.join(['en', *ONES[1:10], *ORDINAL_ONES[1:10], 'nde', 'de'])})?$"
)


def parse_number(word: str | None) -> int | None:
    """The number a spoken or written word says: "14", "fjorton", "fjortonde", "tjugo fem"; else None."""
    if word is None:
        return None
    word = re.sub(r"\s+", " ", word.strip())
    if word.isdigit():
        return int(word)
    return CARDINALS.get(word, ORDINALS.get(word))


def is_compound(word: str) -> bool:
    """A number word built on tens, "hundra" or "tusen" ("tjugosjätte", "hundratjugo", "femtionde")."""
    return bool(_COMPOUND.match(word))


# A count said in a sentence, as a regular-expression group: digits, "två" to "tolv", the teens and any compound
# on tens, "hundra" or "tusen" ("tjugofem", "trehundrafemtio"); "en"/"ett" are left out, being articles as often.
COUNT_WORD = rf"(?:\d+|{'|'.join(ONES[2:13])}|\w+ton|\w*(?:{'|'.join([*TENS.values(), 'hundra', 'tusen'])})\w*)"
