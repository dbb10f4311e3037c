"""How a decision reads in the protokoll: who decided, then what.

The rules extractor words a decision as it was said ("Vi köper en ny ässja.", "Bryggan lagas före midsommar.",
"Per Ahlström får gå när han behöver."). The protokoll says "<body> beslutade att …": a clause with its subject
first and a finite verb follows "att" as it stands, the group's own "vi <verb>" and a verb put first before the
deciding body ("Beviljar årsmötet styrelsen ansvarsfrihet …") read as the verb in the infinitive, and only a bare
matter or a list ("Biblioteket två dagar och medborgarkontoret tre.", "Niohundra.") follows a colon. A name that
opens the decision keeps its capital ("Fias version …", "Per Ahlström …"): a speaker's name or a word the meeting
says with a capital inside a sentence, or a word that is no everyday Swedish word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from transcribe.agenda.phrases import ANNOUNCES
from transcribe.minutes.fuzzy import known_word
from transcribe.minutes.phrasing import WE_STATEMENT, group_clause, to_infinitive
from transcribe.minutes.protokoll_stated import STATED
from transcribe.sv.calendar import MONTHS
from transcribe.sv.numbers import parse_number
from transcribe.sv.text import capitalise, finish_sentence, stem, stopwords

_PASSIVE_END = re.compile(r"^[A-ZÅÄÖ]\w*\s+(?:\w+\s+){0,6}?\w+(?:des|tes|ogs|ågs|ades)\b[^.]*\.?$")
_BODY = [
    (re.compile(r"styrelse", re.I), "Styrelsen"),
    (re.compile(r"nämnd", re.I), "Nämnden"),
    (re.compile(r"utskott", re.I), "Utskottet"),
    (re.compile(r"årsmöte|stämma", re.I), "Stämman"),
    (re.compile(r"kyrkoråd", re.I), "Kyrkorådet"),
    (re.compile(r"fullmäktige", re.I), "Fullmäktige"),
]
_DECIDED = re.compile(
    r"^(?:har\s+(?=\w+\s+(?:beslutat|valt|bifallit|godkänt|fastställt|beviljat|avslagit)\b))?"  # "Har rådet beslutat"
    r"(?:mötet|vi|styrelsen|nämnden|gruppen|utskottet|stämman|man|fullmäktige|rådet|föreningen|församlingen"
    r"|\w+(?:rådet|styrelsen|nämnden|utskottet|gruppen|mötet))\s+(?:har\s+)?(beslutade|beslöt|beslutar|beslutat|enades"
    r"|valde|väljer|valt|biföll|bifaller|bifallit|godkände|godkänner|godkänt|fastställde|fastställer|fastställt"
    r"|beviljade|beviljar|beviljat|avslog|avslår|avslagit)\b",
    re.I,
)  # "Kyrkorådet beslutar att …", "Årsmötet har beslutat att …", "Årsmötet valde styrelsen …" said in the meeting:
# the subject becomes the protokoll's own body, the verb in the past
_PAST = {"beslutar": "beslutade", "beslutat": "beslutade", "väljer": "valde", "valt": "valde", "bifaller": "biföll",
         "bifallit": "biföll", "godkänner": "godkände", "godkänt": "godkände", "fastställer": "fastställde",
         "fastställt": "fastställde", "beviljar": "beviljade", "beviljat": "beviljade", "avslår": "avslog",
         "avslagit": "avslog"}  # fmt: skip
_WORD = re.compile(r"[\wåäöÅÄÖé-]+")
_CAPITAL = re.compile(r"(?<=[\wåäö,;:]\s)[A-ZÅÄÖ][\wåäöé-]+")  # a capitalised word inside a sentence
# what may stand before a subject's head: "alla sju äldreboendena", "bara fem personer", "hela styrelsen"
_LEAD = {"alla", "båda", "bara", "hela", "samma", "varje", "nya", "nästa", "den", "det", "de"}
_SOLE = {"ingen", "inget", "man", "han", "hon", "hen"}  # a subject alone at the head ("ingen avisar ensam")
_FRONT = {"då", "så", "därför", "nu"}  # an adverb put first, the verb and the deciding body after it
_DEFINITE = re.compile(r"^[a-zåäöé-]{3,}(?:en|et|an|na|rna)$")
# the verbs of a clause's second place that no suffix tells: "blir", "får", "ska", "gäller"
_FINITE = {"är", "blir", "får", "ska", "skall", "kan", "har", "går", "tar", "gör", "ligger", "står", "kommer",
           "måste", "behöver", "bör", "gäller", "sker", "hålls", "ges", "ses", "fick", "blev", "var"}  # fmt: skip
# after the verb, a subject: the first words were put first, and were no subject ("Tjugoandra april blir det.")
_INVERTED = {"det", "den", "de", "vi", "jag", "du", "ni", "man", "han", "hon", "hen", "vi,"}
_DECIDING = {"vi", "årsmötet", "mötet", "stämman", "nämnden", "styrelsen", "rådet", "fullmäktige"}
_MONTHS = set(MONTHS)


def decision_body(*titles: str | None) -> str:
    for title in titles:
        for pattern, body in _BODY:
            if title and pattern.search(title):
                return body
    return "Mötet"


def meeting_names(texts: Iterable[str], speakers: Iterable[str | None] = ()) -> frozenset[str]:
    """The meeting's names in lower case: its speakers' and the words it says with a capital inside a sentence."""
    out = {w.lower() for n in speakers if n for w in _WORD.findall(n)}
    for text in texts:
        out |= {m.group(0).lower() for m in _CAPITAL.finditer(text)}
    return frozenset(out - stopwords())


# The outcome stated of its matter, in the past passive of the protokoll: "Motionen är bifallen, …" -> "Motionen
# bifölls, …"; "Styrelsen har beviljats ansvarsfrihet." -> "Styrelsen beviljades ansvarsfrihet."
_DONE_PAST = {"godkänd": "godkändes", "godkända": "godkändes", "godkänt": "godkändes", "fastställd": "fastställdes",
              "fastställda": "fastställdes", "fastställt": "fastställdes", "bifallen": "bifölls", "bifallet": "bifölls",
              "antagen": "antogs", "antaget": "antogs", "antagna": "antogs", "avslagen": "avslogs",
              "avslaget": "avslogs", "beviljad": "beviljades", "beviljat": "beviljades"}  # fmt: skip
_OUTCOME_SAID = re.compile(
    r"^(?:att\s+)?([\wåäö-]+(?:en|et|na|rna))\s+(?:är|blir)\s+(?:därmed\s+|alltså\s+)?("
    + "|".join(_DONE_PAST)
    + r")\b(.*)$",
    re.I,
)
_DISCHARGED = re.compile(r"^(?:att\s+)?([\wåäö-]+(?:en|et|na|rna))\s+har\s+(?:beviljats\s+)?ansvarsfrihet\b(.*)$", re.I)
_LABEL = re.compile(r"^(?:beslut|beslutet)\s*:\s*", re.I)  # "Beslut: lördagen den tjugoandra april …"


def formal_decision(text: str, body: str, names: Iterable[str] = ()) -> str:
    """'Mötet beslutade att …' / 'Vi köper …' / 'Bryggan lagas …' -> '<body> beslutade att …'; `names` (lower case)
    keep their capital at the decision's head."""
    text = _LABEL.sub("", spoken_decision(text.strip()))
    outcome = _OUTCOME_SAID.match(text) or _DISCHARGED.match(text)
    if outcome:
        what, rest = outcome.group(1), outcome.groups()[-1]
        done = _DONE_PAST[outcome.group(2).lower()] if outcome.re is _OUTCOME_SAID else "beviljades ansvarsfrihet"
        return finish_sentence(f"{what[0].upper()}{what[1:]} {done}{rest}")
    m = _DECIDED.match(text)
    if m:
        verb = _PAST.get(m.group(1).lower(), m.group(1).lower())
        return finish_sentence(f"{body} {verb}{text[m.end() :]}")
    stated = STATED.match(text)
    if stated:  # "Då är dagordningen godkänd med de ändringarna." -> "Dagordningen godkändes med de ändringarna."
        what, done, rest = stated.groups()
        return finish_sentence(f"{what[0].upper()}{what[1:]} {done[:-1] if done.endswith('a') else done}es{rest}")
    if _PASSIVE_END.search(text):  # "Dagordningen godkändes." is already protokoll language
        return finish_sentence(text)
    clause = re.sub(r"^att (?=enligt\b)", "", _lowered(text, set(names)))  # "att enligt förslaget" -> "enligt …"
    if clause.startswith(("att ", "om ", "enligt ")):  # "… beslutade om arvoden enligt förslaget"
        return finish_sentence(f"{body} beslutade {clause}")
    said = _as_att(clause)
    return finish_sentence(f"{body} beslutade {said}" if said else f"{body} beslutade: {clause}")


