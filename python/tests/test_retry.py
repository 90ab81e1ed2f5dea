"""Following ``Request.advice`` against an emulator told to misbehave, with urllib: no message
is lost and none is sent twice."""

import json
import time
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


def follow(client, request):
    """Sends ``request``, following the advice after each failure; returns the outcome
    (``"done"`` with the result, ``"already_sent"``, or the advice that ended it) and every
    advice followed."""
    followed = []
    current = request
    attempt = 1
    while True:
        try:
            return ("done", send(current)), followed
        except smsc_core.SmscError as err:
            advice = request.advice(err, attempt)
        followed.append(advice)
        time.sleep(advice["delay_ms"] / 1000)
        if advice["action"] == "check_status":
            check = client.prepare("status", advice["status_check"]).at(advice["base_url"])
            statuses = send(check)["messages"]
            if any(m["status"] != -3 for m in statuses):
                return ("already_sent", None), followed
        elif advice["action"] != "retry":
            return ("gave_up", advice), followed
        current = request.at(advice["base_url"])
        attempt += 1


def test_a_send_whose_answer_was_lost_is_found_by_its_id_and_not_sent_again(base_url):
    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    admin(base_url, "faults", fault="lost", script="send.php")
    outcome, followed = follow(client, client.send_sms("79991234567", "shipped", id="order-1"))
    assert outcome == ("already_sent", None)
    assert [a["action"] for a in followed] == ["check_status"]
    assert followed[0]["status_check"] == {"messages": [{"id": "order-1", "phone": "79991234567"}]}
    assert sent_with_id(base_url, "order-1") == 1


def test_a_send_that_never_arrived_is_sent_once_after_the_status_check(base_url):
    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    admin(base_url, "faults", fault="drop", script="send.php")
    (how, result), followed = follow(client, client.send_sms("79991234567", "hi", id="order-2"))
    assert how == "done" and result["id"] == "order-2"
    assert [a["action"] for a in followed] == ["check_status"]
    assert sent_with_id(base_url, "order-2") == 1


@pytest.mark.parametrize(
    ("fault", "carried_out"), [("truncate", True), ("garble", True), ("html", False)]
)
def test_unreadable_answers_to_a_send_are_checked_the_same_way(base_url, fault, carried_out):
    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    admin(base_url, "faults", fault=fault, script="send.php")
    (how, _), followed = follow(client, client.send_sms("79991234567", "hi", id="order-3"))
    # A proxy's page means the server never saw the send: the check finds nothing, so it goes.
    assert how == ("already_sent" if carried_out else "done")
    assert [a["action"] for a in followed] == ["check_status"]
    assert sent_with_id(base_url, "order-3") == 1


def test_a_status_in_the_wrong_charset_is_read_again(base_url):
    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    send(client.send_sms("79991234567", "заказ отправлен", id="order-4"))
    admin(base_url, "faults", fault="charset", script="status.php")
    (how, result), followed = follow(client, client.status("order-4", "79991234567", all=1))
    assert how == "done" and result["messages"][0]["message"] == "заказ отправлен"
    assert [a["action"] for a in followed] == ["retry"]
    assert "unreadable" in followed[0]["reason"]


def test_a_send_without_an_id_is_never_repeated(base_url):
    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    admin(base_url, "faults", fault="lost", script="send.php")
    (how, advice), _ = follow(client, client.send_sms("79991234567", "hi"))
    assert how == "gave_up"
    assert advice["action"] == "check_by_hand" and advice["retry"] is False
    assert sent_with_id(base_url, "1") == 1


def test_a_balance_read_through_server_errors_is_retried_until_it_succeeds(base_url):
    client = Client("demo", "demo-password", base_url=base_url, retry=RETRY)
    admin(base_url, "faults", fault="http", status="503", count="2", script="balance.php")
    admin(base_url, "faults", fault="drop", script="balance.php")
    (how, result), followed = follow(client, client.balance())
    assert how == "done" and str(result["balance"]) == "1000.00"
    assert [(a["action"], a["delay_ms"]) for a in followed] == [
        ("retry", 1),
        ("retry", 2),
        ("retry", 4),
    ]
    assert all(a["base_url"] == base_url for a in followed)


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
