from typing import Any, Generic, TypeVar, final

_R = TypeVar("_R", covariant=True)

__all__ = ["OPERATIONS", "Client", "Request", "__version__", "parse_callback"]
OPERATIONS: list[str]
__version__: str

@final
class Client:
    """Client settings as a dict (``login``, ``password``, ``api_key``, ``host``, ``base_url``,
    ``method``, ``format``); ``smsc_core.Client`` wraps it with keyword arguments."""

    def __new__(cls, config: dict[str, Any]) -> Client: ...
    def prepare(self, op: str, params: dict[str, Any] | None = None) -> Request[Any]: ...
    def smtp_message(self, params: dict[str, Any] | None = None) -> dict[str, Any]: ...
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
    def parse(self, status: int, body: bytes | bytearray | str) -> _R: ...

def parse_callback(
    body: bytes | bytearray | str, options: dict[str, Any] | None = None
) -> dict[str, Any]: ...
