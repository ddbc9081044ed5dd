"""Checking the directory's web addresses: HEAD first (cheap), GET when a server refuses HEAD,
redirects followed, a timeout on each request and a few requests at a time."""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import requests
from django.db import transaction
from django.utils import timezone

from safeguards.models import LinkCheck

TIMEOUT_SECONDS = 10
WORKERS = 4
MAX_REDIRECTS = 10
USER_AGENT = "clinic-link-check/1.0 (checks the practice's resource directory)"


@dataclass
class Result:
    url: str
    status_code: int | None = None
    final_url: str = ""
    error: str = ""

    @property
    def is_ok(self):
        return self.status_code is not None and self.status_code < 400


def check_url(url, timeout=TIMEOUT_SECONDS):
    with requests.Session() as session:
        session.max_redirects = MAX_REDIRECTS
        session.headers["User-Agent"] = USER_AGENT
        try:
            response = session.head(url, allow_redirects=True, timeout=timeout)
            if response.status_code >= 400:
                # Many servers answer HEAD with 403, 404 or 405 and GET with the page.
                response = session.get(url, allow_redirects=True, timeout=timeout, stream=True)
                response.close()
        except requests.TooManyRedirects:
            return Result(url, error="too many redirects")
        except requests.Timeout:
            return Result(url, error=f"no answer within {timeout} s")
        except requests.ConnectionError:
            return Result(url, error="could not connect")
        except requests.RequestException as error:
            return Result(url, error=str(error)[:300])
    return Result(url, status_code=response.status_code, final_url=response.url[:500])


def check_links(resources, timeout=TIMEOUT_SECONDS, workers=WORKERS):
    """Check each distinct address once (a resource and its translation share theirs), then
    record the result on every resource that has it. Returns [(resource, Result)]."""
    resources = [resource for resource in resources if resource.url]
    urls = sorted({resource.url for resource in resources})
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = dict(zip(urls, pool.map(lambda url: check_url(url, timeout), urls), strict=True))
    now = timezone.now()
    with transaction.atomic():
        for resource in resources:
            result = results[resource.url]
            LinkCheck.objects.update_or_create(
                resource=resource,
                defaults={
                    "url": resource.url,
                    "status_code": result.status_code,
                    "final_url": result.final_url,
                    "error": result.error,
                    "is_ok": result.is_ok,
                    "checked_at": now,
                },
            )
    return [(resource, results[resource.url]) for resource in resources]
