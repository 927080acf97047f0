"""The exceptions of vardavtal.

Every error carries the findings behind it: ``err.errors()`` is a list of dicts with
``code`` (a stable snake_case name), ``severity``, ``loc`` (a path of str and int, such as
``["components", 1, "amount"]``), ``msg`` and ``ctx`` (the values behind the message).
Wrong input is a ``ValueError`` too, so ``except ValueError`` catches it.
"""

from __future__ import annotations

import copy
from typing import Any, Dict, List, Optional

__all__ = ["VardavtalError", "InputError", "AllocationError", "ValidationError"]


class VardavtalError(Exception):
    """Base class of every error vardavtal raises."""

    def __init__(self, message: str, errors: Optional[List[Dict[str, Any]]] = None) -> None:
        super().__init__(message, errors or [])
        self.message = message
        self._errors: List[Dict[str, Any]] = list(errors or [])

    def errors(self) -> List[Dict[str, Any]]:
        """Every finding as a dict: ``code``, ``severity``, ``loc``, ``msg``, ``ctx``."""
        return copy.deepcopy(self._errors)

    @property
    def code(self) -> str:
        """The code of the first finding."""
        return str(self._errors[0]["code"]) if self._errors else ""

    def __str__(self) -> str:
        return self.message


class InputError(VardavtalError, ValueError):
    """The input could not be read or parsed: an amount, a date, a key, JSON, CSV, a field."""


class AllocationError(VardavtalError, ValueError):
    """The input parsed, but an allocation cannot run on it (unknown recipient, no data…)."""


class ValidationError(VardavtalError, ValueError):
    """Findings of severity error from a check on the content of agreements."""


# Tracebacks and reprs name the public module (``vardavtal.InputError``), where the classes
# are imported from, not this private one.
for _cls in (VardavtalError, InputError, AllocationError, ValidationError):
    _cls.__module__ = "vardavtal"
