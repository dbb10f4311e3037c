"""Turn spoken first-person proposals into neutral minute sentences.

"Jag föreslår att vi köper in en projektor" -> "att köpa in en projektor", so a
decision reads "Mötet beslutade att köpa in en projektor." Rules only: when a
clause cannot be rewritten safely it is kept as spoken, never guessed. Case is
kept (names stay capitalised); matching ignores it.
"""

from __future__ import annotations

import re

from transcribe.sv.text import capitalise, stopwords

_I = re.IGNORECASE
_IRREGULAR = {
    "tar": "ta",
    "gör": "göra",
    "får": "få",
    "ser": "se",
    "går": "gå",
    "står": "stå",
    "har": "ha",
    "är": "vara",
    "kör": "köra",
    "drar": "dra",
    "ber": "be",
    "ger": "ge",
    "hör": "höra",
    "bär": "bära",
    "lär": "lära",
    "hyr": "hyra",
    "rör": "röra",
    "dör": "dö",
    "bor": "bo",
    "tror": "tro",
    "når": "nå",
    "spår": "spå",
    "mår": "må",
    "syr": "sy",
    "kan": "kunna",
    "ska": "ska",
    "vill": "vilja",
    "vet": "veta",
    "blir": "bli",
    "sköter": "sköta",
    "säger": "säga",
    "lägger": "lägga",
    "sätter": "sätta",
}
_MODALS = r"(?:ska|skall|kan|borde|bör|måste|behöver|får|skulle|kunde|kommer\s+att|vill|tänker)"
_DISCOURSE = re.compile(
    r"^(?:(?:ja|jo|nej|nä|okej|ok|men|och|så|bra|alltså|då|ehm|öh|mm|precis|absolut|visst|tack|"
    r"jaha|nu|för|fast|och\s+så|men\s+då|ja\s+men|okej\s+så|bra\s+då|däremot|i\s+stället|istället)\b[\s,]*)+",
    _I,
)
_TAIL = re.compile(
    r"(?:(?:^|[\s,]+)(?:eller\s+hur|eller\s+vad\s+(?:säger|tycker)\s+ni|vad\s+(?:säger|tycker)\s+ni|tycker\s+ni|"
    r"passar\s+det|funkar\s+det|är\s+alla\s+med\s+på\s+det|är\s+vi\s+överens(?:\s+om\s+det)?|"
    r"eller|va|då|så|alltså|liksom|typ|ju|väl))?[\s,]*[?.!]*\s*$",
    _I,
)
# A second clause that is commentary, not content: "..., men jag kan inte lova", "..., det kan jag lova".
_AFTERTHOUGHT = re.compile(
    r",\s*(?:men|fast|för|eftersom|så\s+att\s+vi\s+slipper|det\s+kan\s+jag|det\s+lovar\s+jag|då\s+är\s+vi)\b.*$", _I
)
_PROPOSAL_PREFIX = [
    re.compile(r"^.*?\b(?:jag\s+|vi\s+)?föreslår\s+(?:jag\s+|vi\s+)?(?:därför\s+|alltså\s+)?(?:att\s+)?", _I),
    re.compile(r"^.*?\b(?:mitt|ett|vårt)\s+förslag\s+(?:är|blir|skulle\s+vara)\s+(?:alltså\s+)?(?:att\s+)?", _I),
    re.compile(r"^.*?\bförslaget\s+är\s+(?:alltså\s+)?(?:att\s+)?", _I),
    re.compile(r"^.*?\bförslag\s*:\s*", _I),
    re.compile(r"^.*?\b(?:ett|ett\s+annat)\s+alternativ\s+(?:är|vore)\s+(?:att\s+)?", _I),
    re.compile(r"^.*?\bvad\s+(?:sägs|säger\s+ni|tycker\s+ni)\s+om\s+(?:att\s+)?", _I),
    re.compile(r"^.*?\b(?:jag\s+tycker|tycker\s+jag)\s+(?:nog\s+|fortfarande\s+)?(?:att\s+)?", _I),
    re.compile(
        r"^.*?\b(?:har\s+fått|fick|har)\s+(?:klartecken|okej|ok|godkänt|tillåtelse|pengar|budget)\s+(?:till\s+)?"
        r"att\s+",
        _I,
    ),
    re.compile(r"^.*?\b(?:jag\s+vill|vill\s+jag)\s+(?:gärna\s+)?att\s+(?=vi\b)", _I),
    # the chair's call for a decision: "Är vi överens om att alla e-tjänster ska använda BankID?"
    re.compile(r"^(?:\w+,?\s+)?(?:är|blir)\s+(?:vi|alla)\s+(?:alla\s+)?överens\s+om\s+(?=att\s)", _I),
]
_INF_PREFIX = [
    re.compile(r"^(?:ska|kan|borde|bör)\s+vi\s+(?:inte\s+)?(?:kanske\s+|också\s+|bara\s+)?", _I),
    re.compile(r"^låt\s+oss\s+", _I),
    re.compile(r"^(?:skulle|kan|får)\s+jag\s+(?:kunna\s+|få\s+)?", _I),
]
_TANK_OM = re.compile(r"^tänk\s+om\s+vi\s+", _I)


