"""The learned scorer's part in the rules: each sentence's facts, and the decisions the rules passed by.

Runs after the rules. A sentence the rules neither decided nor left open becomes a decision when
the model (scorer.py) is sure and the recogniser was unsure of a word where its cue stands (a
misheard cue is why the rules missed it), or, heard clearly, at a higher threshold: a new author's
phrasing the rules do not know. Both thresholds are chosen on dev author batches held out, and
are 1.01 (never) when no setting kept the rules' precision there. The facts are the sentence's own
(who says it, a question, "vi" with a present verb ...) and those of the turns around it
(learned_context.py: the room answering the speaker's call, a task taken right after).
A sentence with content of its own is the decision as said ("Då tar vi in två svetsare" -> "att ta
in två svetsare"; "Kvart i ett då." after the room answered the call); a bare closing ("Bra, så
blir det.", "Då är det så från måndag.") takes the statement put just before the room's short
answers, and nothing when a question, a view or a longer objection stands between. Nothing is
added from one person's view ("passar mig"), an argument or a need ("det är ju ...", "vi behöver"),
the chair leaving a matter ("Då är vi klara med den frågan"), a sentence without a verb (unless it
restates a call the room answered), a participant named as its doer (a task), a sentence followed
by the speaker's own question to the room. The rules' own reasons against a decision (a decision
word heard whole, a proposal, a report, another body, a negation by the cue, a refusal right
after) keep a sentence out. An added decision is flagged "Kontrollera mot ljudet"; the rules'
negation checks (safety.py) apply to it as to their own.
"""

from __future__ import annotations

import copy
import re

import numpy as np

from transcribe.minutes import cues
from transcribe.minutes.phrasing import content_clause, decision_sentence, strip_discourse
from transcribe.minutes.rules.learned_context import SHORT, call_answered, context_rows, heard_unsure
from transcribe.minutes.rules.safety import PREFIX
from transcribe.minutes.rules.state import RuleState
from transcribe.minutes.rules.utterances import Utt, is_agreement
from transcribe.minutes.scorer import CONTEXT, STRUCT, DecisionScorer, normalise, opening
from transcribe.sv.text import capitalise, content_words, dice, stem

