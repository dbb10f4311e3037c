"""Sentences over speaker turns (the unit every rule looks at), evidence, and shared text tests."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from transcribe.confidence import LOW_WORD, segment_doubt
from transcribe.minutes import cues
from transcribe.minutes.dates import When
from transcribe.minutes.fuzzy import Lexicon, Repair, inflection, repair_sentence
from transcribe.minutes.fuzzy import similar as spelled_alike
from transcribe.minutes.model import Action, Decision, Evidence, NextMeeting, OpenItem
from transcribe.minutes.phrasing import (
    strip_discourse,
    to_infinitive,
)
from transcribe.minutes.rules.cueframes import heard_ni
from transcribe.minutes.rules.cuerepair import repair_cue
from transcribe.minutes.rules.formulas import formula_repair
from transcribe.sv.text import containment, content_words, sentences, stems
from transcribe.transcript import Segment, Transcript

LOOKBACK_UTTS = 8
LOOKBACK_S = 150.0
WH = re.compile(r"^(?:\w+,?\s+)?(?:vem|vilka|vilken|vilket|när|hur|var|vad|varför)\b")
YESNO = re.compile(
    r"^(?:\w+,?\s+)?(?:ska|kan|borde|bör|vill|är|har|skulle|orkar|hinner|passar|funkar|får)\s+"
    r"(?:vi|du|ni|jag|man|någon|alla|det|den)\b"
)


@dataclass
class Utt:
    """One sentence of one speaker turn (it may span several ASR segments): the unit every rule looks at."""

    idx: int
    segs: list[Segment]
    text: str
    low: str
    speaker: str | None
    name: str | None
    turn: int
    _whens: list[When] | None = None
    repairs: list[Repair] = field(default_factory=list)  # misheard cue words read as meant (fuzzy.py)
    unsure: frozenset[str] = frozenset()  # lower-case words the recogniser gave a low probability

    def uncertain(self, word: str | None) -> bool:
        """The recogniser was unsure of this word here (no word probabilities: never)."""
        return bool(word) and word.strip().lower() in self.unsure

    @property
    def seg(self) -> Segment:
        return self.segs[0]

    @property
    def start(self) -> float:
        return self.segs[0].start

    @property
    def end(self) -> float:
        return self.segs[-1].end

    @property
    def is_question(self) -> bool:
        low = self.low.rstrip()
        if low.endswith("?"):
            return True
        if low.endswith((".", "!")):
            return False
        return bool(YESNO.match(strip_discourse(low)) or WH.match(strip_discourse(low)))


@dataclass
class Extracted:
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    not_decided: list[OpenItem] = field(default_factory=list)
    next_meeting: NextMeeting | None = None


def build_utts(transcript: Transcript, lexicon: Lexicon | None = None) -> list[Utt]:
    """Sentences over whole speaker turns, so a sentence cut across ASR segments stays whole.

    With a `lexicon`, misheard cue words, dates and names are repaired (the quotes keep what was heard).
    """
    utts: list[Utt] = []
    turns: list[list[Segment]] = []
    for seg in transcript.segments:
        if not seg.text.strip():
            continue
        if turns and turns[-1][-1].speaker == seg.speaker and seg.start - turns[-1][-1].end < 2.0:
            turns[-1].append(seg)
        else:
            turns.append([seg])
    for turn, segs in enumerate(turns):
        text, spans = "", []
        for seg in segs:
            piece = seg.text.strip()
            text += (" " if text else "") + piece
            spans.append((len(text) - len(piece), len(text), seg))
        low_words = unsure_words(text, spans)
        name = transcript.speaker_name(segs[0].speaker) or None if segs[0].speaker else None
        pos = 0
        sents = sentences(text)  # with a lexicon (robust): a full stop lost before a request read back (lost_stop)
        pieces = [(x, x) for x in sents] if lexicon is None else [p for x in sents for p in lost_stop(x)]
        for said, sent in pieces:
            start = text.find(said, pos)
            end = start + len(said)
            pos = end
            covered = [seg for a, b, seg in spans if a < end and start < b] or [segs[0]]
            unsure = frozenset(tok for at, a, b, tok in low_words if _within(at, a, b, start, end))
            fixed, repairs = repair_sentence(sent, lexicon) if lexicon is not None else (sent, [])
            if lexicon is not None:  # a cue phrase one misheard, extra or lost word away (cuerepair.py)
                fixed, more = repair_cue(fixed, unsure)
                fixed, more = (fixed, more) if more else heard_ni(fixed, set(unsure)) or (fixed, [])
                fixed, more = (fixed, more) if more else formula_repair(fixed, set(unsure)) or (fixed, [])
                repairs = [*repairs, *more]
            utt = Utt(len(utts), covered, fixed, fixed.lower(), segs[0].speaker, name, turn)
            utt.repairs = repairs
            utt.unsure = unsure
            utts.append(utt)
    return utts


# "..., kan du ringa ägarna?": a request put to the one just named, at the end of a sentence
_ASKED_AFTER = re.compile(r",\s+(?=(?:kan|ska|vill|hinner|tar|orkar|fixar)\s+(?:du|ni)\b[^,.!?]*\?\s*$)")
_NOT_STATED = re.compile(r"^(?:\w+\s+)?(?:om|ifall|när|innan|eftersom|medan)\b|\b(?:du|ni)\b")


def lost_stop(sent: str) -> list[tuple[str, str]]:
    """'Då tar vi inte emot nya reptiler, kan du ringa de tre ägarna?': a statement and the request after it, the
    full stop and the name between them lost ('... behåller vi. Sanna, kan du ringa ...'); read as two sentences so
    the statement is no question. Not after a condition ('Om vi köper den, kan du hämta den?') or a first clause
    that speaks to the one asked ('Bosse, du har ju en penna, kan du skriva?'). Each piece as it stands in `sent`
    and as read."""
    m = _ASKED_AFTER.search(sent.lower())
    head = sent[: m.start()] if m else ""
    words = head.split()
    if m is None or len(words) < 4 or not words[-1][:1].islower() or _NOT_STATED.search(head.lower()):
        return [(sent, sent)]
    if YESNO.match(strip_discourse(head.lower())) or WH.match(strip_discourse(head.lower())):
        return [(sent, sent)]  # "Har vi pengar till det, kan du kolla?": a question already
    rest = sent[m.end() :]
    return [(head, f"{head}."), (rest, rest[:1].upper() + rest[1:])]


def unsure_words(text: str, spans: list[tuple[int, int, Segment]]) -> list[tuple[int, int, int, str]]:
    """The words of a turn the recogniser gave a low probability, with where each stands in `text`.

    Each is (offset, segment start, segment end, lower-case word); the offset is -1 when the segment's words
    could not be found in its text, and the word then counts for every sentence the segment covers. A sentence
    is unsure only of its own words: a segment often holds several sentences, and a "vi" heard unsure in one of
    them says nothing of the "vi" of the next.
    """
    out: list[tuple[int, int, int, str]] = []
    for a, b, seg in spans:
        found: list[tuple[int, str, float]] = []
        at = a
        for w in seg.words or []:
            token = w.text.strip()
            k = text.find(token, at, b) if token else at
            if k < 0:
                found = [(-1, x.text, x.probability) for x in seg.words or []]
                break
            found.append((k, w.text, w.probability))
            at = k + len(token)
        out += [(k, a, b, t.strip(" .,!?;:").lower()) for k, t, p in found if p < LOW_WORD]
    return out


def _within(at: int, a: int, b: int, start: int, end: int) -> bool:
    """A word at `at` (or, not found, anywhere in its segment a..b) stands in the sentence start..end."""
    return start <= at < end if at >= 0 else a < end and start < b


def evidence(u: Utt) -> list[Evidence]:
    return [
        Evidence(
            segment_id=s.id,
            speaker=s.speaker,
            speaker_name=u.name,
            start=s.start,
            end=s.end,
            quote=s.text.strip() if len(s.text) <= 400 else u.text,
        )
        for s in u.segs
    ]


def evidence_list(utts: list[Utt]) -> list[Evidence]:
    seen: dict[int, Evidence] = {}
    for u in sorted(utts, key=lambda x: x.idx):
        for e in evidence(u):
            seen.setdefault(e.segment_id, e)
    return sorted(seen.values(), key=lambda e: e.start)


def audio_doubt(utts: list[Utt]) -> str | None:
    """Why the audio behind these sentences should be checked, if it should."""
    return next((why for seg in (s for u in utts for s in u.segs) if (why := segment_doubt(seg))), None)


def negated(low: str, start: int, content_start: int) -> bool:
    """A negation around a cue ('vi har inte beslutat', 'vi beslutar inte'), not inside its content."""
    before = re.split(r"[,.;:!?]|\bmen\b|\butan\b", low[max(0, start - 25) : start])[-1]
    return bool(cues.NEG.search(before) or cues.NEG.search(low[start:content_start]))


def next_turns(utts: Sequence[Utt], u: Utt, turns: int = 2, reach: int = 7) -> Iterator[Utt]:
    """The sentences of the next `turns` turns after u's own (what the others answer), within `reach` sentences."""
    seen: list[int] = []
    for v in utts[u.idx + 1 : u.idx + 1 + reach]:
        if v.turn == u.turn:
            continue
        if v.turn not in seen:
            seen.append(v.turn)
        if len(seen) > turns:
            return
        yield v


