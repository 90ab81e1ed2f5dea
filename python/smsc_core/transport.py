"""A dependency-free HTTP transport on ``urllib.request``.

smsc-core never opens sockets itself: any HTTP client works (``requests``, ``httpx``,
``aiohttp``…). This module is the stdlib default used by :func:`smsc_core.send`.
"""

from __future__ import annotations

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
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise TransportError(f"no answer from {request.operation} request: {reason}") from None
