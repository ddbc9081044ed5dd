"""schema.org ``MedicalClinic`` JSON-LD for the home and contact pages, in the page's language."""

from django.utils.translation import get_language, gettext

from home.templatetags.clinic_tags import bcp47
from practice.formatting import phone_digits
from practice.selectors import opening_hours_specification, practice_details


def medical_clinic(request=None):
    details = practice_details()
    if details is None:
        return None
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        "name": details.name,
        "inLanguage": bcp47(get_language()),
        "availableLanguage": [
            {"@type": "Language", "name": "English", "alternateName": "en"},
            {"@type": "Language", "name": "French", "alternateName": "fr"},
        ],
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
    digits = phone_digits(details.phone)
    if digits:
        data["telephone"] = f"+1-{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    if details.email:
        data["email"] = details.email
    hours = opening_hours_specification(details)
    if hours:
        data["openingHoursSpecification"] = hours
    return data