def is_agreement(u: Utt) -> bool:
    return bool(cues.AGREEMENT.search(u.low)) and len(u.low.split()) <= 8


def substantive(u: Utt) -> bool:
    return len(content_words(u.text)) >= 2 and not is_agreement(u)


def misheard_match(what: str, u: Utt, v: Utt) -> bool:
    """The matter said in `v` with one of its words misheard on either side ('utsättningen' / 'utsättnigen'): two
    content words of five letters or more spelled alike, not the same word bent, one of them heard unsure."""
    mine = [w for w in content_words(what) if len(w) >= 5]
    for w in (x for x in content_words(v.text) if len(x) >= 5):
        for x in mine:
            doubt = u.uncertain(x) or v.uncertain(w)
            if doubt and x != w and spelled_alike(x, w) and not inflection(x, w):
                return True
    return False


def similar(a: str, b: str, threshold: float = 0.5) -> bool:
    sa, sb = stems(a), stems(b)
    return bool(sa and sb) and containment(sa, sb) >= threshold


_SHORT_INFINITIVES = frozenset("gå stå få nå slå förstå avslå bestå se ta ha ge dra be bo tro".split())


def _infinitive_first(part: str) -> bool:
    w = (part.split()[:1] or [""])[0].lower().strip(",.")
    return (w.endswith("a") and w not in cues.NOT_INFINITIVES) or w in _SHORT_INFINITIVES


