"""The rules, each a function from one PageVisit to a list of Problems.

Each Problem names its rule; ``report`` adds the page, language and width, so a failure says
everything needed to fix it without rerunning by hand.
"""

from dataclasses import dataclass
from urllib.parse import urldefrag

from .language import english_blocks
from .typography import check_french_typography, normalise

# Stands for text a page marks as another language (<span lang="en">…</span>).
FOREIGN_TEXT = "\ufffc"


@dataclass(frozen=True)
class Problem:
    rule: str
    detail: str


def report(visits_and_problems):
    """A failure message: one line per problem, each with the page, language, width and rule."""
    lines = [
        f"{visit.label} {problem.rule}: {problem.detail}"
        for visit, problems in visits_and_problems
        for problem in problems
    ]
    return f"{len(lines)} problem(s):\n" + "\n".join(lines)


def visit_problems(visit):
    """The visit itself went wrong: the page did not load or a step could not run."""
    problems = [Problem("visit", error) for error in visit.errors]
    if visit.status != visit.expected_status:
        problems.append(
            Problem("visit:status", f"answered {visit.status}, expected {visit.expected_status}")
        )
    return problems


def axe_problems(visit):
    problems = []
    for violation in visit.axe_violations:
        nodes = violation.get("nodes", [])
        targets = ", ".join(" ".join(node.get("target", [])) for node in nodes[:5])
        if len(nodes) > 5:
            targets += f" and {len(nodes) - 5} more"
        summary = ""
        if nodes and nodes[0].get("failureSummary"):
            summary = " | " + " ".join(nodes[0]["failureSummary"].split())[:300]
        problems.append(
            Problem(
                f"axe:{violation['id']}",
                f"{violation['help']} ({violation.get('impact')}) on {targets}{summary} "
                f"— {violation.get('helpUrl', '')}",
            )
        )
    return problems


def privacy_problems(visit):
    """No request to any other origin while the page loads (nor one the CSP had to refuse)."""
    prefix = visit.origin + "/"
    foreign = sorted(
        {
            url
            for url in visit.requests
            if not url.startswith(prefix) and not url.startswith(("data:", "blob:", "about:"))
        }
    )
    problems = [Problem("privacy:other-origin", f"the browser requested {url}") for url in foreign]
    problems += [
        Problem("privacy:csp-refused", f"the page tried to load {blocked}")
        for blocked in visit.csp_violations
    ]
    return problems


def link_problems(visit, fetcher):
    """Every internal link, image, stylesheet and script answers 200 (no redirect), every
    in-page #target exists, and nothing the browser loaded from this site failed."""
    problems = []
    prefix = visit.origin + "/"
    checked = {urldefrag(visit.url).url}  # "#main" on the page itself: see missing_targets
    for address in visit.addresses:
        url = urldefrag(address["url"]).url
        if not url.startswith(prefix) or url in checked:
            continue
        checked.add(url)
        if address["kind"].startswith("form"):
            continue
        answer = fetcher.get(url)
        if answer.status != 200:
            where = f"{address['kind']} {address['raw']!r} in {address['where']}"
            outcome = f"answers {answer.status or 'nothing'}"
            if answer.location:
                outcome += f" (redirect to {answer.location})"
            problems.append(Problem("links:status", f"{where} → {url} {outcome}"))
    for missing in visit.missing_targets:
        problems.append(
            Problem(
                "links:fragment",
                f"{missing['where']} links to {missing['href']}, which is not on the page",
            )
        )
    for url, status in visit.bad_responses:
        if url.startswith(prefix) and urldefrag(url).url not in checked:
            problems.append(Problem("links:loaded", f"the browser got {status} for {url}"))
    for url, reason in visit.failed_requests:
        if url.startswith(prefix):
            problems.append(Problem("links:loaded", f"the browser could not load {url}: {reason}"))
    return problems


