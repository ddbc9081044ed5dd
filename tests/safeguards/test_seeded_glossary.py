"""The practice's own seeded content follows its glossary: no glossary warning on any live page or
resource, in English or in French (the French checked against its English source)."""

import pytest
from django.core.management import call_command

from safeguards import checks, selectors
from safeguards.models import GlossaryTerm

pytestmark = pytest.mark.django_db


def test_the_glossary_accepts_the_plural_of_its_terms():
    term = GlossaryTerm(english="website", french="site Web")
    french = checks._french_pattern(term.french_forms[0])
    assert french.search("d’autres sites web, que la clinique".replace("’", "'"))
    assert checks._french_pattern("douleur lombaire").search("les douleurs lombaires")
    assert not checks._french_pattern("site web").search("un site internet")


def test_the_seeded_site_raises_no_glossary_warning_in_either_language():
    call_command("setup_site")
    checked = {"en": 0, "fr": 0}
    warnings = []
    for obj in selectors.live_content():
        language = checks.language_of(obj)
        checked[language] += 1
        warnings.extend(
            f"{language} {type(obj).__name__} “{obj}”: {finding.message}"
            for finding in checks.glossary_findings(obj)
        )
    assert checked["en"] > 20 and checked["fr"] > 20  # the whole site, both languages
    assert warnings == []
