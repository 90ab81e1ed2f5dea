"""The retry advice followed by ``smsc_core.deliver`` against an emulator told to misbehave, with
urllib, requests, httpx and aiohttp: no message is lost and none is sent twice."""

import json
import urllib.parse
import urllib.request

import pytest

import smsc_core
from smsc_core import Client, send

# Tiny delays keep the suite fast; the advice scales them as it would the defaults.
RETRY = {"base_delay_ms": 1, "rate_limit_delay_ms": 2}


def admin(base_url, path, **fields):
    data = urllib.parse.urlencode(fields).encode()
    with urllib.request.urlopen(f"{base_url}/emulator/{path}", data=data) as resp:
        return resp.read().decode()


def sent_with_id(base_url, message_id):
    with urllib.request.urlopen(f"{base_url}/emulator/messages") as resp:
        messages = json.load(resp)["messages"]
    return sum(m["sends"] for m in messages if m["id"] == message_id)


class Recorder:
    """Replaces the delivery's clock and sleep (no real waiting) and records its attempts."""

    def __init__(self):
        self.now = 0.0
        self.waits = []
        self.attempts = []

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.waits.append(round(seconds * 1000))
        self.now += seconds

    async def async_sleep(self, seconds):
        self.sleep(seconds)

    def on_attempt(self, attempt):
        assert "demo-password" not in attempt.request
        self.attempts.append((attempt.purpose, attempt.number))


def follow(client, request, **options):
    """Delivers ``request`` with the library's reliable send (urllib unless a transport is
    given); returns the outcome (``("done", result)`` or ``("gave_up", error)``) and what it
    did."""
    rec = Recorder()
    try:
        result = smsc_core.deliver(
            client, request, sleep=rec.sleep, clock=rec.clock, on_attempt=rec.on_attempt, **options
        )
    except smsc_core.SmscError as err:
        return ("gave_up", err), rec
    return ("done", result), rec


SEND = [("request", 1)]
CHECKED = [("request", 1), ("status_check", 1)]
CHECKED_AND_SENT = [("request", 1), ("status_check", 1), ("request", 2)]


def test_a_send_whose_answer_was_lost_is_found_by_its_id_and_not_sent_again(base_url):
    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    admin(base_url, "faults", fault="lost", script="send.php")
    (how, result), rec = follow(client, client.send_sms("79991234567", "shipped", id="order-1"))
    # The result is the send as status.php reports it.
    assert how == "done" and result["id"] == "order-1" and result["sms_count"] == 1
    assert rec.attempts == CHECKED
    assert sent_with_id(base_url, "order-1") == 1


def test_a_send_that_never_arrived_is_sent_once_after_the_status_check(base_url):
    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    admin(base_url, "faults", fault="drop", script="send.php")
    (how, result), rec = follow(client, client.send_sms("79991234567", "hi", id="order-2"))
    assert how == "done" and result["id"] == "order-2"
    assert rec.attempts == CHECKED_AND_SENT
    assert sent_with_id(base_url, "order-2") == 1


@pytest.mark.parametrize(
    ("fault", "carried_out"), [("truncate", True), ("garble", True), ("html", False)]
)
def test_unreadable_answers_to_a_send_are_checked_the_same_way(base_url, fault, carried_out):
    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    admin(base_url, "faults", fault=fault, script="send.php")
    (how, _), rec = follow(client, client.send_sms("79991234567", "hi", id="order-3"))
    # A proxy's page means the server never saw the send: the check finds nothing, so it goes.
    assert how == "done"
    assert rec.attempts == (CHECKED if carried_out else CHECKED_AND_SENT)
    assert sent_with_id(base_url, "order-3") == 1


def test_a_status_in_the_wrong_charset_is_read_again(base_url):
    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    send(client.send_sms("79991234567", "заказ отправлен", id="order-4"))
    admin(base_url, "faults", fault="charset", script="status.php")
    (how, result), rec = follow(client, client.status("order-4", "79991234567", all=1))
    assert how == "done" and result["messages"][0]["message"] == "заказ отправлен"
    assert rec.attempts == [("request", 1), ("request", 2)]


