"""The settler's close after a discussion said as a rule, a choice, a limit or a trial (rules/closes.py).

Each exchange is hand-made in a setting of its own, written apart from the dev meetings. The same closes with
nothing discussed before them, about the meeting's order, or put off decide nothing.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import minutes, texts


def test_a_rule_from_now_on_with_what_follows_from_it_in_the_turn() -> None:
    said = [
        ("S2", "Någon har lämnat cyklar i trapphuset igen, jag snubblade i går."),
        ("S3", "Brandkåren sa förra året att trapphuset måste vara fritt."),
        ("S1", "Okej. Från och med nu: inga cyklar i trapphuset. Barnvagnar får stå under trappan."),
        ("S1", "Lisa, kan du sätta upp en lapp?"),
    ]
    got = minutes(said).decisions
    assert len(got) == 1 and "cyklar i trapphuset" in got[0].text and "Barnvagnar" in got[0].text
    assert got[0].needs_review  # said without a decision word
    assert "lapp" not in got[0].text  # the task after it is no part of the rule
    out_of_the_blue = [("S1", "Från och med nu: inga cyklar i trapphuset.")]
    assert not texts(out_of_the_blue)  # nothing discussed before it


def test_the_thing_the_talk_was_about_taken_or_put_out_of_use() -> None:
    said = [
        ("S2", "Stegen i förrådet har ett trasigt steg, jag nästan föll i går."),
        ("S3", "Vi har anmält den till fastighetsskötaren två gånger."),
        ("S1", "Då tar vi den ur bruk nu. Stegen används inte förrän steget är bytt."),
    ]
    got = texts(said)
    assert len(got) == 1 and "ur bruk" in got[0] and "används inte förrän" in got[0]
    order = [*said[:2], ("S1", "Då tar vi det sen.")]
    assert not texts(order)  # put off: no decision


def test_a_figure_said_alone_and_taken_and_a_limit() -> None:
    said = [
        ("S2", "Jag tycker vi tar tvåhundra kronor för kursen, med fika."),
        ("S3", "Det är billigt för sex kvällar."),
        ("S1", "Tvåhundra. Okej. Då tar vi det för höstens kurs."),
    ]
    got = texts(said)
    assert len(got) == 1 and "tvåhundra" in got[0].lower() and "höstens kurs" in got[0]
    limit = [
        ("S2", "Förra turen var vi arton i kanoterna och det blev rörigt vid forsen."),
        ("S3", "Jag vill inte ha fler än tio i år."),
        ("S1", "Då är det tio som mest på turen."),
    ]
    got = texts(limit)
    assert len(got) == 1 and "tio som mest" in got[0].lower()


def test_a_trial_takes_its_matter_from_the_next_sentence() -> None:
    said = [
        ("S2", "Jag föreslår att vi har fri entré på loppmarknaden i år."),
        ("S3", "Vi tappar kanske tvåtusen i entréavgifter."),
        ("S2", "Fler kommer in när det är gratis, och de handlar mer."),
        ("S1", "Vi testar. Fri entré på loppmarknaden."),
    ]
    got = minutes(said).decisions
    assert len(got) == 1 and "Fri entré" in got[0].text and "prov" in got[0].text


def test_a_negative_summed_up_by_the_settler() -> None:
    said = [
        ("S2", "Bara tre lag har anmält sig till dragkampen."),
        ("S3", "Det blir tråkigt att titta på."),
        ("S1", "Så, ingen dragkamp på sommarfesten. Lagen får köra i augusti i stället."),
    ]
    got = texts(said)
    assert len(got) == 1 and "ingen dragkamp" in got[0].lower() and "augusti" in got[0]
    asked = [*said[:2], ("S1", "Så, ingen dragkamp på sommarfesten?")]
    assert not texts(asked)
