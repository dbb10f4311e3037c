"""What a chair says at an agenda item's edges: transitions, openings and closings, outcomes and
struck items, as patterns over the lower-cased sentence (see align.py for how they are weighed)."""

from __future__ import annotations

import re

from transcribe.sv.text import content_words, stem

# "vi" as a recogniser hears it in a chair's phrase: "hoppar ni över", "så via tar detaljplanen"
VI = r"(?:vi|ni|via|vid|mi)"
# "över till" is a transition only as the chair's own move ("Då över till ekonomin", "går vi över till"), not where
# money or a task goes over to someone ("jag har fört över tiotusen till …", "bidraget kommer över till oss")
_OVER_TO = r"^\W*(?:(?:och|så|då|nu|sen|sedan)\W+){0,2}över till\b|"
# The chair moving on in other words: "Då går vi vidare.", "Okej, vidare.", "Därefter …", "Härnäst har vi …", "…
# står näst på tur", "Låt oss ta …", "Då byter vi ämne till …", "Då ska vi prata om …", "Vi lämnar ekonomin och tar …",
# "Då kommer vi till …" (not "Den kommer vi till."), "Vi går över till …"
_MOVES = (
    r"|(?:går|gick) VI vidare\b|^\W*(?:(?:okej|då|så|bra|ja|tack)\W+){0,2}vidare\b|^\W*(?:och )?därefter\b|\bhärnäst\b"
    r"|\bnäst på tur\b|\blåt oss (?:ta|gå|titta)\b|\bbyter VI (?:ämne|punkt|rubrik)\b"
    r"|^\W*(?:(?:och|så|då|nu)\W+)?ska VI (?:prata|tala) om\b"
    r"|^\W*(?:(?:och|så|då|nu)\W+)?lämnar VI (?!in\b|över\b|ut\b|tillbaka\b)\w+"
    r"|^\W*(?:(?:och|så|då|nu)\W+)(?:kommer|är) VI till\b|\bVI (?:går|gick) (?:vidare |över )?till\b"
    r"|\bVI (?:hoppade|har hoppat) över (?!att\b)|\bVI (?:glömde|har glömt) (?!att\b|bort\b)"
)  # an item passed over by mistake, noticed and taken now: "Vänta, vi hoppade över protokollet."
# The chair handing the floor to one who is to report: "Då ber jag Inger berätta om året som gått.", "Nu får Per
# redogöra för bokslutet."
_ASKS_REPORT = (
    r"|^\W*(?:(?:då|så|och|nu)\W+){0,2}(?:ber jag|får) [\wåäö-]+ (?:att )?"
    r"(?:berätta|redogöra|redovisa|presentera|föredra|läsa upp)\b"
)
TRANSITION = re.compile(
    (
        _OVER_TO + r"\b(nästa punkt|nästa fråga|nästa ärende"
        r"|(?:(?:går|gå|gick) VI|VI (?:går|gick)) (?:vidare |över |tillbaka |direkt |raka vägen )?till"
        r"|^\W*(?:(?:då|så|och|nu)\W+)?\w+ går (?:vidare|tillbaka) till"  # "<Vi misheard> går tillbaka till …"
        r"|(?:är|kommer) VI (?:nu )?framme (?:vid|till)"
        r"|vidare till|hoppar VI (?:fram )?till"
        r"|(?:sedan|då|nu) har vi(?! (?:det|allt|alla|inte|redan|gjort|bestämt)\b)"
        r"|(?:då|nu|så) (?:tar|kommer|börjar) VI|(?:då|nu|så) ska VI (?:ta|börja med)\b"
        r"|VI (?:tar|börjar(?: med)?|kommer till|fortsätter med) "
        r"|på dagordningen|dagordningens|första punkten|sista punkten" + _MOVES + _ASKS_REPORT + ")"
    ).replace("VI", VI)
)
# "Taket tar vi före midsommarfirandet", "… till skyddsronden, vi tar den nu": the fronted topic is the item
# taken now, and only that one
_TAKEN_NOW = (
    r"^\W*(?:(?:så|men|och|då)\W+)?(.+?)(?<!\bså)(?<!\boch),? (?:tar VI|VI tar (?:den|det|dem))"
    r" (?:nu|först|före|innan|direkt|härnäst)"
    r"\b"
)
TAKEN_NOW = re.compile(_TAKEN_NOW.replace("VI", VI))  # not after a clause: "…hänger på den, så vi tar den först"
# The same in the plain word order: "Vi tar hallfrågan först", "Då tar vi upp budgeten nu"
TAKES_FIRST = re.compile(
    r"\b(?:VI tar|tar VI) (?:upp )?(.+?),? (?:nu|först|före|innan|direkt|härnäst)\b"
    r"|\btar VI (?:nu|härnäst|därefter) (?:upp )?(?!(?:den|det|dem|vi|en|ett)\b)(.+?)(?:[,.;!?]|$)"
    r"|^\W*(?:(?:och|så|då)\W+)?(?:som (?:vi|jag) sa(?:de)?\W+)?"
    r"(?!(?:jag|du|han|hon|vi|ni|de|dom|den|det|dem|man|klockan|och|men|ja|nej|okej)\b)(\w+(?: \w+)?),? nu\b"
    r"(?! \w+ (?:jag|vi|ni|du)\b)".replace("VI", VI)
)  # "Som sagt tar vi nu båtplatserna.", "Som vi sa, valen nu, så att Britt hinner med tåget."
# An announcement proper, not a passing "nu har vi …" or "vi tar …": enough to start an item whose name was lost
ANNOUNCES = re.compile(
    (
        _OVER_TO + r"\b(nästa (?:punkt|fråga|ärende)|(?:går|gå|gick) VI (?:vidare |över |tillbaka )?till|vidare till"
        r"|hoppar VI (?:fram )?till"
        r"|VI (?:börjar med|kommer till|fortsätter med)" + _MOVES + ")"
    ).replace("VI", VI)
)
CLOSED = re.compile(
    r"\b((?:mötet|sammanträdet) (?:är |förklaras )?avslutat|förklara[rs]? (?:\w+ ){0,2}(?:mötet|sammanträdet) "
    r"(?:för )?avslutat|avslutar (?:\w+ )?(?:mötet|sammanträdet))\b"
)

