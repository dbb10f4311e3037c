"""The rule extractor: every rule family over one shared state, in one pass."""

from __future__ import annotations

from transcribe.minutes.rules.acceptance import AcceptanceRules
from transcribe.minutes.rules.actions import ActionRules
from transcribe.minutes.rules.answeredoutcome import AnsweredOutcomes
from transcribe.minutes.rules.askedclose import AskedCloses
from transcribe.minutes.rules.askerclose import AskerCloses
from transcribe.minutes.rules.callclosed import CallClosedDecisions
from transcribe.minutes.rules.callerclose import CallerCloses
from transcribe.minutes.rules.counted import CountedDecisions
from transcribe.minutes.rules.decisions import DecisionRules
from transcribe.minutes.rules.formalresult import FormalResults
from transcribe.minutes.rules.imperatives import ChosenAlternatives
from transcribe.minutes.rules.jests import JestDecisions
from transcribe.minutes.rules.lastword import LastWordDecisions
from transcribe.minutes.rules.leadclose import LeadCloses
from transcribe.minutes.rules.learned import LearnedRules
from transcribe.minutes.rules.mandate import MeetingMandate
from transcribe.minutes.rules.nextmeeting import NextMeetingRules
from transcribe.minutes.rules.offeredplan import OfferedPlans
from transcribe.minutes.rules.pickround import PickRounds
from transcribe.minutes.rules.pointback import PointBackRules
from transcribe.minutes.rules.recurring import RecurringPractices
from transcribe.minutes.rules.restated import RestatedDecisions
from transcribe.minutes.rules.retracted import RetractedDecisions
from transcribe.minutes.rules.roomassent import RoomAssent
from transcribe.minutes.rules.roomcall import RoomCallRules
from transcribe.minutes.rules.rulings import RulingRules
from transcribe.minutes.rules.settledsentence import SettledSentences
from transcribe.minutes.rules.silentclose import SilentCloses
from transcribe.minutes.rules.statedclose import StatedCloses
from transcribe.minutes.rules.takenback import TakenBackDecisions
from transcribe.minutes.rules.takenup import TakenUpSuggestions
from transcribe.minutes.rules.unborne import UnborneDecisions
from transcribe.minutes.rules.utterances import (
    Extracted,
)
from transcribe.minutes.rules.verdicts import VerdictRules
from transcribe.minutes.rules.volunteers import VolunteerChoices


class RuleExtractor(
    DecisionRules,
    RoomCallRules,
    AcceptanceRules,
    VerdictRules,
    ActionRules,
    NextMeetingRules,
    RestatedDecisions,
    RetractedDecisions,
    LearnedRules,
    MeetingMandate,
    UnborneDecisions,
    CallClosedDecisions,
    PointBackRules,
    LastWordDecisions,
    SettledSentences,
    RulingRules,
    CallerCloses,
    LeadCloses,
    SilentCloses,
    AskedCloses,
    AskerCloses,
    AnsweredOutcomes,
    OfferedPlans,
    ChosenAlternatives,
    RecurringPractices,
    JestDecisions,
    TakenBackDecisions,
    TakenUpSuggestions,
    StatedCloses,
    FormalResults,
    RoomAssent,
    PickRounds,
    CountedDecisions,
    VolunteerChoices,
):
    """One pass over the sentences, keeping the recent proposals as context."""

    def run(self) -> Extracted:
        for u in self.utts:
            handled = (
                self._explicit_decision(u)
                or self._approval(u)
                or self._formal_result(u)  # the formal act's result, its object named in the call before it
                or self._formal_act(u)
                or self._commission(u)
                or self._answered_call(u)
                or self._formal_act_heard(u)
                or self._summing_up(u)
                or self._negative_decision(u)
                or self._not_decided(u)
            )
            if not handled:
                _ = (
                    self._silent_close(u)  # before the confirmations: the call's own plan, not the latest remark
                    or self._asked_close(u)  # ... and the plan before a question, not the answer to it
                    or self._asker_close(u)  # the one who put the question sums up the others' answers
                    or self._confirmation(u)
                    or self._call_for_decision(u)
                    or self._declarative(u)
                    or self._arrangement(u)
                    or self._restated_proposal(u)
                    or self._permission(u)
                    or self._room_call(u)
                    or self._accepted(u)
                    or self._verdict(u)
                    or self._pointed_back(u)
                    or self._lead_close(u)
                    or self._ruling(u)
                    or self._answered_outcome(u)
                    or self._offered_plan(u)
                    or self._chosen_alternative(u)
                    or self._first_time_set(u)
                    or self._room_assent(u)  # a matter put to the room and settled by its assent alone
                    or self._pick_round(u)  # a choice settled by the members' round of picks and assent
                    or self._volunteers_chosen(u)  # the ones named among those who offered themselves
                    or self._stated_close(u)  # last: the leader's close stating the plan, when no rule read it
                    or self._heard_plan(u)  # last: the group's plan after others' talk that was misheard
                    or self._vote_counted(u)  # after all: a plan stated with the vote's count, by whoever counted
                )
            self._actions(u)
        self.retract_pass()  # a decision the next turns take back: a joke denied, another body's rule, a failed vote
        read = list(self.out.decisions)
        self.restated_pass()  # a decision restated in the summing-up: more evidence, or recovered from it
        self.learned_pass()  # the learned scorer's second opinion on decisions, when a model is present
        self.mandate_pass()  # the meeting says at its opening or summing-up that it decides nothing
        self.unborne_pass()  # a member's decision formula the one who leads does not take up
        self.call_closed_pass()  # a call for assent and the caller's close after the yeses are one decision
        self.settled_sentence_pass()  # the sentences a close settles: one decision, not the proposal before it
        self.last_word_pass()  # a decision reopened by 'Vänta' and settled again: the last word counts
        self.callers_close_pass()  # a call to the room closed by the caller's next words
        self.jest_pass()  # a ruling its own speaker turns into a joke ('Nej, men välkomna.', 'Skämt åsido')
        self.taken_back_pass()  # a decision its speaker takes back, and what stays as before after it
        self.taken_up_pass()  # a member's suggestion the leader put as her own proposal: one decision, hers
        self.retract_pass(read)  # again, for what the late passes recovered: a joke laughed off, said as a recap
        self._next_meeting()
        self._resolve_next_meeting_dues()
        return self.out
