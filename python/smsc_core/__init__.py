"""smsc-core: a client core for the SMSC SMS gateway (smsc.ru, smscentre.com).

The library builds each request and reads each answer; the HTTP call is yours, with any client::

    import requests
    from smsc_core import Client

    client = Client("my-login", "my-password")
    req = client.send_sms("79991234567", "Hello!")
    resp = requests.request(req.method, req.url, headers=req.headers, data=req.body)
    result = req.parse(resp.status_code, resp.content)   # {'id': '1234', 'sms_count': 1}

or with the bundled stdlib transport: ``smsc_core.send(client.balance())``.
"""

from __future__ import annotations

from typing import Any, Callable, TypeVar, Union

from . import _native
from ._native import OPERATIONS, Request
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
from .transport import urllib_send
from .types import (
    Advice,
    Balance,
    ContactList,
    CostResult,
    Created,
    DeleteResult,
    Document,
    Done,
    GroupList,
    HistoryResult,
    IncomingResult,
    JobAddResult,
    JobCancelled,
    JobDeleted,
    JobList,
    ListedRecord,
    MonitoringEventResult,
    OperatorInfoResult,
    OperatorTemplateAdded,
    OperatorTemplateList,
    Payment,
    RatesResult,
    SenderList,
    SendResult,
    ShortLinkResult,
    StatisticsResult,
    StatusResult,
    SubclientStats,
    TemplateAdded,
    TemplateDeleted,
    TemplateList,
    TemplateUpdated,
)

__version__ = _native.__version__

__all__ = [
    "OPERATIONS",
    "Advice",
    "ApiError",
    "AuthError",
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
    "RateLimitError",
    "Request",
    "SaveFailedError",
    "SharedBalanceError",
    "SignatureError",
    "SmscError",
    "SubclientNotFoundError",
    "TransportError",
    "UndeliverableError",
    "parse_callback",
    "send",
    "urllib_send",
]

Phones = Union[str, list[str]]
_R = TypeVar("_R")


def _params(**values: Any) -> dict[str, Any]:
    # Absent keyword arguments are left out, so the core applies the documented defaults.
    return {k: v for k, v in values.items() if v is not None}


