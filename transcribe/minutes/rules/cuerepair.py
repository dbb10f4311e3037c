"""A cue phrase one recognition error away: read as meant, and flagged.

Most recognition errors touch one word at a time, and the words the rules hinge on are
short and easily lost or swapped: "Då beslutar nämnden att ..." comes out as "Då nämnden
att ...", "Då beslutar mängd att ...", "Då vill vi att renovera ...", "tar det" without its
"jag". The regular patterns (cues.py) then see nothing. Here a sentence that matches no cue
is tried with one edit near its start: a word the recogniser was unsure of replaced by a
cue word or dropped, or a lost cue word put back. The edit counts only if a regular cue
pattern then matches with the edited word inside the cue phrase itself (never inside the
content), starting at the head of the sentence. Negations are never added, dropped or
replaced. The rules then read the sentence as meant, and the repair is kept so the item
built on it is flagged "Kontrollera mot ljudet".

The chair's closing formulas are also read by their word order, whatever the cue pattern
(cueframes.py): a verb-first statement that lost its "då", "Då <men> styrelsen <lost> boka bussen",
"Då <på> vi <och> starta ...", "Då har vi <lost> att ...". On the dev meetings
these were the commonest errors behind a decision lost under noise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

from transcribe.minutes import cues
from transcribe.minutes.fuzzy import NEGATIONS, Repair, known_word
from transcribe.minutes.rules.cueframes import TOKEN, frame_repair, infinitive, lost_att, lost_front_negated

HEAD_TOKENS = 6  # a cue phrase starts within this many words of the sentence start
COMMON_ZIPF = 5.0  # wordfreq Zipf: about once per 100 000 words; "bra", "kan", "om", "samma"
# Discourse words that may come before a cue phrase: "Bra, då beslutar vi ...", "Tack. Då är det beslutat."
_LEAD = re.compile(
    r"^(?:(?:ja|nej|okej|ok|bra|tack|och|men|så|då|sen|sedan|nu|jo|toppen|utmärkt)\b[\s,.!]*)*(?:(?<=då\s)har\s+)?"
)  # "Då har <vi beslutat> att": the body after an inverted "har" still opens the cue


@dataclass(frozen=True)
class _Cue:
    kind: str  # decision, meeting
    pattern: re.Pattern[str]
    whole: bool = False  # a bare confirmation: repaired only when it is the whole sentence


def _cues() -> list[_Cue]:
    out = [_Cue("decision", p) for _, p in cues.DECISION_WITH_CONTENT]
    out += [
        _Cue("decision", cues.CONFIRMATION, whole=True),
        _Cue("decision", cues.APPROVAL, whole=True),
        _Cue("decision", cues.NEGATIVE_DECISION, whole=True),
        _Cue("meeting", cues.NEXT_MEETING),
    ]
    return out


CUES = _cues()
# What an unsure word may have been: the verbs, "att" and the participles of the cue phrases. The deciding
# body is never guessed ("Kommunen har beslutat" stays the municipality's decision).
SUBSTITUTES = (
    "då",
    "beslutar",
    "bestämmer",
    "beslutat",
    "bestämt",
    "att",
    "det",
    "är",
    "kör",
    "godkänd",
    "godkänt",
    "fastställd",
    "överens",
    "nästa",
    "möte",
    # the small words of the chair's confirmations ("Då kör vi <jag> det", "Då <sig> vi så", "Då säger vi <inte>")
    "gör",
    "säger",
    "på",
    "så",
)
# Lost words put back: only the ones the phrases cannot do without, so a clean sentence is never rebuilt.
INSERTS = ("beslutar", "att", "vi", "är", "då")
# Heard words that make sense where they stand ("Vi föreslår att ...", "Därmed är sammanträdet avslutat"):
# never replaced, however unsure the recogniser was.
_PROTECTED = frozenset(cues.SAYING_VERBS) | frozenset(
    "ska kan vill måste bör borde har hade blir får fick tar gör avslutat avslutad öppnat öppnad igång".split()
)
_FINITE = frozenset("har hade är var blir blev ska skulle kan kunde".split())
_TAIL_OK = re.compile(r"^[\s,.!?]*(?:\S+[\s.!?]*)?$")  # at most one word after a bare confirmation


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "sv")


def _known_verb(word: str) -> bool:
    """A present-tense verb of everyday Swedish ("hinner", "slipper"): said as heard, however unsure.

    Its infinitive ("hinna") must be an everyday word as well, and not much rarer than the form heard, so a
    name ("peter") or a plural ("tjejer") that only looks like a verb is not taken for one.
    """
    if len(word) < 4 or not word.endswith("r") or not known_word(word):
        return False
    inf = word[:-1] if word.endswith("ar") else word[:-2] + "a" if word.endswith("er") else word[:-1]
    return known_word(inf) and _zipf(inf) >= _zipf(word) - 1.0


def _takes_att(word: str) -> bool:
    """An infinitive the decision's own "att" stands before ("boka", "föreslå"; "föreslår" is everyday Swedish)."""
    return infinitive(word) or (word.endswith("å") and known_word(word + "r"))


