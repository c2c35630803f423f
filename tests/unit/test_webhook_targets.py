"""Which webhook URLs Opstap sends to: https on public addresses, however the host is written."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from services.core.notifications import targets
from services.core.notifications.targets import RefusedTarget
from services.core.settings import Settings

STRICT = Settings(_env_file=None, webhook_allow_http=False, webhook_allow_private=False)
DEV = Settings(_env_file=None, webhook_allow_http=True, webhook_allow_private=True)
PUBLIC = ipaddress.ip_address("93.184.215.14")


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """A resolver the test fills in: name -> addresses (a missing name does not resolve)."""
    answers: dict[str, list[str]] = {}

    def resolve(host: str, port: int) -> list[targets.IPAddress]:
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [ipaddress.ip_address(a) for a in answers[host]]

    monkeypatch.setattr(targets, "resolve", resolve)
    return answers


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("127.255.0.9", "loopback"),
        ("::1", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("239.1.2.3", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("100.64.0.1", "not a public address"),  # carrier-grade NAT
        ("192.0.2.1", "private"),  # documentation
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("::ffff:10.0.0.1", "private"),
        ("2002:7f00:1::", "loopback"),  # 6to4 around 127.0.0.1
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 around 169.254.169.254
        ("::127.0.0.1", "reserved"),  # IPv4-compatible (deprecated)
    ],
)
def test_non_public_addresses_are_refused_with_the_reason(address: str, why: str) -> None:
    reason = targets.refusal(ipaddress.ip_address(address))
    assert reason is not None and why in reason


@pytest.mark.parametrize(
    "address", ["93.184.215.14", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]
)
def test_public_addresses_are_allowed(address: str) -> None:
    assert targets.refusal(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1:18999/hook",
        "https://[::1]:8443/hook",
        "https://0x7f000001/hook",
        "https://2130706433/hook",
        "https://127.1/hook",
        "https://[::ffff:7f00:1]/hook",
        "https://[0:0:0:0:0:ffff:127.0.0.1]/hook",
    ],
)
def test_every_way_of_writing_loopback_is_refused_without_dns(
    url: str, dns: dict[str, list[str]]
) -> None:
    with pytest.raises(RefusedTarget) as refused:
        targets.check(url, STRICT)
    assert "a loopback address" in refused.value.reason
    assert refused.value.status == 422 and not refused.value.transient


def test_plain_http_is_refused_unless_the_development_setting_allows_it() -> None:
    with pytest.raises(RefusedTarget, match="use https"):
        targets.check("http://93.184.215.14/hook", STRICT)
    allowed = Settings(_env_file=None, webhook_allow_http=True)
    assert targets.check("http://93.184.215.14/hook", allowed).address == PUBLIC
    with pytest.raises(RefusedTarget, match="use https"):
        targets.check("ftp://93.184.215.14/hook", DEV)


def test_a_name_is_refused_when_any_of_its_addresses_is_private(
    dns: dict[str, list[str]],
) -> None:
    dns["hooks.example.test"] = ["93.184.215.14", "10.0.0.5"]
    with pytest.raises(RefusedTarget, match=r"hooks.example.test is 10.0.0.5, a private address"):
        targets.check("https://hooks.example.test/x", STRICT)


def test_a_public_name_is_pinned_to_the_address_that_was_checked(
    dns: dict[str, list[str]],
) -> None:
    dns["hooks.example.test"] = ["93.184.215.14"]
    target = targets.check("https://hooks.example.test:8443/x?y=1", STRICT)
    assert str(target.connect_url) == "https://93.184.215.14:8443/x?y=1"
    assert target.host_header == "hooks.example.test:8443"
    assert target.server_name == "hooks.example.test"


def test_a_name_that_does_not_resolve_is_refused_as_transient(
    dns: dict[str, list[str]],
) -> None:
    with pytest.raises(RefusedTarget, match="could not be resolved") as refused:
        targets.check("https://nowhere.example.test/x", STRICT)
    assert refused.value.transient


def test_the_development_setting_allows_loopback(dns: dict[str, list[str]]) -> None:
    dns["localhost"] = ["127.0.0.1"]
    assert str(targets.check("http://localhost:8080/x", DEV).address) == "127.0.0.1"


def test_localhost_resolved_for_real_is_refused() -> None:
    with pytest.raises(RefusedTarget, match="loopback"):
        targets.check("https://localhost/hook", STRICT)
