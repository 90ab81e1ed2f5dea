"""The exceptions smsc-core raises.

Every error is an ``SmscError`` with the same attributes in every language: ``kind``
(``"invalid"``, ``"api"``, ``"http"``, ``"parse"``, ``"signature"``, ``"internal"``, or
``"transport"`` for a
network failure of the bundled urllib transport), ``code`` (the SMSC error code, or the HTTP
status), ``reason`` (what an SMSC code means for the script that answered, e.g. ``"auth"``),
``field`` (the argument at fault) and ``message_id`` (the id SMSC attached to a send error).
An error raised by :func:`smsc_core.deliver` also carries the ``advice`` that ended it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .types import Advice


class SmscError(Exception):
    """Base class of every smsc-core error."""

    kind: str = "internal"

    def __init__(
        self,
        message: str,
        *,
        code: int | None = None,
        reason: str | None = None,
        field: str | None = None,
        message_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.reason = reason
        self.field = field
        self.message_id = message_id
        #: Set by :func:`smsc_core.deliver` when the advice ended the delivery: what to do now.
        self.advice: Advice | None = None


class InvalidArgumentError(SmscError, ValueError):
    """The arguments were rejected before any request was built; ``field`` names the culprit."""

    kind = "invalid"


class ApiError(SmscError):
    """SMSC answered with one of its error codes (``code``, ``reason``)."""

    kind = "api"


class ParametersError(ApiError):
    """Code 1: SMSC found an error in the parameters."""


class AuthError(ApiError):
    """Code 2: wrong login, password or API key, or an IP not on the allowed list."""


class InsufficientFundsError(ApiError):
    """Not enough money on the account to send."""


class IpBlockedError(ApiError):
    """Code 4: the IP address is temporarily blocked after frequent errors."""


class InvalidDateError(ApiError):
    """The send time was not understood by the server."""


class ForbiddenError(ApiError):
    """The message was refused (text, sender name, or mass mailing without a contract)."""


class InvalidPhoneError(ApiError):
    """The server found a phone number of invalid format."""


class UndeliverableError(ApiError):
    """The message cannot be delivered to this number."""


class DeleteFailedError(ApiError):
    """The message could not be deleted."""


class SaveFailedError(ApiError):
    """Code 3 on jobs.php, 8 on users.php, 5 on senders.php: the record could not be saved."""


class NotFoundError(ApiError):
    """Code 3: what the request names does not exist: no records (phones.php, users.php,
    documents.php), no such sender name (senders.php), no operator known for the number
    (info.php), no such short link (tinyurls.php)."""


class OperationFailedError(ApiError):
    """Code 5 on phones.php, users.php and documents.php: the operation could not be carried out."""


class SubclientNotFoundError(ApiError):
    """Code 6 on users.php and documents.php: no sub-client has the given login."""


class SharedBalanceError(ApiError):
    """Code 7 on users.php: a sub-client sharing the main balance, or balance2=1 missing."""


class CodeAlreadySentError(ApiError):
    """Code 10 on senders.php: a code was already sent to this number; retry after 8 hours."""


class InvalidCodeError(ApiError):
    """Code 11 on senders.php: the confirmation code is wrong."""


class RateLimitError(ApiError):
    """Code 9: too many (identical or simultaneous) requests; wait before repeating."""


class HttpError(SmscError):
    """The HTTP status was outside 2xx; ``code`` is the status."""

    kind = "http"


class ParseError(SmscError):
    """The body is not an SMSC answer (HTML page, empty, truncated JSON, wrong charset)."""

    kind = "parse"


class SignatureError(SmscError):
    """A notification's checksum is missing or does not match the secret: do not trust it."""

    kind = "signature"


class InternalError(SmscError):
    """A bug in smsc-core; please report it."""

    kind = "internal"


class TransportError(SmscError):
    """No answer at all. ``transport`` says how it failed: ``"refused"``, ``"reset"``,
    ``"timeout"``, ``"closed"`` (the server hung up without answering) or ``"other"``."""

    kind = "transport"

    def __init__(self, message: str, *, transport: str = "other") -> None:
        super().__init__(message)
        self.transport = transport


_BY_REASON = {
    "parameters": ParametersError,
    "auth": AuthError,
    "insufficient_funds": InsufficientFundsError,
    "ip_blocked": IpBlockedError,
    "invalid_date": InvalidDateError,
    "forbidden": ForbiddenError,
    "invalid_phone": InvalidPhoneError,
    "undeliverable": UndeliverableError,
    "delete_failed": DeleteFailedError,
    "save_failed": SaveFailedError,
    "not_found": NotFoundError,
    "operation_failed": OperationFailedError,
    "subclient_not_found": SubclientNotFoundError,
    "shared_balance": SharedBalanceError,
    "code_already_sent": CodeAlreadySentError,
    "invalid_code": InvalidCodeError,
    "rate_limited": RateLimitError,
}

_BY_KIND = {
    "invalid": InvalidArgumentError,
    "api": ApiError,
    "http": HttpError,
    "parse": ParseError,
    "signature": SignatureError,
    "internal": InternalError,
}


def _from_native(
    kind: str,
    message: str,
    code: int | None,
    reason: str | None,
    field: str | None,
    message_id: str | None,
) -> SmscError:
    """Builds the exception for an error the core reported (called by the native module)."""
    cls = _BY_KIND.get(kind, InternalError)
    if kind == "api" and reason in _BY_REASON:
        cls = _BY_REASON[reason]
    return cls(message, code=code, reason=reason, field=field, message_id=message_id)