def spoken_decision(text: str) -> str:
    """The decision without a sentence after it that turns the talk to an item ("…, och Nour håller i den. Då går vi
    tillbaka till sjuan, jourtelefonen.")."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", text)
    while len(parts) > 1 and ANNOUNCES.search(parts[-1].lower()):
        parts.pop()
    return " ".join(parts)


def _lowered(text: str, names: set[str]) -> str:
    """The decision with its first word in lower case, unless that word is a name."""
    first = _WORD.match(text)
    if first is None or not text[:1].isupper() or text[:2] == text[:2].upper():
        return text  # already lower, or an abbreviation ("EU", "SKR")
    if _is_name(first.group(0), names):
        return text
    return text[0].lower() + text[1:]


def _is_name(word: str, names: set[str]) -> bool:
    """One of the meeting's names (or its genitive: "Pers förslag", "Fias version"); without them, a word that is no
    everyday Swedish word."""
    low = word.lower()
    if low in names or low.endswith("s") and low[:-1] in names:
        return True
    return not names and low not in stopwords() and not known_word(low) and parse_number(low) is None


def _as_att(clause: str) -> str | None:
    """The att-clause a decision amounts to, or None when it is no clause with a subject and a finite verb."""
    we = WE_STATEMENT.match(clause)
    if we is not None:  # "vi köper inga båtmotorer" -> "att inte köpa några båtmotorer"
        return group_clause(we.group("v"), we.group("rest").rstrip(" ."), we.group("neg") or "")
    words = clause.split()
    low = [w.lower().strip(",.;:!?") for w in words]
    v = 1 if low[0] in _FRONT else 0  # "då lämnar vi vattnet", "beviljar årsmötet styrelsen ansvarsfrihet"
    if len(low) >= v + 3 and _present(low[v]) and low[v + 1] in _DECIDING and "," not in " ".join(words[: v + 2]):
        return f"att {to_infinitive(low[v])} {' '.join(words[v + 2 :])}"
    at = _subject_end(words, low)
    if at is None or at >= len(low) or words[at - 1].endswith(","):
        return None
    if not (_finite(low[at]) or at == 1 and low[0] in _SOLE and _present(low[at])):
        return None  # "ingen avisar ensam längre": after a pronoun any present tense
    if at + 1 < len(low) and low[at + 1] in _INVERTED:
        return None  # "Tjugoandra april blir det.": the matter put first, no subject
    return f"att {clause}"


def _subject_end(words: list[str], low: list[str]) -> int | None:
    """Where the verb would stand after a subject at the clause's head: a pronoun ("ingen"), a name or two ("Per
    Ahlström", "Pers förslag"), a definite noun ("bryggan", "alla sju äldreboendena"), or a thing and its number
    ("panna två"); None when the head is none of them."""
    i = 0
    while i < len(low) - 1 and (low[i] in _LEAD or parse_number(low[i]) is not None) and i < 2:
        i += 1
    if i >= len(low):
        return None
    head = low[i]
    if i == 0 and low[0] in _SOLE:
        return 1
    if i == 0 and len(low) > 2 and parse_number(low[1]) is not None and not words[0][:1].isupper():
        return 2  # "panna två går på femtio procent"
    if words[i][:1].isupper() and head not in _MONTHS:  # a name, a place, a genitive and what it owns
        j = i + 1
        while j < len(words) and j < i + 3 and (words[j][:1].isupper() or low[j - 1].endswith("s")):
            if low[j] in _MONTHS:
                return None
            j += 1
        return j
    if _DEFINITE.match(head) and head not in _MONTHS:
        return i + 1
    return None


def _finite(word: str) -> bool:
    """A finite verb as a clause's second word: a known one, a passive ("lagas", "byts"), a past ("flyttades"),
    or a present whose infinitive is an everyday word ("söker", "kostar"; not "dagar")."""
    if word in _FINITE:
        return True
    if len(word) < 4 or word in _MONTHS:
        return False
    if word.endswith("s") and not word.endswith("ss"):
        return known_word(word[:-1] + "a") or known_word(word[:-1]) and word[:-1].endswith("a")
    if word.endswith(("ade", "de", "te")) and known_word(word):
        return known_word(word[:-3] + "a") or known_word(word[:-2] + "a") or known_word(word[:-2])
    if word.endswith("r"):
        inf = to_infinitive(word)
        return inf != word and known_word(inf) and known_word(word)
    return False


def _present(word: str) -> bool:
    """A present tense by its ending alone, where the words around it say it is a verb."""
    return word in _FINITE or len(word) >= 3 and word.endswith("r") and to_infinitive(word) != word


# The group's own close: "Då köper vi en egen kaffemaskin …", "Okej, vi köper …"
_GROUP_CLOSE = re.compile(
    r"^\W*(?:(?:då|så|okej|bra|ja)\W+)*(?:vi [a-zåäö]+(?:ar|er|ör|år|yr)|(?:då|så) [a-zåäö]+ vi)\s+\S", re.I
)
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
_DECIDING_VERB = re.compile(r"\b(?:beslut|bestäm)\w*", re.I)
RESTATED_WORDS = 3  # a decision of at most this many content words may be cut short ("att köpa en egen")


def restated(text: str, quotes: Iterable[str]) -> str:
    """The decision as the group's own close in its evidence says it, when that says every word of it and more: a
    decision read from the question "Kan vi inte köpa en egen?" ("… att köpa en egen") is worded from "Då köper vi
    en egen kaffemaskin för pengarna i kaffekassan." """
    decided = _DECIDED.match(text)
    words = {stem(w) for w in _WORD.findall((text[decided.end() :] if decided else text).lower())} - stopwords()
    if len(words) > RESTATED_WORDS:
        return text  # said in full already
    for quote in reversed(list(quotes)):
        for sentence in reversed(_SENTENCES.split(quote.strip())):
            if sentence.rstrip().endswith("?") or not _GROUP_CLOSE.match(sentence) or _DECIDING_VERB.search(sentence):
                continue  # "Då beslutar vi att …" is what the rules read already, one decision or more
            said = {stem(w) for w in _WORD.findall(sentence.lower())} - stopwords()
            if words and words <= said and len(said - words) >= 2:
                return sentence
    return text


