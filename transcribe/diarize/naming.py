"""Speaker names: proposals from self-introductions, and the user's explicit names.

Swedish meetings usually open with a round of introductions ("jag heter Johan
Berg", "det är Lena här", "Ahmed, studie- och yrkesvägledare"), so a speaker's
own words are the best offline source of their name. Only first-person
patterns count: "Karin, varsågod" or "han heter Per" name someone else.
"""

from __future__ import annotations

import re

from transcribe.errors import BadOption
from transcribe.sv.text import sentences
from transcribe.transcript import SpeakerInfo, Transcript

_NAME_WORD = r"[A-ZÅÄÖÉÜ][a-zåäöéüèáëøæ]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéüèáëøæ]+)?"
_NAME = rf"{_NAME_WORD}(?:\s+(?:af\s+|von\s+|de\s+)?{_NAME_WORD}){{0,2}}"
# Capitalised words that start sentences but are not names.
_NOT_NAMES = {
    "Jag", "Vi", "Det", "Den", "Och", "Men", "Hej", "Hallå", "Tack", "Ja", "Nej", "Okej", "Bra", "Så",
    "Här", "Där", "Nu", "Då", "Alltså", "Precis", "Absolut", "Välkommen", "Välkomna", "God", "Morgon",
}  # fmt: skip

# Role nouns: a small list plus typical Swedish occupational endings.
_ROLE_WORDS = {
    "rektor", "ordförande", "sekreterare", "kassör", "ledamot", "suppleant", "revisor", "vd", "chef",
    "lärare", "kurator", "skolsköterska", "studievägledare", "projektledare", "samordnare", "handläggare",
    "konsult", "koordinator", "assistent", "ingenjör", "utvecklare", "ekonom", "jurist", "psykolog",
    "sjuksköterska", "läkare", "förskollärare", "fritidspedagog", "specialpedagog", "ombud", "representant",
    "processledare", "verksamhetschef", "enhetschef", "avdelningschef", "biträdande", "skyddsombud",
    "talesperson", "moderator", "praktikant", "student", "elev", "förälder", "vårdnadshavare",
}  # fmt: skip
_ROLE_SUFFIXES = (
    "chef",
    "ledare",
    "ansvarig",
    "samordnare",
    "vägledare",
    "lärare",
    "handläggare",
    "pedagog",
    "ombud",
    "ordförande",
    "sekreterare",
    "strateg",
    "utvecklare",
    "konsult",
    "rådgivare",
    "ingenjör",
    "tekniker",
    "analytiker",
    "kurator",
    "sköterska",
    "arie",
    "are",
    "ör",
    "ist",
    "log",
)
_STOP = r"(?=[.!?;:]|,\s|(?<!-)\s(?:och|men|så|sedan|som|jag|vi|här|i\s+dag|idag)\b|$)"

# Lead words are case-insensitive; the name itself must be capitalised.
_INTRO_PATTERNS = [
    re.compile(rf"\b(?i:jag\s+heter)\s+({_NAME})"),
    re.compile(rf"({_NAME})\s+(?i:heter\s+jag)\b"),
    re.compile(rf"\b(?i:mitt\s+namn\s+är)\s+({_NAME})"),
    re.compile(rf"\b(?i:det\s+är)\s+({_NAME})\s+här\b"),
    re.compile(rf"(?:^|,\s+)({_NAME})\s+här\b(?!\s+(?:i|på|från)\b)"),
    re.compile(rf"\b(?i:jag\s+är)\s+({_NAME})(?=\s*,|\s+och\b|\s*$)"),
]
# A sentence opening with a name and then a role or where they are from:
# "Ahmed, studie- och yrkesvägledare" / "Och Sofia Berglund från kommunen" / "Peter Lundgren, Norrmetall".
_NAME_FIRST = re.compile(rf"^(?:(?i:och|hej|hallå|ja|okej)\s*,?\s+)?({_NAME})\s*(,|\s(?i:från)\s)\s*(.*)$")
# Words after "Name Surname," that address someone rather than introduce oneself.
_ADDRESS = {"varsågod", "varsågoda", "tack", "välkommen", "välkomna", "du", "ni", "hej", "precis", "ja", "nej"}
_FULLER = re.compile(rf"^\s*,\s*({_NAME})")
_UNTIL_COMMA = re.compile(r"^\s*,?\s*([^,]{2,80}?)\s*(?:,|$)")
_ORG = re.compile(rf"^{_NAME}$")
_ROLE_PATTERNS = [
    re.compile(r"\bjag\s+(?:jobbar|arbetar)\s+som\s+(.+?)" + _STOP, re.IGNORECASE | re.UNICODE),
    re.compile(r"\bjag\s+är\s+anställd\s+som\s+(.+?)" + _STOP, re.IGNORECASE | re.UNICODE),
    re.compile(r"\bjag\s+har\s+varit\s+(.+?)" + _STOP, re.IGNORECASE | re.UNICODE),
    re.compile(r"\b(?:jag|och)\s+är\s+(?!inte\b)(.+?)" + _STOP, re.IGNORECASE | re.UNICODE),
]


def _is_role(phrase: str) -> bool:
    words = [w.strip("-,").lower() for w in phrase.split()]
    return any(w in _ROLE_WORDS or (len(w) > 5 and w.endswith(_ROLE_SUFFIXES)) for w in words[:4])


