import os
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, BinaryIO, Generic, TypeVar, final

from .types import Advice, Callback, Effect, PhoneCheck, Segments, SmtpMessage

_R = TypeVar("_R", covariant=True)

__all__ = [
    "OPERATIONS",
    "Client",
    "Delivery",
    "Multipart",
    "Request",
    "__version__",
    "_panic_for_tests",
    "normalize_phone",
    "parse_callback",
    "segments",
]
OPERATIONS: list[str]
__version__: str

@final
class Client:
    """Client settings as a dict (``login``, ``password``, ``api_key``, ``host``, ``base_url``,
    ``method``, ``format``, ``retry``); ``smsc_core.Client`` wraps it with keyword arguments."""

    def __new__(cls, config: dict[str, Any]) -> Client: ...
    def prepare(self, op: str, params: dict[str, Any] | None = None) -> Request[Any]: ...
    def _prepare_by_value(self, op: str, params: dict[str, Any] | None = None) -> Request[Any]:
        """``prepare`` through JSON data only; for the tests that check both read alike."""
    def _prepare_in_place(
        self, op: str, params: dict[str, Any] | None = None
    ) -> Request[Any] | None:
        """``prepare`` reading the values in place only (``None`` if they do not read so)."""
    def smtp_message(self, params: dict[str, Any] | None = None) -> SmtpMessage: ...
    @property
    def base_url(self) -> str: ...

@final
class Request(Generic[_R]):
    """A request for any HTTP client; ``parse`` reads its answer. ``_R`` is the result type."""

    @property
    def method(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def headers(self) -> dict[str, str]: ...
    @property
    def body(self) -> str | None: ...
    @property
    def operation(self) -> str: ...
    @property
    def effect(self) -> Effect:
        """``"read"``, ``"idempotent"``, ``"send"`` or ``"create"``."""
    def parse(self, status: int, body: bytes | bytearray | str) -> _R: ...
    def advice(self, failure: BaseException, attempt: int = 1) -> Advice:
        """What to do after attempt ``attempt`` failed with ``failure``: an smsc-core exception,
        or what the HTTP client raised (an ``OSError``, an exception of requests, httpx or
        aiohttp). Raises ``InvalidArgumentError`` for an exception that is no transport failure,
        which is never advised."""
    def at(self, base_url: str) -> Request[_R]: ...
    def with_files(
        self,
        files: Iterable[
            str | os.PathLike[str] | BinaryIO | tuple[str, bytes] | tuple[str, bytes, str]
        ],
        boundary: str | None = None,
    ) -> Multipart:
        """This request with files, as a ``multipart/form-data`` body: each file a path, an open
        binary file, or ``(name, bytes[, content_type])``. Checked before a body exists: the
        operation must take files (``send_mms``, ``send_email``, ``send_call``, ``sender_add``,
        ``sender_update``), no file empty, names without directories, the documented types and
        sizes (sender documents: jpg, tif, pdf, png, zip, rar, at most 3 MB)."""

@final
class Multipart:
    """A request with files: POST ``url`` with ``headers`` and ``body``; read the answer with
    the request's ``parse``."""

    @property
    def method(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def headers(self) -> dict[str, str]: ...
    @property
    def body(self) -> bytes: ...

@final
class Delivery:
    """The core's delivery steps; ``smsc_core.deliver`` runs them."""

    def __new__(
        cls,
        client: Client,
        request: Request[Any],
        max_attempts: int | None = None,
        timeout_ms: int | None = None,
        deadline_ms: int | None = None,
    ) -> Delivery: ...
    def next(self, now_ms: int) -> tuple[Any, ...]: ...
    def answer(self, status: int, body: bytes | bytearray | str) -> None: ...
    def no_answer(self, failure: BaseException) -> str: ...
    @property
    def already_sent(self) -> bool: ...
    @property
    def next_page(self) -> Request[Any] | None: ...

def segments(
    text: str, price_per_part: Decimal | str | int | None = None, recipients: int = 1
) -> Segments: ...
def normalize_phone(phone: str) -> PhoneCheck: ...
def parse_callback(
    body: bytes | bytearray | str, options: dict[str, Any] | None = None
) -> Callback: ...
def _panic_for_tests() -> None: ...
