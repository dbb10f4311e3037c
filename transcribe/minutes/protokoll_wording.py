"""How a decision reads in the protokoll: who decided, then what.

The rules extractor words a decision as it was said ("Vi köper en ny ässja.", "Bryggan lagas före midsommar.",
"Per Ahlström får gå när han behöver."). The protokoll says "<body> beslutade att …": a clause with its subject
first and a finite verb follows "att" as it stands, the group's own "vi <verb>" and a verb put first before the
deciding body ("Beviljar årsmötet styrelsen ansvarsfrihet …") read as the verb in the infinitive, and only a bare
matter or a list ("Biblioteket två dagar och medborgarkontoret tre.", "Niohundra.") follows a colon. A name that
opens the decision keeps its capital ("Fias version …", "Per Ahlström …"): a speaker's name or a word the meeting
says with a capital inside a sentence, or a word that is no everyday Swedish word. The verb of deciding is said
once ("beslutade att höja …", never "beslutade att besluta att …"), a reviewer's infinitive reads "beslutade att anta
budgeten", and a verb joined to it by "och" is an infinitive too. A sentence quoted in a § keeps its verb second.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from transcribe.agenda.phrases import ANNOUNCES
from transcribe.minutes.fuzzy import known_word
from transcribe.minutes.phrasing import WE_STATEMENT, group_clause, strip_discourse, to_infinitive
from transcribe.minutes.protokoll_stated import STATED
from transcribe.sv.calendar import MONTHS
from transcribe.sv.numbers import parse_number
from transcribe.sv.text import capitalise, finish_sentence, stem, stopwords

_PASSIVE_END = re.compile(r"^[A-ZÅÄÖ][\w-]*\s+(?:[\w-]+\s+){0,9}?\w+(?:des|tes|ogs|ågs|ades|ölls|avs)\b[^.]*\.?$")
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
    text = _FILLER.sub("", _LABEL.sub("", spoken_decision(text.strip())))
    outcome = _OUTCOME_SAID.match(text) or _DISCHARGED.match(text)
    if outcome:
        what, rest = outcome.group(1), outcome.groups()[-1]
        done = _DONE_PAST[outcome.group(2).lower()] if outcome.re is _OUTCOME_SAID else "beviljades ansvarsfrihet"
        return finish_sentence(f"{what[0].upper()}{what[1:]} {done}{rest}")
    m = _DECIDED.match(text)
    if m:
        verb, rest = _PAST.get(m.group(1).lower(), m.group(1).lower()), text[m.end() :]
        rest = re.sub(r"^ att (?=enligt\b)", " ", rest)  # "beslutar att enligt förslaget" -> "beslutade enligt …"
        if verb == "beslutade" and rest.startswith(" att ") and _verbless(rest[5:]):
            rest = ":" + rest[4:]  # "beslutade att den sjuttonde september här": a matter, no clause
        return _coordinated(finish_sentence(f"{body} {verb}{rest}"))
    stated = STATED.match(text)
    if stated:  # "Då är dagordningen godkänd med de ändringarna." -> "Dagordningen godkändes med de ändringarna."
        what, done, rest = stated.groups()
        return finish_sentence(f"{what[0].upper()}{what[1:]} {done[:-1] if done.endswith('a') else done}es{rest}")
    if _PASSIVE_END.search(text):  # "Dagordningen godkändes." is already protokoll language
        return finish_sentence(text)
    clause = re.sub(r"^att (?=enligt\b)", "", _lowered(text, set(names)))  # "att enligt förslaget" -> "enligt …"
    said = clause if clause.startswith(("att ", "om ", "enligt ")) else _as_att(clause) or _infinitive_head(clause)
    if said and (repeated := _DECIDED_AGAIN.match(said)):  # "att besluta att höja …": the verb of deciding once
        said = said[repeated.end() :]
    said = said and _own_subject(said, body)
    if said and said.startswith("att ") and _verbless(said[4:]):  # "att fredagen den sjätte september, här"
        clause, said = said[4:], None
    return _coordinated(finish_sentence(f"{body} beslutade {said}" if said else f"{body} beslutade: {clause}"))


# The verb of deciding as the decision's own verb ("Beslutar styrelsen att …", "Vi bestämmer att …"): after the body's
# "beslutade" its complement follows as it stands
_DECIDED_AGAIN = re.compile(r"^att (?:besluta|bestämma) (?=(?:att|om|enligt)\b)")


_FILLER = re.compile(r"(?<=\s)alltså,?\s+|,\s*alltså\b|^alltså,?\s+", re.I)  # the talk's "alltså", never written
# what the deciding meeting itself is called in its own words, by the protokoll's body
_SELF = {"Stämman": {"stämman", "årsmötet", "årsstämman", "mötet"}, "Mötet": {"mötet"}}
_SUBJECT_VERB = re.compile(r"^att (?P<subj>[\wåäö]+) (?P<neg>inte )?(?P<verb>[a-zåäö]+)\b(?P<rest>.*)$")
_MODAL = {"ska", "skall", "kan", "får", "måste", "bör", "kommer", "behöver", "vill", "brukar"}
_HAS_DECIDED = re.compile(r"^att (?P<subj>[\wåäö]+) har (?P<how>(?:[\w,]+ ){0,8}?)beslutat (?=(?:att|om|enligt)\b)")


def _own_subject(said: str, body: str) -> str:
    """The att-clause with the deciding meeting itself as its subject in the infinitive, as a protokoll says it:
    "att stämman beviljar styrelsen ansvarsfrihet" -> "att bevilja styrelsen ansvarsfrihet", "att nämnden har med
    sju röster mot fyra beslutat att höja …" -> "med sju röster mot fyra att höja …"; another body as the subject
    ("att styrelsen söker bidrag") stays, and so does the group's own "vi" the rules keep as said."""
    own = {body.lower()} | _SELF.get(body, set())
    decided = _HAS_DECIDED.match(said)
    if decided and decided.group("subj").lower() in own:
        return f"{decided.group('how')}{said[decided.end() :]}"
    m = _SUBJECT_VERB.match(said)
    if m is None or m.group("subj").lower() not in own or not _present(m.group("verb")) or m.group("verb") in _MODAL:
        return said  # "att vi ska …", "att vi kommer att …": the modal's own clause
    return group_clause(m.group("verb"), m.group("rest").strip(), m.group("neg") or "")


