"""Decisions the meeting takes back in its next turns (rules/retracted.py), and the same decisions kept when the
room lets them stand.

Hand-made exchanges in settings of their own: a joke decision followed by a denial or a refusal to write it, a
rule restated from another body's papers, what stays as it was after a vote that failed.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts


def test_a_joke_decision_denied_by_the_chair_is_none() -> None:
    said = [
        ("S2", "Kaffebryggaren har läckt i en månad nu."),
        ("S3", "Då bestämmer vi att Bertil bjuder på tårta varje fredag resten av året."),
        ("S4", "Bifall."),
        ("S1", "Det är inget beslut, Bertil. Men jag ringer om en ny bryggare i morgon."),
    ]
    assert texts(said) == []


def test_a_joke_decision_the_secretary_will_not_write_is_none() -> None:
    said = [
        ("S2", "Hyresvärden vill höja hyran efter nyår."),
        ("S3", "Då beslutar vi att hyresvärden får betala oss i stället."),
        ("S4", "Det skriver jag inte. Okej, nästa punkt."),
    ]
    assert texts(said) == []


def test_the_same_decision_taken_seriously_stands() -> None:
    said = [
        ("S2", "Kaffebryggaren har läckt i en månad nu."),
        ("S1", "Då bestämmer vi att vi köper en ny kaffebryggare före jul."),
        ("S3", "Bra."),
        ("S4", "Äntligen. Jag kan hämta den i morgon."),
    ]
    got = texts(said)
    assert len(got) == 1 and "kaffebryggare" in got[0]


def test_another_bodys_rule_restated_is_no_decision() -> None:
    said = [
        ("S2", "Får vi ta med kameror in i verkstaden?"),
        ("S3", "Nej, och det gäller alla besökare."),
        ("S1", "Nej. Vi tar inte in kameror i verkstaden. Det står i försäkringsbolagets regler."),
    ]
    assert not any("kameror" in t for t in texts(said))


def test_the_same_rule_of_our_own_is_a_decision() -> None:
    said = [
        ("S2", "Får vi ta med kameror in i verkstaden?"),
        ("S3", "Jag tycker inte det, folk vill inte bli fotade."),
        ("S4", "Nej, inga kameror."),
        ("S1", "Nej. Vi tar inte in kameror i verkstaden. Det får räcka med telefonen."),
    ]
    assert any("kameror" in t for t in texts(said))


def test_what_stays_after_a_failed_vote_is_no_decision() -> None:
    said = [
        ("S2", "Jag vill att vi stänger badplatsen klockan tio på kvällen."),
        ("S3", "Det är för tidigt, folk badar sent i juli."),
        ("S1", "Vi röstar. Räck upp handen den som vill stänga klockan tio."),
        ("S2", "Jag."),
        ("S1", "En. Och den som vill ha det som nu? Tre. Förslaget faller. Badplatsen är öppen hela natten som förut."),
    ]
    assert not any("badplatsen" in t.lower() for t in texts(said))


def test_a_claim_denied_with_its_own_verb_is_no_decision() -> None:
    said = [
        ("S2", "Jag vill att vi slutar med lotterierna. Vi är en idrottsklubb, och så lurar vi pensionärer på pengar."),
        ("S3", "Vi lurar inte pensionärer på pengar. Alla vet vad en lott kostar."),
        ("S2", "Ja, men du förstår vad jag menar."),
    ]
    assert not any("pensionärer" in t for t in texts(said))


_BANK = ("S1", "Banken höjer avgifterna för föreningskontot igen.")


def test_a_members_plan_said_back_with_inte_at_once_is_no_decision() -> None:
    said = [
        _BANK,
        ("S3", "Då byter vi bank. Det är ju enklast."),
        ("S2", "Det är inte enklast. Vi måste byta alla autogiron."),
    ]
    assert texts(said) == []
    agreed = [_BANK, ("S3", "Då byter vi bank. Det är ju enklast."),
              ("S2", "Det är enklast, ja. Jag ringer den nya banken i morgon.")]  # fmt: skip
    assert texts(agreed) == ["Mötet beslutade att byta bank."]


_LOPPIS = ("S1", "Vi behöver fler som ställer upp på loppisen i maj.")


def test_a_bare_no_to_the_one_who_decided_is_no_decision() -> None:
    said = [_LOPPIS, ("S3", "Då bestämmer vi att Karin står i kassan hela dagen."), ("S2", "Nej, Olof."),
            ("S3", "Det var värt ett försök."), ("S1", "Vi frågar på årsmötet.")]  # fmt: skip
    assert texts(said) == []
    agreed = [_LOPPIS, ("S3", "Då bestämmer vi att Karin står i kassan hela dagen."), ("S2", "Okej, det går bra.")]
    assert len(texts(agreed)) == 1


def test_a_decision_whose_maker_is_told_he_has_no_say_is_none() -> None:
    said = [_LOPPIS, ("S3", "Då bestämmer vi att jag slipper bära bord i år."), ("S2", "Det bestämmer inte du, Olof.")]
    assert texts(said) == []
    said = [_LOPPIS, ("S3", "Då bestämmer vi att alla tar med en kaka."),
            ("S2", "Det där är inget beslut, Olof. Det är en önskan.")]  # fmt: skip
    assert texts(said) == []


def test_a_plan_for_a_case_the_same_turn_leaves_to_later_is_no_decision() -> None:
    asked = [("S3", "Elbolaget kanske kan dra om ledningen åt oss."), ("S2", "Och om de säger nej?")]
    said = [*asked, ("S1", "Då tar vi in offerter från andra firmor. Men det bestämmer vi när vi vet.")]
    assert texts(said) == []
    said = [*asked, ("S1", "Då tar vi in offerter från andra firmor. Det kan Karin göra.")]
    assert any("offerter" in t for t in texts(said))


def test_a_decision_denied_as_no_one_here_deciding_it_is_none() -> None:
    said = [
        ("S2", "Skidspåret var isigt hela förra veckan."),
        ("S3", "Vi beslutar också att det blir nysnö hela vägen till Storstugan."),
        ("S4", "Det beslutar inte vi, Lasse."),
        ("S1", "Nej, tyvärr. Nästa punkt."),
    ]
    assert texts(said) == []


def test_a_decision_denied_as_something_else_deciding_it_is_none() -> None:
    said = [
        ("S2", "Vattnet i bassängen är kallt på morgnarna."),
        ("S1", "Då beslutar vi att vattnet blir varmare till våren."),
        ("S3", "Det beslutar värmeverket, Kjell. Inte du."),
        ("S4", "Äntligen något som inte styrelsen bestämmer."),
    ]
    assert texts(said) == []


def test_the_denial_heard_without_its_subject_still_denies() -> None:
    said = [
        ("S2", "Vem ska hålla i nybörjarkursen?"),
        ("S3", "Då bestämmer vi att Tove håller kursen. Och att hon bakar till varje gång."),
        ("S1", "Där är inget beslut, Arne. Det är ett önskemål."),
    ]
    assert texts(said) == []
    said[2] = ("S1", "Bra, Arne. Tove, kan du det?")
    assert texts(said)  # taken up, it stands


def test_a_members_plan_the_chair_leaves_for_another_forum_is_none() -> None:
    said = [
        ("S1", "Då har vi gått igenom budgeten. Något mer?"),
        ("S3", "Jag har ett förslag till. Vi byter namn på klubben till något kortare."),
        ("S2", "Namnet har vi haft sedan sextiotre, Sven."),
        ("S1", "Det får du ta upp på årsmötet i så fall. Men jag tror inte du vinner."),
        ("S1", "Då går vi vidare. Nästa punkt är lokalen."),
    ]
    assert not any("namn" in t for t in texts(said))
    said[3] = ("S1", "Bra, Sven. Då gör vi så.")
    assert any("namn" in t for t in texts(said))  # the chair takes it up: it stands


def test_a_plan_whose_own_sentence_leaves_the_matter_to_later_is_none() -> None:
    said = [
        ("S2", "Skylten vid vägen är så blekt att ingen ser den."),
        ("S1", "Vi tar in offerter efter nyår och tar det då. Inte nu, vi har taket."),
        ("S3", "Okej."),
    ]
    assert texts(said) == []
    said[1] = ("S1", "Vi tar in offerter efter nyår. Skylten får vänta till dess.")
    assert texts(said)  # without the matter left to later it is a plan made


def test_what_is_to_be_decided_elsewhere_is_no_decision() -> None:
    said = [
        ("S2", "När ses vi nästa gång?"),
        ("S1", "Efter årsmötet, någon gång i april. Vi bestämmer tiden i chatten."),
        ("S3", "Bra."),
    ]
    assert texts(said) == []


def test_a_rule_agreed_before_by_others_is_no_decision_of_this_meeting() -> None:
    said = [
        ("S2", "En sista sak. Laget. Vi är tio spelare nu, men det har varit två nya på provträning."),
        ("S3", "Blir vi tolv eller fler, så anmäler vi två lag i serien. Annars blir det ett. "
               "Det har jag och styrelsen redan kommit överens om."),
        ("S4", "Okej. Då vet vi det."),
    ]  # fmt: skip
    assert texts(said) == []


def test_a_bare_noun_opening_the_next_matter_is_no_decision() -> None:
    said = [
        ("S2", "Jag ringer vaktmästaren i morgon."),
        ("S1", "Parkeringen då. Vintern kommer, och plogbilen kom inte förra året."),
        ("S3", "Det var jag som fick skotta."),
    ]
    assert texts(said) == []
    chosen = [("S1", "Ska vi ha tacos eller pizza på avslutningen?"), ("S2", "Tacos."), ("S1", "Tacos då. Bra.")]
    assert texts(chosen)  # the choice named before it is settled


def test_a_members_addition_put_off_leaves_the_chairs_decision() -> None:
    said = [
        ("S1", "Ska vi ge styrelsen i uppdrag att utreda en resa till Åbo? Är alla med på det? Ja. "
               "Då ger vi styrelsen det uppdraget."),
        ("S2", "Och ingen ska behöva betala mer än tusen själv, tycker jag."),
        ("S3", "Det tar vi med oss, Bengt. Men det bestämmer vi inte i dag."),
        ("S1", "Något mer? Nej. Då tackar jag för i kväll."),
    ]  # fmt: skip
    assert any("uppdrag" in t for t in texts(said))


def test_a_denial_whose_first_word_was_misheard_still_denies() -> None:
    said = [
        ("S2", "Skidspåret var isigt hela förra veckan."),
        ("S1", "Då beslutar vi att det blir nysnö hela vägen till Storstugan."),
        ("S4", "Vill beslutar inte vi, Lasse."),
        ("S3", "Nej, tyvärr. Men jag kan fråga om pistmaskinen."),
    ]
    assert texts(said) == []
    said[2] = ("S4", "Bra, Lasse.")
    assert texts(said)  # taken up, it stands


def test_a_plan_left_for_another_forum_with_its_verb_misheard_is_none() -> None:
    said = [
        ("S1", "Då har vi gått igenom budgeten. Något mer?"),
        ("S3", "Jag har ett förslag till. Vi byter namn på klubben till något kortare."),
        ("S2", "Namnet har vi haft sedan sextiotre, Sven."),
        ("S1", "Den får du är upp på årsmötet i så fall. Men jag tror inte du vinner."),
        ("S1", "Då går vi vidare. Nästa punkt är lokalen."),
    ]
    assert not any("namn" in t for t in texts(said))


def test_what_is_to_be_decided_elsewhere_with_the_thing_lost_is_no_decision() -> None:
    said = [
        ("S2", "När ses vi nästa gång?"),
        ("S1", "Efter årsmötet, någon gång i april. Vi bestämmer i chatten."),
        ("S3", "Bra."),
    ]
    assert texts(said) == []