_SUBJECT = re.compile(rf"^(?:vi|{cues.BODY_NOUN})\b")
# "vi beslotar att höja avgiften": a short head (subject, a verb the rules did not know) before the content
_HEAD_ATT = re.compile(r"^(?P<head>(?:[\w-]+,?\s+){1,4}?)att\s+(?P<rest>\S.*)$")
_PERSONAL_HEAD = re.compile(r"\b(?:jag|du|ni|han|hon|de|dom|tycker|tror|föreslår|hoppas|vill|menar|undrar)\b")
# Elections ("Då väljs Göran till justerare"): the rules read them with the roles, the scorer leaves them alone.
_ELECTION = re.compile(r"\b(?:väljer|väljs|valdes|vald|valda|omval|omvald|omvaldes)\b")
_DECISION_WORD = re.compile(r"\b(?:beslut\w*|bestäm\w*|föreslag\w*|föreslog\w*)")
_BODY = re.compile(rf"\b{cues.BODY_NOUN}\b")
# The perfect tense reports what was done ("har höjt", "hade fått"); the meeting decides in the present.
_PERFECT = re.compile(r"\b(?:har|hade)\s+(?:[a-zåäö]+\s+)?[a-zåäö]{2,}(?:at|it|tt|t)\b")
# "Då tar vi offerten", "Bra, då gör styrelsen så": the chair closing an item with the group as subject.
_CLOSING_FORMULA = re.compile(rf"^(?:(?:ja|bra|okej|tack)\b[\s,.]*)*då\s+[a-zåäö]+\s+(?:vi|{cues.BODY_NOUN})\b")
# The next item taken up: what came before was settled or left.
_NEXT_ITEM = re.compile(r"\b(?:nästa|punkt|punkten|övriga\s+frågor|nu\s+tar\s+vi|då\s+går\s+vi|vidare)\b")
# The chair's summing-up: "Så vi har alltså beslutat: ...", "Sammanfattningsvis ..."
_SUMMARY = re.compile(r"\b(?:alltså|sammanfatta\w*|sammanfattningsvis|summera\w*)\b")
# A finite verb in the present or the copula: a sentence without one announces an item ("Den andra motionen.")
_FINITE = re.compile(
    r"\b(?:är|blir|får|ska|tar|gör|(?!(?:under|efter|över|eller|sedan|inför|omkring|emellertid)\b)"
    r"[a-zåäö]{2,}(?:ar|er|ör|år|ir|as|s))\b"
)
# "vi ska ...", "styrelsen tillsätter ...", "vi kommer att ...": the group as subject of a present or obligation verb
_WE_VERB = re.compile(
    rf"^(?:(?:då|så|och|men|ja|bra|okej)\b[\s,.]*)*(?:vi|{cues.BODY_NOUN})\s+(?:ska|kommer\s+att|får|måste|behöver|"
    r"kör|gör|tar|[a-zåäö]{2,}(?:ar|er|ör|år))\b"
)
# a question put to one person ("Aino, kan du ...?", "Rasmus, du gör schemat?"): a task, not the room's matter
_ASKS_ONE = re.compile(r"\b(?:du|dig)\b")
OWN_CONTENT = 2  # content words a sentence needs to be its own matter
# the verb before the group ("tar vi in ...", "köper föreningen ..."), after a dropped "Då"
_INVERTED = re.compile(rf"^(?P<verb>[a-zåäö]+)\s+(?P<subj>vi|{cues.BODY_NOUN})\s+(?P<rest>\S.*)$", re.IGNORECASE)
# an argument or a need, not a settlement: "Det är ju pengar", "Så vi behöver någon ny", "Vi borde ..."
_ARGUING = re.compile(r"\b(?:ju|behöver|borde|bör|skulle|kanske|nog)\b")
_OPINION = re.compile(r"\b(?:jag|mig|mej|min|mitt|mina)\b")
# the chair leaving a matter, not settling it: "Då är vi klara med den frågan", "Då går vi vidare"
_LEAVES_MATTER = re.compile(r"\b(?:klara|klar|färdiga?)\s+med\b|\bgår\s+vi\s+vidare\b")
_FIRST_PERSON = re.compile(r"^(?:(?:ja|nej|men|och|så)\b[\s,.]*)*(?:jag|du|ni)\b")
LEARNED_WHY = f"{PREFIX}beslutet hittades av den inlärda bedömningen, inte av reglerna; bekräfta att det fattades"
DOUBT_WHY = "Den inlärda bedömningen tvivlar på att ett beslut fattades här – kontrollera"