_FILED_PASSIVE = re.compile(r"^(?P<what>.+?) (?:lades|läggs) till handlingarna\b(?P<rest>.*)$")
_PRONOUNS = {"det", "den", "de", "dem", "detta", "dessa"}


def filed_wording(text: str, title: str) -> str:
    """A filing worded from the item's title when what the rules took as filed is no noun phrase: a clause said just
    before ("Det är utskickat lades till handlingarna.") or a filler word ("Vänta lades till handlingarna.") becomes
    "<Title> lades till handlingarna."; a definite noun, a genitive or a word of the title stays."""
    m = _FILED_PASSIVE.match(text)
    if m is None or not title.strip():
        return text
    words = [w.lower() for w in _WORD.findall(m.group("what"))]
    titled = {stem(w.lower()) for w in _WORD.findall(title)}
    clause = words[0] in _PRONOUNS or any(w in _FINITE for w in words)
    noun = any(_DEFINITE.match(w) or stem(w) in titled for w in words) or any(
        w.endswith("s") and len(w) > 3 for w in words[:-1]
    )  # "Revisorernas berättelse", "Junis protokoll"
    if noun and not clause:
        return text
    return finish_sentence(f"{capitalise(title.strip().rstrip('.:'))} lades till handlingarna{m.group('rest')}")


