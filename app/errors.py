"""Domain errors. Every refusal the user can see is one of these, with a clear message."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the trade was broken; the message is fit to show to a clerk."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """One or more fields are wrong. ``errors`` maps a field name to its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.errors.items()))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls({field: message})


class PermissionDenied(DomainError):
    """The acting staff member's role does not allow this service."""


class NotFound(DomainError):
    """A record the caller named does not exist."""


class IllegalTransition(DomainError):
    """A state change that the life cycle does not allow."""


class ConcurrentEdit(DomainError):
    """Someone else saved the record first; reload and try again."""


class AuthenticationError(DomainError):
    """Login refused: wrong password, locked or disabled account."""
