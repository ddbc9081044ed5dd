"""One visit of one page at one width in Chromium: everything the checks need, gathered once.

A visit loads the page, records every request, runs axe, reads the DOM (links, text blocks,
overflow), saves a screenshot, walks the page with the Tab key and finally follows the language
switcher with Enter. The checks (checks.py) then only read the resulting PageVisit.
"""

import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

from .crawl import language_of, origin_of

WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
MAX_TAB_STOPS = 400
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Nothing but this machine resolves, so a test run never reaches another site; requests
    # to other origins are still made (and recorded by the visit), they just fail.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]

_axe = Axe()
_SCRIPTS = Path(__file__).resolve().parent / "scripts"


def _script(name):
    """A function from scripts/, without its leading // comment (evaluate wants an expression)."""
    lines = (_SCRIPTS / f"{name}.js").read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("//"))


_DESCRIBE_JS = _script("describe")  # defines window.__describe(element) for the others
_TEXT_BLOCKS_JS = _script("text_blocks")
_ADDRESSES_JS = _script("addresses")
_OVERFLOW_JS = _script("overflow")
_ACTIVE_JS = _script("active_element")
_NAV_LINKS_JS = _script("nav_links")


@dataclass
class PageVisit:
    url: str
    width: str
    expected_status: int = 200
    language: str | None = None
    status: int | None = None
    requests: list = field(default_factory=list)  # every address the browser asked for
    bad_responses: list = field(default_factory=list)  # (address, status) of 4xx/5xx
    failed_requests: list = field(default_factory=list)  # (address, reason)
    csp_violations: list = field(default_factory=list)  # addresses the CSP refused
    axe_violations: list = field(default_factory=list)
    addresses: list = field(default_factory=list)  # {"kind", "raw", "url", "where"}
    missing_targets: list = field(default_factory=list)
    text_blocks: list = field(default_factory=list)  # {"where", "parts": [[text, lang]]}
    overflow: dict = field(default_factory=dict)
    tab_stops: list = field(default_factory=list)
    skip_link_target: str | None = None
    nav_links: list = field(default_factory=list)
    header_height: float | None = None
    switcher_href: str | None = None
    switcher_landed: str | None = None
    screenshot: Path | None = None
    errors: list = field(default_factory=list)  # a step that could not run
    timings: dict = field(default_factory=dict)  # seconds per step, for tuning the suite

    @property
    def origin(self):
        return origin_of(self.url)

    @property
    def viewport(self):
        return WIDTHS[self.width]

    @property
    def label(self):
        width, height = self.viewport
        return f"{self.url} [{self.language or '?'}, {self.width} {width}×{height}]"


def screenshot_name(url, width):
    path = urlsplit(url).path.strip("/") or "root"
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", path)
    return f"{slug}--{width}.png"


def new_context(browser, width):
    """A browser context at one width that records what the Content-Security-Policy refuses."""
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, locale="en-CA")
    context.add_init_script(
        "window.__csp = [];"
        "document.addEventListener('securitypolicyviolation',"
        " (e) => window.__csp.push(e.blockedURI + ' (' + e.violatedDirective + ')'));"
    )
    return context


def visit_page(context, url, width, screenshot_dir=None, expected_status=200):
    """Everything about one page at one width; a step that fails is noted, not raised."""
    result = PageVisit(url=url, width=width, expected_status=expected_status)
    result.language = language_of(url)
    page = context.new_page()

    def note_bad_response(response):
        if response.status >= 400 and response.url != url:
            result.bad_responses.append((response.url, response.status))

    page.on("request", lambda request: result.requests.append(request.url))
    page.on("response", note_bad_response)
    page.on(
        "requestfailed",
        lambda request: result.failed_requests.append((request.url, request.failure or "")),
    )
    try:
        with _timed(result, "load"):
            response = page.goto(url, wait_until="load")
        result.status = response.status if response else None
        with _timed(result, "axe"):
            page.evaluate(_DESCRIBE_JS)
            _run_axe(page, result)
        with _timed(result, "read"):
            addresses = page.evaluate(_ADDRESSES_JS)
            result.addresses = addresses["found"]
            result.missing_targets = addresses["missingTargets"]
            result.text_blocks = page.evaluate(_TEXT_BLOCKS_JS)
            result.overflow = page.evaluate(_OVERFLOW_JS)
            result.nav_links = page.evaluate(_NAV_LINKS_JS)
            result.header_height = page.evaluate(
                "document.querySelector('header.site-header')?.getBoundingClientRect().height"
            )
            result.csp_violations = page.evaluate("window.__csp || []")
        if screenshot_dir is not None:
            path = Path(screenshot_dir) / screenshot_name(url, width)
            path.parent.mkdir(parents=True, exist_ok=True)
            with _timed(result, "screenshot"):
                page.screenshot(path=str(path), full_page=True)
            result.screenshot = path
        with _timed(result, "keyboard"):
            _walk_with_tab(page, result)
            _skip_link_with_enter(page, result)
        with _timed(result, "switcher"):
            _switcher_with_enter(page, result)
    except Exception as error:  # noqa: BLE001 - reported by the checks with the page's name
        result.errors.append(f"{type(error).__name__}: {error}".splitlines()[0])
    finally:
        page.close()
    return result


@contextmanager
def _timed(result, step):
    start = time.perf_counter()
    try:
        yield
    finally:
        result.timings[step] = time.perf_counter() - start


def _run_axe(page, result):
    response = _axe.run(
        page,
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    ).response
    result.axe_violations = response["violations"]


# On a phone the main navigation folds behind a "Menu" button: a person opens it with Enter.
OPEN_FOLDED_MENU_JS = """() => {
  const el = document.activeElement;
  return !!el && el.matches('button.site-nav-toggle')
    && el.getAttribute('aria-expanded') === 'false';
}"""


def open_menu_if_focused(page):
    """Press Enter on the folded menu's button when it has the focus; True if it did."""
    if page.evaluate(OPEN_FOLDED_MENU_JS):
        page.keyboard.press("Enter")
        return True
    return False


def _walk_with_tab(page, result):
    """Tab from the top of a fresh page until focus leaves the page or comes round again."""
    seen = set()
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        open_menu_if_focused(page)
        stop = page.evaluate(_ACTIVE_JS)
        if stop is None:
            if result.tab_stops:
                break
            continue
        if stop["stop"] in seen:  # round again to an element already reached
            break
        seen.add(stop["stop"])
        result.tab_stops.append(stop)


def _skip_link_with_enter(page, result):
    if not page.locator("a.skip-link").count():
        return
    page.locator("a.skip-link").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(50)
    result.skip_link_target = page.evaluate(
        "document.activeElement ? (document.activeElement.id || document.activeElement.tagName)"
        " : null"
    )


def _switcher_with_enter(page, result):
    switcher = page.locator("a.language-switcher").first
    if not page.locator("a.language-switcher").count():
        return
    result.switcher_href = switcher.evaluate("(a) => a.href")
    switcher.focus()
    # Wait for the whole load: closing a page in the middle of one can hang Chromium's driver.
    with page.expect_navigation(wait_until="load", timeout=15_000):
        page.keyboard.press("Enter")
    result.switcher_landed = page.url
