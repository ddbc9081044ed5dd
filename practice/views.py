"""The contact page's form: show it, check it, store the request, confirm."""

import logging

from django.db import DatabaseError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from practice import ratelimit
from practice.forms import RequestForm
from practice.services import store_request

logger = logging.getLogger(__name__)


def contact(request, page):
    status = 200
    save_failed = False
    if request.method == "POST":
        form = RequestForm(request.POST)
        if ratelimit.too_many(request):
            return render(request, page, form, status=429, rate_limited=True)
        ratelimit.count(request)
        if form.is_bot():
            # Answer as if sent, so the software learns nothing; nothing is stored.
            return HttpResponseRedirect(page.sent_url(request))
        if form.is_valid():
            try:
                store_request(form.cleaned_data, page.locale.language_code)
            except DatabaseError:
                logger.exception("Could not store a request from the contact page.")
                save_failed, status = True, 503
            else:
                return HttpResponseRedirect(page.sent_url(request))
        else:
            status = 400
    else:
        initial = {}
        if request.GET.get("topic") in dict(RequestForm.base_fields["topic"].choices):
            initial["topic"] = request.GET["topic"]
        form = RequestForm(initial=initial)
    return render(request, page, form, status=status, save_failed=save_failed)


def render(request, page, form, *, status=200, **extra):
    context = page.get_context(request)
    context.update(form=form, **extra)
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    # A page with a form someone may have typed health information into is never cached.
    response["Cache-Control"] = "no-store"
    return response


def sent(request, page):
    context = page.get_context(request)
    context["sent"] = True
    context["language"] = get_language()
    return TemplateResponse(request, "practice/request_sent.html", context)
