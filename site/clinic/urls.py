from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views
from operations.health import health
from translations import primary

handler500 = "home.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("health/", health, name="health"),  # for a load balancer: no language, never cached
    # "/": the visitor's language, else the practice's primary language (PRIMARY_LANGUAGE).
    path("", primary.root, name="root"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif not settings.MEDIA_STORAGE:
    # `make run` has no nginx in front: images (public, as nginx serves them in production, where
    # these requests never reach Django) come from the media folder; documents never do (they
    # go through Wagtail's /documents/ view and its permission checks).
    from django.urls import re_path

    urlpatterns += [re_path(r"^media/images/(?P<path>.+)$", views.media_image)]

# Every page lives under its language: /en-ca/..., /fr-ca/...; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),  # before Wagtail's pages: /en-ca/search/, /fr-ca/recherche/
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