# What is said of the time after the meeting announces no item: "Efter mötet går vi över till kaffet"
AFTER_MEETING = re.compile(r"\b(?:efter mötet|efteråt|när vi är klara)\b")
CONCLUDES = re.compile(
    r"^\W*(?:(?:då|därmed|så) (?:är|har|blir) (?:\w+ ){1,5}?(?:fastställd|godkänd|antagen|antaget|beslutad|beslutat|"
    r"klar|klart|avklarad|vald|valda|lagd|lagt|fastställt|godkänt|antagit)\b"
    r"|(?:då|därmed|så) (?:är|har) (?:\w+ ){1,3}?(?:(?:rätt |behörigen )?utlysts?|kallats|beviljad\w*|ansvarsfrihet)\b"
    r"|(?:då|därmed|så) har (?:årsmötet|stämman|mötet|föreningsstämman|vi) (?:valt|omvalt|beviljat|fastställt|godkänt"
    r"|antagit|bifallit)\b"
    r"|(?:\w+\W+){1,4}(?:har|är) beviljat?s?\b"
    r"|(?:\w+\W+){1,2}(?:är|har) (?:\w+ ){0,2}?(?:(?:rätt |behörigen )?utlyst|beviljad\w*|ansvarsfrihet)[.!\s]*$"
    r"|(?:\w+\W+)?(?:då|därmed|så) (?:valdes|väljs|utses|utsågs|väljer (?:vi|mötet|styrelsen|nämnden)"
    r"|beslutar|beslutade|beslöt)\b"
    r"|(?:\w+\W+){1,6}(?:fastställd|godkänd|antagen|antaget|avklarad|vald|valda)\W*$"
    r"|(?:\w+\W+){1,6}(?:är|blev) (?:\w+ )?(?:vald|valda|omvald|omvalda) (?:att|till|som)\b"
    r"|(?:\w+\W+){0,5}?(?:läggs|lades|läggas|lägger (?:vi|ni|styrelsen|nämnden|stämman|mötet)) (?:\w+\W+){0,4}?"
    r"till handlingarna\b"
    r"|(?:\w+\W+)?(?:då|därmed|så) (?:fastställer|godkänner|antar|beviljar|bifaller) (?:\w+ )?(?:årsmötet|stämman"
    r"|mötet|styrelsen|nämnden|vi)\b"
    r"|(?:\w+\W+)?(?:då|därmed|så) (?:noterar|antecknar) (?:vi|mötet|styrelsen|nämnden|stämman|årsmötet)"
    r"(?: [\wåäö-]+){0,6}[.!]?\s*$"
    r"|(?:vi|mötet|styrelsen|nämnden) (?:noterar|antecknar) (?:det|den|dem|detta|informationen|rapporten)\W*$"
    r"|(?:\w+\W+){1,3}(?:noteras|antecknas)\W*$"
    r"|(?:\w+\W+)?(?:då|därmed|så) (?:anser|finner) (?:vi|mötet|årsmötet|stämman|styrelsen|nämnden) att\b)"
)  # a finding ends its item: "Då anser vi att årsmötet har kallats i rätt tid."; a report noted ends its item:
# "Då noterar vi den ekonomiska uppföljningen.", "Vi noterar det.", "Informationen noteras." (not one that goes on
# to say what: "Då noterar vi det: revisorns arvode …"); "Då valdes Karin till ordförande", "Tack. Då beslutar …",
# "Sanna och Tobias är valda att justera", "Då läggs verksamhetsberättelsen till handlingarna", "Då kan berättelsen
# läggas till handlingarna", "Då fastställer årsmötet budgeten", "Då har årsmötet valt styrelsen …": how an item
# ends, not how one starts
DECIDES = re.compile(r"\bbeslut(?:ar|ade|as|ades|ats)\b|\bbeslöts?\b")  # "Så beslutas.", "Det beslutades att …"
# A member who opens the item they report on themselves, with no word from the chair: "Ja, jag börjar med kassan
# då", "Ska jag ta mitt nu?", "Då får jag säga något om pengarna", "Det är Hanna, jag tar tvätten", "Innan pjäsen,
# jag har en sak om nya medlemmar", "Men en sak om bilarna", "Ja, och så var det min motion"; not one who takes a
# role or a task ("Jag tar det", "Jag kan ta protokollet"), nor one who returns to an item ("En sak till om …")
_TAKES = (
    r"(?:ta|tar|börja|börjar|fortsätta|fortsätter)(?: med| upp)?\b"
    r"(?! (?:det|den|dem|hand|kontakt|protokoll\w*|\w*anteckning\w*|pennan|klubban)\b)"
)
OPENS_OWN = re.compile(
    r"^\W*(?:innan \w+\W+)?(?:(?:ja|jo|då|och|men|så|okej)\W+){0,2}"
    rf"(?:jag (?:kan |ska |får )?{_TAKES}|(?:ska|kan|får) jag {_TAKES}"
    r"|(?:ska|kan|får) jag säga (?:något|lite|några ord) om\b"
    rf"|jag har (?:en sak|en fråga|något) om\b|en sak om\b|det är \w+(?: här)?,? jag {_TAKES}"
    r"|(?:så )?var det min\b)"
)
OPENS_WITH = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:punkt|nästa|ärende)\b")  # "Punkt …, budgeten", "Nästa ärende"
DECLARES = re.compile(r"\bförklara[rs]? (?:\w+ ){0,3}(?:mötet|sammanträdet|stämman)\b")
THANKS = re.compile(
    r"\b(?:tack (?:allihop|alla|för i dag|för idag|för i kväll|för ikväll|för mötet)|avslut(?:ar|at)"
    r"|tackar (?:\w+ )?(?:alla|för (?:i dag|idag|i kväll|ikväll|mötet|i dag))|vi ses|hej då|ha det (?:bra|gott))\b"
)
_WELCOMES = (  # "Välkomna", "Då sätter vi igång", "… så jag tycker vi sätter igång", "God morgon", "Ska vi börja?",
    # "Hej allihop", "… så då kör vi", "Då startar vi", "Okej, vi börjar, klockan är sju."
    r"\b(?:hälsar (?:\w+ ){0,2}välkomna|välkomna|välkommen|sätter VI igång|så VI börjar|ska VI (?:börja|sätta igång)"
    r"|VI (?:sätter|kör) igång|VI börjar(?=\s*(?:[,.!]|$))|god (?:morgon|eftermiddag|kväll)"
    r"|hej (?:allihop|alla|allesammans)"
    r"|(?:så|då|nu) (?:kör|startar) VI(?=\W*$)|VI startar(?=\W*$))"
    r"\b"
)
WELCOMES = re.compile(_WELCOMES.replace("VI", VI))

