"""A patient's words find the right page in their own language: synonyms, accents, stemming."""

import pytest
from django.db import connection

from .conftest import result_titles, search_page

pytestmark = pytest.mark.django_db

ON_POSTGRES = connection.vendor == "postgresql"


def first_titles(client, language, query, count=3):
    response = search_page(client, language, query)
    assert response.status_code == 200
    return result_titles(response)[:count]


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("en-ca", "knee", "Hip and knee problems"),
        ("en-ca", "TMJ", "Temporomandibular joint (TMJ) syndrome"),
        ("en-ca", "jaw", "Temporomandibular joint (TMJ) syndrome"),
        ("en-ca", "jaw pain", "Temporomandibular joint (TMJ) syndrome"),
        ("en-ca", "prolo", "Prolotherapy"),
        ("en-ca", "OA", "Osteoarthritis"),
        ("fr-ca", "genou", "Problèmes de hanche et de genou"),
        ("fr-ca", "ATM", "Syndrome de l’articulation temporo-mandibulaire (ATM)"),
        ("fr-ca", "mâchoire", "Syndrome de l’articulation temporo-mandibulaire (ATM)"),
        ("fr-ca", "prolo", "Prolothérapie"),
        ("fr-ca", "arthrose", "Arthrose"),
    ],
)
def test_a_patients_word_finds_the_page(client, site, language, query, expected):
    assert expected in first_titles(client, language, query)
