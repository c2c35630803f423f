"""Email and webhook delivery against real local receivers, and the retry backoff."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import random
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from services.core.notifications import channels
from services.core.notifications.channels import (
    ChannelNotConfigured,
    DeliveryFailed,
    backoff_ceiling,
    backoff_seconds,
    generate_secret,
    post_webhook,
    send_email,
    sign,
    verify,
)
from services.core.settings import Settings

if TYPE_CHECKING:
    from tests.receivers import SmtpReceiver, WebhookReceiver

# Fixtures only: importing tests.receivers here would load it before pytest can rewrite
# its asserts.
pytest_plugins = ("tests.receivers",)

SUBJECT = "Nieuwe match: café-medewerker in Zoetermeer — één plek vrij"
TEXT = (
    "Beste Eléonore,\n\n"
    "Er is een vacature die bij je past: €12,50 per uur, geen reïntegratie-eisen.\n"
)
HTML = "<p>Beste Eléonore,</p><p>Er is een vacature die bij je past: €12,50 per uur.</p>"
SECRET = "whsec_test-secret-do-not-leak"
# Development settings: plain http to loopback, where the local receivers listen.
DEV = Settings(_env_file=None, webhook_allow_http=True, webhook_allow_private=True)
BODY = json.dumps({"event": "match.proposed", "naam": "Zoë", "marker": "BODY-MARKER"}).encode()


# --- email -------------------------------------------------------------------------------


def test_email_arrives_with_subject_body_and_utf8_intact(smtp_server: SmtpReceiver) -> None:
    send_email(
        smtp_server.settings(),
        "zoë@example.nl",
        SUBJECT,
        TEXT,
        HTML,
        message_id="notification-42@opstap.test",
    )

    [received] = smtp_server.wait_for(1)
    assert received.rcpt_tos == ["zoë@example.nl"]
    assert received.to == "zoë@example.nl"
    assert received.subject == SUBJECT
    assert received.text == TEXT
    assert received.html is not None and received.html.strip() == HTML
    assert received.message_id == "<notification-42@opstap.test>"
    assert "noreply@opstap.test" in received.mail_from


def test_email_without_an_smtp_host_is_not_configured() -> None:
    settings = Settings(_env_file=None, smtp_host=None)

    with pytest.raises(ChannelNotConfigured):
        send_email(settings, "a@example.nl", "Onderwerp", "Tekst")


def test_email_to_a_server_that_is_down_fails_transiently(
    smtp_server: SmtpReceiver, refusing_port: int
) -> None:
    with pytest.raises(DeliveryFailed) as failed:
        send_email(
            smtp_server.settings(smtp_port=refusing_port), "a@example.nl", "Onderwerp", "Tekst"
        )

    assert failed.value.transient
    assert smtp_server.messages == []


def test_email_to_a_server_that_never_answers_times_out_transiently(
    smtp_server: SmtpReceiver, silent_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(channels, "SMTP_TIMEOUT_SECONDS", 0.5)
    started = time.monotonic()

    with pytest.raises(DeliveryFailed) as failed:
        send_email(
            smtp_server.settings(smtp_port=silent_port), "a@example.nl", "Onderwerp", "Tekst"
        )

    assert failed.value.transient
    assert time.monotonic() - started < 5


def test_email_refused_with_451_fails_transiently_and_a_retry_is_delivered(
    smtp_server: SmtpReceiver,
) -> None:
    smtp_server.refuse_next(1)  # 451 4.3.0

    with pytest.raises(DeliveryFailed) as failed:
        send_email(smtp_server.settings(), "a@example.nl", SUBJECT, TEXT)
    assert failed.value.transient
    assert "451" in failed.value.reason
    assert smtp_server.messages == []

    send_email(smtp_server.settings(), "a@example.nl", SUBJECT, TEXT)
    assert [m.subject for m in smtp_server.wait_for(1)] == [SUBJECT]
    assert len(smtp_server.refused) == 1


def test_email_refused_with_550_fails_permanently(smtp_server: SmtpReceiver) -> None:
    smtp_server.refuse_next(1, "550 5.7.1 Message rejected")

    with pytest.raises(DeliveryFailed) as failed:
        send_email(smtp_server.settings(), "a@example.nl", SUBJECT, TEXT)

    assert not failed.value.transient
    assert "550" in failed.value.reason


def test_email_logs_in_with_the_configured_credentials(
    authenticated_smtp_server: SmtpReceiver,
) -> None:
    server = authenticated_smtp_server
    send_email(server.settings(), "a@example.nl", SUBJECT, TEXT)
    [received] = server.wait_for(1)
    assert received.authenticated_as == "opstap"

    with pytest.raises(DeliveryFailed) as failed:
        send_email(server.settings(smtp_password="fout-wachtwoord"), "a@example.nl", "X", TEXT)
    assert not failed.value.transient
    assert "535" in failed.value.reason and "fout-wachtwoord" not in failed.value.reason
    assert len(server.messages) == 1


def test_email_without_a_configured_user_does_not_log_in(smtp_server: SmtpReceiver) -> None:
    send_email(smtp_server.settings(), "a@example.nl", SUBJECT, TEXT)

    assert smtp_server.wait_for(1)[0].authenticated_as is None


def test_a_line_break_in_a_header_is_refused_before_anything_is_sent(
    smtp_server: SmtpReceiver,
) -> None:
    with pytest.raises(DeliveryFailed) as failed:
        send_email(smtp_server.settings(), "a@example.nl", "Hoi\r\nBcc: x@evil.test", TEXT)

    assert not failed.value.transient
    assert smtp_server.messages == [] and smtp_server.refused == []


# --- webhooks: signing -------------------------------------------------------------------


def test_a_delivered_webhook_carries_a_signature_that_verify_accepts(
    webhook_receiver: WebhookReceiver,
) -> None:
    post_webhook(
        webhook_receiver.settings(), webhook_receiver.url, SECRET, BODY, delivery_id="dlv-1"
    )

    [request] = webhook_receiver.wait_for(1)
    assert request.method == "POST"
    assert request.body == BODY
    assert request.header("Content-Type") == "application/json"
    assert request.header("User-Agent") == "opstap-webhook/1"
    assert request.header("Opstap-Delivery-Id") == "dlv-1"
    timestamp = int(request.header("Opstap-Timestamp") or "0")
    assert abs(time.time() - timestamp) < 60
    signature = request.header("Opstap-Signature") or ""
    assert signature == f"v1={sign(SECRET, timestamp, BODY)}"
    assert verify(SECRET, timestamp, request.body, signature)
    assert SECRET not in str(request.headers)


def test_the_signature_is_hmac_sha256_over_timestamp_dot_body() -> None:
    # Computed independently, as a receiver in any language would.
    expected = hmac.new(SECRET.encode(), b"1700000000." + BODY, hashlib.sha256).hexdigest()

    assert sign(SECRET, 1_700_000_000, BODY) == expected


def test_verify_rejects_a_tampered_body_a_wrong_secret_and_a_wrong_timestamp() -> None:
    timestamp = int(time.time())
    signature = f"v1={sign(SECRET, timestamp, BODY)}"

    assert verify(SECRET, timestamp, BODY, signature)
    assert not verify(SECRET, timestamp, BODY.replace(b"Zo", b"Xo"), signature)
    assert not verify(SECRET, timestamp, BODY + b" ", signature)
    assert not verify("whsec_other", timestamp, BODY, signature)
    assert not verify(SECRET, timestamp - 1, BODY, signature)
    assert not verify(SECRET, timestamp, BODY, "v1=")
    assert not verify(SECRET, timestamp, BODY, "v0=" + sign(SECRET, timestamp, BODY))
    assert not verify(SECRET, timestamp, BODY, "v1=ü")


def test_verify_rejects_a_stale_or_future_timestamp() -> None:
    timestamp = 1_700_000_000
    signature = f"v1={sign(SECRET, timestamp, BODY)}"

    assert verify(SECRET, timestamp, BODY, signature, now=timestamp + 300)
    assert not verify(SECRET, timestamp, BODY, signature, now=timestamp + 301)
    assert not verify(SECRET, timestamp, BODY, signature, now=timestamp - 301)
    assert verify(SECRET, timestamp, BODY, signature, tolerance_seconds=3600, now=timestamp + 3000)
    assert not verify(SECRET, timestamp, BODY, signature)  # against the real clock: 2023


def test_verify_accepts_any_of_several_signatures_and_bare_hex() -> None:
    timestamp = int(time.time())
    good = sign(SECRET, timestamp, BODY)

    assert verify(SECRET, timestamp, BODY, f"v1={'0' * 64},v1={good}")
    assert verify(SECRET, timestamp, BODY, f"v1={good}, v1={'0' * 64}")
    assert verify(SECRET, timestamp, BODY, good)


def test_generated_secrets_are_prefixed_long_and_distinct() -> None:
    first, second = generate_secret(), generate_secret()

    assert first.startswith("whsec_") and len(first) >= len("whsec_") + 43
    assert first != second


# --- webhooks: delivery outcomes ---------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "transient"),
    [(500, True), (503, True), (408, True), (429, True), (400, False), (404, False), (410, False)],
)
def test_a_failing_status_is_transient_or_permanent(
    webhook_receiver: WebhookReceiver, status: int, transient: bool
) -> None:
    webhook_receiver.fail_next(1, status=status)

    with pytest.raises(DeliveryFailed) as failed:
        post_webhook(
            webhook_receiver.settings(), webhook_receiver.url, SECRET, BODY, delivery_id="dlv-2"
        )

    assert failed.value.transient is transient
    assert str(status) in failed.value.reason
    assert SECRET not in failed.value.reason and "BODY-MARKER" not in failed.value.reason
    assert [a.status for a in webhook_receiver.attempts] == [status]
    assert webhook_receiver.requests == []


def test_a_transient_failure_then_a_retry_is_received_once(
    webhook_receiver: WebhookReceiver,
) -> None:
    webhook_receiver.fail_next(1, status=500)

    with pytest.raises(DeliveryFailed):
        post_webhook(
            webhook_receiver.settings(), webhook_receiver.url, SECRET, BODY, delivery_id="dlv-3"
        )
    post_webhook(
        webhook_receiver.settings(), webhook_receiver.url, SECRET, BODY, delivery_id="dlv-3"
    )

    assert [r.header("Opstap-Delivery-Id") for r in webhook_receiver.wait_for(1)] == ["dlv-3"]
    assert len(webhook_receiver.requests) == 1
    assert [a.status for a in webhook_receiver.attempts] == [500, 204]


def test_retry_after_is_passed_on_for_rate_limiting(webhook_receiver: WebhookReceiver) -> None:
    webhook_receiver.fail_next(1, status=429, headers={"Retry-After": "120"})

    with pytest.raises(DeliveryFailed) as failed:
        post_webhook(
            webhook_receiver.settings(), webhook_receiver.url, SECRET, BODY, delivery_id="dlv-4"
        )

    assert failed.value.transient and failed.value.retry_after == 120


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_not_followed(webhook_receiver: WebhookReceiver, status: int) -> None:
    elsewhere = webhook_receiver.url + "/elsewhere"
    webhook_receiver.fail_next(1, status=status, headers={"Location": elsewhere})

    with pytest.raises(DeliveryFailed) as failed:
        post_webhook(
            webhook_receiver.settings(), webhook_receiver.url, SECRET, BODY, delivery_id="dlv-5"
        )

    assert not failed.value.transient
    assert failed.value.reason == f"webhook replied {status} (redirects are not followed)"
    assert [a.path for a in webhook_receiver.attempts] == ["/hooks/opstap"]
    assert webhook_receiver.requests == []


def test_a_refused_connection_fails_transiently(refusing_port: int) -> None:
    with pytest.raises(DeliveryFailed) as failed:
        post_webhook(
            DEV, f"http://127.0.0.1:{refusing_port}/hook", SECRET, BODY, delivery_id="dlv-6"
        )

    assert failed.value.transient
    assert SECRET not in failed.value.reason and "BODY-MARKER" not in failed.value.reason


def test_a_slow_receiver_times_out_transiently(webhook_receiver: WebhookReceiver) -> None:
    webhook_receiver.stall_next(1, seconds=3)
    started = time.monotonic()

    with pytest.raises(DeliveryFailed) as failed:
        post_webhook(
            webhook_receiver.settings(),
            webhook_receiver.url,
            SECRET,
            BODY,
            delivery_id="dlv-7",
            timeout=0.3,
        )

    assert failed.value.transient
    assert time.monotonic() - started < 2


def test_a_url_that_is_not_http_fails_permanently() -> None:
    with pytest.raises(DeliveryFailed) as failed:
        post_webhook(DEV, "ftp://127.0.0.1/hook", SECRET, BODY, delivery_id="dlv-8")

    assert not failed.value.transient


# --- webhooks: where a request may go ----------------------------------------------------


def test_a_send_connects_to_the_checked_address_and_keeps_the_name_as_host(
    webhook_receiver: WebhookReceiver, dns: dict[str, str]
) -> None:
    # Only the stub knows this name: a request that resolved it again could not connect.
    dns["hooks.opstap.test"] = "127.0.0.1"
    port = webhook_receiver.url.split(":")[2].split("/")[0]
    url = f"http://hooks.opstap.test:{port}/hooks/opstap"

    post_webhook(webhook_receiver.settings(), url, SECRET, BODY, delivery_id="dlv-9")

    [request] = webhook_receiver.wait_for(1)
    assert request.header("Host") == f"hooks.opstap.test:{port}"
    assert request.path == "/hooks/opstap"


def test_a_name_that_now_resolves_to_loopback_is_refused_without_a_connection(
    dns: dict[str, str],
) -> None:
    dns["hooks.opstap.test"] = "127.0.0.1"
    # Plain http allowed, private addresses not: only the address check stands in the way.
    settings = Settings(_env_file=None, webhook_allow_http=True, webhook_allow_private=False)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        url = f"http://hooks.opstap.test:{listener.getsockname()[1]}/hook"

        with pytest.raises(DeliveryFailed) as failed:
            post_webhook(settings, url, SECRET, BODY, delivery_id="dlv-10")

        listener.setblocking(False)
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody connected
    assert failed.value.reason == (
        "webhook refused: hooks.opstap.test is 127.0.0.1, a loopback address"
    )
    assert not failed.value.transient


def test_a_name_that_does_not_resolve_fails_transiently(dns: dict[str, str]) -> None:
    with pytest.raises(DeliveryFailed) as failed:
        post_webhook(DEV, "https://gone.opstap.test/hook", SECRET, BODY, delivery_id="dlv-11")

    assert failed.value.transient
    assert failed.value.reason == "webhook refused: gone.opstap.test could not be resolved"


def test_tls_names_the_registered_host_while_connecting_to_the_checked_address(
    tmp_path: Path, dns: dict[str, str]
) -> None:
    dns["hooks.opstap.test"] = "127.0.0.1"
    seen: list[str | None] = []
    with _tls_listener(tmp_path, seen) as port, pytest.raises(DeliveryFailed) as failed:
        url = f"https://hooks.opstap.test:{port}/hook"
        post_webhook(DEV, url, SECRET, BODY, delivery_id="dlv-12")

    assert seen == ["hooks.opstap.test"]  # SNI: the name, not 127.0.0.1
    assert "CERTIFICATE_VERIFY_FAILED" in failed.value.reason  # self-signed: not trusted


@contextmanager
def _tls_listener(folder: Path, seen: list[str | None]) -> Iterator[int]:
    """A TLS server with a self-signed certificate that records the server name asked for."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=hooks.opstap.test", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: seen.append(name)  # type: ignore[assignment]
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)

        def serve() -> None:
            conn, _ = listener.accept()
            with conn, contextlib.suppress(OSError):
                context.wrap_socket(conn, server_side=True).close()

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        yield listener.getsockname()[1]
        thread.join(timeout=5)


