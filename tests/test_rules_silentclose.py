"""Closes whose matter stands before a question (rules/silentclose.py, rules/askedclose.py) and settling formulas
that name nothing ("Då har vi det så.", "Då är det vår gräns.") with the course after them.

Hand-made exchanges in settings of their own: a plan put with a call for objections and closed after a pause or a
"Nej."; the plan, a task put to a member and the answer, then the close; the matter said before a call's tag; and
the same shapes where someone objects or nothing is settled.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import minutes, texts


def test_a_verbless_plan_closed_after_nobody_objects() -> None:
    said = [
        ("S1", "Parkeringen vid hallen. Den är full varje lördag."),
        ("S2", "Vi kunde stänga den för besökare och bara ha den för domarna."),
        ("S3", "Domarna kommer ju bara fyra stycken."),
        ("S1", "Då gör vi som jag sa förut. Parkeringen för domare och funktionärer, besökare på skolans "
               "gård. Säger någon emot?"),
        ("S1", "Ingen. Då är det så."),
    ]  # fmt: skip
    got = texts(said)
    assert len(got) == 1 and "funktionärer" in got[0] and "skolans gård" in got[0]


def test_the_call_and_the_close_heard_with_their_first_word_wrong() -> None:
    said = [
        ("S1", "Parkeringen vid hallen. Den är full varje lördag."),
        ("S2", "Vi kunde stänga den för besökare och bara ha den för domarna."),
        ("S1", "Parkeringen för domare och funktionärer, besökare på skolans gård. Mest någon emot?"),
        ("S1", "Ingen. För är det så."),
    ]
    got = [d.text for d in minutes(said, unsure=frozenset({"för"})).decisions]
    assert any("funktionärer" in t for t in got)


def test_a_call_for_objections_answered_no_by_the_room() -> None:
    said = [
        ("S2", "Bastun står varm hela natten efter träningen."),
        ("S1", "Den stängs av klockan tio. Den sista som går slår av den."),
        ("S3", "Det borde vi ha gjort hela tiden."),
        ("S1", "Du har rätt. Bastun av klockan tio, varje kväll, från och med nu. Har någon invändningar?"),
        ("S2", "Nej."),
        ("S1", "Då är det så. Nästa punkt är kansliet."),
    ]
    got = texts(said)
    assert any("Bastun av klockan tio" in t for t in got)
    assert not any("Nästa punkt" in t for t in got)


def test_the_call_asked_as_nobody_objecting() -> None:
    said = [
        ("S2", "Loppisen i vår. Vi behöver bestämma en dag nu, så att folk kan skänka saker i tid."),
        ("S3", "Helst en lördag, innan alla åker till landet."),
        ("S1", "Lördagen den tjugonde april, klockan nio. Ingen som säger emot?"),
        ("S2", "Nej."),
        ("S1", "Då är det så."),
    ]
    got = texts(said)
    assert any("tjugonde april" in t for t in got)


def test_an_objection_answered_leaves_the_plan_open() -> None:
    said = [
        ("S2", "Bastun står varm hela natten efter träningen."),
        ("S1", "Bastun av klockan tio, varje kväll. Säger någon emot?"),
        ("S3", "Ja, jag. Vi som tränar sent hinner inte bada."),
        ("S1", "Då är det så."),
    ]
    assert not any("Bastun av klockan tio" in t for t in texts(said))


def test_the_close_after_a_task_question_settles_the_plan_not_the_answer() -> None:
    said = [
        ("S1", "Lagret i Kumla vill ha leveranser fem dagar i veckan nu."),
        ("S2", "Men inte på måndagar. På måndagar står det kö vid rampen i en timme."),
        ("S1", "Det är ett bra förslag. Inga leveranser till Kumla på måndagar. Olof, kan du ändra körschemat?"),
        ("S3", "Det går. Kumla tar hellre emot på onsdagar ändå."),
        ("S1", "Då säger vi så."),
    ]
    got = texts(said)
    assert len(got) == 1 and "Kumla på måndagar" in got[0] and "onsdagar" not in got[0]


def test_the_close_after_a_task_question_refused_settles_nothing_of_the_answer() -> None:
    said = [
        ("S2", "Vi borde sluta köra till lagret i Kumla på måndagar."),
        ("S1", "Inga leveranser till Kumla på måndagar. Olof, kan du ändra körschemat?"),
        ("S3", "Nej, det hinner jag inte före jul."),
        ("S1", "Då säger vi så."),
    ]
    assert not any("hinner" in t for t in texts(said))


def test_the_matter_said_before_the_calls_tag() -> None:
    said = [
        ("S2", "Vi spelar bara en gång i veckan nu, och det märks i matcherna."),
        ("S3", "Jag kommer aldrig före sex på vardagar."),
        ("S1", "Då får du komma när du kan. Måndagar och onsdagar klockan sju fram till seriestarten, säger vi det?"),
        ("S2", "Ja, det säger vi."),
        ("S1", "Då gör vi så."),
    ]
    got = texts(said)
    assert len(got) == 1 and "Måndagar och onsdagar" in got[0] and "komma när du kan" not in got[0]


def test_a_tagged_call_answered_no_settles_nothing() -> None:
    said = [
        ("S2", "Vi spelar bara en gång i veckan nu."),
        ("S1", "Måndagar och onsdagar klockan sju fram till seriestarten, säger vi det?"),
        ("S2", "Nej, onsdagar kan ingen av oss."),
    ]
    assert not texts(said)


def test_a_settling_formula_then_the_member_offer_restated() -> None:
    said = [
        ("S2", "Nyckeln till förrådet. I fjol hade jag den hela säsongen, och det gör jag inte igen."),
        ("S1", "Nej, det ska du inte behöva."),
        ("S2", "Jag har pratat med Sara i styrelsen. Sara kan ta varannan månad."),
        ("S1", "Då har vi det så. Erik och Sara delar på nyckeln, varannan månad."),
    ]
    got = texts(said)
    assert len(got) == 1 and "delar på nyckeln" in got[0]


def test_a_limit_set_with_our_limit_and_the_figure_after() -> None:
    said = [
        ("S2", "Sågverket vill bara betala trehundra kronor kubiken nästa år."),
        ("S1", "Jag vill inte sälja under fyrahundra kronor kubiken."),
        ("S3", "Fyrahundra är rimligt. Det är vad avverkningen kostar."),
        ("S1", "Då är det vår gräns. Fyrahundra kronor kubiken till sågverket, aldrig under."),
    ]
    got = texts(said)
    assert len(got) == 1 and "Fyrahundra kronor kubiken" in got[0]


def test_a_tagged_call_with_the_groups_word_heard_unsure() -> None:
    said = [
        ("S2", "Vi spelar bara en gång i veckan nu, och det märks i matcherna."),
        ("S1", "Måndagar och onsdagar klockan sju fram till seriestarten, säger och det?"),
        ("S2", "Ja, det säger vi."),
        ("S1", "Då gör vi så."),
    ]
    got = [d.text for d in minutes(said, unsure=frozenset({"och"})).decisions]
    assert any("Måndagar och onsdagar" in t for t in got)
