"""A reliable send: the retry advice followed to the end, sync and async.

:func:`deliver` (and :func:`deliver_async`) sends a request with the HTTP client you choose and
follows the core's advice after each failure: a read is repeated after the advised delay (on the
backup host from the third attempt), a send carrying your own ``id`` is looked up with
status.php before it is ever sent again, a send without one is never repeated. What to do at
each step is decided in the core, the same in every language; this module only moves bytes,
sleeps and reads the clock, each of which you can replace.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from . import _native
from .errors import InvalidArgumentError, SmscError, TransportError
from .transport import DEFAULT_TIMEOUT, AsyncTransport, Transport, urllib_send

if TYPE_CHECKING:
    from . import Client
    from ._native import Request
    from .types import Advice

_R = TypeVar("_R")


@dataclass(frozen=True)
class Attempt:
    """One exchange about to be made, given to ``on_attempt`` (for logs: nothing in it carries
    credentials)."""

    #: The operation delivered (``"send_sms"``…).
    operation: str
    #: ``"request"`` for the request itself, ``"status_check"`` for status.php asked whether a
    #: send whose answer was lost went out.
    purpose: Literal["request", "status_check"]
    #: Its number among the attempts of its purpose, 1 for the first.
    number: int
    #: The seconds the exchange may take.
    timeout: float
    #: The request sent, on one line, credentials replaced by ``***``.
    request: str


def _options(
    max_attempts: int | None, timeout: float | None, deadline: float | None
) -> dict[str, int]:
    def ms(name: str, seconds: float | None) -> int | None:
        if seconds is None:
            return None
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds <= 0:
            raise InvalidArgumentError(
                f"invalid argument `{name}`: give a positive number of seconds, such as 10",
                field=name,
            )
        return max(1, round(seconds * 1000))

    if max_attempts is not None and (
        isinstance(max_attempts, bool) or not isinstance(max_attempts, int) or max_attempts < 1
    ):
        raise InvalidArgumentError(
            "invalid argument `max_attempts`: give a whole number of attempts, 1 or more",
            field="max_attempts",
        )
    out = {
        "max_attempts": max_attempts,
        "timeout_ms": ms("timeout", timeout),
        "deadline_ms": ms("deadline", deadline),
    }
    return {k: v for k, v in out.items() if v is not None}


class _Run:
    """What the sync and async loops share: the core's delivery and the last failure."""

    def __init__(
        self,
        client: Client,
        request: Request[Any],
        options: dict[str, int],
        on_attempt: Callable[[Attempt], object] | None,
    ) -> None:
        self.delivery = _native.Delivery(client._native, request, **options)
        self.request = request
        self.on_attempt = on_attempt
        self.failure: BaseException | None = None
        self.transport = "other"

    def attempt(self, step: tuple[Any, ...]) -> tuple[Request[Any], float]:
        _, request, purpose, number, timeout_ms = step
        timeout = timeout_ms / 1000
        if self.on_attempt is not None:
            self.on_attempt(Attempt(request.operation, purpose, number, timeout, str(request)))
        return request, timeout

    def answered(self, status: int, body: bytes) -> None:
        self.failure = None
        self.delivery.answer(status, body)

    def failed(self, err: BaseException) -> None:
        try:
            self.transport = self.delivery.no_answer(err)
        except InvalidArgumentError:
            # Not a transport failure: a bug in the transport or the calling code, raised as it is.
            raise err from None
        self.failure = err

    def stop(self, advice: Advice, error: SmscError | None) -> SmscError:
        if error is None:
            # No answer to the last attempt: the HTTP client's exception, in smsc-core's terms.
            cause = self.failure
            if isinstance(cause, TransportError):
                error = cause
            else:
                error = TransportError(
                    f"no answer to the {self.request.operation} request: {cause}",
                    transport=self.transport,
                )
                error.__cause__ = cause
        error.advice = advice
        return error