def split_clauses(rest: str) -> list[str]:
    """'att höja avgiften, och att fasaden målas' -> two decisions; a new subject is a new matter.

    Infinitives joined under one decision verb ('att utlysa tjänsten och att erbjuda föreningen ...')
    are one decision with its att-clauses, as a protokoll writes it.
    """
    pieces = re.split(r",?\s+och\s+att\s+|,\s+att\s+|;\s*(?:och\s+)?(?:att\s+)?", rest)
    parts = [p for p in (x.strip() for x in pieces) if p]
    out: list[str] = []
    for part in parts:
        if out and ((_infinitive_first(out[-1]) and _infinitive_first(part)) or _same_matter(part)):
            out[-1] = f"{out[-1].rstrip(' ,')} och att {part}"
        else:
            out.append(part)
    return out


def _same_matter(part: str) -> bool:
    """'att den dikas om i sommar' (the matter before, as a pronoun), 'att sorteringen är med' (a state added
    to it): the clause goes on with the matter before it, no new decision."""
    low = part.lower()
    pronoun = re.match(r"(?:den|det|de|dom|dessa)\s+\w+", low)
    return bool(pronoun or re.fullmatch(r"[\w-]+\s+(?:är|blir)\s+[\w-]+[.!]?", low))


def best_when(whens: list[When], pos: int) -> When:
    """Prefer a spelled-out day and month with a time over 'nästa tisdag'; then the nearest."""
    rank = {"dmy": 0, "iso": 0, "slash": 1, "wd_day": 1, "week": 2, "den_day": 2}
    return min(whens, key=lambda w: (w.time is None, rank.get(w.kind, 3), abs(w.start - pos)))


def merge_evidence(a: list[Evidence], b: list[Evidence]) -> list[Evidence]:
    ids = {e.segment_id for e in a}
    return sorted(a + [e for e in b if e.segment_id not in ids], key=lambda e: e.start)


def action_verb(word: str, rest: str = "") -> bool:
    """An infinitive or present-tense task verb, with its particle when it needs one."""
    w = to_infinitive(word.lower()) if word else ""
    if w in cues.ACTION_VERBS:
        return True
    nxt = rest.split()[:1]
    return bool(nxt) and f"{w} {nxt[0]}" in cues.PARTICLE_VERBS


NOT_TASKS = frozenset(
    {
        "bara",
        "säga",
        "säger",
        "tycker",
        "tror",
        "menar",
        "vet",
        "undrar",
        "tänker",
        "ser",
        "hör",
        "heter",
        "jobbar",
        "är",
        "har",
        "hade",
        "var",
        "känner",
        "hoppas",
        "räknar",
        "förstår",
    }
)


def personal_commitment(low: str) -> bool:
    """'jag skickar', 'jag ska boka', 'jag tar fram': a first-person task with a task verb."""
    m = re.search(
        r"\bjag\s+(?:(?:ska|kan|kommer\s+att|tar\s+på\s+mig\s+att|lovar\s+att|åtar\s+mig\s+att|"
        r"ser\s+till\s+att)\s+)?(?:också\s+|gärna\s+|då\s+|nog\s+|själv\s+)?(?P<verb>[a-zåäö]+)"
        r"(?P<rest>[^.!?]*)",
        low,
    )
    if not m or m.group("verb") in NOT_TASKS:
        return False
    return action_verb(m.group("verb"), m.group("rest")) and len(m.group("rest").split()) >= 1


def strip_due(text: str) -> str:
    """Drop the deadline from a task text, it has its own field."""
    out = re.sub(
        r"\s*,?\s*\b(?:senast|till|innan|före|inför|på|under|om|i)\s+"
        r"(?:nästa\s+(?:\w*möte|gång|vecka|\w*träff)|"
        r"(?:på\s+)?(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?|i\s*morgon|imorgon|"
        r"(?:den\s+)?\d{1,2}(?::?[ae])?\s+\w+|två\s+veckor|en\s+vecka)\b.*$",
        "",
        text,
        flags=re.IGNORECASE,
    )
    out = re.sub(r"\s*,?\s*\b(?:senast\s+)?(?:i\s*morgon|imorgon)\b", "", out, flags=re.IGNORECASE)
    return out.strip(" ,.") or text.strip(" ,.")
