"""Sentences that sound settled but settle nothing, by what the turn around them does, and one decision said in
two sentences. Hand-made exchanges in settings of their own."""

from __future__ import annotations

from tests.test_rules_robust_cues import minutes, texts


def test_a_sum_worked_out_aloud_is_no_decision() -> None:
    said = [
        ("S2", "Den nya leverantören tar tjugo kronor mer per säck."),
        ("S3", "Vi köper ungefär trettio säckar i månaden."),
        ("S4", "Då blir det, vänta, ungefär sexhundra kronor mer i månaden. Det klarar vi."),
    ]
    assert not any("sexhundra" in t for t in texts(said))


def test_ones_own_plan_closed_by_the_chair_is_no_decision() -> None:
    said = [
        ("S1", "Nästa träff blir tisdag om tre veckor, samma tid. Går det?"),
        ("S2", "Det går."),
        ("S3", "Jag kommer, om bilen startar."),
        ("S1", "Då säger vi så. Tack för i kväll."),
    ]
    assert not any("bilen" in t for t in texts(said))


def test_done_anyway_is_no_settling() -> None:
    said = [
        ("S1", "Finns det något som talar emot att vi målar om bastun?"),
        ("S2", "Bara att vi måste flytta bänkarna."),
        ("S3", "Det gör vi ändå."),
    ]
    assert not any("bänkarna" in t for t in texts(said))


def test_a_members_no_said_to_another_member_and_advice_noted_are_no_decisions() -> None:
    said = [
        ("S1", "Sen pysselhörnan. Barnen kan få måla stenar."),
        ("S2", "Och jag kan visa hur man knyter flugor."),
        ("S3", "Inga krokar, Nils. Bara lina och fjädrar."),
        ("S2", "Okej då."),
    ]
    assert not any("krokar" in t for t in texts(said))
    noted = [
        ("S2", "Jag beställer nya flytvästar till barnen i veckan."),
        ("S3", "Beställ inte de röda. De bleknar i solen."),
        ("S2", "Inga röda. Noterat. Sen priset."),
    ]
    assert not any("röda" in t for t in texts(noted))


def test_a_no_to_the_member_who_proposed_is_a_proposal_turned_down() -> None:
    said = [
        ("S2", "Vi kunde sälja de gamla kanoterna på auktion."),
        ("S3", "Men vi hyr ju ut dem varje sommar."),
        ("S4", "Precis, de behövs."),
        ("S1", "Jag håller med. Nej, Martin. Det blir ingen auktion."),
    ]
    got = minutes(said)
    assert not any("auktion" in d.text for d in got.decisions)
    assert any("auktion" in o.text and o.reason == "Förslaget avslogs" for o in got.not_decided)


def test_what_is_done_instead_of_a_refused_purchase_is_the_same_decision() -> None:
    said = [
        ("S2", "Pumpen i brunnen går sönder hela tiden. Vi borde köpa en ny."),
        ("S3", "En ny kostar trettiotusen."),
        ("S4", "Det har vi inte råd med i år."),
        ("S1", "Nej. Det blir ingen ny pump i år. Vi byter packningen på den gamla och ser hur länge den håller."),
    ]
    got = texts(said)
    assert len(got) == 1 and "ingen ny pump" in got[0] and "packningen" in got[0]


def test_the_written_decision_is_a_clean_att_clause_of_the_matter() -> None:
    said = [
        ("S2", "Vi kan väl ta femtio kronor för dagskortet?"),
        ("S3", "Femtio är okej om barnen går gratis."),
        ("S1", "Bra. Då gör vi så här. Vi bestämmer att dagskortet kostar femtio kronor och att barn går gratis."),
    ]
    got = texts(said)
    assert got and all("bestämma att" not in t for t in got) and any("dagskortet kostar femtio" in t for t in got)
    bought = [
        ("S1", "Diskmaskinen. Den är femton år gammal och läcker."),
        ("S2", "Jag har tittat på en ny. Den kostar fyratusen."),
        ("S3", "Vem betalar?"),
        ("S4", "Hyresgästföreningen har en pott för lokalen."),
        ("S1", "Ska vi köpa den, då?"),
        ("S3", "Ja."),
        ("S4", "Ja, gärna."),
        ("S2", "Då köper vi den. Jag beställer den på måndag."),
    ]
    got = texts(bought)
    assert got and not any("Vem" in t for t in got)


def test_a_choice_said_alone_with_blir_det_is_a_decision() -> None:
    said = [
        ("S2", "Ska vi ha bössa eller låda för gåvorna vid dörren?"),
        ("S3", "Låda. En bössa ser ut som tiggeri."),
        ("S4", "Ja, en låda med en lapp på."),
        ("S1", "Okej. Låda blir det."),
    ]
    got = texts(said)
    assert len(got) == 1 and "Låda" in got[0]


def test_a_remark_on_how_things_are_is_nothing_a_close_settles() -> None:
    mail = ("S1", "Kallelsen går ut på mejl i morgon.")
    assert texts([mail, ("S2", "Fikat står i köket. Det finns bullar."), ("S3", "Då är det beslutat.")]) == []
    said = [mail, ("S2", "Vi ställer fram fika i köket till årsmötet."), ("S3", "Då är det beslutat.")]
    assert texts(said) == ["Mötet beslutade att ställa fram fika i köket till årsmötet."]
    keys = [("S1", "Vem ska ta över nycklarna efter Lisa?"), ("S3", "Jag kan lära mig."),
            ("S2", "Det är inte bara att hämta dem, man måste kunna larmet.")]  # fmt: skip
    assert texts([*keys, ("S1", "Då gör vi så.")]) == []