def deliver(
    client: Client,
    request: Request[_R],
    *,
    transport: Transport = urllib_send,
    max_attempts: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float | None = None,
    on_attempt: Callable[[Attempt], object] | None = None,
    sleep: Callable[[float], object] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> _R:
    """Sends ``request`` until it has a result, following the retry advice; returns the result.

    ``transport`` moves the bytes (urllib by default; :func:`smsc_core.transport.requests_transport`
    and :func:`~smsc_core.transport.httpx_transport` use those clients). ``max_attempts`` bounds
    the attempts (the client's ``retry`` setting by default), ``timeout`` each exchange and
    ``deadline`` the whole delivery, waits included, in seconds. ``on_attempt`` is called before
    each exchange with an :class:`Attempt`; ``sleep`` and ``clock`` replace the real ones.

    When the advice is to stop, the last error is raised with the advice as its ``advice``
    attribute: an SMSC error, or a :class:`TransportError` when the last attempt got no answer.
    A send whose answer was lost but that status.php shows went out is not sent again: its
    result is what status.php reports (its id, parts and cost).
    """
    run = _Run(client, request, _options(max_attempts, timeout, deadline), on_attempt)
    return _deliver(run, transport, sleep, clock)


def _deliver(
    run: _Run,
    transport: Transport,
    sleep: Callable[[float], object],
    clock: Callable[[], float],
) -> Any:
    while True:
        step = run.delivery.next(int(clock() * 1000))
        if step[0] == "send":
            exchange, seconds = run.attempt(step)
            try:
                status, body = transport(exchange, seconds)
            except Exception as err:
                run.failed(err)
            else:
                run.answered(status, body)
        elif step[0] == "wait":
            sleep(step[1] / 1000)
        elif step[0] == "done":
            return step[1]
        else:
            raise run.stop(step[1], step[2])


async def deliver_async(
    client: Client,
    request: Request[_R],
    *,
    transport: AsyncTransport,
    max_attempts: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float | None = None,
    on_attempt: Callable[[Attempt], object] | None = None,
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> _R:
    """:func:`deliver`, awaited: ``transport`` is async
    (:func:`smsc_core.transport.httpx_async_transport`,
    :func:`~smsc_core.transport.aiohttp_transport`) and so is ``sleep``."""
    run = _Run(client, request, _options(max_attempts, timeout, deadline), on_attempt)
    return await _deliver_async(run, transport, sleep, clock)


async def _deliver_async(
    run: _Run,
    transport: AsyncTransport,
    sleep: Callable[[float], Awaitable[object]],
    clock: Callable[[], float],
) -> Any:
    while True:
        step = run.delivery.next(int(clock() * 1000))
        if step[0] == "send":
            exchange, seconds = run.attempt(step)
            try:
                status, body = await transport(exchange, seconds)
            except Exception as err:
                run.failed(err)
            else:
                run.answered(status, body)
        elif step[0] == "wait":
            await sleep(step[1] / 1000)
        elif step[0] == "done":
            return step[1]
        else:
            raise run.stop(step[1], step[2])


def pages(
    client: Client,
    request: Request[_R],
    *,
    transport: Transport = urllib_send,
    max_attempts: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float | None = None,
    on_attempt: Callable[[Attempt], object] | None = None,
    sleep: Callable[[float], object] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[_R]:
    """The pages of a paged list (``history``, ``incoming``, ``contacts``) from ``request`` on,
    each delivered as :func:`deliver` does (the options are its own, ``deadline`` per page),
    until the last::

        for page in smsc_core.pages(client, client.history(cnt=100)):
            for message in page["messages"]: ...
    """
    options = _options(max_attempts, timeout, deadline)
    current: Request[Any] | None = request
    while current is not None:
        run = _Run(client, current, options, on_attempt)
        yield _deliver(run, transport, sleep, clock)
        current = run.delivery.next_page


async def pages_async(
    client: Client,
    request: Request[_R],
    *,
    transport: AsyncTransport,
    max_attempts: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float | None = None,
    on_attempt: Callable[[Attempt], object] | None = None,
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> AsyncIterator[_R]:
    """:func:`pages`, awaited:
    ``async for page in smsc_core.pages_async(client, req, transport=…)``."""
    options = _options(max_attempts, timeout, deadline)
    current: Request[Any] | None = request
    while current is not None:
        run = _Run(client, current, options, on_attempt)
        yield await _deliver_async(run, transport, sleep, clock)
        current = run.delivery.next_page
