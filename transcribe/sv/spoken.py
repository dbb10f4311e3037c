"""Written Swedish in its spoken form, so a transcript can be compared with what was said.

Applied identically to both texts being compared (word error rates, grounding, the
recognition error model): lower case; abbreviations expanded ("kl." -> "klockan",
"%" -> "procent"); **digits spelled out as Swedish words**, because people (and the
sample scripts) say numbers while Whisper writes digits:

- a number preceded by "den", followed by a month name, or written "14:e"/"1:a"
  is an ordinal: "den 14 december" -> "den fjortonde december";
- a bare four-digit number 1100-2099 (not 2000) is read as a year, hundreds
  style: "2026" -> "tjugohundratjugosex", "1990" -> "nittonhundranittio";
- other numbers are compound cardinals, thousands groups may be separated by a
  space: "80 000" -> "åttiotusen", "1 500" -> "tusenfemhundra", "21" -> "tjugoett";
- "14.30"/"14:30" -> "fjorton trettio", "2,5" -> "två komma fem".

Then punctuation is removed (so "bank-id" == "bankid") and whitespace collapsed.
"""

from __future__ import annotations

import functools
import re

import jiwer

from transcribe.sv.calendar import MONTH_NAMES
from transcribe.sv.numbers import cardinal, decimals, ordinal, year

_ABBREVIATIONS = {
    r"\bkl\.?(?=\s|$)": "klockan",
    r"\bt\.\s?ex\.?": "till exempel",
    r"\bbl\.\s?a\.?": "bland annat",
    r"\bca\.?(?=\s|$)": "cirka",
    r"\bosv\.?": "och så vidare",
    r"\bnr\.?(?=\s|$)": "nummer",
    r"%": " procent",
    r"&": " och ",
}
# "80 000", "1 500 000": thousands groups separated by a (no-break) space.
_GROUPED = re.compile(r"(?<![\d,.:])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?![\d,])")
_SUFFIX_ORD = re.compile(r"\b(\d+):?(?:e|a)\b")
_CLOCK = re.compile(r"\b(\d{1,2})[.:](\d{2})\b")
_DECIMAL = re.compile(r"\b(\d+),(\d+)\b")
_DEN_ORD = re.compile(r"\bden (\d{1,2})\b")
_MONTH_ORD = re.compile(rf"\b(\d{{1,2}})\.? (?=(?:{'|'.join(MONTH_NAMES)})\b)")
_YEAR = re.compile(r"\b(1[1-9]\d\d|20\d\d)\b")
_NUMBER = re.compile(r"\d+")


def spell_numbers(text: str) -> str:
    """Every number in lower-case `text` as it is said (see the module doc)."""
    text = _GROUPED.sub(lambda m: cardinal(int(re.sub(r"\D", "", m.group(1)))), text)
    text = _SUFFIX_ORD.sub(lambda m: ordinal(int(m.group(1))), text)
    text = _DEN_ORD.sub(lambda m: "den " + ordinal(int(m.group(1))), text)
    text = _MONTH_ORD.sub(lambda m: ordinal(int(m.group(1))) + " ", text)
    text = _CLOCK.sub(lambda m: f"{cardinal(int(m.group(1)))} {cardinal(int(m.group(2)))}", text)
    text = _DECIMAL.sub(lambda m: f"{cardinal(int(m.group(1)))} komma {decimals(m.group(2))}", text)
    text = _YEAR.sub(lambda m: year(int(m.group(1))) if m.group(1) != "2000" else "tvåtusen", text)
    return _NUMBER.sub(lambda m: cardinal(int(m.group(0))), text)


class _SpellNumbers(jiwer.AbstractTransform):
    def process_string(self, s: str) -> str:
        return spell_numbers(s)


@functools.cache
def _normaliser() -> jiwer.Compose:
    """Built on first use: jiwer's punctuation table scans all of Unicode (a fifth of a second per start)."""
    return jiwer.Compose(
        [
            jiwer.ToLowerCase(),
            jiwer.SubstituteRegexes(_ABBREVIATIONS),
            _SpellNumbers(),
            jiwer.SubstituteRegexes({r"/": " ", r"[-‐–—]": ""}),  # "bank-id" -> "bankid", "och/eller" -> two words
            jiwer.RemovePunctuation(),
            jiwer.RemoveMultipleSpaces(),
            jiwer.Strip(),
        ]
    )


def normalise(text: str) -> str:
    """Lower case, numbers spelled out (see module doc), no punctuation, single spaces."""
    return _normaliser()(text or "")
