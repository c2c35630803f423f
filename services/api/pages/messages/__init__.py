"""Every text of the web pages, in Dutch (nl.py) and English (en.py); tests check that both
have the same keys and placeholders."""

from __future__ import annotations

from services.api.pages.messages.en import EN
from services.api.pages.messages.nl import NL

CATALOGUE: dict[str, dict[str, str]] = {"nl": NL, "en": EN}

__all__ = ["CATALOGUE", "EN", "NL"]
