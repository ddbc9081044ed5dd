"""The pure checkers on their own (no browser, no server): each passes good input and fails
the breakage it exists for."""

import json

import pytest

from . import checks
from .crawl import PageMeta, SitemapEntry, orphans, page_meta, parity_problems, parse_sitemap
from .language import english_blocks, score
from .typography import NARROW_NBSP, NBSP, check_french_typography
from .visit import PageVisit
from .vnu import errors_only, parse_vnu_json

# Typography ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Note{NBSP}: ce traitement ne convient pas à tous.",
        f"Pourquoi{NARROW_NBSP}? Parce que{NARROW_NBSP}! Enfin{NARROW_NBSP}; voilà.",
        "Pourquoi? Parce que! Enfin; voilà.",  # no space at all is allowed
        f"Appelé «{NBSP}thérapie proliférative{NBSP}» au Québec.",
        f"Appelé «{NARROW_NBSP}thérapie{NARROW_NBSP}».",
        "Voir https://example.org/a:b?kind=livres#x ou mailto:info@example.org.",
        "Rendez-vous à 14 h 30 ou à 14:30, ratio 1:2.",
        "info@clinique.example.ca",
        "Site externe",
        "",
    ],
)
def test_typography_accepts_correct_french(text):
    assert check_french_typography(text) == []


@pytest.mark.parametrize(
    ("text", "rule", "shown"),
    [
        ("Note : ce traitement", "space-before-colon", "Note⟦␣:⟧"),
        ("Note: ce traitement", "space-before-colon", "Not⟦e:⟧"),
        ("Afficher :", "space-before-colon", "Afficher⟦␣:⟧"),
        ("Pourquoi ? Parce que.", "space-before-punctuation", "Pourquoi⟦␣?⟧"),
        ("Attention ! Danger.", "space-before-punctuation", "Attention⟦␣!⟧"),
        ("Un ; deux.", "space-before-punctuation", "Un⟦␣;⟧"),
        (f"« thérapie{NBSP}»", "guillemets-spacing", "⟦«␣⟧"),
        (f"«{NBSP}thérapie »", "guillemets-spacing", "thérapie⟦␣»⟧"),
        ("«thérapie»", "guillemets-spacing", "⟦«t⟧"),
    ],
)
def test_typography_reports_each_offence_with_its_context(text, rule, shown):
    offences = check_french_typography(text)
    assert offences, text
    assert offences[0].rule == rule
    assert shown in offences[0].context, offences[0].context


def test_typography_treats_source_line_breaks_as_the_ordinary_space_they_render_as():
    [offence] = check_french_typography("Afficher\n    :")
    assert offence.rule == "space-before-colon"


def test_typography_reports_every_offence_in_reading_order():
    offences = check_french_typography("Note : un. Pourquoi ? Deux « trois ».")
    assert [offence.rule for offence in offences] == [
        "space-before-colon",
        "space-before-punctuation",
        "guillemets-spacing",
        "guillemets-spacing",
    ]


# Language ---------------------------------------------------------------------------------


def test_an_english_paragraph_reads_as_english():
    text = "This paragraph was left in English, and every French reader sees it."
    assert score(text).looks_english


@pytest.mark.parametrize(
    "text",
    [
        "La prolothérapie est un traitement par injections pour certaines douleurs.",
        "Il s’agit d’information générale et non d’un avis médical.",
        "Le but de ce traitement est de renforcer les ligaments.",  # "but" is French too
        "Site externe",
        "Journal of Prolotherapy",  # a title: too few stop words to judge
        "Clinique de prolothérapie",
    ],
)
def test_french_and_short_texts_do_not_read_as_english(text):
    assert not score(text).looks_english


def test_english_blocks_names_the_offending_block():
    blocks = [
        ("p.lead", "La prolothérapie est un traitement."),
        ("p", "This is not French at all."),
    ]
    [(where, text, _)] = english_blocks(blocks)
    assert (where, text) == ("p", "This is not French at all.")


def _visit(**fields):
    return PageVisit(url="http://127.0.0.1:1/fr-ca/", width="phone", language="fr-ca", **fields)


def test_text_marked_as_english_is_left_out_of_the_french_checks():
    marked = _visit(
        text_blocks=[
            {
                "where": "h3",
                "parts": [
                    ["Journal of the Prolotherapy Society: all the news", "en"],
                    [" : ", "fr-ca"],
                ],
            }
        ]
    )
    assert checks.french_text_problems(marked) == []
    [problem] = checks.typography_problems(marked)  # the French " : " is still ours
    assert problem.rule == "typography:space-before-colon"

    unmarked = _visit(
        text_blocks=[
            {"where": "h3", "parts": [["This is all of the news from the society", "fr-ca"]]}
        ]
    )
    [problem] = checks.french_text_problems(unmarked)
    assert "h3 reads as English" in problem.detail


# Other rules over a visit --------------------------------------------------------------------