# "att köpa nya pontoner och byter plankorna själva": a verb joined to the infinitive without its own subject
_JOINED = re.compile(r"(,? och) ([a-zåäö]+)\b(?! (?:jag|du|vi|ni|han|hon|hen|man|de|dom|det|den)\b)")
_HEAD = re.compile(r"\bbeslutade att (?:inte )?([a-zåäö]+)\b")


def _coordinated(sentence: str) -> str:
    """A decision worded "beslutade att <infinitive> …" with a present tense joined by "och" and no subject of its
    own: that verb in the infinitive too ("att byta lamporna och tar pengarna ur kassan" -> "… och ta pengarna …")."""
    head = _HEAD.search(sentence)
    if head is None or not infinitive(head.group(1)):
        return sentence
    end = sentence.find(". ", head.end())
    end = len(sentence) if end < 0 else end

    def infinitive_of(m: re.Match[str]) -> str:
        verb = m.group(2)
        known = verb in _FINITE or _finite(verb) or infinitive(to_infinitive(verb))  # "avslår": av + slå
        present = verb.endswith("r") and known and to_infinitive(verb) != verb and verb not in _MODAL
        return f"{m.group(1)} {to_infinitive(verb)}" if present and verb not in _NOT_VERBS else m.group(0)

    return sentence[: head.end()] + _JOINED.sub(infinitive_of, sentence[head.end() : end]) + sentence[end:]


def _verbless(clause: str) -> bool:
    """An att-clause with no verb at all ("fredagen den sjätte september klockan fem, här"): a matter, no clause; a
    head that may be an infinitive ("anteckna …") is taken for one."""
    low = [w.lower().strip(",.;:!?()") for w in clause.split()]
    if not low or low[0].endswith(("a", "å")) or low[0] in ("inte", "enligt", "om") or _as_att(clause) is not None:
        return False  # "ingen rökdyker …": a subject and a verb the word list does not know
    passive = [w for w in low if len(w) > 4 and w.endswith("s") and not w.endswith("ss")]  # "tillstyrks"
    return not passive and not any(w in _ANY_FINITE or _finite(w) or infinitive(w) for w in low if w)


def _infinitive_head(clause: str) -> str | None:
    """A decision worded as its verb in the infinitive, as a reviewer types it ("anta budgeten", "inte höja avgiften
    i år"): the att-clause it is; None when the head is no verb ("kaffe och bullar …", "nya stolar …")."""
    words = clause.split()
    low = [w.lower().strip(",.;:!?") for w in words]
    at = 1 if low[0] == "inte" else 0
    if len(low) < at + 2 or not clause[:1].islower() or not infinitive(low[at]) or _finite(low[at + 1]):
        return None  # "lista skickas ut": a subject and its verb
    return f"att {clause}"


def infinitive(word: str) -> bool:
    """A verb in the infinitive by its other forms: a function word whose present is one too ("ha": "har", "göra":
    "gör"); else one whose present, past, supine or passive is an everyday word ("anta": "antar", "bevilja":
    "beviljade"), or a particle and such a verb ("avslå", "tillsätta", "uppdra")."""
    if word in stopwords():
        return any(to_infinitive(p) == word != p for p in stopwords())
    if not word.isalpha() or len(word) < 2 or word in _MONTHS:
        return False
    if _verb_forms(word):
        return True
    return any(word[:i] in stopwords() and _verb_forms(word[i:]) for i in range(2, len(word) - 1))


