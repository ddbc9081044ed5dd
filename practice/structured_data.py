"""schema.org ``MedicalClinic`` JSON-LD for the home and contact pages, in the page's language."""

from django.utils.translation import get_language, gettext

from practice.formatting import phone_digits
from practice.selectors import opening_hours_specification, practice_details

LANGUAGES = [
    {"@type": "Language", "name": "English", "alternateName": "en"},
    {"@type": "Language", "name": "French", "alternateName": "fr"},
]


def medical_clinic(request=None):
    details = practice_details()
    if details is None:
        return None
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        # Words in the page's language (schema.org has no inLanguage for an organization).
        "name": details.name,
        # schema.org's MedicalSpecialty list has no prolotherapy; musculoskeletal care is apt.
        "medicalSpecialty": "Musculoskeletal",
        "description": gettext("A medical practice that offers prolotherapy."),
    }
    if request is not None:
        data["url"] = request.build_absolute_uri("/" + get_language() + "/")
    if details.street_address or details.city:
        address = {"@type": "PostalAddress", "addressCountry": "CA"}
        for key, value in (
            ("streetAddress", details.street_address),
            ("addressLocality", details.city),
            ("addressRegion", details.province),
            ("postalCode", details.postal_code),
        ):
            if value:
                address[key] = value
        data["address"] = address
    # availableLanguage belongs to a ContactPoint, not to the clinic itself.
    contact = {"@type": "ContactPoint", "contactType": "reception", "availableLanguage": LANGUAGES}
    digits = phone_digits(details.phone)
    if digits:
        data["telephone"] = contact["telephone"] = f"+1-{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    data["contactPoint"] = contact
    if details.email:
        data["email"] = details.email
    hours = opening_hours_specification(details)
    if hours:
        data["openingHoursSpecification"] = hours
    return data
