"""Whether a sentence speaks of an agenda item: its title words as stems, where a Swedish compound's
first part or head and a misheard ending still count."""

from __future__ import annotations

import os
import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from transcribe.agenda.parse import AgendaItem
from transcribe.sv.text import content_words, data_lines, stem

# The meeting's own noun in a formal item's title ("Stämmans öppnande", "Val av sekreterare för årsmötet"): said
# all through the meeting ("Kan stämman tänka sig det?"), it names no item
_DEFINITE = re.compile(r"(?:erna|arna|orna|na|et|en)$")
FIRST_PART = 4  # letters of a compound's first part, and of what the shortened form leaves out
HEAD_PART = 3  # letters of its head
_FORMAL_KINDS = ("open", "close", "chair", "secretary", "adjusters")  # not "Fråga om stämman blivit behörigen utlyst"
_MEETING_NOUN = re.compile(r"^(?:\w*stämm(?:a|an|ans|as)|\w*möte(?:t|ts|s|ns|n)?|sammanträde\w*)$")
# A formal title put as a question ("Frågan om mötet är rätt utlyst", "Fråga om ansvarsfrihet för styrelsen"): its
# "fråga" frames the matter and names nothing ("Frågor?", "Övriga frågor.")
_AS_QUESTION = re.compile(r"^\W*frågan?\s+om\b", re.I)


def framing_stems(item: AgendaItem) -> set[str]:
    """The stems of the words that frame a title as a question: part of the title's length, never said for it."""
    m = _AS_QUESTION.match(item.title)
    return {stem(w) for w in content_words(m.group(0))} if m else set()


def title_stems(item: AgendaItem) -> set[str]:
    words = content_words(_AS_QUESTION.sub(" ", item.title))
    if item.kind in _FORMAL_KINDS:
        words = [w for w in words if not _MEETING_NOUN.match(w)] or words
    return {stem(w) for w in words}


def overlap(title: set[str], text: set[str], related_too: bool = True) -> set[str]:
    """Title stems said in the text; compounds count ("fasad" in "fasadrenoveringen"), and so does each part of
    a hyphenated word ("vaccination" in "drop-in-vaccination")."""
    text = text | {p for w in text if "-" in w for p in w.split("-") if len(p) >= 3}
    hit = set()
    for t in title:
        if t in text or any(compound(t, w) for w in text) or parts_said(t, text):
            hit.add(t)
        elif related_too and any(r in text or any(compound(r, w) for w in text) for r in related(t)):
            hit.add(t)  # "pengarna" for "Ekonomisk rapport", "bilarna" for "Trafiksäkerhet"
    return hit


def said_outright(titles: list[set[str]], stems: set[str]) -> dict[str, set[int]]:
    """Each word that says some items' titles outright, with those items."""
    out = {s: {k for k, t in enumerate(titles) if overlap(t, {s}, related_too=False)} for s in stems}
    return {s: ks for s, ks in out.items() if ks}


def others_words(outright: dict[str, set[int]], k: int) -> set[str]:
    """The words that say other items' titles outright and not item k's, which are then no everyday word for its
    topic ("Matkassarna." names "Diakoni: matkassar", not the "Ekonomisk rapport" a cash box would)."""
    return {s for s, ks in outright.items() if k not in ks}


@lru_cache(maxsize=1)
def _topic_groups() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(stem(w) for w in line.split()) for line in data_lines("topics_sv.txt"))


@lru_cache(maxsize=4096)
def related(word: str) -> frozenset[str]:
    """Everyday words for the same topic as a title word (transcribe/sv/data/topics_sv.txt): "kassan", "pengarna"
    for "ekonomi" and for a compound built on one of them ("kassarapport")."""
    out: set[str] = set()
    for group in _topic_groups():
        if any(g == word or compound(g, word) for g in group):
            out |= group
    return frozenset(out - {word})


def parts_said(word: str, text: set[str]) -> bool:
    """A compound said as its parts: "taket på kyrkan" for "kyrktaket", "gården vid skolan" for "skolgården"."""
    for head in text:
        if len(head) < 3 or len(word) - len(head) < 3 or not word.endswith(head):
            continue
        mod = word[: -len(head)]
        mod = mod[:-1] if mod.endswith("s") and len(mod) > 4 else mod  # the linking s: "förenings|bidrag"
        if any(w != head and len(w) >= 3 and (w.startswith(mod) or mod.startswith(w)) for w in text):
            return True
    return False


def compound(a: str, b: str) -> bool:
    """One stem is the other's first part ("fasad", "fasadrenovering") or its head ("belysning",
    "gatubelysning", "pris" in "fiskekortspris": Swedish compounds end in the word they are about), or the two
    differ only in an ending or a misheard letter ("ekonomisk"/"ekonomin", "snöröjning"/"snöröjninken")."""
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and (long_.startswith(short) or long_.endswith(short)):
        return True
    if len(short) >= 5 and long_.endswith(short + short[-1]):  # the verb for the noun: "berät(ta)", "…berätt(else)"
        return True
    bare = _DEFINITE.sub("", short)  # the head said in its definite form: "protokollet" for "Mötesprotokoll"
    if len(bare) >= 6 and bare != short and long_.endswith(bare):
        return True
    if _middle_dropped(short.rstrip("s"), long_.rstrip("s")):
        return True
    if len(short) < 6:
        return False
    shared = len(os.path.commonprefix((a, b)))
    return shared >= max(6, 0.75 * len(short)) or Levenshtein.normalized_distance(a, b) <= 0.15


def _middle_dropped(short: str, long_: str) -> bool:
    """A compound said without its middle part: "knivkursen" for "Knivsmideskurs" (its first part and its head)."""
    for cut in range(FIRST_PART, len(short) - HEAD_PART + 1):
        first, head = short[:cut], short[cut:]
        if long_.startswith(first) and long_.endswith(head) and len(long_) - len(short) >= FIRST_PART:
            return True
    return False