def plausible_slip(heard: str, meant: str) -> bool:
    """Could the recogniser have written `heard` for `meant`? Not an everyday word for a long cue word.

    "färg" or "surveys" for "beslutar" is a slip; "bra" in "Det är bra." is what was said.
    """
    if len(meant) < 5 or Levenshtein.normalized_similarity(heard, meant) >= 0.5:
        return True
    return _zipf(heard) < COMMON_ZIPF


@lru_cache(maxsize=64)
def _cues_with(word: str) -> tuple[_Cue, ...]:
    """The cue patterns that can contain `word` (so each variant is tried against few patterns)."""
    rx = re.compile(rf"(?<![a-zåäö]){re.escape(word)}(?![a-zåäö])")
    return tuple(c for c in CUES if rx.search(c.pattern.pattern))


def _cue_span(m: re.Match[str]) -> tuple[int, int]:
    """Where the cue phrase itself lies: up to the content ('rest'), the object ('x'/'np') or the end."""
    end = m.end()
    for group in ("rest", "x"):
        if group in m.re.groupindex and m.group(group) is not None:
            end = min(end, m.start(group))
    return m.start(), end


def matches_cue(low: str) -> bool:
    return any(c.pattern.search(low) for c in CUES)


def _fits(cue: _Cue, m: re.Match[str], low: str, edit_at: int, edit_end: int, word: str = "") -> bool:
    """The edit lies inside the cue phrase, the phrase opens the sentence, and it is complete.

    A bare confirmation rebuilt around its main word ("beslutat", "godkänd") must be the whole sentence;
    one with only a connective put back ("<Man> kör vi på det, luciafirandet blir ...") may go on.
    """
    a, b = _cue_span(m)
    head = _LEAD.match(low)
    if not (a <= edit_at and edit_end <= b and a <= (head.end() if head else 0) + 1):
        return False
    if cue.whole and (len(word) >= 5 or not word):
        return bool(_TAIL_OK.match(low[m.end() :]))
    if "prep" in m.re.groupindex:  # "beslutar att <content>": a decision with content of its own
        return (m.group("prep") or "").strip() == "att" and len((m.group("rest") or "").split()) >= 2
    return True


def _accept(low: str, edit_at: int, edit_end: int, word: str, heard: str = "") -> str | None:
    """The kind of cue the edited sentence now holds, if the edit fits a cue phrase (see `_fits`).

    A bare confirmation ("Då är det beslutat.") says too little to be rebuilt from an unrelated word: the
    word heard must resemble the one meant ("beslutte", "dit").
    """
    for cue in _cues_with(word):
        if cue.whole and heard and len(word) >= 5 and Levenshtein.normalized_similarity(heard, word) < 0.5:
            continue
        for m in cue.pattern.finditer(low):
            if _fits(cue, m, low, edit_at, edit_end, word):
                return cue.kind
    return None


# Only after these (the chair's "Då <beslutar> nämnden att") is a lost verb most likely the decision verb.
_INVERTED_HEAD = re.compile(r"^(?:(?:ja|bra|okej|tack)[\s,.!]+)*(?:då|så|härmed|därmed)\s+$")
_AFTER_DA = frozenset("beslutar bestämmer kör är har säger gör klubbar avslår".split())


