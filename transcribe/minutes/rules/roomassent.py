"""Decisions the room settles by its assent: a matter put to it, answered yes, and the talk moving on.

Many groups never close with the leader's "Då …": the matter is put to the room by anyone and the room's short
answer settles it. The turns do three things, whatever the words:

- a matter is put: a plan for the group ("Så från och med nu tar vi inte emot lådor utan is på toppen.", "jag
  tycker vi tackar och säger ja till skylten."), a statement with a tag that asks for assent ("…, och inte när det
  är service. Eller?", "Kaffet blir tjugo kronor, det är vi väl överens om?", "Ska det vara så, Leif?"), a
  choice put as a question ("Ska vi ha den öppen under lunchen eller inte?", "får P tolv åka, ja eller nej?") or
  how the group is to act ("Hur ofta ska vi stå där?");
  or the terms summed up without a verb ("Lördagsöppet från mars då, tio till två.");
- another answers with assent alone ("Ja.", "Mm. Hon har rätt.", "Det blir bra.", "Alltid leg. Ja."), after a
  third's yes or not, or, to a choice or a how, a member picks one side or says how ("Öppen. Men bara två på
  linjen …", "Två morgnar i veckan.") and the asker or a third accepts it ("Okej.", "Mm. Förråden då."); a plan
  its putter defends against a third's question is what the assent settles, not the defence;
- no one objects, asks back or puts it again before the talk moves on, and the one who put it does not close it
  in words of his own (that close is read as it is said).

The decision is the matter (for a choice: the side picked, with the answer's terms), at the turn whose assent
settled it. A request to one person ("Kan du ringa …?" – "Ja.") is a task, a question answered with information
is none, and a matter another rule read already is left to it. Flagged: said without a decision word, or (the
assent heard with a word misheard, assentwords.heard_assent) for the reader to check against the recording.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.model import REVIEW_PREFIX
from transcribe.minutes.phrasing import (
    decision_sentence,
    first_person,
    indirect_question,
    is_present_verb,
    strip_tail,
    we_decision,
)
from transcribe.minutes.rules.assentwords import ASSENT as _ASSENT
from transcribe.minutes.rules.assentwords import JUDGES as _JUDGES
from transcribe.minutes.rules.assentwords import PLAIN_YES as _PLAIN_YES
from transcribe.minutes.rules.assentwords import bare_assent, heard_assent
from transcribe.minutes.rules.assentwords import meant as _meant
from transcribe.minutes.rules.puttext import OPENER as _OPENER
from transcribe.minutes.rules.puttext import RULE_LEAD as _RULE_LEAD
from transcribe.minutes.rules.puttext import fluent
from transcribe.minutes.rules.puttext import plain as _plain
from transcribe.minutes.rules.utterances import Utt, personal_commitment, stems
from transcribe.sv.calendar import MONTHS, WEEKDAYS
from transcribe.sv.numbers import COUNT_WORD
from transcribe.sv.text import capitalise, content_words

WHY = "Beslutet uttrycktes utan beslutsord"
# A tag that puts the statement before it to the room: "Eller?", "…, det är vi väl överens om?", "Ska det vara så?"
TAG = re.compile(
    r"(?:^|,\s*)(?P<tag>(?:eller|va|okej|ok|eller\s+hur|ja\s+eller\s+nej|alla\s+med(?:\s+på\s+det)?"
    r"|(?:det\s+)?är\s+vi\s+(?:väl\s+)?överens(?:\s+om(?:\s+det)?)?|ska\s+det\s+vara\s+så"
    r"|är\s+det\s+(?:okej|ok|bra)(?:\s+för\s+(?:dig|er|alla))?)(?:,\s*[\w-]+)?)\s*\?$"
)
# Tags that may close a remark as well as a plan: "Sune, du kom med sista turen, va?"
_LOOSE_TAG = re.compile(r"^(?:va|okej|ok|eller\s+hur)\b")
# A choice put as a question: "Ska vi ha den öppen under lunchen eller inte?", "Ska vi sälja dem, eller behandla?"
_CHOICE = re.compile(
    r"^(?:(?:men|och|så)\b[\s,]*)*(?:ska|skall)\s+vi\s+(?P<v>[a-zåäö]{2,})\s+(?P<rest>[^?]*?),?\s+eller\s+"
    r"(?P<alt>inte|[a-zåäö]{3,}(?:\s+[^?]*)?)\s*\?$"
)
# The group's course asked for: "Hur ofta ska vi stå där?", "När tar vi inventeringen?", "Vilken dag kör vi?"
_HOW = re.compile(
    r"^(?:(?:och|men|så|okej)\b[\s,]*)*(?:hur(?:\s+ofta|\s+många|\s+länge)?|när|var|vilken|vilket|vilka(?:\s+\w+)?)"
    r"\s+(?:ska|skall|gör|tar|kör|har|öppnar|stänger)\s+vi\b[^?]*\?$"
)
# A plan for the group: "vi <verb i presens>" (or the verb before "vi": "Valmeten säljer vi"), a rule from a time on
_PLAN = re.compile(
    r"(?:^|(?<!\bom\s)(?<!\bnär\s)(?<!\binnan\s)(?<!\btills\s)(?<!\beftersom\s)(?<!\bsom\s)(?<!\bdär\s)(?<!\batt\s))"
    r"\bvi\s+(?:inte\s+)?(?P<v>[a-zåäö]{2,}(?:ar|er|ör|år|r|as))\s+(?P<rest>\S.*)"
    r"|\b(?P<v2>[a-zåäö]{3,}(?:ar|er|ör))\s+vi\b(?P<rest2>.*)"
    r"|\bfrån\s+(?:och\s+med\s+)?(?:nu|i\s+dag|\w+dag)\b"
)
# Where the group goes: "vi går i Råbyskogen", "vi går till biblioteket" (never "vi går igenom", "vi går back")
_GOES_TO = re.compile(r"(?:i|till|på|runt|längs|genom)\s+(?!(?:det|den|dem|detta|dit|där|stället)\b)[a-zåäö-]{3,}")
# A summing-up without a verb: "Lördagsöppet från mars då, tio till två.", "Andra oktober, båda sorterna."
_VERBLESS = re.compile(
    r"^(?!(?:jag|du|vi|ni|de|dom|det|den|han|hon|man|nej|om|när|men|för|eftersom|att|fast|därför)\b)[^?]*$"
)
_PAST = re.compile(r"^(?:gick|var|blev|hade|kom|fick|sa|sade|tog|gjorde|[a-zåäö]{3,}ade)$")  # "bussen gick klockan sex"
# What has been, not what will be: "Hallhyran har gått upp med tio procent från januari."
_HAS_BEEN = re.compile(r"\b(?:har|hade|var|blev|fick)\b")
# What was done or decided before, told again: "Då har vi provat telefontiden …", "Så, för att summera allt: …"
_PAST_OR_RECAP = re.compile(r"\b(?:har|hade)\s+vi\b|\b(?:summer\w*|sammanfatt\w*)\b")
# A condition and its consequence, both with the verb first: "Höjer vi tappar vi folk."
_IF_THEN = re.compile(r"\b[a-zåäö]{3,}(?:ar|er|ör)\s+vi\s+[a-zåäö]{3,}(?:ar|er|ör)\s+vi\b")
_NOT_PLAN_VERBS = frozenset(
    "har ska kan får vill måste behöver tycker tror vet ser hör är går kommer blir hoppas undrar pratar "
    "diskuterar funderar väntar försöker bestämmer beslutar klarar hinner orkar".split()
)
# Talk about the talk, not a plan: "vi tar det i februari", "Vi börjar med uttrarna", "vi lägger det hos styrelsen"
_TALK = re.compile(
    r"\bvi\s+(?:tar|lägger|lämnar|skickar|börjar|fortsätter|går|kör)\s+(?:det|den|dem|detta|frågan|upp|med|vidare"
    r"|över|igenom|igång)\b|\bvi\s+(?:tar|börjar\s+med)\s+(?:[\w-]+\s+){0,4}?först\b"
)
# An objection or a doubt opening a later turn: "Nej, vänta.", "Fast …", "Men vänta lite."
_OBJECTION = re.compile(r"^(?:nej|nja|nä|vänta|fast|hm+|men\s+vänta|men\s+(?:jag|det)\b[^.?!]*\binte\b)")
# An argument or news, not a matter: "Det räcker, det ringer inte så mycket …", "De blir inte friska, …"
_REMARK = re.compile(r"^(?:(?:och|men)\s+)?(?:det|den|de|dom|hon|han)\s+(?:är|var|blir|räcker|ringer|har|kan)\b")
_NUMBER = re.compile(rf"\b{COUNT_WORD}\b")
_DECIDING = re.compile(r"\b(?:bestäm\w*|beslut\w*|klubba\w*)\b")


def _weight(text: str) -> int:
    return len(content_words(text)) + len(_NUMBER.findall(text.lower()))


def _shares(words: set[str], context: set[str]) -> bool:
    """A stem in common, or one the start of the other ('papp' in 'pappret')."""
    return any(
        w == c or (min(len(w), len(c)) >= 4 and (w.startswith(c) or c.startswith(w))) for w in words for c in context
    )


def group_plan(text: str) -> bool:
    """A plan for the group stated as fact: 'Så från och med nu tar vi inte emot lådor …', 'jag tycker vi tackar
    och säger ja till skylten', 'Den gamla Valmeten säljer vi', 'vi kör så här, att ingen säljer …'; not a
    condition, a hedge, talk about the talk or one's own plan."""
    opened = _OPENER.sub("", fluent(text.lower()))
    low = _plain(text.lower())
    if re.match(r"^(?:om|ifall|när|innan|jag|nej|absolut|precis|exakt)\b", low) or _weight(low) < 2:
        return False
    if is_present_verb(low.split()[0]) or _IF_THEN.search(low):
        return False  # "Säger besiktningsmannen att …, så köper vi …", "Höjer vi tappar vi folk": a condition first
    if cues.TENTATIVE.search(low) or cues.HEDGE.search(low) or _TALK.search(low) or _PAST_OR_RECAP.search(low):
        return False
    if cues.AGENDA_TALK.search(low) or cues.PUT_OFF_LATER.search(low):
        return False
    if _RULE_LEAD.match(opened):
        return True  # "vi kör så här, att …": the lead says a rule for the group follows
    m = _PLAN.search(low)
    if m is None or (m.group("v2") is not None and m.start() == 0):
        return False  # "Höjer vi tappar vi folk": a verb first is a condition
    verb, rest = (m.group("v"), m.group("rest")) if m.group("v") else (m.group("v2"), m.group("rest2"))
    if verb is None and _HAS_BEEN.search(low):
        return False  # a time from which something has been, not a rule from then on
    if verb == "går" and _GOES_TO.match(rest or ""):
        return True  # "vi går i Råbyskogen i stället": a place the group goes to, not "det går"
    return verb is None or (verb not in _NOT_PLAN_VERBS and (m.group("v2") is not None or _weight(rest) >= 1))