def test_a_send_without_an_id_is_never_repeated(base_url):
    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    admin(base_url, "faults", fault="lost", script="send.php")
    (how, err), rec = follow(client, client.send_sms("79991234567", "hi"))
    assert how == "gave_up" and isinstance(err, smsc_core.TransportError)
    assert err.transport == "closed"
    assert err.advice["action"] == "check_by_hand" and err.advice["retry"] is False
    assert rec.attempts == SEND
    assert sent_with_id(base_url, "1") == 1


def test_a_balance_read_through_server_errors_is_retried_until_it_succeeds(base_url):
    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    admin(base_url, "faults", fault="http", status="503", count="2", script="balance.php")
    admin(base_url, "faults", fault="drop", script="balance.php")
    (how, result), rec = follow(client, client.balance())
    assert how == "done" and str(result["balance"]) == "1000.00"
    assert rec.waits == [1, 2, 4]
    assert len(rec.attempts) == 4


def test_an_smsc_error_ends_the_delivery_with_that_error_and_its_advice(base_url):
    client = Client("demo", "wrong-password", base_url=base_url, retry=RETRY)
    (how, err), rec = follow(client, client.balance())
    assert how == "gave_up" and isinstance(err, smsc_core.AuthError)
    assert err.advice["action"] == "stop"
    assert rec.attempts == SEND


def test_the_deadline_ends_a_delivery_that_would_wait_past_it(base_url):
    client = Client("demo", "demo-password", base_url=base_url, retry={"base_delay_ms": 1000})
    admin(base_url, "faults", fault="http", status="503", count="5", script="balance.php")
    (how, err), rec = follow(client, client.balance(), deadline=2.5)
    assert how == "gave_up" and isinstance(err, smsc_core.HttpError)
    assert err.advice["action"] == "stop" and "deadline" in err.advice["reason"]
    assert rec.waits == [1000] and len(rec.attempts) == 2


def test_an_exception_that_is_no_transport_failure_propagates_as_it_is(base_url):
    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)

    def broken(request, timeout):
        raise KeyError("a bug in the transport")

    with pytest.raises(KeyError):
        smsc_core.deliver(client, client.balance(), transport=broken)


def test_bad_options_are_typed_errors(base_url):
    client = Client("demo", "demo-password", base_url=base_url)
    for options in ({"max_attempts": 0}, {"timeout": -1}, {"deadline": "soon"}):
        with pytest.raises(smsc_core.InvalidArgumentError):
            smsc_core.deliver(client, client.balance(), **options)


@pytest.mark.parametrize("name", ["requests", "httpx"])
def test_the_requests_and_httpx_transports_find_a_lost_send_and_resend_a_dropped_one(
    base_url, name
):
    transport = getattr(smsc_core, f"{name}_transport")()
    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    admin(base_url, "faults", fault="lost", script="send.php")
    (how, _), rec = follow(
        client, client.send_sms("79991234567", "hi", id="lost-1"), transport=transport
    )
    assert (how, rec.attempts) == ("done", CHECKED)
    admin(base_url, "faults", fault="drop", script="send.php")
    (how, _), rec = follow(
        client, client.send_sms("79991234567", "hi", id="drop-1"), transport=transport
    )
    assert (how, rec.attempts) == ("done", CHECKED_AND_SENT)
    assert (sent_with_id(base_url, "lost-1"), sent_with_id(base_url, "drop-1")) == (1, 1)


def test_a_timeout_of_the_transport_is_retried_for_a_read(base_url):
    import httpx

    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    admin(base_url, "faults", fault="delay", ms="2000", script="balance.php")
    (how, result), rec = follow(
        client, client.balance(), transport=smsc_core.httpx_transport(httpx.Client()), timeout=0.3
    )
    assert how == "done" and str(result["balance"]) == "1000.00"
    assert rec.attempts == [("request", 1), ("request", 2)]