# --- backoff -----------------------------------------------------------------------------


def test_backoff_ceiling_doubles_from_base_up_to_cap() -> None:
    ceilings = [backoff_ceiling(attempt, base=2.0, cap=60.0) for attempt in range(1, 8)]

    assert ceilings == [2.0, 4.0, 8.0, 16.0, 32.0, 60.0, 60.0]
    assert backoff_ceiling(100_000, base=2.0, cap=60.0) == 60.0
    with pytest.raises(ValueError):
        backoff_ceiling(0, base=2.0, cap=60.0)


def test_backoff_is_full_jitter_within_its_ceiling() -> None:
    rng = random.Random(6)
    for attempt in range(1, 12):
        ceiling = backoff_ceiling(attempt, base=1.0, cap=30.0)
        draws = [backoff_seconds(attempt, 1.0, 30.0, rng=rng) for _ in range(500)]
        assert all(0.0 <= d < ceiling for d in draws)
        # Full jitter spreads over the whole range rather than clustering at the ceiling.
        assert min(draws) < 0.1 * ceiling and max(draws) > 0.9 * ceiling


def test_backoff_without_an_rng_stays_within_its_ceiling() -> None:
    assert all(0.0 <= backoff_seconds(3, 1.0, 30.0) < 4.0 for _ in range(200))