class LearnedRules(RuleState):
    """Scores the sentences once the rules have run; see the module docstring."""

    def sentence_facts(self) -> tuple[list[str], np.ndarray]:
        """Each sentence as the model reads it: its normalised text and its structural facts (scorer.STRUCT)."""
        names = [s.name for s in self.t.speakers if s.name]
        counts: dict[str | None, int] = {}
        for u in self.utts:
            counts[u.speaker] = counts.get(u.speaker, 0) + 1
        chair = max(counts, key=lambda k: counts[k]) if counts else None
        n = len(self.utts)
        rows = np.zeros((n, len(STRUCT)))
        texts = []
        stems = [{stem(w) for w in content_words(u.text)} for u in self.utts]
        for i, u in enumerate(self.utts):
            prev = self.utts[i - 1] if i else None
            nxt = self.utts[i + 1] if i + 1 < n else None
            first = prev is None or prev.turn != u.turn
            last = nxt is None or nxt.turn != u.turn
            after = [v for v in self.utts[i + 1 : i + 4] if v.speaker != u.speaker][:2]
            before = self.utts[max(0, i - 3) : i]
            words = u.low.split()
            facts = {
                "chair": u.speaker == chair,
                "first_in_turn": first,
                "last_in_turn": last,
                "only_in_turn": first and last,
                "question": u.is_question,
                "next_agrees": any(is_agreement(v) for v in after),
                "prev_question": prev is not None and prev.is_question,
                "prev_proposal": any(
                    cues.PROPOSAL.search(v.low) or cues.CALL_FOR_DECISION.search(v.low) for v in before
                ),
                "negation": bool(cues.NEG.search(u.low)),
                "we_or_body_first": bool(_SUBJECT.match(strip_discourse(u.low))),
                "has_att": " att " in f" {u.low} ",
                "rule_decision": u.idx in self.decided,
                "rule_open": u.idx in self.opened,
                "content_words": min(len(content_words(u.text)), 15) / 15,
                "unsure_share": sum(w.strip(".,!?;:") in u.unsure for w in words) / max(1, len(words)),
                "cue_repaired": any(r.kind in ("decision", "split") for r in u.repairs),
                "late_in_meeting": i >= 0.8 * n,
                "settles_discussion": len({v.speaker for v in self.utts[max(0, i - 4) : i]} - {u.speaker}) >= 2,
                "prev_agreement": any(is_agreement(v) for v in before[-2:] if v.speaker != u.speaker),
                "closing_formula": bool(_CLOSING_FORMULA.match(u.low)),
                "item_closed_after": nxt is not None and bool(_NEXT_ITEM.search(nxt.low)),
                "in_summary": any(_SUMMARY.search(v.low) for v in self._turn_so_far(u)),
                "we_present_or_obligation": bool(
                    _WE_VERB.match(strip_discourse(u.low)) or _CLOSING_FORMULA.match(u.low)
                ),
                "hedge": bool(cues.TENTATIVE.search(u.low) or cues.HEDGE.search(u.low)),
                "proposal_here": bool(cues.PROPOSAL.search(u.low) or cues.CALL_FOR_DECISION.search(u.low)),
                "agreeing_speakers": min(
                    2, len({v.speaker for v in self.utts[i + 1 : i + 5] if v.speaker != u.speaker and is_agreement(v)})
                )
                / 2,
                "speakers_before": min(3, len({v.speaker for v in self.utts[max(0, i - 6) : i]} - {u.speaker})) / 3,
                "topic_shift_after": nxt is not None
                and dice(_union(stems[max(0, i - 2) : i + 1]), _union(stems[i + 1 : i + 4])) < 0.05,
                "first_person": bool(_FIRST_PERSON.match(u.low)),
                "reported_or_done": bool(_PERFECT.search(u.low) or cues.REPORTED.search(u.low)),
                "decision_word": bool(_DECISION_WORD.search(u.low)),
                "position": i / max(1, n - 1),
            }
            rows[i, : len(facts)] = [float(facts[k]) for k in STRUCT[: len(facts)]]
            texts.append(normalise(u.text, names))
        rows[:, len(STRUCT) - len(CONTEXT) :] = np.array(context_rows(self.utts, chair, self._task_sentences()))
        return texts, rows

    def _task_sentences(self) -> set[int]:
        """The sentences the rules read a task from."""
        out = set()
        for a in self.out.actions:
            quotes = [e.quote.strip().lower() for e in a.evidence]
            ids = {e.segment_id for e in a.evidence}
            for u in self.utts:
                if {s.id for s in u.segs} & ids and any(q and (q in u.low or u.low in q) for q in quotes):
                    out.add(u.idx)
        return out

    def _turn_so_far(self, u: Utt) -> list[Utt]:
        """The sentences of u's turn up to and including u."""
        out = [u]
        for v in reversed(self.utts[max(0, u.idx - 8) : u.idx]):
            if v.turn != u.turn:
                break
            out.append(v)
        return out

    def sentence_scores(self, scorer: DecisionScorer) -> np.ndarray:
        texts, rows = self.sentence_facts()
        return scorer.probabilities(texts, rows)

    def learned_pass(self) -> None:
        """Add the decisions the rules passed by and flag the rule decisions the model doubts."""
        if self.scorer is None or not self.utts:
            return
        s = self.scorer
        self.apply_scores(self.sentence_scores(s), s.add_threshold, s.doubt_threshold, s.unsure_threshold)

    def apply_scores(self, p: np.ndarray, add_at: float, doubt_below: float, unsure_at: float = 1.01) -> None:
        """The additions and doubts for sentence probabilities `p` (separate so thresholds can be swept).

        A sentence is added at `add_at`, or at `unsure_at` when the recogniser was unsure of its first words.
        """
        by_rules = list(self.out.decisions)
        for d in by_rules:
            idxs = [u.idx for u in self.utts if u.idx in self.decided and {s.id for s in u.segs} & _ids(d)]
            if idxs and max(p[i] for i in idxs) < doubt_below and not d.needs_review:
                d.needs_review, d.review_reason = True, DOUBT_WHY
        for i in np.argsort(-p, kind="stable"):
            if p[i] < min(add_at, unsure_at):
                break
            u = self.utts[int(i)]
            if p[i] >= add_at or heard_unsure(u):
                self._learned_decision(u)
        if len(self.out.decisions) > len(by_rules):
            self.out.decisions.sort(key=lambda d: d.evidence[0].start)
            for k, d in enumerate(self.out.decisions, 1):
                d.id = f"d{k}"

    def _learned_decision(self, u: Utt) -> None:
        if u.idx in self.decided or u.idx in self.opened or u.idx in self.used or u.is_question:
            return
        if _rules_say_no(u.low) or self._other_body(u.low) or cues.NEG.search(" ".join(opening(u.low))):
            return  # a negation by the cue ("Styrelsen inte <?> att ..."): nothing is rebuilt next to it
        if any(cues.UNDECIDED.search(v.low) or cues.REJECTED.search(v.low) for v in self.utts[u.idx + 1 : u.idx + 4]):
            return  # put off or turned down right after
        if cues.NEXT_MEETING.search(u.low) and self.whens(u):
            return  # the next meeting has its own section
        if _LEAVES_MATTER.search(u.low):
            return
        unsure = heard_unsure(u)
        if not unsure and (self._asks_after(u) or self._named_doer(u) or not self._has_verb_or_answers(u)):
            return  # a need put to the room ("... Vem kan?"), a task ("Gustav skriver"), an announced item (no verb)
        found = self._learned_clause(u)
        if found is None:
            return
        clause, utts = found
        why = f"{PREFIX}beslutsformuleringen hördes otydligt" if unsure else LEARNED_WHY
        self._add_decision(decision_sentence(clause), utts[0], utts, 0.5, why)

    def _has_verb_or_answers(self, u: Utt) -> bool:
        """A finite verb, or a matter restated right after the room answered the speaker's call ("Kvart i ett då.")."""
        return bool(_FINITE.search(u.low)) or (call_answered(self.utts, u.idx) and bool(content_words(u.text)))

    def _asks_after(self, u: Utt) -> bool:
        """The speaker goes on with a question in the same turn: the sentence put something to the room."""
        nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
        # "Bra, så blir det. Aino, kan du göra ett schema?": a task asked of one person follows a decision
        return nxt is not None and nxt.turn == u.turn and nxt.is_question and not _ASKS_ONE.search(nxt.low)

    def _named_doer(self, u: Utt) -> bool:
        """A participant named as the one who does it ("Gustav skriver och Jukka granskar"): a task, not a decision."""
        low = normalise(u.text, [s.name for s in self.t.speakers if s.name])
        return bool(re.search(r"\bnamn\s+(?:[a-zåäö]+(?:ar|er|ör|år|ir)|tar|gör|får|ska)\b", low))

    def _other_body(self, low: str) -> bool:
        """A body named that is not this meeting ("ett uppdrag från kulturnämnden"): its business, not ours."""
        for m in _BODY.finditer(low):
            body = m.group(0)
            if body not in cues.PLAIN_BODIES and not any(body.startswith(w) for w in self.own_words):
                return True
        return False

    def _learned_clause(self, u: Utt) -> tuple[str, list[Utt]] | None:
        """What was decided: the content after a short head ("vi <verb> att ..."), the sentence itself as a
        clause, or, for a bare confirmation, the proposal before it."""
        text = strip_discourse(u.text)
        m = _HEAD_ATT.match(text)
        if m and not _PERSONAL_HEAD.search(m.group("head").lower()) and len(content_words(m.group("rest"))) >= 3:
            if not heard_unsure(u) and not _FINITE.search(m.group("head").lower()):
                return None  # "Vi att införa ...", heard so: the lost verb may as well have been "föreslår"
            return content_clause(m.group("rest"), "att", u.name), [u]
        own = len(content_words(text))
        if _OPINION.search(text.lower()):
            return None  # "Tisdagar passar mig": one person's view, not the meeting's
        if own >= OWN_CONTENT or (own and call_answered(self.utts, u.idx)):
            return (_own_clause(text, u.text), [u]) if not _ARGUING.search(text.lower()) else None
        # a bare closing ("Bra, så blir det.", "Då är det så från måndag."): the matter put just before it
        matter = self._matter_before(u)
        clause = self._clause(matter) if matter is not None else None
        if matter is None or not clause or len(content_words(clause)) < OWN_CONTENT or _rules_say_no(matter.low):
            return None
        self.used.add(matter.idx)
        return clause, [matter, u]

    def _matter_before(self, u: Utt) -> Utt | None:
        """What a bare closing settles: the statement before the room's short answers and the speaker's bare call
        ("Invändningar?"); nothing past a longer objection, a question with a matter of its own or a view."""
        for v in reversed(self.utts[max(0, u.idx - 6) : u.idx]):
            if v.speaker != u.speaker and len(v.low.split()) <= SHORT:
                continue  # "Nej.", "Ja, okej.", "Mm."
            if v.is_question and not content_words(v.text) and v.speaker == u.speaker:
                continue  # "Invändningar?"
            if v.is_question or _OPINION.search(v.low) or _PERSONAL_HEAD.match(strip_discourse(v.low)):
                return None
            return v if len(content_words(v.text)) >= OWN_CONTENT and not cues.REJECTED.search(v.low) else None
        return None

    def snapshot(self) -> tuple:
        """The state a learned pass changes, to try several thresholds on one run of the rules."""
        return copy.deepcopy((self.out, self.used, self.decided, self.opened))

    def restore(self, snap: tuple) -> None:
        self.out, self.used, self.decided, self.opened = copy.deepcopy(snap)


