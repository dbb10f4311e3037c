"""Decisions read over several turns: the summing-up item by item, and the leader's close lost between the turns.

Hand-made exchanges; words listed as unsure get a low word probability, as Whisper gives them, and stand for the
words the recogniser got wrong.
"""

from __future__ import annotations

from tests.spoken import minutes
from transcribe.minutes import Minutes


def _texts(got: Minutes) -> str:
    return " | ".join(d.text.lower() for d in got.decisions)


TRAM = [
    ("S2", "Vi kan köra lördagar och söndagar hela sommaren om vi får förare nog."),
    ("S3", "Sjuan får stå kvar i hallen tills bromsarna är gjorda, det är inget att diskutera."),
    ("S1", "Nu sammanfattar jag."),
    ("S1", "Vi kör lördagar och söndagar i sommar."),
    ("S1", "Sjuan står tills bromsarna är gjorda."),
    ("S1", "Filmbolaget får hyra fyran för tjugotusen med försäkring."),
    ("S1", "Det var väl det vi kom fram till?"),
    ("S2", "Ja."),
]


def test_a_summing_up_said_sentence_by_sentence_is_read_item_by_item() -> None:
    got = minutes(TRAM)
    text = _texts(got)
    assert "lördagar och söndagar" in text and "bromsarna" in text and "filmbolaget" in text
    assert len(got.decisions) == 3


def test_a_plain_summing_up_without_the_chairs_question_recovers_nothing_heard_clearly() -> None:
    got = minutes(TRAM[:6])  # no "Det var väl det vi kom fram till?": a remark on the talk, not its outcome
    assert not got.decisions


def test_a_recap_list_read_at_once_becomes_one_decision_per_item() -> None:
    said = [("S1", "Så. Vi har alltså bestämt: ugnen släcks den tjugotredje, repet flyttas två meter bakåt, "
                   "och tvåhundra vaser säljs till Designhuset.")]  # fmt: skip
    got = minutes(said).decisions
    assert len(got) == 3
    assert {e.segment_id for d in got for e in d.evidence} == {0}


def test_a_list_of_what_was_said_confirms_the_decisions_it_names() -> None:
    turns = [
        ("S2", "Sugen vi har räcker inte, dammet ligger överallt."),
        ("S1", "Då beslutar vi att köpa den stora spånsugen."),
        ("S3", "Och tisdagarna, vi har öppet till tio på prov?"),
        ("S1", "Så, då har vi sagt spånsugen, tisdagarna och kön."),
    ]
    got = minutes(turns).decisions
    suction = [d for d in got if "spånsugen" in d.text]
    assert len(suction) == 1 and {e.segment_id for e in suction[0].evidence} == {1, 3}
    assert not any(d.text.lower().startswith(("tisdagarna", "kön")) for d in got)  # a word or two: no decision


def test_a_summing_up_of_nothing_decided_decides_nothing() -> None:
    said = [("S1", "Då sammanfattar jag."), ("S1", "Vi har inte beslutat något i kväll."),
            ("S1", "Synpunkterna om bussarna och priset går till styrelsen.")]  # fmt: skip
    assert not minutes(said).decisions


# The leader states the outcome after two members argued; the opening "Då tar" was misheard as "Mallet" and the
# next member takes on the task that follows from it. Before it, the opening and a matter decided in words.
EARLIER = [
    ("S1", "Välkomna allihop."),
    ("S2", "Tack."),
    ("S1", "Vi har tre saker i kväll."),
    ("S3", "Kaffet står framme."),
    ("S1", "Först sugen i verkstaden."),
    ("S2", "Sugen vi har räcker inte, dammet ligger överallt."),
    ("S3", "Den stora kostar elvatusen."),
    ("S1", "Då beslutar vi att köpa den stora spånsugen."),
    ("S2", "Jag beställer den i morgon."),
]
QUEUE = [
    ("S1", "Nästa fråga är kön till verkstaden."),
    ("S1", "Vi har tolv som väntar."),
    ("S2", "Fler medlemmar är mer pengar till föreningen."),
    ("S3", "Jag tycker inte vi ska ta in fler medlemmar innan vi sett hur det blir med tisdagarna."),
    ("S1", "Mallet vi inte in några nya medlemmar förän till hösten."),
    ("S2", "Jag mejlar kön och säger det i morgon."),
]
CLUB = [*EARLIER, *QUEUE]
HEARD_UNSURE = frozenset({"mallet", "förän"})


