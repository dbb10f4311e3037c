"""Swedish cue phrases for decisions, commitments, refusals and hedges.

Kept apart from the logic so the phrase lists can be reviewed (and extended) by
someone who speaks Swedish without reading the extraction code. All patterns
run on lower-cased text.
"""

from __future__ import annotations

import re

# The building blocks shared with tolerantcues.py: deciding bodies, adverbs, the deciding preposition, change verbs.
from transcribe.minutes.cuewords import ADV, BODY, BODY_NOUN, CHANGE_VERBS, PREP  # noqa: F401

# The next meeting's cues live in meetingcues.py; named here too, for the rules that read them as cues.X.
from transcribe.minutes.meetingcues import (  # noqa: F401
    DATE_CONFIRM,
    DATE_REJECT,
    DEADLINE_PREP,
    MEETING_NOUN,
    NEXT_MEETING,
    NEXT_MEETING_ACRONYM,
    NEXT_MEETING_DEADLINE,
    SCHEDULING,
)

# The tolerant forms live in tolerantcues.py; named here too, for the rules that read them as cues.X.
from transcribe.minutes.tolerantcues import (  # noqa: F401
    APPROVAL_TOLERANT,
    COMMIT_FRONTED_SLOT,
    CONFIRMATION_SLOT,
    CONFIRMATION_STRUCTURAL,
    CONFIRMATION_TOLERANT,
    DECISION_SLOT_VERB,
    DECISION_TOLERANT,
    DECLARATIVE_TOLERANT,
    NEGATIVE_DECISION_TOLERANT,
    NEXT_MEETING_SLOT,
    NOT_CONFIRMING,
    NOT_CONFIRMING_FRONT,
    NOT_INFINITIVES,
    SAYING_VERBS,
    is_body,
)


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts))


NEG = re.compile(r"\b(?:inte|ej|icke|aldrig|inget|inga|ingen|ingenting|knappast)\b")
# "Nej, Viktor.": a no said to one member, alone as a sentence; what follows in the turn turns their proposal down.
NO_TO_ONE = re.compile(r"^(?i:(?:men|så)\s+)?(?i:nej)\s*,\s+[A-ZÅÄÖ][a-zåäö-]+\s*[.!]$")
# A matter taken up later, not now: "Då tar vi söndagarna nästa gång.", "Det tar vi efteråt, Stina."
PUT_OFF_LATER = re.compile(
    r"\b(?:nästa\s+(?:gång|möte)|på\s+nästa\s+möte|efteråt|längre\s+fram|en\s+annan\s+gång)\b"
    r"|\btar\s+(?:vi\s+)?(?:det|den|dem)\s+(?:sen|senare)\b|\b(?:det|den|dem)\s+tar\s+vi\s+(?:sen|senare)\b"
)

# Bodies that are the meeting itself when they decide; compounds ("hembygdsföreningen") may be other bodies.
PLAIN_BODIES = frozenset(
    "styrelsen mötet gruppen nätverket arbetsgruppen ledningen ledningsgruppen nämnden årsmötet föreningen "
    "rådet stämman årsstämman".split()
)
_DECIDE = r"(?:beslutar|beslutat|beslutade|bestämmer|bestämt|bestämde)"
# Agreed on a judgement, not on a plan: "överens om att det vore bra med en barnkör", "... att testerna ser bra ut",
# "... att vi ska prata mer, ha ha"
_OPINION = (
    r"(?!\s*(?:att\s+)?(?:det\s+)?(?:vore|skulle\s+vara)\b)(?![^.!?]*\b(?:ser\s+(?:bra|bättre|fint|ut)|ha\s+ha)\b)"
)
_COLON_DECIDED = r"(?:beslutat|bestämt)\s*:\s*(?P<prep>)(?P<rest>.+)"