def to_infinitive(verb: str) -> str:
    """Present tense to infinitive: 'skickar' -> 'skicka', 'köper' -> 'köpa'."""
    v = verb.lower()
    if v in _IRREGULAR:
        return _IRREGULAR[v]
    if v.endswith("ar") and len(v) > 3:
        return v[:-1]
    if v.endswith("er") and len(v) > 3:
        return v[:-2] + "a"
    if v.endswith(("ör", "är")):
        return v + "a"
    if v.endswith("r") and len(v) > 2:
        return v[:-1]
    return v


_SOME = {"inga": "några", "inget": "något", "ingen": "någon"}


def group_clause(verb: str, rest: str, neg: str = "") -> str:
    """The group's choice as an att-clause: ('köper', 'båtmotorer', 'inga') -> 'att inte köpa några båtmotorer'.

    'Vi köper inga båtmotorer' is written with the negation before the verb, as a protokoll says it.
    """
    neg = neg.strip().lower()
    words = rest.split(maxsplit=1)
    if not neg and words and words[0].lower() in _SOME:  # "Vi köper inga båtmotorer"
        neg, rest = words[0].lower(), words[1] if len(words) > 1 else ""
    if neg in _SOME:
        return f"att inte {to_infinitive(verb)} {_SOME[neg]} {rest}".rstrip()
    return f"att {'inte ' if neg else ''}{to_infinitive(verb)} {rest}".rstrip()


def is_present_verb(word: str) -> bool:
    w = word.lower()
    return w in _IRREGULAR or (len(w) > 3 and w.endswith(("ar", "er", "ör", "yr", "ür")))


def _lower_first(text: str) -> str:
    """Drop a sentence-initial capital unless the word looks like a name.

    Common words and definite nouns ("Budgeten", "Projektet") are lowered; other
    capitalised words (most often names: "Sanna", "Karin") are kept.
    """
    first = text.split(" ", 1)[0]
    low = first.lower()
    if first[:1].isupper() and (
        low in stopwords()
        or low in {"vi", "jag", "du", "ni", "man", "någon"}
        or low.endswith(("en", "et", "rna", "orna", "erna", "arna", "ningen", "heten"))
    ):
        return text[:1].lower() + text[1:]
    return text


def strip_discourse(text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip())
    return _DISCOURSE.sub("", text).strip()


def strip_tail(text: str) -> str:
    prev = None
    while prev != text:
        prev = text
        text = _TAIL.sub("", text).strip()
    return text


def _vi_clause(rest: str) -> str:
    """'vi ska köpa X' / 'vi köper X' -> 'att köpa X'; other clauses -> 'att <clause>'."""
    m = re.match(
        rf"^(?:vi|man)\s+(?:kanske\s+|också\s+|nog\s+|då\s+|ju\s+)*{_MODALS}\s+"
        r"(?:också\s+|då\s+|kanske\s+|nog\s+|ju\s+|bara\s+)*(.+)",
        rest,
        _I,
    )
    if m:
        return "att " + re.sub(r"^att\s+", "", m.group(1), flags=_I)
    m = re.match(r"^(?:vi|man)\s+(\w+)\b(.*)$", rest, _I)
    if m and is_present_verb(m.group(1)):
        return "att " + to_infinitive(m.group(1)) + m.group(2)
    if re.match(r"^att\s", rest, _I):
        return rest
    return "att " + rest


def first_person(text: str, name: str | None) -> str:
    """Replace a speaker's 'jag/mig/min' with their name, so a sentence stands alone."""
    if not name:
        return text
    text = re.sub(r"\bjag\b", name, text, flags=_I)
    # reflexive: "ta med mig förslaget", "höra av mig" -> "sig"
    text = re.sub(r"\b((?:ta|tar|höra|hör|åta|åtar|sätta|sätter)(?:\s+(?:med|av|in))?)\s+mig\b", r"\1 sig", text,
                  flags=_I)  # fmt: skip
    text = re.sub(r"\bmig\b", name, text, flags=_I)
    return re.sub(r"\b(?:min|mitt|mina)\b", name + "s", text, flags=_I)


def second_person(text: str, name: str | None) -> str:
    """'du lämnar över dina ärenden' said to Daniel -> 'Daniel lämnar över sina ärenden'."""
    if not name:
        return text
    text = re.sub(r"\b(?:du|dig)\b", name, text, flags=_I)
    return re.sub(r"\bdi(n|tt|na)\b", r"si\1", text, flags=_I)


def proposal_clause(sentence: str, speaker_name: str | None = None, addressee: str | None = None) -> str | None:
    """The 'att ...' clause a proposal amounts to, or None when nothing is left."""
    text = _AFTERTHOUGHT.sub("", strip_tail(strip_discourse(sentence)))
    for pat in _PROPOSAL_PREFIX:
        m = pat.match(text)
        if m and m.end() < len(text):
            text = text[m.end() :]
            break
    text = _lower_first(strip_discourse(text))
    for pat in _INF_PREFIX:
        m = pat.match(text)
        if m:
            rest = re.sub(r"^att\s+", "", text[m.end() :], flags=_I)
            return _finish_clause("att " + rest, speaker_name, addressee) if rest else None
    m = _TANK_OM.match(text)
    if m:
        return _finish_clause(_vi_clause("vi " + text[m.end() :]), speaker_name, addressee)
    if len(text.split()) < 2:
        return None
    return _finish_clause(_vi_clause(text), speaker_name, addressee)