def repair_cue(text: str, unsure: Iterable[str] = ()) -> tuple[str, list[Repair]]:
    """`text` with at most one word edited so that a cue phrase reads whole, and the repair made (or none).

    `unsure` holds the lower-case words the recogniser gave a low probability: only those may be
    replaced or dropped. A lost word can be put back anywhere in the head of the sentence.
    """
    low = text.lower()
    matched = {c.kind for c in CUES if c.pattern.search(low)}
    if "decision" in matched:
        return text, []
    if matched:  # "... till nästa styrelsemöte": the next meeting named in it, a decision cue may still be garbled
        fixed, repairs = _repair(text, unsure)
        return (fixed, repairs) if repairs and all(r.kind == "decision" for r in repairs) else (text, [])
    return _repair(text, unsure)


def _repair(text: str, unsure: Iterable[str]) -> tuple[str, list[Repair]]:
    """repair_cue on a sentence that holds no decision cue as heard."""
    low = text.lower()
    unsure = {w.lower() for w in unsure}
    toks = list(TOKEN.finditer(text))[:HEAD_TOKENS]
    if any(t.group(0).lower() in NEGATIONS for t in list(TOKEN.finditer(text))[: HEAD_TOKENS + 3]):
        # a negation near the cue: read as heard, never rebuilt into a decision; only a lost front word is put back
        return lost_front_negated(text, unsure) or (text, [])
    if (lost := lost_att(text)) is not None:
        return lost
    for m in toks:  # a misheard word in place of a cue word
        word = m.group(0).lower()
        if word not in unsure or word in NEGATIONS or word in _PROTECTED or _known_verb(word):
            continue
        nxt = low[m.end() :].split()[:1]
        for sub in SUBSTITUTES:
            if not plausible_slip(word, sub) or (sub in ("då", "så") and nxt and nxt[0] not in _AFTER_DA):
                continue  # "<Förra året> beslutade nämnden": a lost time word is no "då"
            if sub == "att" and "att" in low[m.end() :].split()[:3] and not (nxt and _takes_att(nxt[0])):
                continue  # "Styrelsen beslutade <i> fjol att ...": "att" heard after a time word, an old decision
            variant = low[: m.start()] + sub + low[m.end() :]
            kind = _accept(variant, m.start(), m.start() + len(sub), sub, word)
            if kind:
                return _apply(text, m.start(), m.end(), sub), [Repair(m.group(0), sub, kind)]
    for m in toks:  # an extra word heard inside a cue phrase
        word = m.group(0).lower()
        if word not in unsure or word in NEGATIONS or word in _PROTECTED:
            continue
        cut = m.end() + 1 if low[m.end() : m.end() + 1] == " " else m.end()
        variant = low[: m.start()] + low[cut:]
        for c in CUES:
            for cm in c.pattern.finditer(variant):
                if cm.start() < m.start() and _fits(c, cm, variant, m.start(), m.start()):
                    return _apply(text, m.start(), cut, ""), [Repair(m.group(0), "", c.kind)]
    framed = frame_repair(text, unsure)
    if framed is not None:
        return framed
    if cues.AGREEMENT.search(low):
        return text, []  # "Kör på det.", "Ja, det gör vi": a whole reply as heard, nothing lost from it
    for m in toks:  # a cue word lost before this word
        for ins in INSERTS:
            if m.start() == 0 and low.rstrip().endswith("?"):
                continue  # "Är det beslutat?": a question that opens with its verb has lost nothing before it
            if ins == "beslutar" and not _INVERTED_HEAD.match(low[: m.start()]):
                continue  # "Vi <?> att införa ...": the lost verb may as well have been "föreslår"
            if ins == "vi" and m.group(0).lower() in ("beslutat", "bestämt"):
                continue  # "<Universitetet har> beslutat att ...": a supine lost its subject and its "har" both
            if ins == "är" and m.group(0).lower() in _FINITE:
                continue  # "Och så har Trafikverket beslutat": the sentence has its verb, nothing was lost
            near = [*low[: m.start()].split()[-1:], *low[m.start() :].split()[:4]]
            if ins == "att" and ("oss" in near[:2] or "att" in near[1:]):
                continue  # "Vi bestämmer oss innan ...", "Stämman beslutade i juni att ...": nothing lost
            variant = low[: m.start()] + ins + " " + low[m.start() :]
            kind = _accept(variant, m.start(), m.start() + len(ins), ins)
            if kind:
                return _apply(text, m.start(), m.start(), ins + " "), [Repair("", ins, kind)]
    return text, []


def _apply(text: str, start: int, end: int, new: str) -> str:
    if start == 0 and new[:1].isalpha() and text[:1].isupper():
        new = new[:1].upper() + new[1:]
    return text[:start] + new + text[end:]