# Decision with its content after the cue: group "rest" is the content.
DECISION_WITH_CONTENT: list[tuple[str, re.Pattern[str]]] = [
    (
        "beslutade",
        re.compile(rf"\b{BODY}{ADV}\s+(?:har{ADV}\s+)?{_DECIDE}(?:\s+oss)?{ADV}\s+{PREP}\s+(?P<rest>.+)"),
    ),
    (
        "beslutade",
        re.compile(
            rf"\b(?:då|så|därmed|härmed|nu)\s+(?:har\s+)?(?:beslutar|bestämmer|beslutade|bestämde)\s+{BODY}(?:\s+oss)?"
            rf"{ADV}\s+{PREP}\s+(?P<rest>.+)"
        ),
    ),
    (
        "beslutade",
        re.compile(
            rf"\b(?:då\s+|så\s+)?(?:är|blir)\s+det{ADV}\s+(?:beslutat|bestämt|klubbat)\s+(?P<prep>att)\s+(?P<rest>.+)"
        ),
    ),
    ("beslutade", re.compile(r"\bdet\s+beslutades\s+(?P<prep>att)\s+(?P<rest>.+)")),
    # "Då har gruppen beslutat: vi lägger en egen budget ..."
    ("beslutade", re.compile(rf"\b{BODY}{ADV}\s+har{ADV}\s+{_COLON_DECIDED}")),
    ("beslutade", re.compile(rf"\b(?:då|så)\s+har\s+{BODY}{ADV}\s+{_COLON_DECIDED}")),
    ("beslutade", re.compile(r"(?:^|\s)beslut\s*:\s*(?P<prep>)(?P<rest>.+)")),
    # "Alltså: beslut, klubben kräver ...": the word "beslut" announcing what follows
    ("beslutade", re.compile(r"^(?:[\w]+\s*[:,]?\s+)?beslut\s*,\s*(?P<prep>)(?P<rest>.+)")),
    (
        "enades",
        re.compile(
            rf"\b{BODY}\s+(?:är|var|blev|har\s+blivit|kom|har\s+kommit){ADV}\s+överens{ADV}\s+om\s+(?P<prep>att)?"
            rf"\s*{_OPINION}(?P<rest>.+)"
        ),
    ),
    (
        "enades",
        re.compile(rf"\b{BODY}{ADV}\s+(?:enas|enades|har\s+enats){ADV}\s+om\s+(?P<prep>att)?\s*(?P<rest>.+)"),
    ),
    (  # "Så, ja, då är vi överens om att vi köper den begagnade pressen"
        "enades",
        re.compile(
            rf"\b(?:då|så|nu)\s+är\s+{BODY}{ADV}\s+(?:överens|enade|eniga){ADV}\s+om\s+(?P<prep>att)\s+{_OPINION}"
            r"(?P<rest>.+)"
        ),
    ),
]

# A bare confirmation: the content is the proposal before it (or a summary after it).
# "Då är vi (alla) överens", "Då är vi inte eniga": the caller closing a call for agreement, either way
_AGREED = r"\b(?:då|så)\s+är\s+vi\s+(?:alltså\s+|alla\s+)*{neg}(?:överens|enade|eniga)\b"
AGREED_OR_NOT = re.compile(_AGREED.format(neg=r"(?:inte\s+)?"))
CONFIRMATION = _rx(
    r"\b(?:då|så)\s+kör\s+vi\s+(?:på\s+)?(?:det|så|på\s+det)\b",
    r"\bvi\s+kör\s+på\s+det\b",
    rf"\b(?:då|så)\s+(?:är|blir)\s+det{ADV}\s+(?:beslutat|bestämt|klubbat)\b(?!\s+att)",
    r"\bdet\s+är\s+(?:alltså\s+)?(?:beslutat|klubbat)\b(?!\s+att)",
    r"^(?:(?:ja|bra|tack)\b[\s,.]*)*det\s+är\s+(?:alltså\s+)?(?:fastställt|godkänt)\s*[.!]?$",
    r"\b(?:då|så)\s+(?:gör|säger)\s+vi\s+(?:så|det)\b",
    r"\b(?:då|så)\s+(?:har\s+)?(?:bestämmer|beslutar|bestämt|beslutat)\s+vi\s+(?:det|så)\b",
    r"\b(?:då|så)\s+har\s+vi\s+(?:bestämt|beslutat|kommit\s+överens\s+om)\s+(?:det|så)\b",
    r"\bvi\s+(?:bestämmer|beslutar)\s+(?:det|så)\b",
    r"\b(?:då|så)\s+klubbar\s+vi\s+(?:det|detta)\b",
    r"\bklubbat\b",
    _AGREED.format(neg="") + r"(?:\s+om\s+(?:det|detta)\b|(?!\s+om))",
    r"\bvi\s+är\s+(?:alltså\s+|alla\s+)*överens\b(?!\s+om)",
    r"\bdå\s+blir\s+det\s+så\b",
    r"\bförslaget\s+(?:går|gick)\s+igenom\b",  # a vote carried
    # a bare "Då har vi bestämt." whose content the chair's next sentence gives
    rf"^(?:(?:ja|bra|okej)\b[\s,.]*)*(?:då|så)\s+har\s+(?:vi|{BODY_NOUN}){ADV}\s+(?:bestämt|beslutat)\s*[.!]?$",
    # "styrelsen beslutar enligt Hibas förslag": a counted vote settled, the content said next
    rf"\b(?:vi|{BODY_NOUN})\s+(?:beslutar|har\s+beslutat)\s+(?:enligt|i\s+enlighet\s+med)\s+[\w-]+\s+förslag\s*[.!]?$",
)
# Weak confirmations only count right after a real proposal from someone else.
WEAK_CONFIRMATION = _rx(
    r"^(?:\w+,?\s+){0,2}(?:det|så)\s+gör\s+vi\b",
    r"^(?:\w+,?\s+){0,2}det\s+blir\s+så\s*[.!]?$",
    r"^(?:\w+,?\s+){0,2}vi\s+gör\s+så\b",
    r"^(?:(?:ja|bra|okej)\b[\s,.]*)*då\s+är\s+det\s+så\s*[.!]?$",
)

