"""The chair's closing formulas read by their word order, whatever the cue pattern (see cuerepair.py).

A statement with its verb first and the meeting as subject ("Bra, gör vi så.", "Väljer årsmötet Anna ...")
lost its fronted "då"; "Då <men> styrelsen <lost> boka bussen" has "då", a deciding body and a bare
infinitive, so only the verb (and "att") can be missing; "<Det> beslutar vi <på> fastställa ..." lost "då" and
"att"; "Då <på> vi <och> starta ..." has the verb and "att" both heard wrong in a frame that leaves no other
reading; after "Då har vi" only a participle takes "att"; an unsure "ni" where the group's "vi" stands ("<Ni>
stryker inte ...") is "vi", its commonest mishearing. Each frame gives the sentence as meant and the repair made,
so the item built on it is flagged "Kontrollera mot ljudet".
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.fuzzy import NEGATIONS, Repair, known_word
from transcribe.minutes.rules.damagedclosing import damaged_closing
from transcribe.minutes.rules.framewords import AUXILIARIES as _AUXILIARIES
from transcribe.minutes.rules.framewords import CONDITIONAL as _CONDITIONAL
from transcribe.minutes.rules.framewords import NO_FRONT as _NO_FRONT
from transcribe.minutes.rules.framewords import PERSONS as _PERSONS
from transcribe.minutes.rules.framewords import TOKEN
from transcribe.minutes.rules.framewords import cap as _cap
from transcribe.minutes.rules.framewords import lead as _lead
from transcribe.sv.text import content_words

_HEAD_OK = frozenset("då så nu och härmed därmed ja okej bra oss".split())
_INF = re.compile(r"^[a-zåäö]+a$")


def _frame(text: str, unsure: set[str]) -> tuple[str, list[Repair]] | None:
    """'Då beslutar <?> <?> att avslå ansökan': the decision verb, "att" and an infinitive in that order at the
    head of the sentence, every word around them either a deciding body, a connective or one the recogniser
    was unsure of. Two damaged words in a frame this specific still leave a decision; it is read as
    "Då beslutar <body> att ..." and flagged."""
    toks = list(TOKEN.finditer(text))
    lows = [t.group(0).lower() for t in toks]
    verb = next((i for i, w in enumerate(lows[:4]) if w in ("beslutar", "bestämmer")), None)
    if verb is None:
        return None
    att = next((i for i in range(verb + 1, min(verb + 4, len(lows))) if lows[i] == "att"), None)
    if att is None or att + 2 >= len(lows) or not _INF.match(lows[att + 1]) or lows[att + 1] in cues.NOT_INFINITIVES:
        return None
    around = lows[:verb] + lows[verb + 1 : att]
    if any(w in NEGATIONS or w in _CONDITIONAL or w in _PERSONS for w in around):
        return None  # "Om nämnden beslutar att ...": a condition, however unsure the "om"; "<Han> beslutar": a person
    # "Då beslutar <ser> att ...": the one word between the chair's verb and "att" can only be the body
    lone = att == verb + 2 and lows[verb + 1] not in _PERSONS and all(w in _HEAD_OK for w in lows[:verb])
    if not lone and any(not (w in _HEAD_OK or cues.is_body(w) or w in unsure) for w in around):
        return None
    body = next((w for w in around if cues.is_body(w) and w != "oss"), "vi")
    heard = " ".join(t.group(0) for t in toks[: att + 1])
    meant = f"då beslutar {body} att"
    if heard.lower() == meant:
        return None
    return f"Då beslutar {body} att {text[toks[att + 1].start() :]}", [Repair(heard, meant, "decision")]


# Finite verbs that never stand alone before another finite verb (no noun, no question word like "var" or "får")
_MODALS = frozenset("ska skulle kan kunde vill måste bör borde brukar hade tänker försöker tycker anser".split())


def _stand_in(word: str, unsure: set[str]) -> bool:
    """Could this word be a cue word heard wrong? Unsure, or a short function word (the commonest slips), and
    never a negation, a condition, a person or an auxiliary that makes sense where it stands."""
    if word in NEGATIONS or word in _CONDITIONAL or word in _AUXILIARIES or word in _PERSONS or cues.is_body(word):
        return False
    if word.endswith("r") or infinitive(word):
        return False  # "Då <hinner> vi testa ...", "Då <se> vi ...": a verb of its own, heard as said
    return word in unsure or (len(word) <= 3 and word not in ("som", "och"))


# Short verbs whose present tense is the infinitive with "r": "ta" -> "tar".
_SHORT_PRESENT = frozenset("ta ge gå få se ha dra be bo slå stå".split())


def present_tense(inf: str) -> str | None:
    """The present tense of an infinitive, as everyday Swedish spells it: 'ta' -> 'tar', 'boka' -> 'bokar',
    'köpa' -> 'köper'; None when neither form, or both, are known words."""
    if inf in _SHORT_PRESENT:
        return inf + "r"
    if not inf.endswith("a"):
        return None
    forms = [f for f in (inf + "r", inf[:-1] + "er") if known_word(f)]
    return forms[0] if len(forms) == 1 else None


def after_lead(text: str, lead: frozenset[str]) -> tuple[list[re.Match[str]], list[str], int]:
    """A sentence's tokens, their lower-case forms and where its words start after the lead words ("Ja, okej,
    då ..."): the damaged-turn repairs read the chair's frame from there."""
    toks = list(TOKEN.finditer(text))
    lows = [t.group(0).lower() for t in toks]
    return toks, lows, next((n for n, w in enumerate(lows) if w not in lead), len(lows))


