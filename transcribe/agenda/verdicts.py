"""Decisions read from an agenda item's own structure: its title, the proposal and the meeting's assent.

A protokoll meeting settles many items without the words "beslutar att": the chair asks "Kan stämman
fastställa resultat- och balansräkningen?", the floor answers "Ja!", the chair says "Klubbat." The item's
title already says what was decided ("Fastställande av …", "Fråga om ansvarsfrihet", "Val av revisorer"), or
the chair's closing says it ("Då gör vi så, affischerna lämnas till återvinning", "Då kör vi programmet som
Ebba lagt upp det"), or the proposal before the assent does ("Jag föreslår att …"). An item the sentence rules
left without a decision gets one here, with the closing as its evidence. What the text rests on decides the
flag: the chair's own words stand; a decision worded from the title or from a proposal is flagged for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transcribe.agenda.align import Alignment, ItemSpan, Unit, chair_speaker
from transcribe.agenda.phrases import ANNOUNCEMENT, ANNOUNCES, CONCLUDES, fronted_topic
from transcribe.agenda.settle import filed_under, lead_in
from transcribe.agenda.topics import overlap, title_stems
from transcribe.sv.text import capitalise, content_words, finish_sentence

ROLE_KINDS = {"chair", "secretary", "adjusters", "open", "close"}  # elections are reported as roles

# The meeting's assent as the chair states it.
SEALS = re.compile(
    r"\bklubba(?:t|s|de)\b|\bklubbar (?:vi|ni|jag|det|beslutet|förslaget)\b"  # not the clubs ("alla klubbar")
    r"|\b(?:det|detta|den|de|dessa|förslaget|beslutet) (?:är|blir) (?:alltså |därmed )?(?:beslutat|beslutad|bifallet|"
    r"bifallen|antaget|antagen|fastställt|fastställd|godkänt|godkänd|beviljat|beviljad)\b"
    r"|\b(?:då|så) (?:är|blir) det (?:så )?(?:beslutat|bestämt)\b"
    r"|\b\w+(?:en|et|na|ningen) (?:är|blir) (?:alltså |därmed |härmed )?(?:fastställd|fastställt|fastställda|godkänd|"
    r"godkänt|godkända|antagen|antaget|antagna|beviljad|beviljat|beslutad|beslutat|bifallen|bifallet)\b"
    r"|\b(?:så|det) beslutar (?:vi|ni|mötet|stämman|styrelsen|nämnden|rådet)\b"
    r"|^\W*(?:\w+\W+){0,2}?(?:då|så) (?:godkänner|fastställer|antar|beviljar|bifaller|väljer) "
    r"(?:vi|mötet|stämman|styrelsen|nämnden|rådet)\b"
    r"|\bfinner (?:jag )?att (?:\w+ ){0,2}(?:har )?"
    r"(?:bifall\w*|beslut\w*|antagit|antar|godk\w*|fastställ\w*|bevilja\w*)"
    r"|^\W*(?:\w+\W+){0,2}?(?:då|så) (?:gör|kör) (?:vi|ni|via) (?:så|på det|det)\b"
    r"|^\W*(?:\w+\W+){0,2}?(?:då|så) (?:kör|tar|genomför|satsar) (?:vi|ni|via) (?:på )?\w+"
    r"|^\W*(?:\w+\W+){0,2}?(?:då|så) blir det \w+"
    r"|^\W*(?:\w+\W+){0,2}?(?:då|så) följer (?:vi|ni) (?:den|dem|dagordningen|förslaget|\w+s förslag)\W*$"
    r"|\b(?:lägger (?:vi|ni)|läggs) (?:\w+ ){0,5}?till handlingarna\b"
    r"|\b(?:vi|mötet|stämman|styrelsen|nämnden|rådet) (?:har )?"
    r"(?:beslutar|beslutat|bifaller|bifallit|beviljar|beviljat) (?:så|det|enligt|i enlighet)\b"
)
REFUSED = re.compile(r"\b(?:avslag\w*|avslog\w*|avslå\w*|faller|föll|bordlägg\w*|återremitt\w*|inte|ingen enighet)\b")
_GAVEL = re.compile(r"\bklubba(?:t|s|de)\b|\bklubbar (?:vi|ni|jag|det|beslutet|förslaget)\b")
# A question for the meeting's assent, answered by the floor.
ASKS = re.compile(
    r"\b(?:kan|får|beviljar|godkänner|fastställer|antar|bifaller|beslutar|väljer|besluta|bevilja|godkänna|anser|"
    r"fastställa|anta|välja|lägga) (?:vi|mötet|stämman|årsmötet|årsstämman|styrelsen|nämnden|rådet|föreningen)\b"
    r"|\bbesluta så\b"
    r"|\bnågon (?:som )?(?:är )?emot\b|\bingen emot\b"
    r"|\b(?:kan|får) (?:\w+ ){1,3}?(?:fastställas|godkännas|antas|beviljas|bifallas|läggas|väljas)\b"
)  # "Kan stämman fastställa dem?", "Kan den fastställas?", "Är någon emot?"
YES = re.compile(r"^\W*(?:ja|javisst|jajamen|bifall|absolut|instämmer|inga invändningar|inget emot|det kan vi)\b")
# The outcome put as a bare participle by anyone, and said back by another: "Så sexan struken, och åtta och sju före
# fyran. Godkänd?" – "Godkänd."
_PUT = re.compile(r"(?:^|[.,:]\s*)(?:godkänd|godkänt|godkända|antagen|antaget|fastställd|fastställt)\?\s*$")
_AGAIN = re.compile(r"^\W*(?:ja\W+)?(?:godkänd|godkänt|godkända|antagen|antaget|fastställd|fastställt)\W*$")
NO = re.compile(r"^\W*(?:nej|nä|avslag|jag (?:yrkar|reserverar))\b")
PROPOSES = re.compile(r"\b(?:föreslår|yrkar på|yrkar|förslaget är|förslag(?:et)? (?:om|att))\b")
_PROPOSAL_CLAUSE = re.compile(r"\b(?:föreslår|yrkar på|yrkar)\s+(att\s+)?(.+)$")
_CUE_ONLY = re.compile(
    r"^\W*(?:(?:bra|tack|okej|fint|utmärkt|då|så|alltså|och)\W+)*(?:klubbat|(?:då|så) (?:gör|kör) (?:vi|ni|via) "
    r"(?:så|på det|det)|det är (?:alltså )?beslutat)\W*"
)
# The chair's short close that the matter stands as said: "Då är det så.", "Tack, Kjell. Då har vi det.", "Då är det
# så: Björn julafton, Reza nyårsafton."
_SO_SETTLED = re.compile(r"^\W*(?:(?:bra|tack|okej|fint|och)\W+)*(?:då|så) (?:är det så|har vi det)(?=\W*(?:$|:))\W*")
# The meeting notes a report, as it files one: "Tack. Vi noterar det.", "Då noterar vi den ekonomiska uppföljningen.",
# "Informationen noteras."
_NOTED = re.compile(
    r"^\W*(?:(?:bra|tack|okej|då|så)\W+)*"
    r"(?:(?:noterar (?:vi|mötet|styrelsen|nämnden|rådet|stämman)|vi noterar) (?P<a>.+?)"
    r"|(?P<b>\w+(?: \w+){0,5}?) noteras)\W*$"
)
_DOING = re.compile(
    r"^\W*(?:(?:bra|tack|okej|fint)\W+)*(?:då|så) (kör|tar|genomför|satsar|blir) (?:vi|ni|via|det) (?:på )?"
)
_INFINITIVE = {"kör": "köra", "tar": "ta", "genomför": "genomföra", "satsar": "satsa på", "blir": "det blir"}
_FILED = re.compile(
    r"^\W*(?:(?:bra|tack|okej|då|så|i övrigt)\W+)*(?:lägger (?:vi|ni) (?P<a>.+?)|(?P<b>.+?) läggs) till handlingarna\b"
)  # "I övrigt lägger vi anteckningarna till handlingarna", "Rapporten läggs till handlingarna"
# The notice asked as a question ("Fråga om årsmötet utlysts i rätt tid", "Har årsmötet kallats i rätt tid?"): the
# meeting is declared called so ("Årsmötet förklarades utlyst i rätt tid.")
_CALLED_TITLE = (
    r"^(?:(?:fråga|frågan) om |har |är )(mötet|stämman|årsmötet|årsstämman|föreningsstämman|sammanträdet) "
    r"(?:är |har |blivit |har blivit )?((?:\w+ )?)(?P<done>utlyst|utlysts|kallad|kallat|kallats)\b(.*?)\??$"
)
# The decision an item's title names: (pattern, how the decision reads; \1 the object).
TITLE_DECISIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^dagordning(?:en)?$"), "att godkänna dagordningen"),  # the agenda named alone is approved
    (re.compile(r"^föredragningslista(?:n)?$"), "att godkänna föredragningslistan"),
    (re.compile(_CALLED_TITLE), ""),
    (re.compile(r"^(?:beslut om )?fastställande av (.+)$"), r"att fastställa \1"),
    (re.compile(r"^(?:beslut om )?godkännande av (.+)$"), r"att godkänna \1"),
    (re.compile(r"^(?:beslut om )?antagande av (.+)$"), r"att anta \1"),
    (re.compile(r"^(?:beslut om |fråga om )?ansvarsfrihet för (.+)$"), r"att bevilja \1 ansvarsfrihet"),
    (re.compile(r"^(?:beslut om |fråga om )?ansvarsfrihet$"), "att bevilja ansvarsfrihet"),
    (re.compile(r"^(?:beslut om |fråga om )(.+)$"), r"om \1"),
    (re.compile(r"^(arvoden?\b.*)$"), r"om \1"),
    (re.compile(r"^val av (.+)$"), r"att välja \1"),
]
_FLAG_TITLE = "Beslutet är formulerat efter punktens rubrik och mötets bifall; kontrollera ordalydelsen"
_FLAG_PROPOSAL = "Beslutet är formulerat efter förslaget som mötet biföll; kontrollera ordalydelsen"


@dataclass
class Verdict:
    """A decision read from an item's structure: its text (without the body), evidence and how sure."""

    number: str
    text: str
    evidence: list[Unit]
    sure: bool
    reason: str | None = None


