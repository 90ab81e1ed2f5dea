"""Runs every case of the shared fixture corpus through the Python frontend."""

import base64
import json
import re
import sys
import typing
from decimal import Decimal

import pytest
from conftest import FIXTURES, load_cases

import smsc_core
from smsc_core.types import RESULTS

if sys.version_info >= (3, 11):
    from typing import get_type_hints, is_typeddict
else:  # the TypedDicts come from typing_extensions there
    from typing_extensions import get_type_hints, is_typeddict

CASES = load_cases()

# The exception class each error must arrive as, written out here rather than read from
# smsc_core.errors, so that a wrong mapping there fails.
KIND_CLASSES = {
    "invalid": smsc_core.InvalidArgumentError,
    "api": smsc_core.ApiError,
    "http": smsc_core.HttpError,
    "parse": smsc_core.ParseError,
    "signature": smsc_core.SignatureError,
    "internal": smsc_core.InternalError,
}
REASON_CLASSES = {
    "parameters": smsc_core.ParametersError,
    "auth": smsc_core.AuthError,
    "insufficient_funds": smsc_core.InsufficientFundsError,
    "ip_blocked": smsc_core.IpBlockedError,
    "invalid_date": smsc_core.InvalidDateError,
    "delete_failed": smsc_core.DeleteFailedError,
    "save_failed": smsc_core.SaveFailedError,
    "not_found": smsc_core.NotFoundError,
    "forbidden": smsc_core.ForbiddenError,
    "invalid_phone": smsc_core.InvalidPhoneError,
    "undeliverable": smsc_core.UndeliverableError,
    "rate_limited": smsc_core.RateLimitError,
    "unknown": smsc_core.ApiError,
    "operation_failed": smsc_core.OperationFailedError,
    "subclient_not_found": smsc_core.SubclientNotFoundError,
    "shared_balance": smsc_core.SharedBalanceError,
    "code_already_sent": smsc_core.CodeAlreadySentError,
    "invalid_code": smsc_core.InvalidCodeError,
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


def assert_shape(value, tp, path="result"):
    """``value`` has the shape the stubs declare: TypedDict keys, list items, Decimal money."""
    if is_typeddict(tp):
        assert isinstance(value, dict), f"{path} is {type(value).__name__}"
        keys = set(value)
        missing = tp.__required_keys__ - keys
        assert not missing, f"{path} lacks {missing} ({tp.__name__})"
        unknown = keys - tp.__required_keys__ - tp.__optional_keys__
        assert not unknown, f"{path} has {unknown} not declared in {tp.__name__}"
        hints = get_type_hints(tp)
        for k, v in value.items():
            assert_shape(v, hints[k], f"{path}.{k}")
    elif typing.get_origin(tp) is list:
        assert isinstance(value, list), f"{path} is {type(value).__name__}"
        (item,) = typing.get_args(tp)
        for i, v in enumerate(value):
            assert_shape(v, item, f"{path}[{i}]")
    elif typing.get_origin(tp) is dict:
        assert isinstance(value, dict), f"{path} is {type(value).__name__}"
        key_tp, item_tp = typing.get_args(tp)
        for k, v in value.items():
            assert_shape(k, key_tp, f"{path} key {k!r}")
            assert_shape(v, item_tp, f"{path}[{k!r}]")
    elif tp is int:
        assert isinstance(value, int) and not isinstance(value, bool), f"{path}: {value!r}"
    elif tp in (str, bool, Decimal):
        assert isinstance(value, tp), f"{path} is {type(value).__name__}, not {tp.__name__}"
    else:
        raise AssertionError(f"{path}: the test does not know the declared type {tp!r}")


def secrets(client):
    return [client[k] for k in ("password", "api_key") if len(client.get(k, "")) >= 4]


def check_error(err, want, case):
    assert isinstance(err, smsc_core.SmscError)
    assert err.kind == want["kind"]
    if want["kind"] == "api":
        assert type(err) is REASON_CLASSES[err.reason], (err.reason, type(err))
    else:
        assert type(err) is KIND_CLASSES[want["kind"]]
        assert err.reason is None
    if want["kind"] == "invalid":
        assert isinstance(err, ValueError)
    assert err.code == want.get("code")
    if "reason" in want:
        assert err.reason == want["reason"]
    if "field" in want:
        assert err.field == want["field"]
    assert err.message_id == want.get("id")
    if "message" in want:
        assert want["message"] in str(err), str(err)
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
        assert type(err) is KIND_CLASSES[err.kind]
        if "field" in want["error"]:
            assert err.field == want["error"]["field"]
        if "message" in want["error"]:
            assert want["error"]["message"] in str(err), str(err)
        secret = options.get("secret", "")
        assert len(secret) < 4 or secret not in str(err)


def run_smtp_case(case):
    want = case["expect"]
    build = lambda: smsc_core.Client(**case["client"]).smtp_message(**case["params"])  # noqa: E731
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
            smsc_core.Client(**case["client"]).prepare(case["op"], case["params"])
        check_error(info.value, want["error"], case)
        return
    request = smsc_core.Client(**case["client"]).prepare(case["op"], case["params"])
    expected = case["request"]
    assert request.method == expected["method"]
    assert request.url == expected["url"]
    assert request.headers == expected["headers"]
    assert request.body == expected["body"]
    assert request.operation == case["op"]
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
        assert_shape(result, RESULTS[case["op"]])
        assert plain(result) == want["result"]
    else:
        with pytest.raises(smsc_core.SmscError) as info:
            request.parse(response["status"], body)
        check_error(info.value, want["error"], case)
        for entry in case.get("advice", []):
            advice = request.advice(info.value, entry["attempt"])
            for key, value in entry.items():
                if key != "attempt":
                    assert advice.get(key) == value, (entry["attempt"], key, advice)


def test_the_readme_counts_the_inferred_layouts_as_they_are():
    files = sorted(FIXTURES.glob("*/*.json"))

    def inferred(path):
        note = json.loads(path.read_text(encoding="utf-8")).get("note", "").lower()
        return "infer" in note and "confirmed by a real answer" not in note

    count = sum(inferred(f) for f in files)
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    match = re.search(r"now \*\*(\d+) of (\d+)\*\*", readme)
    assert match, "the count line is missing from tests/fixtures/README.md"
    assert (int(match.group(1)), int(match.group(2))) == (count, len(files))