# What the chair says at the standard items ("jag förklarar mötet öppnat").
KIND_CUES = {
    "open": re.compile(
        r"\b(förklara[rs]? (?:\w+ )?(?:mötet|sammanträdet) (?:för )?öppnat|öppnar (?:\w+ ){0,3}(?:mötet|sammanträdet)"
        r"|(?:mötet|sammanträdet) (?:är )?öppnat)"
    ),
    "chair": re.compile(
        r"\b(val av (?:mötes|stämmo)?ordförande|välja (?:en )?(?:mötes|stämmo)?ordförande"
        r"|till (?:mötes|stämmo)?ordförande"
        r"|(?:är|som) (?:mötes|stämmo)?ordförande för (?:mötet|stämman|sammanträdet)"
        r"|(?:leda|leder|hålla i|håller i) (?:dagens |kvällens )?(?:möte|sammanträde|stämma|årsmöte|förhandling)\w*"
        r"|(?:ta|tar|ha|har|sköta|sköter|hålla|håller)(?: du| ni| jag| hon| han)?(?: i)? klubban"
        r"|(?:för(?:a|er)?|sköt(?:a|er)) ordet\b"
        r"|(?:leda|leder) det här\b|(?:leda|leder) det\W*$"
        r"|jag leder(?=\s*(?:[,.!?]|$|i dag\b|i kväll\b|som vanligt\b|som sist\b|själv\b)))"
    ),  # "vem som ska hålla i stämman", "Jag har klubban i dag", "Gun får föra ordet", "Och jag leder.", "…, och då
    # ska inte jag sitta och leda det."
    "secretary": re.compile(
        r"\b(val av (?:mötes)?sekreterare|till (?:mötes)?sekreterare|välja (?:en )?sekreterare"
        r"|föra protokoll(?:et)?\b|skriv(?:a|er) ner (?:vad|det viktigaste|besluten|det vi)\b"
        r"|tur (?:\w+ ){0,3}att (?:skriva|anteckna)\b"
        r"|skriv(?:a|er) (?:väl |ju |nog |också )?(?:ihop )?protokollet"
        r"|(?:behöver|ska ha|väljer) (?:\w+ ){0,2}sekreterare|(?:tar|ta) (?:hand om )?protokollet"
        r"|(?:tar|ta|för|föra|skriver|skriva) (?:\w+ )?\w*anteckning\w*|protokollför\w*"
        r"|(?:någon|vem) (?:\w+ ){0,2}skriv(?:a|er)(?: (?:i dag|idag|i kväll|ikväll|den här gången))?\W*$"
        r"|(?:kan|vill) du (?:\w+ )?(?:skriva|anteckna)"
        r"(?: (?:i dag|idag|i kväll|ikväll|igen|också|med|den här gången|som vanligt|som sist))*\W*$"
        r"|(?:har|håller i|tar) pennan"
        r"|^(?!.*\b(?:vad|vem|hur|när|var|varför|vilken|vilket|vilka)\b)\w+, (?:.*\W)?skriver du"
        r"(?: (?:i dag|idag|i kväll|ikväll|igen|också|med|den här gången|som vanligt|som sist))*\W*$)"
    ),  # "Någon behöver skriva.", "Karin, du har ju pennan i handen", "Bosse, kan du skriva?", "Vill du skriva i kväll
    # igen?", "Jonna, kan du skriva ner det viktigaste?", "det är din tur på listan att skriva i kväll"
    "adjusters": re.compile(  # a justerare reads the minutes through and signs them: "… skriver under det efteråt"
        r"\b(justera(?:re|s)?\b|justera protokollet|justeringsperson|skriv\w* under protokoll"
        r"|(?:ta|tar|sköta|sköter|göra|gör) (?:\w+ )?justeringen\b|(?:sätt|skriv)\w* (?:sitt|ditt|ert|era) namn?"
        r" (?:under|på) (?:protokollet|anteckningarna)\b"
        r"|protokoll\w*\b.*\bskriv\w* under|läs\w* igenom (?:\w+ )?(?:protokoll\w*|\w*anteckning\w*|dem efteråt)"
        r"|skriv\w* under (?:\w+ )?(?:med|tillsammans med|jämte) (?:mig|ordföranden)"
        r"|skriv(?:a|er) på(?=\s*(?:[,.!?]|$|sen\b|sedan\b|efteråt\b))|läs\w* igenom och skriv"
        r"|(?:gransk|koll|kontroller)(?:a|ar) (?:\w+ ){0,2}(?:protokollet|\w*anteckningarna|det (?:han|hon|du) skriver)"
        r"|(?:vem|någon|nån|du) (?:som )?(?:gransk|koll|kontroller)(?:a|ar) att"
        r" (?:han|hon|hen|sekreteraren) (?:inte )?\w+"
        r"|igenom (?:\w+ )?protokollet (?:\w+ ){0,4}efteråt"
        r"|intyga\w*|(?:två|någon|nån|vem)(?: personer| person)? som (?:\w+,? ){0,8}skriv(?:a|er) under\b"
        r"|(?:två|någon|nån|vem|en)(?: personer| person)? (?:som|tar på sig att) (?:\w+ ){0,3}"
        r"(?:läs\w* (?:igenom|protokollet|anteckningarna)|kollar (?:efteråt |sen |sedan )?att|granskar"
        r"|gå(?:r)? igenom (?:(?:\w+ )?protokoll\w*|(?:det|vad) (?:\w+ ){0,2}(?:skriver|har skrivit|skrev)))\b"
        r"|(?:två|någon|nån|vem)(?: personer| person)? som (?:\w+ ){0,8}(?:sätt|skriv)\w* (?:sitt|sina) namn)"
    ),  # "Vem läser igenom och skriver på sen?", "två som granskar det han skriver", "kolla protokollet med mig",
    # "två som läser igenom det Maria skriver och sätter sitt namn under det", "någon som kollar att Hedvig …", the
    # one who checks the writer ("Och vem kontrollerar att hon inte hittar på något?"), who goes through the minutes
    # afterwards ("två som <…> igenom protokollet med Eva efteråt", the verb misheard) or what the writer writes
    # ("två som går igenom det Karin skriver")
    "agenda": re.compile(
        r"\b((?:godkänn|fastställ)\w* (?:av )?dagordning|dagordningen\W+(?:\w+\W+){0,5}?"
        r"(?:godkän|fastställ)|kallelse\w*|^\W*(?:(?:och|så|då|nu)\W+)?(?:föredragnings)?listan\W*$)"
    ),  # "Listan." alone: the agenda by its everyday name
    "quorum": re.compile(r"\b(beslutsför|behörigen|i behörig ordning|kallats|kallelse\w*|utlys\w*)"),
    "previous": re.compile(
        r"\b(föregående (?:mötes ?)?protokoll|förra (?:mötets |gångens )?(?:protokoll|\w*anteckning\w*)"
        r"|^\W*(?:från|sedan|sen) (?:förra|senaste) (?:veckan|mötet|gången)\b)"
        r"|^\W*föregående\b"
        r"|\b(?:protokoll\w*|\w*anteckning\w*) (?:från|efter) (?:förra|senaste|föregående)"
        r" (?:mötet|gången|sammanträdet)\b"
        r"|^\W*(?:\w+\W+)?det (?:som|vi) (?:skrevs|skrev|beslutades|beslutade|bestämdes|bestämde) (?:\w+ ){0,2}?"
        r"(?:förra gången|förra mötet|sist|senast|på förra|i (?:januari|februari|mars|april|maj|juni|juli|augusti"
        r"|september|oktober|november|december))\b"
    ),  # "Protokollet från förra mötet", "Det som skrevs i juni, har alla läst det?"
    "other": re.compile(
        r"\b(övriga frågor|övrigt|några övriga|har någon (?:något )?(?:mer|övrigt|annat)|har någon något\?"
        r"|(?:var|finns|är) det (?:något|några|nån) (?:mer|annat|fler|övrigt)\b"
        r"|(?:någon|nån) (?:mer )?som har (?:något|nåt|några) (?:mer|annat|fler|övrigt|övriga)\b"
        r"|^\W*(?:och )?något (?:mer|annat|övrigt) som \w+ vill\b)"
    ),
    "next": re.compile(
        r"\b(nästa möte|nästa sammanträde|när ses (?:vi|ni) (?:igen|nästa gång)|nästa gång (?:vi|ni) ses)"
    ),  # "När ses vi igen?"
    "close": CLOSED,
}
# An item struck, withdrawn or put off to another meeting, however said: "Punkt sex är struken", "Motionen om
# lekplatsen har dragits tillbaka", "… är återkallad", "Ledarutbildningen flyttar vi till nästa möte", "Med den
# avvaktar vi", "Den lyfter vi inte i kväll", "… lyfts från dagens lista"; and under recognition errors "X hoppar vi
# <över lost> i dag", "X skjuter vi <misheard>"
_STRUCK = (
    r"|stryk(?:s|er|a|es)|stryk (?=(?:den|det|dem|punkt\w*)\b)|struk(?:en|et|na|its)|ströks|utgick|bordlägg\w*"
    r"|bordlag(?:d|t|da)"
    r"|(?:\w*motion\w*|ärende\w*|punkt\w*|skrivelse\w*)\W+(?:\w+\W+){0,8}?(?:(?:har|är|blev|blir) )?"
    r"(?:dra(?:s|gits|git|gen|gna)|drog|drogs|drar) tillbaka"
    r"|(?:\w*motion\w*|ärende\w*|punkt\w*|skrivelse\w*)\W+(?:\w+\W+){0,8}?(?:har|är|blev) (?:\w+ )?"
    r"(?:dragen|draget|dragna|dragits)\b(?! (?:in|upp|ut|med|över|ner|fram|av|igenom)\b)"
    r"|(?:drar|dra|drog|dragit) tillbaka (?:\w+ ){0,2}\w*(?:motion|ärende|punkt|skrivelse)\w*"
    r"|återkalla(?:d|t|ts|s|de)?|återtag(?:en|et|its|na)|återtas|återtogs"
    r"|flytta(?:r|s)? (?:VI )?(?:den |det |dem )?(?:fram )?till (?:nästa|ett senare|ett annat|kommande)"
    r"|avvakta(?:r|s)? (?:VI )?(?:\w+ )?med|(?:med \w+ )?avvaktar VI"
    r"|(?:lyfter|behandlar) VI (?:den |det |dem )?inte|tar VI (?:den |det |dem )?inte upp"
    r"|går VI (?:den |det |dem )?inte igenom|hinner VI (?:den |det |dem )?inte"
    r"|lyfts (?:bort |ut )?(?:från|ur) (?:dagens |kvällens )?(?:lista|listan|dagordning\w*|föredragningslista\w*)"
    r"|(?:inte (?:är |blir )?|ej )(?:\w+ )?(?:klar|klart|färdig\w*|redo|mogen|moget) (?:att |för att |för )?behandla\w*"
    r"|skippa\w*|faller bort|föll bort|(?:lägger|lägg\w*) VI (?:den |det |dem )?åt sidan|(?:går|hoppar) VI förbi"
    r"|tar VI (?:den |det |dem )?inte (?:i dag|idag|i kväll|ikväll|nu|den här gången)|blir det inget med"
)  # "… punkt sju, inte är klar att behandlas", "Vi skippar …", "Punkt fyra faller bort", "… lägger vi åt sidan"
SKIP_TOPIC = re.compile(
    (
        r"\b(hoppa(?:r)? (?:VI )?över|stryks|stryker|utgår|bordläggs|bordlägger|skjuter (?:VI )?upp"
        r"|skjuts upp|(?:skjuter (?:VI|\w+)|(?:vill|kan|ska|får) (?:jag|VI) skjuta) (?:den |det |dem )?"
        r"(?:på\b|till (?:hösten|våren|sommaren|vintern|nästa|efter|senare)"
        r"|till (?:en |ett )?(?:\w+ )?(?:\w*möte|\w*stämma|sammanträde)\b)"
        r"|nästa gång|får vänta|vänta(?:r)? (?:VI )?(?:också |även )?(?:med|till|tills)"
        r"|(?:har VI|VI har) (?:\w+ )?(?:skjutit|strukit|bordlagt|hoppat över)"  # told again: "har vi skjutit till …"
        r"|(?:tar VI|VI tar|tas) (?:upp )?(?:den |det )?(?:på|till) (?:nästa|vårens|höstens|ett senare|ett kommande)"
        r" (?:\w*möte|sammanträde)"
        r"|hoppar VI (?!till\b|fram\b|tillbaka\b|in\b)|skjuter VI (?!till\b|in\b)"
        r"|(?:ta|tar VI|tas) upp (?:den |det |dem )?(?:på|till) (?:(?:förenings|års)?stämman|årsmötet)"
        + _STRUCK
        + r")\b"
    ).replace("VI", VI)
)  # "Det får vi ta upp på stämman": a topic left to the annual meeting is not treated here

