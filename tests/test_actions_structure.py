"""Actions read from sentence structure on unseen phrasings, and kept when the recogniser lost a word."""

from __future__ import annotations

import datetime as dt

from tests.spoken import MEETING, minutes


def test_a_new_task_by_the_same_speaker_is_kept_a_restated_one_is_not() -> None:
    turns = [
        ("S2", "Jag kan begära siffrorna från personalavdelningen i dag."),
        ("S1", "Bra."),
        ("S2", "Tar upp bullret på skyddskommittén den tjugonde januari."),  # its "jag" lost
    ]
    got = minutes(turns).actions
    assert [a.owner for a in got] == ["Karin Ek", "Karin Ek"]
    assert "bullret" in got[1].what and got[1].needs_review
    again = [("S2", "Jag kan begära siffrorna från personalavdelningen."), ("S2", "Mejlar dem i dag.")]
    assert len(minutes(again).actions) == 1


def test_a_first_person_verb_with_its_object_and_a_time_is_a_task_whatever_the_verb() -> None:
    got = minutes([("S3", "Jag beställer räcket i dag.")]).actions
    assert len(got) == 1 and got[0].what.startswith("Beställa räcket")
    assert (got[0].owner, got[0].due) == ("Olof Nilsson", MEETING)
    got = minutes([("S3", "Jag felanmäler larmknapparna i morgon.")]).actions
    assert [(a.what, a.due) for a in got] == [("Felanmäla larmknapparna", dt.date(2026, 11, 26))]
    got = minutes([("S2", "Då felanmäler jag dem till fastighetsavdelningen i dag.")]).actions
    assert len(got) == 1 and got[0].what.startswith("Felanmäla dem") and got[0].owner == "Karin Ek"
    assert not minutes([("S2", "Jag åker till Stockholm i morgon.")]).actions  # no object: a journey
    assert not minutes([("S2", "Kan man få dem på mejl? Jag läser hellre på datorn.")]).actions  # a preference


def test_two_tasks_sharing_only_their_verb_stay_two() -> None:
    turns = [
        ("S3", "Jag beställer räcket i dag."),
        ("S1", "Bra."),
        ("S3", "Jag beställer färg och skyltar till fredag."),
    ]
    assert len(minutes(turns).actions) == 2


def test_a_pronoun_object_sent_to_someone_is_the_speakers_task() -> None:
    turns = [("S1", "Och så ska protokollet justeras. Karin, när kan det vara klart?"),
             ("S2", "Inom två veckor. Då skickar jag det till Olof och Anna.")]  # fmt: skip
    got = minutes(turns).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and "Olof" in got[0].what


def test_an_instruction_with_the_name_after_it_inside_a_longer_sentence() -> None:
    got = minutes([("S1", "Men ta med det till LRF-mötet, Karin, de vill höra sånt.")]).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and "LRF-mötet" in got[0].what


def test_a_request_to_reach_a_person_answered_yes() -> None:
    got = minutes([("S1", "Roger är inte här. Olof, kan du mejla honom?"), ("S3", "Ja, direkt efter mötet.")]).actions
    assert len(got) == 1 and got[0].owner == "Olof Nilsson" and got[0].what.startswith("Mejla honom")
    assert not minutes([("S1", "Olof, kan du skriva i dag?"), ("S3", "Ja.")]).actions  # a role, not a task


def test_each_person_named_before_ni_gets_the_task() -> None:
    turns = [("S1", "Karin och Olof, ni uppdaterar era studieplaner innan jul och skickar dem till mig."),
             ("S2", "Ja.")]  # fmt: skip
    got = minutes(turns).actions
    assert sorted(a.owner for a in got) == ["Karin Ek", "Olof Nilsson"] and "studieplaner" in got[0].what


def test_a_request_followed_by_a_remark_in_the_same_turn_is_still_the_task_accepted() -> None:
    turns = [("S1", "Olof, kan du hämta pressen i Vara när banken har sagt ja? Du har ju den stora vagnen."),
             ("S3", "Ja, det gör jag.")]  # fmt: skip
    got = minutes(turns).actions
    assert len(got) == 1 and got[0].owner == "Olof Nilsson" and got[0].what.startswith("Hämta pressen")
    assert not minutes([("S1", "Olof, kan du föra protokollet i kväll?"), ("S3", "Ja, det gör jag.")]).actions


def test_a_misheard_verb_in_the_request_still_gives_the_task() -> None:
    turns = [("S1", "Olof, kan du binga Nilssons och stämma av det i morgon?"), ("S3", "Ja, det gör jag.")]
    got = minutes(turns).actions
    assert len(got) == 1 and got[0].owner == "Olof Nilsson" and got[0].what.startswith("Ringa Nilssons")
    assert got[0].needs_review and "binga" in (got[0].review_reason or "").lower()


def test_a_misheard_subject_before_tar_det_is_the_speakers_task_to_check() -> None:
    turns = [("S1", "Vem kan boka lokalen till julfesten?"), ("S2", "Jon tar det. Senast fredag.")]
    got = minutes(turns, unsure=frozenset({"jon"})).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and "lokalen" in got[0].what and got[0].needs_review
    assert not minutes([("S1", "Vem kan boka lokalen?"), ("S2", "Sen tar det tid.")], unsure=frozenset({"sen"})).actions
    named = minutes([("S1", "Vem kan boka lokalen?"), ("S2", "Olof tar det.")], unsure=frozenset({"olof"})).actions
    assert [a.owner for a in named] == ["Olof Nilsson"]  # a participant's name is no slip


