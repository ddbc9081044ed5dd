"""schema.org JSON-LD for treatment and condition pages, built from the page itself."""

from home.templatetags.clinic_tags import bcp47


def medical_web_page(page, request=None, *, about_type):
    """A ``MedicalWebPage`` about the page's treatment or condition, as a dict for json.dumps."""
    if request is not None:
        # From the request's own origin, like the canonical link the frame prints.
        url = request.build_absolute_uri(page.get_url(request))
    else:
        url = page.get_full_url()
    about = {"@type": about_type, "name": page.title}
    names = page.alternate_names
    if names:
        about["alternateName"] = names
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
    if page.reviewed_by and page.last_reviewed:
        data["reviewedBy"] = {"@type": "Person", "name": page.reviewed_by}
    citations = [citation(block.value) for block in page.references]
    if citations:
        data["citation"] = citations
    return data


def citation(reference):
    work = {"@type": "ScholarlyArticle", "name": reference["title"]}
    if reference.get("authors"):
        work["author"] = reference["authors"]
    if reference.get("doi"):
        work["sameAs"] = f"https://doi.org/{reference['doi']}"
    elif reference.get("url"):
        work["url"] = reference["url"]
    return work
