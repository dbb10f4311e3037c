"""Exported files are named after the meeting as the secretary wrote it: 'Årsmöte-i-Brf-Eken-protokoll.docx', not
'Arsmote-…' with the Swedish letters dropped; clients that only read the plain name still get an ASCII one."""

from __future__ import annotations

from urllib.parse import unquote

from tests.test_web import add_meeting, app, as_user, fast_hashing  # noqa: F401, F811  (fixtures)


def test_downloads_keep_the_swedish_letters_of_the_title(app) -> None:  # noqa: F811
    sara = as_user(app, "sara")
    mid = add_meeting("sara", title="Årsmöte i Brf Eken 2026/27")
    for path, name in (("minutes.docx", "Årsmöte-i-Brf-Eken-2026-27-protokoll.docx"),
                       ("minutes.md", "Årsmöte-i-Brf-Eken-2026-27-protokoll.md"),
                       ("transcript.txt", "Årsmöte-i-Brf-Eken-2026-27-transkription.txt")):  # fmt: skip
        disposition = sara.get(f"/meetings/{mid}/export/{path}").headers["content-disposition"]
        assert unquote(disposition.split("filename*=UTF-8''", 1)[1]) == name, disposition
        plain = disposition.split('filename="', 1)[1].split('"', 1)[0]
        assert plain.isascii() and plain == name.replace("Å", "A").replace("ö", "o"), disposition