@pytest.mark.parametrize("name", ["httpx", "aiohttp"])
def test_the_async_delivery_finds_a_lost_send_and_resends_a_dropped_one(base_url, name):
    import asyncio

    import aiohttp
    import httpx

    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)

    async def run():
        out = []
        async with httpx.AsyncClient() as hx, aiohttp.ClientSession() as session:
            transport = (
                smsc_core.httpx_async_transport(hx)
                if name == "httpx"
                else smsc_core.aiohttp_transport(session)
            )
            for fault, message_id in (("lost", "a-lost"), ("drop", "a-drop")):
                admin(base_url, "faults", fault=fault, script="send.php")
                rec = Recorder()
                result = await smsc_core.deliver_async(
                    client,
                    client.send_sms("79991234567", "hi", id=message_id),
                    transport=transport,
                    sleep=rec.async_sleep,
                    clock=rec.clock,
                    on_attempt=rec.on_attempt,
                )
                out.append((result["id"], rec.attempts))
        return out

    assert asyncio.run(run()) == [("a-lost", CHECKED), ("a-drop", CHECKED_AND_SENT)]
    assert (sent_with_id(base_url, "a-lost"), sent_with_id(base_url, "a-drop")) == (1, 1)


def test_transport_failures_are_named_and_python_connection_errors_are_understood(base_url):
    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    admin(base_url, "faults", fault="lost", script="balance.php")
    request = client.balance()
    with pytest.raises(smsc_core.TransportError) as caught:
        send(request)
    assert caught.value.transport == "closed"
    assert request.advice(caught.value)["action"] == "retry"
    named = Client("demo", "demo-password", host="smsc.kz", retry=RETRY).balance()
    assert named.advice(ConnectionRefusedError(), 2)["host"] == "www2.smsc.kz"
    assert named.advice(TimeoutError(), 1)["host"] == "smsc.kz"
    with pytest.raises(smsc_core.InvalidArgumentError):
        named.advice(KeyError("not a failure"))
    auth = smsc_core.AuthError("no", code=2, reason="auth")
    assert named.advice(auth)["action"] == "stop"


