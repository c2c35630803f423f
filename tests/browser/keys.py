"""Moving through a page with the keyboard, as a keyboard user does."""

from __future__ import annotations

from playwright.async_api import Page


async def tab_to(page: Page, selector: str, limit: int = 250) -> None:
    """Press Tab until `selector` has the focus, and check the focus is visible there."""
    for _ in range(limit):
        await page.keyboard.press("Tab")
        if await page.evaluate("s => document.activeElement.matches(s)", selector):
            outline = await page.evaluate(
                "() => getComputedStyle(document.activeElement).outlineStyle"
            )
            assert outline != "none", f"no visible focus on {selector}"
            return
    raise AssertionError(f"Tab never reached {selector}")
