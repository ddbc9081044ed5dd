"""A tiny site of fixture pages, served by the tests themselves, to prove each check can fail.

``/fr-ca/`` and ``/en-ca/`` are good pages built like the real frame (skip link, header with the
switcher and navigation, main, footer): every check passes on them. Each page under
``/fr-ca/casse/`` is the good French page with exactly one thing broken.
"""

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NBSP = "\u00a0"

_TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title}</title>
  <link rel="alternate" hreflang="en-CA" href="/en-ca/">
  <link rel="alternate" hreflang="fr-CA" href="/fr-ca/">
  <link rel="stylesheet" href="/static/site.css">
  {head}
</head>
<body>
  <a class="skip-link" href="#main">{skip}</a>
  <header>
    <a href="/{prefix}/">{name}</a>
    <a class="language-switcher" href="/{other}/" lang="{other_lang}"
      hreflang="{other_lang}">{other_name}</a>
    <nav class="site-nav" aria-label="{nav_label}">
      <ul><li><a href="/{prefix}/{linked}/">{linked_title}</a></li></ul>
    </nav>
  </header>
  <main id="main" tabindex="-1">
    <h1>{title}</h1>
    {body}
  </main>
  <footer><p>{footer}</p></footer>
</body>
</html>
"""

_FRENCH = {
    "lang": "fr-CA",
    "prefix": "fr-ca",
    "other": "en-ca",
    "other_lang": "en-CA",
    "other_name": "English",
    "skip": "Passer au contenu principal",
    "name": "Clinique de prolothérapie",
    "nav_label": "Menu principal",
    "linked": "page-liee",
    "linked_title": "Une page liée",
    "footer": "Ce site donne de l’information générale. Ce n’est pas un avis médical.",
}
_ENGLISH = {
    "lang": "en-CA",
    "prefix": "en-ca",
    "other": "fr-ca",
    "other_lang": "fr-CA",
    "other_name": "Français",
    "skip": "Skip to main content",
    "name": "Prolotherapy practice",
    "nav_label": "Main",
    "linked": "linked-page",
    "linked_title": "A linked page",
    "footer": "This site gives general information. It is not medical advice.",
}
GOOD_FRENCH_TEXT = (
    f"<p>La prolothérapie est un traitement par injections. Elle peut aider certaines "
    f"personnes{NBSP}: parlez-en à votre médecin. Quelle est la suite{NBSP}? "
    f"On l’appelle aussi «{NBSP}thérapie proliférative{NBSP}». Rendez-vous à 14 h 30.</p>\n"
    f'    <p>Le livre <span lang="en">Prolotherapy: An Alternative to Knee Surgery</span> est '
    f"en anglais. Voir https://example.org/page?kind=livres ou écrire à info@example.org.</p>"
)
GOOD_ENGLISH_TEXT = "<p>Prolotherapy is a treatment given by injection. Ask your doctor.</p>"


def french_page(title="Accueil", body=GOOD_FRENCH_TEXT, head=""):
    return _TEMPLATE.format(title=title, body=body, head=head, **_FRENCH)


def english_page(title="Home", body=GOOD_ENGLISH_TEXT, head=""):
    return _TEMPLATE.format(title=title, body=body, head=head, **_ENGLISH)


_CSS = """
.skip-link { position: absolute; left: 1rem; top: -10rem; background: #fff; }
.skip-link:focus { top: 0.5rem; }
main:focus { outline: none; }
"""
_POINT_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4">'
    '<rect width="4" height="4" fill="#0a5c66"/></svg>'
)

# One broken page per kind of breakage: (path, the page, the rule expected to catch it, a
# word its message must contain).
BREAKAGES = {
    "image-without-alt": (
        "/fr-ca/casse/image-sans-alt/",
        french_page(
            body=GOOD_FRENCH_TEXT + '\n    <img src="/static/point.svg" width="4" height="4">'
        ),
        "axe:image-alt",
        "img",
    ),
    "unclosed-tag": (
        "/fr-ca/casse/balise-non-fermee/",
        french_page(body='<div class="section">' + GOOD_FRENCH_TEXT),
        "vnu",
        "div",
    ),
    "link-to-missing-page": (
        "/fr-ca/casse/lien-mort/",
        french_page(
            body=GOOD_FRENCH_TEXT
            + '\n    <p><a href="/fr-ca/nulle-part/">Une page disparue</a></p>'
        ),
        "links:status",
        "404",
    ),
    "script-from-another-origin": (
        "/fr-ca/casse/script-tiers/",
        french_page(head='<script src="https://cdn.example.com/analytics.js"></script>'),
        "privacy:other-origin",
        "https://cdn.example.com/analytics.js",
    ),
    "english-paragraph-on-french-page": (
        "/fr-ca/casse/paragraphe-anglais/",
        french_page(
            body=GOOD_FRENCH_TEXT
            + "\n    <p>This paragraph was left in English, and every French reader sees it.</p>"
        ),
        "language:english-text",
        "This paragraph was left in English",
    ),
    "note-with-ordinary-space": (
        "/fr-ca/casse/note-espace/",
        french_page(
            body=GOOD_FRENCH_TEXT + "\n    <p>Note : ce traitement ne convient pas à tous.</p>"
        ),
        "typography:space-before-colon",
        "Note⟦␣:⟧",
    ),
    "focus-not-visible": (
        "/fr-ca/casse/focus-invisible/",
        french_page(
            head="<style>:focus, :focus-visible { outline: none; box-shadow: none; }</style>"
        ),
        "keyboard:focus-visible",
        "shows no focus",
    ),
    "skip-link-not-first": (
        "/fr-ca/casse/evitement/",
        french_page().replace(
            '<a class="skip-link"', '<a href="/fr-ca/">Accueil</a>\n  <a class="skip-link"'
        ),
        "keyboard:skip-link-first",
        "not a.skip-link",
    ),
    "horizontal-scroll-on-phone": (
        "/fr-ca/casse/trop-large/",
        french_page(
            body=GOOD_FRENCH_TEXT
            + '\n    <table style="width: 60rem"><tr><td>Un tableau</td></tr></table>'
        ),
        "layout:horizontal-scroll",
        "td (right edge",
    ),
}

PAGES = {
    "/fr-ca/": french_page(body=GOOD_FRENCH_TEXT),
    "/en-ca/": english_page(),
    "/fr-ca/page-liee/": french_page(title="Une page liée"),
    "/en-ca/linked-page/": english_page(title="A linked page"),
    **{path: html for path, html, _, _ in BREAKAGES.values()},
}
ASSETS = {
    "/static/site.css": ("text/css; charset=utf-8", _CSS),
    "/static/point.svg": ("image/svg+xml", _POINT_SVG),
}
NOT_FOUND = french_page(title="Page introuvable", body="<p>Cette page n’existe pas.</p>")


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the name http.server expects
        path = self.path.split("?", 1)[0]
        if path in PAGES:
            status, content_type, body = 200, "text/html; charset=utf-8", PAGES[path]
        elif path in ASSETS:
            status, (content_type, body) = 200, ASSETS[path]
        else:
            status, content_type, body = 404, "text/html; charset=utf-8", NOT_FOUND
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@contextmanager
def serve():
    """Serve the fixture pages on a free port; yields the origin."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
