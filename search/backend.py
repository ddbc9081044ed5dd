"""Wagtail's database search backend, with one text-search configuration per language.

modelsearch's PostgreSQL backend reads a single ``SEARCH_CONFIG`` and keeps one index row per
object, so two backends (one per language) would overwrite each other's rows. Instead this
backend indexes each object with the configuration of its own locale (``SEARCH_CONFIGS``:
French stemming for French pages, English for English) and searches with the reader's
(``for_language``). On SQLite it is modelsearch's backend unchanged: FTS5's unicode61
tokenizer already folds case and accents, so "epaule" finds « épaule ».
"""

import copy
from collections import defaultdict

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
)


class LanguagePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        by_config = defaultdict(list)
        for obj in objs:
            by_config[self.backend.config_for(obj)].append(obj)
        for config, group in by_config.items():
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguagePostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.configs = params.get("SEARCH_CONFIGS", {})
        self._locale_codes = {}

    def config_for(self, obj):
        locale_id = getattr(obj, "locale_id", None)
        if locale_id is None:
            return self.config
        if locale_id not in self._locale_codes:
            from wagtail.models import Locale

            self._locale_codes = dict(Locale.objects.values_list("pk", "language_code"))
        return self.configs.get(self._locale_codes.get(locale_id), self.config)

    def with_config(self, config):
        clone = copy.copy(self)
        clone.config = config
        return clone

    def for_language(self, language_code):
        return self.with_config(self.configs.get(language_code, self.config))


def SearchBackend(params):  # noqa: N802 - the name Wagtail's get_search_backend looks for
    if connection.vendor == "postgresql":
        return LanguagePostgresSearchBackend(params)
    backend = database_backend(params)
    backend.for_language = lambda language_code: backend
    return backend
