import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
EMULATOR = os.environ.get("SMSC_EMULATOR", str(ROOT / "target" / "debug" / "smsc-emulator"))


@pytest.fixture()
def base_url():
    """A fresh local SMSC emulator on a free port, for one test; its base address."""
    if not os.path.exists(EMULATOR):
        pytest.fail(f"the emulator is not built at {EMULATOR}: run `cargo build -p smsc-emulator`")
    proc = subprocess.Popen([EMULATOR, "--exit-after", "120"], stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith("listening on "), line
        yield line.removeprefix("listening on ")
    finally:
        proc.kill()
        proc.wait()


def load_cases():
    return [
        (str(p.relative_to(FIXTURES)), json.loads(p.read_text(encoding="utf-8")))
        for p in sorted(FIXTURES.rglob("*.json"))
    ]