def test_privacy_reports_requests_to_other_origins_only():
    visit = _visit(
        requests=[
            "http://127.0.0.1:1/fr-ca/",
            "http://127.0.0.1:1/static/css/base.css",
            "data:image/png;base64,xyz",
            "https://cdn.example.com/analytics.js",
            "http://127.0.0.1:2/other-port.js",
        ]
    )
    rules = [(p.rule, p.detail) for p in checks.privacy_problems(visit)]
    assert rules == [
        ("privacy:other-origin", "the browser requested http://127.0.0.1:2/other-port.js"),
        ("privacy:other-origin", "the browser requested https://cdn.example.com/analytics.js"),
    ]


class _Answers:
    def __init__(self, statuses):
        self.statuses = statuses

    def get(self, url):
        from .crawl import Answer

        return Answer(status=self.statuses.get(url, 200))


def test_links_report_missing_pages_redirects_and_missing_fragments():
    visit = _visit(
        addresses=[
            {"kind": "link", "raw": "#main", "url": "http://127.0.0.1:1/fr-ca/#main", "where": "a"},
            {
                "kind": "link",
                "raw": "/fr-ca/x/",
                "url": "http://127.0.0.1:1/fr-ca/x/",
                "where": "p > a",
            },
            {
                "kind": "img",
                "raw": "/media/a.png",
                "url": "http://127.0.0.1:1/media/a.png",
                "where": "img",
            },
            {
                "kind": "link",
                "raw": "https://else.example/",
                "url": "https://else.example/",
                "where": "a",
            },
        ],
        missing_targets=[{"href": "#nowhere", "where": "a.toc"}],
    )
    answers = _Answers({"http://127.0.0.1:1/fr-ca/x/": 404, "http://127.0.0.1:1/media/a.png": 301})
    details = [(p.rule, p.detail) for p in checks.link_problems(visit, answers)]
    assert details == [
        ("links:status", "link '/fr-ca/x/' in p > a → http://127.0.0.1:1/fr-ca/x/ answers 404"),
        ("links:status", "img '/media/a.png' in img → http://127.0.0.1:1/media/a.png answers 301"),
        ("links:fragment", "a.toc links to #nowhere, which is not on the page"),
    ]


def _stop(**overrides):
    stop = {
        "stop": 1,
        "where": "a.skip-link",
        "text": "Passer",
        "href": "#main",
        "skipLink": True,
        "switcher": False,
        "navIndex": -1,
        "outline": "solid 3px",
        "outlineVisible": True,
        "boxShadow": "none",
        "inViewport": True,
    }
    return {**stop, **overrides}


def test_keyboard_rules():
    good = _visit(
        tab_stops=[
            _stop(),
            _stop(stop=2, where="a.language-switcher", skipLink=False, switcher=True),
            _stop(stop=3, where="a.site-nav__link", skipLink=False, navIndex=0),
        ],
        skip_link_target="main",
        nav_links=[{"href": "/fr-ca/ressources/", "text": "Ressources"}],
        switcher_href="http://127.0.0.1:1/en-ca/",
        switcher_landed="http://127.0.0.1:1/en-ca/",
    )
    assert checks.keyboard_problems(good) == []

    bad = _visit(
        tab_stops=[_stop(skipLink=False, where="a.logo", outlineVisible=False, outline="none 0px")],
        skip_link_target="BODY",
        nav_links=[{"href": "/fr-ca/ressources/", "text": "Ressources"}],
    )
    rules = [problem.rule for problem in checks.keyboard_problems(bad)]
    assert rules == [
        "keyboard:skip-link-first",
        "keyboard:skip-link-target",
        "keyboard:focus-visible",
        "keyboard:switcher",
        "keyboard:navigation",
    ]


def test_overflow_names_the_widest_elements():
    visit = _visit(
        overflow={"viewport": 390, "scrollWidth": 960, "wide": ["table (right edge at 960 px)"]}
    )
    [problem] = checks.overflow_problems(visit)
    assert problem.rule == "layout:horizontal-scroll"
    assert "table (right edge at 960 px)" in problem.detail
    assert (
        checks.overflow_problems(_visit(overflow={"viewport": 390, "scrollWidth": 390, "wide": []}))
        == []
    )


def test_axe_violations_become_named_problems():
    visit = _visit(
        axe_violations=[
            {
                "id": "image-alt",
                "impact": "critical",
                "help": "Images must have alternative text",
                "helpUrl": "https://dequeuniversity.com/rules/axe/4.12/image-alt",
                "nodes": [{"target": ["main > img"], "failureSummary": "Fix any of the following"}],
            }
        ]
    )
    [problem] = checks.axe_problems(visit)
    assert problem.rule == "axe:image-alt"
    assert "main > img" in problem.detail
    assert (
        checks.report([(visit, [problem])])
        .splitlines()[1]
        .startswith(
            "http://127.0.0.1:1/fr-ca/ [fr-ca, phone 390×844] axe:image-alt: Images must have"
        )
    )


# vnu ---------------------------------------------------------------------------------------


