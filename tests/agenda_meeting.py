"""A hand-made board meeting for the agenda and protokoll tests: item 6 is skipped, item 7 taken before item 5; and
hand-made meetings of ten seconds a line, with the protokoll or the roles read from them."""

from __future__ import annotations

from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.align import build_units
from transcribe.minutes.model import Minutes
from transcribe.minutes.protokoll import Protokoll, build_protokoll
from transcribe.minutes.roles import RoleElection, find_roles
from transcribe.transcript import Segment, SpeakerInfo, Transcript

AGENDA_TXT = """Dagordning för styrelsemöte i Brf Eken

§1 Mötets öppnande
§ 2. Val av justerare
Punkt 3: Godkännande av dagordningen
4. Ekonomi och budget
5 Fasadrenovering med Byggfirman Norrbygg
6) Tvättstugan
7. Parkeringsplatser
8. Övriga frågor
9. Mötets avslutande
"""

LINES = [
    ("A", "Hej allihop, ska vi börja?"),
    ("A", "Jag förklarar mötet öppnat."),
    ("A", "Punkt två, val av justerare. Vem kan justera protokollet?"),
    ("B", "Jag kan justera."),
    ("A", "Då väljer vi Bertil. Nästa punkt är dagordningen, kan den godkännas?"),
    ("C", "Ja."),
    ("A", "Då går vi vidare till ekonomin och budgeten."),
    ("B", "Räntekostnaderna har ökat. Jag föreslår att vi höjer avgiften med fem procent."),
    ("C", "Jag håller med. Då beslutar vi att höja avgiften med fem procent."),
    ("A", "Innan fasaden tar vi punkt sju om parkeringsplatserna eftersom David måste gå."),
    ("D", "Vi har fyra lediga parkeringsplatser och kön är lång."),
    ("A", "Då beslutar vi att hyra ut de fyra platserna enligt kön."),
    ("A", "Då går vi tillbaka till punkt fem, fasadrenoveringen."),
    ("B", "Offerten från Norrbygg landade på två miljoner kronor."),
    ("C", "Det är dyrt men fasaden måste göras."),
    ("A", "Tvättstugan hoppar vi över i dag, den tar vi nästa gång. Övriga frågor, har någon något?"),
    ("C", "Nej."),
    ("A", "Då förklarar jag mötet avslutat."),
    ("B", "Vill någon ha kaffe?"),
]
NAMES = {"A": "Anna Berg", "B": "Bertil Ek", "C": "Cecilia Ny", "D": "David Ås"}


def meeting() -> Transcript:
    """Ten seconds per line: line i starts at 10*i."""
    segs = [Segment(id=i, start=i * 10.0, end=i * 10.0 + 8.0, text=t, speaker=s) for i, (s, t) in enumerate(LINES)]
    return Transcript(
        segments=segs,
        duration=len(LINES) * 10.0,
        speakers=[SpeakerInfo(label=k, name=v) for k, v in NAMES.items()],
        metadata={"title": "Styrelsemöte i Brf Eken", "date": "2026-11-16", "time": "19:00"},
    )


def lines_transcript(lines: list[tuple[str, str]], names: dict[str, str] | None = None) -> Transcript:
    """One segment per (speaker, text) line, ten seconds each: line i starts at 10*i; speakers named by `names`."""
    segs = [Segment(id=i, start=i * 10.0, end=i * 10.0 + 8.0, text=t, speaker=s) for i, (s, t) in enumerate(lines)]
    people = names if names is not None else {s: s for s in sorted({s for s, _ in lines})}
    return Transcript(
        segments=segs, duration=len(lines) * 10.0, speakers=[SpeakerInfo(label=k, name=v) for k, v in people.items()]
    )


def chaired_transcript(lines: list[str | tuple[str, str]]) -> Transcript:
    """Ten seconds per line, spoken by the chair Karin Ek (K) unless a line says (text, speaker); Pelle Lind (P) and
    Sara Berg (S) take part."""
    turns = [(line, "K") if isinstance(line, str) else line for line in lines]
    return lines_transcript([(s, t) for t, s in turns], {"K": "Karin Ek", "P": "Pelle Lind", "S": "Sara Berg"})


def protokoll_of(lines: list[tuple[str, str]], agenda: str, title: str) -> Protokoll:
    """The protokoll of a hand-made meeting (speakers A, B, C; ten seconds per line) held by `agenda`."""
    tr = lines_transcript(lines, {k: NAMES[k] for k in "ABC"})
    ag = parse_agenda_text(agenda)
    return build_protokoll(Minutes(title=title), tr, ag, align_agenda(ag, tr))


def elected(agenda: str, tr: Transcript) -> list[RoleElection]:
    """The roles read from a hand-made meeting held by `agenda`, aligned and cut into units as the protokoll does."""
    return find_roles(tr, align_agenda(parse_agenda_text(agenda), tr), build_units(tr))


def by_role(found: list[RoleElection]) -> dict[str, list[str]]:
    """Each role's names in the order they were found."""
    out: dict[str, list[str]] = {}
    for r in found:
        out.setdefault(r.role, []).append(r.name)
    return out
