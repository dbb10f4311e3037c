"""Kinds of role statement read as the turns' mechanics (minutes/role_ties.py, roles.py, role_answers.py,
role_items.py): the role's tool in one's own hands ("Jag har pennan."), a request with a time word after its verb
("Vill du skriva i dag också?"), a name right before the role's own verb in a summing-up ("Omar för protokollet och
Nils justerar."), the justerare as one who looks through what the secretary writes or signs it "med mig", a second
offer with its verb left out ("Och jag, om det går fort."), a sum of names after "Då har vi", an "och jag" after a
comma that opens a clause of its own rather than adding the speaker, "Jag leder mötet och Eva skriver" (the chair's
phrase ends with its word), one allowed to write ("Eva får skriva i dag"), "Anteckningarna tar du, Eva?" and "Det kan
väl jag göra.". Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from tests.test_roles_phrasings import ONE, roles

PAIR = """Styrelsemöte
1. Mötets öppnande
2. Protokollförare och justerare
3. Ekonomi
4. Sommarfesten
5. Avslutning
"""


def test_one_who_says_she_has_the_pen_is_the_secretary() -> None:
    got = roles(PAIR, ("A", "Vem skriver i kväll?"), ("C", "Jag har pennan redan."), ("A", "Och vem justerar?"))
    assert got.get("sekreterare") == ["Eva Lind"]


def test_a_request_to_write_with_a_time_word_after_the_verb() -> None:
    got = roles(PAIR, ("A", "Eva, vill du skriva i dag också?"), ("C", "Jag skriver."), ("A", "Nils, justerar du?"))
    assert got.get("sekreterare") == ["Eva Lind"]
    got = roles(PAIR, ("A", "Lena, kan du anteckna den här gången med?"), ("B", "Visst."))
    assert got.get("sekreterare") == ["Lena Ström"]


def test_the_summing_up_names_each_before_the_roles_verb() -> None:
    got = roles(
        PAIR,
        ("A", "Vem skriver?"),
        ("B", "Eva brukar ju."),
        ("C", "Jag har ont i handen."),
        ("E", "Jag tar det."),
        ("A", "Tack. Omar för protokollet och Nils justerar."),
    )
    assert got.get("sekreterare") == ["Omar Said"] and got.get("justerare") == ["Nils Ek"]


def test_the_justerare_looks_through_what_is_written_or_signs_it_with_the_chair() -> None:
    looks = roles(
        PAIR,
        ("A", "Eva skriver i kväll som vanligt."),
        ("A", "Och någon som tittar igenom det hon skriver?"),
        ("E", "Det tar jag."),
    )
    assert looks.get("sekreterare") == ["Eva Lind"] and looks.get("justerare") == ["Omar Said"]
    signs = roles(PAIR, ("A", "Eva skriver i kväll som vanligt."), ("A", "Nils, du skriver på det med mig sen?"))
    assert signs.get("justerare") == ["Nils Ek"]


def test_a_second_offer_without_its_verb_and_a_sum_after_da_har_vi() -> None:
    elliptic = roles(
        ONE,
        ("A", "Jag leder mötet i kväll."),
        ("A", "Eva skriver som vanligt."),
        ("A", "Sen två som justerar."),
        ("D", "Jag kan ta det."),
        ("E", "Och jag, om det går fort."),
    )
    assert elliptic.get("justerare") == ["Nils Ek", "Omar Said"]
    summed = roles(
        ONE,
        ("A", "Jag leder mötet i kväll."),
        ("A", "Eva skriver som vanligt."),
        ("A", "Sen behöver jag två som justerar protokollet."),
        ("D", "Jag kan."),
        ("E", "Gärna."),
        ("A", "Då har vi Nils Ek och Omar Said."),
    )
    assert summed.get("justerare") == ["Nils Ek", "Omar Said"]


def test_och_jag_after_a_comma_opens_a_clause_and_adds_no_secretary() -> None:
    got = roles(
        PAIR,
        ("A", "Någon måste föra protokoll, och jag har bett Lena om det."),
        ("B", "Det går bra."),
        ("A", "Nils justerar."),
    )
    assert got.get("sekreterare") == ["Lena Ström"]


def test_a_task_said_by_name_outside_the_election_gives_no_role() -> None:
    got = roles(PAIR, ("A", "Eva skriver i kväll."), ("A", "Nils justerar."), ("D", "Jag läser det sen."))
    assert got.get("sekreterare") == ["Eva Lind"] and got.get("justerare") == ["Nils Ek"]


def test_the_chair_leading_the_meeting_and_the_secretary_in_one_sentence() -> None:
    got = roles(ONE, ("A", "Jag leder mötet och Eva skriver som vanligt."), ("A", "Nils justerar."))
    assert got == {"ordförande": ["Karin Berg"], "sekreterare": ["Eva Lind"], "justerare": ["Nils Ek"]}


def test_one_allowed_to_write_one_who_says_she_writes_and_the_notes_fronted() -> None:
    allowed = roles(ONE, ("A", "Jag leder mötet. Eva får skriva i dag, och Nils justerar."))
    assert allowed.get("sekreterare") == ["Eva Lind"] and allowed.get("justerare") == ["Nils Ek"]
    herself = roles(ONE, ("A", "Jag leder mötet."), ("C", "Och jag skriver, som vanligt."), ("A", "Nils justerar."))
    assert herself.get("sekreterare") == ["Eva Lind"]
    fronted = roles(ONE, ("A", "Jag leder mötet. Anteckningarna tar du, Eva?"), ("C", "Ja."), ("A", "Nils justerar."))
    assert fronted.get("sekreterare") == ["Eva Lind"]


def test_an_offer_with_a_filler_word() -> None:
    got = roles(ONE, ("A", "Jag leder mötet och Eva skriver."), ("A", "Vem justerar?"), ("D", "Det kan väl jag göra."))
    assert got.get("justerare") == ["Nils Ek"]


def test_one_who_approves_the_notes_is_the_justerare() -> None:
    asked = roles(
        PAIR,
        ("A", "Eva skriver i kväll som vanligt."),
        ("A", "Och vi behöver någon som godkänner anteckningarna innan de går ut."),
        ("D", "Det gör jag."),
    )
    assert asked.get("justerare") == ["Nils Ek"]
    summed = roles(PAIR, ("A", "Vem tar anteckningarna?"), ("C", "Jag."), ("A", "Bra. Eva skriver och Nils godkänner."))
    assert summed.get("sekreterare") == ["Eva Lind"] and summed.get("justerare") == ["Nils Ek"]


def test_a_no_to_another_question_declines_no_role_and_a_no_may_turn_to_yes_later() -> None:
    got = roles(
        PAIR,
        ("A", "Eva skriver i kväll som vanligt. Och så behöver vi två som läser igenom det och skriver under. Nils?"),
        ("D", "Jag kan inte. Jag är bortrest hela nästa vecka."),
        ("A", "Okej. Någon annan?"),
        ("E", "Jag kan göra det."),
        ("B", "Nils kan läsa på tåget."),
        ("D", "Okej då. Jag läser på tåget."),
        ("A", "Bra. Omar och Nils läser igenom och skriver under."),
        ("A", "Ekonomin då. Har alla sett rapporten? Är det ett nej, Nils?"),
        ("D", "Nej, nej. Jag har läst den."),
    )
    assert got.get("justerare") == ["Nils Ek", "Omar Said"]