def infinitive(word: str) -> bool:
    """An infinitive ("boka", "ta", "avslå"), not an adverb or adjective ending in -a ("tillbaka", "nästa")."""
    if word in _SHORT_INF:
        return True
    return bool(_INF.match(word)) and len(word) >= 3 and word not in cues.NOT_INFINITIVES and word not in _NOT_INF


def _lost_verb(text: str, unsure: set[str]) -> tuple[str, list[Repair]] | None:
    """'Då <men> styrelsen att boka bussen ...', 'Då styrelsen <men> erbjuda ...': the chair's "Då beslutar
    <body> att <infinitive>" with the verb lost or heard as another word, "att" heard or heard wrong. With both
    the verb and "att" gone, or with "vi" for the body ("Så vi <?> täcka upp ..."), the lost word may as well have
    been "måste" or "får", and a verb heard in its place ("Då hinner vi testa ...", "Då ska styrelsen ta
    ställning") is what was said: all are left alone."""
    toks, lows, k = _lead(text)
    if k + 3 >= len(lows) or lows[k] not in ("då", "så"):
        return None
    i = k + 1
    if not cues.is_body(lows[i]):
        if lows[i] not in ("beslutar", "bestämmer") and not _stand_in(lows[i], unsure):
            return None
        i += 1  # the verb heard as another word
    if i + 2 >= len(lows) or not cues.is_body(lows[i]) or lows[i] in ("oss", "vi"):
        return None  # "Så vi <får→det> täcka upp själva": after "vi" the lost word is as often a modal
    body, j = lows[i], i + 1
    misheard_att = lows[j] in _NEEDS_PARTICIPLE and j + 1 < len(lows) and infinitive(lows[j + 1])
    if lows[j] != "att" and not _stand_in(lows[j], unsure) and not misheard_att:
        return None  # "Då styrelsen <har> erbjuda ...": "har" takes a participle, never an infinitive
    j += 1  # "att" heard, or heard as another word
    if j + 1 >= len(lows) or not infinitive(lows[j]):
        return None
    if lows[k + 1] in ("beslutar", "bestämmer") and lows[j - 1] == "att":
        return None  # nothing lost
    heard = text[toks[k].start() : toks[j].start()].strip()
    lead = text[: toks[k].start()]
    return f"{lead}{_cap('då', lead)} beslutar {body} att {text[toks[j].start() :]}", [
        Repair(heard, f"då beslutar {body} att", "decision")
    ]


_NEEDS_PARTICIPLE = frozenset("har hade är var".split())
_DECIDING = frozenset(("beslutar", "bestämmer"))


def _verb_first(text: str, unsure: set[str]) -> tuple[str, list[Repair]] | None:
    """'<Då> beslutar nämnden <men> avslå ansökan ...', '<Det> beslutar vi <på> fastställa budgeten ...': the
    chair's "Då beslutar <body> att <infinitive>" with "då" lost or misheard and "att" heard as another word. The
    deciding verb heard before the body leaves no other reading; a question ("Beslutar styrelsen att ...?"), a
    negation or a condition stays as heard."""
    if text.rstrip().endswith("?"):
        return None
    toks, lows, start = _lead(text)
    k = start
    if k < len(lows) and lows[k] not in _DECIDING and lows[k] in unsure and lows[k] not in _CONDITIONAL | _PERSONS:
        k += 1  # "då" heard as an unsure word
    if k + 4 >= len(lows) or lows[k] not in _DECIDING:
        return None
    body, att = lows[k + 1], lows[k + 2]
    if body != "vi" and (not cues.is_body(body) or body == "oss"):
        return None
    if att == "att" or not _stand_in(att, unsure) or not infinitive(lows[k + 3]):
        return None
    if _CONDITIONAL & set(lows[: k + 3]) or NEGATIONS & set(lows[: k + 6]):
        return None
    lead, heard = text[: toks[start].start()], text[toks[start].start() : toks[k + 3].start()].strip()
    return f"{lead}{_cap('då', lead)} beslutar {body} att {text[toks[k + 3].start() :]}", [
        Repair(heard, f"då beslutar {body} att", "decision")
    ]