# A call for a decision; agreement from others afterwards makes it one.
CALL_FOR_DECISION = _rx(
    r"\bär\s+(?:vi|alla)\s+(?:alla\s+)?(?:överens|med\s+på)\b",
    r"\b(?:kan|ska)\s+vi\s+(?:besluta|bestämma|klubba|godkänna)\b",
    r"\b(?:ska|kan)\s+vi\s+säga\s+(?:så|det)\b",
    r"\bsäger\s+vi\s+(?:så|det)\s*\?",
    r"\bkör\s+vi\s+på\s+det\b",
    r"\bhar\s+alla\s+hört\b",
    r"\bnågon\s+(?:som\s+är\s+)?emot\b",
)

# "Då är dagordningen godkänd": an approval stated as a fact.
APPROVAL = re.compile(
    r"\b(?:då|därmed|så|härmed)\s+(?:är|blir)\s+(?P<np>(?!det\b|vi\b|jag\b|den\b)(?!(?:\w+\s+){0,4}?(?:det|dit|ded|deet)\s)"
    r"(?:\w+\s+){0,4}?\w+)\s+"
    r"(?:därmed\s+|alltså\s+|härmed\s+|också\s+)?(?P<part>godkänd|godkänt|godkända|antagen|antaget|antagna|fastställd|"
    r"fastställt|fastställda|beslutad|beslutat|klubbad|klubbat|klubbade|vald|valt|valda|omvald|omvalt|omvalda)\b"
)
APPROVAL_PAST = {
    "godkänd": "godkändes",
    "godkänt": "godkändes",
    "godkända": "godkändes",
    "antagen": "antogs",
    "antaget": "antogs",
    "antagna": "antogs",
    "fastställd": "fastställdes",
    "fastställt": "fastställdes",
    "fastställda": "fastställdes",
    "beslutad": "beslutades",
    "beslutat": "beslutades",
    "klubbad": "klubbades",
    "klubbat": "klubbades",
    "klubbade": "klubbades",
    "vald": "valdes",
    "valt": "valdes",
    "valda": "valdes",
    **dict.fromkeys(("omvald", "omvalt", "omvalda"), "omvaldes"),
}

# The meeting itself turns a proposal down: a (negative) decision as well as a rejected proposal.
NEGATIVE_DECISION = re.compile(
    r"\b(?:(?:då|så)\s+säger\s+vi\s+nej|vi\s+säger\s+nej|(?:då|så)\s+avslår\s+vi|vi\s+avslår)"
    r"(?:\s+till)?(?:\s+(?P<x>[^,.;!?]+))?"
)

