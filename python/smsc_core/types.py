"""Typed shapes of the results ``Request.parse`` returns (plain dicts at run time).

Keys are the same in every language; money is ``decimal.Decimal`` (exact), and keys the server
did not report are absent.
"""

# No ``from __future__ import annotations`` here: TypedDict must see ``NotRequired`` itself, not
# its text, to know which keys are optional at run time (``__optional_keys__``).
import sys
from decimal import Decimal

if sys.version_info >= (3, 11):
    from typing import NotRequired, TypedDict
else:  # pragma: no cover - older Pythons: typing.TypedDict there ignores NotRequired
    from typing_extensions import NotRequired, TypedDict


class Balance(TypedDict):
    """``balance``: the account balance."""

    balance: Decimal
    credit: NotRequired[Decimal]
    currency: NotRequired[str]


class PhoneResult(TypedDict):
    """Per-number details of a send (``op=True`` or ``err=True``)."""

    phone: str
    mccmnc: NotRequired[str]
    cost: NotRequired[Decimal]
    status: NotRequired[int]
    status_text: NotRequired[str]
    error: NotRequired[int]
    error_text: NotRequired[str]


class SendResult(TypedDict):
    """``send_sms``: what was sent."""

    id: NotRequired[str]
    sms_count: int
    cost: NotRequired[Decimal]
    balance: NotRequired[Decimal]
    phones: NotRequired[list[PhoneResult]]


class CostResult(TypedDict):
    """``cost``: the price of a message."""

    cost: Decimal
    sms_count: int


class HlrData(TypedDict, total=False):
    """The result of an HLR query (``send_hlr``), reported with its status."""

    imsi: str
    msc: str
    mcc: str
    mnc: str
    cn: str
    net: str
    rcn: str
    rnet: str


class MessageStatus(TypedDict):
    """One message of a ``status`` answer."""

    id: NotRequired[str]
    phone: NotRequired[str]
    status: int
    status_text: NotRequired[str]
    is_final: bool
    err: NotRequired[int]
    err_text: NotRequired[str]
    last_date: NotRequired[str]
    last_timestamp: NotRequired[int]
    flag: NotRequired[int]
    send_date: NotRequired[str]
    send_timestamp: NotRequired[int]
    cost: NotRequired[Decimal]
    sender_id: NotRequired[str]
    status_name: NotRequired[str]
    message: NotRequired[str]
    comment: NotRequired[str]
    type: NotRequired[int]
    sms_count: NotRequired[int]
    mccmnc: NotRequired[str]
    country: NotRequired[str]
    operator: NotRequired[str]
    region: NotRequired[str]
    hlr: NotRequired[HlrData]


class StatusResult(TypedDict):
    """``status``: one entry per message asked about, in order."""

    messages: list[MessageStatus]


class DeleteResult(TypedDict):
    """``delete_message``: how many messages the server confirmed as deleted."""

    deleted: int


# ---- Mailing lists, templates and monitoring events ----


class ListedRecord(TypedDict, total=False):
    """A record as the server listed it (``job``, entries of ``jobs``, ``templates``…): every
    named field as text in ``fields``, or the unnamed values of a fmt=1 line in ``values``."""

    id: str
    name: str
    fields: dict[str, str]
    values: list[str]


class JobAddResult(TypedDict):
    """``job_add``: the new mailing list."""

    id: str
    cost: NotRequired[Decimal]


class JobDeleted(TypedDict):
    """``job_delete``: the mailing list deleted."""

    id: str
    deleted: bool


class JobCancelled(TypedDict):
    """``job_cancel``: the mailing list disabled."""

    id: str
    cancelled: bool


class JobList(TypedDict):
    """``jobs``: the mailing lists."""

    jobs: list[ListedRecord]


class TemplateAdded(TypedDict, total=False):
    """``template_add``: the new template's id, when the server names it."""

    id: str


class TemplateUpdated(TypedDict):
    """``template_update``: the template changed."""

    id: str
    updated: bool


