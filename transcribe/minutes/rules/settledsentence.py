"""The sentences a close actually settles: one decision, not the proposal before it nor each sentence apart.

Two shapes of a chair's turn put the settled matter in other sentences than the one the rules take it from:

* the close that announces its content ("Då gör vi så här." – "Vi hyr bussen om minst tjugo anmäler sig …
  Blir vi färre kör vi egna bilar …"): the decision is what the turn says after it, up to a task, a question or the
  next meeting. The member's worry just before ("Men om vi blir tolv personer så står vi där med en halvtom buss.")
  is not what it settles, and its following sentences are one decision with their conditions, not one each;
* the alternative said in the sentence after a decision, as a condition put first ("Då säger vi parken, lördag den
  tolfte juni. Regnar det håller vi uppvisningen här i salen i stället.", "… Får vi det inte, lagar vi de
  gamla."): part of the decision before it in the same turn, not a second one.

The turn decides which sentences belong together, not their wording, so the fold holds when a word of them is
misheard. The evidence of every item folded stays on the decision. This pass runs after the other decision passes.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.model import Decision
from transcribe.minutes.phrasing import strip_tail, we_decision
from transcribe.minutes.rules.state import RuleState
from transcribe.minutes.rules.utterances import Utt, evidence_list, merge_evidence, personal_commitment, stems
from transcribe.sv.text import capitalise, content_words

# A sentence that only announces the settlement: "Då gör vi så här.", "Okej, vi gör så här.", "Så här gör vi."
ANNOUNCED = re.compile(
    r"^(?:(?:okej|ok|bra|ja|så|då|och|nej|men)\b[\s,.]*)*"
    r"(?:(?:då|så)\s+)?(?:gör\s+vi\s+så\s+här|vi\s+gör\s+så\s+här|så\s+här\s+gör\s+vi(?:\s+då)?|"
    r"(?:då\s+|så\s+)?(?:blir\s+det|det\s+blir)\s+så\s+här)\s*[.:!]?$"
)
# A condition put first, the verb before its subject: "Regnar det …", "Blir vi färre …", "Får vi det inte, …";
# or the alternative named: "Annars …", "Om inte …".
_CONDITION_FIRST = re.compile(
    r"^(?:och\s+|men\s+)?(?:(?:[a-zåäö]+(?:ar|er|ir|or|ör|år|är)|blir|får|kan|vill|går|är|har)\s+"
    r"(?:det|vi|de|dom|han|hon|den|ni|man|du)\b(?!\s*\?)|annars\b|om\s+inte\b)"
)
# The proposal's next clause: "Jag föreslår att vi … . Och att vi skickar ärendet till inkasso …"
_GOES_ON = re.compile(r"^(?:och|samt)\s+att\b")
# A sentence naming another item: "Och startavgiften står still", "Och vi öppnar på torsdagar också"
_ANOTHER_ITEM = re.compile(r"^(?:och|sen|sedan|dessutom|en\s+sak\s+till)\b|\b(?:också|även|dessutom)\b")
# The speaker's own part in the alternative, the main clause's subject "jag": "... tar jag själv bilen"
_OWN_PART = re.compile(r"(?:^|[,\s])[a-zåäö]+(?:ar|er|ör|år|ir)\s+jag\b")
_SUMMING_UP = re.compile(r"\b(?:sammanfatta\w*|sammanfattningsvis|summera\w*)\b")
# The minutes' own words in a decision's text: "Mötet beslutade att", "Styrelsen gav … i uppdrag"
_MINUTES_WORDS = re.compile(r"^\s*[A-ZÅÄÖ]\w*\s+(?:beslutade|enades|gav)\b\s*:?\s*(?:om\s+|att\s+)?")
_RECAP = re.compile(r"\b(?:beslutat|bestämt|sagt)\s*:")
_NEXT_TO = 2  # sentences between a decision's sentence and the one going on with it
_PROPOSAL_BACK = 6  # sentences back to a proposal the announcement was taken to close
_OWN_WORDS = 2  # sentences before the announcement in its turn say no more than this many content words each


def source_sentence(said: list[Utt], text: str) -> Utt | None:
    """Of the sentences an item's evidence points at, the one its words were read from: the one sharing the most
    content stems with it (the latest on a tie)."""
    if not said:
        return None
    words = stems(text)
    return max(said, key=lambda v: (len(words & stems(v.text)), v.idx))


class SettledSentences(RuleState):
    """The pass that puts a decision on the sentences its close settles."""

    def settled_sentence_pass(self) -> None:
        if not self.out.decisions:
            return
        for u in self.utts:
            if ANNOUNCED.match(u.low.strip()):
                self._announced(u)
        self._restated_closes()
        self._fold_alternatives()

    # ------------------------------------------------------------------ the announced close
    def _announced(self, u: Utt) -> None:
        turn = [v for v in self.utts if v.turn == u.turn]
        if any(len(content_words(v.text)) > _OWN_WORDS for v in turn if v.idx < u.idx):
            return  # the announcement closes something said earlier in its own turn
        items = self._announced_items(u, turn)
        if not items:
            return
        text = self._items_text(items)
        touching = [d for d in self.out.decisions if self._settled_by(d, u, items)]
        if not touching:
            return
        said = {u.idx, *(v.idx for v in items)}
        own = [d for d in touching if (src := self.source(d)) is not None and src.idx in said]
        keep = own[0] if own else touching[0]
        for d in own[1:]:
            keep.evidence = merge_evidence(keep.evidence, d.evidence)
        if not own:  # only the passage before was read: the decision, its evidence and flags, are the turn's
            needs, why = self._review([u, *items])
            keep.evidence, keep.needs_review, keep.review_reason = evidence_list([u, *items]), needs, why
            keep.confidence = 0.6 if needs else 0.75
        else:
            keep.evidence = merge_evidence(keep.evidence, evidence_list([u, *items]))
            flagged = next((d for d in own if d.needs_review), None)
            if flagged is not None and flagged is not keep:
                keep.needs_review, keep.review_reason = True, flagged.review_reason
                keep.confidence = min(keep.confidence, flagged.confidence)
        keep.text, keep.proposed_by = text, u.name or keep.proposed_by
        dropped = {id(d) for d in touching if d is not keep}
        if dropped:
            self.keep_decisions([d for d in self.out.decisions if id(d) not in dropped])

    @staticmethod
    def _segments(utts: list[Utt]) -> set[int]:
        return {s.id for v in utts for s in v.segs}

    def _before(self, u: Utt) -> list[Utt]:
        """The sentences of other turns just before the announcement: the proposal it may be taken to close."""
        return [v for v in self.utts[max(0, u.idx - _PROPOSAL_BACK) : u.idx] if v.turn != u.turn]

    def _settled_by(self, d: Decision, u: Utt, items: list[Utt]) -> bool:
        """The decision was read from the announced sentences, or from a passage just before that the
        announcement was taken to close."""
        src = self.source(d)
        if src is None:
            return False
        if src.idx == u.idx or any(src.idx == v.idx for v in items):
            return True
        near = any(src.idx == v.idx for v in self._before(u))
        return near and bool(self._segments([u, *items]) & {e.segment_id for e in d.evidence})

    def _announced_items(self, u: Utt, turn: list[Utt]) -> list[Utt]:
        """The sentences after the announcement that say what was settled; none when the turn asks the room."""
        after = [v for v in turn if v.idx > u.idx]
        if any(v.is_question for v in after):
            return []  # "Då gör vi så här. Om försäkringen … Säger vi så?": put to the room, not yet settled
        items: list[Utt] = []
        for v in after:
            low = v.low.strip()
            if personal_commitment(low) or cues.NEXT_MEETING.search(low) or self._named_person(low.split()[0]):
                break  # "Jag skriver ansökan.", "Erik, du ger mig siffrorna": the tasks after the decision
            if len(content_words(v.text)) < 2:
                break
            items.append(v)
        return items

    @staticmethod
    def _items_text(items: list[Utt]) -> str:
        first = strip_tail(items[0].text).rstrip(" ,.!")
        parts = [we_decision(first) or capitalise(first) + "."]
        parts += [capitalise(strip_tail(v.text).rstrip(" ,.!")) + "." for v in items[1:]]
        return " ".join(parts)

    # ------------------------------------------------------------------ the close that says the matter itself
    def _restated_closes(self) -> None:
        """'Fyratusen är snålt men vi kör.' – 'Ja. Vi kör på det. Vi spelar på Sjöfesten.': the close read as
        settling the passage before it, and its own statement read as the decision, are one decision; the
        statement's words stand."""
        dropped: set[int] = set()
        for d in self.out.decisions:
            src = self.source(d)
            if src is None:
                continue
            for other in self.out.decisions:
                if other is d or id(other) in dropped or id(d) in dropped:
                    continue
                said = self.source(other)
                own = min(e.segment_id for e in other.evidence) >= min(s.id for s in src.segs)
                if said is not None and own and self._close_states(src, said, d):
                    other.evidence = merge_evidence(other.evidence, d.evidence)
                    dropped.add(id(d))
                elif said is not None and self._inner_reply(said, d):
                    dropped.add(id(other))
        if dropped:
            self.keep_decisions([d for d in self.out.decisions if id(d) not in dropped])

    def _close_states(self, src: Utt, said: Utt, d: Decision) -> bool:
        """`said` is the first statement of a closing turn just after `src`, whose segment `d`'s evidence holds,
        after nothing but the close itself ("Ja.", "Vi kör på det.", "Då gör vi så här.")."""
        if said.turn == src.turn or not 0 < said.idx - src.idx <= _PROPOSAL_BACK or said.is_question:
            return False
        if max(e.segment_id for e in d.evidence) not in self._segments([said]):
            return False  # the statement is not in the turn that closed the passage
        between = self.utts[src.idx + 1 : said.idx]
        if any(v.turn not in (src.turn, said.turn) for v in between):
            return False  # the close answers the passage in the very next turn, not a summing-up later
        if _ANOTHER_ITEM.search(said.low) or cues.PROPOSAL.search(said.low):
            return False  # "Det är fastställt. Och överskottet föreslår styrelsen ...": the next matter
        before = [v for v in between if v.turn == said.turn]
        if not before or any(v.is_question or _SUMMING_UP.search(v.low) for v in before):
            return False  # "Då sammanfattar jag. …": the summing-up restates each matter, it closes none
        return all(len(content_words(v.text)) <= _OWN_WORDS or cues.CONFIRMATION.search(v.low)
                   or ANNOUNCED.match(v.low.strip()) for v in before)  # fmt: skip

    def _inner_reply(self, said: Utt, d: Decision) -> bool:
        """'… Några invändningar?' – 'Nej. Men vi skriver ett papper om att det är ett lån.' – 'Det gör vi.': a
        member's reply between the call and its close, read as a decision of its own, is part of the decision the
        close settles (its evidence already holds the reply)."""
        ids = sorted({e.segment_id for e in d.evidence})
        if len(ids) < 3 or not ids[0] < said.segs[0].id < ids[-1] or said.segs[0].id not in ids:
            return False
        first = self.said_in(d)[0]
        return said.speaker != first.speaker and said.turn != first.turn

    # ------------------------------------------------------------------ the alternative after a decision
    def source(self, d: Decision) -> Utt | None:
        """The sentence a decision's words were read from (see source_sentence)."""
        return source_sentence(self.said_in(d), d.text)

    def _fold_alternatives(self) -> None:
        kept: list[Decision] = []
        sources: list[Utt | None] = []
        for d in self.out.decisions:
            src = self.source(d)
            host = self._host(d, src, kept, sources)
            if host is None:
                kept.append(d)
                sources.append(src)
                continue
            if src is not None and _OWN_PART.search(src.low):
                continue  # "Får vi inte ihop det tar jag själv bilen.": the speaker's own part, a task
            host.evidence = merge_evidence(host.evidence, d.evidence)
            if src is not None and not stems(src.text) <= stems(host.text):
                host.text = f"{host.text.rstrip()} {capitalise(strip_tail(src.text).rstrip(' ,.!'))}."
        if len(kept) != len(self.out.decisions):
            self.keep_decisions(kept)

    def _host(self, d: Decision, src: Utt | None, kept: list[Decision], sources: list[Utt | None]) -> Decision | None:
        """The decision said just before in the same turn by the same speaker that this one's sentence goes on
        with: its alternative put as a condition first, the proposal's next clause ("Och att ..."), or a sentence on
        the same matter that names no other item ("… vi håller inte öppet på söndagar i januari. Från februari
        öppnar vi söndagar som vanligt igen.")."""
        if src is None or src.is_question or _SUMMING_UP.search(src.low) or _RECAP.search(src.low):
            return None  # a summing-up restates several matters in one breath
        low = src.low.strip()
        condition = _CONDITION_FIRST.match(low) is not None
        for k, s in zip(reversed(kept), reversed(sources), strict=True):
            if s is None or s.turn != src.turn or s.idx >= src.idx or s.speaker != src.speaker:
                continue
            if condition:
                return k
            if src.idx - s.idx > _NEXT_TO:
                return None
            if _GOES_ON.match(low):
                return k
            names = {w for v in self.utts if v.name for w in stems(v.name)}
            matter = {
                w for w in stems(_MINUTES_WORDS.sub("", k.text)) & stems(_MINUTES_WORDS.sub("", d.text)) if len(w) >= 4
            } - names
            return k if matter and not _ANOTHER_ITEM.search(low) else None
        return None
