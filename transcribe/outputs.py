"""Writing a pipeline result to its folder: the transcript formats, then the minutes formats.

`transcribe run` and the job runner both end this way; the caller has already checked
(or, for a job, chosen to replace) what is there.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from transcribe import formats
from transcribe.minutes.protokoll_render import write_styled
from transcribe.pipeline import PipelineResult


def write_outputs(
    result: PipelineResult, out_dir: Path, transcript_formats: list[str], minutes_formats: Iterable[str]
) -> list[Path]:
    """Write every output, replacing what is there; returns the files written.

    Minutes with a protokoll (an agenda was given) take the protokoll layout, with minutes.json
    (the editable items the web review works on) beside protokoll.json; others take the report layout.
    """
    written = formats.write_transcript(result.transcript, out_dir, "transcript", transcript_formats, overwrite=True)
    fmts = list(minutes_formats)
    if result.minutes is None or not fmts:
        return written
    return written + write_styled(result.minutes, result.protokoll, result.transcript, out_dir, fmts, overwrite=True)
