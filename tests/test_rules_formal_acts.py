"""Decisions stated without a decision word: the chair's elections, formal acts and closings.

Hand-made Swedish exchanges; each rule has a sentence that must stay out (the meeting's order,
a postponement, a negation, a question, the protokoll's own officers).
"""

from __future__ import annotations

from tests.spoken import transcript
from tests.test_rules_robust_cues import minutes, texts
from transcribe.minutes import extract_minutes

# ----------------------------------------------------------------------------- elections


def test_election_takes_the_role_of_the_item_announced_and_the_full_name() -> None:
    said = [
        ("S1", "Första punkten är val av ordförande för stämman, och styrelsen föreslår Leif Sandberg."),
        ("S2", "Ja, Leif är bra."),
        ("S1", "Något annat förslag? Nej. Då väljer stämman Leif. Varsågod, Leif."),
    ]
    t = transcript(said, people={"S1": "Karin Ek", "S2": "Leif Sandberg"})
    got = [d.text for d in extract_minutes(t, robust=True).decisions]
    assert got == ["Stämman valde Leif Sandberg till ordförande för stämman."]


def test_election_with_its_role_said() -> None:
    said = [("S1", "Några andra förslag? Nej. Då väljer årsmötet Anna-Karin Svensson till ordförande för ett år.")]
    assert texts(said) == ["Årsmötet valde Anna-Karin Svensson till ordförande för ett år."]


def test_what_is_not_an_election_decision_stays_out() -> None:
    assert not texts([("S1", "Då väljer vi den billigare.")])  # a choice with no one elected
    assert not texts([("S1", "Då väljer vi inte Anna.")])
    assert not texts([("S1", "Väljer stämman Anna?")])
    officers = [
        ("S1", "Punkt fyra, val av två justerare. Några förslag?"),
        ("S2", "Jag föreslår Sara Ek och mig själv."),
        ("S1", "Då väljer vi Sara och Omar. Punkt fem."),
    ]
    assert not texts(officers)  # the protokoll's justerare are its roles


def test_a_genitive_title_names_the_body_deciding() -> None:
    said = [("S1", "Så kyrkorådet beslutar att byta taket på församlingshemmet.")]
    titled = transcript(said, title="Kyrkorådets sammanträde, Norrfjärdens församling")
    got = [d.text for d in extract_minutes(titled, robust=True).decisions]
    assert got == ["Kyrkorådet beslutade att byta taket på församlingshemmet."]
    assert not texts(said)  # without the title, "kyrkorådet" may be another body


# ----------------------------------------------------------------------------- convened and filed


def test_meeting_declared_duly_convened() -> None:
    assert texts([("S1", "Ja. Då finner jag att stämman är behörigen kallad.")]) == [
        "Stämman förklarades behörigen kallad."
    ]
    assert texts([("S1", "Då är mötet behörigen utlyst.")]) == ["Mötet förklarades behörigen utlyst."]
    assert not texts([("S1", "Är stämman behörigen kallad?")])
    assert not texts([("S1", "Stämman är inte behörigen kallad.")])


def test_papers_filed_without_the_chairs_da() -> None:
    assert texts([("S1", "Det tar vi med oss. Rapporten läggs till handlingarna.")]) == [
        "Rapporten lades till handlingarna."
    ]
    assert texts([("S1", "Bra. I övrigt lägger vi anteckningarna till handlingarna.")]) == [
        "Anteckningarna lades till handlingarna."
    ]
    assert not texts([("S1", "Rapporten läggs inte till handlingarna.")])


def test_approved_and_filed_takes_the_item_announced() -> None:
    said = [
        ("S1", "Föregående protokoll, har någon något att invända? Nej. Då är det godkänt och läggs till handlingarna.")
    ]
    assert texts(said) == ["Föregående protokoll godkändes och lades till handlingarna."]


# ----------------------------------------------------------------------------- the chair's closing


def test_closing_that_names_what_is_taken() -> None:
    assert texts([("S1", "Då tar vi offerten från Malmö Rör.")]) == [
        "Mötet beslutade att anta offerten från Malmö Rör."
    ]
    assert texts([("S1", "Bra, då hyr vi in en trumpet och ett horn. Petter, har du kontakter?")]) == [
        "Mötet beslutade att hyra in en trumpet och ett horn."
    ]
    assert texts([("S1", "Då säger vi ja till samarbetet med kulturskolan.")]) == [
        "Mötet beslutade att säga ja till samarbetet med kulturskolan."
    ]
    got = minutes([("S1", "Då tar vi offerten från Malmö Rör.")]).decisions
    assert got[0].needs_review  # a plan stated as fact is checked by a person


def test_the_alternative_the_chair_settles_on() -> None:
    said = [("S1", "Då blir det alternativ B, tre veckor i sommar och en vecka i september.")]
    assert texts(said) == ["Mötet beslutade att välja alternativ B, tre veckor i sommar och en vecka i september."]
    assert not texts([("S1", "Då blir det kanske alternativ B.")])


def test_the_meetings_order_or_a_postponement_is_no_closing() -> None:
    for said in (
        "Då tar vi punkt sex, läslyftet.",
        "Då kör vi igång.",
        "Då kör vi på det.",
        "Då tar vi förslaget på nästa möte.",
        "Då tar vi inte offerten.",
        "Tar vi offerten?",
    ):
        assert not texts([("S1", said)]), said


# ----------------------------------------------------------------------------- content said after the decision word