# Group plans stated as facts ("I stället flyttar vi driftstarten", "Vi stryker inte testomgången"): CHANGE_VERBS.
DECLARATIVE_INVERTED = re.compile(
    rf"^(?:och\s+|men\s+|så\s+)?(?:då|så|i\s+stället|istället|därför|sedan|sen|från\s+och\s+med\s+\w+|från\s+\w+)"
    rf"\s+(?P<v>{CHANGE_VERBS})\s+vi\s+(?P<neg>inte\s+)?(?P<rest>.+)"
)
DECLARATIVE_DIRECT = re.compile(rf"^(?:och\s+|men\s+|så\s+)?vi\s+(?P<v>{CHANGE_VERBS})\s+(?P<neg>inte\s+)?(?P<rest>.+)")
# "Från och med december gör vi så att Johan sköter schemat": an arrangement stated as fact.
ARRANGEMENT = re.compile(r"^(?:[\w-]+,?\s+){0,4}?(?:gör\s+vi|vi\s+gör)\s+(?:det\s+)?så\s+att\s+(?P<rest>.+)")
# The order of the meeting itself ("Då avslutar vi för i dag", "tar vi en paus"): procedure, not a decision.
AGENDA_TALK = re.compile(
    r"\b(?:punkt|punkten|(?<!tills\s)vidare(?!\s+med\b)|dagordning\w*|nästa\s+fråga|över\s+till|för\s+i\s*dag|för\s+i\s+kväll|"
    r"mötet|sammanträdet|paus|rast|fikapaus)\b|\bför\s+i\s+[\w-]+\s*[.!]?$"
)

# Permission granted by the person asked: "så du får gå den".
PERMISSION = re.compile(
    r"\b(?:så\s+|då\s+)?du\s+får\s+(?:gärna\s+|alltså\s+)?(?P<v>gå|arbeta|jobba|ta\s+ledigt|vara\s+ledig|åka|delta|"
    r"resa|använda|börja|behålla|köpa|flytta|gå\s+ner|välja)\b(?P<rest>[^.?!]*)"
)

# The meeting did not decide: a proposal or question is left open.
UNDECIDED = _rx(
    r"\b(?:har|hade)\s+(?:ännu\s+|fortfarande\s+)?(?:inte|ej)\s+(?:\w+\s+){0,2}"
    r"(?:bestämt|beslutat|fattat|kommit\s+överens|landat|enats)",
    r"\b(?:inte|ej)\s+(?:\w+\s+){0,2}(?:bestämt|bestämma|besluta|beslutat|klubbat|fastställt|spikat|bestämda|"
    r"beslutade)\b",
    r"\b(?:är|var)\s+(?:vi\s+)?inte\s+(?:\w+\s+)?överens\b",
    r"\b(?:bestämmer|beslutar|fattar)\s+(?:vi\s+)?(?:inte|inget|ingenting|inga)\b",
    # "tar vi inget beslut", not "då tar vi inte emot fler": "ta" is undecided only with "beslut"
    r"\btar\s+(?:vi\s+)?(?:inte\s+(?:\w+\s+)?|inget\s+|inga\s+|ingenting\s+|något\s+)beslut",
    r"\b(?:inget|inga)\s+beslut\b",
    r"\bfår\s+(?:vi\s+)?(?:\w+\s+)?återkomma\b",
    r"\bvi\s+återkommer\b",
    r"\båterkommer\s+(?:vi\s+)?(?:till|om|kring)\s+(?:det|den|detta|frågan|saken)\b",
    r"\bskjut(?:er|a|s|it)?\s+(?:vi\s+)?(?:på|upp)\s+(?:det|den|detta|frågan|beslutet)\b",
    r"\bvänta(?:r)?\s+(?:vi\s+)?med\s+(?:det|den|detta|frågan|beslutet)\b",
    r"\bavvakta(?:r|s)?\b",
    r"\bbordl[äa]gg",
    r"\bparkera(?:r|s)?\b",
    r"\bpå\s+is\b",
    r"\btar?\s+(?:vi\s+)?upp\s+(?:det|den|detta|frågan|saken)\s+(?:igen|senare|längre\s+fram|på\s+nästa|nästa)",
    r"\bta\s+ställning\s+(?:till\s+det\s+)?senare\b",
    r"\b(?:får|måste)\s+(?:vi\s+)?(?:fundera|tänka)\s+(?:vidare\s+)?på\s+(?:det|saken)\b",
    r"\bfrågan\s+(?:är|får\s+stå)\s+(?:fortfarande\s+)?öppen\b",
    r"^(?:\w+,?\s+)?vi\s+får\s+se\b",
)
# "I kväll kommer vi inte att fatta några beslut": announces, decides nothing, leaves nothing open.
NO_DECISIONS_PLANNED = re.compile(
    r"\b(?:kommer|ska)\s+(?:vi\s+)?inte\s+(?:att\s+)?fatta\s+(?:några|något|ett)\s+beslut"
)

