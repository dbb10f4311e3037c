"""Rulings said in jest and decisions taken back by their speaker (rules/jests.py, rules/takenback.py).

Hand-made exchanges in settings of their own, written apart from the dev meetings: a chair's quip worded as a
ruling and turned into a joke in the same breath, a decision its speaker takes back after an objection, and what
stays as before after the take-back; beside each, the same words where something was decided.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts


def test_a_ruling_followed_by_the_chairs_no_and_greeting_is_a_joke() -> None:
    said = [
        ("S2", "Och Kerstin åt upp hela kakan innan vi kom i förra veckan."),
        ("S1", "Då bestämmer vi att Kerstin aldrig får baka igen. Nej, men välkomna allihop. Vi börjar med taket."),
        ("S3", "Taket läcker fortfarande vid skorstenen."),
    ]
    assert not any("Kerstin" in t for t in texts(said))
    meant = [
        ("S2", "Kakan räcker aldrig till alla."),
        ("S1", "Då bestämmer vi att vi bakar två kakor till varje träff. Vi börjar med taket."),
        ("S3", "Taket läcker fortfarande vid skorstenen."),
    ]
    assert any("två kakor" in t for t in texts(meant))


def test_skamt_asido_and_now_for_real_turn_the_sentence_before_into_a_joke() -> None:
    for after in ("Skämt åsido, god kväll.", "Okej, nu börjar vi på riktigt.", "Nej, allvarligt, första punkten."):
        said = [
            ("S2", "Bosse har parkerat traktorn mitt på gårdsplanen igen."),
            ("S1", f"Vi beslutar härmed att Bosse får cykla resten av året. {after} Vi har tre punkter i kväll."),
            ("S3", "Första punkten är vattnet."),
        ]
        assert not any("Bosse" in t for t in texts(said)), after


def test_a_decision_its_speaker_takes_back_after_an_objection_is_none() -> None:
    said = [
        ("S2", "Kvällsöppet på torsdagar, det kom bara tre personer förra gången."),
        ("S1", "Tre personer. Då stänger vi kvällsöppet på torsdagar."),
        ("S3", "Men de tre är våra volontärer från gymnasiet, de kan bara på kvällen."),
        ("S1", "Jaha. Då tar jag tillbaka det, kvällsöppet blir kvar. Vi ser hur det går i vår."),
    ]
    assert not any("kvällsöppet" in t.lower() for t in texts(said))
    kept = [*said[:3], ("S1", "Det får de lösa. Vi stänger ändå.")]
    assert any("kvällsöppet" in t.lower() for t in texts(kept))


def test_a_new_course_after_the_take_back_stays_a_decision() -> None:
    said = [
        ("S1", "Välkomna. Först staketet mot vägen."),
        ("S2", "Det flagnar överallt, det har inte målats på tio år."),
        ("S1", "Då bestämmer vi att vi målar staketet på lördag."),
        ("S3", "Det ska regna hela helgen enligt SMHI, och färgen torkar inte i regn."),
    ]
    assert any("lördag" in t for t in texts(said))  # nobody took it back
    taken = [*said, ("S1", "Då tar jag tillbaka det. Då bestämmer vi att vi skrapar bort den gamla färgen i stället.")]
    got = texts(taken)
    assert not any("lördag" in t for t in got)
    assert any("skrapa" in t for t in got)


def test_what_stays_as_before_after_a_take_back_is_none_unless_another_settles_it() -> None:
    said = [
        ("S1", "Jag har tänkt att vi höjer hyran för lokalen till femhundra."),
        ("S2", "Då slutar körerna att hyra den, de har inte råd."),
        ("S1", "Okej, då tar jag tillbaka det. Hyran blir som förut."),
        ("S3", "Bra. Nästa fråga är städningen."),
    ]
    assert not any("hyra" in t.lower() for t in texts(said))
    settled = [
        ("S1", "Okej, vi tar hyran för lokalen. Göran, du ville höja den?"),
        ("S2", "Ja. Men körerna har inte råd, det har jag förstått nu. Jag drar tillbaka det. Hyran får stå kvar."),
        ("S1", "Bra. Då ligger hyran kvar på fyrahundra kronor som förut, då."),
    ]
    assert any("hyra" in t.lower() for t in texts(settled))  # the one who leads settles it: a decision


def test_a_joke_the_room_denies_is_none_even_when_said_as_a_recap() -> None:
    said = [
        ("S1", "Bra. Och releasen blir nästa vecka om testerna går igenom."),
        ("S2", "Testerna går igenom."),
        ("S3", "Då har vi i alla fall bestämt en sak: kassan bjuder på tårta när det här är ute."),
        ("S2", "Det har vi absolut inte bestämt."),
        ("S4", "Ha ha. Det är inget beslut, Sara. Men en bra idé."),
        ("S1", "Nästa punkt är supporten."),
    ]
    assert not any("tårta" in t for t in texts(said))
    meant = [*said[:3], ("S2", "Det låter bra."), ("S1", "Nästa punkt är supporten.")]
    assert any("tårta" in t for t in texts(meant))
