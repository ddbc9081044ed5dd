"""Serve Wagtail pages to anonymous readers from the page cache, with HTTP revalidation.

Only Wagtail's page serving is cached (``wagtail.views.serve``): the admin, previews (their own
views), the health check, documents and any other view are left alone. A response is stored
only when it is the same for every anonymous reader:

- a GET by someone not signed in, with no pending messages, and no query parameter the cache does
  not know (pagecache.keys);
- a 200 (an error is never kept: a 404 for every mistyped address would fill the cache);
- the page itself, not a sub-page route, and not behind a view restriction;
- no cookie set, no CSRF token used (the contact page's form), no ``private``/``no-store``.

Every cacheable page carries an ETag and Last-Modified and ``Cache-Control: no-cache`` (a
browser asks again and gets a 304 until an editor publishes); a shared cache that we purge
(WAGTAILFRONTENDCACHE) may keep it ``PAGE_CACHE_CDN_MAX_AGE`` seconds.
"""

import hashlib
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date
from wagtail.views import serve

from pagecache import store
from pagecache.keys import key_for


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        state = getattr(request, "_page_cache", None)
        if state is None:
            return response
        if state.get("hit"):
            return self.conditional(request, response)
        if self.may_store(request, response):
            entry = {
                "content": response.content,
                "content_type": response["Content-Type"],
                "generation": state["generation"],
                "stored": time.time(),
                "etag": f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"',
            }
            if state.get("key") and state.get("generation"):
                store.save(state["key"], entry)
            self.add_validators(response, entry)
            return self.conditional(request, response)
        if getattr(request, "_page_cache_page", None) is not None and response.status_code == 200:
            # A page only this reader sees (signed in, a form's token): never kept elsewhere.
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not serve or not settings.PAGE_CACHE_ENABLED:
            return None
        if request.method not in ("GET", "HEAD") or "messages" in request.COOKIES:
            return None
        if request.user.is_authenticated:
            request._page_cache = {}  # served as usual; marked private on the way out
            return None
        key = key_for(request)
        if key is None:
            return None
        entry, generation = store.lookup(key)
        request._page_cache = {"key": key, "generation": generation}
        if entry is None:
            return None
        request._page_cache["hit"] = True
        response = HttpResponse(entry["content"], content_type=entry["content_type"])
        self.add_validators(response, entry)
        return response

    def may_store(self, request, response):
        page = getattr(request, "_page_cache_page", None)
        return (
            page is not None
            and request.method == "GET"
            and request._page_cache.get("key") is not None
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not request.META.get("CSRF_COOKIE_USED")
            and not _messages_used(request)
            and not response.has_header("Cache-Control")
            and request.path == page.get_url(request)
            and not page.get_view_restrictions().exists()
        )

    @staticmethod
    def add_validators(response, entry):
        response["ETag"] = entry["etag"]
        response["Last-Modified"] = http_date(entry["stored"])
        if settings.PAGE_CACHE_CDN_MAX_AGE:
            # Browsers ask every time; the purged shared cache may answer for them meanwhile.
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                must_revalidate=True,
                s_maxage=settings.PAGE_CACHE_CDN_MAX_AGE,
            )
        else:
            patch_cache_control(response, public=True, no_cache=True)
        # Signed-in readers see the same address with Wagtail's user bar.
        patch_vary_headers(response, ("Cookie",))

    @staticmethod
    def conditional(request, response):
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date(response["Last-Modified"]),
            response=response,
        )


def _messages_used(request):
    storage = getattr(request, "_messages", None)
    return storage is not None and (storage.used or storage.added_new)