def _closed_port() -> int:
    """A local port nothing listens on: a connection to it is refused."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _built_errors():
    """Exceptions as requests, httpx, aiohttp, urllib and socket raise them, with what each
    means for the advice. Built rather than provoked where the failure needs a network."""
    import http.client
    import socket
    import urllib.error

    import aiohttp
    import httpx
    import requests
    import urllib3

    refused_inner = urllib3.exceptions.NewConnectionError(None, "Failed to connect")
    max_retries = urllib3.exceptions.MaxRetryError(None, "/sys/send.php", refused_inner)
    aborted = urllib3.exceptions.ProtocolError(
        "Connection aborted.", http.client.RemoteDisconnected("Remote end closed connection")
    )
    return [
        (requests.exceptions.ConnectionError(max_retries), "refused"),
        (requests.exceptions.ConnectionError(aborted), "closed"),
        (requests.exceptions.ConnectTimeout(), "timeout"),
        (requests.exceptions.ReadTimeout(), "timeout"),
        (requests.exceptions.ChunkedEncodingError(), "reset"),
        (requests.exceptions.SSLError(), "other"),
        (httpx.ConnectError("refused"), "refused"),
        (httpx.ConnectTimeout("slow"), "timeout"),
        (httpx.ReadTimeout("slow"), "timeout"),
        (httpx.ReadError("reset"), "reset"),
        (httpx.RemoteProtocolError("Server disconnected without sending a response."), "closed"),
        (httpx.ProxyError("proxy"), "other"),
        (aiohttp.ServerDisconnectedError(), "closed"),
        (aiohttp.ServerTimeoutError(), "timeout"),
        (aiohttp.ClientPayloadError(), "reset"),
        (aiohttp.ClientOSError(), "other"),
        (urllib.error.URLError(ConnectionRefusedError(111, "Connection refused")), "refused"),
        (urllib.error.URLError("unknown url type"), "other"),
        (socket.gaierror(-2, "Name or service not known"), "refused"),
        (TimeoutError(), "timeout"),
        (http.client.RemoteDisconnected("closed"), "closed"),
        (ConnectionResetError(), "reset"),
        (BrokenPipeError(), "reset"),
    ]


def test_exceptions_of_the_common_http_clients_are_read_as_the_transport_failures_they_are():
    request = Client("demo", "demo-password", retry=RETRY).balance()
    for error, transport in _built_errors():
        advice = request.advice(error)
        assert advice["action"] == "retry", (error, advice)
        assert f"(transport: {transport})" in advice["reason"], (type(error), advice["reason"])


def test_a_refused_connection_is_read_from_urllib_requests_and_httpx_alike():
    import httpx
    import requests

    url = f"http://127.0.0.1:{_closed_port()}/sys/balance.php"
    request = Client("demo", "demo-password", retry=RETRY).balance()
    caught = []
    for attempt in (
        lambda: urllib.request.urlopen(url, timeout=5),
        lambda: requests.get(url, timeout=5),
        lambda: httpx.get(url, timeout=5),
    ):
        # Each library raises its own class; what they mean is the point.
        with pytest.raises(Exception) as info:
            attempt()
        caught.append(info.value)
    for error in caught:
        assert "(transport: refused)" in request.advice(error)["reason"], repr(error)


def test_an_aiohttp_refusal_and_timeout_are_read_as_such(base_url):
    import asyncio

    import aiohttp

    async def failures():
        out = []
        async with aiohttp.ClientSession() as session:
            try:
                await session.get(f"http://127.0.0.1:{_closed_port()}/sys/balance.php")
            except aiohttp.ClientError as err:
                out.append(err)
            admin(base_url, "faults", fault="delay", ms="2000", script="balance.php")
            try:
                await session.get(
                    f"{base_url}/sys/balance.php", timeout=aiohttp.ClientTimeout(total=0.2)
                )
            except (aiohttp.ClientError, TimeoutError) as err:
                out.append(err)
        return out

    refused, slow = asyncio.run(failures())
    request = Client("demo", "demo-password", retry=RETRY).balance()
    assert "(transport: refused)" in request.advice(refused)["reason"], repr(refused)
    assert "(transport: timeout)" in request.advice(slow)["reason"], repr(slow)


def test_an_exception_that_is_no_transport_failure_is_refused_never_advised():
    request = Client("demo", "demo-password", retry=RETRY).send_sms("79991234567", "hi", id="a1")
    for error in (KeyError("bug"), ValueError("bug"), TypeError("bug"), RuntimeError("bug")):
        with pytest.raises(smsc_core.InvalidArgumentError, match="not a transport failure"):
            request.advice(error)


def _history_ids(pages):
    return [[m["id"] for m in page["messages"]] for page in pages]


def test_the_history_is_walked_page_by_page_to_its_end(base_url):
    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    for n in range(5):
        smsc_core.deliver(client, client.send_sms("79991234567", "hi", id=f"page-{n}"))
    rec = Recorder()
    pages = list(smsc_core.pages(client, client.history(cnt=2), on_attempt=rec.on_attempt))
    # Newest first, two to a page; the short third page is the last.
    assert _history_ids(pages) == [["page-4", "page-3"], ["page-2", "page-1"], ["page-0"]]
    assert rec.attempts == [("request", 1)] * 3


def test_the_async_pages_walk_the_same_history(base_url):
    import asyncio

    import httpx

    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    for n in range(5):
        smsc_core.deliver(client, client.send_sms("79991234567", "hi", id=f"async-{n}"))

    async def walk():
        async with httpx.AsyncClient() as http:
            transport = smsc_core.httpx_async_transport(http)
            return [
                page
                async for page in smsc_core.pages_async(
                    client, client.history(cnt=2), transport=transport
                )
            ]

    assert _history_ids(asyncio.run(walk())) == [
        ["async-4", "async-3"],
        ["async-2", "async-1"],
        ["async-0"],
    ]
