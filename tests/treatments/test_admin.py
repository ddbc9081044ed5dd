"""Editors create each page type through the admin's own forms; bad input gets a clear answer
in the editor's language and loses nothing they typed."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from treatments.models import (
    ConditionIndexPage,
    ConditionPage,
    TreatmentIndexPage,
    TreatmentPage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model, home_pages):
    user = django_user_model.objects.create_superuser("editor", password="pw-for-tests-only")
    client.force_login(user)
    return client


@pytest.fixture
def index_pages(home_pages):
    english_home, _french_home = home_pages
    treatments = TreatmentIndexPage(title="Treatments", slug="treatments")
    conditions = ConditionIndexPage(title="Conditions", slug="conditions")
    english_home.add_child(instance=treatments)
    english_home.add_child(instance=conditions)
    return treatments, conditions


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )


def section(text="Some plain words."):
    return streamfield([("text", rich_text(f"<p>{text}</p>"))])


def reference(**overrides):
    value = {
        "authors": "Rabago D, Patterson JJ, Mundt M, et al.",
        "title": "Dextrose prolotherapy for knee osteoarthritis: a randomized controlled trial.",
        "publication": "Ann Fam Med. 2013;11(3):229-37.",
        "doi": "10.1370/afm.1504",
        "url": "",
        "language": "en",
    }
    value.update(overrides)
    return value


def treatment_form(**overrides):
    data = {
        "title": "Prolotherapy",
        "slug": "prolotherapy",
        "summary": "A treatment that uses injections.",
        "other_names": streamfield([("item", "Sclerotherapy"), ("item", "Regenerative therapy")]),
        "about": section(),
        "history": streamfield([]),
        "who_provides": section(),
        "when_to_consider": section(),
        "what_to_expect": section(),
        "risks": section(),
        "alternatives": section(),
        "evidence": section(),
        "fees": section(),
        "references": streamfield([("reference", reference())]),
        "last_reviewed": "",
        "next_review_due": "2026-11-25",
        "reviewed_by": "",
        "seo_title": "",
        "search_description": "",
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def condition_form(treatment_pk=None, **overrides):
    links = [{"treatment": treatment_pk}] if treatment_pk else []
    data = {
        "title": "Low back pain",
        "slug": "low-back-pain",
        "summary": "Pain in the lower back.",
        "symptoms": streamfield([("item", "Stiffness")]),
        "about": section(),
        "urgent_care": rich_text("<p>Get help right away if you cannot feel your legs.</p>"),
        "treatment_may_help": section(),
        "evidence": section(),
        # The NHS-pattern sections are optional: an empty stream each.
        **{
            name: streamfield([])
            for name in ("causes", "diagnosis", "self_care", "see_a_doctor", "how_long", "course")
        },
        "treatment_links": inline_formset(links),
        "references": streamfield([]),
        "last_reviewed": "2026-03-12",
        "next_review_due": "2027-03-12",
        "reviewed_by": "Dr. Jane Smith, MD",
        "seo_title": "",
        "search_description": "",
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_create_index_pages_through_the_admin(admin_client, home_pages):
    english_home, _ = home_pages
    for model, slug in ((TreatmentIndexPage, "treatments"), (ConditionIndexPage, "conditions")):
        data = nested_form_data(
            {
                "title": slug.title(),
                "slug": slug,
                "intro": rich_text("<p>Intro.</p>"),
                "action-publish": "publish",
            }
        )
        response = admin_client.post(add_url(model, english_home), data)
        assert response.status_code == 302, response.content.decode()[:2000]
        assert model.objects.get(slug=slug).live


def test_create_a_treatment_page_through_the_admin(admin_client, index_pages):
    treatments, _conditions = index_pages
    response = admin_client.post(add_url(TreatmentPage, treatments), treatment_form())
    assert response.status_code == 302
    page = TreatmentPage.objects.get(slug="prolotherapy")
    assert page.live
    assert page.alternate_names == ["Sclerotherapy", "Regenerative therapy"]
    assert page.references[0].value["doi"] == "10.1370/afm.1504"
    assert page.next_review_due == datetime.date(2026, 11, 25)


def test_create_a_condition_page_linked_to_a_treatment(admin_client, index_pages):
    treatments, conditions = index_pages
    admin_client.post(add_url(TreatmentPage, treatments), treatment_form())
    treatment = TreatmentPage.objects.get(slug="prolotherapy")
    response = admin_client.post(
        add_url(ConditionPage, conditions), condition_form(treatment_pk=treatment.pk)
    )
    assert response.status_code == 302
    condition = ConditionPage.objects.get(slug="low-back-pain")
    assert condition.reviewed_by == "Dr. Jane Smith, MD"
    assert [link.treatment_id for link in condition.treatment_links.all()] == [treatment.pk]


def test_next_review_before_last_review_is_refused_and_nothing_typed_is_lost(
    admin_client, index_pages
):
    _treatments, conditions = index_pages
    data = condition_form(last_reviewed="2026-03-12", next_review_due="2026-01-01")
    response = admin_client.post(add_url(ConditionPage, conditions), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The next review must come after the last review" in html
    assert "Dr. Jane Smith, MD" in html  # what the editor typed is still in the form
    assert "Get help right away if you cannot feel your legs." in html
    assert not ConditionPage.objects.exists()


def test_summary_over_its_limit_says_how_long_it_may_be(admin_client, index_pages):
    treatments, _conditions = index_pages
    long_summary = ("Prolotherapy may help. " * 20).strip()  # 459 characters
    response = admin_client.post(
        add_url(TreatmentPage, treatments), treatment_form(summary=long_summary)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Keep the summary to one or two sentences: at most 300 characters (it has 459)" in html
    assert long_summary in html  # not cut off: the editor shortens it
    assert not TreatmentPage.objects.exists()


def test_reference_without_a_title_is_refused(admin_client, index_pages):
    treatments, _conditions = index_pages
    data = treatment_form(references=streamfield([("reference", reference(title=""))]))
    response = admin_client.post(add_url(TreatmentPage, treatments), data)
    assert response.status_code == 200
    html = response.content.decode()
    # Block errors reach the StreamField widget as JSON: the title is the field in error.
    assert "title&quot;: {&quot;messages&quot;: [&quot;This field is required.&quot;]" in html
    assert "Rabago D, Patterson JJ, Mundt M, et al." in html  # the rest is kept
    assert not TreatmentPage.objects.exists()


def test_reference_with_a_bad_doi_is_refused(admin_client, index_pages):
    treatments, _conditions = index_pages
    data = treatment_form(references=streamfield([("reference", reference(doi="afm.1504"))]))
    response = admin_client.post(add_url(TreatmentPage, treatments), data)
    assert response.status_code == 200
    assert "Enter a DOI that starts with" in response.content.decode()


def test_validation_messages_are_in_the_editors_language(client, french_admin, index_pages):
    treatments, conditions = index_pages
    client.force_login(french_admin)
    data = condition_form(last_reviewed="2026-03-12", next_review_due="2026-01-01")
    html = client.post(add_url(ConditionPage, conditions), data).content.decode()
    assert "La prochaine révision doit être postérieure à la dernière révision" in html

    long_summary = "La prolothérapie peut aider. " * 15
    html = client.post(
        add_url(TreatmentPage, treatments), treatment_form(summary=long_summary)
    ).content.decode()
    assert "Limitez le résumé à une ou deux phrases" in html

    data = treatment_form(references=streamfield([("reference", reference(title=""))]))
    html = client.post(add_url(TreatmentPage, treatments), data).content.decode()
    assert "title&quot;: {&quot;messages&quot;: [&quot;Champ requis.&quot;]" in html


def test_help_text_is_in_the_editors_language(client, french_admin, index_pages):
    treatments, _conditions = index_pages
    client.force_login(french_admin)
    html = client.get(add_url(TreatmentPage, treatments)).content.decode()
    assert "Une ou deux phrases simples, 300 caractères au plus." in html
    assert "Révision clinique" in html
