"""schema.org JSON-LD for treatment and condition pages, built from the page itself.

Only what the page shows, and only what happened: ``lastReviewed`` and ``reviewedBy`` appear
once a physician has reviewed the page. Types and properties are checked against the schema.org
vocabulary in tests/treatments/test_structured_data.py.
"""

from home.templatetags.clinic_tags import bcp47


def medical_web_page(page, request=None, *, about_type, about_extra=None):
    """A ``MedicalWebPage`` about the page's treatment or condition, as a dict for json.dumps."""
    url = page_url(page, request)
    about = {"@type": about_type, "name": page.title}
    names = page.alternate_names
    if names:
        about["alternateName"] = names
    about.update(about_extra or {})
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.seo_title or page.title,
        "description": page.summary,
        "inLanguage": bcp47(page.locale.language_code),
        "about": about,
    }
    if url:
        data["url"] = url
    if page.last_reviewed:
        data["lastReviewed"] = page.last_reviewed.isoformat()
        if page.reviewed_by:
            data["reviewedBy"] = {"@type": "Person", "name": page.reviewed_by}
    citations = [citation(block.value) for block in page.references]
    if citations:
        data["citation"] = citations
    return data


def page_url(page, request=None):
    if request is not None:
        # From the request's own origin, like the canonical link the frame prints.
        return request.build_absolute_uri(page.get_url(request))
    return page.get_full_url()


def condition_details(page, treatments, request=None):
    """``signOrSymptom`` and ``possibleTreatment`` of a condition, from its symptoms and the
    treatment pages it links to (in the reader's language)."""
    details = {}
    symptoms = page.symptom_list
    if symptoms:
        details["signOrSymptom"] = [
            {"@type": "MedicalSignOrSymptom", "name": symptom} for symptom in symptoms
        ]
    therapies = []
    for treatment in treatments:
        therapy = {"@type": "MedicalTherapy", "name": treatment.title}
        url = page_url(treatment, request)
        if url:
            therapy["url"] = url
        therapies.append(therapy)
    if therapies:
        details["possibleTreatment"] = therapies
    return details


def authors(reference, *, organization):
    """Vancouver-style authors ("Rabago D, Patterson JJ, et al.") as ``Person`` entries; a
    group author (a web page's publisher) as one ``Organization``."""
    text = (reference.get("authors") or "").strip()
    if not text:
        return []
    if organization:
        return [{"@type": "Organization", "name": text}]
    names = [name.strip().rstrip(".") for name in text.split(",")]
    return [{"@type": "Person", "name": name} for name in names if name and name != "et al"]


def citation(reference):
    """A cited source: a ``ScholarlyArticle`` when it has a DOI or a journal, else (a web page
    known only by its address) a ``WebPage``."""
    is_web_page = bool(reference.get("url")) and not reference.get("doi")
    work = {
        "@type": "WebPage" if is_web_page else "ScholarlyArticle",
        "name": reference["title"].strip().rstrip("."),
    }
    people = authors(reference, organization=is_web_page)
    if people:
        work["author"] = people
    if reference.get("doi"):
        work["sameAs"] = f"https://doi.org/{reference['doi']}"
    elif reference.get("url"):
        work["url"] = reference["url"]
    return work