def _clean_role(phrase: str) -> str | None:
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,.")
    words = phrase.split()
    if words and words[0].lower() in {"en", "ett"}:
        words = words[1:]
    if not words or len(words) > 6:
        return None
    phrase = " ".join(words)
    return phrase if _is_role(phrase) else None


def _trim_name(name: str) -> str | None:
    """Drop sentence-opening words ("Och", "Hej"); reject what is left if it is not a name."""
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    if not words or any(w in _NOT_NAMES for w in words):
        return None
    return " ".join(words)


def _role_in(text: str) -> str | None:
    for pattern in _ROLE_PATTERNS:
        for m in pattern.finditer(text):
            role = _clean_role(m.group(1))
            if role:
                return role
    return None


def _role_after(rest: str) -> str | None:
    """A role right after a name: ", jag är utvecklare och ..." or ", processledare"."""
    if explicit := _role_in(rest):
        return explicit
    m = _UNTIL_COMMA.match(rest) if rest.lstrip().startswith(",") else None
    return _clean_role(m.group(1)) if m else None


def _sentence(sentence: str) -> tuple[str | None, str | None]:
    for pattern in _INTRO_PATTERNS:
        for m in pattern.finditer(sentence):
            name = _trim_name(m.group(1))
            if not name:
                continue
            rest = sentence[m.end() :]
            fuller = _FULLER.match(rest)  # "Det är Johan här, Johan Nilsson"
            if fuller and fuller.group(1).startswith(name) and len(fuller.group(1)) > len(name):
                name, rest = fuller.group(1), rest[fuller.end() :]
            return name, _role_after(rest)
    m = _NAME_FIRST.match(sentence)
    if m and (name := _trim_name(m.group(1))):
        comma, rest = m.group(2).strip() == ",", m.group(3)
        role = _role_after(", " + rest) if comma else None
        where = _UNTIL_COMMA.match(rest)  # "från kommunen" / ", Norrmetall": a short place, then the clause ends
        short_place = bool(where) and len(where.group(1).split()) <= 2
        whole = bool(where) and where.end() >= len(rest.rstrip())  # "Sofia Berglund, kommunen."
        addressed = bool(where) and where.group(1).lower() in _ADDRESS
        if role or (
            len(name.split()) >= 2
            and short_place
            and not addressed
            and (not comma or whole or _ORG.match(where.group(1)))
        ):
            return name, role
    return None, _role_in(sentence)


def introduction(text: str) -> SpeakerInfo | None:
    """Name and role a speaker states about themself in `text`, if any."""
    name = role = None
    for sentence in sentences(" ".join(text.split())):
        n, r = _sentence(sentence.strip().rstrip(".!?"))
        name, role = name or n, role or r
    if not name and not role:
        return None
    return SpeakerInfo(label="", name=name, role=role, name_source="introduction" if name else None)


def propose_names(transcript: Transcript) -> dict[str, SpeakerInfo]:
    """label -> name/role the speaker introduced themself with (first statement wins)."""
    found: dict[str, SpeakerInfo] = {}
    for seg in transcript.segments:
        if not seg.speaker:
            continue
        info = introduction(seg.text)
        if info is None:
            continue
        have = found.get(seg.speaker)
        if have is None:
            found[seg.speaker] = info.model_copy(update={"label": seg.speaker})
            continue
        if not have.name and info.name:
            have.name, have.name_source = info.name, "introduction"
        if not have.role and info.role:
            have.role = info.role
    return found


def parse_speaker_names(spec: str) -> dict[str, str]:
    """'SPEAKER_00=Maria,SPEAKER_01=Johan Berg' -> {label: name}; '1=Johan' means SPEAKER_01."""
    names: dict[str, str] = {}
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        label, sep, name = part.partition("=")
        label, name = label.strip(), " ".join(name.split())
        if not sep or not label or not name:
            raise BadOption(
                f"--speaker-names: '{part}' är inte ETIKETT=Namn; skriv t.ex. SPEAKER_00=Maria,SPEAKER_01=Johan"
            )
        if label.isdigit():
            label = f"SPEAKER_{int(label):02d}"
        elif m := re.fullmatch(r"(?i)speaker_?(\d+)", label):
            label = f"SPEAKER_{int(m.group(1)):02d}"
        if label in names:
            raise BadOption(f"--speaker-names anger {label} två gånger")
        names[label] = name
    if not names:
        raise BadOption("--speaker-names är tom; skriv t.ex. SPEAKER_00=Maria,SPEAKER_01=Johan")
    return names


def apply_names(transcript: Transcript, names: dict[str, str], source: str = "user") -> Transcript:
    """A copy with one SpeakerInfo per label (order of appearance), named from `names`.

    A user's name always wins; other sources never replace a name the user gave.
    """
    out = transcript.model_copy(deep=True)
    existing = {info.label: info for info in out.speakers}
    speakers: list[SpeakerInfo] = []
    for label in out.speaker_labels():
        info = existing.get(label) or SpeakerInfo(label=label)
        name = names.get(label)
        if name and (source == "user" or info.name_source != "user"):
            info.name, info.name_source = name, source
        speakers.append(info)
    out.speakers = speakers
    return out