_ADVS = r"(?:\s+(?:tyvärr|nog|faktiskt|verkligen|heller|alls|riktigt))*"
REJECTED = _rx(
    r"\bavslå(?:s|r)?\b",
    r"(?<!yrkar\s)(?<!yrka\s)(?<!yrkade\s)\bavslag\w*",  # "vi yrkar avslag på motionen" is the group's line
    r"\bavslogs\b",
    r"\bröstades\s+ned\b",
    r"\b(?:förslaget|det)\s+faller\b",
    rf"\bnej,?\s+det\s+(?:går|funkar|fungerar|blir){_ADVS}\s+inte\b",
    rf"\b(?:det|så)\s+(?:går|funkar|fungerar){_ADVS}\s+inte\b",
    r"\bdet\s+blir\s+inte\s+(?:så|av)\b",
    r"\bvi\s+gör\s+inte\s+(?:det|så)\b",
    r"\bsäger\s+(?:jag|vi|vår\s+\w+)?\s*nej\b",
    r"\bnej\s+till\s+(?:det|förslaget)\b",
    r"\b(?:det\s+)?har\s+vi\s+inte\s+råd\b",
    r"\bvi\s+har\s+inte\s+(?:råd|budget|pengar)\b",
    r"\bjag\s+(?:är|röstar)\s+emot\b",
    r"\b(?:kan|går)\s+(?:jag|vi)\s+inte\s+(?:gå\s+)?med\s+på\b",
    r"\bkan\s+inte\s+gå\s+med\s+på\b",
    r"^\s*nej\b[^.?!]*\b(?:inte|aldrig)\b",
)

# Words that make a sentence tentative rather than decided.
TENTATIVE = re.compile(
    r"\b(?:kanske|eventuellt|möjligen|möjligtvis|troligen|troligtvis|förmodligen|borde|bör|skulle|"
    r"funderar|fundera|tänkte|preliminärt|ifall|föreslår|förslag|alternativ)\b|^om\b"
)

# Reported decisions from earlier meetings are not this meeting's decisions.
REPORTED = re.compile(
    r"(?<!som\s)\b(?:förra\s+[a-zåäö]*(?:gången|mötet|möte|året|veckan|månaden|terminen|sammanträdet|stämman)|tidigare|"
    r"i\s+höstas|i\s+våras|i\s+fjol|sist\s+vi\s+(?:sågs|träffades)|på\s+förra)\b"  # "som i fjol": kept as it was
    r"|\b(?:de|dom)\s+har\s+(?:bestämt|beslutat)\b"  # "... i den takt de har bestämt": another body's, told
)

# A decision told with when it was taken, in the past: "Stämman beslutade i juni att ...", "styrelsen beslutade i
# januari att ...": an old decision recalled, not one taken now.
PAST_WHEN = re.compile(
    r"\b(?:beslutade|bestämde)\s+(?:\w+\s+)?(?:i|på|under|vid)\s+(?:\w+\s+)?(?:januari|februari|mars|april|maj|juni|juli|"
    r"augusti|september|oktober|november|december|våras|höstas|somras|vintras|fjol|årsmötet|stämman|\w+mötet)\b"
)