# An item tabled: put off to a later meeting rather than struck ("bordläggs", "Den tar vi på nästa möte", "skjuter vi
# till nästa sammanträde", "får vänta till februari"); the protokoll says "Bordlagd", not "Ej behandlad"
_LATER_TIME = (
    r"(?:hösten|våren|sommaren|vintern|efter \w+|januari|februari|mars|april|maj|juni|juli|augusti|september"
    r"|oktober|november|december|nästa år|nyår)"
)
TABLED = re.compile(
    r"\b(?:bordl(?:ägg|ad|agd|agt)\w*|(?:till|på|under) nästa (?:möte|sammanträde|styrelsemöte|gång|träff|apt)"
    r"|(?:till|på|under) (?:ett )?(?:senare|kommande) (?:möte|sammanträde|träff)"
    r"|(?:skjut\w*|skjuts|vänta|flytta\w*) (?:\w+ ){0,3}?till " + _LATER_TIME + r")\b"
)  # "… skjuter vi till hösten", "… får vänta till februari"

# An item put off to later in the same meeting: "Förvaltningen tar vi sist", "Lokalerna skjuter vi på …, vi tar dem
# sist": not started here, and the item the chair goes on to instead is taken now ("… Så hur ser det ut med
# vikarierna?")
LATER = re.compile(
    r"\b(?:tar VI|VI tar|tas) (?:den |det |dem |upp )?(?:sist|i slutet|senare|efteråt|till sist)\b".replace("VI", VI)
)

