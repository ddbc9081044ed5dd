"""Fixtures for the editorial roles: the groups set up, one user per role, clinical pages."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from editorial import services

PASSWORD = "pw-for-tests-only"


@pytest.fixture
def editorial(home_pages):
    """(English home, French home) with the editorial groups and workflows in place."""
    services.setup_editorial()
    return home_pages


def _user(django_user_model, username, group_names, first_name="", last_name="", language=""):
    user = django_user_model.objects.create_user(
        username, password=PASSWORD, first_name=first_name, last_name=last_name
    )
    user.groups.add(*Group.objects.filter(name__in=group_names))
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user


@pytest.fixture
def make_user(editorial, django_user_model):
    def make(username, *group_names, **fields):
        return _user(django_user_model, username, group_names, **fields)

    return make


@pytest.fixture
def editor(make_user):
    return make_user("editor", services.EDITORS, first_name="Émilie", last_name="Gagnon")


@pytest.fixture
def reviewer(make_user):
    return make_user(
        "reviewer", services.CLINICAL_REVIEWERS, first_name="Claire", last_name="Tremblay, MD"
    )


@pytest.fixture
def translator(make_user):
    return make_user("translator", services.TRANSLATORS, first_name="Mathieu", last_name="Roy")


@pytest.fixture
def french_reviewer(make_user):
    return make_user("relecteur", services.FRENCH_REVIEWERS, first_name="Luc", last_name="Côté")


@pytest.fixture
def administrator(make_user):
    return make_user("administrator", services.ADMINISTRATORS, first_name="Ana", last_name="Lee")


def clinical_model(name):
    try:
        return apps.get_model("treatments", name)
    except LookupError:
        pytest.skip(f"treatments.{name} has not landed yet")


@pytest.fixture
def clinical_pages(editorial):
    """English treatment and condition pages under their index pages, with the workflow set."""
    english_home, _french_home = editorial
    treatment_index = clinical_model("TreatmentIndexPage")(title="Treatments", slug="treatments")
    english_home.add_child(instance=treatment_index)
    condition_index = clinical_model("ConditionIndexPage")(title="Conditions", slug="conditions")
    english_home.add_child(instance=condition_index)
    for index in (treatment_index, condition_index):
        index.save_revision().publish()
    services.setup_editorial()  # assigns the clinical workflow to the new index pages

    today = datetime.date.today()
    treatment_model = clinical_model("TreatmentPage")
    treatment = treatment_model(
        **required_sections(treatment_model),
        title="Prolotherapy",
        slug="prolotherapy",
        summary="An injection treatment for joint and ligament pain.",
        next_review_due=today + datetime.timedelta(days=10),
    )
    treatment_index.add_child(instance=treatment)
    treatment.save_revision().publish()
    condition_model = clinical_model("ConditionPage")
    condition = condition_model(
        **required_sections(condition_model),
        title="Low back pain",
        urgent_care="<p>Numbness in both legs.</p>",
        slug="low-back-pain",
        summary="Pain in the lower back, including sciatica.",
        next_review_due=today - datetime.timedelta(days=3),
    )
    condition_index.add_child(instance=condition)
    condition.save_revision().publish()
    return treatment, condition


def stream_form_data(name, stream):
    from wagtail.blocks import FieldBlock, RichTextBlock, StructBlock
    from wagtail.test.utils.form_data import rich_text

    data = {f"{name}-count": str(len(stream))}
    for index, child in enumerate(stream):
        prefix = f"{name}-{index}"
        data.update(
            {
                f"{prefix}-type": child.block_type,
                f"{prefix}-id": child.id,
                f"{prefix}-deleted": "",
                f"{prefix}-order": str(index),
            }
        )
        if isinstance(child.block, StructBlock):  # e.g. a reference: plain text children
            for key, value in child.value.items():
                data[f"{prefix}-value-{key}"] = "" if value is None else str(value)
            continue
        if isinstance(child.block, FieldBlock) and not isinstance(child.block, RichTextBlock):
            data[f"{prefix}-value"] = "" if child.value is None else str(child.value)
            continue
        assert isinstance(child.block, RichTextBlock), "only rich text blocks are supported here"
        data[f"{prefix}-value"] = rich_text(child.value.source)
    return data


# Every clinical page needs at least one reference to be submitted or published
# (safeguards.checks.completeness_findings).
TEST_REFERENCE = {
    "title": "A study used only in tests",
    "authors": "",
    "publication": "",
    "doi": "",
    "url": "",
    "language": "en",
}


def required_sections(model):
    """A one-paragraph text section for each required StreamField of a page model."""
    from wagtail.fields import StreamField
    from wagtail.rich_text import RichText

    sections = {
        field.name: [("text", RichText(f"<p>{field.verbose_name}.</p>"))]
        for field in model._meta.get_fields()
        if isinstance(field, StreamField) and not field.blank
    }
    if any(field.name == "references" for field in model._meta.get_fields()):
        sections["references"] = [("reference", TEST_REFERENCE)]
    return sections


def edit_form_data(page, user, **extra):
    """POST data for ``page``'s admin edit form, built from the form itself, plus ``extra``.

    Good enough for the test pages here: StreamFields of rich text blocks are sent as they are,
    inline panels empty.
    """
    from django import forms
    from wagtail.blocks.base import BlockField

    page = page.specific
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user, parent_page=page.get_parent())
    data = {}
    for name, field in form.fields.items():
        if isinstance(field, BlockField):
            data.update(stream_form_data(name, getattr(page, name)))
            continue
        value = form[name].value()
        if isinstance(field, forms.BooleanField):
            if value:
                data[name] = "on"
            continue
        if value is None:
            data[name] = ""
        elif isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            data[name] = [str(item) for item in value]
        else:
            formatted = field.widget.format_value(value)
            data[name] = "" if formatted is None else formatted
    for prefix in form.formsets:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(extra)
    return data