PROPOSAL = _rx(
    r"\b(?:jag|vi)\s+föreslår\b",
    r"\bföreslår\s+(?:jag|vi)\b",
    r"\b(?:mitt|ett|vårt)\s+förslag\b",
    r"\bförslaget\s+är\b",
    r"\bförslag\s*:",
    r"\b(?:ett|ett\s+annat)\s+alternativ\s+(?:är|vore)\b",
    r"\b(?:ska|kan|borde|bör)\s+vi\s+(?:inte\s+)?\w+",
    r"\bvi\s+(?:borde|bör|kanske\s+ska|skulle\s+kunna|kunde|kan\s+ju|får\s+väl)\b",
    r"\bvad\s+(?:sägs|säger\s+ni|tycker\s+ni)\s+om\b",
    r"\btänk\s+om\s+vi\b",
    r"\blåt\s+oss\b",
    r"\b(?:jag\s+tycker|tycker\s+jag)\s+(?:nog\s+)?(?:att\s+)?(?:\w+\s+){1,3}(?:ska|borde|bör|(?:bara\s+)?får)\b",
    r"\b(?:om\s+)?vi\s+säger\s+så\s+här\s*:",
    r"\bjag\s+vill\s+(?:gärna\s+)?att\s+vi\b",
    r"\bvi\s+(?:ska|måste|behöver)\s+\w+",
    r"\b(?:skulle|kan|får)\s+jag\s+(?:kunna\s+|få\s+)?(?!säga|fråga|få\s+ordet)\w+",
)
# "I kväll ska vi prata om ...": agenda, not a proposal to decide on.
AGENDA_PROPOSAL = re.compile(
    r"\b(?:ska|kan)\s+vi\s+(?:prata|diskutera|gå\s+igenom|börja|fortsätta|ta\s+upp|titta|gå\s+vidare|avsluta)\b|"
    r"\b(?:fatta|ta)\s+(?:några|något)\s+beslut\b"
)

AGREEMENT = _rx(
    r"^\s*(?:ja|japp|jajamen|javisst|jo|absolut|visst|okej|ok|bra|toppen|perfekt|precis|exakt|gärna|mm|"
    r"självklart|instämmer|håller\s+med|låter\s+(?:bra|klokt|rimligt|vettigt)|det\s+låter\s+(?:bra|klokt|rimligt)|"
    r"det\s+tycker\s+jag|det\s+(?:är|var)\s+(?:bra|klokt|en\s+bra\s+idé)|gött|kör|det\s+(?:fungerar|funkar|passar)|"
    r"det\s+är\s+jag\s+med\s+på|jag\s+är\s+med|för\s+mig\s+också)\b",
)

ACCEPT_REQUEST = _rx(
    r"^\s*(?:ja|japp|javisst|jo|absolut|visst|okej|ok|gärna|självklart|inga\s+problem|klart|"
    r"det\s+(?:kan|ska|gör|fixar|ordnar|tar)\s+jag|jag\s+(?:kan|tar|fixar|ordnar|gör)|"
    r"det\s+går\s+bra|det\s+löser\s+jag)\b",
)

# Bare hedges: no firm commitment.
HEDGE = _rx(
    r"\bkan\s+(?:jag\s+)?inte\s+lova\b",
    r"\blovar\s+(?:inte|ingenting|inget)\b",
    r"\bska\s+försöka\b",
    r"\bkan\s+försöka\b",
    r"\bförsöker\b",
    r"\bfår\s+se\b",
    r"\bom\s+jag\s+hinner\b",
    r"\bi\s+mån\s+av\s+tid\b",
    r"\bkanske\b",
    r"\beventuellt\b",
    r"\bvet\s+inte\s+om\b",
    r"\binte\s+(?:helt\s+)?säker\b",
    r"\bhinner\s+(?:nog\s+|nog\s+inte\s+|tyvärr\s+)?inte\b",
    r"\bhar\s+inte\s+tid\b",
    r"\bkan\s+(?:tyvärr\s+)?inte\b",
    r"\b(?:det\s+)?går\s+(?:tyvärr\s+)?inte\b",
    r"\bhelst\s+inte\b",
    r"\bnja\b",
    r"^\s*nej\b",
    r"\bskulle\s+kunna\b",
    r"\bkunde\s+kanske\b",
)
# A hedge about timing only ("men jag kan inte lova att vi hinner före mars"): a task without a date.
TIMING_HEDGE = re.compile(
    r"\bkan\s+(?:jag\s+)?inte\s+lova\s+(?:att\s+)?(?:\w+\s+){0,4}?(?:hinner|blir\s+klar|är\s+klar|före|till|senast|"
    r"innan|i\s+tid)\b"
)