# After a struck item, the one taken instead: "… så vi väntar med skyddsronden och börjar med den nya rutinen"
_INSTEAD = re.compile(  # or arrives at it: "… har vi skjutit till maj, så då är vi framme vid avslutningen."
    r"(?:,\s*|\s(?:och|men|så)\s+)(?:då\s+)?(?:vi\s+)?(?:börjar|tar|går|fortsätter|är vi (?:nu )?framme)\b(?:\s+vi)?"
    r"(?P<rest>.+)$"
)

# Two items treated as one: "Skyddsronden och sjukfrånvaron hänger ihop, så vi tar dem tillsammans"
TOGETHER = re.compile(
    r"\b(?:tar|behandlar|går igenom) (?:VI )?(?:(?:dem|de|dom|båda|bägge|dessa|punkterna|frågorna)(?: två| båda)? )?"
    r"(?:tillsammans|samtidigt|på en gång)\b".replace("VI", VI)
)

ELECTIONS = ("chair", "secretary", "adjusters")
CALLED = ("other", "next")  # items the chair opens by asking the meeting: "Finns det något mer?", "Nästa möte?"
# A topic put under an item of the agenda while the agenda is approved: "Jag vill lägga till kårtidningen under övriga
# frågor", "Den tar vi upp under övrigt": it speaks of that item, and starts nothing
PLACED_UNDER = re.compile(r"\b(?:lägga|lägger|läggs|ta|tar|tas|ha|har) (?:\w+ ){0,2}(?:till|upp)\b.*\bunder\b")
ASKS_FOR = re.compile(
    r"\?\s*$|\b(?:behöver|ska|måste) (?:vi )?(?:\w+ ){0,2}(?:välja|ha)\b|\bvem (?:tar|kan|vill|skriver|för)\b"
    r"|\bbehöver (?:vi )?(?:\w+ ){0,2}som\b|\b(?:föreslår|yrkar på)\b"
)  # "Vem tar anteckningarna i dag?", "Sedan behöver vi två justerare", "Vi behöver någon som leder mötet",
# "Jag föreslår att jag är ordförande för mötet": asking for a role, or proposing someone for it, opens its election