def _verb_forms(word: str) -> bool:
    """Whether a word's finite forms are everyday words: its present ("antar", "köper", "ser"), past ("byggde",
    "noterade") or supine ("noterat"); not the passive, which a noun's genitive may be ("veckas")."""
    if not word.endswith("a"):  # "se", "ge", "dra" end in a too
        return len(word) <= 3 and known_word(word) and known_word(word + "r") and to_infinitive(word + "r") == word
    stem_ = word[:-1]
    forms = (word + "r", stem_ + "er", word + "de", stem_ + "de", stem_ + "te", word + "t")  # not "veckas"
    return known_word(word) and any(known_word(f) for f in forms)


_SUBJECTS = {"jag", "du", "vi", "ni", "han", "hon", "hen", "man", "de", "dom", "det", "den"}
# the words ending like a present tense that are none: prepositions, subjunctions and adverbs ("När vi kom …")
_NOT_VERBS = {"när", "där", "här", "hur", "efter", "under", "över", "inför", "utanför", "för", "eller", "mer", "fler",
              "ner", "ur", "per", "sedan", "innan", "tidigare", "senare"}  # fmt: skip
# An adverb in a main clause's first place that the talk's discourse words take with them ("Ja, då säger vi det.")
_FIRST_PLACE = re.compile(r"\b(i stället|istället|däremot|alltså|då|så|nu)[\s,]*$", re.I)
# "för" as a preposition, its object after it, not the conjunction the talk's discourse words take off
_PREPOSITION = re.compile(r"\bför $", re.I)
_OBJECT = re.compile(r"(?:att|oss|mig|dig|er|dem|honom|henne)\b", re.I)
_AUXILIARY = {"vill", "kom", "sa", "sade", "tog", "gick", "gav", "fanns", "finns", "hade", "skulle", "kunde", "borde"}
_ANY_FINITE = _FINITE | _AUXILIARY


def statement(text: str) -> str | None:
    """A sentence as a protokoll quotes it, without the talk's "ja", "okej", "och": a statement, its verb second.
    Where the words taken off held the clause's first place ("Då säger vi det." -> "Säger vi det.", a question's
    order), that adverb stays ("Då säger vi det."); a clause that opens with its verb after them or by itself ("Ja,
    kör vi på det", "Har vi fått in alla kvitton") is no statement: None."""
    said = re.sub(r"\s+", " ", text.strip())
    rest = strip_discourse(said)
    if _PREPOSITION.search(said[: len(said) - len(rest)]) and _OBJECT.match(rest):
        rest = said[len(said) - len(rest) - 4 :]  # "För att täcka underskottet …", "För oss betyder det …"
    if rest[:1].isupper() and rest != said or not _verb_first(rest) or _condition(rest):  # "Okej, Peter tar …"
        return finish_sentence(rest) if rest else None
    lead = _FIRST_PLACE.search(said[: len(said) - len(rest)])
    return finish_sentence(f"{capitalise(lead.group(1).lower())} {rest}") if lead else None


def _condition(text: str) -> bool:
    """A verb-first clause that is a condition, its main clause after the comma with the verb first too ("Är utsuget
    inte klart på fredag, anmäler hon det."): a statement."""
    head, comma, main = text.partition(", ")
    return bool(comma) and _verb_first(main)


def _verb_first(text: str) -> bool:
    """A clause that opens with its finite verb and then its subject ("Säger vi det", "Kostar renoveringen mer")."""
    words = text.split()
    low = [w.lower().strip(",.;:!?") for w in words[:2]]
    if len(low) < 2 or "," in words[0]:
        return False
    inf = to_infinitive(low[0])
    present = low[0].endswith("r") and inf != low[0] and known_word(low[0]) and infinitive(inf)
    verb = low[0] in _ANY_FINITE or low[0] not in _NOT_VERBS and (_finite(low[0]) or present)  # not "Ge kassören …"
    subject = low[1] in _SUBJECTS or words[1][:1].isupper() or bool(_DEFINITE.match(low[1]))
    return verb and subject


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
    if len(low) >= v + 3 and words[v].islower() and _verb_first(" ".join(words[v:])):  # "då är avgifterna …"
        at = _subject_end(words[v + 1 :], low[v + 1 :])
        if at is not None and at < len(low) - v - 1 and not words[v + at].endswith(","):
            return f"att {' '.join(words[v + 1 : v + 1 + at])} {words[v]} {' '.join(words[v + 1 + at :])}"
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
    before ("Det är utskickat lades till handlingarna."), a filler word ("Vänta lades till handlingarna.") or a
    pronoun ("Inget lades till handlingarna.") becomes "<Title> lades till handlingarna."; a definite noun, a genitive
    or a word of the title stays."""
    m = _FILED_PASSIVE.match(text)
    if m is None or not title.strip():
        return text
    words = [w.lower() for w in _WORD.findall(m.group("what"))]
    titled = {stem(w.lower()) for w in _WORD.findall(title)}
    clause = words[0] in _PRONOUNS or any(w in _FINITE for w in words)
    nouns = [w for w in words if w not in stopwords()]  # "Inget.": the answer to "Något mer?", no paper
    noun = any(_DEFINITE.match(w) or stem(w) in titled for w in nouns) or any(
        w.endswith("s") and len(w) > 3 for w in nouns[:-1]
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