def test_a_turn_to_speak_in_the_meeting_is_no_task() -> None:
    assert not minutes([("S1", "Karin, vill du börja med en kort lägesrapport?"), ("S2", "Gärna.")]).actions


def test_the_object_said_first_and_the_time_said_after_as_a_fragment() -> None:
    got = minutes([("S2", "Och avierna skickar jag ut senast den sista maj, med sista betalningsdag i juni.")]).actions
    assert [(a.what, a.owner, a.due) for a in got] == [("Skicka ut avierna", "Karin Ek", dt.date(2027, 5, 31))]
    turns = [("S1", "Karin, vad sägs om en affisch?"), ("S2", "Jag kan göra ett förslag. Till nästa söndag?")]
    got = minutes(turns).actions
    assert len(got) == 1 and got[0].what == "Göra ett förslag" and got[0].due == dt.date(2026, 12, 6)
    got = minutes([("S2", "Jag gör schemat i helgen och lägger det i gruppchatten.")]).actions
    assert [a.what for a in got] == ["Göra schemat och lägga det i gruppchatten"]


def test_a_request_whose_du_was_misheard_is_still_the_task_taken() -> None:
    turns = [("S1", "Kan är stämma av det med produktionscheferna och återkomma?"),
             ("S2", "Ja, det tar jag. Senast torsdag.")]  # fmt: skip
    got = minutes(turns, unsure=frozenset({"är"})).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and "produktionscheferna" in got[0].what
    assert not minutes(turns).actions  # "är" heard for sure: no request to anyone


def test_a_request_by_name_taken_on_by_the_one_asked_is_theirs_in_its_own_words() -> None:
    # "Alva, handlar du?" - "Ja.": the verb alone asks for the task
    got = minutes([("S1", "Tacos då. Karin, handlar du? Kvittot till mig."), ("S2", "Ja.")]).actions
    assert [(a.what, a.owner) for a in got] == [("Handla", "Karin Ek")]
    # how the reply says it is done is no second task; its date is the task's
    turns = [("S1", "Olof, bokar du bussen? Gärna i morgon."), ("S3", "Japp, jag ringer i morgon bitti.")]
    got = minutes(turns).actions
    assert [(a.what, a.owner, a.due) for a in got] == [("Boka bussen", "Olof Nilsson", dt.date(2026, 11, 26))]
    turns = [("S1", "Så det blir ingen slunga. Karin, svarar du Bertil som föreslog det?"),
             ("S2", "Ja, jag ringer honom.")]  # fmt: skip
    got = minutes(turns).actions
    assert len(got) == 1 and got[0].what.startswith("Svara Bertil") and got[0].owner == "Karin Ek"
    got = minutes([("S1", "Vi söker inte kvalet i år. Karin, svarar du dem?"), ("S2", "Ja.")]).actions
    assert [(a.what, a.owner) for a in got] == [("Svara dem", "Karin Ek")]
    # a reply that only names the day takes the task on
    turns = [("S1", "Den har jag inte sett. Olof, kan du åka och titta på den?"), ("S3", "På fredag.")]
    got = minutes(turns).actions
    assert [(a.what, a.owner, a.due) for a in got] == [("Åka och titta på den", "Olof Nilsson",
                                                         dt.date(2026, 11, 27))]  # fmt: skip
    # told by name and taken on with "det fixar jag": that task, not a need said earlier
    turns = [("S3", "Men vi måste få in pengar någonstans."),
             ("S1", "Vi testar. Karin, du ställer in det till måndag."), ("S2", "Det fixar jag.")]  # fmt: skip
    got = minutes(turns).actions
    assert [(a.what, a.owner) for a in got] == [("Ställa in det", "Karin Ek")]
    # asked with another ("kan du och Rania …") to have something ready, taken on with "Det har vi."
    turns = [("S1", "Karin, kan du och Rania ha ett första program klart till den tredje december?"),
             ("S2", "Det har vi.")]  # fmt: skip
    got = minutes(turns).actions
    assert len(got) == 1 and got[0].what.startswith("Ha ett första program klart") and got[0].owner == "Karin Ek"
    assert got[0].due == dt.date(2026, 12, 3)
    # the one asked turning it down, or someone else answering, takes nothing on
    assert not minutes([("S1", "Karin, handlar du?"), ("S2", "Nej, jag hinner inte.")]).actions
    assert not minutes([("S1", "Karin, handlar du?"), ("S3", "Ja.")]).actions
    assert not minutes([("S1", "Karin, kommer du på fredag?"), ("S2", "Ja.")]).actions  # a presence, no task


def test_a_second_task_said_with_ocksa_is_its_own() -> None:
    turns = [("S1", "Karin, handlar du?"), ("S2", "Ja. Och jag gör affischen till lägret också, klar till söndag.")]
    got = minutes(turns).actions
    assert len(got) == 2 and got[0].what == "Handla" and got[1].what.startswith("Göra affischen")
    turns = [
        ("S2", "Jag mejlar ut enkäten till alla medlemmar i dag."),
        ("S2", "Jag lägger ut den på Instagram också."),
    ]
    assert len(minutes(turns).actions) == 1  # acting on the same thing: one task