# A clause put first gives the reason, the main clause after it (the verb before "vi") the item taken: "Eftersom
# motionen väntar går vi till pengarna", "Medan vi väntar på Lisa tar vi ekonomin"
AFTER_CLAUSE = re.compile(
    r"^\W*(?:eftersom|medan|när|innan|tills|då|för att)\b.+?,?\s(?:går|tar|börjar|hoppar) VI"
    r" (?:vidare |över |upp |fram )?"
    r"(?:till |med )?(?!(?:den|det|dem|vi|en|ett)\b)(.+?)(?:[,.;!?]|$)".replace("VI", VI)
)


def fronted_topic(low: str) -> set[str] | None:
    """The topic taken now, as stems: put first in "Taket tar vi före midsommarfirandet", or named in
    "Vi tar hallfrågan först", or after a clause put first ("Eftersom motionen väntar går vi till pengarna")."""
    found = None
    for m in (TAKEN_NOW.search(low), TAKES_FIRST.search(low), AFTER_CLAUSE.search(low)):
        if m:  # "Som sagt tar vi nu båtplatserna": what is fronted may be no topic at all
            found = {stem(w) for w in content_words(next(g for g in m.groups() if g is not None))}
            if found:
                return found
    return found


# Where the chair's announcement of an item begins inside a sentence: a transition or an item number
ANNOUNCEMENT = re.compile(TRANSITION.pattern + r"|\b(?:punkt|paragraf|ärende)(?:en|erna|t|na)?\b|§")
# What settles the item being treated: "Då beslutar vi så", "Klubbat", "Bifall", "Då gör vi det"
SETTLES = re.compile(
    r"\b(?:beslut\w*|beslöt|klubba\w*|godkän\w*|fastställ\w*|bifall\w*|antag\w*|antas|antogs"
    r"|(?:gör|kör|säger) vi (?:så|det|på det))\b"
)


