"""Message maths and phone numbers, offline: the core's rules as Python values."""

from decimal import Decimal

import pytest

import smsc_core


def test_parts_alphabets_and_the_reason_for_ucs2():
    plain = smsc_core.segments("a" * 161)
    assert (plain["alphabet"], plain["parts"], plain["part_size"], plain["remaining"]) == (
        "gsm7",
        2,
        153,
        145,
    )
    assert "ucs2_because" not in plain
    cyrillic = smsc_core.segments("Ваш код: 4821")
    assert cyrillic["alphabet"] == "ucs2" and cyrillic["parts"] == 1
    assert cyrillic["ucs2_because"] == {"character": "\u0412", "index": 0}  # Cyrillic Ve
    ext = smsc_core.segments("{" * 80)
    assert (ext["units"], ext["parts"], ext["remaining"]) == (160, 1, 0)
    emoji = smsc_core.segments("ok 😀")
    assert (emoji["characters"], emoji["units"]) == (4, 5)


def test_an_exact_price_estimate():
    s = smsc_core.segments("a" * 400, price_per_part=Decimal("2.35"), recipients=2)
    assert s["parts"] == 3
    assert s["price"] == Decimal("14.10")
    assert smsc_core.segments("a", price_per_part="1.5")["price"] == Decimal("1.5")
    with pytest.raises(smsc_core.InvalidArgumentError) as caught:
        smsc_core.segments("a", price_per_part=2.35)  # pyright: ignore[reportArgumentType]
    assert caught.value.field == "price_per_part"
    with pytest.raises(smsc_core.InvalidArgumentError):
        smsc_core.segments(b"bytes")  # pyright: ignore[reportArgumentType]


def test_phone_numbers_are_normalised_and_explained():
    assert smsc_core.normalize_phone("8 (999) 123-45-67") == {
        "valid": True,
        "normalized": "79991234567",
    }
    assert smsc_core.normalize_phone("+7 999 123 45 67")["normalized"] == "+79991234567"
    bad = smsc_core.normalize_phone("12-ab")
    assert bad["valid"] is False and "only digits" in bad.get("reason", "")
