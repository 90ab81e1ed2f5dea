"""Runs every case of the shared fixture corpus through the Python frontend."""

import base64
from decimal import Decimal

import pytest
from conftest import load_cases

import smsc_core

CASES = load_cases()

ERROR_CLASSES = {
    "invalid": smsc_core.InvalidArgumentError,
    "api": smsc_core.ApiError,
    "http": smsc_core.HttpError,
    "parse": smsc_core.ParseError,
}
REASON_CLASSES = {
    "auth": smsc_core.AuthError,
    "rate_limited": smsc_core.RateLimitError,
    "insufficient_funds": smsc_core.InsufficientFundsError,
    "invalid_phone": smsc_core.InvalidPhoneError,
    "ip_blocked": smsc_core.IpBlockedError,
}


def test_the_corpus_is_there():
    assert len(CASES) >= 40


def plain(value):
    """The result as JSON data; checks on the way that money arrives as Decimal."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


MONEY_KEYS = {"balance", "cost", "credit"}


def assert_money_is_decimal(value):
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "fields":
                continue  # a notification's raw fields, text as received
            if k in MONEY_KEYS:
                assert isinstance(v, Decimal), f"{k} is {type(v).__name__}, not Decimal"
            assert_money_is_decimal(v)
    elif isinstance(value, list):
        for v in value:
            assert_money_is_decimal(v)


def secrets(client):
    return [client[k] for k in ("password", "api_key") if len(client.get(k, "")) >= 4]


def check_error(err, want, case):
    assert isinstance(err, smsc_core.SmscError)
    assert err.kind == want["kind"]
    assert isinstance(err, ERROR_CLASSES[want["kind"]])
    if "code" in want:
        assert err.code == want["code"]
    if "reason" in want:
        assert err.reason == want["reason"]
        if want["reason"] in REASON_CLASSES:
            assert isinstance(err, REASON_CLASSES[want["reason"]])
    if "field" in want:
        assert err.field == want["field"]
    assert err.message_id == want.get("id")
    for secret in secrets(case["client"]):
        assert secret not in str(err) and secret not in repr(err)


def run_callback_case(case):
    cb = case["callback"]
    body = base64.b64decode(cb["body_base64"]) if "body_base64" in cb else cb["body"].encode()
    options = cb.get("options") or {}
    want = case["expect"]
    if "result" in want:
        result = smsc_core._native.parse_callback(body, options or None)
        assert_money_is_decimal(result)
        assert plain(result) == want["result"]
    else:
        with pytest.raises(smsc_core.SmscError) as info:
            smsc_core._native.parse_callback(body, options or None)
        err = info.value
        assert err.kind == want["error"]["kind"]
        if want["error"]["kind"] == "signature":
            assert isinstance(err, smsc_core.SignatureError)
        if "field" in want["error"]:
            assert err.field == want["error"]["field"]
        secret = options.get("secret", "")
        assert len(secret) < 4 or secret not in str(err)


def run_smtp_case(case):
    want = case["expect"]
    build = lambda: smsc_core._native.Client(case["client"]).smtp_message(case["params"])  # noqa: E731
    if "result" in want:
        assert build() == want["result"]
    else:
        with pytest.raises(smsc_core.SmscError) as info:
            build()
        check_error(info.value, want["error"], case)


@pytest.mark.parametrize("name,case", CASES, ids=[name for name, _ in CASES])
def test_fixture(name, case):
    if case["op"] == "parse_callback":
        run_callback_case(case)
        return
    if case["op"] == "smtp_message":
        run_smtp_case(case)
        return
    want = case["expect"]
    if "request" not in case:
        with pytest.raises(smsc_core.SmscError) as info:
            smsc_core._native.Client(case["client"]).prepare(case["op"], case["params"])
        check_error(info.value, want["error"], case)
        return
    request = smsc_core._native.Client(case["client"]).prepare(case["op"], case["params"])
    expected = case["request"]
    assert request.method == expected["method"]
    assert request.url == expected["url"]
    assert request.headers == expected["headers"]
    assert request.body == expected["body"]
    for secret in secrets(case["client"]):
        assert secret not in repr(request)
    response = case["response"]
    if "body_base64" in response:
        body = base64.b64decode(response["body_base64"])
    else:
        body = response["body"].encode("utf-8")
    if "result" in want:
        result = request.parse(response["status"], body)
        assert_money_is_decimal(result)
        assert plain(result) == want["result"]
    else:
        with pytest.raises(smsc_core.SmscError) as info:
            request.parse(response["status"], body)
        check_error(info.value, want["error"], case)