def taken_instead(low: str) -> set[str] | None:
    """The topic (as stems) a chair takes up in the same sentence that strikes or defers another ("… väntar
    med skyddsronden och börjar med rutinen"): that item is announced, not struck."""
    skip = SKIP_TOPIC.search(low)
    m = _INSTEAD.search(low, skip.end()) if skip else None
    return {stem(w) for w in content_words(m.group("rest"))} if m else None


def taken_next(
    sentences: list[tuple[str, int]], skips: list[bool], later: list[bool], instead: list, words: int
) -> list[int]:
    """The sentences (lower-cased, with their turn) that take an item up right after the same turn struck or put
    off another ("Förvaltningen tar vi sist. Så hur ser det ut med vikarierna?"): short, struck nothing themselves,
    and the sentence before named no item taken instead; not one that settles an item ("Då stryker vi den. Med de
    ändringarna är dagordningen godkänd.": the item being treated ends)."""
    return [
        i
        for i in range(1, len(sentences))
        if (skips[i - 1] or later[i - 1])
        and instead[i - 1] is None
        and sentences[i][1] == sentences[i - 1][1]
        and len(sentences[i][0].split()) <= words
        and not (skips[i] or later[i])
        and not (CONCLUDES.search(sentences[i][0]) or DECIDES.search(sentences[i][0]))
    ]


