import json
import pathlib

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "tests" / "fixtures"


def load_cases():
    return [
        (str(p.relative_to(FIXTURES)), json.loads(p.read_text(encoding="utf-8")))
        for p in sorted(FIXTURES.rglob("*.json"))
    ]
