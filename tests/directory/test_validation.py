"""Bad input gets a clear answer, in the editor's language."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from directory.models import Resource
from home.localization import translate_from_catalogue

pytestmark = pytest.mark.django_db


def errors_of(resource):
    with pytest.raises(ValidationError) as caught:
        resource.full_clean()
    return caught.value.message_dict


@pytest.fixture
def translated(make_resource, locales):
    english = make_resource(
        kind="article",
        title="An article",
        url="https://example.org/article",
        year=2006,
        pages="24–27",
    )
    french = translate_from_catalogue(english, locales[1], {"An article": "Un article"})
    return english, french


@pytest.mark.parametrize("address", ["javascript:alert(1)", "ftp://example.org/", "data:,x"])
def test_web_address_must_be_http_or_https(make_resource, address):
    with pytest.raises(ValidationError) as caught:
        make_resource(url=address)
    assert caught.value.message_dict["url"] == [
        "Enter a full web address that starts with https:// or http://."
    ]


def test_year_cannot_be_in_the_future(make_resource):
    next_year = timezone.localdate().year + 1
    with pytest.raises(ValidationError) as caught:
        make_resource(kind="book", year=next_year)
    assert caught.value.message_dict["year"] == [
        f"The year {next_year} is in the future. Enter the year it was published."
    ]
    make_resource(kind="book", year=timezone.localdate().year)  # this year is fine


def test_address_or_page_not_both(make_resource, home_pages):
    with pytest.raises(ValidationError) as caught:
        make_resource(url="https://example.org/", page=home_pages[0])
    assert "not both" in caught.value.message_dict["page"][0]


def test_translation_shares_address_year_and_pages(translated):
    english, french = translated
    assert french.title == "Un article"
    assert (french.url, french.year, french.pages) == (english.url, 2006, "24–27")
    french.full_clean()  # a faithful translation is valid


@pytest.mark.parametrize(
    ("field", "value"),
    [("url", "https://other.example/"), ("year", 2001), ("pages", "1–2"), ("kind", "book")],
)
def test_translation_whose_shared_fields_differ_is_refused(translated, field, value):
    _english, french = translated
    setattr(french, field, value)
    message = errors_of(french)[field][0]
    assert message.startswith("This must be the same in every language.")


def test_the_mismatch_message_is_french_for_a_french_editor(translated):
    _english, french = translated
    french.url = "https://other.example/"
    with translation.override("fr-ca"):
        message = errors_of(french)["url"][0]
    assert message == (
        "Ce champ doit être identique dans toutes les langues. La version originale indique "
        "«\u00a0https://example.org/article\u00a0»\u00a0: modifiez-la à cet endroit, et les "
        "traductions suivront."
    )


def test_future_year_and_address_messages_in_french(make_resource):
    with translation.override("fr-ca"):
        errors = errors_of(Resource(kind="book", title="x", url="ftp://x.org/", year=3000))
    assert errors["url"] == [
        "Indiquez une adresse Web complète qui commence par https:// ou http://."
    ]
    assert errors["year"] == [
        "L’année 3000 n’est pas encore arrivée. Indiquez l’année de publication."
    ]


def _french_edit_form(client, french, **changes):
    data = {
        "kind": french.kind,
        "language": french.language,
        "title": french.title,
        "authors": "",
        "description": "Description gardée",
        "url": french.url,
        "page": "",
        "document": "",
        "publisher": "",
        "issue": "",
        "year": str(french.year),
        "pages": french.pages,
        "region": "",
        "note": "",
        "sort_order": "100",
        "is_shown": "on",
        **changes,
    }
    return client.post(reverse("wagtailsnippets_directory_resource:edit", args=[french.pk]), data)


def test_french_admin_sees_the_mismatch_in_french_and_keeps_what_was_typed(
    client, french_admin, translated
):
    from wagtail_localize.models import Translation

    _english, french = translated
    # Editing the French directly (the synced translation stopped) goes through the model form.
    Translation.objects.filter(target_locale=french.locale).update(enabled=False)
    client.force_login(french_admin)
    response = _french_edit_form(client, french, url="https://autre.example/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Description gardée" in html
    assert "Ce champ doit être identique dans toutes les langues." in html


def test_editing_the_french_directly_refuses_a_different_address(
    client, django_user_model, translated
):
    from wagtail_localize.models import Translation

    _english, french = translated
    Translation.objects.filter(target_locale=french.locale).update(enabled=False)
    user = django_user_model.objects.create_superuser("editor", password="pw-for-tests-only")
    client.force_login(user)
    response = _french_edit_form(client, french, url="https://autre.example/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "This must be the same in every language." in html
    assert "Description gardée" in html  # nothing typed is lost
    french.refresh_from_db()
    assert french.url == "https://example.org/article"
