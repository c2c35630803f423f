"""Outbound delivery channels: email over SMTP and signed webhooks over HTTP.

The functions block; callers on an event loop run them with `asyncio.to_thread`. Every
failure to deliver is a `DeliveryFailed` that says whether trying again later may help.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
import smtplib
import ssl
import time
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

import httpx

from services.core.errors import OpstapError
from services.core.notifications import targets
from services.core.settings import Settings

SMTP_TIMEOUT_SECONDS = 10.0
WEBHOOK_USER_AGENT = "opstap-webhook/1"
SIGNATURE_SCHEME = "v1"
SECRET_PREFIX = "whsec_"
# Statuses that say "not now" rather than "never": request timeout and rate limiting.
_TRANSIENT_CLIENT_STATUSES = frozenset({408, 429})
_MAX_REASON_CHARS = 300


class ChannelNotConfigured(OpstapError):
    """The channel has no configuration, so nothing can be sent through it."""

    code = "channel_not_configured"
    status = 503


class DeliveryFailed(OpstapError):
    """A message was not delivered; `transient` says whether a retry may succeed."""

    code = "delivery_failed"
    status = 502

    def __init__(self, reason: str, transient: bool, *, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient
        self.retry_after = retry_after

    def __repr__(self) -> str:
        return f"DeliveryFailed({self.reason!r}, transient={self.transient})"


# --- email -------------------------------------------------------------------------------


def send_email(
    settings: Settings,
    to: str,
    subject: str,
    text: str,
    html: str | None = None,
    *,
    message_id: str | None = None,
) -> None:
    """Send one UTF-8 email (plain text, optionally with an HTML alternative) over SMTP."""
    if not settings.smtp_host:
        raise ChannelNotConfigured("email is not configured: set OPSTAP_SMTP_HOST")
    message = _build_email(settings.smtp_from, to, subject, text, html, message_id)
    where = f"{settings.smtp_host}:{settings.smtp_port}"
    try:
        _transmit(settings, message, to)
    except smtplib.SMTPRecipientsRefused as exc:
        code, reply = next(iter(exc.recipients.values()), (-1, b""))
        raise _smtp_reply_failure(where, code, reply) from exc
    except smtplib.SMTPResponseException as exc:
        raise _smtp_reply_failure(where, exc.smtp_code, exc.smtp_error) from exc
    except smtplib.SMTPServerDisconnected as exc:
        raise DeliveryFailed(f"SMTP server {where} disconnected: {exc}", True) from exc
    except smtplib.SMTPException as exc:
        # What is left (no STARTTLS or SMTPUTF8 support, no usable AUTH method) is a
        # mismatch between our configuration and the server: retrying cannot fix it.
        raise DeliveryFailed(f"SMTP server {where}: {_short(str(exc))}", False) from exc
    except ssl.SSLCertVerificationError as exc:
        raise DeliveryFailed(f"SMTP server {where}: {_short(str(exc))}", False) from exc
    except OSError as exc:  # refused, reset, timed out, name not resolved
        reason = f"cannot reach SMTP server {where}: {_short(str(exc) or type(exc).__name__)}"
        raise DeliveryFailed(reason, True) from exc


def _build_email(
    sender: str, to: str, subject: str, text: str, html: str | None, message_id: str | None
) -> EmailMessage:
    try:
        message = EmailMessage()
        message["From"] = sender
        message["To"] = to
        message["Subject"] = subject
        message["Date"] = formatdate(usegmt=True)
        message["Message-ID"] = _msg_id(message_id, sender)
        message.set_content(text, charset="utf-8")
        if html is not None:
            message.add_alternative(html, subtype="html", charset="utf-8")
    except ValueError as exc:  # e.g. a line break in a header: the input is wrong
        raise DeliveryFailed(f"invalid email: {_short(str(exc))}", False) from exc
    return message


def _msg_id(message_id: str | None, sender: str) -> str:
    if message_id is None:
        domain = sender.rpartition("@")[2].strip(" >") or "localhost"
        return make_msgid(domain=domain)
    return message_id if message_id.startswith("<") else f"<{message_id}>"


def _transmit(settings: Settings, message: EmailMessage, to: str) -> None:
    assert settings.smtp_host
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT_SECONDS) as smtp:
        if settings.smtp_starttls:
            smtp.starttls(context=ssl.create_default_context())
        if settings.smtp_user:
            password = settings.smtp_password
            smtp.login(settings.smtp_user, password.get_secret_value() if password else "")
        smtp.send_message(message, to_addrs=[to])


def _smtp_reply_failure(where: str, code: int, reply: bytes | str) -> DeliveryFailed:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    # 4xx says "try again later", 5xx "this will not work"; anything else is a broken
    # conversation (the server hung up), which is worth another try.
    transient = not 500 <= code < 600
    return DeliveryFailed(f"SMTP server {where} replied {code}: {_short(text)}", transient)


# --- webhooks ----------------------------------------------------------------------------


def generate_secret() -> str:
    """A new webhook signing secret."""
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of `{timestamp}.{body}` under the secret."""
    signed = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def verify(
    secret: str,
    timestamp: int,
    body: bytes,
    signature: str,
    *,
    tolerance_seconds: int = 300,
    now: float | None = None,
) -> bool:
    """Whether a signature (the header value, or bare hex) is valid and recent enough."""
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance_seconds:
        return False
    expected = sign(secret, timestamp, body).encode()
    # The header may carry several signatures (`v1=a,v1=b`) while a secret is rotated.
    matches = [
        hmac.compare_digest(expected, candidate.encode("utf-8", "replace"))
        for candidate in _signature_candidates(signature)
    ]
    return any(matches)


