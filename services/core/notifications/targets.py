"""Where a webhook may point: https to public addresses, checked at registration and every send.

The host is resolved and refused when any of its addresses is loopback, private, link-local,
multicast, reserved, unspecified or otherwise not globally reachable; IPv4 addresses carried
inside IPv6 ones (mapped, 6to4, NAT64) are judged by the IPv4 address. A send then connects to
the address that was checked, keeping the name for the Host header, the TLS server name and the
certificate check, so a DNS answer that changes after the check (rebinding) cannot steer it.
Plain http and private addresses are for development and tests only, each behind its setting.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

import httpx

from services.core.errors import Invalid
from services.core.settings import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_DEFAULT_PORTS = {"http": 80, "https": 443}


class RefusedTarget(Invalid):
    """A webhook URL Opstap will not send to; `transient` when only its DNS lookup failed."""

    def __init__(self, reason: str, *, transient: bool = False) -> None:
        super().__init__(f"This webhook URL is refused: {reason}.", fields={"url": reason})
        self.reason = reason
        self.transient = transient


@dataclass(frozen=True)
class Target:
    """A checked webhook URL and the address a request to it must connect to."""

    url: httpx.URL
    address: IPAddress

    @property
    def connect_url(self) -> httpx.URL:
        """The URL with its host replaced by the checked address."""
        return self.url.copy_with(host=str(self.address))

    @property
    def host_header(self) -> str:
        """The Host header the receiver expects: the registered name (and port)."""
        return self.url.netloc.decode("ascii")

    @property
    def server_name(self) -> str:
        """The name TLS sends (SNI) and checks the certificate against."""
        return self.url.host


def check(url: str, settings: Settings) -> Target:
    """The URL's target when Opstap may send to it; RefusedTarget (422) saying why not."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise RefusedTarget("it is not a valid URL") from exc
    allowed = ("https", "http") if settings.webhook_allow_http else ("https",)
    if parsed.scheme not in allowed:
        raise RefusedTarget("use https (plain http is switched off)")
    if not parsed.host:
        raise RefusedTarget("it has no host")
    port = parsed.port or _DEFAULT_PORTS[parsed.scheme]
    addresses = _addresses(parsed.host, port)
    if not settings.webhook_allow_private:
        for address in addresses:
            why = refusal(address)
            if why is not None:
                named = "" if str(address) == parsed.host else f"{address}, "
                raise RefusedTarget(f"{parsed.host} is {named}{why}")
    return Target(parsed, addresses[0])


def resolve(host: str, port: int) -> list[IPAddress]:
    """The addresses DNS gives for a name (tests replace this to play a rebinding resolver)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    # The scope of a link-local IPv6 answer (fe80::1%eth0) is dropped; such addresses are refused.
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def _addresses(host: str, port: int) -> list[IPAddress]:
    literal = _literal(host)
    if literal is not None:
        return [literal]
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError) as exc:
        raise RefusedTarget(f"{host} could not be resolved", transient=True) from exc
    if not addresses:
        raise RefusedTarget(f"{host} could not be resolved", transient=True)
    return addresses


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    # The old numeric forms the C resolver still accepts: 2130706433, 0x7f000001, 127.1.
    if host[:1].isdigit():
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def refusal(address: IPAddress) -> str | None:
    """Why a webhook may not connect to this address, or None when it may."""
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        return refusal(embedded)
    checks = (
        (address.is_unspecified, "an unspecified address"),
        (address.is_loopback, "a loopback address"),
        (address.is_link_local, "a link-local address"),
        (address.is_multicast, "a multicast address"),
        (address.is_reserved, "a reserved address"),
        (address.is_private, "a private address"),
        (not address.is_global, "not a public address"),
    )
    return next((why for failed, why in checks if failed), None)


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None