def _focus_shown(stop):
    return stop["outlineVisible"] or (stop["boxShadow"] not in ("", "none"))


def keyboard_problems(visit):
    problems = []
    stops = visit.tab_stops
    if not stops:
        return [Problem("keyboard:tab", "Tab reaches nothing on the page")]

    first = stops[0]
    if not first["skipLink"]:
        problems.append(
            Problem(
                "keyboard:skip-link-first",
                f"the first Tab stop is {first['where']} “{first['text']}”, not a.skip-link",
            )
        )
    elif not first["inViewport"]:
        problems.append(
            Problem("keyboard:skip-link-visible", "the focused skip link is not on screen")
        )
    if visit.skip_link_target != "main":
        problems.append(
            Problem(
                "keyboard:skip-link-target",
                f"Enter on the skip link moves focus to {visit.skip_link_target!r}, "
                "not to <main id=main>",
            )
        )

    for stop in stops:
        if not _focus_shown(stop):
            problems.append(
                Problem(
                    "keyboard:focus-visible",
                    f"{stop['where']} “{stop['text']}” shows no focus "
                    f"(outline {stop['outline']}, box-shadow {stop['boxShadow']})",
                )
            )
        elif not stop["inViewport"]:
            problems.append(
                Problem(
                    "keyboard:focus-off-screen",
                    f"{stop['where']} “{stop['text']}” takes focus but is not on screen",
                )
            )

    if not any(stop["switcher"] for stop in stops):
        problems.append(Problem("keyboard:switcher", "Tab never reaches the language switcher"))
    elif visit.switcher_href and visit.switcher_landed != visit.switcher_href:
        problems.append(
            Problem(
                "keyboard:switcher",
                f"Enter on the language switcher led to {visit.switcher_landed}, "
                f"not {visit.switcher_href}",
            )
        )
    reached = {stop["navIndex"] for stop in stops if stop["navIndex"] >= 0}
    for index, link in enumerate(visit.nav_links):
        if index not in reached:
            problems.append(
                Problem(
                    "keyboard:navigation",
                    f"Tab never reaches the navigation link “{link['text']}” ({link['href']})",
                )
            )
    return problems


def overflow_problems(visit):
    overflow = visit.overflow
    if not overflow or overflow["scrollWidth"] <= overflow["viewport"]:
        return []
    wide = "; ".join(overflow["wide"]) or "no single element found"
    return [
        Problem(
            "layout:horizontal-scroll",
            f"the page is {overflow['scrollWidth']} px wide in a {overflow['viewport']} px "
            f"viewport; too wide: {wide}",
        )
    ]


def block_texts(visit, language_prefix):
    """(where, text) of every block, with text marked as another language replaced by one
    FOREIGN_TEXT character (so it neither counts nor glues its neighbours together)."""
    texts = []
    for block in visit.text_blocks:
        pieces = []
        for text, lang in block["parts"]:
            if not lang or lang.startswith(language_prefix):
                pieces.append(text)
            elif not pieces or pieces[-1] != FOREIGN_TEXT:
                pieces.append(FOREIGN_TEXT)
        text = normalise("".join(pieces))
        if text.strip(FOREIGN_TEXT + " "):
            texts.append((block["where"], text))
    return texts


def french_text_problems(visit):
    problems = []
    for where, text, score in english_blocks(block_texts(visit, "fr")):
        shown = text if len(text) <= 200 else text[:200] + "…"
        problems.append(
            Problem(
                "language:english-text",
                f"{where} reads as English ({score.english} English and {score.french} French "
                f'stop words; translate it, or mark it lang="en" if it is meant to be): '
                f"“{shown}”",
            )
        )
    return problems


def typography_problems(visit):
    problems = []
    for where, text in block_texts(visit, "fr"):
        for offence in check_french_typography(text):
            problems.append(Problem(f"typography:{offence.rule}", f"{where}: {offence}"))
    return problems