class RoomAssent:
    """A matter put to the room and settled by its assent; a RuleState mixin."""

    def _room_assent(self, u: Utt) -> bool:
        """u opens a turn with assent; the matter put just before is the decision."""
        if u.is_question or u.idx in self.used or u.idx in self.decided or not self._opens_turn(u):
            return False
        turn = self._assent_turn(u)
        head, echo = self._assent_head(turn)
        prev = self.turn_put_before(u)
        seconded: list[Utt] = []
        if prev and head is not None and prev[0].speaker != u.speaker and all(bare_assent(v.low) for v in prev):
            # "Så, andra oktober, båda sorterna." - "Ja." - "Ja, det får bli så.": a third's yes before this one
            seconded, prev = prev, self.turn_put_before(prev[0])
        if head is None or not prev or prev[0].speaker == u.speaker:
            return False
        if any(group_plan(v.text) or _DECIDING.search(v.low) or TAG.search(v.low) for v in turn[len(head) :]):
            return False  # "Ja. Vi kör på det. Vi spelar på Sjöfesten.": the assenter states the course himself
        found = self._put_choice(prev, u) or self._put_how(prev, u)
        if found is None and not _OBJECTION.search(prev[0].low):  # "Nej, Robin. …": a refusal, nothing put
            found = self._put_tagged(prev, u) or self._put_plan(prev, u, head, echo)
        if found is None:
            return False
        text, said, proposer = found
        if any(v.idx in self.used or v.idx in self.decided for v in said) or not self.talk_moves_on(
            turn, said, proposer
        ):
            return False
        utts = sorted({v.idx: v for v in [*said, *seconded, *head]}.values(), key=lambda v: v.idx)
        misheard = [v for v in head if heard_assent(v)]
        if misheard:  # the assent read through a misheard word: the reader checks it
            why = REVIEW_PREFIX + f'svaret som avgjorde hördes osäkert ("{misheard[0].text}")'
            self._add_decision(text, proposer, utts, 0.4, why)
        else:
            self._add_decision(text, proposer, utts, 0.6, WHY)
        self.used.update(v.idx for v in utts)
        return True

    # ------------------------------------------------------------------ turns
    def _opens_turn(self, u: Utt) -> bool:
        return u.idx == 0 or self.utts[u.idx - 1].turn != u.turn

    def _assent_turn(self, u: Utt) -> list[Utt]:
        return [v for v in self.utts[u.idx : u.idx + 8] if v.turn == u.turn]

    def turn_put_before(self, u: Utt) -> list[Utt]:
        first = self.utts[u.idx - 1] if u.idx else None
        if first is None or u.start - first.end > 30:
            return []
        return [v for v in self.utts[max(0, first.idx - 8) : first.idx + 1] if v.turn == first.turn]

    def _assent_head(self, turn: list[Utt]) -> tuple[list[Utt] | None, str]:
        """The assent opening a turn and the words it echoes ('Alltid leg. Ja.', 'Mm. Sex. Det är vettigt.'):
        None when the turn does not open with assent."""
        head: list[Utt] = []
        echo: list[str] = []
        for v in turn:
            if v.is_question:
                break
            if _ASSENT.match(_meant(v)):
                head.append(v)
                continue
            if _weight(v.text) <= 2 and not cues.NEG.search(v.low) and len(v.low.split()) <= 3:
                echo.append(v.text)  # "Sex.", "Alltid leg."
                head.append(v)
                continue
            break
        if not any(_ASSENT.match(_meant(v)) for v in head):
            return None, ""
        return head, " ".join(echo)

    def talk_moves_on(self, turn: list[Utt], said: list[Utt], putter: Utt) -> bool:
        """No one objects or asks back in the assenting turn or the next two turns, and the one who put the
        matter does not go on to close it himself (that close is read as it is said)."""
        matter = set().union(*(stems(v.text) for v in said))
        for v in turn:
            if cues.REJECTED.search(v.low) or re.match(r"^(?:nej|vänta|fast)\b", v.low):
                return False
            if v.is_question and stems(v.text) & matter:
                return False  # "Ja, men hur blir det med helgerna?": asked back on the matter
        put_turns = {v.turn for v in said}
        context = set().union(
            *(stems(v.text) for v in self.utts[max(0, said[0].idx - 8) : turn[0].idx] if v.turn in put_turns)
        )
        context |= matter | set().union(*(stems(v.text) for v in self.turn_put_before(said[0])))
        turns: dict[int, list[Utt]] = {}
        for v in self.utts[turn[-1].idx + 1 : turn[-1].idx + 16]:
            turns.setdefault(v.turn, []).append(v)
        counted = 0
        for said_next in list(turns.values())[:5]:
            first = said_next[0]
            weight = sum(_weight(v.text) for v in said_next)
            shared = any(_shares(stems(v.text), context) for v in said_next)
            if cues.REJECTED.search(first.low) or (_OBJECTION.search(first.low) and not _ASSENT.match(first.low)):
                if shared or weight < 2:
                    return False
                break  # "Det har vi inte råd med" said of the next subject: the talk had moved on
            if any(v.is_question and TAG.search(v.low) for v in said_next):
                return False  # "Jag tycker det låter klokt. Alla med på det?": the matter is still being put
            if first.speaker == putter.speaker:
                stated = [v for v in said_next if not v.is_question and not re.search(r"\bjag\b", v.low)]
                if any(_shares(stems(v.text), context) for v in stated):
                    return False  # "Ja." - "Bara Swish och kort i kiosken från mars.", "Bra. Då slutar vi med pappret."
            if weight >= 2 and not shared:
                break  # the next subject
            counted += weight >= 2
            if counted >= 2:
                break
        return True

    # ------------------------------------------------------------------ what was put
    def _put_tagged(self, prev: list[Utt], u: Utt) -> tuple[str, list[Utt], Utt] | None:
        """A statement put with a tag: 'Så alltså, … vi kör varannan lördag … Eller?' - 'Ja.'"""
        last = prev[-1]
        m = TAG.search(last.low) if last.is_question else None
        if m is None or m.group("tag").startswith("ja eller nej"):
            return None
        loose = _LOOSE_TAG.match(m.group("tag")) is not None
        before = last.text[: len(last.text) - len(last.low) + m.start()].strip(" ,")
        if _weight(before) >= 2:
            stated: list[tuple[str, Utt]] = [(before, last)]
            said = [last]
        else:
            near = [v for v in prev[:-1] if not v.is_question][-2:]
            if not near and m.group("tag").startswith("ska det vara"):
                # "Ska det vara så, Leif?" asked by a third: the plan is the turn before the question
                near = [v for v in self.turn_put_before(prev[0]) if not v.is_question][-2:]
                if near and near[0].speaker == u.speaker:
                    return None
            near = [v for v in near if _weight(v.text) >= 2 and v.idx not in self.decided and v.idx not in self.used]
            stated, said = [(v.text, v) for v in near], [*near, last]
        stated = [(t, v) for t, v in stated if self._settleable(t, loose)]
        if not stated:
            return None
        return self._put_matter(stated), said, stated[0][1]

    def _settleable(self, text: str, loose: bool) -> bool:
        """A matter a tag can put to the room: a plan for the group, or (after a tag asking for assent) a rule or
        a figure, never one's own plan or a remark on how things are."""
        low = _plain(text.lower())
        if group_plan(text):
            return True
        if loose or personal_commitment(low) or _REMARK.match(low) or re.match(r"^(?:jag|du|nej)\b", low):
            return False
        return not cues.TENTATIVE.search(low) and not _TALK.search(low)

    def _put_choice(self, prev: list[Utt], u: Utt) -> tuple[str, list[Utt], Utt] | None:
        """A choice put as a question, a member picking one side, the room accepting: 'Ska vi ha den öppen under
        lunchen eller inte?' - 'Öppen. Men bara två på linjen …' - 'Okej.'"""
        answer = prev
        if answer[0].is_question or any(cues.REJECTED.search(v.low) for v in answer):
            return None
        asked = self.turn_put_before(answer[0])
        choice = None
        for _ in range(2):  # "Ska vi sälja dem, eller behandla?" - "Joanna, vad säger du?" - "Sälj …"
            if not asked:
                return None
            for q in reversed(asked[-3:]):
                t = TAG.search(q.low)
                yes_no = t if t is not None and t.group("tag").startswith("ja eller nej") else None
                choice = _CHOICE.match(q.low) or yes_no
                if choice is not None:
                    break
            if choice is not None:
                break
            if not asked[-1].is_question:
                return None
            asked = self.turn_put_before(asked[0])
        if choice is None or q.speaker == answer[0].speaker:
            return None
        first = answer[0].low
        if choice.re is TAG:
            said = q.text[: len(q.text) - len(q.low) + choice.start()].strip(" ,")
            said = re.sub(r"^.*?:\s*", "", said)  # "Så min fråga är enkel: får P tolv åka …"
            if not re.match(r"^(?:ja|jo)\b", first) or _weight(said) < 2:
                return None
            clause = capitalise(_declarative(said)) + "."
        else:
            v, rest, alt = choice.group("v"), choice.group("rest"), choice.group("alt")
            asked_words = stems(f"{v} {rest}")
            if alt == "inte" and re.match(r"^(?:nej|inte)\b", first):
                clause = decision_sentence(f"att inte {v} {rest}")
            elif alt == "inte" and (re.match(r"^(?:ja|jo)\b", first) or stems(first.split(".")[0]) & asked_words):
                clause = decision_sentence(f"att {v} {rest}")  # "Öppen. Men bara två på linjen …"
            elif alt != "inte" and stems(alt) & stems(first) and not asked_words & stems(first):
                clause = decision_sentence(f"att {alt}")
            elif alt != "inte" and asked_words & stems(first) and not stems(alt) & stems(first):
                clause = decision_sentence(f"att {v} {rest}")  # "Sälj Stjärna och Tussan."
            else:
                return None  # "Ska vi ha öppet eller inte?" - "Stängt.": which side the answer took is not said
        terms = [w for w in answer if not _REMARK.match(w.low) and _weight(w.text) >= 1 and not w.is_question][:3]
        if not terms:
            return None
        text = " ".join([clause, *(capitalise(strip_tail(fluent(w.text)).rstrip(" .")) + "." for w in terms)])
        return first_person(text, answer[0].name), [q, *answer], q

    def _put_how(self, prev: list[Utt], u: Utt) -> tuple[str, list[Utt], Utt] | None:
        """How the group is to act, asked by the one who then accepts the answer: 'Hur ofta ska vi stå där?' -
        'Två morgnar i veckan. Måndag och torsdag, mellan halv åtta och halv nio. …' - 'Mm. Förråden då.'"""
        answer = prev
        asked = self.turn_put_before(answer[0])
        q = asked[-1] if asked else None
        if q is None or q.speaker != u.speaker or not _HOW.match(q.low) or cues.NEXT_MEETING.search(q.low):
            return None
        if answer[0].is_question or _OBJECTION.search(answer[0].low) or re.search(r"\b(?:jag|vet)\b", answer[0].low):
            return None  # "Jag kan.", "Vet inte.": an offer or no answer, not the group's course
        if any(group_plan(v.text) for v in answer):
            return None  # "Så vi … vi tar skolorna …": the plan itself, read as such
        terms = [w for w in answer[:3] if not w.is_question and not _REMARK.match(w.low)]
        terms = [w for w in terms if not cues.TENTATIVE.search(w.low) and not cues.HEDGE.search(w.low)]
        if not terms or sum(_weight(w.text) for w in terms) < 2 or terms[0] is not answer[0]:
            return None
        answered = " ".join(capitalise(strip_tail(fluent(w.text)).rstrip(" .")) + "." for w in terms)
        asked_how = strip_tail(q.text).rstrip(" ?")
        m = re.match(r"^(?P<wh>\w+(?:\s+(?:ofta|många|länge|dag|tid))?)\s+(?P<v>\w+)\s+vi\s+(?P<rest>.*)$", asked_how)
        asked_how = f"{m.group('wh')} vi {m.group('v')} {m.group('rest')}" if m else indirect_question(q.text)
        return f"{capitalise(asked_how)}: {answered}", [q, *terms], q

    def _put_plan(self, prev: list[Utt], u: Utt, head: list[Utt], echo: str) -> tuple[str, list[Utt], Utt] | None:
        """A plan for the group stated by one, the next answering with assent that judges it ('Det är rätt.',
        'Självklart.'), echoes it ('Alltid leg. Ja.') or is seconded by a third's yes ('Bra.' - 'Mm.')."""
        if prev[-1].is_question:
            return None
        defended = self._defended_plan(prev)
        if defended is not None:
            prev = defended
        stated = [v for v in prev if not v.is_question][-4:]
        plans = [v for v in stated if group_plan(v.text)]
        if not plans and any(_JUDGES.search(_meant(v)) for v in head):
            summary = self._verbless_summary(prev)
            if summary:  # "Lördagsöppet från mars då, tio till två." - "Det blir bra."
                said = [(re.sub(r"\s+då\b(?=[,.])", "", _as_said(v)), v) for v in summary]
                return self._put_matter(said), summary, summary[0]
        if not plans:
            return self._restated_in_assent(stated, u, head)
        more = [v for v in stated if v.idx > plans[-1].idx and _weight(v.text) >= 1 and not _REMARK.match(v.low)]
        more = [v for v in more if not _ASSENT.match(v.low.strip())][:1]  # "… och Sven tar centrum. Till påsk."
        if echo and not stems(echo) <= set().union(*(stems(v.text) for v in prev)):
            return None  # "Sex." echoes the plan; another word is a matter of its own
        judged = echo or any(_JUDGES.search(_meant(v)) for v in head)
        nxt = self.utts[head[-1].idx + 1] if head[-1].idx + 1 < len(self.utts) else None
        seconded = (
            nxt is not None
            and nxt.turn != u.turn
            and nxt.speaker not in (u.speaker, plans[-1].speaker)
            and _PLAIN_YES.match(nxt.low.strip()) is not None
            and all(_PLAIN_YES.match(_meant(v)) or _JUDGES.search(_meant(v)) for v in head)
        )
        if not judged and not seconded:
            return None  # "Okej." alone hears a plan; it does not settle it
        said = [plans[-1], *more]
        return self._put_matter([(v.text, v) for v in said]), said, plans[-1]

    def _verbless_summary(self, prev: list[Utt]) -> list[Utt]:
        """The matter summed up without a verb, in the words and figures the turns before it used ('Om vi säger
        tio till två?' - 'Tio till två är bra.' - 'Lördagsöppet från mars då, tio till två.'), and what the same
        turn adds to it ('Och regnar det, söndagen den tredje i stället.'); [] when the turn sums up nothing."""
        said = [v for v in prev if not v.is_question][-2:]
        start = next((k for k, v in enumerate(said) if _VERBLESS.match(_OPENER.sub("", v.low))), None)
        if start is None or prev[-1].is_question:
            return []
        summary = said[start:]
        words = [w.strip(",.!") for w in _OPENER.sub("", summary[0].low).split()]
        verbs = [w for w in words if (is_present_verb(w) or w in _NOT_PLAN_VERBS or _PAST.match(w)) and w not in MONTHS]
        when = [w for w in words if w in MONTHS or w.startswith(tuple(WEEKDAYS)) and len(w) < 10 or _NUMBER.match(w)]
        what = [w for w in content_words(summary[0].text) if w.lower() not in when]
        if _weight(summary[0].text) < 2 or verbs or not when or not what or summary[0].unsure:
            return []  # its terms (a figure, a day, a month) and what they are for; a word heard unsure may be a verb
        before = self.utts[max(0, prev[0].idx - 12) : prev[0].idx]
        if any(cues.NEXT_MEETING.search(v.low) for v in before[-3:]):
            return []  # "Nästa möte blir måndag om två veckor …" - "Måndag den tjugoandra.": the next meeting
        context = set().union(*(stems(v.text) | set(_NUMBER.findall(v.low)) for v in before))
        if not (stems(summary[0].text) | set(_NUMBER.findall(summary[0].low))) & context:
            return []
        return summary

    def _defended_plan(self, prev: list[Utt]) -> list[Utt] | None:
        """The turn whose plan the putter defends in `prev`, answering a third's question on it: 'Jag tänkte att
        vi går i Råbyskogen i stället.' - 'Fästingarna, då?' - 'Vi kollar dem när vi kommer tillbaka.' - 'Det blir
        bra.' settles the walk, not the answer (None when prev answers no such question)."""
        asked = self.turn_put_before(prev[0])
        put = self.turn_put_before(asked[0]) if asked else []
        if not put or put[0].speaker != prev[0].speaker or asked[0].speaker == prev[0].speaker:
            return None
        if not any(v.is_question for v in asked) or any(_DECIDING.search(v.low) for v in prev):
            return None
        plans = [v for v in put if not v.is_question and group_plan(v.text)]
        if not plans or plans[-1].idx in self.used or plans[-1].idx in self.decided:
            return None
        return [v for v in put if v.idx <= plans[-1].idx + 1]

    def _restated_in_assent(self, stated: list[Utt], u: Utt, head: list[Utt]) -> tuple[str, list[Utt], Utt] | None:
        """A member's own course, judged right and restated by the one who answers: 'Jag ringer henne i dag … Nya
        glas utan kostnad.' - 'Det är rätt. Hon får nya glas utan kostnad.'"""
        after = self.utts[head[-1].idx + 1] if head[-1].idx + 1 < len(self.utts) else None
        if (
            after is None
            or after.turn != u.turn
            or after.is_question
            or not any(_JUDGES.search(_meant(v)) for v in head)
        ):
            return None
        said = [v for v in stated if len(stems(v.text) & stems(after.text)) >= 2]
        if not any(personal_commitment(v.low) for v in stated):
            return None  # the member offered a course of her own; a remark restated is no course
        if not said or group_plan(after.text) or re.search(r"\b(?:jag|du)\b", after.low):
            return None
        return capitalise(strip_tail(fluent(after.text)).rstrip(" .")) + ".", [*said, after], said[0]

    # ------------------------------------------------------------------ the matter
    def _put_matter(self, said: list[tuple[str, Utt]]) -> str:
        out = []
        for text, v in said:
            plain = re.sub(r"^(vi)\s+inte\s+(\w+)", r"\1 \2 inte", strip_tail(_plain(text)).strip(" ,."), flags=re.I)
            stated = we_decision(plain[:1].lower() + plain[1:], v.name) if plain.lower().startswith("vi ") else None
            out.append(stated or capitalise(first_person(plain, v.name)) + ".")
        return " ".join(out)


def _as_said(u: Utt) -> str:
    """The sentence with a particle read as a clock word put back: 'mars då, tio till två' ('då' is no time)."""
    text = u.text
    for r in u.repairs:
        if r.kind == "clock":
            text = re.sub(rf"\b{re.escape(r.meant)}\b", r.heard, text, count=1)
    return text


def _declarative(question: str) -> str:
    """'får P tolv åka till cupen' -> 'P tolv får åka till cupen': a yes/no question's matter as a statement."""
    m = re.match(r"^(?P<v>får|ska|kan|blir|är|har)\s+(?P<np>(?:[\w-]+\s+){1,3}?)(?P<rest>[a-zåäö]{2,}a\b.*)$",
                 question, re.IGNORECASE)  # fmt: skip
    if m is None:
        return question
    return f"{m.group('np').strip()} {m.group('v').lower()} {m.group('rest')}"
