"""Real local receivers for outbound notifications: an SMTP server and a webhook endpoint.

Both listen on 127.0.0.1 on a port the kernel picks, record what reaches them, can be told
to fail the next few deliveries, and stop at teardown. This module is a pytest plugin:
a test module gets its fixtures with `pytest_plugins = ("tests.receivers",)` (or every
module does, once tests/conftest.py lists it). Outside pytest use the context managers.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Generic, TypeVar

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from services.core.settings import Settings

T = TypeVar("T")


class _Recorder(Generic[T]):
    """A list that server threads append to and tests wait on."""

    def __init__(self, what: str) -> None:
        self._what = what
        self._items: list[T] = []
        self._changed = threading.Condition()

    def append(self, item: T) -> None:
        with self._changed:
            self._items.append(item)
            self._changed.notify_all()

    def snapshot(self) -> list[T]:
        with self._changed:
            return list(self._items)

    def wait_for(self, n: int, timeout: float) -> list[T]:
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._items) >= n, timeout):
                got = len(self._items)
                raise AssertionError(f"expected {n} {self._what} within {timeout} s, got {got}")
            return list(self._items)


# --- SMTP --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceivedEmail:
    """One message the SMTP receiver accepted, parsed."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage
    authenticated_as: str | None  # the AUTH login used, if any

    @property
    def to(self) -> str:
        return str(self.message["To"])

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])

    @property
    def text(self) -> str:
        part = self.message.get_body(("plain",))
        assert isinstance(part, EmailMessage), "no text/plain part"
        return _unix_lines(part.get_content())

    @property
    def html(self) -> str | None:
        part = self.message.get_body(("html",))
        return _unix_lines(part.get_content()) if isinstance(part, EmailMessage) else None


def _unix_lines(content: object) -> str:
    # SMTP carries CRLF line ends; compare content the way it was written.
    return str(content).replace("\r\n", "\n")


class _SmtpHandler:
    """aiosmtpd handler: accept and record, or refuse while refusals are queued."""

    def __init__(self, receiver: SmtpReceiver) -> None:
        self._receiver = receiver

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        refusal = self._receiver._take_refusal()
        if refusal is not None:
            self._receiver._refused.append(envelope)
            return refusal
        raw = envelope.original_content or envelope.content or b""
        assert isinstance(raw, bytes)
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        login = session.login_data if session.authenticated else None
        self._receiver._messages.append(
            ReceivedEmail(
                str(envelope.mail_from),
                list(envelope.rcpt_tos),
                parsed,
                login.decode() if isinstance(login, bytes) else None,
            )
        )
        return "250 2.0.0 OK"


class _PortZeroController(Controller):
    """A Controller that binds port 0 and then learns the port, so no two runs collide."""

    def _trigger_server(self) -> None:
        assert isinstance(self.server, asyncio.Server)
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class SmtpReceiver:
    """A running local SMTP server; `messages` holds what it accepted."""

    def __init__(self, credentials: tuple[str, str] | None = None) -> None:
        self._messages: _Recorder[ReceivedEmail] = _Recorder("accepted emails")
        self._refused: _Recorder[Envelope] = _Recorder("refused emails")
        self._refusals: list[str] = []
        self._lock = threading.Lock()
        self.credentials = credentials
        auth: dict[str, Any] = {}
        if credentials is not None:
            # Plain-text AUTH on loopback only; a real relay would require STARTTLS first.
            # Not `auth_required` (aiosmtpd warns about it without TLS): a test checks
            # `authenticated_as` on what arrived instead.
            auth = {"authenticator": self._authenticate, "auth_require_tls": False}
        self._controller = _PortZeroController(
            _SmtpHandler(self), hostname="127.0.0.1", port=0, **auth
        )
        self.host = "127.0.0.1"
        self.port = 0

    def start(self) -> None:
        self._controller.start()
        self.port = self._controller.port

    def stop(self) -> None:
        self._controller.stop()

    @property
    def messages(self) -> list[ReceivedEmail]:
        """The messages accepted so far."""
        return self._messages.snapshot()

    @property
    def refused(self) -> list[Envelope]:
        """The envelopes refused so far (by `refuse_next`)."""
        return self._refused.snapshot()

    def wait_for(self, n: int, timeout: float = 5.0) -> list[ReceivedEmail]:
        """The accepted messages once there are at least n; AssertionError after timeout."""
        return self._messages.wait_for(n, timeout)

    def refuse_next(self, n: int, reply: str = "451 4.3.0 Try again later") -> None:
        """Answer the next n messages' DATA with this reply instead of accepting them."""
        with self._lock:
            self._refusals.extend([reply] * n)

    def settings(self, **overrides: Any) -> Settings:
        """Settings that send to this server (and ignore any SMTP settings in the env)."""
        values: dict[str, Any] = {
            "smtp_host": self.host,
            "smtp_port": self.port,
            "smtp_user": None,
            "smtp_password": None,
            "smtp_starttls": False,
            "smtp_from": "Opstap <noreply@opstap.test>",
        }
        if self.credentials is not None:
            values["smtp_user"], values["smtp_password"] = self.credentials
        return Settings(_env_file=None, **(values | overrides))

    def _take_refusal(self) -> str | None:
        with self._lock:
            return self._refusals.pop(0) if self._refusals else None

    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        assert self.credentials is not None
        expected = tuple(part.encode() for part in self.credentials)
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == expected
        return AuthResult(success=ok, handled=False, auth_data=data if ok else None)


