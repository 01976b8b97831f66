"""`symptom-explorer serve` as a user meets it: through click's CliRunner and as the installed command
in a subprocess (address printed, pages served, a taken port, --host's warning, a clean stop, nothing
left behind), and `match` never loading the web framework."""

import json
import os
import signal
import socket
import subprocess
import sys
import urllib.request

import pytest
import uvicorn
from click.testing import CliRunner
from starlette.testclient import TestClient

from explorer.cli import cli

from .kbedit import edit
from .test_installed import installed_command


@pytest.fixture
def taken_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    yield sock.getsockname()[1]
    sock.close()


@pytest.fixture
def no_server(monkeypatch):
    """uvicorn's run replaced, so CliRunner tests see everything serve does before it blocks."""
    ran = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: ran.append(sockets))
    return ran


def test_serve_prints_its_local_address(no_server):
    done = CliRunner().invoke(cli, ["serve", "--port", "0"])
    assert done.exit_code == 0, done.output
    assert "symptom-explorer is running at http://127.0.0.1:" in done.stdout
    assert "not a diagnosis" in done.stdout
    assert done.stderr == ""
    assert no_server and no_server[0][0].getsockname()[0] == "127.0.0.1"


def test_another_host_comes_with_a_warning(no_server):
    done = CliRunner().invoke(cli, ["serve", "--port", "0", "--host", "0.0.0.0"])
    assert done.exit_code == 0
    assert "anyone who can reach this machine on that network can use it" in done.stderr


def test_a_taken_port_is_one_clear_message(taken_port, no_server):
    done = CliRunner().invoke(cli, ["serve", "--port", str(taken_port)])
    assert done.exit_code == 2
    assert f"port {taken_port} is already in use" in done.stderr
    assert "Traceback" not in done.output
    assert not no_server


def test_open_opens_the_address_in_the_browser(no_server, monkeypatch):
    import threading
    import webbrowser

    opened = threading.Event()
    urls = []
    monkeypatch.setattr(webbrowser, "open", lambda url: (urls.append(url), opened.set()))
    done = CliRunner().invoke(cli, ["serve", "--port", "0", "--open"])
    assert done.exit_code == 0
    assert opened.wait(10)
    assert urls[0] in done.stdout and urls[0].startswith("http://127.0.0.1:")


def test_serve_is_documented_and_takes_knowledge():
    done = CliRunner().invoke(cli, ["serve", "--help"])
    for option in ("--port", "--host", "--open", "--knowledge"):
        assert option in done.stdout


def _start(tmp_path, *args):
    # SYMPTOM_EXPLORER_CACHE=0: a cache of the shipped knowledge (where there is one) is not the user's data
    env = dict(os.environ, HOME=str(tmp_path), TMPDIR=str(tmp_path), SYMPTOM_EXPLORER_CACHE="0")
    process = subprocess.Popen(
        [installed_command(), "serve", "--port", "0", *args],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline()
    assert "is running at" in line, line + process.stderr.read()
    return process, line.split(" at ", 1)[1].split()[0]


@pytest.mark.slow
def test_installed_command_serves_the_page_and_api_and_leaves_nothing(tmp_path):
    process, address = _start(tmp_path)
    try:
        with urllib.request.urlopen(address) as response:
            assert "default-src 'none'" in response.headers["Content-Security-Policy"]
            assert b"symptom-explorer" in response.read()
        request = urllib.request.Request(
            address + "api/explore",
            data=json.dumps({"present": ["butterfly rash", "joint pain", "tiredness"]}).encode(),
            headers={"content-type": "application/json"},
        )
        with urllib.request.urlopen(request) as response:
            assert json.load(response)["suggestions"][0]["condition"]["id"] == "systemic_lupus_erythematosus"
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert "Stopped." in out
    assert list(tmp_path.iterdir()) == [], "nothing is written while serving"


@pytest.mark.slow
def test_installed_command_on_a_taken_port(tmp_path, taken_port):
    done = subprocess.run(
        [installed_command(), "serve", "--port", str(taken_port)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"symptom-explorer: port {taken_port} is already in use on 127.0.0.1; "
        "choose another with --port N (0 picks a free one)"
    )


@pytest.mark.slow
def test_match_does_not_load_the_web_framework():
    code = (
        "import sys\n"
        "from explorer.cli import main\n"
        "sys.argv = ['symptom-explorer', 'match', 'numbness']\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('starlette', 'uvicorn', 'msgspec', 'explorer.web') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().endswith("[]"), done.stdout + done.stderr


@pytest.mark.slow
def test_the_wheel_ships_the_page_its_scripts_and_the_vendored_library(built_wheel):
    import zipfile
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    names = set(zipfile.ZipFile(built_wheel).namelist())
    static = repo / "explorer" / "web" / "static"
    expected = {f"explorer/web/static/{p.relative_to(static).as_posix()}" for p in static.rglob("*") if p.is_file()}
    assert expected <= names, sorted(expected - names)
    assert "explorer/web/static/vendor/cytoscape.LICENSE" in names


def test_the_listening_socket_is_tcp_so_asyncio_turns_nagle_off():
    from explorer.cli.serve import _bind

    sock = _bind("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()


def test_serve_uses_the_knowledge_folder_given(kb_copy, monkeypatch, no_server):
    apps = []
    original = uvicorn.Config.__init__

    def keep_app(self, app, *args, **kwargs):
        apps.append(app)
        original(self, app, *args, **kwargs)

    monkeypatch.setattr(uvicorn.Config, "__init__", keep_app)
    edit(kb_copy / "data" / "conditions.yaml", "name: Sjögren's syndrome", "name: Sjögren syndrome (edited)")
    done = CliRunner().invoke(cli, ["serve", "--port", "0", "--knowledge", str(kb_copy)])
    assert done.exit_code == 0, done.output
    names = [
        c["name"] for c in TestClient(apps[0], base_url="http://127.0.0.1").get("/api/conditions").json()["conditions"]
    ]
    assert "Sjögren syndrome (edited)" in names


def test_serve_refuses_invalid_knowledge(kb_copy, no_server):
    edit(kb_copy / "data" / "conditions.yaml", "name: Sjögren's syndrome", "nmae: Sjögren's syndrome")
    done = CliRunner().invoke(cli, ["serve", "--port", "0", "--knowledge", str(kb_copy)])
    assert done.exit_code == 3
    assert "knowledge files are invalid" in done.stderr
    assert not no_server


def test_without_the_web_extra_serve_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if uvicorn were not installed
    done = CliRunner().invoke(cli, ["serve", "--port", "0"])
    assert done.exit_code == 2
    assert 'pip install "symptom-explorer[web]"' in done.stderr
    assert "Traceback" not in done.output
