"""HTTP transports: the dependency-free default on ``urllib.request``, and ``requests``,
``httpx`` and ``aiohttp`` ones for those who have them (each imported only when asked for).

smsc-core never opens sockets itself: any HTTP client works. A transport is a function
``(request, timeout) -> (status, body)``, as :func:`smsc_core.send` and :func:`smsc_core.deliver`
take it.
"""

from __future__ import annotations

import http.client
import socket
import urllib.error
import urllib.request
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from .errors import TransportError

if TYPE_CHECKING:
    import aiohttp
    import httpx
    import requests

    from ._native import Request

#: A blocking transport: sends a request within ``timeout`` seconds and returns the HTTP status
#: and body; raises what its HTTP client raises when no answer comes.
Transport = Callable[["Request[Any]", float], "tuple[int, bytes]"]
#: The same, awaited.
AsyncTransport = Callable[["Request[Any]", float], Awaitable["tuple[int, bytes]"]]

DEFAULT_TIMEOUT = 30.0


def urllib_send(request: Request[Any], timeout: float = DEFAULT_TIMEOUT) -> tuple[int, bytes]:
    """Sends ``request`` and returns ``(http_status, body_bytes)``; never judges the answer."""
    http_request = urllib.request.Request(
        request.url, data=_body(request), headers=request.headers, method=request.method
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


def requests_transport(session: requests.Session | None = None) -> Transport:
    """A transport on ``requests`` (``pip install smsc-core[requests]``), for
    :func:`smsc_core.deliver`: one ``Session`` keeps connections open between calls."""
    import requests

    http = session if session is not None else requests.Session()

    def send(request: Request[Any], timeout: float = DEFAULT_TIMEOUT) -> tuple[int, bytes]:
        response = http.request(
            request.method,
            request.url,
            headers=request.headers,
            data=_body(request),
            timeout=timeout,
            allow_redirects=False,
        )
        return response.status_code, response.content

    return send


def httpx_transport(client: httpx.Client | None = None) -> Transport:
    """A transport on ``httpx`` (``pip install smsc-core[httpx]``), for
    :func:`smsc_core.deliver`."""
    import httpx

    http = client if client is not None else httpx.Client()

    def send(request: Request[Any], timeout: float = DEFAULT_TIMEOUT) -> tuple[int, bytes]:
        response = http.request(
            request.method,
            request.url,
            headers=request.headers,
            content=_body(request),
            timeout=timeout,
        )
        return response.status_code, response.content

    return send


def httpx_async_transport(client: httpx.AsyncClient | None = None) -> AsyncTransport:
    """An async transport on ``httpx`` (``pip install smsc-core[httpx]``), for
    :func:`smsc_core.deliver_async`."""
    import httpx

    http = client if client is not None else httpx.AsyncClient()

    async def send(request: Request[Any], timeout: float = DEFAULT_TIMEOUT) -> tuple[int, bytes]:
        response = await http.request(
            request.method,
            request.url,
            headers=request.headers,
            content=_body(request),
            timeout=timeout,
        )
        return response.status_code, response.content

    return send


def aiohttp_transport(session: aiohttp.ClientSession) -> AsyncTransport:
    """An async transport on an ``aiohttp`` session (``pip install smsc-core[aiohttp]``), for
    :func:`smsc_core.deliver_async`. The session is yours to open and close."""
    import aiohttp

    async def send(request: Request[Any], timeout: float = DEFAULT_TIMEOUT) -> tuple[int, bytes]:
        async with session.request(
            request.method,
            request.url,
            headers=request.headers,
            data=_body(request),
            timeout=aiohttp.ClientTimeout(total=timeout),
            allow_redirects=False,
        ) as response:
            return response.status, await response.read()

    return send


def _body(request: Request[Any]) -> bytes | None:
    return request.body.encode("utf-8") if request.body is not None else None
