"""Decisions said twice: the statement in its item and the chair's summing-up at the close.

A chair often restates what was decided ("Så vi har alltså beslutat: vi står på julmarknaden den
tolfte, vi står inte vakt på nyår ...", "Sammanfattningsvis: egen budget och nej i slutvoteringen ...",
"Då sammanfattar jag besluten: ..."). Under recognition errors either statement may be garbled, rarely
both, so the pair is read together after the other rules have run:

* an item of the summing-up restating a decision already found adds its evidence to it, and the
  decision, now said twice and the same both times, is surer; said once with "inte" and once without,
  it is flagged instead;
* an item restating no decision found is one when the chair says these were the decisions ("vi har
  beslutat", "besluten"), or when a plain summing-up names what an earlier passage said: its wording
  is the summing-up's, its evidence both passages; it is flagged "Kontrollera mot ljudet" when the
  summing-up was heard unsure where the item stands (only a garbled statement carries it);
* what the summing-up leaves open ("fjorton väntar på offert"), a task ("Ahmed kollar byggservern")
  and a summing-up of nothing decided ("vi har inte beslutat något") make no decision.

Two decisions found for one restated matter are one: the later, shorter one is merged into the other.
Where the summing-up is and which sentences hold its items is read in summingup.py; a leader's close lost between
the turns that bear it out is read in multiturn.py, before the merging.
"""

from __future__ import annotations

import re

from transcribe.confidence import Level, level
from transcribe.minutes import cues
from transcribe.minutes.model import Decision
from transcribe.minutes.phrasing import we_decision
from transcribe.minutes.rules.multiturn import TurnShapeDecisions
from transcribe.minutes.rules.safety import PREFIX, doubt, polarity_conflict, shared_topic
from transcribe.minutes.rules.summingup import summary_items
from transcribe.minutes.rules.utterances import Utt, audio_doubt, evidence_list, merge_evidence, similar, stems
from transcribe.sv.numbers import CARDINALS, ORDINALS
from transcribe.sv.text import capitalise, content_words

# The summing-up and whether it says its items were decided ("beslutat", "besluten") or only sums up.
# A colon after "beslutat"/"bestämt" survives a lost "har" or "alltså": "Så vi <om> beslutat: ...".
SUMMING_UP = re.compile(
    r"\b(?:(?P<plain>sammanfattar\s+jag|jag\s+sammanfattar|(?:för\s+att\s+)?sammanfatta\b|sammanfattningsvis)"
    r"(?P<decided>\s+besluten)?"
    r"|(?P<recap>(?:(?:vi|\w+)\s+)?(?:har\s+)?(?:alltså\w*\s+)?(?:beslutat|bestämt)(?:\s+[\w-]+){0,4}?\s*:)"
    r"|(?P<recap_att>\bvi\s+har\s+(?:alltså\s+)?(?:beslutat|bestämt)\s+(?=att\b)))"
)
_NOTHING = re.compile(r"\b(?:inte|inga|inget|ingen)\s+(?:\w+\s+){0,2}(?:beslut\w*|bestämt|något|några|nåt)\b")
_PERSONAL = frozenset({"jag", "du", "ni", "han", "hon", "man", "de", "dom", "det", "den", "detta", "så"})
# Left open or withdrawn in the summing-up: "fjorton väntar på offert", "tretton är tillbakadragen"
_OPEN = re.compile(
    r"\b(?:väntar|vilar|bordl\w*|tillbakadrag\w*|återkommer|tar\s+vi\s+(?:upp|sen)|går\s+till|skickas\s+vidare)\b"
)
_EARLIER_BACK = 80
_GIVES_IN = re.compile(r"^(?:okej|ok|ja|jaha|nåja|visst|absolut)\b")
RECAP_WHY = f"{PREFIX}beslutet återges i sammanfattningen, men där hördes det otydligt"
POLARITY_WHY = f"{PREFIX}sammanfattningen återger beslutet med annat nekande"


def _topic_size(text: str) -> int:
    return len({s for s in stems(text) if len(s) >= 4})


def _words(text: str) -> set[str]:
    """Content stems and the numbers said ("den tolfte"): what a restatement keeps."""
    return stems(text) | {w for w in re.findall(r"[a-zåäö]+", text.lower()) if w in ORDINALS or w in CARDINALS}


def item_decision(item: str) -> str:
    """'vi står inte vakt på nyår' -> 'Mötet beslutade att inte stå vakt på nyår.'; other items as said."""
    return we_decision(item) or capitalise(item.rstrip(" ,.")) + "."


