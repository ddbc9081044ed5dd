"""The directory as a patient tries it: complete entries without repeated placeholders, one
note per group on finding what has no link, the breadcrumb of the other pages, and no
endorsement in the descriptions (clinical review A, C7; issue 15)."""

import re

import pytest

pytestmark = pytest.mark.django_db

WORDING = {
    "en": {
        "websites": "Sites listed without a link: the practice has not checked their address yet.",
        "books": "Books listed by their author only: the practice’s list does not give their "
        "titles.",
        "placeholders": ["Web address not listed yet.", "A book by"],
        "endorsements": ["useful information", "still online", "good source"],
    },
    "fr": {
        "websites": "Sites répertoriés sans lien\u00a0: la clinique n’a pas encore vérifié leur "
        "adresse.",
        "books": "Livres répertoriés par leur auteur seulement\u00a0: la liste de la clinique "
        "n’en donne pas le titre.",
        "placeholders": ["Adresse Web pas encore indiquée.", "Un livre du"],
        "endorsements": ["information utile", "toujours en ligne", "bonne source"],
    },
}


def group_html(html, slug):
    start = html.index(f'aria-labelledby="kind-{slug}"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize("code", ["en", "fr"])
def test_entries_without_an_address_read_as_complete_with_one_note_per_group(client, seeded, code):
    import html as html_module

    page = seeded[0] if code == "en" else seeded[1]
    html = html_module.unescape(client.get(page.url).content.decode())
    wording = WORDING[code]
    for placeholder in wording["placeholders"]:
        assert placeholder not in html
    websites = group_html(html, "websites")
    books = group_html(html, "books")
    assert websites.count(wording["websites"]) == 1
    assert books.count(wording["books"]) == 1
    # The note stands once, before the entries, whatever the number of entries it covers.
    assert html.count(wording["websites"]) == 1
    assert websites.index(wording["websites"]) < websites.index("<article")


@pytest.mark.parametrize("code", ["en", "fr"])
def test_descriptions_carry_no_endorsement(client, seeded, code):
    import html as html_module

    page = seeded[0] if code == "en" else seeded[1]
    html = html_module.unescape(client.get(page.url).content.decode()).lower()
    for phrase in WORDING[code]["endorsements"]:
        assert phrase not in html


@pytest.mark.parametrize("code", ["en", "fr"])
def test_the_directory_has_the_breadcrumb_of_the_other_pages(client, seeded, code):
    page = seeded[0] if code == "en" else seeded[1]
    html = client.get(page.url).content.decode()
    nav = re.search(r'<nav class="breadcrumb".*?</nav>', html, re.S)
    assert nav is not None
    home = page.get_parent()
    assert f'href="{home.url}"' in nav.group(0)
