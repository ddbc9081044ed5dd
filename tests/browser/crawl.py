"""The site as a crawler sees it: the sitemap, raw HTTP answers, links between pages, and the
language twins each page claims."""

import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
LANGUAGES = ("en-ca", "fr-ca")
HREFLANGS = {"en-ca": "en-CA", "fr-ca": "fr-CA"}


def origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def language_of(url):
    """The site language of an address from its prefix (/en-ca/…, /fr-ca/…), else None."""
    first = urlsplit(url).path.strip("/").split("/", 1)[0].lower()
    return first if first in LANGUAGES else None


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    alternates: dict  # hreflang (as written, e.g. "fr-CA") -> address

    @property
    def language(self):
        return language_of(self.loc)


def parse_sitemap(xml_text):
    root = ElementTree.fromstring(xml_text)  # our own server's answer, not untrusted input
    entries = []
    for url in root.iter(f"{SITEMAP_NS}url"):
        loc = url.findtext(f"{SITEMAP_NS}loc", "").strip()
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.iter(f"{XHTML_NS}link")
            if link.get("rel") == "alternate"
        }
        entries.append(SitemapEntry(loc=loc, alternates=alternates))
    return entries


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str = ""
    location: str = ""
    body: str = ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Fetcher:
    """GET without following redirects, each address once (a link must answer 200 itself)."""

    def __init__(self, timeout=20):
        self._opener = urllib.request.build_opener(_NoRedirect())
        self._timeout = timeout
        self._answers = {}

    def get(self, url):
        url = urldefrag(url).url
        if url not in self._answers:
            self._answers[url] = self._fetch(url)
        return self._answers[url]

    def _fetch(self, url):
        request = urllib.request.Request(url, headers={"Accept-Language": "en-CA"})
        try:
            with self._opener.open(request, timeout=self._timeout) as response:
                return self._answer(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            return self._answer(error.code, error.headers, error.read())
        except (urllib.error.URLError, OSError) as error:
            return Answer(status=0, body=str(error))

    @staticmethod
    def _answer(status, headers, raw):
        content_type = headers.get("Content-Type", "") if headers else ""
        textual = content_type.startswith("text/") or "xml" in content_type
        body = raw.decode("utf-8", "replace") if textual else ""
        location = headers.get("Location", "") if headers else ""
        return Answer(status=status, content_type=content_type, location=location, body=body)


@dataclass
class PageMeta:
    """What a page's HTML says about itself and where it links."""

    html_lang: str = ""
    canonical: str = ""
    alternates: dict = field(default_factory=dict)  # hreflang -> absolute address
    switchers: list = field(default_factory=list)  # [{"href", "lang", "hreflang"}]
    links: list = field(default_factory=list)  # absolute a[href] addresses, in order


class _MetaParser(HTMLParser):
    def __init__(self, base_url):
        super().__init__(convert_charrefs=True)
        self.base_url = base_url
        self.meta = PageMeta()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        href = attributes.get("href")
        if tag == "html":
            self.meta.html_lang = attributes.get("lang", "") or ""
        elif tag == "link" and href:
            rel = (attributes.get("rel") or "").lower().split()
            if "canonical" in rel:
                self.meta.canonical = urljoin(self.base_url, href)
            if "alternate" in rel and attributes.get("hreflang"):
                self.meta.alternates[attributes["hreflang"]] = urljoin(self.base_url, href)
        elif tag == "a" and href is not None:
            absolute = urljoin(self.base_url, href)
            self.meta.links.append(absolute)
            if "language-switcher" in (attributes.get("class") or "").split():
                self.meta.switchers.append(
                    {
                        "href": absolute,
                        "lang": attributes.get("lang", ""),
                        "hreflang": attributes.get("hreflang", ""),
                    }
                )


def page_meta(html, base_url):
    parser = _MetaParser(base_url)
    parser.feed(html)
    parser.close()
    return parser.meta


def reachable_pages(start, fetcher, stay_within, limit=2000):
    """Every address reachable from ``start`` by following a[href] links whose address starts
    with ``stay_within`` (fragments dropped), as {address: the page that first linked it}."""
    found = {urldefrag(start).url: None}
    queue = deque(found)
    while queue and len(found) < limit:
        url = queue.popleft()
        answer = fetcher.get(url)
        if answer.status != 200 or not answer.content_type.startswith("text/html"):
            continue
        for link in page_meta(answer.body, url).links:
            link = urldefrag(link).url
            if link.startswith(stay_within) and link not in found:
                found[link] = url
                queue.append(link)
    return found


def orphans(live_pages, reachable):
    """The live pages that following links from the home page never reaches."""
    return [url for url in live_pages if urldefrag(url).url not in reachable]


def parity_problems(entries, meta_for):
    """Language twins: every live page has a live twin in the other language, and both pages
    say so with hreflang and the language switcher.

    ``entries`` are the sitemap's; ``meta_for(address)`` gives a page's PageMeta, or None when
    the page did not answer 200. Returns [(address, rule, detail)].
    """
    problems = []
    live = {entry.loc for entry in entries}
    by_language = {language: [] for language in LANGUAGES}
    for entry in entries:
        if entry.language in by_language:
            by_language[entry.language].append(entry)
        else:
            problems.append((entry.loc, "parity:language-prefix", "not under /en-ca/ or /fr-ca/"))

    for language, own in by_language.items():
        other = LANGUAGES[1 - LANGUAGES.index(language)]
        other_hreflang = HREFLANGS[other]
        for entry in own:
            twin = entry.alternates.get(other_hreflang)
            if not twin:
                problems.append(
                    (entry.loc, "parity:missing-twin", f"the sitemap gives no {other} twin")
                )
                continue
            if twin not in live:
                problems.append(
                    (entry.loc, "parity:twin-not-live", f"{twin} is not a live page in the sitemap")
                )
                continue
            meta = meta_for(entry.loc)
            if meta is None:
                problems.append((entry.loc, "parity:page", "the page does not answer 200"))
                continue
            if meta.html_lang != HREFLANGS[language]:
                problems.append(
                    (
                        entry.loc,
                        "parity:html-lang",
                        f'<html lang="{meta.html_lang}">, expected "{HREFLANGS[language]}"',
                    )
                )
            if meta.alternates.get(other_hreflang) != twin:
                problems.append(
                    (
                        entry.loc,
                        "parity:hreflang",
                        f'<link rel="alternate" hreflang="{other_hreflang}"> is '
                        f"{meta.alternates.get(other_hreflang)!r}, expected {twin}",
                    )
                )
            if meta.alternates.get(HREFLANGS[language]) not in (None, entry.loc):
                problems.append(
                    (
                        entry.loc,
                        "parity:hreflang-self",
                        f"hreflang {HREFLANGS[language]} points to "
                        f"{meta.alternates[HREFLANGS[language]]}, not to the page itself",
                    )
                )
            switchers = [s for s in meta.switchers if s["hreflang"].lower() == other]
            if not switchers:
                problems.append(
                    (
                        entry.loc,
                        "parity:switcher",
                        f'no a.language-switcher with hreflang="{other_hreflang}"',
                    )
                )
            for switcher in switchers:
                if (
                    switcher["href"] != twin
                    and urlsplit(switcher["href"]).path != urlsplit(twin).path
                ):
                    problems.append(
                        (
                            entry.loc,
                            "parity:switcher",
                            f"the switcher goes to {switcher['href']}, not to the twin {twin}",
                        )
                    )
                if switcher["lang"].lower() != other:
                    problems.append(
                        (
                            entry.loc,
                            "parity:switcher-lang",
                            f'the switcher says lang="{switcher["lang"]}", expected '
                            f'"{other_hreflang}"',
                        )
                    )
            twin_meta = meta_for(twin)
            if twin_meta is not None and twin_meta.alternates.get(HREFLANGS[language]) != entry.loc:
                problems.append(
                    (
                        entry.loc,
                        "parity:hreflang-back",
                        f"the twin {twin} does not link back with hreflang "
                        f"{HREFLANGS[language]} (it says "
                        f"{twin_meta.alternates.get(HREFLANGS[language])!r})",
                    )
                )
    return problems