def _we_frame(text: str, unsure: set[str]) -> tuple[str, list[Repair]] | None:
    """'Då <på> vi <och> starta en närvarogrupp ...': the chair's "Då beslutar vi att <infinitive>" with "att" heard
    as "och" (said alike, "å") or as a word the recogniser was unsure of, and the verb heard as said or as an unsure
    word. With "att" heard the decision rules read the unsure verb themselves; a verb heard surely ("Då går vi och
    handlar") or a negation or condition near it leaves the sentence as heard."""
    toks, lows, k = _lead(text)
    if k + 5 >= len(lows) or lows[k] not in ("då", "så") or lows[k + 2] != "vi":
        return None
    verb, att, inf = lows[k + 1], lows[k + 3], lows[k + 4]
    if verb not in ("beslutar", "bestämmer") and not (verb in unsure and _stand_in(verb, unsure)):
        return None
    if att == "att" or not (att in ("och", "å") or (att in unsure and _stand_in(att, unsure))):
        return None
    if not infinitive(inf) or (NEGATIONS | _CONDITIONAL) & set(lows[k : k + 8]):
        return None
    heard = text[toks[k].start() : toks[k + 4].start()].strip()
    lead = text[: toks[k].start()]
    return f"{lead}{_cap('då', lead)} beslutar vi att {text[toks[k + 4].start() :]}", [
        Repair(heard, "då beslutar vi att", "decision")
    ]


# Words after "Då har vi" that take "att" themselves ("Då har vi svårt att hinna"): never a lost participle.
_TAKES_ATT = frozenset("lätt svårt råd tid rätt fel skäl anledning möjlighet chans bråttom kvar inte ju nu också "
                       "alltså redan bara".split())  # fmt: skip


def _lost_participle(text: str, unsure: set[str]) -> tuple[str, list[Repair]] | None:
    """'Då har vi att sommaröppet blir ...', 'Då har vi <du> att båtar ...': after the chair's "Då har vi" (or a
    deciding body) only a participle takes "att" and a clause; a lost one, or an unsure word in its place, was
    "beslutat". A participle heard ("Då har vi sagt att ..."), a negation or a word that takes "att" itself
    ("Då har vi svårt att ...") leaves the sentence as heard."""
    toks, lows, k = _lead(text)
    if k + 5 >= len(lows) or lows[k] not in ("då", "så") or lows[k + 1] != "har":
        return None
    body = lows[k + 2]
    if body != "vi" and (not cues.is_body(body) or body == "oss"):
        return None
    j = k + 3
    if lows[j] != "att":
        w = lows[j]
        if w not in unsure or w in NEGATIONS or w in _CONDITIONAL or w in _TAKES_ATT or infinitive(w):
            return None
        if len(w) >= 4 and w.endswith("t") and known_word(w):
            return None  # a participle of its own, heard as said
        j += 1
    if lows[j] != "att" or j + 2 >= len(lows):
        return None
    heard = text[toks[k].start() : toks[j].end()]
    lead = text[: toks[k].start()]
    return f"{lead}{_cap('då', lead)} har {body} beslutat att {text[toks[j + 1].start() :]}", [
        Repair(heard, f"då har {body} beslutat att", "decision")
    ]


_V1_VERB = re.compile(r"^[a-zåäö]+(?:ar|er|ör|år|ir|yr)$")
# Verb-first statements with these are no closing formula: a perception, a state or a motion ("Ser vi det så").
_NOT_V1 = frozenset("ser hör vet tror går kommer heter finns står ligger sitter gäller".split())
_SHORT_INF = frozenset("ge ta gå få se ha dra be bo slå stå avslå bestå".split())
_NOT_INF = frozenset("tillbaka sakta nästa sista andra varandra".split())  # adverbs and adjectives ending in -a
# Words that open a statement with a meaning of their own ("Sen väljer vi ...", "Här kör vi ...").
_FRONTED = frozenset(
    "då så nu sen sedan först här där därmed härmed den detta dem de jag du vi ni man hon han hen om när hur var "
    "vad vem varför vilken vilket också ändå alltså kanske".split()
)


