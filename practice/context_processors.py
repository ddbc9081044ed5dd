from django.utils.functional import SimpleLazyObject


def site_name(request):
    """The practice's name in the page's language, for the header and page titles; queried only
    if a template uses it (once per request, shared with the footer)."""
    from practice.templatetags.practice_tags import details_for_request

    def name():
        details = details_for_request(request)
        return details.name if details else ""

    return {"site_name": SimpleLazyObject(name)}
