"""What the service is started with, and the checks that keep it safe by default.

* it binds ``127.0.0.1`` unless told otherwise;
* a request body is at most :data:`MAX_BODY` bytes (1 MiB) unless told otherwise
  (a larger one is answered 413 before it is read);
* a request is answered within ``time_limit`` seconds or refused with 503;
* a bearer token (from the environment variable :data:`TOKEN_ENV` or a file) is
  asked of every request when one is given, and **must** be given to bind to any
  address other than a loopback one.

>>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("localhost"), is_loopback("0.0.0.0")
(True, True, True, False)
>>> check(Settings(host="0.0.0.0"))
Traceback (most recent call last):
...
taxcalc.errors.InvalidInput: --host: 0.0.0.0 is not a loopback address: give a bearer token (the environment variable TAXCALC_SERVICE_TOKEN or --token-file) to serve other machines
"""

from __future__ import annotations

import dataclasses
import ipaddress
import os
from collections.abc import Mapping
from pathlib import Path

from ..errors import InvalidInput

__all__ = ["MAX_BODY", "MIN_TOKEN", "TIME_LIMIT", "TOKEN_ENV", "Settings", "check", "is_loopback", "read_token"]

#: The largest request body read by default, in bytes (1 MiB).
MAX_BODY = 1024 * 1024
#: The time a request may take by default, in seconds.
TIME_LIMIT = 10.0
#: The environment variable that holds the bearer token.
TOKEN_ENV = "TAXCALC_SERVICE_TOKEN"
#: The shortest token accepted, in characters.
MIN_TOKEN = 16


@dataclasses.dataclass(frozen=True)
class Settings:
    """The service's settings (see the module notes)."""

    host: str = "127.0.0.1"
    port: int = 8000
    #: The largest request body, in bytes.
    max_body: int = MAX_BODY
    #: The longest a request may take, in seconds.
    time_limit: float = TIME_LIMIT
    #: The bearer token every request must give (``None``: none asked; loopback only).
    token: str | None = dataclasses.field(default=None, repr=False)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address (or ``localhost``)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False


def read_token(file: str | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """The bearer token: the first line of ``file`` if given, else the environment variable
    :data:`TOKEN_ENV`, else ``None``.  A token is at least :data:`MIN_TOKEN` characters."""
    if file is not None:
        try:
            lines = Path(file).read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput("--token-file", f"cannot be read: {exc}") from None
        token, where = (lines[0].strip() if lines else ""), "--token-file"
    elif environ.get(TOKEN_ENV) is not None:
        token, where = environ[TOKEN_ENV].strip(), TOKEN_ENV
    else:
        return None
    if len(token) < MIN_TOKEN or not token.isprintable() or " " in token:
        raise InvalidInput(where, f"the token must be at least {MIN_TOKEN} printable characters without spaces")
    return token


def check(settings: Settings) -> Settings:
    """``settings`` if they are safe to serve with; otherwise the setting at fault is named."""
    if not is_loopback(settings.host) and settings.token is None:
        raise InvalidInput("--host", f"{settings.host} is not a loopback address: give a bearer token (the "
                           f"environment variable {TOKEN_ENV} or --token-file) to serve other machines")
    if not 0 <= settings.port <= 65535:
        raise InvalidInput("--port", f"{settings.port} is not a port (0 to 65535)")
    if settings.max_body < 1:
        raise InvalidInput("--max-body", "must be at least 1 byte")
    if not settings.time_limit > 0:
        raise InvalidInput("--time-limit", "must be more than 0 seconds")
    return settings
