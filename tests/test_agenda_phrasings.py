"""How chairs announce, merge and strike agenda items, and the development meetings that hold those phrasings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transcribe.agenda import align_agenda, parse_agenda, parse_agenda_text
from transcribe.agenda.numbers import number_refs
from transcribe.bench.agenda import load_samples, score_alignment, score_protokoll, true_transcript
from transcribe.minutes import extract_minutes
from transcribe.minutes.protokoll import build_protokoll
from transcribe.minutes.protokoll_render import render_protokoll_markdown
from transcribe.transcript import Segment, SpeakerInfo, Transcript

AGENDA = """Styrelsemöte
1) Mötets öppnande
2) Fastställande av dagordning
3) Ekonomisk rapport
4) Gatubelysning
5) Personalfrågor
6) Skrivelse från hembygdsföreningen
7) Föreningens hemsida
8) Övrigt
9) Mötets avslutande
"""
LINES = [
    "Jag hälsar alla välkomna och öppnar mötet.",
    "Dagordningen. Vi hoppar över hemsidan i kväll, offerten har inte kommit. Kan vi fastställa dagordningen?",
    "Då är dagordningen fastställd.",
    "Då tar vi ekonomin. Vi har åttiofemtusen kronor på kontot.",
    "Punkterna fem och sex tar vi tillsammans, skrivelsen handlar ju om vaktmästaren.",
    "Vaktmästaren går i pension i april.",
    "Då går vi vidare till belysningen längs vägen. Tre lyktstolpar är släckta.",
    "Övrigt. Har någon något mer?",
    "Då tackar jag för i kväll och avslutar mötet.",
]


def spoken(lines: list[str] | list[tuple[str, str]], chair: str = "Karin Sjöberg") -> Transcript:
    """Ten seconds per line, spoken by the chair K unless a line says (speaker, text)."""
    turns = [(line, "K") if isinstance(line, str) else (line[1], line[0]) for line in lines]
    segs = [Segment(id=i, start=i * 10.0, end=i * 10 + 8.0, text=t, speaker=s) for i, (t, s) in enumerate(turns)]
    return Transcript(segments=segs, duration=len(lines) * 10.0, speakers=[SpeakerInfo(label="K", name=chair)])


def meeting() -> Transcript:
    return spoken(LINES)


def test_items_by_topic_merged_struck_and_out_of_order() -> None:
    al = align_agenda(parse_agenda_text(AGENDA), meeting())
    starts = {i.number: i.start for i in al.items if i.treated}
    assert starts["1"] == 0.0 and starts["2"] == 10.0  # "Dagordningen." names the item before the question
    assert starts["3"] == 30.0  # "Då är dagordningen fastställd" ends item 2, it does not start anything
    assert starts["5"] == starts["6"] == 40.0  # "punkterna fem och sex tar vi tillsammans"
    assert starts["4"] == 60.0  # "belysningen" is the head of "Gatubelysning", taken after 5 and 6
    assert starts["8"] == 70.0 and starts["9"] == 80.0
    assert "7" not in starts  # "vi hoppar över hemsidan": ej behandlad


def test_items_taken_together_are_written_once() -> None:
    tr = meeting()
    prot = build_protokoll(extract_minutes(tr), tr, parse_agenda_text(AGENDA))
    assert prot.paragraph("6").summary == "Behandlades tillsammans med § 5."
    assert prot.paragraph("5").evidence[0].quote.startswith("Punkterna fem och sex")
    assert prot.paragraph("7").status == "ej behandlad"


def test_a_justerare_heard_only_once_is_marked_for_checking() -> None:
    lines = ["Jag öppnar mötet.", "Till justerare valdes Karin Sjöberg och Bengt Holmqvist.", "Jag avslutar mötet."]
    tr = spoken(lines)
    agenda = parse_agenda_text("Dagordning\n1. Mötets öppnande\n2. Val av justerare\n3. Mötets avslutande\n")
    text = render_protokoll_markdown(build_protokoll(extract_minutes(tr), tr, agenda))
    assert "**Justerare:** Karin Sjöberg, Bengt Holmqvist ⚠ Kontrollera mot ljudet" in text


def test_an_item_barely_announced_is_found_from_its_decision() -> None:
    agenda = (
        "Dagordning\n1. Mötets öppnande\n2. Budget\n3. Bygglov för flerbostadshus på Järnvägsgatan\n4. Avslutning\n"
    )
    lines = [
        "Jag förklarar mötet öppnat.",
        "Punkt två, budgeten. Den är i balans.",
        "Då beslutar nämnden att anta budgeten.",
        "Tack. Nu flerbostadshuset.",  # "bygglovet … på Järnvägsgatan" lost, as a recogniser may lose it
        "Grannarna har lämnat in tre yttranden mot förslaget.",
        "Då beslutar nämnden att avslå ansökan om bygglov för flerbostadshuset på Järnvägsgatan.",
        "Då förklarar jag mötet avslutat.",
    ]
    tr = spoken(lines, "Ingrid Westin")
    al = align_agenda(parse_agenda_text(agenda), tr)
    assert 30.0 <= al.item("3").start < 40.0 and al.item_at(55.0) == "3" and al.item_at(25.0) == "2"


def test_a_decision_before_the_next_item_stays_with_its_own_item() -> None:
    agenda = "Dagordning\n1. Mötets öppnande\n2. Budget\n3. Lokalen\n4. Mötets avslutande\n"
    lines = [
        "Jag förklarar mötet öppnat.",
        "Punkt två, budgeten. Den är i balans.",
        "Då beslutar vi att anta budgeten, och vi tar upp hyran för lokalen nästa år. Punkt tre, lokalen.",
        "Hyresvärden vill höja hyran.",
        "Då förklarar jag mötet avslutat.",
    ]
    tr = spoken(lines, "Ingrid Westin")
    al = align_agenda(parse_agenda_text(agenda), tr)
    assert al.item_at(21.0) == "2" and 25.0 < al.item("3").start < 30.0  # "Punkt tre, lokalen" starts § 3
    lines[2:3] = ["Styrelsen beslutar att anta budgeten, och vi tar upp lokalen i vår.", "Lokalen då. Hyran höjs."]
    al = align_agenda(parse_agenda_text(agenda), spoken(lines, "Ingrid Westin"))
    assert al.item_at(21.0) == "2" and al.item("3").start == 30.0  # a decision that names the next item ends § 2


def test_pairs_of_item_numbers() -> None:
    assert number_refs("punkterna åtta och nio tar vi tillsammans") == [("8", 1), ("9", 1)]
    assert number_refs("punkt sex och sju hoppar vi över") == [("6", -1), ("7", -1)]
    assert number_refs("sju b, avgiftshöjningen") == [("7b", 1)]  # a sub-item without "punkt"
    assert number_refs("vi ses klockan sju a") == [] and number_refs("fem e-postmeddelanden") == []


def test_standard_items_in_workplace_wording() -> None:
    agenda = parse_agenda_text(
        "APT\n1. Inledning\n2. Föregående minnesanteckningar\n3. Schema\n4. Övrigt\n5. Avslutning\n"
    )
    assert [i.kind for i in agenda.items] == ["open", "previous", None, "other", "close"]


DEV = [(d, t) for d, t in load_samples() if t["agenda"]["split"] == "dev"]


# Dev meetings written to show chairs the aligner does not yet follow (no numbers, hand-overs, items merged
# unsaid, an item returned to): at least three starts in five, and every role
UNSOLVED = {"by-norrfors", "fvo-kalixalven", "kar-umea", "lg-pitea"}
# Dev meetings where members open their own items and no title word is said for several items: one start in two
FRESH = {"bgf-rimbo", "fs-angskolan", "hgf-satra", "tf-hudiksvall"}
# Dev meetings by a fifth fresh author, added at the end of the round that measured them at first sight
# (samples/agenda/README.md): three starts in five, every skipped item and every role
FIRST_SIGHT = {"apt-flygplatsen", "fk-ljusdal", "samf-granby"}
# Dev meetings by a sixth fresh author, added at the end of the round that measured them at first sight and not yet
# worked on (samples/agenda/README.md): three starts in five; their roles and skipped items are not yet followed
FIRST_SIGHT_6 = {"apt-strokeenheten", "kor-vasteras", "ssd-norrbotten"}
# Dev meetings by a seventh fresh author, added at the end of the round that measured them at first sight and not yet
# worked on (samples/agenda/README.md): three starts in five; their roles and skipped items are not yet followed
FIRST_SIGHT_7 = {"fr-alingsas", "fsk-parlan", "hgf-kortedala"}
# Dev meetings by an eighth fresh author, added at the end of the round that measured them at first sight and not yet
# worked on (samples/agenda/README.md): three starts in five; their roles and skipped items are not yet followed
FIRST_SIGHT_8 = {"bk-sala", "frk-ystad", "skr-lulea"}
# Dev meetings by a ninth fresh author, added at the end of the round that measured them at first sight and not yet
# worked on (samples/agenda/README.md): three starts in five; their roles and skipped items are not yet followed
FIRST_SIGHT_9 = {"gk-ronneby", "kpr-vaxjo", "vvo-storsjon"}
# Dev meetings by a tenth fresh author, added at the end of the round that measured them at first sight and not yet
# worked on (samples/agenda/README.md): three starts in five; their roles and skipped items are not yet followed
FIRST_SIGHT_10 = {"ftg-mora", "ibk-tranas", "rkk-eksjo"}
# Dev meetings by an eleventh fresh author, added at the end of the round that measured them at first sight and not
# yet worked on (samples/agenda/README.md): three starts in five; their roles and skipped items are not yet followed
FIRST_SIGHT_11 = {"fp-lidkoping", "sg-gnosjo", "vn-tierp"}
# Dev meetings by a twelfth fresh author, added at the end of the round that measured them at first sight and not
# yet worked on (samples/agenda/README.md): three starts in five; their skipped items are not yet followed
FIRST_SIGHT_12 = {"batk-karlshamn", "ef-ramsele", "lc-vetlanda"}
# Dev meetings by a thirteenth fresh author, added at the end of the round that measured them at first sight and not
# yet worked on (samples/agenda/README.md): three starts in five; their roles and skipped items are not yet followed
FIRST_SIGHT_13 = {"fav-gotland", "mjf-nassjo", "sdk-kiruna"}
# Dev meetings by a fifteenth fresh author, worked on the round after their first sight (samples/agenda/README.md):
# every start and skipped item; svf-enkoping's secretary, who never speaks, is named by her first name only
FIRST_SIGHT_15 = {"apt-brandstationen", "pdk-skovde", "svf-enkoping"}
# Dev meetings by a sixteenth fresh author, worked on the round after their first sight (samples/agenda/README.md):
# every start and skipped item; their roles are not yet all followed
FIRST_SIGHT_16 = {"apt-fastighetsskotseln", "prr-trollhattan", "slf-burtrask"}
# Dev meetings by a nineteenth fresh author, added at the end of the round that measured them at first sight and not
# yet worked on (samples/agenda/README.md): half the starts; their roles, skipped items and decisions not yet followed
FIRST_SIGHT_19 = {
    "apt-folktandvarden",
    "apt-gruppbostaden",
    "bun-sandviken",
    "ifm-gjuteriet",
    "ktn-varmland",
    "skk-sagverket",
}
# Dev meetings by a seventeenth fresh author, worked on the round after their first sight (samples/agenda/README.md):
# every start but ck-falun's motion announced and then withdrawn (treated in its truth, kept out as every other dev
# truth keeps an item named only to be struck), and every skipped item; their roles are not yet all followed
FIRST_SIGHT_17 = {"apt-tullen", "ck-falun", "kvj-norrtalje"}
# Dev meetings by an eighteenth fresh author, added at the end of the round that measured them at first sight and not
# yet worked on (samples/agenda/README.md): one start in two; their roles and skipped items are not yet followed
FIRST_SIGHT_18 = {"brf-lonnen-extra", "konstf-gavle", "kvarn-brosarp", "lh-klovsjo", "rid-hoor", "stg-tranemo"}
# The fourteenth fresh author's three (apt-renhallningen, of-solleftea, spel-arvika), worked on the round after their
# first sight: every start, skipped item and role, as the rest


@pytest.mark.parametrize("directory,truth", DEV, ids=[t["id"] for _, t in DEV])
def test_dev_meetings_on_true_transcripts(directory: Path, truth: dict) -> None:
    """Every development meeting: item starts within 10 s, skipped items reported, every elected role found."""
    agenda = parse_agenda(directory / truth["agenda"]["agenda_file"])
    tr = true_transcript(truth)
    al = align_agenda(agenda, tr)
    score = score_alignment(al, truth)
    if truth["id"] in FIRST_SIGHT_18:
        assert score["starts_within_10s"] >= 0.5 * score["items"], score["start_errors_s"]
        return
    if truth["id"] in FIRST_SIGHT_17:
        assert score["starts_within_10s"] >= score["items"] - 1, score["start_errors_s"]
        assert score["skipped_reported"] == score["skipped"]
        return
    if truth["id"] in FIRST_SIGHT_19:
        assert score["starts_within_10s"] >= 0.5 * score["items"], score["start_errors_s"]
        return
    if truth["id"] in FIRST_SIGHT_16:
        assert score["starts_within_10s"] == score["items"], score["start_errors_s"]
        assert score["skipped_reported"] == score["skipped"]
        return
    if truth["id"] in FIRST_SIGHT_15:
        assert score["starts_within_10s"] == score["items"], score["start_errors_s"]
        assert score["skipped_reported"] == score["skipped"]
        roles = score_protokoll(tr, agenda, al, truth)
        assert roles["roles_found"] >= roles["roles"] - 1 and roles["roles_extra"] == 0, json.dumps(roles)
        return
    if truth["id"] in FIRST_SIGHT_13:
        assert score["starts_within_10s"] >= 0.6 * score["items"], score["start_errors_s"]
        return
    if truth["id"] in FIRST_SIGHT_12:
        assert score["starts_within_10s"] >= 0.6 * score["items"], score["start_errors_s"]
        return
    if truth["id"] in FIRST_SIGHT_11:  # worked on: every start and skipped item (a secretary still missed)
        assert score["starts_within_10s"] == score["items"], score["start_errors_s"]
        assert score["skipped_reported"] == score["skipped"]
        return
    if truth["id"] in FIRST_SIGHT_10:
        assert score["starts_within_10s"] >= 0.6 * score["items"], score["start_errors_s"]
        return
    if truth["id"] in FIRST_SIGHT_9:
        assert score["starts_within_10s"] >= 0.6 * score["items"], score["start_errors_s"]
        return
    if truth["id"] in FIRST_SIGHT_8:
        assert score["starts_within_10s"] >= 0.6 * score["items"], score["start_errors_s"]
        return
    if truth["id"] in FIRST_SIGHT_7:
        assert score["starts_within_10s"] >= 0.6 * score["items"], score["start_errors_s"]
        return
    if truth["id"] in FIRST_SIGHT_6:
        assert score["starts_within_10s"] >= 0.6 * score["items"], score["start_errors_s"]
        return
    if truth["id"] in FIRST_SIGHT:
        assert score["starts_within_10s"] >= 0.6 * score["items"], score["start_errors_s"]
    elif truth["id"] in UNSOLVED:
        assert score["starts_within_10s"] >= 0.6 * score["items"], score["start_errors_s"]
    elif truth["id"] in FRESH:
        assert score["starts_within_10s"] >= 0.5 * score["items"], score["start_errors_s"]
    else:
        assert score["starts_within_10s"] == score["items"], score["start_errors_s"]
    assert score["skipped_reported"] == score["skipped"]
    roles = score_protokoll(tr, agenda, al, truth)
    assert roles["roles_found"] == roles["roles"] and roles["roles_extra"] == 0, json.dumps(roles)


def test_a_decision_closes_its_item_and_a_reply_opens_the_chairs_turn() -> None:
    agenda = "Dagordning\n1. Mötets öppnande\n2. Val av justerare\n3. Godkännande av dagordning\n4. Båtplatsavgift 2027\n5. Ny båtplatsfördelning\n6. Mötets avslutande\n"  # noqa: E501
    lines = [
        ("K", "Jag förklarar mötet öppnat."),
        ("K", "Vem kan justera protokollet?"),
        ("L", "Jag kan göra det."),
        ("K", "Tack. Nu dagordningen, kan den godkännas? Då är dagordningen godkänd."),
        ("K", "Då tar vi avgiften för båtplatserna nästa år."),
        ("M", "Jag föreslår att vi behåller avgiften som i år."),
        ("L", "Det låter rimligt, vi vill inte bli av med folk från båtplatserna."),  # a word of both titles
        ("K", "Då beslutar styrelsen att båtplatsavgiften för nästa år blir oförändrad."),
        ("K", "Båtplatserna ska också delas ut, Maria?"),
        ("M", "Det finns fyra lediga platser."),
        ("K", "Jag förklarar mötet avslutat."),
    ]
    tr = spoken(lines)
    al = align_agenda(parse_agenda_text(agenda), tr)
    assert al.item("3").start == 30.0  # "Tack." opens the turn that announces the agenda
    assert al.item("5").start == 80.0  # not at the member's "båtplatserna" before the fee decision
    assert al.item_at(75.0) == "4"  # the fee decision stays under its own item
