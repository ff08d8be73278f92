"""Where ``remind`` pushes reminders: Apprise URLs (``--notify``) and commands (``--exec``).

Apprise (the optional extra ``kenactl[notify]``) is imported only when a URL is given. A target's
``id`` (what the state file records) is a hash, never the URL or command; its ``label`` (what
people read) masks every secret part. ``send`` returns None on success, else the reason.
"""

import hashlib
import logging
import os
import shlex
import subprocess
from collections.abc import Callable, Iterable

from kenactl.core import dates
from kenactl.core.delivery import Delivery
from kenactl.core.money import format_money
from kenactl.core.record import record
from kenactl.errors import InputError
from kenactl.i18n import _

EXEC_TIMEOUT_SECONDS = 60
TITLE = "kenactl"


@record
class Target:
    """A place reminders go: ``id`` for the state file, ``label`` for people, ``send`` to deliver one."""

    id: str
    label: str
    send: Callable[[Delivery], str | None]


def targets(urls: Iterable[str], commands: Iterable[str]) -> list[Target]:
    """The push targets, checked before anything is sent (a bad URL or no Apprise is an ``InputError``)."""
    found = [_apprise_target(url) for url in dict.fromkeys(urls)]
    return found + [_exec_target(command) for command in dict.fromkeys(commands)]


def mask(url: str) -> str:
    """``scheme://…@host:port/p…h``: user, password, tokens, topics and paths never shown in full.

    A host is shown only when it looks like one (a dot, ``localhost``); otherwise it is a token
    (a Telegram bot id, an ntfy topic) and masked like the rest.
    """
    scheme, separator, rest = url.partition("://")
    if not separator:
        return "…"
    cut = min((index for index in (rest.find("/"), rest.find("?")) if index >= 0), default=len(rest))
    netloc, path = rest[:cut], rest[cut:].split("?", 1)[0]
    login, at, hostport = netloc.rpartition("@")
    host, colon, port = hostport.partition(":")
    shown = host if "." in host or host == "localhost" else _masked(host)
    if colon:
        shown += ":" + (port if port.isdigit() else _masked(port))
    segments = [_masked(segment) for segment in path.split("/") if segment]
    return f"{scheme}://" + ("…@" if at else "") + shown + "".join(f"/{segment}" for segment in segments)


def _masked(segment: str) -> str:
    return segment if len(segment) <= 2 else f"{segment[0]}…{segment[-1]}"


def fields(delivery: Delivery) -> dict[str, str]:
    """The environment of an ``--exec`` command (never translated except ``KENACTL_TEXT``)."""
    item = delivery.item
    return {
        "KENACTL_TEXT": str(delivery.text),
        "KENACTL_LINE": item.line,
        "KENACTL_KIND": item.kind.lower(),
        "KENACTL_DUE": dates.isoformat(item.due),
        "KENACTL_DATE": item.day.isoformat(),
        "KENACTL_KEY": "-".join(item.key),
        "KENACTL_STAGE": delivery.stage,
        "KENACTL_LATE": "1" if delivery.late else "0",
        "KENACTL_URGENT": "1" if delivery.urgent else "0",
        "KENACTL_TOPUP": "" if item.topup is None else format_money(item.topup),
    }


def _apprise_target(url: str) -> Target:
    try:
        import apprise
    except ImportError:
        raise InputError(None, _("--notify needs Apprise; install it with: pip install 'kenactl[notify]'")) from None
    logging.getLogger("apprise").disabled = True  # its log lines may carry the URL's secrets
    plugin = apprise.Apprise.instantiate(url)
    if plugin is None:
        raise InputError(None, _("--notify {url}: not a notification URL Apprise knows (e.g. ntfy://, tgram://, "
                           "mailtos://, json://)").format(url=mask(url)))

    def send(delivery: Delivery) -> str | None:
        sender = apprise.Apprise()
        sender.add(plugin)
        if sender.notify(body=str(delivery.text), title=TITLE):
            return None
        return _("the service did not accept it or could not be reached")

    return Target(id="notify-" + _digest(url), label=mask(url), send=send)


def _exec_target(command: str) -> Target:
    try:
        program = shlex.split(command)[0]
    except (ValueError, IndexError):
        raise InputError(None, _("--exec: {command} is not a command").format(command=repr(command))) from None
    label = f"--exec {os.path.basename(program)}"  # its arguments may hold a token

    def send(delivery: Delivery) -> str | None:
        environment = {**os.environ, **fields(delivery)}
        try:
            done = subprocess.run(command, shell=True, input=(str(delivery.text) + "\n").encode("utf-8"),
                                  env=environment, timeout=EXEC_TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            return _("no answer after {seconds}s").format(seconds=EXEC_TIMEOUT_SECONDS)
        except OSError as error:
            return error.strerror or str(error)
        return None if done.returncode == 0 else _("exit status {code}").format(code=done.returncode)

    return Target(id="exec-" + _digest(command), label=label, send=send)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