class TemplateDeleted(TypedDict):
    """``template_delete``: the template deleted."""

    id: str
    deleted: bool


class TemplateList(TypedDict):
    """``templates``: the message templates."""

    templates: list[ListedRecord]


class OperatorTemplateAdded(TypedDict):
    """``operator_template_add``: accepted, with the per-operator templates when listed."""

    created: bool
    templates: NotRequired[list[ListedRecord]]


class OperatorTemplateList(TypedDict):
    """``operator_templates``: operator and message type in ``name``, the id in ``id``."""

    templates: list[ListedRecord]


class MonitoringEventResult(TypedDict):
    """``monitoring_event``: the event accepted for the task group ``id``."""

    id: str
    accepted: bool


# ---- Contacts, sub-clients, sender names and documents ----


class Created(TypedDict):
    """``contact_add``, ``group_add``, ``blacklist_add``: the new record's id."""

    id: str


class Done(TypedDict):
    """A change or deletion confirmed; ``id`` when the server named the record."""

    ok: bool
    id: NotRequired[str]


class Contact(TypedDict, total=False):
    """A listed contact; fields the server adds beyond these are in ``extra``."""

    id: str
    phones: list[str]
    name: str
    groups: list[str]
    emails: list[str]
    first_name: str
    middle_name: str
    last_name: str
    full_name: str
    birthday: str
    my_id: str
    comment: str
    tags: list[str]
    other_phones: list[str]
    extra: dict[str, str]


class ContactList(TypedDict):
    """``contacts``: the contacts of the account."""

    contacts: list[Contact]


class Group(TypedDict, total=False):
    """A listed contact group."""

    id: str
    name: str
    number: str
    type: int
    count: int
    extra: dict[str, str]


class GroupList(TypedDict):
    """``groups``: the contact groups."""

    groups: list[Group]


class Payment(TypedDict):
    """``subclient_pay``: the transfer confirmed, with the balance when the server names it."""

    ok: bool
    balance: NotRequired[Decimal]


class SubclientStat(TypedDict, total=False):
    """One row of sub-client statistics."""

    user: str
    user_id: str
    date: str
    sms_count: int
    cost: Decimal
    balance: Decimal
    currency: str
    extra: dict[str, str]


class SubclientStats(TypedDict):
    """``subclient_stats``, ``subclient_stats_detailed``: statistics per sub-client."""

    subclients: list[SubclientStat]


class Sender(TypedDict, total=False):
    """A sender name; operator statuses and other fields are in ``extra``."""

    id: str
    sender: str
    status: str
    comment: str
    extra: dict[str, str]


class SenderList(TypedDict):
    """``senders``: the sender names of the account."""

    senders: list[Sender]


class Document(TypedDict, total=False):
    """``invoice_get``, ``act_get``: the file (base64) with its type and size, or a link."""

    content_type: str
    size: int
    data_base64: str
    url: str


# ---- Getting data ----


class HistoryMessage(MessageStatus):
    """A sent message as the history reports it: a status's fields and the history's own."""

    int_id: NotRequired[int]
    format: NotRequired[int]
    crc: NotRequired[str]


class HistoryResult(TypedDict):
    """``history``: one page, newest first; ``next_prev_id`` asks for the next, older one."""

    messages: list[HistoryMessage]
    next_prev_id: NotRequired[int]


class IncomingMessage(TypedDict):
    """An incoming message."""

    id: int
    received: NotRequired[str]
    phone: NotRequired[str]
    to_phone: NotRequired[str]
    sent: NotRequired[str]
    message: NotRequired[str]


class IncomingResult(TypedDict):
    """``incoming``: the messages; ``next_after_id`` is the ``after_id`` of the next request."""

    messages: list[IncomingMessage]
    next_after_id: NotRequired[int]


class AccountStatistics(TypedDict, total=False):
    """What one login sent (``count``), spent (``credit``) and received (``debit``)."""

    login: str
    count: int
    credit: Decimal
    debit: Decimal
    currency: str


