"""The rule set: seeded in both languages with reasons, finds what it should, refuses bad input."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from safeguards import checks
from safeguards.models import ContentRule, GlossaryTerm
from safeguards.services import parse_glossary, seed_safeguards
from safeguards.text import MAX_FIELD_CHARS, FieldText


class Page:
    """Just enough of a page for the checks: a locale and text fields."""

    def __init__(self, language="en-ca", **fields):
        self.locale = type("Locale", (), {"language_code": language})()
        self.fields = fields


def hits(text, language="en"):
    instance = Page("fr-ca" if language == "fr" else "en-ca")
    texts = [FieldText("about", "What it is", text)]
    return {f.rule.name for f in checks.rule_findings(instance, texts=texts)}


def test_seeded_rules_cover_both_languages_with_a_reason_and_a_rewording(rules):
    english = ContentRule.objects.filter(language="en")
    french = ContentRule.objects.filter(language="fr")
    assert english.count() >= 8 and french.count() >= 8
    for rule in ContentRule.objects.all():
        assert rule.reason and rule.suggestion
        assert (
            ("CPSO" in rule.reason)
            if rule.language == "en"
            else ("Code de déontologie" in rule.reason)
        )
        rule.full_clean()  # every seeded pattern passes its own validation


def test_seeding_twice_changes_nothing_and_keeps_an_administrators_edit(rules):
    rule = ContentRule.objects.get(seed_key="en-miracle")
    rule.suggestion = "Edited by an administrator."
    rule.save()
    count = ContentRule.objects.count(), GlossaryTerm.objects.count()
    seed_safeguards()
    assert (ContentRule.objects.count(), GlossaryTerm.objects.count()) == count
    assert (
        ContentRule.objects.get(seed_key="en-miracle").suggestion == "Edited by an administrator."
    )


def test_english_advertising_wording_is_caught(rules):
    found = hits("The best, guaranteed cure. 100 % painless, no risk, unlike other clinics.")
    assert {
        "Superlative",
        "Guarantee",
        "Promise of a cure",
        "100 %",
        "Painless",
        "No risk",
        "Comparison with other practitioners",
    } <= found
    assert "Testimonial" in hits("It changed my life, thanks to Dr Smith.")
    assert "Miracle" in hits("A miracle treatment.")


def test_french_advertising_wording_is_caught(rules):
    found = hits(
        "Le meilleur traitement, garanti : guérison assurée, sans douleur, un miracle, "
        "contrairement aux autres cliniques.",
        "fr",
    )
    assert {
        "Superlatif",
        "Garantie",
        "Promesse de guérison",
        "Sans douleur",
        "Miracle",
        "Comparaison avec d’autres professionnels",
    } <= found


def test_factual_negative_wording_is_left_alone(rules):
    assert hits("There is no cure for osteoarthritis. Results are not guaranteed.") == set()
    assert hits("Les résultats ne sont pas garantis.", "fr") == set()
    # An English rule does not apply to a French page, nor the reverse.
    assert hits("Le miracle", "en") == {"Miracle"}
    assert hits("The best", "fr") == set()


@pytest.mark.parametrize("pattern", ["(unclosed", "[a-", "*best"])
def test_a_rule_with_a_bad_regular_expression_is_refused(rules, pattern):
    rule = ContentRule(name="Bad", pattern=pattern, reason="r", suggestion="s")
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert "not a valid regular expression" in str(error.value.message_dict["pattern"])


def test_a_rule_that_would_take_too_long_or_match_everything_is_refused(rules):
    with pytest.raises(ValidationError, match="too long"):
        ContentRule(name="Slow", pattern=r"(a+)+$", reason="r", suggestion="s").full_clean()
    with pytest.raises(ValidationError, match="empty text"):
        ContentRule(name="All", pattern=r"x*", reason="r", suggestion="s").full_clean()


def test_the_admin_refuses_a_bad_pattern_with_its_message(admin_client, rules):
    response = admin_client.post(
        "/admin/snippets/safeguards/contentrule/add/",
        {"name": "Bad", "pattern": "(best", "language": "all", "reason": "r", "suggestion": "s"},
    )
    assert response.status_code == 200
    assert "not a valid regular expression" in response.content.decode()
    assert not ContentRule.objects.filter(name="Bad").exists()


def test_a_very_long_page_is_checked_in_bounded_work(rules):
    from safeguards.text import field_texts

    class Long:
        locale = Page().locale

    from treatments.models import TreatmentPage

    page = TreatmentPage(title="t", summary="best " * 200_000)
    texts = field_texts(page)
    assert all(len(t.text) <= MAX_FIELD_CHARS for t in texts)
    findings = checks.rule_findings(Page(), texts=texts)
    # Each rule reports at most a few hits per field, however often the word comes back.
    assert 0 < len(findings) <= checks.MAX_HITS * ContentRule.objects.count()


def test_the_glossary_is_seeded_from_the_shared_table(rules):
    rows = parse_glossary(
        "| rotator cuff | coiffe des rotateurs | |\n| hip / knee | hanche / genou | |"
    )
    assert rows[0][:2] == ("rotator cuff", "coiffe des rotateurs")
    assert [r[:2] for r in rows[1:]] == [("hip", "hanche"), ("knee", "genou")]
    term = GlossaryTerm.objects.get(english="osteoarthritis")
    assert term.french == "arthrose" and term.avoided_forms == ["ostéoarthrite"]
    assert "mal de dos" in GlossaryTerm.objects.get(english="low back pain").french_forms


def test_check_content_passes_on_the_seeded_site_and_fails_on_a_breach(seeded, capsys):
    call_command("check_content")
    out = capsys.readouterr().out
    assert "0 breaches" in out

    page = seeded["en"][0]
    page.summary = "The best treatment for your pain."
    page.save_revision().publish()
    with pytest.raises(SystemExit) as exit_:
        call_command("check_content")
    assert exit_.value.code == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("BREACH")]
    assert len(lines) == 1
    assert "Superlative" in lines[0] and str(page.pk) in lines[0] and "[summary]" in lines[0]