def _finish_clause(clause: str, speaker_name: str | None, addressee: str | None = None) -> str:
    clause = strip_tail(clause)
    clause = second_person(first_person(clause, speaker_name), addressee)
    return re.sub(r"\s+", " ", clause).strip()


def content_clause(rest: str, prep: str, speaker_name: str | None = None) -> str:
    """Content after an explicit cue ('vi beslutar att <rest>') as a clause with its preposition."""
    rest = _lower_first(strip_tail(rest.strip()))
    prep = re.sub(r"\s+", " ", (prep or "").strip()).lower()
    if prep in ("om", "för"):
        if re.match(r"^(?:vi|man)\s", rest, _I):
            return _finish_clause(_vi_clause(rest), speaker_name)
        return _finish_clause(f"{prep} {rest}", speaker_name)
    if not prep and not re.match(r"^vi\s+\w+", rest, _I):
        return _finish_clause(rest, speaker_name)  # "beslut: vi lägger ..." reads "att lägga ..."
    return _finish_clause(_vi_clause(rest), speaker_name)


def indirect_question(question: str) -> str:
    """'Vem ska leda arbetet?' -> 'vem som ska leda arbetet'; 'När ses vi?' -> 'när vi ses'."""
    q = strip_tail(strip_discourse(question))
    q = q[:1].lower() + q[1:]
    m = re.match(r"^(vem|vilka|vad)\s+(ska|skall|kan|bör|borde|får|måste)\s+(.*)$", q, _I)
    if m:
        return f"{m.group(1)} som {m.group(2)} {m.group(3)}"
    m = re.match(r"^(när|hur|var|varför|vart)\s+(\w+)\s+(vi|ni|man|de|det|den|jag|du)\b\s*(.*)$", q, _I)
    if m:
        return f"{m.group(1)} {m.group(3)} {m.group(2)} {m.group(4)}".strip()
    return q


# "vi står inte vakt på nyår": the group, a present-tense verb, an optional "inte", what it does
WE_STATEMENT = re.compile(r"^vi\s+(?P<v>[a-zåäö]+(?:ar|er|ör|år|yr))\s+(?P<neg>inte\s+)?(?P<rest>\S.*)", _I)


def we_decision(statement: str, speaker_name: str | None = None) -> str | None:
    """'vi står inte vakt på nyår' -> 'Mötet beslutade att inte stå vakt på nyår.'; None for any other statement.

    The speaker's own "jag"/"min" in it is named when `speaker_name` is given.
    """
    we = WE_STATEMENT.match(statement)
    if we is None:
        return None
    neg = "inte " if we.group("neg") else ""
    return decision_sentence(first_person(f"att {neg}{to_infinitive(we.group('v'))} {we.group('rest')}", speaker_name))


def decision_sentence(clause: str, verb: str = "beslutade", body: str = "Mötet") -> str:
    # "Vi bestämmer att X" restated after a close: the matter is X, not "att bestämma att X"
    clause = re.sub(r"^att\s+(?:bestämma|besluta)\s+(?:oss\s+för\s+)?att\s+", "att ", clause, flags=re.IGNORECASE)
    if verb == "enades":
        text = f"{body} enades om {clause}"
    elif clause.lower().startswith(("att ", "om ", "för ")):
        text = f"{body} {verb} {clause}"
    else:
        text = f"{body} {verb}: {clause}"
    text = text.rstrip(" ,;:")
    return capitalise(text) + ("" if text.endswith((".", "!", "?")) else ".")


def task_phrase(text: str, speaker_name: str | None = None) -> str:
    """A task as an imperative-like phrase: 'vi måste boka lokalen' -> 'Boka lokalen'."""
    text = _AFTERTHOUGHT.sub("", strip_tail(strip_discourse(text)))
    for _ in range(2):
        text = re.sub(r"^(?:jag|du|vi|man|någon|ni)\s+(?:kanske\s+|också\s+|bara\s+)*", "", text, flags=_I)
        text = re.sub(rf"^{_MODALS}\s+(?:du\s+|någon\s+|vi\s+)?(?:kunna\s+|också\s+|ta\s+och\s+)?", "", text, flags=_I)
    text = re.sub(r"^(?:ta\s+på\s+mig\s+att|lova\s+att|åta\s+mig\s+att)\s+", "", text, flags=_I)
    words = text.split(" ", 1)
    if words and is_present_verb(words[0]):
        text = to_infinitive(words[0]) + (" " + words[1] if len(words) > 1 else "")
        # "uppdaterar X och skickar Y": the second verb too.
        text = re.sub(r"\boch\s+(\w+(?:ar|er))\b", lambda m: "och " + to_infinitive(m.group(1)), text)
    text = first_person(text, speaker_name)
    return capitalise(text.strip())
