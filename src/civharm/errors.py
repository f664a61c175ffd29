"""The exceptions civharm raises for user mistakes and bad input.

CivharmError              base: the message is one clear line, shown as is by the CLI
├── CaptureError          input could not be captured (missing, empty, binary, too big, refused URL, ...)
├── ConfigError           a setting is invalid
└── NotFoundError         a requested record does not exist
"""


class CivharmError(Exception):
    """Base class; ``str(error)`` is a one-line message fit for a user."""


class CaptureError(CivharmError):
    pass


class ConfigError(CivharmError):
    pass


class NotFoundError(CivharmError):
    pass
