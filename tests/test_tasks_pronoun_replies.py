"""Tasks taken in a reply that names them only by a pronoun or a yes, or shared out in one sentence."""

from __future__ import annotations

import datetime as dt

from tests.spoken import minutes


def test_someone_sought_and_a_pronoun_answer_takes_the_task() -> None:
    need = [("S1", "Lotteriet är klart. Jag behöver någon som trycker lotterna."), ("S2", "Jag gör det. På fredag.")]
    got = minutes(need).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and got[0].what.startswith("Trycka lotterna")
    who = [("S1", "Vem hämtar nya praktikanten på stationen i morgon?"), ("S2", "Inte jag, jag är i Umeå."),
           ("S3", "Jag hämtar honom.")]  # fmt: skip
    got = minutes(who).actions
    assert len(got) == 1 and got[0].owner == "Olof Nilsson" and "praktikanten" in got[0].what
    anyone = [("S1", "Har någon ringt hyresvärden om fläkten?"), ("S3", "Jag ringer honom.")]
    got = minutes(anyone).actions
    assert len(got) == 1 and got[0].what.startswith("Ringa hyresvärden om fläkten")
    # a question that seeks nobody leaves a pronoun reply alone
    view = [("S1", "Hur gick det med fläkten?"), ("S3", "Jag tar den.")]
    assert not minutes(view).actions


def test_a_word_to_pass_on_asked_by_name_and_answered_yes() -> None:
    said = [("S1", "Karin, säger du det till föräldrarna?"), ("S2", "Ja. På mötet i morgon.")]
    got = minutes(said).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and "föräldrarna" in got[0].what
    assert got[0].due == dt.date(2026, 11, 26)
    refused = [("S1", "Karin, säger du det till föräldrarna?"), ("S2", "Nej, det får Olof göra.")]
    assert not [a for a in minutes(refused).actions if a.owner == "Karin Ek"]


def test_one_sentence_sharing_out_two_tasks() -> None:
    said = [("S3", "Jag städar förrådet på lördag."),
            ("S1", "Och du kollar vilka stolar som är trasiga, så köper jag nya.")]  # fmt: skip
    got = minutes(said).actions
    assert any(a.owner == "Olof Nilsson" and a.what.startswith("Städa förrådet") for a in got)
    assert any(a.owner == "Olof Nilsson" and "stolar" in a.what for a in got)
    assert any(a.owner == "Anna Berg" and a.what.startswith("Köpa") and "stolar" in a.what for a in got)


def test_a_task_said_to_du_with_a_day_is_the_one_who_just_spoke() -> None:
    said = [("S2", "Jag vill att hyresvärden lagar fläkten före jul."),
            ("S1", "Då får du ringa honom och fråga. Det kan du göra i morgon.")]  # fmt: skip
    got = minutes(said).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and got[0].what.startswith("Ringa honom")
    leave = [("S2", "Jag vill titta på fläkten."), ("S1", "Du får gärna titta på den i morgon.")]
    assert not minutes(leave).actions


def test_a_later_sentence_opened_by_och_is_a_task_of_its_own() -> None:
    said = [("S1", "Köp den nya stegen."), ("S3", "Jag köper den i morgon. Och jag målar om skylten på fredag.")]
    got = minutes(said).actions
    assert len(got) == 2 and {a.owner for a in got} == {"Olof Nilsson"}
    assert any(a.what.startswith("Måla om skylten") for a in got)
    thanked = [("S1", "Har någon pratat med grannen om staketet?"), ("S3", "Jag pratar med honom."),
               ("S1", "Tack, Olof. Och elen?"), ("S3", "Jag ringer elektrikern på måndag.")]  # fmt: skip
    got = minutes(thanked).actions
    assert len(got) == 2 and any("grannen" in a.what for a in got) and any("elektrikern" in a.what for a in got)


def test_ones_own_need_then_i_do_it_takes_the_need() -> None:
    said = [("S3", "Och jag måste byta lösenordet på routern, annars kommer alla in. Jag gör det i morgon.")]
    got = minutes(said).actions
    assert len(got) == 1 and got[0].what.startswith("Byta lösenordet") and got[0].due == dt.date(2026, 11, 26)