def _leaf(alignment: Alignment, span: ItemSpan) -> bool:
    return not any(s.parent == span.number for s in alignment.items)


def title_decision(title: str) -> str | None:
    """What an item's title says the meeting decides: "Fastställande av dagordning" -> "att fastställa dagordning"."""
    low = re.sub(r"\s+", " ", title.strip().lower()).rstrip(".:")
    for pattern, form in TITLE_DECISIONS:
        m = pattern.match(low)
        if m and "done" in pattern.groupindex:  # "utlysts", "kallats" -> the participle its meeting takes
            meeting, how, rest = m.group(1), m.group(2), m.group(4)
            done = "utlyst" if m.group("done").startswith("utlys") else "kallat" if meeting.endswith("et") else "kallad"
            return capitalise(re.sub(r"\s+", " ", f"{meeting} förklarades {how}{done}{rest}").strip())
        if m:  # the agenda approved in its definite form: "Godkännande av dagordning" -> "att godkänna dagordningen"
            return re.sub(r"\b(dagordning|föredragningslista)$", lambda d: d[1] + ("en" if d[1][-1] == "g" else "n"),
                          m.expand(form).strip())  # fmt: skip
    return None


def _seals(
    units: list[Unit], chair: str | None, title: set[str] = frozenset(), tail: list[Unit] | None = None
) -> list[tuple[int, list[Unit]]]:
    """Each place in the item where the meeting's assent is stated: (index of the closing, evidence). After a question
    the floor answers yes, the chair's outcome in the item's own words ("Beviljar stämman styrelsen ansvarsfrihet?" –
    "Ja." – "Ingen säger nej. Styrelsen är fri från ansvar …") is the closing's evidence too, also when said in the
    turn that opens the next item (`tail`, settle.lead_in: "Då är det så. Rådet rekommenderar … Utrustningen.")."""
    found = []
    for i, u in enumerate(units):
        if REFUSED.search(u.low):
            continue
        by_chair = chair is None or u.speaker in (chair, units[0].speaker)  # the chair, or who opened the item
        closes = SEALS.search(u.low) or CONCLUDES.search(u.low) or _SO_SETTLED.match(u.low) or _NOTED.match(u.low)
        if closes and (by_chair or _GAVEL.search(u.low)):
            cue = (ANNOUNCEMENT if i == 0 else ANNOUNCES).search(u.low)  # "Då tar vi …" opens an item only at its start
            if cue and not SEALS.search(u.low[: cue.start()]):
                continue  # the item's own announcement, "Då går vi vidare till …", is no assent
            if _DOING.match(u.low) and fronted_topic(u.low) is not None:
                continue  # nor an order changed: "Då tar vi motionerna först."
            found.append((i, [u]))
            continue
        if (by_chair and ASKS.search(u.low) or _PUT.search(u.low)) and u.text.rstrip().endswith("?"):
            answers = [w for w in units[i + 1 : i + 4] if w.speaker != u.speaker]
            said = answers and (YES.search(answers[0].low) or _PUT.search(u.low) and _AGAIN.match(answers[0].low))
            if said and not any(NO.search(w.low) for w in answers):
                found.append((i + 1, [u, answers[0], *_outcome([*units, *(tail or [])], i, title)]))
    return found


