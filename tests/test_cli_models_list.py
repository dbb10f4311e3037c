"""`transcribe models list` read in an ordinary 80-column terminal: every heading whole, nothing cut to "…",
numbers written the Swedish way."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from transcribe.models import cli as models_cli


@pytest.mark.parametrize("available", [False, True])
def test_the_list_fits_80_columns_with_nothing_cut(monkeypatch: pytest.MonkeyPatch, available: bool) -> None:
    screen = io.StringIO()
    monkeypatch.setattr(models_cli, "out", Console(file=screen, width=80, color_system=None))
    models_cli.print_list(available=available)
    text = screen.getvalue()
    assert "…" not in text, text
    assert all(len(line) <= 80 for line in text.splitlines()), text
    assert "namn" in text and "storlek" in text and "språk" in text, text
    if available:
        assert "1\u00a0530 MB" in text and "13,2 %" in text, text  # kb-whisper-medium, kb-whisper-tiny
    else:
        assert "källa" in text and "whisper-base" in text, text
