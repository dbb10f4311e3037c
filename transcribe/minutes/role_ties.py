"""Which role a name is given in a sentence: the role words (ordförande, sekreterare, justerare, and what each
does), misheard role words mended, and how a name is tied to a role ("Per Åkesson till sekreterare", "till
justerare valdes Lars Berg", "Anna Berg som ordförande, Bertil Ek som sekreterare och Cecilia Ny och David Lund
som justerare"), else named in its clause, else the nearest."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from transcribe.minutes.fuzzy import known_word, similar

_WHEN = r" (?:i dag|idag|i kväll|ikväll|igen|också|med|den här gången|som vanligt|som sist)"  # "Vill du skriva i kväll
# igen?": the request asks for this meeting
ROLE_WORDS: dict[str, re.Pattern[str]] = {
    "ordförande": re.compile(
        r"\b(?:mötes|stämmo|nämndens |styrelsens |föreningens |stämmans )?ordförande(?:n)?\b"
        r"|\b(?:led(?:a|er)|håll(?:a|er) i) (?:dagens |kvällens )?möte\w*"
        r"|\b(?:ta|tar|ha|har|sköta|sköter|hålla|håller)(?: du| ni| jag| hon| han)?(?: i)? klubban\b"
        r"|\b(?:för(?:a|er)?|sköt(?:a|er)) ordet\b"
        r"|\bjag leder(?=\s*(?:[,.!?]|$|i dag\b|i kväll\b|i morgon\b|det här\b))"
        r"|\b(?:vald\w*|utsedd\w*) (?:till )?att (?:leda|hålla i)\b"
    ),
    "sekreterare": re.compile(
        r"\w*sekreterar\w*|\b(?:föra|för|skriva|skriver|tar|ta) (?:du |ni )?(?:väl |ju |nog |också |även )?(?:ihop )?"
        r"(?:dagens |kvällens )?(?:protokoll(?:et)?"
        r"|minnesanteckningar\w*|anteckningar\w*)\b"
        r"|\bprotokollförare\b|\b(?:protokollet )?(?:förs|skrivs) av\b"
        r"|\b(?:tar|ta) (?:hand om )?protokollet\b|\bantecknar(?:e|en)?\b"
        r"|\b(?:någon|vem) (?:\w+ ){0,2}skriv(?:a|er)\W*$"
        rf"|\b(?:kan|vill) du (?:\w+ )?(?:skriva|anteckna)(?:{_WHEN})*\W*$"
        r"|\b(?:har|håller i|tar|för|föra|sitter med) pennan\b|\btur (?:\w+ ){0,2}att (?:skriva|anteckna)\b"
        r"|\bsköt(?:a|er) (?:om )?(?:protokollet|anteckningarna)\b"
        r"|^\W*(?:och )?(?:protokollet|anteckningarna) (?:skriver|för|tar)\b"
        r"|\b(?:lovat|lovar|lova) att (?:skriva|anteckna|föra protokoll)\b"
        r"|\b(?:för|skriver|antecknar) ner (?:det|vad) (?:vi|som)\b"
        r"|(?:\bdu |\boch )\W*(?:\w+ )?skriver,?(?: väl| du| i dag| idag| i kväll| ikväll| som vanligt)*"
        r"(?:,? om (?:hon|han|du|hen) (?:vill|orkar|kan|hinner))?\W*$"
        rf"|\bfår (?:du |ni )?(?:skriva|anteckna|föra protokoll(?:et)?)(?:{_WHEN})*(?=\s*(?:[,.!?]|$|och\b))"
        rf"|^\W*[\w-]+ skriver,?(?:{_WHEN}| som alltid)+(?:\W*$|\s*,)"
        r"|\b(?:det är|är det) \w+ som skriver\b|\bskriv(?:a|er) ner vad\b"
        rf"|^(?!.*\b(?:vad|vem|hur|när|var|varför|vilken|vilket|vilka)\b)[\w-]+, (?:.*\W)?skriver du(?:{_WHEN})*\W*$"
        r"|\bskriver(?=(?: [\w-]+)?\s*(?:,|och)\s+(?:[\w-]+\s+){1,4}"
        r"(?:justerar|leder|granskar|godkänner|läser|tittar)\b)"
        rf"|\batt [\w-]+ skriver(?=(?:{_WHEN})*\s*(?:[,.!?]|$|och\b))"
        r"|\btill att (?:skriva|anteckna|föra protokoll)"
        r"|\b(?:om (?:han|hon|hen|du) (?:kan |vill |orkar )?|(?:vald\w*|utsedd\w*|\boch [\w-]+) (?:till )?att )"
        rf"skriv(?:a|er)(?:{_WHEN})*(?=\s*(?:[,.!?]|$|och\b))"
    ),  # "Lars, du skriver?", "Linda, du som har datorn uppe, skriver du?", "Jag är ordförande och Lars
    # skriver.", "Och att Britt skriver, om hon vill.", "Och Eva skriver, om hon orkar.", "Jag sitter med pennan",
    # "Eva sköter protokollet", "Protokollet skriver Eva", "det är din tur på listan att skriva", "Ulrika … för ner
    # det vi kommer fram till", "Det är Lars tur att skriva.", "Anna leder mötet, Bertil skriver och Cecilia och
    # David justerar", one proposed "till att skriva", asked "om han skriver" or elected "att skriva" ("Då är Jenny
    # vald att leda och Patrik att skriva."); not a task given by name ("Vi skriver till bolaget. Hanna skriver.")
    "justerare": re.compile(
        r"\b\w*justera(?:re|ren|rna|s|r)?\b|\bjusteringsperson\w*|\bjämte\b"
        r"|\b(?:ta|tar|sköta|sköter|göra|gör) (?:\w+ )?justeringen\b|^\W*(?:och )?justeringen\b"
        r"|\b(?:sätt|skriv)\w* (?:sitt|ditt|ert|era) namn?"
        r" (?:under|på) (?:protokollet|anteckningarna)\b"
        r"|\bläs(?:a|er) igenom (?:(?:dem|det|protokollet|anteckningarna)\b|och (?:skriv|godkänn))"
        r"|\bsom (?:\w+ ){0,2}(?:titt|koll)(?:a|ar) igenom (?:dem|det|protokollet|anteckningarna)\b"
        r"|\bskriv(?:a|er) (?:under|på) (?:\w+ ){0,2}(?:med|tillsammans med|jämte) (?:mig|ordföranden)\b"
        r"|\bskriv(?:a|er) på(?=\s*(?:[,.!?]|$|sen\b|sedan\b|efteråt\b))"
        r"|\b(?:gransk|koll|kontroller)(?:a|ar) (?:\w+ ){0,2}"
        r"(?:protokollet|\w*anteckningarna|det (?:han|hon|du) skriver)\b"
        r"|\bintyga\w*|\b(?:två|någon|nån|vem) som (?:\w+,? ){0,8}skriv(?:a|er) under\b"
        r"|\b(?:två|någon|nån|vem) som (?:kollar|granskar|kontrollerar) (?:efteråt |sen |sedan )?att\b"
        r"|\b\w+ granskar\W*$"
        r"|(?:\boch|,) [\w-]+ godkänner\W*$"
        r"|\b(?:två|någon|nån|vem) som (?:\w+ ){0,2}godkänner (?:\w+ ){0,2}(?:protokollet|\w*anteckningarna)\b"
        r"|\bsom (?:\w+ ){0,2}läs(?:a|er) (?:igenom )?(?:protokollet|anteckningarna)\b"
        r"|\btar på sig att (?:gå|läsa) igenom \w+ protokoll\b"
    ),
}  # "jämte (ordföranden)" is said of the justerare only; a justerare reads the minutes through ("läser igenom dem")
# and signs them with the chair ("någon som skriver under med mig") or approves them ("någon som godkänner
# anteckningarna", "Linus skriver och Omar godkänner."); the chair "tar klubban", the secretary is one
# who "skriver" when someone is asked for ("Någon behöver skriva.") or "har pennan"
# What the person elected to a role does: a follow-up answer is read by these when the question named several roles.
ROLE_VERBS: dict[str, re.Pattern[str]] = {
    "ordförande": re.compile(r"\bled(?:a|er)\b|\bhåll(?:a|er) i\b|\bordför\w*"),
    "sekreterare": re.compile(r"\bskriv\w*|\banteckn\w*|\bprotokoll(?:et)?\b|\bsekreterare\b"),
    "justerare": re.compile(r"\bjuster\w*|\b(?:läs|titta|kolla)\w* igenom\b|\bgransk\w*|\bskriv\w* (?:under|på)\b"),
}
_SHORT_FORMS = ("jämte", "justera", "justerar")
_ROLE_FORMS = ("ordförande", "ordföranden", "sekreterare", "sekreteraren", "justerare", "justeraren", "justerarna")
_ALONGSIDE = re.compile(
    r"\b(?:jämte|tillsammans med|med|förutom|utöver|vice|förste vice|andre vice)(\s+(?:mötes)?ordförande(?:n)?)\b"
)  # "jämte ordföranden" is said of a justerare, "vice ordförande" is another office
_TIED_AFTER = re.compile(
    r"^\W*(?:och\s+)?(?:(?:väljs|valdes|utses|utsågs|blir|är)\s+)?(?:till|som|blir|är|kan vara)\s+$"
)
_NEXT_CLAUSE = re.compile(r"\s*(?:[,;]\s*(?:(?:och|samt)\s+)?|(?:och|samt)\s+)till\b|\s*[,;]\s*(?:och|samt)\s+som\b")
# "Maja, och till justerare Eva", "valdes Anna Berg, till sekreterare Bertil Ek och till justerare …", "Eva, och som
# justerare Nils": the next names'
_TIED_BEFORE = re.compile(r"^\s*(?:(?:valdes|väljs|utses|utsågs|blir|är|gör|har vi)\s+|av\s+(?:och\s+)?)?$")
# "justeras av Eva", "justeras av ordföranden och Eva" (the chair masked), "Som sekreterare har vi Eva": tied to the
# role
_DOES = re.compile(r"(?:för|skriver|justerar|leder|håller i|tar|sköter|antecknar|granskar|godkänner|läser|får)\b")
# a name right before the role's own finite verb is its subject: "Hanna för protokollet och Lars justerar"
_CLAUSE = re.compile(r"[,;:]|\bsamt\b")
# Names given one role together: "Cecilia Ny och David Lund som justerare", "Cecilia och David justerar"
_NAME = r"(?!(?:till|som|och|samt)\b)[\wåäöé-]+(?:\s+(?!(?:till|som|och|samt)\b)[\wåäöé-]+)?"
_COORDINATED = re.compile(rf"^\s*(?:och|samt)\s+{_NAME}\s+(?:(?:som|till)\s+)?$")
_COORDINATED_BEFORE = re.compile(rf"^\s*{_NAME}\s+(?:och|samt)\s+$")  # "till justerare Cecilia Ny och David Lund"


def heard(word: str) -> str:
    """A role word heard with a slip or two ("orrdförende", "sekreterar", "jemte") reads as the role word; the
    verb said right ("jag justerar") stays the verb."""
    if word in _SHORT_FORMS:
        return word
    if len(word) < 7:  # a short one only when it is no Swedish word of its own ("jemte", not "jämna")
        slip = len(word) >= 5 and not known_word(word)
        return next((form for form in _SHORT_FORMS if slip and similar(word, form)), word)
    best = min(_ROLE_FORMS, key=lambda form: Levenshtein.normalized_distance(word, form))
    return best if Levenshtein.normalized_distance(word, best) <= 0.2 else word


def mask_roles(low: str) -> str:
    """The sentence with misheard role words mended and without "jämte ordföranden": whoever justerar
    alongside the chair is not the chair."""
    low = re.sub(r"[a-zåäöé]{5,}", lambda m: heard(m.group(0)), low)
    if re.search(r"\bjustera[rs]?\b", low):  # "Justera protokollet <jämte lost> ordföranden gör Malin"
        low = re.sub(r"\bordföranden\b", " " * len("ordföranden"), low)
    return _ALONGSIDE.sub(lambda m: m.group(0)[: m.start(1) - m.start()] + " " * len(m.group(1)), low)


def other_role_work(role: str, low: str) -> bool:
    """The sentence names another role's work ("Jag skriver." in answer for a justerare): it speaks for that role."""
    return any(p.search(low) for r, p in ROLE_VERBS.items() if r != role)


