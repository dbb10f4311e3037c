"""User-facing errors: one line of text and a distinct exit code each.

The CLI catches `UserError` and prints only its message, never a traceback, so
every failure a user can cause or fix must be raised as one of these.
"""

from __future__ import annotations


class UserError(Exception):
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputNotFound(UserError):
    exit_code = 2


class InputIsDirectory(UserError):
    exit_code = 3


class EmptyInput(UserError):
    exit_code = 4


class NotAudio(UserError):
    exit_code = 5


class CorruptAudio(UserError):
    exit_code = 6


class SilentAudio(UserError):
    exit_code = 7


class InputTooLarge(UserError):
    exit_code = 8


class OutputExists(UserError):
    exit_code = 9


class OutputNotWritable(UserError):
    exit_code = 10


class MissingTool(UserError):
    """ffmpeg/ffprobe missing."""

    exit_code = 11


class ModelMissing(UserError):
    exit_code = 12


class ModelCorrupt(UserError):
    exit_code = 13


class BadOption(UserError):
    exit_code = 14


class DiskFull(UserError):
    exit_code = 15


class AgendaError(UserError):
    """The agenda (dagordning) could not be read or has no numbered items."""

    exit_code = 16


class HubUnreachable(UserError):
    """`models get`: the model hub cannot be reached (offline) or refuses the request."""

    exit_code = 17


class RemoteEndpointRefused(UserError):
    """The LLM URL is outside loopback and private ranges and remote endpoints are not allowed."""

    exit_code = 18


class JobConflict(UserError):
    """A job is not in a state that allows the operation, or its meeting already has an active job."""

    exit_code = 19


class ServiceUnavailable(UserError):
    """The database or Redis a deployment names does not answer (down, wrong address, wrong password)."""

    exit_code = 20