_PRONOUN_DONE = re.compile(
    r"^\W*(?:(?:då|så)\s+)?(?:är\s+|blir\s+)?(?:den|det|de|dem|dom)\s+(?:är\s+|blir\s+)?"
    r"(?P<done>godkändes|fastställdes|antogs|bifölls|avslogs|" + "|".join(_DONE_PAST) + r")\b(?P<rest>.*)$",
    re.I,
)
_TITLE_OBJECT = re.compile(r"^(?:godkännande|fastställande|antagande|justering) av (.+)$", re.I)


def titled_subject(text: str, title: str) -> str:
    """An outcome said of its matter by a pronoun ("Då är den godkänd med de ändringarna.", read as "Är den
    godkändes.") is said of the item's own matter: "Dagordningen godkändes." under "Godkännande av dagordningen"."""
    m = _PRONOUN_DONE.match(text.strip())
    if m is None or not title.strip():
        return text
    what = title.strip().rstrip(".:")
    what = what.lower() if what.isupper() else what  # "DAGORDNING"
    obj = _TITLE_OBJECT.match(what)
    done = _DONE_PAST.get(m.group("done").lower(), m.group("done").lower())
    what = re.sub(r"^(dagordning|föredragningslista)$", lambda d: d[1] + ("en" if d[1][-1] in "gG" else "n"),
                  obj.group(1) if obj else what, flags=re.I)  # fmt: skip
    return finish_sentence(f"{capitalise(what)} {done}{m.group('rest')}")