# Task verbs (infinitives) that make "jag ska/kan X" a commitment rather than talk.
# Particle verbs ("ta fram") need their particle; bare "ta"/"göra" are too vague alone.
ACTION_VERBS = frozenset(
    """
skicka mejla maila ringa boka bjuda sammanställa skriva kontakta undersöka beställa förbereda uppdatera
kalla kolla fixa ordna sköta återkomma ansvara presentera sprida fråga planera organisera samordna köpa hyra
skapa utreda begära läsa granska formulera redovisa rapportera reservera informera publicera besöka
rekrytera leta färdigställa justera ändra rätta dokumentera anteckna protokollföra administrera
kontrollera meddela lämna leverera beräkna testa installera sätta be mejla byta laga städa måla
""".split()
)
PARTICLE_VERBS = frozenset(
    x.strip()
    for x in """
arbeta fram, bjuda in, dela ut, gå igenom, göra klart, göra om, hålla i, höra av, höra efter, höra med,
jobba fram, kolla upp, lägga in, lägga upp, lägga ut, lämna in, lämna över, prata ihop, prata med,
ringa runt, ringa upp, räkna på, räkna ut, samla ihop, samla in, se till, skicka ut, stämma av, sätta ihop,
sätta upp, hjälpa till, ta ansvar, ta fram, ta hand, ta in, ta kontakt, ta med, ta reda, ta upp, ta över, tala med,
titta på
""".split(",")
)

COMMIT_ANAPHOR = _rx(
    r"\b(?:jag|ja)\s+(?:kan\s+|ska\s+)?(?:ta|tar|fixa|fixar|ordna|ordnar|sköta|sköter|göra|gör|kolla|kollar)"
    r"(?:\s+hand\s+om)?\s+(?:det|den|detta|dem|de\s+där|det\s+där|den\s+biten|den\s+delen|det\s+också)\b",
    r"\b(?:det|den|detta|den\s+biten|den\s+delen)\s+(?:tar|fixar|ordnar|sköter|kollar|löser)\s+jag\b",
    r"\b(?:det|den|detta)\s+kan\s+jag\s+(?:ta|fixa|ordna|sköta|göra|kolla|lösa)\b",
    r"\bjag\s+tar\s+på\s+mig\s+(?:det|den|detta)\b",
    r"\b\w+\s+kan\s+jag\s+ta\b",
)
# Object first: "Dem skriver jag", "Den biten sammanställer jag".
COMMIT_FRONTED = re.compile(
    r"^(?:\w+,?\s+)?(?:det|den|dem|de|detta|den\s+biten)\s+(?P<v>[a-zåäö]+r)\s+jag\b(?P<rest>[^.?!]*)"
)

REQUEST = _rx(
    r"\b(?:kan|skulle|vill|orkar|hinner)\s+du\s+(?:kunna\s+|ta\s+och\s+)?(?P<req1>.+)",
    r"\b(?:kan|skulle|vill)\s+någon\s+(?:kunna\s+)?(?P<req2>.+)",
    r"\bvem\s+(?:kan|tar|vill|fixar|ordnar|skulle\s+kunna)\s+(?P<req3>.+)",
    r"\bnågon\s+(?:måste|behöver|får|borde|bör|ska)\s+(?P<req4>.+)",
    r"\bska\s+jag\s+(?P<req5>.+)",
)

NEED = _rx(
    r"\bvi\s+(?:måste|behöver|borde|bör|ska)\s+(?:också\s+|ju\s+|nog\s+)?(?P<need>.+)",
    r"\bdet\s+(?:måste|behöver|borde|bör)\s+(?:någon\s+)?(?P<need2>.+)",
)
# "en del av det vi har byggt måste göras om": passive need, subject is the object of the task.
PASSIVE_NEED = re.compile(
    r"(?:^|,\s*|\bså\s+|\batt\s+)(?P<subj>(?!det\b|vi\b|jag\b)[a-zåäö][\w\s-]{2,60}?)\s+(?:måste|behöver|ska|bör)\s+"
    r"(?P<v>[a-zåäö]+as)\b(?P<rest>[^.,;?!]*)"
)
TOPIC = re.compile(
    r"\b(?:(?:saknas|behövs|fattas)\s+(?:är\s+)?|är\s+|gäller\s+)(?P<np>(?!det\b|inte\b|så\b|är\b)[^,.;?!]{4,80})"
)
