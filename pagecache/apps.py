from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from pagecache import queries, request_memo, signal_handlers

        signal_handlers.connect()
        request_memo.connect()
        queries.install()