@contextmanager
def running_smtp_receiver(credentials: tuple[str, str] | None = None) -> Iterator[SmtpReceiver]:
    """An SMTP receiver for the duration of the block (with AUTH when credentials are given)."""
    receiver = SmtpReceiver(credentials)
    receiver.start()
    try:
        yield receiver
    finally:
        receiver.stop()


@pytest.fixture
def smtp_server() -> Iterator[SmtpReceiver]:
    """A real SMTP server on 127.0.0.1 for this test."""
    with running_smtp_receiver() as receiver:
        yield receiver


@pytest.fixture
def authenticated_smtp_server() -> Iterator[SmtpReceiver]:
    """A real SMTP server that offers AUTH; `.credentials` are the ones it accepts."""
    with running_smtp_receiver(credentials=("opstap", "geheim-wachtwoord")) as receiver:
        yield receiver


# --- webhooks ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceivedRequest:
    """One HTTP request the webhook receiver saw, and the status it answered."""

    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    body: bytes
    status: int

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass
class _Response:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class WebhookReceiver:
    """A running local HTTP server; `requests` holds the deliveries it answered with 2xx."""

    def __init__(self) -> None:
        self._requests: _Recorder[ReceivedRequest] = _Recorder("successful webhook deliveries")
        self._attempts: _Recorder[ReceivedRequest] = _Recorder("webhook requests")
        self._planned: list[_Response] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        # A short poll interval keeps shutdown (at every teardown) quick.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/hooks/opstap"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()  # wakes handlers that are stalling on purpose
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def requests(self) -> list[ReceivedRequest]:
        """Successful deliveries (answered 2xx)."""
        return self._requests.snapshot()

    @property
    def attempts(self) -> list[ReceivedRequest]:
        """Every request that arrived, failed or not, in order."""
        return self._attempts.snapshot()

    @property
    def failed(self) -> list[ReceivedRequest]:
        """Requests answered with anything but 2xx."""
        return [r for r in self.attempts if not 200 <= r.status < 300]

    def wait_for(self, n: int, timeout: float = 5.0) -> list[ReceivedRequest]:
        """Successful deliveries once there are at least n; AssertionError after timeout."""
        return self._requests.wait_for(n, timeout)

    def fail_next(self, n: int, status: int = 500, headers: dict[str, str] | None = None) -> None:
        """Answer the next n requests with this status (and headers) instead of 204."""
        with self._lock:
            self._planned.extend(_Response(status, dict(headers or {})) for _ in range(n))

    def stall_next(self, n: int, seconds: float) -> None:
        """Wait this long before answering (204) the next n requests: for timeout tests."""
        with self._lock:
            self._planned.extend(_Response(204, delay=seconds) for _ in range(n))

    def settings(self, **overrides: Any) -> Settings:
        """Settings that may send to this receiver: plain http to 127.0.0.1 (development only)."""
        values = {"webhook_allow_http": True, "webhook_allow_private": True}
        return Settings(_env_file=None, **(values | overrides))

    def _next_response(self) -> _Response:
        with self._lock:
            return self._planned.pop(0) if self._planned else _Response(204)

    def _record(self, request: ReceivedRequest) -> None:
        self._attempts.append(request)
        if 200 <= request.status < 300:
            self._requests.append(request)


def _handler_for(receiver: WebhookReceiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            planned = receiver._next_response()
            if planned.delay and receiver._stopping.wait(planned.delay):
                return
            headers = {name.lower(): value for name, value in self.headers.items()}
            # Recorded before answering, so it is there by the time the sender returns.
            receiver._record(
                ReceivedRequest(self.command, self.path, headers, body, planned.status)
            )
            self.send_response(planned.status)
            for name, value in planned.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_PUT = do_POST

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output clean

    return Handler


@contextmanager
def running_webhook_receiver() -> Iterator[WebhookReceiver]:
    """A webhook receiver for the duration of the block."""
    receiver = WebhookReceiver()
    receiver.start()
    try:
        yield receiver
    finally:
        receiver.stop()


@pytest.fixture
def webhook_receiver() -> Iterator[WebhookReceiver]:
    """A real HTTP server on 127.0.0.1 for this test."""
    with running_webhook_receiver() as receiver:
        yield receiver


# --- nothing listening -------------------------------------------------------------------


@contextmanager
def port_that_refuses() -> Iterator[int]:
    """A loopback port that refuses connections: bound (so nobody else takes it), not listening."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@contextmanager
def port_that_never_answers() -> Iterator[int]:
    """A loopback port that accepts connections but never says anything: for timeouts."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)  # the kernel completes the handshake; nobody ever accepts
        yield sock.getsockname()[1]


@pytest.fixture
def refusing_port() -> Iterator[int]:
    """A loopback port where connections are refused."""
    with port_that_refuses() as port:
        yield port


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A loopback port that accepts connections and then says nothing."""
    with port_that_never_answers() as port:
        yield port