def test_decided_with_a_colon_reads_the_plan_as_a_decision() -> None:
    said = [("S1", "Det gör det. Då har gruppen beslutat: vi lägger en egen budget med Resele skola kvar.")]
    assert texts(said) == ["Gruppen beslutade att lägga en egen budget med Resele skola kvar."]
    assert not texts([("S1", "Har gruppen beslutat: vi lägger en egen budget?")])


def test_bare_we_have_decided_takes_the_chairs_next_sentence() -> None:
    said = [
        ("S1", "Ska vi höja priset på brödet med fem procent?"),
        ("S2", "Ja."),
        ("S1", "Då har vi bestämt. Fem procent på brödet från första mars, och stämpelkort i caféet."),
    ]
    assert texts(said) == ["Fem procent på brödet från första mars, och stämpelkort i caféet."]
    undecided = [
        ("S1", "Ska vi höja priset på brödet?"),
        ("S2", "Nej."),
        ("S1", "Då har vi inte bestämt. Vi tar det sen."),
    ]
    assert not texts(undecided)


def test_counted_vote_settled_by_the_proposal_it_names() -> None:
    said = [
        ("S1", "Jag föreslår tvåhundra kronor för biljetten."),
        ("S2", "Jag föreslår hundrafemtio kronor för biljetten."),
        ("S1", "Fyra mot en. Styrelsen beslutar enligt Annas förslag. Tvåhundra kronor, hundrafemtio för studenter."),
    ]
    assert texts(said) == ["Tvåhundra kronor, hundrafemtio för studenter."]
    assert not texts([("S1", "Beslutar styrelsen enligt Annas förslag?")])


def test_mandate_or_task_given_by_the_chair() -> None:
    said = [("S1", "Den noteras. Nora, vi ger dig mandat att teckna avtalet med firman, inom offerten.")]
    assert texts(said) == ["Mötet gav Nora mandat att teckna avtalet med firman, inom offerten."]
    said = [("S1", "Då ger vi Jenny uppdraget att ha ett samtal med henne när hon är tillbaka.")]
    assert texts(said) == ["Mötet gav Jenny i uppdrag att ha ett samtal med henne när hon är tillbaka."]
    assert not texts([("S1", "Då ger vi Jenny tid att tänka på saken.")])  # no task given
    assert not texts([("S1", "Då ger vi inte Jenny mandat att skriva under.")])


def test_agreed_as_one_closes_the_call_and_takes_the_restatement() -> None:
    said = [
        ("S1", "Förslaget är att vi inte tillsätter tjänsten som vaktmästare nästa år. Kan vi enas om det?"),
        ("S2", "Ja."),
        ("S1", "Då är vi enade om det. Vaktmästartjänsten tillsätts inte, vi köper in tjänsten vid behov."),
    ]
    assert texts(said) == ["Vaktmästartjänsten tillsätts inte, vi köper in tjänsten vid behov."]
    said[-1] = ("S1", "Då är vi inte enade om det. Vi tar det igen i vår.")
    assert not texts(said)


def test_a_matter_raised_and_settled_in_the_negative() -> None:
    said = [
        ("S1", "Och buffén? Förra gången hade vi en buffé för fyrtio tusen."),
        ("S2", "Ja, och det fick vi kritik för. Nej, det blir ingen buffé den här gången. Vi har saft och kakor."),
    ]
    assert texts(said) == ["Det blir ingen buffé den här gången."]
    rejected = [
        ("S1", "Jag föreslår att vi går över till tolvtimmarspass."),
        ("S2", "Nej, det blir inga tolvtimmarspass i vår."),
    ]
    assert "tolvtimmarspass" not in " ".join(texts(rejected))  # a proposal turned down is no decision
    assert not texts([("S1", "Det blir ingen buffé i år.")])  # nothing raised it: a remark
    assert not texts([("S1", "Och fikat?"), ("S2", "Då blir det ingen som klagar på kaffet.")])


def test_formal_act_with_its_object_said_first() -> None:
    said = [("S1", "ÄTA tolv, tilläggsisoleringen av vindsbjälklaget, den godkänner vi, det är rimligt.")]
    assert texts(said) == ["ÄTA tolv, tilläggsisoleringen av vindsbjälklaget godkändes."]
    assert not texts([("S1", "ÄTA tretton, extra eluttag i förråden, den godkänner vi inte.")])
    assert not texts([("S1", "Budgeten, den godkänner vi nästa gång.")])


def test_agreed_on_with_the_body_after_its_verb() -> None:
    said = [("S1", "Så, ja, då är vi överens om att vi köper den begagnade pressen för tvåhundrasextio.")]
    assert texts(said) == ["Mötet enades om att köpa den begagnade pressen för tvåhundrasextio."]
    assert texts([("S1", "Vi är överens om att vi köper pressen.")]) == ["Mötet enades om att köpa pressen."]
    assert not texts([("S1", "Om vi är överens om att vi köper pressen, så ringer jag.")])
    assert not texts([("S1", "Då är vi inte överens om att vi köper pressen.")])


def test_plan_with_its_object_said_first() -> None:
    said = [("S1", "Men de fyra larm vi har flyttar vi till salarna närmast expeditionen redan i dag.")]
    assert texts(said) == [
        "Mötet beslutade att flytta de fyra larm vi har till salarna närmast expeditionen redan i dag."
    ]
    assert not texts([("S1", "Antingen höjer vi medlemsavgiften med hundra kronor, eller så ökar vi försäljningen.")])
    assert not texts([("S1", "Och om det säljer slut lägger vi till en.")])
    assert not texts([("S1", "Men de fyra larmen flyttar vi inte.")])
