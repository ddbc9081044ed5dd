"""Views outside Wagtail's page tree: error pages, sitemap, robots.txt."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from home.selectors import sitemap_entries


def server_error(request, *args, **kwargs):
    """The 500 page, in the language of the requested address, without touching the database.

    The request is deliberately not passed to the template: nothing may query the database
    (it may be the very thing that failed).
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        template = loader.get_template("500.html")
        body = template.render({"LANGUAGE_CODE": language, "page": None})
    return HttpResponseServerError(body)


@require_GET
@cache_control(max_age=3600)
def sitemap(request):
    """Live pages of every language, each with ``xhtml:link`` alternates to its translations.

    Wagtail's own sitemap lists one language and has no alternates.
    """
    return TemplateResponse(
        request,
        "sitemap.xml",
        {"entries": sitemap_entries(request)},
        content_type="application/xml; charset=utf-8",
    )


@require_GET
@cache_control(max_age=3600)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def csrf_failure(request, reason=""):
    """A refused form post (expired page, blocked cookies, forged token), in the address's
    language, with a way forward rather than Django's technical English page."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        response = TemplateResponse(
            request, "403_csrf.html", {"page": None, "back_url": request.path}, status=403
        )
        response.render()
    return response


@require_GET
@cache_control(max_age=30 * 24 * 3600, public=True)
def media_image(request, path):
    """An image rendition (what pages show) when no nginx serves /media/images/ (`make run`).

    Images only: documents go through Wagtail's /documents/ view and its privacy checks.
    Django's static ``serve`` keeps the path inside the folder (no ``..``)."""
    from django.views.static import serve

    return serve(request, path, document_root=settings.MEDIA_ROOT / "images")