class Client:
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

    # The operations without a method written out below: the loop after the class makes them at
    # run time from the core's own list; these lines declare them (and their result types) to
    # type checkers. A new core operation needs one line here and one in ``types.RESULTS``.
    send_hlr: Callable[..., Request[SendResult]]
    send_ping: Callable[..., Request[SendResult]]
    send_mms: Callable[..., Request[SendResult]]
    send_email: Callable[..., Request[SendResult]]
    send_call: Callable[..., Request[SendResult]]
    send_viber: Callable[..., Request[SendResult]]
    send_telegram: Callable[..., Request[SendResult]]
    send_sms_json: Callable[..., Request[SendResult]]
    # Mailing lists, templates and monitoring events.
    job_add: Callable[..., Request[JobAddResult]]
    job_delete: Callable[..., Request[JobDeleted]]
    job_cancel: Callable[..., Request[JobCancelled]]
    job: Callable[..., Request[ListedRecord]]
    jobs: Callable[..., Request[JobList]]
    template_add: Callable[..., Request[TemplateAdded]]
    template_update: Callable[..., Request[TemplateUpdated]]
    template_delete: Callable[..., Request[TemplateDeleted]]
    templates: Callable[..., Request[TemplateList]]
    operator_template_add: Callable[..., Request[OperatorTemplateAdded]]
    operator_templates: Callable[..., Request[OperatorTemplateList]]
    monitoring_event: Callable[..., Request[MonitoringEventResult]]
    # Contacts, sub-clients, sender names and documents.
    contact_add: Callable[..., Request[Created]]
    contact_update: Callable[..., Request[Done]]
    contact_delete: Callable[..., Request[Done]]
    contacts: Callable[..., Request[ContactList]]
    group_add: Callable[..., Request[Created]]
    group_update: Callable[..., Request[Done]]
    group_delete: Callable[..., Request[Done]]
    groups: Callable[..., Request[GroupList]]
    contact_group_move: Callable[..., Request[Done]]
    contact_group_add: Callable[..., Request[Done]]
    contact_group_remove: Callable[..., Request[Done]]
    blacklist_add: Callable[..., Request[Created]]
    blacklist_delete: Callable[..., Request[Done]]
    subclient_add: Callable[..., Request[Done]]
    subclient_update: Callable[..., Request[Done]]
    subclient_pay: Callable[..., Request[Payment]]
    subclient_stats: Callable[..., Request[SubclientStats]]
    subclient_stats_detailed: Callable[..., Request[SubclientStats]]
    senders: Callable[..., Request[SenderList]]
    sender_add: Callable[..., Request[Done]]
    sender_update: Callable[..., Request[Done]]
    sender_delete: Callable[..., Request[Done]]
    sender_send_code: Callable[..., Request[Done]]
    sender_check_code: Callable[..., Request[Done]]
    invoice_add: Callable[..., Request[Done]]
    invoice_get: Callable[..., Request[Document]]
    act_get: Callable[..., Request[Document]]
    # Getting data.
    history: Callable[..., Request[HistoryResult]]
    incoming: Callable[..., Request[IncomingResult]]
    statistics: Callable[..., Request[StatisticsResult]]
    rates: Callable[..., Request[RatesResult]]
    operator_info: Callable[..., Request[OperatorInfoResult]]
    short_link: Callable[..., Request[ShortLinkResult]]

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
    ) -> dict[str, Any]:
        """Builds the e-mail that sends ``message`` through SMSC's SMTP route: ``to``,
        ``server``, ``headers`` and ``body`` for your SMTP client (``smtplib``). Options: id,
        time (without a colon), tz, translit, format, sender, test, list."""
        return self._native.smtp_message(_params(phones=phones, message=message, **options))

    def balance(self, *, currency: bool = False) -> Request[Balance]:
        """The account balance; ``currency=True`` adds the currency code."""
        return self.prepare("balance", _params(currency=currency or None))

    def send_sms(self, phones: Phones, message: str, **options: Any) -> Request[SendResult]:
        """Sends ``message`` to ``phones``. Options: sender, translit, tinyurl, time, tz, period,
        freq, flash, id, valid, maxsms, cost (0-3), err, op, userip."""
        return self.prepare("send_sms", _params(phones=phones, message=message, **options))

    def cost(self, phones: Phones, message: str, **options: Any) -> Request[CostResult]:
        """The price of sending ``message`` to ``phones``, without sending it."""
        return self.prepare("cost", _params(phones=phones, message=message, **options))

    def status(
        self,
        id: int | str | None = None,
        phone: str | None = None,
        *,
        messages: list[dict[str, Any]] | None = None,
        all: int = 0,
    ) -> Request[StatusResult]:
        """The status of one message (``id``, ``phone``) or several (``messages`` of dicts with
        ``id`` and ``phone``). ``all``: 0 status, 1 full information, 2 also country/operator."""
        return self.prepare(
            "status", _params(id=id, phone=phone, messages=messages, all=all or None)
        )

    def delete_message(
        self,
        id: int | str | None = None,
        phone: str | None = None,
        *,
        messages: list[dict[str, Any]] | None = None,
    ) -> Request[DeleteResult]:
        """Deletes one sent message (``id``, ``phone``) or several (``messages``)."""
        return self.prepare("delete_message", _params(id=id, phone=phone, messages=messages))


def _operation_method(op: str) -> Callable[..., Request[Any]]:
    def method(self: Client, **params: Any) -> Request[Any]:
        return self.prepare(op, _params(**params))

    method._generated = True  # type: ignore[attr-defined]

    method.__name__ = op
    method.__qualname__ = f"Client.{op}"
    method.__doc__ = f"Builds a ``{op}`` request from keyword parameters (see the README)."
    return method


# Every operation of the core is a method of the same name, made from the core's own list, so an
# operation added to the core needs no code here. The methods written out above keep their
# friendlier signatures (positional phones and message, for example).
for _op in OPERATIONS:
    if not hasattr(Client, _op):
        setattr(Client, _op, _operation_method(_op))
del _op


def parse_callback(
    body: bytes | str,
    *,
    secret: str | None = None,
    charset: str | None = None,
    content_type: str | None = None,
) -> dict[str, Any]:
    """Reads a notification SMSC posted to your handler address (the raw POST body).

    ``kind`` tells what it is: ``"status"``, ``"incoming"`` or ``"call_confirmation"``. With
    ``secret`` (the value given as ``md5=…``, ``sha1=…`` or ``crc32=…`` in the handler address)
    a notification without a matching checksum raises :class:`SignatureError`. ``charset`` is the
    one in the handler address (SMSC's default is windows-1251).
    """
    options = _params(secret=secret, charset=charset, content_type=content_type)
    return _native.parse_callback(body, options or None)


def send(
    request: Request[_R],
    transport: Callable[[Request[Any]], tuple[int, bytes]] = urllib_send,
) -> _R:
    """Sends ``request`` with ``transport`` (urllib by default) and returns the parsed result."""
    status, body = transport(request)
    return request.parse(status, body)
