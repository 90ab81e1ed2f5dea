"""A dependency-free HTTP transport on ``urllib.request``.

smsc-core never opens sockets itself: any HTTP client works (``requests``, ``httpx``,
``aiohttp``…). This module is the stdlib default used by :func:`smsc_core.send`.
"""

from __future__ import annotations

import http.client
import socket
import urllib.error
import urllib.request
from typing import TYPE_CHECKING, Any

from .errors import TransportError

if TYPE_CHECKING:
    from ._native import Request

DEFAULT_TIMEOUT = 30.0


def urllib_send(request: Request[Any], timeout: float = DEFAULT_TIMEOUT) -> tuple[int, bytes]:
    """Sends ``request`` and returns ``(http_status, body_bytes)``; never judges the answer."""
    data = request.body.encode("utf-8") if request.body is not None else None
    http_request = urllib.request.Request(
        request.url, data=data, headers=request.headers, method=request.method
    )
    try:
        with urllib.request.urlopen(http_request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        # A non-2xx status is an answer: the core turns it into HttpError.
        return err.code, err.read()
    except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
        reason = getattr(err, "reason", err)
        raise TransportError(
            f"no answer from {request.operation} request: {reason}",
            transport=transport_kind(reason),
        ) from None


def transport_kind(err: object) -> str:
    """How a connection failed, in the words of the retry advice."""
    # RemoteDisconnected is also a ConnectionResetError, so it is asked about first.
    if isinstance(err, (http.client.RemoteDisconnected, http.client.IncompleteRead)):
        return "closed"
    if isinstance(err, ConnectionRefusedError):
        return "refused"
    if isinstance(err, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError)):
        return "reset"
    if isinstance(err, (TimeoutError, socket.timeout)):
        return "timeout"
    if isinstance(err, socket.gaierror):
        return "refused"
    return "other"