def _signature_candidates(signature: str) -> list[str]:
    candidates = []
    for part in signature.split(","):
        scheme, equals, value = part.strip().partition("=")
        if not equals:
            candidates.append(scheme)
        elif scheme == SIGNATURE_SCHEME:
            candidates.append(value)
    return candidates


def post_webhook(
    settings: Settings,
    url: str,
    secret: str,
    body: bytes,
    *,
    delivery_id: str,
    timeout: float = 5.0,
) -> None:
    """POST a signed JSON body to a webhook URL; a 2xx reply is a delivery.

    The URL is checked again first (`targets.check`) and the request goes to the address that
    passed, so a name that now resolves to a private address fails without a connection.
    """
    try:
        target = targets.check(url, settings)
    except targets.RefusedTarget as exc:
        raise DeliveryFailed(f"webhook refused: {exc.reason}", exc.transient) from exc
    timestamp = int(time.time())
    headers = {
        "Host": target.host_header,
        "Content-Type": "application/json",
        "User-Agent": WEBHOOK_USER_AGENT,
        "Opstap-Delivery-Id": delivery_id,
        "Opstap-Timestamp": str(timestamp),
        "Opstap-Signature": f"{SIGNATURE_SCHEME}={sign(secret, timestamp, body)}",
    }
    try:
        # Redirects are not followed: a signed request goes only where it was registered.
        with (
            httpx.Client(timeout=timeout, follow_redirects=False) as client,
            client.stream(
                "POST",
                target.connect_url,
                content=body,
                headers=headers,
                extensions={"sni_hostname": target.server_name},
            ) as response,
        ):
            # The reply body is never read: a receiver cannot make us download anything.
            status, retry_after = response.status_code, response.headers.get("Retry-After")
    except httpx.TimeoutException as exc:
        raise DeliveryFailed(f"webhook timed out after {timeout:g} s", True) from exc
    except (httpx.UnsupportedProtocol, httpx.LocalProtocolError) as exc:
        raise DeliveryFailed(f"webhook request is invalid: {_short(str(exc))}", False) from exc
    except httpx.TransportError as exc:  # refused, reset, broken reply
        reason = f"webhook unreachable: {type(exc).__name__}: {_short(str(exc))}"
        raise DeliveryFailed(reason, True) from exc
    except httpx.InvalidURL as exc:
        raise DeliveryFailed("webhook URL is invalid", False) from exc
    failure = _status_failure(status, retry_after)
    if failure is not None:
        raise failure


def _status_failure(status: int, retry_after: str | None) -> DeliveryFailed | None:
    if 200 <= status < 300:
        return None
    if 300 <= status < 400:
        return DeliveryFailed(f"webhook replied {status} (redirects are not followed)", False)
    transient = status >= 500 or status in _TRANSIENT_CLIENT_STATUSES
    wait = _retry_after_seconds(retry_after) if transient else None
    return DeliveryFailed(f"webhook replied {status}", transient, retry_after=wait)


def _retry_after_seconds(value: str | None) -> float | None:
    # Only the delta-seconds form; an HTTP date falls back to our own backoff.
    if value is None or not value.strip().isdigit():
        return None
    return float(value.strip())


# --- retries -----------------------------------------------------------------------------


def backoff_ceiling(attempt: int, base: float, cap: float) -> float:
    """The longest wait before retry `attempt` (1-based): base * 2**(attempt-1), at most cap."""
    if attempt < 1:
        raise ValueError("attempt counts from 1")
    if base < 0 or cap < 0:
        raise ValueError("base and cap must not be negative")
    # The exponent is bounded so that a runaway attempt count cannot overflow a float.
    return min(cap, base * 2.0 ** min(attempt - 1, 64))


def backoff_seconds(
    attempt: int, base: float, cap: float, *, rng: random.Random | None = None
) -> float:
    """A wait before retry `attempt`: uniform in [0, backoff_ceiling) ("full jitter")."""
    draw = rng.random() if rng is not None else random.random()
    return backoff_ceiling(attempt, base, cap) * draw


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_REASON_CHARS else text[: _MAX_REASON_CHARS - 1] + "…"
