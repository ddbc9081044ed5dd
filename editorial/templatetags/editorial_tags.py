from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def practice_name(context):
    """The practice's name in the admin user's language (the record is translated), or ""."""
    from practice.templatetags.practice_tags import details_for_request

    request = context.get("request")
    details = details_for_request(request) if request is not None else None
    return details.name if details else ""