def _lost_da(text: str, unsure: set[str]) -> tuple[str, list[Repair]] | None:
    """'Bra, gör vi så.', '<Det> väljer stämman Leif.', '<I> är dagordningen fastställd.': a statement with its
    verb before the meeting as subject (or before what it approves) has lost its fronted "då", or the recogniser
    was unsure of the word in its place. "Då" is put back.

    A verb-first statement with a consequence after it is a condition ("Skjuter vi upp målningen så går det
    ihop"), and one with a negation is read as heard; a question keeps its verb first.
    """
    if text.rstrip().endswith("?"):
        return None
    toks, lows, k = _lead(text)
    if lows[k:] == ["gör", "vi"]:
        # "<-Så> gör vi.": the chair's short closing with nothing put first; a verb and "vi" alone are no statement
        lead = text[: toks[k].start()]
        return f"{lead}{_cap('så', lead)} gör vi{text[toks[-1].end() :]}", [Repair("", "så", "decision")]
    if k + 2 > len(lows):
        return None
    replaced = lows[k] in unsure and lows[k] not in _FRONTED and lows[k] not in NEGATIONS and k + 2 < len(lows)
    # "<Bron> packar vi i lådan": an everyday word of some length before the verb and "vi" is the object put
    # first, as Swedish may (the sentence is whole as heard), not a lost "då"
    replaced = replaced and not (len(lows[k]) >= 4 and known_word(lows[k]) and lows[k + 2 : k + 3] == ["vi"])
    # "<I> tar vi erbjudandet", "<Om> byter vi koden": a word that never stands alone before the verb and "vi"
    replaced = replaced or (lows[k] in _NO_FRONT and k + 2 < len(lows) and _finite(lows[k + 1]) and lows[k + 2] == "vi")
    # "<Vill> säger vi ja till skolan": two finite verbs in a row before "vi" cannot both stand; the first is the
    # lost front word when it was heard unsure, or however surely when it is a modal that is no noun or question word
    two = k + 2 < len(lows) and _finite(lows[k + 1]) and lows[k + 2] == "vi"
    first = lows[k] in _MODALS or (lows[k] in unsure and (lows[k] in _AUXILIARIES or _finite(lows[k])))
    replaced = replaced or (two and first)
    verb = k + 1 if replaced and _finite(lows[k + 1]) else k
    if not _finite(lows[verb]) or lows[verb] in _NOT_V1 or verb + 1 >= len(lows):
        return None
    at, end, heard = (toks[k].start(), toks[k].end(), toks[k].group(0)) if verb > k else (toks[k].start(),) * 2 + ("",)
    lead, tail = text[:at], text[end:]
    ni = verb > k and lows[verb + 1] == "ni" and "ni" in unsure  # "<Peter> tar <ni> ...": "då" and "vi" both unsure
    if ni:
        lows[verb + 1], tail = "vi", text[end : toks[verb + 1].start()] + "vi" + text[toks[verb + 1].end() :]
    if not heard and not lead.strip():
        tail = tail[:1].lower() + tail[1:]  # "Väljer årsmötet ..." -> "Då väljer årsmötet ..."
    fixed = lead + _cap("då", lead) + (" " if not heard else "") + tail
    if lows[verb] in ("är", "blir"):
        approval = cues.APPROVAL.search(fixed.lower())
        return (fixed, [Repair(heard, "då", "decision")]) if approval and approval.start() <= len(lead) + 1 else None
    if lows[verb] in _AUXILIARIES or not cues.is_body(lows[verb + 1]) or lows[verb + 1] == "oss":
        return None
    if heard.lower() == "det" and lows[verb + 1] == "vi":
        return None  # "Ja, det gör vi.": the thing agreed to, fronted, heard as said
    rest = " ".join(lows[verb + 2 :])
    if rest and _ONLY_WHEN.match(rest):
        return None  # "<Det> ändrar vi <inte> i kväll": nothing after "vi" but the time, the lost word was the object
    # "<I> tar vi inte in några nya medlemmar ...": a word that fronts nothing alone, and the object said after the
    # negation, leave no fronted object the "inte" could refuse ("<Det> gör vi inte.")
    refused = cues.NEG.search(rest) and not (heard.lower() in _NO_FRONT and len(content_words(rest)) >= 3)
    if refused or re.search(r"\bså\s+[a-zåäö]+r\b", rest) or _CONDITIONAL & set(lows[verb + 2 :]):
        return None
    return fixed, [Repair(heard, "då", "decision"), *([Repair("ni", "vi", "subject")] if ni else [])]