def _outcome(units: list[Unit], asked: int, title: set[str]) -> list[Unit]:
    """The asker's statement just after the floor's answers that says the item's own words again: the outcome."""
    after = units[asked + 1 :]
    k = next((j for j, w in enumerate(after) if w.speaker == units[asked].speaker), None)
    if k is None or k > 3:
        return []
    turn = [w for w in after[k : k + 2] if w.seg_id == after[k].seg_id]
    asked_words = units[asked].stems - title  # the question's own verb said again: "Beviljar …?" – "Det är beviljat."
    return [
        w
        for w in turn
        if not w.text.rstrip().endswith("?")
        and not ANNOUNCES.search(w.low)
        and (overlap(title, w.stems) or _SO_IT_IS.match(w.low) or _same_verb(asked_words, w.stems))
    ][:1]


_SO_IT_IS = re.compile(
    r"^\W*(?:(?:det|så|då) (?:är|blir) (?:det|den|de|dom)(?: det| så)?|det är (?:så|det)"
    r"|(?:(?:bra|fint)\W+)?(?:det|så|då) gör vi(?: det| så)?|bra|fint|utmärkt)\W*$"
)  # "Det är det.", "Då är den det." (the notice: "Anser stämman att den är behörigen utlyst?"); the asker's own
# short close after the floor's yes: "Det gör vi.", "Bra." ('Tack.' thanks for the answer only)