class RestatedDecisions(TurnShapeDecisions):
    """The summing-up read against the decisions found: more evidence, or a decision recovered."""

    _level: Level | None = None  # the meeting's word-probability level (computed once)

    def restated_pass(self) -> None:
        if not self.robust:
            return
        for u in self.utts:
            found = self._summing_up_items(u)
            if found is None:
                continue
            parts, decided = found
            items = [(said, item) for said, text in parts for item in summary_items(text)]
            self.drop_whole_lists([said for said, _ in parts], len(items))
            tasks = sum(self._task_item(item) for _, item in items)
            for said, item in items:
                # a plain summing-up that is mostly tasks ("Lotta fixar integrationen, Omid skriver testfallen")
                self._restated_item(item, said, decided, recover=decided or 2 * tasks < len(items))
        self.turn_shape_pass()  # the leader's close lost, read from the turns around it
        self._merge_duplicates()
        self._merge_conceded()

    def _summing_up_items(self, u: Utt) -> tuple[list[tuple[Utt, str]], bool] | None:
        """The sentences holding the items, each with the text of its items, and whether they were decided."""
        if u.is_question or _NOTHING.search(u.low) or cues.NO_DECISIONS_PLANNED.search(u.low):
            return None
        m = SUMMING_UP.search(u.low)
        if m is not None and cues.NEG.search(u.low[max(0, m.start() - 12) : m.end()]):
            return None
        plain = m is not None and bool(m.group("plain")) and not m.group("decided")
        return self.summing_up_sentences(u, m, plain)

    def _task_item(self, item: str) -> bool:
        """'Ahmed kollar byggservern', 'du har fått färre ärenden': a task or a remark."""
        words = item.lower().split()
        return not words or words[0] in _PERSONAL or self._named_person(words[0]) is not None

    def _restated_item(self, item: str, said: Utt, decided: bool, recover: bool) -> None:
        low = item.lower()
        words = low.split()
        if self._task_item(item):
            return
        if words[0] == "vi" and we_decision(item) is None:
            return  # "vi <nu> inte vakt på nyår": the verb lost, nothing to read
        if cues.REJECTED.search(low) or cues.UNDECIDED.search(low) or cues.TENTATIVE.search(low) or _OPEN.search(low):
            return
        if cues.NEXT_MEETING.search(low) or re.match(r"^(?:frågan|förslaget|motionen|önskemålet|begäran)\b", low):
            return
        if cues.PAST_WHEN.search(low):
            return  # "Påminnelse om något som redan är bestämt: styrelsen beslutade i januari att ...": recalled
        size = _topic_size(item)
        if size == 0:
            return
        unsure = self._item_unsure(item, said)
        best = max(self.out.decisions, key=lambda d: (shared_topic(item, d.text), len(_words(item) & _words(d.text))),
                   default=None)  # fmt: skip
        if best is not None and self._restates(item, best, size, unsure):
            self._confirm(best, item, said, unsure)
            return
        if len(content_words(item)) < (2 if decided else 3) or not recover:
            return  # a plain summing-up naming a matter by a word or two ('biblioteket i maj') recovers nothing
        earlier = self._earlier(item, said)
        if not decided and (earlier is None or not (earlier.unsure or earlier.repairs)):
            return  # a plain summing-up of talk heard clearly and decided nowhere: a remark, not a decision
        twin = self._decided_at(earlier)
        if twin is not None:  # the passage it restates is already a decision, heard otherwise
            self._confirm(twin, item, said, unsure)
            return
        self._recovered(item_decision(item), said, earlier, unsure)

    @staticmethod
    def _restates(item: str, d: Decision, size: int, unsure: bool) -> bool:
        """The item says the decision again: two topic words shared (all when it has fewer), or most of its words;
        garbled or down to one topic word ("<tolter>", "hundratjugo kronor"), one word it shares will do."""
        topic = shared_topic(item, d.text)
        if topic >= min(2, size) or similar(item, d.text, 0.6):
            return True
        return (unsure or size <= 1) and (topic >= 1 or bool(_words(item) & _words(d.text)))

    def _recovered(self, text: str, said: Utt, earlier: Utt | None, unsure: bool) -> None:
        """A decision read from the summing-up, its earlier statement as evidence too. Not through the shared
        merging by similar wording: "Mötet beslutade att ..." makes two items of one summing-up look alike."""
        if self.disclaimed([said]):
            return
        why = RECAP_WHY if unsure else None
        against = doubt(text, [said], self._nearby([said]))
        if against is not None:
            why = against
        utts = [said] if earlier is None else [earlier, said]
        self.decided.update(u.idx for u in utts)
        conf = 0.75 if why is None else 0.5
        self.out.decisions.append(Decision(id=f"d{len(self.out.decisions) + 1}", text=text, proposed_by=said.name,
                                           evidence=evidence_list(utts), confidence=conf,
                                           needs_review=why is not None, review_reason=why))  # fmt: skip

    def _item_unsure(self, item: str, said: Utt) -> bool:
        """The summing-up was heard unsure where this item stands (a word of it unsure, or the audio doubtful)."""
        return self._words_unsure(item, said) or (not said.unsure and audio_doubt([said]) is not None)

    def _words_unsure(self, item: str, said: Utt) -> bool:
        """A word of the item clearly worse than the meeting's own level (in a poorly heard meeting, p 0.4 is not)."""
        if self._level is None:
            self._level = level(self.t)
        words = {w.strip(" ,.:;!?").lower() for w in item.split()}
        return any(
            w.probability < self._level.cut and w.text.strip(" .,!?;:").lower() in words
            for s in said.segs for w in s.words or []
        )  # fmt: skip

    def _confirm(self, d: Decision, item: str, said: Utt, unsure: bool) -> None:
        """The summing-up restates a decision found: its evidence joins, and agreeing it makes the decision surer."""
        ids, own = {e.segment_id for e in d.evidence}, {s.id for s in said.segs}
        if ids <= own:  # the decision was read from the summing-up alone: only it carries the decision
            if unsure and not d.needs_review and self._words_unsure(item, said):
                d.needs_review, d.confidence, d.review_reason = True, min(d.confidence, 0.6), RECAP_WHY
            return
        d.evidence = merge_evidence(d.evidence, evidence_list([said]))
        if polarity_conflict(item, d.text):
            d.needs_review, d.confidence, d.review_reason = True, min(d.confidence, 0.4), POLARITY_WHY
        elif not unsure:
            d.confidence = round(min(0.95, d.confidence + 0.1), 2)

    def _decided_at(self, v: Utt | None) -> Decision | None:
        """The decision whose evidence holds this passage."""
        ids = {s.id for s in v.segs} if v is not None else set()
        return next((d for d in self.out.decisions if ids & {e.segment_id for e in d.evidence}), None)

    def _earlier(self, item: str, said: Utt) -> Utt | None:
        """The passage before the summing-up that the item restates: two words shared (a day too), not a question."""
        lo, own = max(0, said.idx - _EARLIER_BACK), _words(item)
        scored = [(len(own & _words(v.text)), v) for v in self.utts[lo : said.idx] if v.turn != said.turn]
        scored = [(n, v) for n, v in scored if n >= 2 and not v.is_question]
        return max(scored, key=lambda x: (x[0], x[1].idx))[1] if scored else None

    def _merge_duplicates(self) -> None:
        """One matter decided, found twice (said in its item and restated later): one decision, both evidences."""
        kept: list[Decision] = []
        for d in self.out.decisions:
            twin = next((k for k in kept if self._same_decision(k, d)), None)
            if twin is None:
                kept.append(d)
                continue
            twin.evidence = merge_evidence(twin.evidence, d.evidence)
            twin.confidence = round(min(0.95, max(twin.confidence, d.confidence) + 0.1), 2)
            if len(content_words(d.text)) > len(content_words(twin.text)) and not d.needs_review:
                twin.text = d.text
        self.keep_decisions(kept)

    def _merge_conceded(self) -> None:
        """'Okej, okej. Tolvan då.' - 'Då gör vi dräneringen på tolvan i år, ...': a member gives in and the one
        settling states the outcome in the very next turn; one decision, in the words of the one who settled it."""
        kept: list[Decision] = []
        for d in self.out.decisions:
            if kept and self._conceded(kept[-1], d):
                d.evidence = merge_evidence(kept[-1].evidence, d.evidence)
                d.confidence = round(max(kept[-1].confidence, d.confidence), 2)
                kept[-1] = d
                continue
            kept.append(d)
        self.keep_decisions(kept)

    @staticmethod
    def _conceded(a: Decision, b: Decision) -> bool:
        turns = {e.segment_id for e in a.evidence}
        speakers = {e.speaker for e in a.evidence}
        if len(turns) != 1 or len(speakers) != 1 or polarity_conflict(a.text, b.text):
            return False
        nxt = [e for e in b.evidence if e.segment_id == max(turns) + 1]
        if not nxt or any(e.speaker in speakers for e in nxt) or min(e.segment_id for e in b.evidence) < min(turns):
            return False
        if not _GIVES_IN.match(a.evidence[0].quote.lower()):
            return False  # "Okej, okej. Tolvan då.": only a member giving in leaves the outcome to the next turn
        if len(content_words(a.text)) > len(content_words(b.text)):
            return False  # the later one says less: two matters, or the first is the fuller statement
        return bool({s for s in stems(a.text) if len(s) >= 4} & stems(b.text))

    @staticmethod
    def _same_decision(a: Decision, b: Decision) -> bool:
        if polarity_conflict(a.text, b.text):
            return False
        turns = {e.segment_id for e in a.evidence} & {e.segment_id for e in b.evidence}
        if turns:
            return False  # two decisions of one sentence ("a, och att b") are two
        small = min(_topic_size(a.text), _topic_size(b.text))
        return small >= 2 and shared_topic(a.text, b.text) >= max(3, small)