def _rules_say_no(low: str) -> bool:
    """The rules' own reasons against a decision: a decision word heard whole (the rules read it and judged the
    body, tense and condition), a proposal, a hedge, a report or a done deed ("Kommunen har höjt taxan"),
    agenda talk, an election."""
    return any(rx.search(low) for rx in (_DECISION_WORD, _ELECTION, _PERFECT, cues.TENTATIVE, cues.REPORTED,
                                         cues.HEDGE, cues.AGENDA_TALK, cues.UNDECIDED, cues.REJECTED))  # fmt: skip


def _own_clause(text: str, said: str) -> str:
    """The sentence as the decision: "tar vi in två svetsare" -> "att ta in två svetsare"; "föreningen köper
    handskar" -> "att föreningen köper handskar"; "är det tisdagar" -> "det blir tisdagar"; the rest as `said`."""
    m = _INVERTED.match(text)
    if m:
        return content_clause(f"{m.group('subj')} {m.group('verb')} {m.group('rest')}", "att")
    if _SUBJECT.match(text.lower()) and _FINITE.search(text.lower()):
        return content_clause(text, "att")
    if re.match(r"^(?:är|blir)\s+det\s+", text, re.IGNORECASE):
        return capitalise(re.sub(r"^(?:är|blir)\s+det\s+", "det blir ", text, flags=re.IGNORECASE))
    return said.strip()


def _union(sets: list[set[str]]) -> set[str]:
    return set().union(*sets)


def _ids(d) -> set[int]:  # noqa: ANN001 - a Decision
    return {e.segment_id for e in d.evidence}
