"""Speaker names from self-introductions and from --speaker-names."""

from __future__ import annotations

import pytest

from transcribe.diarize.naming import apply_names, introduction, parse_speaker_names, propose_names
from transcribe.errors import BadOption
from transcribe.transcript import Segment, SpeakerInfo, Transcript


def transcript(*turns: tuple[str, str]) -> Transcript:
    return Transcript(
        segments=[
            Segment(id=i, start=2.0 * i, end=2.0 * i + 2, text=text, speaker=spk) for i, (spk, text) in enumerate(turns)
        ]  # fmt: skip
    )


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("hej jag heter Johan Berg", "Johan Berg", None),
        ("Hej, jag heter Johan Berg och jag är rektor på Kanalskolan.", "Johan Berg", "rektor på Kanalskolan"),
        ("Det är Lena här.", "Lena", None),
        ("Ahmed, studie- och yrkesvägledare.", "Ahmed", "studie- och yrkesvägledare"),
        ("Mitt namn är Sara Ek, jag jobbar som HR-chef.", "Sara Ek", "HR-chef"),
        ("Hej, Peter Lundgren heter jag, HR-chef på Norrmetall.", "Peter Lundgren", "HR-chef på Norrmetall"),
        (
            "Det är Johan här, Johan Nilsson. Jag är studie- och yrkesvägledare.",
            "Johan Nilsson",
            "studie- och yrkesvägledare",
        ),
        ("Och Sofia Berglund från kommunen, på länk igen.", "Sofia Berglund", None),
        ("Jag jobbar som HR-chef sedan två år.", None, "HR-chef"),
    ],
)
def test_self_introductions(text: str, name: str | None, role: str | None) -> None:
    info = introduction(text)
    assert info is not None
    assert (info.name, info.role) == (name, role)


@pytest.mark.parametrize(
    "text",
    [
        "Karin, varsågod.",  # the chair gives someone the word
        "Peter Lundgren, kan du berätta om rekryteringen?",
        "Han heter Per Olsson och börjar på måndag.",
        "Vi har en ny kollega som heter Johan.",
        "Jag är inte säker på det.",
        "Jag är glad att ni kom.",
        "mitt namn är inte viktigt här",
        "Anna Lindqvist från Kanalskolan har ordet.",
    ],
)
def test_not_introductions(text: str) -> None:
    assert introduction(text) is None


def test_propose_names_per_label_first_statement_wins() -> None:
    t = transcript(
        ("SPEAKER_00", "Välkomna. Jag heter Maria Holmberg och är processledare."),
        ("SPEAKER_01", "Tack. Det är Lena här."),
        ("SPEAKER_01", "Jag jobbar som rektor på Kanalskolan."),
        ("SPEAKER_00", "Lena, varsågod."),
        ("SPEAKER_02", "Jag håller med."),
    )
    names = propose_names(t)
    assert names["SPEAKER_00"].name == "Maria Holmberg"
    assert names["SPEAKER_00"].role == "processledare"
    assert names["SPEAKER_01"].name == "Lena"
    assert names["SPEAKER_01"].role == "rektor på Kanalskolan"  # stated in a later turn
    assert "SPEAKER_02" not in names


def test_parse_speaker_names() -> None:
    assert parse_speaker_names("SPEAKER_00=Maria,SPEAKER_01=Johan") == {"SPEAKER_00": "Maria", "SPEAKER_01": "Johan"}
    assert parse_speaker_names(" SPEAKER_00 = Maria  Holmberg , 1=Johan") == {
        "SPEAKER_00": "Maria Holmberg",
        "SPEAKER_01": "Johan",
    }


@pytest.mark.parametrize("spec", ["", "SPEAKER_00", "SPEAKER_00=", "=Maria", "SPEAKER_00=A,SPEAKER_00=B", ",,"])
def test_parse_speaker_names_rejects_malformed(spec: str) -> None:
    with pytest.raises(BadOption):
        parse_speaker_names(spec)


def test_apply_names_orders_labels_and_user_wins() -> None:
    t = transcript(("SPEAKER_01", "Hej."), ("SPEAKER_00", "Hej hej."), ("SPEAKER_01", "Då börjar vi."))
    t.speakers = [SpeakerInfo(label="SPEAKER_00", role="kassör"), SpeakerInfo(label="SPEAKER_09", name="Borta")]
    auto = apply_names(t, {"SPEAKER_01": "Maria"}, source="introduction")
    assert [s.label for s in auto.speakers] == ["SPEAKER_01", "SPEAKER_00"]  # order of appearance, stale dropped
    assert auto.speakers[1].role == "kassör"  # what was known is kept
    user = apply_names(auto, {"SPEAKER_01": "Maria Holmberg", "SPEAKER_00": "Johan"})
    assert user.speaker_name("SPEAKER_01") == "Maria Holmberg"
    assert user.speakers[0].name_source == "user"
    # a later automatic source never overrides what the user said
    again = apply_names(user, {"SPEAKER_01": "Fel Namn"}, source="introduction")
    assert again.speaker_name("SPEAKER_01") == "Maria Holmberg"
    assert t.speakers[0].label == "SPEAKER_00"  # the input is not modified