def _same_verb(asked: set[str], said: set[str]) -> bool:
    """The outcome says a word of the question again by its first four letters ("beviljar" – "beviljat", "välja" –
    "valt" not): the asker states what was just asked."""
    return any(a[:4] == w[:4] for a in asked for w in said if len(a) >= 5 and len(w) >= 5)


PRONOUN = re.compile(r"(?:det|den|dem|de|dessa|detta)")  # a filing's object said by a pronoun only


def _said(units: list[Unit], at: int, title: str) -> tuple[str, bool] | None:
    """The decision as said at the closing: its own words after the cue, else the next statement in the turn."""
    u = units[at]
    filed = _FILED.match(u.low)
    if filed:
        what = filed.group("a") or filed.group("b")
        if PRONOUN.fullmatch(what.strip()):  # "De läggs till handlingarna.": the item's title says what
            return f"att lägga {title.strip().rstrip('.:').lower()} till handlingarna", False
        start = u.low.index(what)
        return f"att lägga {u.text[start : start + len(what)]} till handlingarna", True
    noted = _NOTED.match(u.low)
    if noted:
        what = (noted.group("a") or noted.group("b")).strip()
        if PRONOUN.fullmatch(what):  # "Vi noterar det.": the item's title says what
            return f"att notera {title.strip().rstrip('.:').lower()}", False
        start = u.low.index(what)
        said = u.text[start : start + len(what)]
        return f"att notera {said[0].lower() + said[1:] if noted.group('b') else said}", True  # its subject put first
    doing = _DOING.match(u.low)
    if doing:
        rest = u.text[doing.end() :].strip()
        if len(content_words(rest)) >= 2:
            return f"att {_INFINITIVE[doing.group(1)]} {rest}", True
    cue = _CUE_ONLY.match(u.low)
    if cue:
        rest = u.text[cue.end() :].strip(" ,.")
        if len(content_words(rest)) >= 3:
            return f"att {rest[0].lower()}{rest[1:]}", True
        after = _stated_after(units, at)
        if after is not None:
            return f"att {after.text[0].lower()}{after.text[1:]}", True
    settled = _SO_SETTLED.match(u.low)
    if settled:  # the matter as said, worded by the protokoll: "Björn julafton, Reza nyårsafton."
        rest = u.text[settled.end() :].strip(" ,.")
        after = _stated_after(units, at)
        if len(content_words(rest)) >= 2:
            return rest, True
        if after is not None:
            return after.text, True
    return None