def lost_front_negated(text: str, unsure: set[str]) -> tuple[str, list[Repair]] | None:
    """'<I> tar vi inte in några nya medlemmar ...': the one negated statement `_lost_da` reads, for the cue repair
    that otherwise reads a sentence with a negation near its head as heard. The negation stays as said."""
    found = _lost_da(text, unsure)
    return found if found is not None and found[1][0].heard.lower() in _NO_FRONT else None


_ONLY_WHEN = re.compile(r"^(?:(?:i\s+)?(?:kväll|dag|år|morgon|helgen)|nu|då|heller|också|ju|redan|igen|\s)*$")


def _finite(word: str) -> bool:
    return bool(_V1_VERB.match(word)) or word == "är"


_VERB_BODY_INF = re.compile(
    rf"^(?P<head>(?:[\w-]+,?\s+)?(?:beslutar|bestämmer)\s+(?:{cues.BODY_NOUN}|vi))\s+(?P<inf>[a-zåäö]+a)\s+\S"
)


def lost_att(text: str) -> tuple[str, list[Repair]] | None:
    """'<Våkan> beslutar styrelsen beställa laddstolpar': "att" lost between the body and its infinitive.

    The first word may be misheard too ("Då"); a deciding verb, a body and a bare infinitive in that order
    leave no other reading. Conditions ("Om styrelsen beslutar ...") have the body first and never match.
    """
    m = _VERB_BODY_INF.match(text.lower())
    if m is None or m.group("inf") in cues.NOT_INFINITIVES or m.group("head").split()[0] in _CONDITIONAL:
        return None
    at = m.start("inf")
    return text[:at] + "att " + text[at:], [Repair("", "att", "decision")]


def frame_repair(text: str, unsure: set[str]) -> tuple[str, list[Repair]] | None:
    """The sentence as meant when one of the frames reads it, and the repair made; None otherwise."""
    return (
        damaged_closing(text, unsure)
        or _frame(text, unsure)
        or _lost_verb(text, unsure)
        or _verb_first(text, unsure)
        or _we_frame(text, unsure)
        or _lost_participle(text, unsure)
        or _lost_da(text, unsure)
    )


# "vi" heard with a letter added ("Då bygger <via> inget garage"): no subject after the chair's "då <verb>" otherwise
_SPELLED_VI = frozenset({"vie", "via", "vii"})


def heard_ni(text: str, unsure: set[str]) -> tuple[str, list[Repair]] | None:
    """'<Ni> köper inte fler stolar.', 'Då stryker <ni> den andra omgången.': "vi" is most often misheard as "ni",
    and the meetings seldom open a statement with "ni" and a present tense; an unsure "ni" where the group's "vi"
    stands (first, or after the chair's "då/så <verb>") is read as "vi". "Då tar <via> det viktigaste först" has
    no subject as heard: "vi" spelled with a letter more is read as "vi" there however surely it was heard; "Då
    byter." has none at all, and "vi" lost at its end is put back."""
    toks, lows, k = _lead(text)
    if len(lows) == k + 2 and lows[k] in ("då", "så") and _finite(lows[k + 1]) and not text.rstrip().endswith("?"):
        if lows[k + 1] in _AUXILIARIES or lows[k + 1] in _NOT_V1:
            return None
        # "Då byter <-vi>.": the chair's verb after "då" with nothing after it has lost its subject, the group's
        end = toks[-1].end()
        return f"{text[:end]} vi{text[end:]}", [Repair("", "vi", "subject")]
    at = None
    if k + 2 < len(lows) and lows[k] in ("då", "så") and _finite(lows[k + 1]) and lows[k + 2] in _SPELLED_VI:
        at = k + 2
    elif "ni" not in unsure:
        return None
    elif k + 1 < len(lows) and lows[k] == "ni" and _finite(lows[k + 1]) and lows[k + 1] not in _AUXILIARIES:
        at = k
    elif k + 2 < len(lows) and lows[k] in ("då", "så") and _finite(lows[k + 1]) and lows[k + 2] == "ni":
        at = k + 2
    if at is None or lows[at + (1 if at == k else -1)] in _AUXILIARIES:
        return None
    t = toks[at]
    return text[: t.start()] + _cap("vi", text[: t.start()]) + text[t.end() :], [Repair(t.group(0), "vi", "subject")]
