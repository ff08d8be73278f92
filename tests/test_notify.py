"""``remind --notify`` through Apprise to a real local HTTP endpoint, ``--exec`` with a script, failures."""

import builtins
import json
import socket
import stat
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from helpers import kena_line, tim_line

from kenactl import store
from kenactl.core.model import Profile

pytest.importorskip("apprise", reason="Apprise is not installed (pip install 'kenactl[notify]')")

AT = ("--at", "2027-03-03T08:00")
NONNA = "✗ nonna: renewal Fri 05 Mar 2027 00:00, TIM Smart 9.99 €: credit 4.50 €, top up at least 5.49 €"


class Endpoint:
    """An HTTP server on 127.0.0.1 (a free port) that records each POST and answers ``status``."""

    def __init__(self, status: int = 200):
        self.status = status
        self.received: list[dict] = []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length", 0))
                endpoint.received.append({"path": self.path, "body": json.loads(self.rfile.read(length))})
                self.send_response(endpoint.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def url(self, secret: str = "s3cret-token") -> str:
        return f"json://kenactl:{secret}@127.0.0.1:{self.port}/hook/{secret}"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def saved(profile_path: Path) -> Path:
    profile = Profile(lines={"main": kena_line(renewal_day=15), "nonna": tim_line()}, default_line="main",
                      alarms=("7d", "2d", "0d"))
    profile_path.parent.mkdir(parents=True, exist_ok=True)
    profile_path.write_text(store.dumps(profile), encoding="utf-8")
    return profile_path


def messages(endpoint: Endpoint) -> list[str]:
    return [post["body"]["message"] for post in endpoint.received]


def test_notify_posts_each_reminder_once(run, saved):
    with Endpoint() as endpoint:
        first = run(*AT, "remind", "--notify", endpoint.url())
        second = run(*AT, "remind", "--notify", endpoint.url())
        assert (first.exit_code, first.stdout, first.stderr) == (0, "", "")
        assert (second.exit_code, second.stdout, second.stderr) == (0, "", "")
        assert messages(endpoint) == [NONNA[2:]]
        assert endpoint.received[0]["body"]["title"] == "kenactl"
        assert endpoint.received[0]["path"].startswith("/hook/s3cret-token")


def test_profile_notify_list_is_used_and_json_still_reports(run, saved):
    with Endpoint() as endpoint:
        text = saved.read_text(encoding="utf-8").replace("alarms =", f'notify = ["{endpoint.url()}"]\nalarms =', 1)
        saved.write_text(text, encoding="utf-8")
        result = run(*AT, "remind", "--json")
        assert result.exit_code == 0
        assert [item["key"] for item in json.loads(result.stdout)["items"]] == ["renewal-nonna-2027-03"]
        assert messages(endpoint) == [NONNA[2:]]


@pytest.mark.parametrize("failure", ["500", "closed port"])
def test_failed_delivery_is_exit_3_masked_and_retried_then_delivered_once(run, saved, failure):
    with Endpoint(status=500) as endpoint:
        url = endpoint.url() if failure == "500" else f"json://kenactl:s3cret-token@127.0.0.1:{closed_port()}/hook"
        failed = run(*AT, "remind", "--notify", url)
        assert failed.exit_code == 3 and failed.stdout == ""
        assert len(failed.stderr.splitlines()) == 1 and "the next run tries again" in failed.stderr
        assert "s3cret" not in failed.stderr and "127.0.0.1" in failed.stderr
        if failure == "500":
            assert len(endpoint.received) == 1
            endpoint.status = 200
        else:
            url = endpoint.url()
            endpoint.status = 200
        retried = run("--at", "2027-03-03T08:10", "remind", "--notify", url)
        assert (retried.exit_code, retried.stderr) == (0, "")
        assert run("--at", "2027-03-03T08:20", "remind", "--notify", url).exit_code == 0
        assert messages(endpoint)[-1] == NONNA[2:] and messages(endpoint).count(NONNA[2:]) == (
            2 if failure == "500" else 1)


def test_one_failed_target_does_not_repeat_the_other(run, saved):
    with Endpoint() as good, Endpoint(status=500) as bad:
        result = run(*AT, "remind", "--notify", good.url(), "--notify", bad.url("other-secret"))
        assert result.exit_code == 3 and "other-secret" not in result.stderr
        bad.status = 200
        assert run(*AT, "remind", "--notify", good.url(), "--notify", bad.url("other-secret")).exit_code == 0
        assert messages(good) == [NONNA[2:]]
        assert messages(bad) == [NONNA[2:], NONNA[2:]]  # the refused one, then the retry


def test_exec_gets_the_text_on_stdin_and_fields_in_the_environment(run, saved, tmp_path):
    log = tmp_path / "log.jsonl"
    script = tmp_path / "hook.py"
    names = ["KENACTL_TEXT", "KENACTL_LINE", "KENACTL_KIND", "KENACTL_DUE", "KENACTL_DATE", "KENACTL_KEY",
             "KENACTL_STAGE", "KENACTL_LATE", "KENACTL_URGENT", "KENACTL_TOPUP"]  # as README.md documents them
    script.write_text("import json, os, sys\n"
                      f"with open({str(log)!r}, 'a') as f:\n"
                      f"    env = {{k: os.environ[k] for k in {names!r} if k in os.environ}}\n"
                      "    f.write(json.dumps({'stdin': sys.stdin.read(), 'env': env}) + '\\n')\n", encoding="utf-8")
    command = f"{sys.executable} {script}"
    assert run(*AT, "remind", "--exec", command).exit_code == 0
    assert run(*AT, "remind", "--exec", command).exit_code == 0
    calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert calls == [{"stdin": NONNA[2:] + "\n", "env": {
        "KENACTL_TEXT": NONNA[2:], "KENACTL_LINE": "nonna", "KENACTL_KIND": "renewal",
        "KENACTL_DUE": "2027-03-05T00:00:00+01:00", "KENACTL_DATE": "2027-03-05",
        "KENACTL_KEY": "renewal-nonna-2027-03",
        "KENACTL_STAGE": "2d", "KENACTL_LATE": "0", "KENACTL_URGENT": "0", "KENACTL_TOPUP": "5.49"}}]


def test_failing_exec_is_exit_3_and_retried(run, saved, tmp_path):
    marker = tmp_path / "ok"
    command = f"test -e {marker} && cat >> {tmp_path / 'got'}"
    failed = run(*AT, "remind", "--exec", command)
    assert failed.exit_code == 3 and failed.stderr == ("kenactl: delivery to --exec test failed (exit status 1); "
                                                       "the next run tries again\n")
    marker.touch()
    assert run(*AT, "remind", "--exec", command).exit_code == 0
    assert run(*AT, "remind", "--exec", command).exit_code == 0
    assert (tmp_path / "got").read_text(encoding="utf-8") == NONNA[2:] + "\n"


def test_bad_url_is_exit_2_masked_and_nothing_recorded(run, saved):
    result = run(*AT, "remind", "--notify", "nosuchservice://user:hunter2@example.org/tok3n")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == ("kenactl: --notify nosuchservice://…@example.org/t…n: not a notification URL Apprise "
                             "knows (e.g. ntfy://, tgram://, mailtos://, json://)\n")
    assert run(*AT, "remind").stdout == NONNA + "\n"  # still undelivered


def test_without_apprise_notify_is_one_clear_line(run, saved, monkeypatch):
    real_import = builtins.__import__

    def no_apprise(name, *args, **kwargs):
        if name == "apprise":
            raise ImportError("No module named 'apprise'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "apprise", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_apprise)
    result = run(*AT, "remind", "--notify", "ntfy://ntfy.sh/topic")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "kenactl: --notify needs Apprise; install it with: pip install 'kenactl[notify]'\n"


def test_dry_run_sends_nothing(run, saved):
    with Endpoint() as endpoint:
        result = run(*AT, "remind", "--dry-run", "--notify", endpoint.url())
        assert result.stdout == NONNA + "\n" and endpoint.received == []


def test_state_file_holds_no_secret(run, saved):
    from kenactl import state

    with Endpoint() as endpoint:
        assert run(*AT, "remind", "--notify", endpoint.url()).exit_code == 0
    path = state.state_path(saved)
    assert "s3cret" not in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize(("url", "shown"), [
    ("ntfy://kenactl-anna-7f3k", "ntfy://k…k"),  # on ntfy.sh the topic is the secret
    ("tgram://123456789:AAH-token/987654321", "tgram://1…9:A…n/9…1"),
    ("mailtos://anna:app-password@gmail.com?to=anna@example.org", "mailtos://…@gmail.com"),
    ("ntfys://ntfy.example.org/kenactl", "ntfys://ntfy.example.org/k…l"),
    ("not a url", "…"),
])
def test_secrets_in_urls_are_masked(url, shown):
    from kenactl.notify import mask

    assert mask(url) == shown