def _stated_after(units: list[Unit], at: int) -> Unit | None:
    """The statement just after the closing in the same turn, when it says something of its own."""
    u, after = units[at], units[at + 1] if at + 1 < len(units) else None
    if (
        after is not None
        and after.seg_id == u.seg_id
        and not after.text.rstrip().endswith("?")
        and not ANNOUNCEMENT.search(after.low)
        and len(content_words(after.text)) >= 3
    ):
        return after
    return None


_WHOSE = re.compile(r"\b(\w{4,})s (?:förslag|yrkande)\b")  # "bifallit arbetsutskottets förslag": a genitive


def proposal_before(units: list[Unit], before: int) -> str | None:
    """The latest proposal before the assent, or the one the closing names ("finner att nämnden bifallit
    arbetsutskottets förslag"): "föreslår att X" -> "att X", "styrelsen föreslår årsmötet att X" -> "att föreslå
    årsmötet att X" (what the meeting agreed to do)."""
    whose = list(_WHOSE.finditer(units[before].low)) if before < len(units) else []
    owner = whose[-1].group(1) if whose else None
    named = [u for u in units[:before] if owner and owner in u.low and PROPOSES.search(u.low)]
    for u in reversed(named or units[:before]):
        m = _PROPOSAL_CLAUSE.search(u.text.lower())
        if m and len(content_words(m.group(2))) >= 2:
            rest = u.text[m.start(2) :].strip()
            if m.group(1):
                return "att " + rest
            if "föreslår" in m.group(0) and " att " in rest:
                return "att föreslå " + rest
    return None


