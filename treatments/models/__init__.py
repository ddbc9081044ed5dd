"""Treatment and condition pages and the index pages that list them (one page type a module)."""

from treatments.models.clinical import SUMMARY_MAX_LENGTH, ClinicalPage
from treatments.models.condition_page import ConditionPage, ConditionTreatment
from treatments.models.index_pages import ConditionIndexPage, TreatmentIndexPage
from treatments.models.treatment_page import TreatmentPage

__all__ = [
    "SUMMARY_MAX_LENGTH",
    "ClinicalPage",
    "ConditionIndexPage",
    "ConditionPage",
    "ConditionTreatment",
    "TreatmentIndexPage",
    "TreatmentPage",
]
