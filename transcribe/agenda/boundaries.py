"""Where the talk turns to a new item, whichever item it is: the chair's hand-over to the one who reports
("Hasse?", "Amina, siffrorna." – and a long answer from that person), a topic put first with "då" ("Lamporna
då."), "Sen var det badet.", "Och sommaren?", after the item before was settled.

A chair who never says an item's number and seldom its title still leaves these marks; with the agenda's
order they say where the items between two placed ones start (align.py adds them to the evidence of every
item that was not struck, so the ordered choice takes them in agenda order).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from transcribe.agenda.passes import Placement
from transcribe.agenda.phrases import CONCLUDES, DECIDES, ELECTIONS, KIND_CUES, SETTLES, SKIP_TOPIC

if TYPE_CHECKING:  # align.py imports this module
    from transcribe.agenda.align import Unit

HAND_OVER_WORDS = 6  # the chair's sentence that hands the floor over is this short ("Maria, berätta om året.")
ASKED_WORDS = 9  # or this short when it asks the one named ("Eva, hur ser det ut med pengarna?")
ANSWER_WORDS = 15  # and the answer that reports is at least this long
# A topic put first and left for the others: "Lamporna då.", "Sen var det badet.", "Och sommaren?", "Personalen."
TURNS_TO = re.compile(
    r"^\W*(?:(?:och|men) )?(?:(?:sen|sedan|så|då) (?:var|är|har vi|kommer) det\b"
    r"|(?:och )?(?:så|sen|sedan) (?:har vi )?\w+(?: \w+)?\W*$"
    r"|\w+(?:\W+\w+)?,? då\W*$"
    r"|(?:och )?\w+\?\s*$)"
)
# or put first and asked about at once: "Kallelsen då, satt den uppe fyra veckor innan?"
ASKED_OF = re.compile(r"^\W*(?:(?:och|men) )?\w+(?: \w+)?,? då, \w+ (?:den|det|de|dom|vi|ni)\b")


# or asked how a matter stands: "Så hur ser det ut med vikarierna?", "Hur gick det med ansökan?"
HOW_IS = re.compile(
    r"^\W*(?:(?:och|men|så|då|okej|bra)\W+){0,2}(?:hur (?:ser det ut|går det|gick det|blev det|står det till|är läget)"
    r"|vad (?:händer|hände|gäller)) (?:med|för|kring|på) \w+"
)


# Whoever shares the agenda on screen moves it on: "Ska jag bläddra vidare?", "Nästa bild.", "Jag byter sida."
SCREEN_ON = re.compile(r"\b(?:bläddra[rs]? (?:vidare|fram)|nästa (?:bild|sida|rubrik)|byter (?:bild|sida|rubrik))\b")


def boundary_strength(units: list[Unit], chair: str | None, names: set[str]) -> list[float]:
    """How strongly each sentence opens a new item, whatever item: 0 (not at all) to 1."""
    out = [0.0] * len(units)
    if chair is None:
        return out
    turn_words: dict[int, int] = {}
    for u in units:
        turn_words[u.seg_id] = turn_words.get(u.seg_id, 0) + len(u.text.split())
    for i, u in enumerate(units):
        if SCREEN_ON.search(u.low):
            out[i] = 1.0
            continue
        if u.speaker != chair or SKIP_TOPIC.search(u.low) or CONCLUDES.search(u.low) or DECIDES.search(u.low):
            continue
        first = i == 0 or units[i - 1].seg_id != u.seg_id
        size = len(u.text.split())
        short = (
            size <= HAND_OVER_WORDS or size <= ASKED_WORDS and u.text.rstrip().endswith("?") and _addresses(u, names)
        )
        after = next((w for w in units[i + 1 :] if w.seg_id != u.seg_id), None)
        last = i + 1 >= len(units) or units[i + 1].seg_id != u.seg_id
        hands_over = (
            short
            and last
            and after is not None
            and after.speaker != chair
            and turn_words[after.seg_id] >= ANSWER_WORDS
            and (u.text.rstrip().endswith("?") or _addresses(u, names))
        )
        settled = i > 0 and (SETTLES.search(units[i - 1].low) or CONCLUDES.search(units[i - 1].low)) is not None
        turns = (
            short
            and TURNS_TO.search(u.low) is not None
            or ASKED_OF.search(u.low) is not None
            or size <= ASKED_WORDS
            and HOW_IS.search(u.low) is not None
        ) and not _addresses(u, names)  # "Hasse?" asks him
        score = 0.0
        if hands_over:
            score += 1.0
        if turns:
            score += 0.7
        if score and (first or settled):
            score += 0.3
        if i > 0 and units[i - 1].seg_id == u.seg_id and out[i - 1] > 0:  # "Och så valberedningen. Vem håller i
            continue  # det?": one turn opens one item
        out[i] = min(score, 1.0)
    return out


def asks_by_name(units: list[Unit], chair: str | None, names: set[str]) -> list[bool]:
    """Per sentence: the chair opens her turn (or goes on after her own heading) with a question to one present by
    name, and another speaks next ("Sara, när gick kallelsen ut?" – "Den sattes upp …"): the floor handed over on the
    matter the question names, however short the answer. Not a question asking for a role ("Emil, du som har datorn
    framme, tar du minnesanteckningarna?"), which opens the election, not an item that shares its word."""
    out = [False] * len(units)
    for i, u in enumerate(units):
        if u.speaker != chair or not u.text.rstrip().endswith("?") or len(u.text.split()) > ASKED_WORDS:
            continue
        if any(KIND_CUES[kd].search(u.low) for kd in ELECTIONS if kd in KIND_CUES):
            continue
        words = re.findall(r"[\wåäöé-]+", u.low)
        vocative = bool(words) and words[0] in names and re.match(rf"^\W*{re.escape(words[0])}\s*,", u.low) is not None
        opens = i == 0 or units[i - 1].seg_id != u.seg_id or len(units[i - 1].text.split()) <= 2
        after = next((w for w in units[i + 1 :] if w.seg_id != u.seg_id), None)
        last = i + 1 >= len(units) or units[i + 1].seg_id != u.seg_id
        out[i] = vocative and opens and last and after is not None and after.speaker != chair
    return out


def _addresses(u: Unit, names: set[str]) -> bool:
    """The sentence speaks to someone present by name: "Bertil.", "Emil, du har pratat med …", "Kör, Noah?"; not
    one that gives a person a task ("Hanna skriver.")."""
    words = re.findall(r"[\wåäöé-]+", u.low)
    if not words:
        return False
    vocative = re.match(rf"^\W*{re.escape(words[0])}\s*(?:[,?.!:]|$)", u.low) is not None
    return words[0] in names and vocative or words[-1] in names


def handed_over_first(p: Placement, turns: list[float]) -> None:
    """An item started on the first words of the one who reports ("Revisionsberättelsen, ja. Vi har granskat …")
    just after the chair handed the floor over ("Bertil."): the item starts at the hand-over."""
    units = p.units
    for k, u in list(p.chosen.items()):
        first = u > 0 and units[u - 1].seg_id != units[u].seg_id
        if first and turns[u - 1] >= 1.0 and u - 1 not in p.used and not p.settles[u - 1]:
            p.move(k, u - 1)
