"""What is specific to Python: keyword API, exception classes, reprs, Python types."""

from decimal import Decimal

import pytest

import smsc_core
from smsc_core import Client, InvalidArgumentError


def test_keyword_api_builds_the_same_request_as_the_generic_one():
    client = Client("demo", "demo-password")
    typed = client.send_sms(["79991234567"], "Hi", sender="SMSC.RU", cost=3)
    generic = client.prepare(
        "send_sms",
        {"phones": ["79991234567"], "message": "Hi", "sender": "SMSC.RU", "cost": 3},
    )
    assert typed.body == generic.body
    assert typed.operation == "send_sms"


def test_invalid_arguments_are_value_errors_naming_the_field():
    with pytest.raises(ValueError) as info:
        Client("demo", "pw").send_sms([], "Hi")
    assert isinstance(info.value, InvalidArgumentError)
    assert info.value.field == "phones"


@pytest.mark.parametrize(
    "kwargs,field",
    [
        ({"message": 12}, "message"),
        ({"message": ["Hi"]}, "message"),
        ({"message": "Hi", "sender": ["a", "b"]}, "sender"),
        ({"message": "Hi", "flash": object()}, "flash"),
        ({"message": "Hi", "maxsms": "three"}, "maxsms"),
    ],
)
def test_wrong_python_types_are_invalid_arguments(kwargs, field):
    client = Client("demo", "pw")
    with pytest.raises(InvalidArgumentError) as info:
        client.prepare("send_sms", {"phones": "79991234567", **kwargs})
    assert info.value.field == field


def test_reprs_hide_secrets():
    client = Client("demo", "top-secret-pw")
    assert "top-secret-pw" not in repr(client)
    request = client.balance()
    assert "top-secret-pw" not in repr(request)
    assert "top-secret-pw" not in str(request)
    assert "psw=***" in repr(request)
    keyed = Client(api_key="key-abcdef")
    assert "key-abcdef" not in repr(keyed)
    assert "key-abcdef" not in repr(keyed.balance())


def test_bodies_may_be_bytes_str_or_bytearray_and_money_is_decimal():
    request = Client("demo", "pw").balance(currency=True)
    for body in (b'{"balance": "1.10"}', '{"balance": "1.10"}', bytearray(b'{"balance": "1.10"}')):
        result = request.parse(200, body)
        assert result["balance"] == Decimal("1.10")
        assert str(result["balance"]) == "1.10"


def test_records_of_one_list_keep_their_own_keys_in_their_own_order():
    # The keys of a list's records are reused from record to record; one record with fewer,
    # more or other fields than the one before must come out with exactly its own.
    page = (
        b'[{"status": 1, "phone": "79990000001", "id": "a", "crc": "x", "int_id": 3},'
        b' {"status": 0, "id": "b", "int_id": 2},'
        b' {"int_id": 1, "id": "c", "status": 1, "country": "Russia", "phone": "79990000002"}]'
    )
    messages = Client("demo", "pw").history(cnt=3).parse(200, page)["messages"]
    assert [list(m) for m in messages] == [
        ["id", "phone", "status", "status_text", "is_final", "int_id", "crc"],
        ["id", "status", "status_text", "is_final", "int_id"],
        ["id", "phone", "status", "status_text", "is_final", "country", "int_id"],
    ]
    assert [m["id"] for m in messages] == ["a", "b", "c"]
    assert messages[2]["country"] == "Russia"
    assert "crc" not in messages[1]


def test_bad_status_and_body_types_are_invalid_arguments():
    request = Client("demo", "pw").balance()
    with pytest.raises(InvalidArgumentError):
        request.parse("200", b"1.00")
    with pytest.raises(InvalidArgumentError):
        request.parse(200, 1.0)


def test_every_exception_is_catchable_as_smsc_error():
    request = Client("demo", "pw").balance()
    for status, body, cls in [
        (200, b'{"error": "x", "error_code": 2}', smsc_core.AuthError),
        (200, b"0,-9", smsc_core.RateLimitError),
        (503, b"busy", smsc_core.HttpError),
        (200, b"<html></html>", smsc_core.ParseError),
    ]:
        with pytest.raises(smsc_core.SmscError) as info:
            request.parse(status, body)
        assert type(info.value) is cls


def test_operations_are_listed():
    assert set(smsc_core.OPERATIONS) >= {"balance", "send_sms", "cost", "status"}


def test_every_core_operation_is_a_method_with_a_declared_result_type():
    from smsc_core.types import RESULTS

    client = Client("demo", "pw")
    for op in smsc_core.OPERATIONS:
        assert callable(getattr(client, op)), op
    assert set(RESULTS) == set(smsc_core.OPERATIONS)