def test_the_leaders_garbled_close_is_read_from_the_turns_around_it_and_flagged() -> None:
    got = minutes(CLUB, unsure=HEARD_UNSURE).decisions
    new = [d for d in got if "medlemmar" in d.text and "hösten" in d.text]
    assert len(new) == 1 and new[0].needs_review and "turerna" in (new[0].review_reason or "")
    assert {e.segment_id for e in new[0].evidence} == {len(EARLIER) + 4}


def test_the_turn_shape_needs_the_others_before_the_task_after_and_words_heard_unsure() -> None:
    alone = [*EARLIER, QUEUE[0], QUEUE[1], QUEUE[4], QUEUE[5]]  # nobody argued the matter before the leader
    assert not [d for d in minutes(alone, unsure=HEARD_UNSURE).decisions if "hösten" in d.text]
    no_task = [*EARLIER, *QUEUE[:5], ("S2", "Hur går det med sågen, förresten?")]
    assert not [d for d in minutes(no_task, unsure=HEARD_UNSURE).decisions if "hösten" in d.text]
    heard = minutes(CLUB).decisions  # heard surely, "Mallet vi" is what was said: no outcome to read
    assert not [d for d in heard if "hösten" in d.text]


def test_a_meeting_that_decides_nothing_gets_no_decision_from_the_turn_shape() -> None:
    opening = [("S1", "Vi fattar inga beslut i dag, vi pratar bara."), *CLUB]
    assert not minutes(opening, unsure=HEARD_UNSURE).decisions


def test_a_wish_or_another_bodys_past_act_is_no_outcome_of_the_turns() -> None:
    for said in ("Föreningen vill ha fler medlemmar till hösten, säger de.",
                 "Nämnden han i maj att höja avgiften för medlemmar till hösten."):  # fmt: skip
        turns = [*EARLIER, *QUEUE[:4], ("S1", said), QUEUE[5]]
        assert not [d for d in minutes(turns, unsure=frozenset({"han", "säger"})).decisions if "hösten" in d.text]


def test_a_summing_up_whose_announcement_was_lost_is_read_by_its_place_and_its_list() -> None:
    turns = [
        *EARLIER,
        ("S2", "Och tisdagarna, kan verkstaden ha öppet till tio?"),
        ("S1", "Verkstaden ha öppet till tio på tisdagar, om grannarna inte klagar."),  # "Då har ..." lost
        ("S3", "Bra."),
        ("S1", "Så vi om helg: vi köper den stora spånsugen, verkstaden har öppet till tio på tisdagar, "
               "och kaffet står framme."),  # "Så vi har beslutat:" with its verb lost
    ]  # fmt: skip
    unsure = frozenset({"om", "helg", "ha"})
    got = minutes(turns, unsure=unsure).decisions
    suction = [d for d in got if "spånsugen" in d.text]
    assert len(suction) == 1 and len(turns) - 1 in {e.segment_id for e in suction[0].evidence}
    evenings = [d for d in got if "tisdagar" in d.text]
    assert len(evenings) == 1 and {len(EARLIER) + 1, len(turns) - 1} <= {e.segment_id for e in evenings[0].evidence}
    assert evenings[0].needs_review
    heard = minutes(turns).decisions  # the same list heard surely with no announcement: a remark, nothing recovered
    assert not [d for d in heard if "tisdagar" in d.text]
