"""Decisions closed by the vote's count said by whoever counted (rules/counted.py) and plans their proposer closes
after a pause nobody filled (rules/silentclose.py).

Hand-made exchanges in settings of their own: a secretary, a member or the one who leads saying the count with the
plan; a count that loses, a score from a match and a plan voted down; a proposer closing her own plan with a time
from now on or with "Bra." after her own call for objections; the same shapes where someone answered in between.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import minutes, texts

_HANDS = [
    ("S1", "Städdagen. Ska vi ha den i maj eller i juni? Räck upp handen, alla som vill ha den i maj."),
    ("S2", "Jag."),
    ("S3", "Jag."),
]


def test_the_secretary_writes_the_plan_with_the_count() -> None:
    said = [*_HANDS, ("S2", "Då skriver jag att städdagen blir lördagen den tionde maj, med tre röster mot en.")]
    got = texts(said)
    assert len(got) == 1 and "städdagen" in got[0].lower() and "tre mot en" in got[0]


def test_a_member_says_the_count_and_then_the_plan() -> None:
    said = [*_HANDS, ("S3", "Och jag. Tre mot en. Vi har städdagen i maj, och vi grillar efteråt.")]
    got = texts(said)
    assert any("städdagen i maj" in t and "tre mot en" in t for t in got)


def test_the_members_naming_their_choice_make_a_vote() -> None:
    said = [
        ("S1", "Var ska vi ha loppisen, i skolan eller i kyrkan?"),
        ("S2", "Skolan."),
        ("S3", "Kyrkan."),
        ("S1", "Skolan, tycker jag."),
        ("S2", "Det blir skolan, två mot en."),
    ]
    got = texts(said)
    assert any("skolan" in t and "två mot en" in t for t in got)


def test_a_count_that_loses_decides_nothing() -> None:
    said = [*_HANDS, ("S2", "En mot två. Städdagen i maj faller, och vi tar den i juni som förra året.")]
    assert not any("en mot två" in t for t in texts(said))


def test_a_score_from_a_match_is_no_vote() -> None:
    said = [
        ("S1", "Hur gick det för pojkarna i helgen?"),
        ("S2", "De vann fyra mot en. Laget spelar igen på lördag borta i Tranås."),
    ]
    assert texts(said) == []


def test_a_plan_said_in_the_negative_after_the_count_is_the_proposal_voted_down() -> None:
    said = [*_HANDS, ("S2", "Tre mot en. Ingen städdag i juni i år.")]
    assert not any("tre mot en" in t for t in texts(said))


def test_a_proposer_closes_her_rule_with_a_day_from_now_on() -> None:
    said = [
        ("S2", "Nycklarna till förrådet ligger kvar i låset varje kväll."),
        ("S1", "Jag vill att nycklarna lämnas i skåpet efter varje pass."),
        ("S1", "Så. Det gäller från och med i dag."),
    ]
    got = texts(said)
    assert any("nycklarna lämnas i skåpet" in t.lower() and "från och med i dag" in t for t in got)


def test_a_proposer_closes_her_plan_with_the_day_it_starts() -> None:
    said = [
        ("S2", "Träningen klockan sju krockar med bussen hem för de yngsta."),
        ("S1", "Jag tänker att vi flyttar träningen till halv sju."),
        ("S1", "Från tisdag då."),
    ]
    got = texts(said)
    assert any("träningen till halv sju" in t and "från tisdag" in t for t in got)


def test_the_caller_answers_her_own_call_for_objections() -> None:
    said = [
        ("S2", "Cyklarna står ute i regnet hela vintern och rostar."),
        ("S1", "Vi ställer cyklarna i förrådet över vintern."),
        ("S1", "Ingen som säger emot? Bra. Cyklarna står inne till april."),
    ]
    got = texts(said)
    assert any("cyklarna i förrådet" in t.lower() and "inne till april" in t for t in got)


def test_a_day_said_after_another_answered_closes_nothing() -> None:
    said = [
        ("S1", "Jag tänker att vi flyttar träningen till halv sju."),
        ("S2", "Sedan när har vi tränat klockan sju?"),
        ("S1", "Från i våras. Det var Olof som ville det."),
    ]
    assert not any("halv sju" in t for t in texts(said))


def test_the_count_with_the_counters_own_task_after_the_plan() -> None:
    said = [*_HANDS, ("S1", "Tre mot en. Vi har städdagen i maj, och jag skickar ut en lapp i trappuppgångarna.")]
    got = texts(said)
    assert any("städdagen i maj" in t and "tre mot en" in t and "lapp" not in t for t in got)


def test_who_takes_what_as_each_offered_listed_after_a_pointing_close() -> None:
    said = [
        ("S1", "Påsken. Någon måste öppna caféet både långfredagen och annandagen."),
        ("S2", "Jag kan ta långfredagen, vi åker bort först på lördagen."),
        ("S3", "Då tar jag annandagen."),
        ("S1", "Bra, då är det klart, så får det bli. Karin långfredagen, Olof annandagen."),
    ]
    got = texts(said)
    assert any("Karin långfredagen" in t and "Olof annandagen" in t for t in got)


def test_a_list_of_people_and_days_nobody_offered_is_no_rota() -> None:
    said = [
        ("S1", "Påsken. Någon måste öppna caféet både långfredagen och annandagen."),
        ("S2", "Det blir svårt, alla vill vara lediga."),
        ("S1", "Då är det så. Karin långfredagen, Olof annandagen."),
    ]
    assert not any("Karin långfredagen" in t for t in texts(said))


def test_a_plan_asked_and_answered_by_the_imperative_of_its_own_verb() -> None:
    said = [
        (
            "S3",
            "Och så släpvagnarna. Den gamla släpvagnen står bara i vägen. Den gamla släpvagnen säljer vi, va? Anna?",
        ),
        ("S1", "Ja ja, sälj den. Men garaget, har du tittat på taket? Det droppar vid porten."),
    ]
    got = texts(said)
    assert any("sälja den gamla släpvagnen" in t for t in got)


def test_a_plan_asked_and_answered_with_another_errand_is_not_bidden() -> None:
    said = [
        ("S3", "Den gamla släpvagnen säljer vi, va? Anna?"),
        ("S1", "Ja ja, fråga Karin. Men garaget, har du tittat på taket?"),
    ]
    assert not any("släpvagnen" in t for t in texts(said))


def test_the_count_heard_with_a_number_one_letter_off() -> None:
    said = [*_HANDS, ("S3", "Och jag. Trre mot en. Vi har städdagen i maj, och vi grillar efteråt.")]
    got = [d.text for d in minutes(said, unsure=frozenset({"trre"})).decisions]
    assert any("städdagen i maj" in t for t in got)


def test_a_fight_against_one_thing_is_no_count() -> None:
    said = [*_HANDS, ("S3", "Kampen mot en ny väg fortsätter. Vi har städdagen i maj, och vi grillar efteråt.")]
    assert not any("röstsiffrorna" in (d.review_reason or "") for d in minutes(said).decisions)


_SIDES_SAID = [
    ("S1", "Sommarfesten. Grillen vid sjön eller pizza i föreningslokalen?"),
    ("S2", "Grillen."),
    ("S3", "Pizza, tycker jag."),
    ("S4", "Grillen."),
]


def test_each_option_said_with_its_count_and_the_plan_after() -> None:
    said = [*_SIDES_SAID, ("S2", "Tre för grillen, en för pizzan. Grillen då, vid sjön, lördagen den sjunde juni.")]
    got = texts(said)
    assert any("Grillen" in t and "sjunde juni" in t and "tre mot en" in t for t in got)


def test_the_option_alone_after_the_count_is_put_against_the_one_that_lost() -> None:
    said = [
        *_SIDES_SAID,
        ("S2", "Tre för grillen och en för pizzan, och Olle avstår. Grillen, alltså. Okej?"),
        ("S1", "Ja."),
        ("S3", "Jag tar med kol och tändvätska."),
    ]
    got = texts(said)
    assert any("Grillen i stället för pizzan" in t and "tre mot en" in t for t in got)
    assert not any("avstår" in t for t in got)  # who abstains is the vote's mechanics, no plan


def test_a_tie_said_option_by_option_decides_nothing() -> None:
    said = [*_SIDES_SAID, ("S2", "Två för grillen, två för pizzan. Grillen då, vid sjön, lördagen den sjunde juni.")]
    assert not any("två mot två" in t for t in texts(said))


def test_a_count_that_ends_a_members_turn_is_closed_by_the_next_turns_plan() -> None:
    said = [
        ("S1", "Kolonilotterna. Vattnet till de nedre lotterna räcker inte, de får bära kannor."),
        ("S2", "Vi borde dra en ny slang längs staketet. Ungefär tvåtusen kronor."),
        ("S3", "Nej, det blir för dyrt i år."),
        ("S4", "Jag är för en ny slang."),
        ("S2", "Jag med. Det är tre mot en, Sven."),
        ("S3", "Ja, ja, jag vet när jag har förlorat."),
        ("S1", "Mm. Från första maj då. En ny slang längs staketet, och Karin köper kopplingarna."),
    ]
    got = texts(said)
    assert any("slang" in t and "första maj" in t and "tre mot en" in t for t in got)
    assert not any(t.startswith("Det är") for t in got)  # the count said to the losing side is no plan


def test_a_count_objected_to_in_the_next_turn_is_not_closed_by_the_turn_after() -> None:
    said = [
        ("S1", "Kolonilotterna. Vattnet till de nedre lotterna räcker inte, de får bära kannor."),
        ("S2", "Vi borde dra en ny slang längs staketet. Ungefär tvåtusen kronor."),
        ("S4", "Jag är för en ny slang."),
        ("S2", "Jag med. Det är tre mot en, Sven."),
        ("S3", "Vänta, Berit har inte röstat, och hon har fullmakt för två lotter."),
        ("S1", "Från första maj då. En ny slang längs staketet, och Karin köper kopplingarna."),
    ]
    assert not any("tre mot en" in t for t in texts(said))


def test_each_option_with_its_count_heard_with_a_number_one_letter_off() -> None:
    said = [*_SIDES_SAID, ("S2", "Trre för grillen, en för pizzan. Grillen då, vid sjön, lördagen den sjunde juni.")]
    got = [d.text for d in minutes(said, unsure=frozenset({"trre"})).decisions]
    assert any("Grillen" in t and "sjunde juni" in t for t in got)


def test_each_option_with_its_count_and_one_number_lost_takes_the_winner_from_the_plan() -> None:
    said = [*_SIDES_SAID, ("S2", "Få för grillen, en för pizzan. Grillen då, vid sjön, lördagen den sjunde juni.")]
    got = minutes(said, unsure=frozenset({"få"})).decisions
    counted = [d for d in got if "sjunde juni" in d.text]
    assert counted and "ofullständigt" in (counted[0].review_reason or "")  # flagged: the count was not all heard


def test_the_losing_side_giving_in_says_a_vote_was_counted() -> None:
    said = [
        ("S1", "Kolonilotterna. Vattnet till de nedre lotterna räcker inte, de får bära kannor."),
        ("S2", "Vi borde dra en ny slang längs staketet. Ungefär tvåtusen kronor."),
        ("S3", "Nej, det blir för dyrt i år."),
        ("S4", "Jon är med en ny slang."),
        ("S2", "Jag med. Det är tre mot en, Sven."),
        ("S3", "Ja, ja, jag vet när jag har förlorat."),
        ("S1", "Mm. Från första maj då. En ny slang längs staketet, och Karin köper kopplingarna."),
    ]
    got = [d.text for d in minutes(said, unsure=frozenset({"jon"})).decisions]
    assert any("slang" in t and "tre mot en" in t for t in got)