def test_parse_callback_keywords_and_signature_error():
    import hashlib

    body = (
        "id=5&phone=79991234567&status=1&md5=" + hashlib.md5(b"5:79991234567:1:s3cret").hexdigest()
    )
    event = smsc_core.parse_callback(body, secret="s3cret")
    assert event["kind"] == "status" and event["verified"] is True
    with pytest.raises(smsc_core.SignatureError):
        smsc_core.parse_callback(body, secret="other-secret")
    assert smsc_core.parse_callback(body.encode())["verified"] is False


def test_a_panic_in_native_code_is_an_internal_error():
    with pytest.raises(smsc_core.InternalError) as info:
        smsc_core._native._panic_for_tests()
    assert type(info.value) is smsc_core.InternalError
    assert info.value.kind == "internal"
    assert "deliberate panic" in str(info.value)
    # The module keeps working afterwards.
    assert Client("demo", "pw").balance().parse(200, b"1.00")["balance"] == Decimal("1.00")


def test_the_exception_hierarchy():
    assert issubclass(InvalidArgumentError, ValueError)
    for cls in (
        smsc_core.ParametersError,
        smsc_core.AuthError,
        smsc_core.InsufficientFundsError,
        smsc_core.IpBlockedError,
        smsc_core.InvalidDateError,
        smsc_core.DeleteFailedError,
        smsc_core.SaveFailedError,
        smsc_core.NotFoundError,
        smsc_core.ForbiddenError,
        smsc_core.InvalidPhoneError,
        smsc_core.UndeliverableError,
        smsc_core.RateLimitError,
    ):
        assert issubclass(cls, smsc_core.ApiError) and cls.kind == "api"
    for cls in (
        InvalidArgumentError,
        smsc_core.ApiError,
        smsc_core.HttpError,
        smsc_core.ParseError,
        smsc_core.SignatureError,
        smsc_core.InternalError,
        smsc_core.TransportError,
    ):
        assert issubclass(cls, smsc_core.SmscError)
        assert not issubclass(cls, ValueError) or cls is InvalidArgumentError


def test_error_attributes():
    request = Client("demo", "pw").send_sms("79991234567", "Hi")
    with pytest.raises(smsc_core.InsufficientFundsError) as info:
        request.parse(200, b'{"error": "no money", "error_code": 3, "id": 77}')
    err = info.value
    assert (err.kind, err.code, err.reason, err.field) == ("api", 3, "insufficient_funds", None)
    assert err.message_id == "77"
    with pytest.raises(smsc_core.HttpError) as info:
        request.parse(502, b"Bad Gateway")
    assert (info.value.kind, info.value.code, info.value.reason) == ("http", 502, None)


def test_non_string_keys_and_odd_bodies_are_invalid_arguments():
    with pytest.raises(InvalidArgumentError) as info:
        Client("demo", "pw").prepare("send_sms", {1: "x"})
    assert info.value.field == "params"
    with pytest.raises(InvalidArgumentError) as info:
        Client("demo", "pw").prepare("send_sms", {"phones": "79991234567", "message": b"Hi"})
    assert info.value.field == "message" and "bytes" in str(info.value)
    with pytest.raises(InvalidArgumentError) as info:
        Client("demo", "pw").balance().parse(200, [49, 46, 48])
    assert info.value.field == "body"


def test_requests_are_plain_data_for_any_http_client():
    request = Client("demo", "pw").balance()
    assert type(request.method) is str and type(request.url) is str
    assert type(request.headers) is dict
    assert all(type(k) is str and type(v) is str for k, v in request.headers.items())
    assert type(request.body) is str
    request.headers["X-Extra"] = "1"  # a copy: the request itself is unchanged
    assert "X-Extra" not in request.headers
    get = Client("demo", "pw", method="GET").balance()
    assert get.method == "GET" and get.body is None and "psw=pw" in get.url
    assert "psw=pw" not in repr(get)


def test_every_operation_is_declared_to_type_checkers_with_its_result_type():
    import inspect
    import typing

    from smsc_core.types import RESULTS

    for op in smsc_core.OPERATIONS:
        method = inspect.getattr_static(smsc_core.Client, op)
        request_type = typing.get_type_hints(method)["return"]
        assert typing.get_origin(request_type) is smsc_core.Request, op
        assert typing.get_args(request_type) == (RESULTS[op],), op


def test_client_repr_shows_settings_by_the_names_the_constructor_takes():
    text = repr(Client("demo", "top-secret-pw", host="smscentre.com", format="csv"))
    assert text == (
        'Client(login="demo", base_url="https://smscentre.com", method="POST", format="csv")'
    )
