"""smsc-core: a client core for the SMSC SMS gateway (smsc.ru, smscentre.com).

The library builds each request and reads each answer; the HTTP call is yours, with any client::

    import requests
    from smsc_core import Client

    client = Client("my-login", "my-password")
    req = client.send_sms("79991234567", "Hello!")
    resp = requests.request(req.method, req.url, headers=req.headers, data=req.body)
    result = req.parse(resp.status_code, resp.content)   # {'id': '1234', 'sms_count': 1}

or, following the retry advice to the end (repeats, the backup host, a lost send looked up
before it is sent again): ``smsc_core.deliver(client, client.send_sms(..., id="order-1"))``,
with urllib by default, ``requests_transport()``, ``httpx_transport()``, or awaited with
``deliver_async`` and ``httpx_async_transport()`` or ``aiohttp_transport(session)``.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from . import _native
from ._native import OPERATIONS, Request
from ._operations import Operations
from .delivery import Attempt, deliver, deliver_async, pages, pages_async
from .errors import (
    ApiError,
    AuthError,
    CodeAlreadySentError,
    DeleteFailedError,
    ForbiddenError,
    HttpError,
    InsufficientFundsError,
    InternalError,
    InvalidArgumentError,
    InvalidCodeError,
    InvalidDateError,
    InvalidPhoneError,
    IpBlockedError,
    NotFoundError,
    OperationFailedError,
    ParametersError,
    ParseError,
    RateLimitError,
    SaveFailedError,
    SharedBalanceError,
    SignatureError,
    SmscError,
    SubclientNotFoundError,
    TransportError,
    UndeliverableError,
)
from .transport import (
    AsyncTransport,
    Transport,
    aiohttp_transport,
    httpx_async_transport,
    httpx_transport,
    requests_transport,
    urllib_send,
)
from .types import Advice, Callback, PhoneCheck, Phones, Segments, SmtpMessage

__version__ = _native.__version__

__all__ = [
    "OPERATIONS",
    "Advice",
    "ApiError",
    "AsyncTransport",
    "Attempt",
    "AuthError",
    "Callback",
    "Client",
    "CodeAlreadySentError",
    "DeleteFailedError",
    "ForbiddenError",
    "HttpError",
    "InsufficientFundsError",
    "InternalError",
    "InvalidArgumentError",
    "InvalidCodeError",
    "InvalidDateError",
    "InvalidPhoneError",
    "IpBlockedError",
    "NotFoundError",
    "OperationFailedError",
    "ParametersError",
    "ParseError",
    "PhoneCheck",
    "RateLimitError",
    "Request",
    "SaveFailedError",
    "Segments",
    "SharedBalanceError",
    "SignatureError",
    "SmscError",
    "SmtpMessage",
    "SubclientNotFoundError",
    "Transport",
    "TransportError",
    "UndeliverableError",
    "aiohttp_transport",
    "deliver",
    "deliver_async",
    "httpx_async_transport",
    "httpx_transport",
    "normalize_phone",
    "pages",
    "pages_async",
    "parse_callback",
    "requests_transport",
    "segments",
    "send",
    "urllib_send",
]

_R = TypeVar("_R")


def _params(**values: Any) -> dict[str, Any]:
    # Absent keyword arguments are left out, so the core applies the documented defaults.
    return {k: v for k, v in values.items() if v is not None}


class Client(Operations):
    """An SMSC client: credentials and where requests go. It holds no connection.

    Give ``login`` and ``password`` (or the lower-case MD5 hash of the password), or
    ``api_key``. ``host`` picks an SMSC host (``"smsc.ru"`` by default, ``"smscentre.com"``,
    ``"smsc.kz"``, ``"www2.smsc.ru"``…); ``base_url`` any address, e.g. a local test server
    (plain ``http://`` only to this machine unless ``allow_http=True``).
    ``method`` is ``"POST"`` (default: credentials stay out of URLs) or ``"GET"``; ``format``
    is ``"json"`` (default), ``"text"``, ``"csv"`` or ``"xml"``. ``retry`` sets the delays and
    limits of ``Request.advice``: ``base_delay_ms``, ``max_delay_ms``, ``rate_limit_delay_ms``,
    ``max_attempts``, ``backup_from_attempt``.
    """

    __slots__ = ("_native",)

    def __init__(
        self,
        login: str | None = None,
        password: str | None = None,
        *,
        api_key: str | None = None,
        host: str | None = None,
        base_url: str | None = None,
        method: str | None = None,
        format: str | None = None,
        allow_http: bool = False,
        retry: dict[str, int] | None = None,
    ) -> None:
        self._native = _native.Client(
            _params(
                login=login,
                password=password,
                api_key=api_key,
                host=host,
                base_url=base_url,
                method=method,
                format=format,
                allow_http=allow_http or None,
                retry=retry,
            )
        )

    def __repr__(self) -> str:
        return repr(self._native)

    @property
    def base_url(self) -> str:
        """The base address requests go to."""
        return self._native.base_url

    def prepare(self, op: str, params: dict[str, Any] | None = None) -> Request[Any]:
        """Builds the request of any operation by name (see ``OPERATIONS``)."""
        return self._native.prepare(op, params)

    def smtp_message(
        self, phones: Phones | None = None, message: str | None = None, **options: Any
    ) -> SmtpMessage:
        """Builds the e-mail that sends ``message`` through SMSC's SMTP route: ``to``,
        ``server``, ``headers`` and ``body`` for your SMTP client (``smtplib``). Options: id,
        time (without a colon), tz, translit, format, sender, test, list."""
        return self._native.smtp_message(_params(phones=phones, message=message, **options))


def parse_callback(
    body: bytes | str,
    *,
    secret: str | None = None,
    charset: str | None = None,
    content_type: str | None = None,
) -> Callback:
    """Reads a notification SMSC posted to your handler address (the raw POST body).

    ``kind`` tells what it is: ``"status"``, ``"incoming"`` or ``"call_confirmation"``. With
    ``secret`` (the value given as ``md5=…``, ``sha1=…`` or ``crc32=…`` in the handler address)
    a notification without a matching checksum raises :class:`SignatureError`. ``charset`` is the
    one in the handler address (SMSC's default is windows-1251).
    """
    options = _params(secret=secret, charset=charset, content_type=content_type)
    return _native.parse_callback(body, options or None)


def segments(
    text: str, *, price_per_part: Decimal | str | int | None = None, recipients: int = 1
) -> Segments:
    """How ``text`` is split into SMS, offline: the alphabet (``"gsm7"`` or ``"ucs2"``, with
    ``ucs2_because`` naming the first character that forced UCS-2), the characters, the units
    it takes, the parts, their size and the room left in the last one. With ``price_per_part``
    (exact: a ``Decimal`` or a ``str``, never a float) ``price`` is what it costs for
    ``recipients``."""
    return _native.segments(text, price_per_part, recipients)


def normalize_phone(phone: str) -> PhoneCheck:
    """Checks and normalises one phone number, offline: ``valid``, ``normalized`` (separators
    removed, a Russian ``8…`` as ``7…``, ``+`` kept) and, when not valid, ``reason``."""
    return _native.normalize_phone(phone)


def send(
    request: Request[_R],
    transport: Callable[[Request[Any]], tuple[int, bytes]] = urllib_send,
) -> _R:
    """Sends ``request`` with ``transport`` (urllib by default) and returns the parsed result."""
    status, body = transport(request)
    return request.parse(status, body)