def said_once(declared: list[str | None], said: str, kind: str, first: bool) -> None:
    """Only the first welcome (a guest welcomed later opens nothing) or the last thanks is the `kind`."""
    at = [i for i, d in enumerate(declared) if d == said]
    for i in at:
        declared[i] = kind if i == (at[0] if first else at[-1]) else None


def declared_at(low: str, position: float) -> str | None:
    """'Jag förklarar … mötet/sammanträdet …' early on opens the meeting, late on closes it, whatever the
    last word was heard as; a welcome at the very start opens it too, a thanks at the very end closes it."""
    if DECLARES.search(low):
        return "open" if position < 0.3 else "close" if position > 0.7 else None
    if WELCOMES.search(low) and position < 0.15:  # "Välkomna till arbetsplatsträffen": the meeting starts
        return "welcome"
    if THANKS.search(low) and position > 0.85:  # "Då <misheard> mötet. Tack allihop.": the meeting ends
        return "thanks"
    return None


# Verbs that say what the meeting does with itself, how it feels, or what it may do, not a decision
NOT_DECIDING = {
    "har", "hade", "är", "var", "blir", "går", "gick", "ses", "hörs", "tackar", "säger", "sa", "pratar", "talar",
    "börjar", "fortsätter", "kommer", "behöver", "får", "vet", "ser", "tycker", "tror", "hoppas", "väntar",
    "hoppar", "lämnar", "återkommer", "skjuter", "kan", "ska", "måste", "borde", "bör", "vill", "brukar", "tar",
    "avslutar", "öppnar", "stänger", "kör", "gör", "bordlägger", "noterar", "konstaterar", "antecknar", "lyssnar",
    "diskuterar", "funderar", "tittar", "kollar", "undersöker", "utreder", "läser", "hör", "träffas", "samlas",
    "räknar", "hinner", "glömmer", "minns", "behåller",
}  # fmt: skip
