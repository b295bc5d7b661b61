"""Talking to the clinic's servers: one TLS set-up, one User-Agent, failures in plain words.

No proxies from the environment: a kiosk talks to the clinic only. Certificates
are checked against the system's authorities plus, when set, the clinic's own
(`network.ca_file`).
"""

from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
import urllib.request
from pathlib import Path

CA_HINT = "if the clinic uses its own certificate authority, name it in network.ca_file"


def tls_context(ca_file: Path | None) -> ssl.SSLContext:
    """Verify certificates and host names; trust `ca_file` as well as the system's."""
    context = ssl.create_default_context()
    if ca_file is not None:
        context.load_verify_locations(cafile=str(ca_file))
    return context


def user_agent(app_version: str, kiosk_id: str) -> str:
    return f"clinic-kiosk/{app_version} ({kiosk_id})"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect comes back as an HTTPError with its 3xx code and Location."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def opener(ca_file: Path | None, follow_redirects: bool) -> urllib.request.OpenerDirector:
    """A urllib opener with the kiosk's TLS and no proxies.

    A POST must not follow redirects: urllib turns it into a GET without a body
    on 301/302/303, and the request would look delivered.
    """
    handlers: list[urllib.request.BaseHandler] = [
        urllib.request.ProxyHandler({}),
        urllib.request.HTTPSHandler(context=tls_context(ca_file)),
    ]
    if not follow_redirects:
        handlers.append(_NoRedirects())
    return urllib.request.build_opener(*handlers)


def describe(exc: BaseException) -> str:
    """Why talking to a server failed, for the log, the staff screen and IT."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"the server answered {exc.code} {exc.reason}".rstrip()
    if isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, BaseException):
        return describe(exc.reason)
    if isinstance(exc, urllib.error.URLError):
        return f"cannot reach the server: {exc.reason}"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"the server's certificate is not trusted ({exc.verify_message}): {CA_HINT}"
    if isinstance(exc, ssl.SSLError):
        return f"TLS failed ({exc.reason or exc})"
    if isinstance(exc, socket.gaierror):
        return f"the server's name cannot be found (DNS: {exc.strerror})"
    if isinstance(exc, TimeoutError):
        return "no answer in time (timed out)"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused: nothing answers at that address and port"
    return _describe_reply(exc)


def _describe_reply(exc: BaseException) -> str:
    if isinstance(exc, http.client.RemoteDisconnected):
        return "the server closed the connection without answering"
    if isinstance(exc, http.client.IncompleteRead):
        expected = "" if exc.expected is None else f" of {len(exc.partial) + exc.expected}"
        return f"the reply was cut off ({len(exc.partial)}{expected} bytes came)"
    if isinstance(exc, http.client.BadStatusLine):
        line = str(exc.args[0] if exc.args else "").strip()[:60]
        return f"the reply is not HTTP ({line!r}): is that the right port?"
    if isinstance(exc, http.client.HTTPException):
        return f"a broken reply ({type(exc).__name__}: {exc})"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}"