class StatisticsResult(TypedDict):
    """``statistics``: one entry per login."""

    accounts: list[AccountStatistics]


class Rate(TypedDict, total=False):
    """The prices of one tariff zone; fields beyond the documented ones in ``other``."""

    zone: str
    name: str
    api: Decimal
    mass: Decimal
    mms: Decimal
    hlr: Decimal
    call: Decimal
    other: dict[str, str]


class RatesResult(TypedDict):
    """``rates``: one entry per tariff zone."""

    zones: list[Rate]


class OperatorInfo(TypedDict, total=False):
    """What the server knows about one number."""

    phone: str
    country: str
    operator: str
    region: str
    mcc: str
    mnc: str
    tz: str


class OperatorInfoResult(TypedDict):
    """``operator_info``: one entry per number, in order."""

    phones: list[OperatorInfo]


class ShortLinkResult(TypedDict, total=False):
    """``short_link``: click counts; fields beyond the documented ones in ``other``."""

    id: str
    clicks: int
    clicks_month: int
    clicks_today: int
    clicks_yesterday: int
    other: dict[str, str]


class MessageKey(TypedDict):
    """One message of a status check: the caller's id and a recipient."""

    id: str
    phone: str


class StatusCheck(TypedDict):
    """The ``status`` parameters that tell whether a send went out."""

    messages: list[MessageKey]


class Advice(TypedDict):
    """``Request.advice``: what to do after a failed attempt.

    ``action`` is ``"retry"`` (send again to ``base_url`` after ``delay_ms``), ``"check_status"``
    (first ``client.prepare("status", advice["status_check"])``; send again only if every
    message has status -3, not found), ``"check_by_hand"`` or ``"stop"`` (never send again).
    """

    action: str
    retry: bool
    delay_ms: int
    next_attempt: int
    host: str
    base_url: str
    reason: str
    status_check: NotRequired[StatusCheck]


RESULTS: dict[str, type] = {
    "balance": Balance,
    "send_sms": SendResult,
    "cost": CostResult,
    "status": StatusResult,
    "delete_message": DeleteResult,
    "send_hlr": SendResult,
    "send_ping": SendResult,
    "send_mms": SendResult,
    "send_email": SendResult,
    "send_call": SendResult,
    "send_viber": SendResult,
    "send_telegram": SendResult,
    "send_sms_json": SendResult,
    # Mailing lists, templates and monitoring events.
    "job_add": JobAddResult,
    "job_delete": JobDeleted,
    "job_cancel": JobCancelled,
    "job": ListedRecord,
    "jobs": JobList,
    "template_add": TemplateAdded,
    "template_update": TemplateUpdated,
    "template_delete": TemplateDeleted,
    "templates": TemplateList,
    "operator_template_add": OperatorTemplateAdded,
    "operator_templates": OperatorTemplateList,
    "monitoring_event": MonitoringEventResult,
    # Contacts, sub-clients, sender names and documents.
    "contact_add": Created,
    "contact_update": Done,
    "contact_delete": Done,
    "contacts": ContactList,
    "group_add": Created,
    "group_update": Done,
    "group_delete": Done,
    "groups": GroupList,
    "contact_group_move": Done,
    "contact_group_add": Done,
    "contact_group_remove": Done,
    "blacklist_add": Created,
    "blacklist_delete": Done,
    "subclient_add": Done,
    "subclient_update": Done,
    "subclient_pay": Payment,
    "subclient_stats": SubclientStats,
    "subclient_stats_detailed": SubclientStats,
    "senders": SenderList,
    "sender_add": Done,
    "sender_update": Done,
    "sender_delete": Done,
    "sender_send_code": Done,
    "sender_check_code": Done,
    "invoice_add": Done,
    "invoice_get": Document,
    "act_get": Document,
    # Getting data.
    "history": HistoryResult,
    "incoming": IncomingResult,
    "statistics": StatisticsResult,
    "rates": RatesResult,
    "operator_info": OperatorInfoResult,
    "short_link": ShortLinkResult,
}
"""The result type of each operation, by operation name."""
