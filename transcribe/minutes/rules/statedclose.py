"""The close that states the plan itself, read from what the turns around it do.

Others work on a matter (a member's proposal or offer, an objection, the answers to a question put to the
room, a show of hands) and the one who leads the talk closes it by saying how it will be: "Någon som har något
emot det?" - "Nej? Då går första turen lördagen den tionde juni."; "Jag kan byta slangen på tvåan." - "Gör det.
Tvåan står tills Dragan har bytt slangen, och vi kör med ettan och trean så länge."; "Fyra av fem. Då har skiftet
eget julbord ..."; "Okej. Vid första besöket efter förlossningen bokar vi alltid tolk på plats."

What makes it a close and not a remark:
- who: the leader of the talk;
- where: it opens the leader's turn after another's, behind nothing but a short reply to the room ("Okej.",
  "Nej?", "Vi gör så.", "Det har du rätt i.", "Fyra av fem.", "Gör det, Hoa.") or a close formula;
- before: someone else spoke on the same matter in the turns just before (a word, a number, a compound built on
  the other's word: "vattenautomat" after "vatten"; after a show of hands the call's own words), or the room said
  yes to a day the leader moved "i stället" off another's clash;
- the sentence: a plan in the present tense or from a time on, with the group, a thing or the person the matter
  is about as its subject ("vi", "ungdomsgruppen", "hall två", "hon"), or a plan without a verb after a call the
  room left silent or read as a yes ("Tyst, det tar jag som ett ja. Tre nivåer av praktikabler till kören."), or
  after a close that only points at who offered what ("Då skriver jag in det så. Yusuf och Sofia på julafton, ...");
  a rule with the impersonal "man" from a time on ("Från första juni bokar man plats i ugnen ..."); the new plan
  said as "Det blir ..." right after the speaker took her own back ("Då tar jag tillbaka det. Det blir
  cafeteria, ..."); never a view, a report, a question, a condition, a hedge, a sum, an ability or a wish;
- after: nobody objects in the next turn; a plan the leader asks a member about ("Går det, Amina?") stands once
  that member says yes.

After a show of hands, a plan said in the negative is the proposal voted down, not a decision ("Då bokar vi inte
honom i år."). Flagged: said as a plan.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, is_present_verb, strip_tail, to_infinitive
from transcribe.minutes.rules.acceptance import weight
from transcribe.minutes.rules.counted import count_only
from transcribe.minutes.rules.lastword import shares_matter
from transcribe.minutes.rules.otherbody import NOT_OURS
from transcribe.minutes.rules.utterances import Utt, is_agreement, stems
from transcribe.sv.text import capitalise, content_words

WHY = "Beslutet uttrycktes som en plan"
_LEAD = r"^(?:(?:okej|ok|ja|bra|nej|så\s+här\s+då|alltså)\b[\s,.:!]*)*"
# "Då går första turen ...", "Då är hall två stängd ...": the close's "då" and the verb before its subject
_THEN = re.compile(
    _LEAD + r"(?P<adv>(?:och\s+)?(?:då|så))\s+(?P<v>[a-zåäö]+r)\s+(?P<subj>vi|det|[\w-]+)\s+(?P<neg>inte\s+)?"
    r"(?P<rest>\S.*)$"
)
# "Så länge lånar vi ...", "Fram till midsommar har vi ...", "Vid första besöket ... bokar vi ...": a time or a
# case put first, the group's verb before "vi"
_FRONTED = re.compile(
    _LEAD + r"(?P<adv>(?!(?:om|ifall|när|innan|eftersom|för|men|det|den|de|dom|jag|du|ni|vi|man|han|hon|vad|hur|var|"
    r"vem|vilka|varför|sedan|sen|då|så\s+(?!länge))\b)(?:[\w-]+\s+){0,6}?[\w-]+,?)\s+(?P<v>[a-zåäö]+r)\s+(?P<subj>vi|man)\s+"
    r"(?P<neg>inte\s+)?(?P<rest>\S.*)$"
)
# "Vi ringer alla fem familjerna ...", "Leksakerna blir kvar ...", "Klubben betalar kursen.", "Hon får nya glas ..."
_DIRECT = re.compile(
    _LEAD + r"(?P<subj>vi|[\w-]{3,}(?:en|et|na|an))\s+"
    r"(?P<v>[a-zåäö]+r)\s+(?P<neg>inte\s+)?(?P<rest>\S.*)$"
)
# "Inga våfflor i år alltså, bara kaffe ...", "Tre nivåer av praktikabler till kören.": a plan without a verb
_VERBLESS = re.compile(
    _LEAD + r"(?P<np>(?:ingen|inga|inget|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio)\s+[\w-]+\b[^?]*)$"
)
# Talk, thought, ability, wish, duty, habit and the meeting's order: no plan
_NOT_PLAN = frozenset(
    "ska kan vill måste behöver tycker tror vet ser hör hoppas undrar verkar känns säger menar lär brukar hinner "
    "orkar klarar förstår minns glömmer tackar hälsar väntar funderar försöker pratar diskuterar sammanfattar "
    "avslutar fortsätter börjar kommer heter räcker slutar litar gillar väljer ber tappar förlorar riskerar missar "
    "äger".split()
)
_NOT_SUBJECT = frozenset(
    "jag du ni man de dom den det där här nu också bara ju väl nog inte alltså ingen inget inga någon något "
    "alla".split()
)
# Words ending like a present verb that are none: "Dagen efter valborg", "Halva över", "Tre eller fyra"
_NOT_VERBS = frozenset("efter under över eller mer kvar där här när för var hur per vidare sommar vinter".split())
_REPORT = re.compile(r"\bhar\s+(?:inte\s+)?[a-zåäö]+(?:at|it|tt|gt|rt|mt|nt|lt|kt|pt|st|dd)\b")
_SUM = re.compile(r"\b(?:har|finns)\b.*\bkvar\b|\bkostar\b|\bräcker\b|\bbättre\s+än\b")
_ORDER = re.compile(
    r"\b(?:går|hoppar|tar)\s+vi\s+(?:till|vidare|över|tillbaka|nästa|upp)\b|\bvi\s+(?:går|tar)\s+nästa\b"
    r"|\b(?:kör|sätter|drar)\s+(?:vi\s+)?igång\s*(?:[,.!]|$)"  # the opening: "Okej, vi kör igång, så Maria hinner ..."
)
# A show of hands or a count: "Räck upp en hand ...", "Vilka är för ...?", "Fyra av fem."
_VOTE = re.compile(
    r"\b(?:räck\w*\s+upp|händer(?:na)?|handen|röstar|rösta|vilka\s+är\s+för|av\s+(?:fem|fyra|sex|sju))\b"
)
# An objection or a doubt in the next turn: "Vänta, ...", "Nej, ...", "Det går inte", a question back
_OBJECTS = re.compile(r"^(?:vänta|nej|nja|nä|absolut\s+inte|det\s+går\s+inte|stopp)\b|\bkan\s+vi\s+inte\b")
# "får" with an infinitive after it: "får vänta", "får ringa", "får ta med"
_INFINITIVE = re.compile(r"(?:ta|gå|se|stå|få|ha|be|ge|dra|bo|[a-zåäö]{3,}a)\b(?<!nya)(?<!bra)")
# "Det tar vi i november när ...", "Då tar vi den nästa gång": put off, not settled
_PUT_OFF = re.compile(r"\btar\s+(?:vi\s+)?(?:det|den|dem|upp)\b")
# Not a plan the group sets: a task for the one addressed ("du", "ni"), a later or other case ("nästa gång",
# "när vi vet", "annars", "eller så"), a known fact or a view ("ju", "tror", "blir mindre"), the agenda's order
# ("tar vi stugan direkt efter ekonomin"), another's role ("står för")
_NOT_A_PLAN = re.compile(
    r"\b(?:du|dig|din|ditt|dina|ni|er|ju|tror|tycker|verkar|känns|annars|senare|aldrig|ställning)\b|\beller\s+så\b"
    r"|\bnästa\s+gång\b|\blängre\s+fram\b|\bnär\s+(?:vi|de|dom|det)\s+(?:vet|har|är|kommer|ser|blir)\b"
    r"|\bblir\s+(?:\w+\s+)?(?:mindre|större|bättre|sämre|mer|fler|färre|[a-zåäö]{3,}are)\b"
    r"|\b(?:direkt|först|sist)\s+(?:efter|före|nu)\b|\bstår\s+för\b|\bdärför\b|\bsammanfatt\w*|\bsummer\w*"
    r"|\b(?:tittar|ser|tar)\s+vi\s+(?:\w+\s+){0,2}igen\b"
)
# A state set until or from a time, or a price: "stängd tills ...", "är gratis"
_STATE = re.compile(
    r"\b(?:gratis|avgiftsfri|stängd|stängt|öppen|öppet|inställd|inställt|ledig|ledigt|kvar)\b"
    r"|\b[a-zåäö]+[dt]\s+(?:tills|fram\s+till|från\s+och\s+med|från\s+i\s+dag)\b"
)
# A day, an hour or a count both said: "den sjuttonde", "klockan sju", "tjugo funktionärer"
_NUMBER_WORD = re.compile(
    r"\b(?:\d+|första|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde|tionde|elfte|tolfte|[a-zåäö]+tonde"
    r"|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|[a-zåäö]+ton|tjugo\w*|trettio\w*|\w*hundra\w*|\w*tusen)\b"
)
_ERRANDS = frozenset("mejlar ringer skickar frågar kontaktar kollar hämtar meddelar informerar skriver".split())
_PERSON = re.compile(r"(?:jag|du|ni|vi|han|hon|de|dom|man)\b")
_PRONOUN_OBJECT = re.compile(r"(?:dem|den|det|honom|henne|dom)(?:\s+(?:igen|nu|själv|själva|också)\b|\s*[.,!]|$)")
_NUMBERS = frozenset("ett två tre fyra fem sex sju åtta nio tio".split())
_DEFINITE = re.compile(r"[a-zåäö]{2,}(?:en|et|na|an)[,.]?$")
_HANDS = re.compile(r"\b(?:räck\w*\s+upp|upp\s+med\s+händerna|vilka\s+är\s+för)\b")
_UNHEARD_SETTLING = re.compile(r"^(?:då|så)\s+har\s+(?!vi\b)[\w-]+\s+det\b")
_SUMMING = re.compile(r"\b(?:sammanfatt\w*|summer\w*)\b")
_OPENER_Q = re.compile(r"\b(?:emot|invändningar|dålig\s+idé|något\s+att\s+invända)\b")
# The leader reading the room's silence as its yes: "Tyst, det tar jag som ett ja."
_SILENCE_YES = re.compile(r"\bsom\s+(?:ett\s+)?ja\b|^(?:tyst|tystnad)\b")
# A time from which a rule holds: "Från första juni bokar man ...", "Från och med nu ...", "I fortsättningen ..."
_FROM_NOW = re.compile(
    r"^(?:från\s+(?:och\s+med\s+)?(?!start|början)\S+(?:\s+\S+)?|hädanefter|i\s+fortsättningen|framöver),?$"
)
# The speaker taking back what he said: "Då tar jag tillbaka det.", "Glöm det jag sa.", "Jag ändrar mig."
_TAKES_BACK = re.compile(r"\btar\s+jag\s+tillbaka\b|\bglöm\s+det\b|\bjag\s+ändrar\s+mig\b")
# A close that only points at what the others said: "Då skriver jag in det så.", "Då är det så."
_POINTED = re.compile(
    r"^(?:(?:okej|ok|bra|ja)\b[\s,.]*)*(?:(?:då|så)\s+(?:skriver\s+jag\s+(?:in|upp|ner)\s+det(?:\s+så)?|är\s+det\s+(?:så|klart)"
    r"|blir\s+det\s+så|gör\s+vi\s+så|kör\s+vi\s+så|får\s+det\s+bli)[\s,]*)+[.!]?$"
)  # "Bra, då är det klart, så får det bli."
# A member offering to take a part: "Jag kan ta julafton", "Jag tar nyår.", "Då tar jag mellandagarna."
_OFFERS = re.compile(r"\bjag\s+(?:kan\s+ta|tar)\b|\btar\s+jag\b")
_INSTEAD = re.compile(r"\bi\s*stället\b")
# "Det blir cafeteria, och ...": the new plan said as what it will be
_IT_WILL_BE = re.compile(_LEAD + r"(?P<subj>det)\s+(?P<v>blir)\s+(?P<neg>inte\s+)?(?P<rest>\S.*)$")


def _subject_first(after_verb: str, verb: str) -> str | None:
    """The subject said after the verb put before it: the words up to its noun ('första turen', 'hall två',
    'varannan träff i föräldragrupperna') within its first two words; None when no noun stands there."""
    words = after_verb.split()
    for i, w in enumerate(words[:2]):
        low = w.lower().strip(",.")
        if i and low in _NUMBERS:
            break
        if re.search(r"[a-zåäö]{2,}(?:en|et|na|an)$", low) and low not in ("igen", "sen", "men"):
            if i + 2 < len(words) and words[i + 1] in ("i", "på", "vid") and _DEFINITE.search(words[i + 2]):
                i += 2  # "varannan träff i föräldragrupperna"
            break
        if low in ("det", "vi") and i == 0:
            break
    else:
        return None
    return " ".join([*words[: i + 1], verb, *words[i + 1 :]])


class StatedCloses:
    """The leader's close that states the plan; a RuleState mixin."""

    def _stated_close(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        if self._taken_as_offered(u):
            return True
        if u.speaker != self.talk_leader() or count_only(u, self.robust):
            return False  # (the count said option by option is no plan: counted.py reads the plan after it)
        opened = self._close_opening(u)
        if opened is None:
            return False
        plan = self._plan_said(u, silent=opened)
        nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
        asked = nxt is not None and nxt.turn == u.turn and nxt.is_question
        reply = self._asked_reply(nxt) if asked and nxt is not None else None
        moved = reply is not None and _INSTEAD.search(u.low)
        if plan is None or not (self._on_matter(u, plan[2]) or moved):
            return False  # the matter nobody else spoke on, unless the room said yes to a plan moved off another's
        if plan[1] and any(_VOTE.search(v.low) for v in self._window(u, back=6)):
            return False  # "Då bokar vi inte honom i år." after a show of hands: the proposal voted down
        said = [u]
        if asked and nxt is not None:
            if reply is None:
                return False  # the plan put to the room, not closed
            said += [nxt, reply]
        elif self._objected_after(u):
            return False
        if any(NOT_OURS.search(v.low) for v in self.utts[u.idx + 1 : u.idx + 3] if v.turn == u.turn):
            return False  # "Priserna sätter kedjan, Emma. Det kan vi inte bestämma själva.": another's decision
        self._add_decision(plan[0], u, said, 0.6, WHY)
        self.used.update(v.idx for v in said)
        return True

    def _taken_as_offered(self, u: Utt) -> bool:
        """Who takes what, as each offered, listed after a close that only points at it, by whoever closes: "Jag kan
        ta julafton ..." - "Jag tar nyår." - "Då tar jag mellandagarna." - "Bra, då är det klart, så får det bli.
        Jenny julafton, Emil nyårsafton, Hawa mellandagarna." Two of the people listed offered their part."""
        before = self.utts[u.idx - 1] if u.idx else None
        if before is None or before.turn != u.turn or not _POINTED.match(before.low):
            return False
        said = strip_tail(u.text).rstrip(" .!")
        items = [x.strip() for x in re.split(r",\s*(?:och\s+)?|\s+och\s+(?=[A-ZÅÄÖ])", said)]
        named = [self._named_person(x.lower()) for x in items]
        if len(items) < 2 or any(n is None or n[2] != 0 for n in named):
            return False  # not a list of people, each with a part
        parts = [x.split(maxsplit=1)[1] if len(x.split()) > 1 else "" for x in items]
        if any(not p or any(is_present_verb(w) and w not in _NOT_VERBS for w in p.lower().split()) for p in parts):
            return False  # "Jenny tar kassan": a sentence of its own, read by the other rules
        offered = {
            v.speaker
            for v in self._window(u, back=12)
            if _OFFERS.search(v.low) and any(n is not None and n[0] == v.speaker for n in named)
        }
        if len(offered) < 2:
            return False
        self._add_decision(capitalise(strip_tail(u.text).rstrip(" ,.!")) + ".", u, [before, u], 0.6, WHY)
        self.used.update((before.idx, u.idx))
        return True

    def _close_opening(self, u: Utt) -> bool | None:
        """Whether `u` opens the leader's turn after another's, behind a short reply or a close formula only (True
        when that was a call for objections the room left silent); None when it does not."""
        before = [v for v in self.utts[max(0, u.idx - 4) : u.idx] if v.turn == u.turn]
        called = [v for v in before if (v.is_question and _OPENER_Q.search(v.low)) or _HANDS.search(v.low)]
        if called and self._on_matter(u):  # "... Ingen emot? Då flyttar ...", "Räck upp ... Fyra av fem. Då har ..."
            before = before[before.index(called[-1]) :]
            # the call naming its matter, then nothing but short words or the silence read as a yes
            return all(weight(v.text) <= 2 or _SILENCE_YES.search(v.low) for v in before[1:]) and (
                weight(before[0].text) <= 2 or any(_SILENCE_YES.search(v.low) for v in before[1:])
            )
        if any(_UNHEARD_SETTLING.match(v.low) for v in before):
            return None  # "Då har hon det.": a settling with its "vi" heard as another word, left to that rule
        if any(_SUMMING.search(v.low) for v in self.utts[max(0, u.idx - 6) : u.idx] if v.turn == u.turn):
            return None  # the summing-up: its own rules read what it recalls
        for v in before:
            if v.idx in self.decided or (weight(v.text) > 2 and not cues.CONFIRMATION.search(v.low)):
                return None
        first = before[0] if before else u
        if first.idx == 0 or self.utts[first.idx - 1].speaker == u.speaker:
            return None
        return any(v.is_question and _OPENER_Q.search(v.low) for v in [*before, self.utts[first.idx - 1]]) or bool(
            before and re.search(r"\bsom\s+ett\s+ja\b", before[-1].low)
        )

    def _plan_said(self, u: Utt, silent: bool) -> tuple[str, bool, str] | None:
        """The decision's sentence, whether it is negated and its verb, or None when `u` states no plan."""
        low = u.low
        if cues.TENTATIVE.search(low) or cues.REPORTED.search(low) or cues.HEDGE.search(low.replace(" inte ", " ")):
            return None
        if cues.UNDECIDED.search(low) or cues.AGENDA_TALK.search(low) or _ORDER.search(low) or _SUM.search(low):
            return None
        if cues.NEXT_MEETING.search(low) or _PUT_OFF.search(low) or _NOT_A_PLAN.search(low):
            return None
        if re.search(r",\s+[A-ZÅÄÖ][a-zåäö-]+[.!]?$", u.text):  # "Avgiften blir som förra året, Sara.": said to one
            return None
        main = re.split(r"\b(?:tills|när|innan|som|att|eftersom)\b", low)[0]  # "tills Dragan har bytt": no report
        if re.search(r"\b(?:om|ifall)\s+(?:vi|det|ni|de|man|någon|han|hon)\b", low) or _REPORT.search(main):
            return None
        at = len(u.text) - len(low)
        before = self.utts[u.idx - 1] if u.idx else None
        retaken = before is not None and before.turn == u.turn and bool(_TAKES_BACK.search(before.low))
        for pat in (_THEN, _FRONTED, _DIRECT, *([_IT_WILL_BE] if retaken else [])):
            m = pat.match(low)
            if m is None or m.group("v") in _NOT_PLAN | _NOT_VERBS or not is_present_verb(m.group("v")):
                continue
            subj, adv = m.group("subj"), m.groupdict().get("adv") or ""
            if subj == "man" and _FROM_NOW.match(adv) and not m.group("neg"):
                # "Från första juni bokar man plats i ugnen ...": the impersonal rule from a time on, said as is
                return capitalise(strip_tail(u.text[at + m.start("adv") :]).rstrip(" ,.!")) + ".", False, m.group("v")
            if subj in _NOT_SUBJECT and not (subj == "det" and m.group("v") == "blir"):
                continue
            fronted = _PERSON.match(m.group("rest")) or u.text[at + m.start("rest") :][:1].isupper()
            if pat is _IT_WILL_BE and not fronted:  # "Då tar jag tillbaka det. Det blir cafeteria, ...": the new plan
                return capitalise(strip_tail(u.text[at + m.start("subj") :]).rstrip(" ,.!")) + ".", False, "blir"
            if subj != "vi" and (not re.match(r"^(?:och\s+)?(?:då|så)$", adv) if adv else fronted):
                continue  # "Priserna sätter kedjan", "Frakten får vi ta": a fronted object, another's act
            said_subj = u.text[at + m.start("subj") : at + m.end("subj")]
            if subj in ("han", "hon", "hen") or (adv and said_subj[:1].isupper()) or self._named_person(subj):
                continue  # "Då går Leyla och Mikael kursen ...", "Han får all mat": a person's errand, not the group's
            if (subj == "det" and m.group("neg")) or _PRONOUN_OBJECT.match(m.group("rest")):
                continue  # "Det blir inte tvåhundrafemtio.": turned down; "Vi ringer dem": an errand
            if subj != "vi" and m.group("v") in _ERRANDS:
                continue  # "Johan mejlar regionchefen ...": one person's errand, or another party's doing
            if m.group("v") == "lämnar" and not re.match(r"(?:in|ut|över|tillbaka)\b", m.group("rest")):
                continue  # "Då lämnar vi ljudsystemet": the matter dropped
            if m.group("v") == "får" and _INFINITIVE.match(m.group("rest")):
                continue  # "Då får Nora ringa ...", "Tältet får vänta": a duty or a wait
            if m.group("v") in ("är", "har", "får") and subj == "vi" and not self._state_set(m.group("rest")):
                continue  # "Då har vi två tusen", "Då får vi stryka det": no plan
            if m.group("v") == "är" and not _STATE.search(m.group("rest")):
                continue  # "Då är bussen full": how things are, no state the meeting sets
            rest = strip_tail(u.text[at + m.start("rest") :]).rstrip(" ,.!")
            if weight(rest) < 1 and not _NUMBER_WORD.search(rest.lower()):
                continue  # "Då skriver vi på.": a plan naming nothing
            neg = bool(m.group("neg"))
            if subj == "vi":
                timed = adv and not re.match(r"^(?:och\s+)?(?:då|så)$", adv)  # "Fram till midsommar har vi ..."
                when = f", {u.text[at + m.start('adv') : at + m.end('adv')]}" if timed else ""
                clause = f"att {'inte ' if neg else ''}{to_infinitive(m.group('v'))} {rest}{when.lower()}"
                return decision_sentence(first_person(clause, u.name)), neg, m.group("v")
            if adv:  # "Då går första turen lördagen ..." -> "Första turen går lördagen ..."
                said = _subject_first(u.text[at + m.start("subj") :], u.text[at + m.start("v") : at + m.end("v")])
                if said is None:
                    continue  # "Då ligger praon kvar ...": no subject the minutes can name
            else:
                said = u.text[at + m.start("subj") :]
            return capitalise(first_person(strip_tail(said).rstrip(" ,.!"), u.name)) + ".", neg, m.group("v")
        if retaken is False and before is not None and before.turn == u.turn and _POINTED.match(before.low):
            # "Då skriver jag in det så. Yusuf och Sofia på julafton, Maria och Jesper på nyårsafton.": who takes what
            lower = [w for w in re.findall(r"[\w-]+", u.text) if w.islower()]
            if lower and not any(is_present_verb(w) and w not in _NOT_VERBS for w in lower):
                return capitalise(strip_tail(u.text).rstrip(" ,.!")) + ".", False, ""
        m = _VERBLESS.match(low)
        if m is not None and re.match(r"(?:ingen|inga|inget)\s+\S+", m.group("np")):
            if is_present_verb(m.group("np").split()[1]):
                return None  # "Ingen jobbar mer än fyra kvällar.": how it is, with a verb
        if m is not None and (silent or re.search(r"\balltså\b|^så\s+här\s+då\b", low)):
            np = strip_tail(u.text[at + m.start("np") :]).rstrip(" ,.!")
            return capitalise(np) + ".", bool(re.match(r"(?:ingen|inga|inget)\b", m.group("np"))), ""
        return None

    def _on_matter(self, u: Utt, verb: str = "") -> bool:
        """Someone else spoke in the turns just before on what `u` says: a word or a number said by both."""
        said = " ".join(w for w in content_words(u.text) if w.lower() != verb)  # the matter, not the verb
        mine = stems(said) | set(_NUMBER_WORD.findall(u.low))
        window = self._window(u, back=10)
        others = [v for v in window if v.speaker != u.speaker]
        # a show of hands others answered: the call's own words are the matter they voted on
        others += [v for v in window if _VOTE.search(v.low) and any(w.speaker != v.speaker for w in others)]
        # "vattenautomat" after "vatten", "ugnsdörren" after "dörren": a compound built on the other's word
        words = {w.lower() for w in content_words(said)}
        return any(
            mine & (stems(v.text) | set(_NUMBER_WORD.findall(v.low)))
            or shares_matter(words, {w.lower() for w in content_words(v.text)}, least=5)
            for v in others
        )

    @staticmethod
    def _state_set(rest: str) -> bool:
        """'öppet till sju på torsdagar', 'stängt tills ...': a state the group sets, not a sum or a duty."""
        return bool(re.match(r"(?:öppet|stängt|ledigt|gratis)\b", rest))

    def _asked_reply(self, asked: Utt) -> Utt | None:
        """The first reply by another to the leader's question about the plan, when it agrees."""
        reply = next((v for v in self.utts[asked.idx + 1 : asked.idx + 3] if v.turn != asked.turn), None)
        if reply is None or reply.speaker == asked.speaker or _OBJECTS.search(reply.low):
            return None
        agreed = is_agreement(reply) or re.match(r"^det\s+(?:går|är\s+okej|fungerar)\b", reply.low)
        return reply if agreed else None

    def _objected_after(self, u: Utt) -> bool:
        """The next turn objects or asks back: the plan is not settled yet."""
        reply = next((v for v in self.utts[u.idx + 1 : u.idx + 8] if v.turn != u.turn), None)
        if reply is None or reply.speaker == u.speaker:
            return False
        turn = [v for v in self.utts[reply.idx : reply.idx + 4] if v.turn == reply.turn]
        return bool(_OBJECTS.search(reply.low)) or (reply.low.startswith("men ") and any(v.is_question for v in turn))
