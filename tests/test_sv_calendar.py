"""Months, weekdays and the one way dates and clock times are written: "kl. 10.00"."""

from __future__ import annotations

import datetime as dt

import pytest

from transcribe.series.model import MeetingBlock, SeriesReport
from transcribe.series.render import to_markdown
from transcribe.sv import calendar


@pytest.mark.parametrize(("word", "month"), [
    ("januari", 1), ("december", 12), ("dec", 12), ("sept", 9), ("maj", 5), ("mars", 3), ("decembe", None),
])  # fmt: skip
def test_month_words(word: str, month: int | None) -> None:
    assert calendar.MONTHS.get(word) == month


def test_names_in_calendar_order() -> None:
    assert len(calendar.MONTH_NAMES) == 12 and calendar.MONTH_NAMES[11] == "december"
    assert calendar.WEEKDAYS["måndag"] == dt.date(2026, 11, 30).weekday()
    assert calendar.WEEKDAY_NAMES[dt.date(2026, 12, 3).weekday()] == "torsdag"


def test_clock_uses_a_full_stop() -> None:
    assert calendar.clock(dt.time(10, 0)) == "10.00"
    assert calendar.clock(dt.time(9, 5)) == "09.05"
    assert calendar.clock(dt.datetime(2026, 12, 14, 14, 30)) == "14.30"


def test_format_date() -> None:
    assert calendar.format_date(dt.datetime(2026, 12, 14, 14, 30), weekday=True) == "måndag 14 december 2026 kl. 14.30"
    assert calendar.format_date(dt.datetime(2026, 12, 10, 9, 0)) == "10 december 2026 kl. 09.00"
    assert calendar.format_date(dt.date(2026, 12, 3)) == "3 december 2026"
    assert calendar.format_date(dt.date(2026, 12, 3), weekday=True) == "torsdag 3 december 2026"
    assert calendar.format_date(None) == ""


def test_series_report_writes_clock_times_the_swedish_way() -> None:
    meeting = MeetingBlock(number=1, path="m1", title="Nätverksmöte", date=dt.date(2026, 12, 3),
                           start_time=dt.time(10, 0), end_time=dt.time(12, 30))  # fmt: skip
    report = SeriesReport(name="n", title="Nätverket", period_start=dt.date(2026, 12, 3), meetings=[meeting],
                          generated=dt.datetime(2026, 12, 4, 8, 0))  # fmt: skip
    text = to_markdown(report)
    assert "3 december 2026, 10.00–12.30" in text
    assert "10:00" not in text and "12:30" not in text


def test_a_position_in_the_recording_is_not_a_clock_time() -> None:
    assert calendar.elapsed(205.9) == "00:03:25"
    assert calendar.elapsed(3 * 3600 + 7) == "03:00:07"
    assert calendar.elapsed(-1) == "00:00:00"
