"""Secrets for staff commands: from an environment variable, or typed at a terminal."""

from __future__ import annotations

import getpass
import os
import sys


class SecretUnavailable(ValueError):
    """No variable set and no terminal to type in, or the two typings differ."""


def ask_secret(variable: str, prompt: str, confirm: bool) -> str:
    """`variable` if set (for scripts); otherwise typed, twice when `confirm`."""
    given = os.environ.get(variable)
    if given is not None:
        return given.strip()
    if not sys.stdin.isatty():
        raise SecretUnavailable(f"set {variable}, or run this in a terminal to type it")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Type it again: ") != first:
        raise SecretUnavailable("the two entries differ; nothing was changed")
    return first