def test_vnu_output_is_read_per_document():
    output = json.dumps(
        {
            "messages": [
                {
                    "type": "error",
                    "url": "file:/tmp/vnu-x/document-0001.html",
                    "lastLine": 12,
                    "lastColumn": 8,
                    "message": "Unclosed element “div”.",
                    "extract": "<div class=x>",
                },
                {
                    "type": "info",
                    "subType": "warning",
                    "url": "file:/tmp/vnu-x/document-0000.html",
                    "message": "Consider adding a “lang” attribute.",
                },
            ]
        }
    )
    results = parse_vnu_json(
        output, {"document-0000.html": "/en-ca/", "document-0001.html": "/fr-ca/"}
    )
    assert errors_only(results["/en-ca/"]) == []
    [error] = errors_only(results["/fr-ca/"])
    assert str(error) == "line 12, column 8: Unclosed element “div”. — '<div class=x>'"


def test_vnu_messages_about_no_known_document_are_kept():
    output = json.dumps({"messages": [{"type": "non-document-error", "message": "IO error"}]})
    results = parse_vnu_json(output, {"document-0000.html": "/en-ca/"})
    assert [str(m) for m in errors_only(results[None])] == ["document: IO error"]


# Sitemap, parity and orphans ------------------------------------------------------------------

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url><loc>http://s/en-ca/</loc>
    <xhtml:link rel="alternate" hreflang="en-CA" href="http://s/en-ca/"/>
    <xhtml:link rel="alternate" hreflang="fr-CA" href="http://s/fr-ca/"/></url>
  <url><loc>http://s/fr-ca/</loc>
    <xhtml:link rel="alternate" hreflang="en-CA" href="http://s/en-ca/"/>
    <xhtml:link rel="alternate" hreflang="fr-CA" href="http://s/fr-ca/"/></url>
</urlset>"""


def _meta(lang, alternates, switcher):
    other = "fr-CA" if lang == "en-CA" else "en-CA"
    return PageMeta(
        html_lang=lang,
        alternates=alternates,
        switchers=[{"href": switcher, "lang": other, "hreflang": other}],
    )


def test_parity_passes_twins_linked_both_ways():
    entries = parse_sitemap(SITEMAP)
    assert [e.language for e in entries] == ["en-ca", "fr-ca"]
    both = {"en-CA": "http://s/en-ca/", "fr-CA": "http://s/fr-ca/"}
    metas = {
        "http://s/en-ca/": _meta("en-CA", both, "http://s/fr-ca/"),
        "http://s/fr-ca/": _meta("fr-CA", both, "http://s/en-ca/"),
    }
    assert parity_problems(entries, metas.get) == []


def test_parity_catches_a_missing_twin_and_one_way_links():
    entries = [
        SitemapEntry("http://s/en-ca/", {"en-CA": "http://s/en-ca/", "fr-CA": "http://s/fr-ca/"}),
        SitemapEntry("http://s/fr-ca/", {"fr-CA": "http://s/fr-ca/", "en-CA": "http://s/en-ca/"}),
        SitemapEntry("http://s/en-ca/only-english/", {"en-CA": "http://s/en-ca/only-english/"}),
    ]
    metas = {
        "http://s/en-ca/": _meta("en-CA", {"fr-CA": "http://s/fr-ca/"}, "http://s/fr-ca/"),
        # the French home forgets its hreflang back and its switcher goes to the wrong page
        "http://s/fr-ca/": _meta("fr-CA", {}, "http://s/en-ca/elsewhere/"),
    }
    rules = {(url, rule) for url, rule, _ in parity_problems(entries, metas.get)}
    assert rules == {
        ("http://s/en-ca/only-english/", "parity:missing-twin"),
        ("http://s/fr-ca/", "parity:hreflang"),
        ("http://s/fr-ca/", "parity:switcher"),
        ("http://s/en-ca/", "parity:hreflang-back"),
    }


def test_page_meta_reads_alternates_switcher_and_links():
    html = (
        '<html lang="fr-CA"><head><link rel="canonical" href="/fr-ca/">'
        '<link rel="alternate" hreflang="en-CA" href="/en-ca/"></head><body>'
        '<a class="language-switcher" href="/en-ca/" lang="en-CA" hreflang="en-CA">English</a>'
        '<a href="ressources/">R</a></body></html>'
    )
    meta = page_meta(html, "http://s/fr-ca/")
    assert meta.html_lang == "fr-CA"
    assert meta.canonical == "http://s/fr-ca/"
    assert meta.alternates == {"en-CA": "http://s/en-ca/"}
    assert meta.switchers == [{"href": "http://s/en-ca/", "lang": "en-CA", "hreflang": "en-CA"}]
    assert meta.links == ["http://s/en-ca/", "http://s/fr-ca/ressources/"]


def test_orphans_are_the_live_pages_never_reached():
    reachable = {"http://s/fr-ca/": None, "http://s/fr-ca/a/": "http://s/fr-ca/"}
    assert orphans(["http://s/fr-ca/", "http://s/fr-ca/a/", "http://s/fr-ca/b/"], reachable) == [
        "http://s/fr-ca/b/"
    ]