def role_words(masked: str) -> list[tuple[int, int, str]]:
    return sorted((m.start(), m.end(), role) for role, p in ROLE_WORDS.items() for m in p.finditer(masked))


def role_of(masked: str, start: int, end: int) -> tuple[str | None, int]:
    """The role a name (or "jag") at [start, end) is given in the sentence, and how surely: 2 tied to it,
    1 named in the same clause, 0 only the nearest role word."""
    words = role_words(masked)
    if not words:
        return None, 0
    for s, _, role in words:  # "Per Åkesson till sekreterare", "Karin som ordförande", "Hanna för protokollet"
        if s >= end and _TIED_AFTER.search(masked[end:s]) and not _NEXT_CLAUSE.match(masked[end:s]):
            return role, 2
        if s == end + 1 and masked[end] == " " and _DOES.match(masked, s):
            return role, 2
        if s >= end and _COORDINATED.match(masked[end:s]):
            return role, 2
    for _, e, role in reversed(words):  # "till justerare valdes Lars Berg", "nämndsekreteraren Maria Lund"
        if e <= start and (_TIED_BEFORE.match(masked[e:start]) or _COORDINATED_BEFORE.match(masked[e:start])):
            return role, 2
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(masked)] + [len(masked) + 1]
    lo = max(b for b in bounds if b <= start)
    hi = min(b for b in bounds if b > start)
    own = [(s, role) for s, e, role in words if lo <= s < hi]
    pool = own or [(s, role) for s, _, role in words]
    return min(pool, key=lambda x: abs(x[0] - start))[1], 1 if own else 0
