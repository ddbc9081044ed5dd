"""The practice's facts in templates: footer, phone numbers, hours, structured data."""

from django import template
from django.utils.translation import get_language

from home.models import HomePage
from home.selectors import per_request
from practice import formatting
from practice.models import ContactPage
from practice.selectors import (
    footer_pages,
    hours_summary,
    practice_details,
    upcoming_closures,
    weekly_hours,
)
from practice.structured_data import medical_clinic

register = template.Library()


@per_request
def _details(request, language):
    return practice_details(language)


def details_for_request(request):
    """The practice's details, once per request and language (header, footer and page share it)."""
    return _details(request, get_language())


@per_request
def _pages(request, language):
    return footer_pages(language)


def pages_for_request(request):
    """The practice's contact, privacy and accessibility pages, once per request and language."""
    return _pages(request, get_language())


@register.filter
def phone(number):
    return formatting.phone_display(number)


@register.filter
def tel_uri(number):
    return formatting.phone_uri(number)


@register.simple_tag
def hours_range(span):
    return formatting.time_range(span["opens"], span["closes"])


@register.inclusion_tag("practice/components/footer_facts.html", takes_context=True)
def practice_footer(context):
    request = context.get("request")
    details = details_for_request(request)
    return {
        "details": details,
        "hours": hours_summary(details) if details else [],
        "pages": pages_for_request(request),
    }


@register.inclusion_tag("practice/components/facts.html", takes_context=True)
def practice_facts(context):
    """The contact page's facts: address, numbers, weekly hours, closures, access, languages."""
    details = details_for_request(context.get("request"))
    return {
        "details": details,
        "week": weekly_hours(details) if details else [],
        "closures": upcoming_closures(details) if details else [],
    }


@register.simple_tag(takes_context=True)
def practice(context):
    return details_for_request(context.get("request"))


@register.simple_tag(takes_context=True)
def clinic_structured_data(context, page):
    """MedicalClinic JSON-LD data on the home page and the contact page; None elsewhere."""
    if page is None or not getattr(page, "pk", None):
        return None
    if not isinstance(page, HomePage | ContactPage):
        return None
    return medical_clinic(context.get("request"))


@register.simple_tag(takes_context=True)
def practice_page_url(context, kind):
    """The address of the practice's contact, privacy or accessibility page in this language."""
    request = context.get("request")
    page = pages_for_request(request).get(kind)
    return page.get_url(request) if page else ""