def item_verdicts(alignment: Alignment, units: list[Unit], decided: set[str]) -> list[Verdict]:
    """A decision for each treated item with none yet (`decided`) whose passage shows the meeting's assent."""
    chair = chair_speaker(units)
    out: list[Verdict] = []
    filed = {u.idx: filed_under(alignment, units, u) for u in units}  # "… till handlingarna, under punkt åtta"
    for span in alignment.items:
        if not span.treated or span.start is None or span.end is None or span.number in decided:
            continue
        if span.kind in ROLE_KINDS or not _leaf(alignment, span):
            continue
        before = {u.idx for u in lead_in(alignment, units, span.number)}  # the item before's close, said first
        own = [
            u
            for u in units
            if filed[u.idx] == span.number
            or filed[u.idx] is None
            and span.start - 0.01 <= u.start < span.end
            and u.idx not in before
        ]
        after = next((s.number for s in alignment.items if s.treated and s.start == span.end), None)
        sealed = _seals(own, chair, title_stems(span), lead_in(alignment, units, after))
        if span.kind in ("quorum", "agenda"):  # a filing settles a report, never the notice or the agenda
            sealed = [(at, ev) for at, ev in sealed if not _FILED.match(ev[-1].low)]
        if not sealed:
            continue
        worded = [(at, ev, said) for at, ev in sealed for said in [_said(own, at, span.title)] if said]
        if worded:  # the chair's own words, the last that say what was decided ("Då är läckan klar" says nothing)
            at, evidence, said = worded[-1]
            out.append(Verdict(span.number, finish_sentence(said[0]), evidence + _also(own, at, said[0]), True))
            continue
        at, evidence = sealed[-1]
        titled = title_decision(span.title) or _by_pronoun(evidence[-1].low, span.title)
        if titled:
            proposed = titled.startswith(("att ", "om ")) and any(PROPOSES.search(u.low) for u in own[:at])
            text = titled + (" enligt förslaget" if proposed else "")
            out.append(Verdict(span.number, finish_sentence(text), evidence, False, _FLAG_TITLE))
            continue
        asked = (_asked_matter(ev[0]) for _, ev in reversed(sealed) if len(ev) > 1)  # "Beviljar …?" – "Ja." – "Det
        proposal = next((m for m in asked if m), None) or proposal_before(own, at)  # är beviljat.": the question
        if proposal:
            out.append(Verdict(span.number, finish_sentence(proposal), evidence, False, _FLAG_PROPOSAL))
    return out


# The question put for assent that says the matter itself: "Kan vi lägga den ekonomiska berättelsen till handlingarna?"
_ASKED_MATTER = re.compile(
    r"^\W*(?:(?:och|så|då|tack)\W+)?(?:(?:kan|får) (?:vi|mötet|stämman|årsmötet|styrelsen|nämnden|rådet) "
    r"(?P<verb>lägga|fastställa|godkänna|anta|bevilja|bifalla|välja)"
    r"|(?P<put>beviljar|godkänner|fastställer|bifaller) (?:mötet|stämman|årsmötet|styrelsen|nämnden|rådet))"
    r" (?P<rest>[^?]+)\?\s*$"
)  # "Kan vi lägga … till handlingarna?", "Beviljar årsmötet styrelsen ansvarsfrihet för förra året?"


def _asked_matter(question: Unit) -> str | None:
    """The decision as the question put it, when it names its matter (not "Kan stämman fastställa dem?"): the
    question, not an earlier proposal of another matter, says what the floor's yes settled."""
    m = _ASKED_MATTER.match(question.low)
    if m is None or len(content_words(m.group("rest"))) < 2:
        return None
    verb = m.group("verb") or m.group("put")[:-2] + "a"  # "beviljar" -> "bevilja"
    return f"att {verb} {question.text[m.start('rest') : m.end('rest')]}"


_PRONOUN_OBJECT = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:då|så) (godkänner|fastställer|antar) (?:vi|mötet|stämman|styrelsen|nämnden)"
    r" (?:dem|den|det)\W*$"
)  # "Då godkänner vi dem." under "Föregående minnesanteckningar": the item itself is what was approved
_VERB_FORMS = {"godkänner": "godkänna", "fastställer": "fastställa", "antar": "anta"}


def _by_pronoun(low: str, title: str) -> str | None:
    """The item's title as the object of a closing that names it by a pronoun only."""
    m = _PRONOUN_OBJECT.match(low)
    return f"att {_VERB_FORMS[m.group(1)]} {title.strip().rstrip('.:').lower()}" if m else None


def _also(units: list[Unit], at: int, text: str) -> list[Unit]:
    """The sentence after the closing when the decision's words come from it."""
    nxt = units[at + 1] if at + 1 < len(units) else None
    return [nxt] if nxt is not None and nxt.text[1:].strip(" .") and nxt.text[1:].rstrip(".") in text else []
