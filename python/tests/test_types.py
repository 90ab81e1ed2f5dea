"""The typed surface: pyright (standard mode) accepts correct use and reports the mistakes a
typed client exists to catch; every operation is a method whose signature names its parameters.
"""

import inspect
import json
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

import smsc_core
from smsc_core import Client

ROOT = pathlib.Path(__file__).resolve().parents[2]
TYPECHECK = ROOT / "python" / "typecheck"


def pyright_command():
    # Next to this interpreter first: scripts/setup.sh installs it into the same .venv.
    local = pathlib.Path(sys.executable).parent / "pyright"
    found = str(local) if local.exists() else shutil.which("pyright")
    if found is None:
        pytest.skip("pyright is not installed (scripts/setup.sh puts it in .venv)")
    try:
        subprocess.run([found, "--version"], capture_output=True, check=True, timeout=300)
    except (OSError, subprocess.SubprocessError) as err:
        pytest.skip(f"pyright cannot run here ({err}); it fetches its node part on first use")
    return found


def pyright(tmp_path, *paths):
    """pyright's diagnostics for ``paths``, as (file name, line, rule) triples."""
    config = tmp_path / "pyrightconfig.json"
    config.write_text(json.dumps({"typeCheckingMode": "standard"}))
    run = subprocess.run(
        [pyright_command(), "--outputjson", "--project", str(config)]
        + ["--pythonpath", sys.executable]
        + [str(p) for p in paths],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    report = json.loads(run.stdout)
    return [
        (pathlib.Path(d["file"]).name, d["range"]["start"]["line"] + 1, d.get("rule", ""))
        for d in report["generalDiagnostics"]
        if d["severity"] == "error"
    ]


def test_correct_use_and_the_package_type_check_clean(tmp_path):
    errors = pyright(
        tmp_path,
        ROOT / "examples" / "quickstart.py",
        TYPECHECK / "usage.py",
        ROOT / "python" / "smsc_core",
    )
    assert errors == []


def test_each_mistake_is_reported(tmp_path):
    mistakes = TYPECHECK / "mistakes.py"
    expected = {
        (mistakes.name, n, m.group(1))
        for n, line in enumerate(mistakes.read_text(encoding="utf-8").splitlines(), 1)
        if (m := re.search(r"# expect: (\w+)", line))
    }
    assert len(expected) >= 9
    assert set(pyright(tmp_path, mistakes)) == expected


def test_methods_name_their_parameters():
    history = inspect.signature(Client.history).parameters
    assert list(history) == [
        "self",
        "start",
        "end",
        "phone",
        "email",
        "format",
        "cnt",
        "prev_id",
    ]
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for n, p in history.items() if n != "self")
    send_sms = inspect.signature(Client.send_sms).parameters
    assert [n for n, p in send_sms.items() if p.kind is p.POSITIONAL_OR_KEYWORD] == [
        "self",
        "phones",
        "message",
    ]
    assert "sender" in send_sms and "subj" not in send_sms
    assert "cnt:" in (Client.history.__doc__ or "")
    for op in smsc_core.OPERATIONS:
        assert callable(getattr(Client, op, None)), op


def test_a_refused_parameter_is_not_a_keyword_of_the_channel():
    with pytest.raises(TypeError, match="message"):
        Client("demo", "pw").send_hlr("79991234567", message="no text")  # pyright: ignore[reportCallIssue]
