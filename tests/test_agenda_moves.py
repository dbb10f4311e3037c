"""The chair moving on in words of her own ("Härnäst har vi …", "Då byter vi ämne till …", "Vi går över till …")
starts the one item missing between two placed ones even when its name was misheard; "Den kommer vi till." starts
nothing. Hand-made meeting, ten seconds per line."""

from __future__ import annotations

import pytest

from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.transcript import Segment, SpeakerInfo, Transcript

AGENDA = """Styrelsemöte
1. Mötets öppnande
2. Godkännande av dagordningen
3. Ekonomi
4. Hallfrågan
5. Sommarlägret
6. Övriga frågor
7. Mötets avslutande
"""
NAMES = {"A": "Karin Berg", "B": "Lars Holm", "C": "Maja Strand", "D": "Ahmed Ali"}


def lines(moving_on: str) -> list[tuple[str, str]]:
    return [
        ("A", "Välkomna allihop, jag förklarar mötet öppnat."),
        ("A", "Dagordningen har ni fått, kan den godkännas?"),
        ("B", "Ja."),
        ("A", "Då går vi till ekonomin. Lars?"),  # 30 s
        ("B", "Vi har sextiotusen på kontot och medlemsavgifterna har kommit in som vanligt i år."),
        ("A", "Tack, då lägger vi rapporten till handlingarna."),
        ("A", moving_on),  # 60 s
        ("C", "Kommunen har lovat oss två kvällar i veckan från september, men bara sena tider efter åtta."),
        ("B", "Det blir svårt för de yngsta, de måste vara hemma tidigt."),
        ("A", "Vi tackar ja och ber om tidigare tider till våren."),
        ("A", "Sommarlägret då, Ahmed?"),  # 100 s
        ("D", "Vi har bokat lägergården vecka tjugosex och tjugo barn har anmält sig hittills."),
        ("A", "Bra. Finns det några övriga frågor?"),
        ("C", "Nej."),
        ("A", "Tack för i kväll, mötet är avslutat."),
    ]


def starts(said: list[tuple[str, str]]) -> dict[str, float | None]:
    segs = [Segment(id=i, start=i * 10.0, end=i * 10.0 + 8.0, text=t, speaker=s) for i, (s, t) in enumerate(said)]
    tr = Transcript(
        segments=segs, duration=len(said) * 10.0, speakers=[SpeakerInfo(label=k, name=v) for k, v in NAMES.items()]
    )
    return {s.number: s.start if s.treated else None for s in align_agenda(parse_agenda_text(AGENDA), tr).items}


@pytest.mark.parametrize(
    "moving_on",
    [
        "Härnäst har vi träningstiderna.",
        "Då byter vi ämne till träningstiderna.",
        "Vi går över till träningstiderna.",
        "Då ska vi prata om träningstiderna.",
        "Därefter träningstiderna.",
    ],
)
def test_the_chair_moving_on_in_her_own_words_starts_the_missing_item(moving_on: str) -> None:
    got = starts(lines(moving_on))  # the item's name misheard: "träningstiderna" for "Hallfrågan"
    assert got["4"] == 60.0 and got["3"] == 30.0 and got["5"] == 100.0


def test_den_kommer_vi_till_moves_nothing() -> None:
    said = lines("Hallfrågan då, Maja?")
    said[4] = ("B", "Vi har sextiotusen på kontot. Och hallen?")
    said[5] = ("A", "Den kommer vi till. Något mer om pengarna?")
    got = starts(said)
    assert got["3"] == 30.0 and got["4"] == 60.0
