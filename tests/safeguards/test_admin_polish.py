"""Admin polish: workflow names in the admin user's language; French not "missing" while the
English is in clinical review; glossary warnings; the report."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from editorial import selectors, services
from tests.editorial.conftest import edit_form_data

pytestmark = pytest.mark.django_db


def test_bilingual_names_are_shown_in_one_language():
    assert services.name_in_language(services.CLINICAL_WORKFLOW, "en-ca") == "Clinical review"
    assert services.name_in_language(services.CLINICAL_WORKFLOW, "fr-ca") == "Révision clinique"
    assert services.name_in_language("Custom workflow") == "Custom workflow"
    with translation.override("fr-ca"):
        assert (
            services.names_in_language(f"Soumettre à {services.CLINICAL_WORKFLOW}")
            == "Soumettre à Révision clinique"
        )


def test_the_editors_submit_button_names_the_workflow_in_their_language(
    client, clinical_pages, editor, make_user
):
    treatment, _condition = clinical_pages
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[treatment.pk])).content.decode()
    assert "Submit to Clinical review" in html
    assert "Submit to Clinical review · Révision clinique" not in html

    french_editor = make_user("redacteur", services.EDITORS, language="fr-ca")
    client.force_login(french_editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[treatment.pk])).content.decode()
    assert "Révision clinique" in html
    assert "Clinical review · Révision clinique" not in html


def test_a_page_in_clinical_review_is_awaiting_review_not_missing_french(
    client, clinical_pages, editor
):
    from treatments.models import TreatmentPage

    treatment, _condition = clinical_pages
    index = treatment.get_parent()
    new = TreatmentPage(
        title="Sclerotherapy",
        slug="sclerotherapy",
        summary="An injection treatment.",
        **{name: getattr(treatment, name).raw_data for name in ("about", "who_provides")},
        **{
            name: getattr(treatment, name).raw_data
            for name in ("when_to_consider", "what_to_expect", "risks", "alternatives")
        },
        evidence=treatment.evidence.raw_data,
        fees=treatment.fees.raw_data,
        references=treatment.references.raw_data,
    )
    index.add_child(instance=new)
    new.save_revision()
    rows = {row.english.pk: row for row in selectors.translation_rows()}
    assert rows[new.pk].state == selectors.MISSING

    client.force_login(editor)
    data = edit_form_data(new, editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[new.pk]), {**data, "action-submit": "Submit"}
    )
    assert response.status_code == 302
    rows = {row.english.pk: row for row in selectors.translation_rows()}
    assert rows[new.pk].state == selectors.AWAITING_CLINICAL_REVIEW
    assert "translate" not in rows[new.pk].urls
    counts = {code: number for code, _label, number in selectors.translation_counts()}
    assert counts[selectors.AWAITING_CLINICAL_REVIEW] == 1


def test_a_french_page_that_departs_from_the_glossary_gets_a_warning(seeded):
    from safeguards import checks
    from safeguards.text import FieldText, field_texts

    english = next(
        p for p in seeded["en"] if "rotator cuff" in " ".join(t.text for t in field_texts(p))
    )
    french = english.get_translation(Locale.objects.get(language_code="fr-ca")).specific
    assert not [f for f in checks.glossary_findings(french) if "rotator cuff" in f.message]

    def messages_for(text):
        texts = [FieldText("summary", "summary", text)]
        return [f.message for f in checks.glossary_findings(french, texts=texts)]

    assert any(
        "“rotator cuff”" in m and "coiffe des rotateurs" in m
        for m in messages_for("Douleur à la manchette des rotateurs.")
    )
    assert any("ostéoarthrite" in m and "arthrose" in m for m in messages_for("Une ostéoarthrite."))
    # An English page gets no glossary warning.
    assert checks.glossary_findings(english) == []


def test_the_content_checks_report_filters_by_rule(seeded, admin_client):
    from safeguards.models import ContentRule

    page = seeded["en"][0]
    page.summary = "A miracle, and the best."
    page.save_revision().publish()
    response = admin_client.get(reverse("safeguards:report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Superlative" in html and "Miracle" in html

    miracle = ContentRule.objects.get(seed_key="en-miracle")
    response = admin_client.get(reverse("safeguards:report"), {"rule": miracle.pk})
    findings = [f for item in response.context["items"] for f in item.findings]
    assert findings and all(f.rule == miracle for f in findings)
    # An unknown filter shows everything rather than failing.
    assert admin_client.get(reverse("safeguards:report"), {"rule": "<x>"}).status_code == 200


def test_the_report_is_refused_to_reception(client, editorial, make_user):
    client.force_login(make_user("frontdesk", services.RECEPTION))
    response = client.get(reverse("safeguards:report"))
    assert response.status_code in (302, 403)


def test_the_french_dashboard_shows_the_practices_french_name(client, french_admin, home_pages):
    from practice.models import PracticeDetails
    from practice.services import seed_practice

    seed_practice()
    french = PracticeDetails.objects.get(locale__language_code="fr-ca")
    english = PracticeDetails.objects.get(locale__language_code="en-ca")
    client.force_login(french_admin)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert french.name in html
    if french.name != english.name:
        assert f">{english.name}<" not in html


def test_workflow_names_are_in_one_language_everywhere_in_the_admin(
    client, clinical_pages, editor, make_user
):
    """Beyond the action menu: the status side panel, the dashboard's queues and the workflow
    history show the stored bilingual names in the admin user's language."""
    treatment, _condition = clinical_pages
    client.force_login(editor)
    data = edit_form_data(treatment, editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[treatment.pk]), {**data, "action-submit": "Submit"}
    )
    assert response.status_code == 302
    reviewer = make_user("reviseure", services.CLINICAL_REVIEWERS, language="fr-ca")
    for user, shown in ((editor, "Clinical review"), (reviewer, "Révision clinique")):
        client.force_login(user)
        for url in (
            reverse("wagtailadmin_pages:edit", args=[treatment.pk]),
            reverse("wagtailadmin_home"),
            reverse("wagtailadmin_pages:workflow_history", args=[treatment.pk]),
        ):
            html = client.get(url).content.decode()
            assert services.CLINICAL_WORKFLOW not in html, (user, url)
            assert services.CLINICAL_TASK not in html, (user, url)
            assert shown in html, (user, url)


def test_the_workflow_settings_keep_the_stored_names(admin_client, clinical_pages):
    """There an administrator edits the name itself: showing half of it would save half."""
    from wagtail.models import Workflow

    workflow = Workflow.objects.get(name=services.CLINICAL_WORKFLOW)
    html = admin_client.get(reverse("wagtailadmin_workflows:edit", args=[workflow.pk])).content
    assert services.CLINICAL_WORKFLOW in html.decode()
